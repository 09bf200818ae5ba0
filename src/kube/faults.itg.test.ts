import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, kubectl, testNamespace } from '../../test/fixtures/deploy/harness.js';
import { apiServerProxy, type ApiServerProxy } from '../../test/support/faults.js';
import { OutageError, UserError } from '../errors.js';
import { KubeClient, type ApiResource, type KubeClientOptions } from './client.js';
import { loadKubeconfig } from './config.js';

/**
 * The API client against the real API server of test/env, through the fault
 * proxy terminating TLS in front of it (test/support/faults.ts): a
 * continue token that expires between pages, throttling with Retry-After, a
 * 503 storm, an answer cut mid-body, an answer over the client's bound, a
 * refusal that names the missing permission, a type the server does not
 * serve. Each ends in the right answer or in the outage message, never in
 * a partial list.
 */

let api: ApiServerProxy;
let namespace: { name: string; remove: () => Promise<void> };

const configmaps: ApiResource = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  name: 'configmaps',
  namespaced: true,
  verbs: ['list'],
};

beforeAll(async () => {
  api = await apiServerProxy();
  namespace = await testNamespace('kube-faults');
  for (const name of ['a', 'b', 'c']) {
    await kubectl([
      'create',
      'configmap',
      name,
      '-n',
      namespace.name,
      `--from-literal=key=${name}`,
    ]);
  }
  // The controller adds kube-root-ca.crt when it gets to it: wait for it, so every list is the same.
  await kubectl([
    'wait',
    '--for=create',
    'configmap/kube-root-ca.crt',
    '-n',
    namespace.name,
    '--timeout=60s',
  ]);
});
afterAll(async () => {
  await namespace?.remove();
  await api?.close();
});

function client(options: KubeClientOptions = {}): KubeClient {
  api.proxy.heal();
  api.proxy.resetStats();
  return new KubeClient(loadKubeconfig(api.kubeconfig), {
    attempts: 3,
    consequence: 'nothing was deployed',
    ...options,
  });
}

const names = (items: { metadata?: { name?: string } }[] | undefined) =>
  items?.map((item) => item.metadata?.name);

describe('the Kubernetes API client through faults in front of the real API server', () => {
  it('lists in pages, starts over when the continue token expired, and counts every request', async () => {
    const kube = client();
    try {
      // The real server's answer to a token past etcd's compaction, which takes minutes to provoke.
      api.proxy.answer(410, {
        count: 1,
        match: /[?&]continue=/,
        body: JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: 'the continue token is too old; start the list again',
        }),
      });
      const items = await kube.list(configmaps, namespace.name, { pageSize: 1 });
      expect(items?.map((item) => [item.kind, item.metadata?.name])).toEqual([
        ['ConfigMap', 'a'],
        ['ConfigMap', 'b'],
        ['ConfigMap', 'c'],
        ['ConfigMap', 'kube-root-ca.crt'],
      ]);
      const path = `/api/v1/namespaces/${namespace.name}/configmaps?limit=1`;
      expect(
        api.proxy.requestLog().map((line) => line.replace(/continue=[^ &]+/, 'continue=T')),
      ).toEqual([
        `GET ${path} -> 200`,
        `GET ${path}&continue=T -> 410`,
        `GET ${path} -> 200`,
        `GET ${path}&continue=T -> 200`,
        `GET ${path}&continue=T -> 200`,
        `GET ${path}&continue=T -> 200`,
      ]);
      expect(kube.counts).toEqual({ discovery: 0, list: 6, apply: 0, patch: 0, total: 6 });
    } finally {
      kube.close();
    }
  });

  it('waits out throttling, honouring Retry-After', async () => {
    const kube = client();
    try {
      api.proxy.http429({ count: 2, retryAfterSeconds: 1, match: /^GET \/version/ });
      const started = Date.now();
      expect(await kube.version()).toMatch(/^v1\./);
      // Each retry waited the second the server asked for, at least.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(api.proxy.stats().http429).toBe(2);
      expect(kube.counts.discovery).toBe(3);
    } finally {
      kube.close();
    }
  });

  it('a 503 storm is an outage that names the server, the attempts and the time', async () => {
    const kube = client();
    try {
      api.proxy.http503({ retryAfterSeconds: 0 });
      const error = await kube.version().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutageError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^the Kubernetes API server ${api.server.replace(/\./g, '\\.')} \\(.*\\) could not be reached after 3 attempts over \\d+\\.\\d s: GET /version: HTTP 503 fault-proxy: 503 Service Unavailable; nothing was deployed$`,
        ),
      );
      expect(api.proxy.stats().http503).toBe(3);
    } finally {
      kube.close();
    }
  });

  it('a LIST cut mid-answer is read again, and one cut every time is an outage, never a partial list', async () => {
    const kube = client();
    try {
      api.proxy.cutResponse({ match: /\/configmaps\?/, after: 64, count: 1 });
      expect(names(await kube.list(configmaps, namespace.name))).toEqual([
        'a',
        'b',
        'c',
        'kube-root-ca.crt',
      ]);
      expect(api.proxy.stats().responsesCut).toBe(1);
      expect(kube.counts.list).toBe(2);

      api.proxy.cutResponse({ match: /\/configmaps\?/, after: 64, count: 100 });
      const error = await kube.list(configmaps, namespace.name).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutageError);
      expect((error as Error).message).toMatch(
        /could not be reached after 3 attempts over \d+\.\d s: .*closed the connection mid-answer; nothing was deployed$/,
      );
      expect(api.proxy.stats().responsesCut).toBe(4);
    } finally {
      kube.close();
    }
  });

  it('refuses an answer larger than its bound', async () => {
    const bounded = client({ maxResponseBytes: 64 });
    try {
      await expect(bounded.list(configmaps, namespace.name)).rejects.toThrow(
        'answered more than 64 bytes; refusing to hold more.',
      );
    } finally {
      bounded.close();
    }
  });

  it('names the missing permission', async () => {
    await kubectl(['create', 'serviceaccount', 'ci', '-n', namespace.name]);
    const token = (await kubectl(['create', 'token', 'ci', '-n', namespace.name])).trim();
    // Straight to the API server: the proxy would send its own credentials.
    const admin = loadKubeconfig(env().kubeconfig);
    const kube = new KubeClient(
      {
        server: admin.server,
        source: 'a service account token',
        insecureSkipTlsVerify: false,
        ...(admin.ca ? { ca: admin.ca } : {}),
        authorization: () => Promise.resolve(`Bearer ${token}`),
      },
      { attempts: 1 },
    );
    try {
      const error = await kube.list(configmaps, namespace.name).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(
        `Could not list configmaps in namespace ${namespace.name}: the Kubernetes API server ${admin.server} does not allow it (configmaps is forbidden: User "system:serviceaccount:${namespace.name}:ci" cannot list resource "configmaps" in API group "" in the namespace "${namespace.name}").`,
      );
      // The fix fits every action that reads the cluster (no drift-check wording in helm-deploy).
      expect((error as UserError).fix).toMatch(
        /^give the kubeconfig's identity the permission the API server's message names/,
      );
    } finally {
      kube.close();
    }
  });

  it('a type the server does not serve is undefined, not an error', async () => {
    const kube = client();
    try {
      expect(
        await kube.list({ ...configmaps, group: 'example.com', name: 'widgets' }, namespace.name),
      ).toBeUndefined();
      expect(await kube.resource('example.com/v1', 'Widget')).toBeUndefined();
    } finally {
      kube.close();
    }
  });
});
