// The local environment works end to end: helm 3 and helm 4 deploy a chart
// whose Deployment becomes Ready, both registries take pushes and serve pulls,
// BuildKit builds on a standard base image, and the fault proxy really breaks
// a registry and the API server. Needs test/env/up; fails (never skips) without it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment } from './environment.js';
import { FaultProxy } from './fault-proxy.js';

const env = loadEnvironment();
const suffix = `${process.pid}-${Date.now().toString(36)}`;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a real command; never throws, the caller asserts. */
function run(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  input?: string,
): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      { env: { ...process.env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs a command that must succeed; the failure message carries its output. */
async function must(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  input?: string,
): Promise<string> {
  const r = await run(cmd, args, extraEnv, input);
  if (r.code !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  }
  return r.stdout;
}

/** One GET on a fresh connection (no keep-alive), so every request meets the current fault. */
function get(
  url: string,
  timeoutMs = 5000,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

let work: string;
let chartDir: string;
let helmEnv: Record<string, string>;
const kube = (): Record<string, string> => ({ KUBECONFIG: env.kubeconfig });
const namespaces: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pa-env-test-'));
  helmEnv = {
    KUBECONFIG: env.kubeconfig,
    HELM_CONFIG_HOME: join(work, 'helm', 'config'),
    HELM_CACHE_HOME: join(work, 'helm', 'cache'),
    HELM_DATA_HOME: join(work, 'helm', 'data'),
  };
  chartDir = join(work, 'demo');
  await mkdir(join(chartDir, 'templates'), { recursive: true });
  await writeFile(
    join(chartDir, 'Chart.yaml'),
    'apiVersion: v2\nname: demo\ndescription: env smoke test\ntype: application\nversion: 0.1.0\nappVersion: "1.0.0"\n',
  );
  await writeFile(
    join(chartDir, 'values.yaml'),
    `replicas: 2\nimage: ${JSON.stringify(env.imageBusybox)}\n`,
  );
  await writeFile(
    join(chartDir, 'templates', 'deployment.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      '  labels: { app: {{ .Release.Name }} }',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
      '  selector:',
      '    matchLabels: { app: {{ .Release.Name }} }',
      '  template:',
      '    metadata:',
      '      labels: { app: {{ .Release.Name }} }',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: {{ .Values.image | quote }}',
      '          command: ["httpd", "-f", "-p", "8080"]',
      '          ports: [{ containerPort: 8080 }]',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(chartDir, 'templates', 'service.yaml'),
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  selector: { app: {{ .Release.Name }} }',
      '  ports: [{ port: 80, targetPort: 8080 }]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  for (const ns of namespaces)
    await run(env.kubectl, ['delete', 'namespace', ns, '--wait=false'], kube());
  if (work) await rm(work, { recursive: true, force: true });
});

describe('helm deploys to the local cluster', () => {
  it.each([
    ['helm 3', () => env.helm3, 'v3.'],
    ['helm 4', () => env.helm4, 'v4.'],
  ])('%s: upgrade --install --wait makes the Deployment Ready', async (_name, helm, major) => {
    const version = await must(helm(), ['version', '--template', '{{.Version}}'], helmEnv);
    expect(version).toMatch(new RegExp(`^${major.replace('.', '\\.')}`));

    const ns = `pa-env-${major.replace('.', '')}-${suffix}`;
    namespaces.push(ns);
    await must(
      helm(),
      [
        'upgrade',
        '--install',
        'demo',
        chartDir,
        '-n',
        ns,
        '--create-namespace',
        '--wait',
        '--timeout',
        '2m',
      ],
      helmEnv,
    );
    const status = await must(
      env.kubectl,
      ['-n', ns, 'rollout', 'status', 'deployment/demo', '--timeout=60s'],
      kube(),
    );
    expect(status).toContain('successfully rolled out');
    const deploy = JSON.parse(
      await must(env.kubectl, ['-n', ns, 'get', 'deployment', 'demo', '-o', 'json'], kube()),
    ) as {
      spec: { replicas: number };
      status: { readyReplicas?: number; updatedReplicas?: number };
    };
    expect(deploy.spec.replicas).toBe(2);
    expect(deploy.status.readyReplicas).toBe(deploy.spec.replicas);
    const svc = await must(
      env.kubectl,
      ['-n', ns, 'get', 'service', 'demo', '-o', 'jsonpath={.spec.clusterIP}'],
      kube(),
    );
    expect(svc).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('registries', () => {
  it('helm 3 pushes a chart to the TLS + basic-auth registry (by name), helm 4 pulls it (by IP); no login is refused', async () => {
    const pkgDir = join(work, 'pkg');
    await mkdir(pkgDir, { recursive: true });
    await must(env.helm3, ['package', chartDir, '-d', pkgDir], helmEnv);
    const tgz = join(pkgDir, 'demo-0.1.0.tgz');
    const path = `env-test-${suffix}`;
    const byName = `oci://${env.registryTlsName}/${path}`;
    const byIp = `oci://${env.registryTls}/${path}`;

    const anonymous = await run(env.helm3, ['push', tgz, byName, '--ca-file', env.caFile], helmEnv);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/401|unauthorized|basic auth credentials/i);

    for (const [helm, host] of [
      [env.helm3, env.registryTlsName],
      [env.helm4, env.registryTls],
    ] as const) {
      await must(
        helm,
        [
          'registry',
          'login',
          host,
          '-u',
          env.registryTlsUser,
          '--password-stdin',
          '--ca-file',
          env.caFile,
        ],
        helmEnv,
        env.registryTlsPassword,
      );
    }
    const pushed = await run(env.helm3, ['push', tgz, byName, '--ca-file', env.caFile], helmEnv);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout + pushed.stderr).toMatch(/Digest: sha256:[0-9a-f]{64}/);

    // helm 4 pulls what helm 3 pushed, through the IP form of the same registry
    const pullDir = join(work, 'pulled');
    await mkdir(pullDir, { recursive: true });
    await must(
      env.helm4,
      ['pull', `${byIp}/demo`, '--version', '0.1.0', '--ca-file', env.caFile, '-d', pullDir],
      helmEnv,
    );
    const shown = await must(
      env.helm4,
      ['show', 'chart', join(pullDir, 'demo-0.1.0.tgz')],
      helmEnv,
    );
    expect(shown).toContain('name: demo');

    // and helm 3 really cannot use the IP form: it speaks plain HTTP to loopback addresses
    const helm3ByIp = await run(
      env.helm3,
      ['pull', `${byIp}/demo`, '--version', '0.1.0', '--ca-file', env.caFile, '-d', pullDir],
      helmEnv,
    );
    expect(helm3ByIp.code).not.toBe(0);
    expect(helm3ByIp.stderr).toContain(`http://${env.registryTls}/`);
  });

  it('docker builds with BuildKit on a standard image and pushes/pulls through both registries', async () => {
    const dockerConfig = join(work, 'docker');
    await mkdir(dockerConfig, { recursive: true });
    const denv = { DOCKER_CONFIG: dockerConfig, DOCKER_BUILDKIT: '1' };
    const ctx = join(work, 'ctx');
    await mkdir(ctx, { recursive: true });
    await writeFile(
      join(ctx, 'Dockerfile'),
      `FROM ${env.imageBusybox}\nRUN echo built-by-buildkit > /tmp/marker\n`,
    );
    const open = `${env.registry}/env-test/app:${suffix}`;
    const tls = `${env.registryTls}/env-test/app:${suffix}`;

    const built = await run(
      'docker',
      ['buildx', 'build', '--progress', 'plain', '--load', '-t', open, ctx],
      denv,
    );
    expect(built.code, built.stderr).toBe(0);
    // the classic builder prints "Step 1/2"; BuildKit prints "#1 [internal] load ..."
    expect(built.stderr).toMatch(/^#\d+ /m);
    await must('docker', ['push', open], denv);
    await must('docker', ['tag', open, tls], denv);

    const anonymous = await run('docker', ['push', tls], denv);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(
      /no basic auth credentials|unauthorized|authentication required/i,
    );

    await must(
      'docker',
      ['login', env.registryTls, '-u', env.registryTlsUser, '--password-stdin'],
      denv,
      env.registryTlsPassword,
    );
    await must('docker', ['push', tls], denv);
    await must('docker', ['rmi', open, tls], denv);
    await must('docker', ['pull', open], denv);
    await must('docker', ['pull', tls], denv);
    const marker = await must('docker', ['run', '--rm', tls, 'cat', '/tmp/marker'], denv);
    expect(marker.trim()).toBe('built-by-buildkit');
    await run('docker', ['rmi', open, tls], denv);
  });
});

describe('fault proxy', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await FaultProxy.start({ target: env.registry });
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('in front of the open registry: 503 with Retry-After, reset, refuse, delay, heal', async () => {
    const url = `http://${proxy.address}/v2/`;
    expect((await get(url)).status).toBe(200);

    proxy.http503({ count: 2, retryAfterSeconds: 7 });
    const first = await get(url);
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('7');
    expect((await get(url)).status).toBe(503);
    expect((await get(url)).status).toBe(200); // the count is used up

    // A manifest HEAD meets a 503 it can parse: headers, no body.
    proxy.http503({ count: 1 });
    expect((await get(url, 5000, 'HEAD')).status).toBe(503);

    proxy.http503({ forMs: 60_000 });
    expect((await get(url)).status).toBe(503);
    proxy.heal();
    expect((await get(url)).status).toBe(200);

    proxy.reset();
    await expect(get(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    proxy.heal();
    expect((await get(url)).status).toBe(200);

    proxy.refuse();
    await expect(get(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    proxy.heal();
    await proxy.listening();
    expect((await get(url)).status).toBe(200);

    proxy.delay(400);
    const t0 = Date.now();
    expect((await get(url)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    await expect(get(url, 100)).rejects.toThrow(/timeout/);
    proxy.heal();

    proxy.refuse(300); // heals itself
    await expect(get(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await new Promise((r) => setTimeout(r, 600));
    expect((await get(url)).status).toBe(200);

    const s = proxy.stats();
    expect(s.http503).toBe(4);
    expect(s.reset).toBeGreaterThanOrEqual(1);
    expect(s.delayed).toBeGreaterThanOrEqual(2);
    expect(s.forwarded).toBeGreaterThanOrEqual(6);
  });

  it('in front of the open registry: docker pull fails while refused and works after heal', async () => {
    const ref = `${proxy.address}/${env.imageBusybox.slice(env.registry.length + 1)}`;
    const denv = { DOCKER_CONFIG: join(work, 'docker-proxy') };
    proxy.refuse();
    const refused = await run('docker', ['pull', ref], denv);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/connection refused/i);
    proxy.heal();
    await proxy.listening();
    await must('docker', ['pull', ref], denv);
    await run('docker', ['rmi', ref], denv);
  });

  it('in front of the API server (TLS passthrough): kubectl fails while refused, reset or slow; works after heal', async () => {
    const apiProxy = await FaultProxy.start({ target: env.apiserver });
    try {
      const original = await readFile(env.kubeconfig, 'utf8');
      const needle = `https://${env.apiserver}`;
      expect(original).toContain(needle);
      const proxied = join(work, 'proxied.kubeconfig');
      await writeFile(proxied, original.split(needle).join(`https://${apiProxy.address}`), {
        mode: 0o600,
      });
      const kubectl = (...args: string[]): Promise<Result> =>
        run(env.kubectl, ['--kubeconfig', proxied, '--request-timeout=3s', ...args]);

      expect((await kubectl('get', '--raw', '/readyz')).stdout).toBe('ok');

      apiProxy.refuse();
      const refused = await kubectl('get', 'namespace', 'default');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/connection refused/i);
      apiProxy.heal();
      await apiProxy.listening();
      expect((await kubectl('get', 'namespace', 'default')).code).toBe(0);

      apiProxy.reset();
      const reset = await kubectl('get', 'namespace', 'default');
      expect(reset.code).not.toBe(0);
      expect(reset.stderr).toMatch(/connection reset by peer|EOF/i);
      apiProxy.heal();

      apiProxy.delay(2500);
      const slow = await run(env.kubectl, [
        '--kubeconfig',
        proxied,
        '--request-timeout=1s',
        'get',
        'namespace',
        'default',
      ]);
      expect(slow.code).not.toBe(0);
      expect(slow.stderr).toMatch(/timeout|deadline|Client\.Timeout/i);
      apiProxy.heal();

      // documented: on a TLS upstream, http503 breaks the handshake instead of answering 503
      apiProxy.http503({ count: 5 });
      const tls503 = await kubectl('get', 'namespace', 'default');
      expect(tls503.code).not.toBe(0);
      apiProxy.heal();

      expect((await kubectl('get', 'namespace', 'default')).code).toBe(0);
      expect(apiProxy.stats().reset).toBeGreaterThanOrEqual(1);
    } finally {
      await apiProxy.close();
    }
  });
});
