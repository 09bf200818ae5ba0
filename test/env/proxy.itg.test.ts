import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from './environment.js';
import { localCatalog } from '../support/catalog.js';
import { GitHubDouble } from '../support/github-double.js';
import { pushTestImage } from '../support/oci-push.js';
import { loadCatalog } from '../../src/build/catalog-source.js';
import { UserError } from '../../src/errors.js';
import { GitHubClient } from '../../src/github/client.js';
import { KubeClient } from '../../src/kube/client.js';
import { loadKubeconfig } from '../../src/kube/config.js';
import { RegistryClient } from '../../src/oci/client.js';
import { postWebhook } from '../../src/report/webhook.js';

/**
 * Every outbound request honours the runner's proxy settings (src/http). A real forward
 * proxy, Debian's tinyproxy (installed by test/env/proxy.sh, started here on
 * a port of its own with its own log), stands between the actions' code and
 * the real registry, the real API server, a webhook, a catalog server and the
 * GitHub API double. With HTTPS_PROXY set, each request shows up in the
 * proxy's log (a CONNECT per https connection, the absolute URL per plain
 * http request); with the host in NO_PROXY, none does and the requests still
 * succeed.
 *
 * The local services listen on 127.0.0.1, and a loopback address never goes
 * through a proxy (the runner's rule, kept by src/http/proxy.ts). So the
 * test names them by the TLS registry's host name,
 * registry-tls.pipeline-actions.test, which test/env puts in /etc/hosts for
 * 127.0.0.1: not loopback by name, so the proxy applies, and tinyproxy
 * resolves it to the same services. The API server's certificate does not
 * name that host, so the connection checks the kubeconfig's
 * tls-server-name (`kubernetes`) and presents its client certificate inside
 * the tunnel: TLS runs end to end, the proxy only forwards bytes.
 */

const env = loadEnvironment();
const HOST = env.registryTlsName.split(':')[0] ?? '';
const TLS_PORT = env.registryTlsName.split(':')[1] ?? '';
const credentials = { username: env.registryTlsUser, password: env.registryTlsPassword };
const saved = { ...process.env };

let proxy: Tinyproxy;
let site: https.Server;
let sitePort = 0;
let github: GitHubDouble;
const posted: string[] = [];

beforeAll(async () => {
  proxy = await Tinyproxy.start();
  // A webhook and a catalog over https, with the TLS registry's certificate
  // (issued to HOST by the environment's CA).
  const pki = dirname(env.caFile);
  site = https.createServer(
    {
      cert: readFileSync(join(pki, 'registry-tls.crt')),
      key: readFileSync(join(pki, 'registry-tls.key')),
    },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'POST') posted.push(Buffer.concat(chunks).toString('utf8'));
        response.end(request.url === '/catalog.yaml' ? CATALOG : 'ok');
      });
    },
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as { port: number }).port;
  // The webhook and the catalog trust the system's CAs only; a runner behind
  // a TLS-inspecting proxy adds its CA with NODE_EXTRA_CA_CERTS, which this
  // is the in-process equivalent of.
  tls.setDefaultCACertificates([
    ...tls.getCACertificates('default'),
    readFileSync(env.caFile, 'utf8'),
  ]);
  github = await GitHubDouble.start({ token: 'ghs_proxy-test', repository: 'acme/shop' });
});

afterEach(() => {
  process.env = { ...saved };
});

afterAll(async () => {
  tls.setDefaultCACertificates(tls.getCACertificates('bundled'));
  await github?.close();
  site?.close();
  await proxy?.stop();
});

function behindProxy(noProxy = ''): void {
  process.env.HTTPS_PROXY = proxy.url;
  process.env.HTTP_PROXY = proxy.url;
  process.env.NO_PROXY = noProxy;
  delete process.env.https_proxy;
  delete process.env.http_proxy;
  delete process.env.no_proxy;
}

/** Each proxied exchange the application makes, in the order the proxy saw them. */
async function everyExchange(): Promise<{
  registry: () => Promise<void>;
  apiServer: () => Promise<void>;
  webhook: () => Promise<void>;
  catalog: () => Promise<void>;
  github: () => Promise<void>;
}> {
  const repository = `proxy/${Date.now().toString(36)}/app`;
  const image = await pushTestImage({
    registry: env.registryTlsName,
    repository,
    tag: '1.0.0',
    caFile: env.caFile,
    creds: `${credentials.username}:${credentials.password}`,
  });
  const connection = loadKubeconfig(env.kubeconfig);
  const apiPort = new URL(connection.server).port;
  return {
    registry: async () => {
      const client = new RegistryClient(env.registryTlsName, {
        caFile: env.caFile,
        credentials,
        dockerConfig: false,
      });
      try {
        expect(await client.listTags(repository)).toEqual(['1.0.0']);
        expect((await client.getImageConfig(repository, '1.0.0')).digest).toBe(image.digest);
        // A write too: the same manifest under a second tag.
        const manifest = await client.getManifest(repository, '1.0.0');
        await client.putManifest(repository, 'again', manifest.bytes, manifest.mediaType);
      } finally {
        client.close();
      }
    },
    apiServer: async () => {
      const client = new KubeClient({
        ...connection,
        server: `https://${HOST}:${apiPort}`,
        tlsServerName: 'kubernetes',
      });
      try {
        expect(await client.version()).toBe(env.k8sVersion);
        const configMaps = await client.resource('v1', 'ConfigMap');
        expect(await client.list(configMaps!, 'kube-system')).toBeInstanceOf(Array);
      } finally {
        client.close();
      }
    },
    webhook: () => postWebhook(`https://${HOST}:${sitePort}/hooks/T0/B0/x`, 'through the proxy'),
    catalog: async () => {
      const catalog = await loadCatalog(`https://${HOST}:${sitePort}/catalog.yaml`);
      expect(catalog).toBeDefined();
    },
    github: async () => {
      const client = new GitHubClient({
        token: 'ghs_proxy-test',
        repository: 'acme/shop',
        apiUrl: github.url.replace('127.0.0.1', HOST),
      });
      const issues = await client.request<unknown[]>('GET /repos/{owner}/{repo}/issues');
      expect(issues.status).toBe(200);
    },
  };
}

describe('HTTPS_PROXY and NO_PROXY, through a real forward proxy', () => {
  it('sends registry, API server, webhook, catalog and GitHub requests through the proxy', async () => {
    const exchanges = await everyExchange();
    const apiPort = new URL(loadKubeconfig(env.kubeconfig).server).port;
    behindProxy();
    for (const [name, exchange] of Object.entries(exchanges)) {
      const before = proxy.requests().length;
      await exchange();
      const seen = proxy.requests().slice(before);
      const expected = {
        registry: `CONNECT ${HOST}:${TLS_PORT}`,
        apiServer: `CONNECT ${HOST}:${apiPort}`,
        webhook: `CONNECT ${HOST}:${sitePort}`,
        catalog: `CONNECT ${HOST}:${sitePort}`,
        github: `GET ${github.url.replace('127.0.0.1', HOST)}/repos/acme/shop/issues`,
      }[name];
      expect(seen.length, `${name}: ${seen.join(', ')}`).toBeGreaterThan(0);
      expect(
        seen.every((line) => line.startsWith(expected!)),
        `${name}: ${seen.join(', ')}`,
      ).toBe(true);
    }
    expect(posted).toContain(JSON.stringify({ text: 'through the proxy' }));
    github.assertNoViolations();
  });

  it('goes direct to the hosts in NO_PROXY (a domain suffix with its leading dot)', async () => {
    const exchanges = await everyExchange();
    behindProxy(`.${HOST.split('.').slice(1).join('.')}`);
    const before = proxy.requests().length;
    for (const exchange of Object.values(exchanges)) await exchange();
    expect(proxy.requests().slice(before)).toEqual([]);
  });

  it('says so when the proxy refuses the tunnel, without retrying a refusal', async () => {
    const strict = await Tinyproxy.start(['ConnectPort 443']);
    try {
      process.env.HTTPS_PROXY = strict.url;
      const client = new RegistryClient(env.registryTlsName, {
        caFile: env.caFile,
        credentials,
        dockerConfig: false,
      });
      const error = await client.listTags('proxy/refused').catch((caught: unknown) => caught);
      client.close();
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toContain(
        `The proxy ${strict.url} refused to open a tunnel to ${env.registryTlsName} (HTTP 403`,
      );
      expect(strict.requests()).toHaveLength(1);
    } finally {
      await strict.stop();
    }
  });
});

/** The catalog the platform publishes: the standard images pinned to what test/env/up built. */
const CATALOG = localCatalog(loadEnvironment());

/** tinyproxy on a free port of this machine, in the foreground, logging each request it forwards. */
class Tinyproxy {
  private constructor(
    readonly url: string,
    private readonly dir: string,
    private readonly process: ChildProcess,
  ) {}

  static async start(extraConfig: string[] = []): Promise<Tinyproxy> {
    const binary = '/usr/bin/tinyproxy';
    try {
      readFileSync(binary);
    } catch {
      throw new Error(`${binary} is missing: run test/env/up (it installs tinyproxy).`);
    }
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'tinyproxy-'));
    writeFileSync(
      join(dir, 'tinyproxy.conf'),
      [
        `Port ${port}`,
        'Listen 127.0.0.1',
        'Timeout 60',
        'MaxClients 50',
        'Allow 127.0.0.1',
        'LogLevel Connect',
        `LogFile "${join(dir, 'tinyproxy.log')}"`,
        ...extraConfig,
      ].join('\n'),
    );
    const child = spawn(binary, ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
    const proxy = new Tinyproxy(`http://127.0.0.1:${port}`, dir, child);
    await proxy.listening(port);
    return proxy;
  }

  /** `CONNECT host:port` and `GET http://…` lines, one per request it received. */
  requests(): string[] {
    let log: string;
    try {
      log = readFileSync(join(this.dir, 'tinyproxy.log'), 'utf8');
    } catch {
      return [];
    }
    return [...log.matchAll(/Request \(file descriptor \d+\): (\S+ \S+) HTTP\/1\.[01]/g)].map(
      (match) => match[1] ?? '',
    );
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async listening(port: number): Promise<void> {
    for (let tries = 0; tries < 50 && this.process.exitCode === null; tries++) {
      if (await connects(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `tinyproxy did not start on 127.0.0.1:${port} (exit ${this.process.exitCode}).`,
    );
  }
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
