import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { KubeClient, type ApiResource } from './client.js';

/**
 * The API client's protocol handling, on answers the real API server seldom
 * gives on demand (an expired continue token, a throttled request, a huge
 * body). The integration suites drive it against the real server.
 */

type Route = (
  request: IncomingMessage,
  url: URL,
) => { status: number; body: unknown; headers?: Record<string, string> };
let route: Route;
const seen: string[] = [];
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  const url = new URL(request.url ?? '/', 'http://x');
  seen.push(`${request.method} ${url.pathname}${url.search}`);
  const answer = route(request, url);
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const configmaps: ApiResource = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  name: 'configmaps',
  namespaced: true,
  verbs: ['list'],
};

function client(options = {}) {
  return new KubeClient(
    {
      server: base,
      source: 'test',
      insecureSkipTlsVerify: false,
      authorization: async () => 'Bearer t',
    },
    { attempts: 3, ...options },
  );
}

describe('the Kubernetes API client', () => {
  it('lists in pages, starts over when the continue token expired, and counts every request', async () => {
    seen.length = 0;
    let expired = true;
    route = (_, url) => {
      const token = url.searchParams.get('continue');
      if (token === 'p2' && expired) {
        expired = false;
        return { status: 410, body: { kind: 'Status', reason: 'Expired' } };
      }
      const name = token ? 'b' : 'a';
      return {
        status: 200,
        body: { items: [{ metadata: { name } }], metadata: token ? {} : { continue: 'p2' } },
      };
    };
    const kube = client();
    const items = await kube.list(configmaps, 'shop');
    expect(items?.map((item) => [item.kind, item.metadata?.name])).toEqual([
      ['ConfigMap', 'a'],
      ['ConfigMap', 'b'],
    ]);
    expect(seen).toEqual([
      'GET /api/v1/namespaces/shop/configmaps?limit=500',
      'GET /api/v1/namespaces/shop/configmaps?limit=500&continue=p2',
      'GET /api/v1/namespaces/shop/configmaps?limit=500',
      'GET /api/v1/namespaces/shop/configmaps?limit=500&continue=p2',
    ]);
    expect(kube.counts).toEqual({ discovery: 0, list: 4, apply: 0, patch: 0, total: 4 });
    kube.close();
  });

  it('retries throttling and server errors, honouring Retry-After', async () => {
    let calls = 0;
    route = () =>
      ++calls < 3
        ? { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '0' } }
        : { status: 200, body: { gitVersion: 'v1.34.10' } };
    const kube = client();
    expect(await kube.version()).toBe('v1.34.10');
    expect(kube.counts.discovery).toBe(3);
    kube.close();
  });

  it('names the missing permission, and refuses an answer larger than its bound', async () => {
    route = () => ({
      status: 403,
      body: {
        kind: 'Status',
        message:
          'configmaps is forbidden: User "ci" cannot list resource "configmaps" in namespace "shop"',
      },
    });
    const kube = client();
    const error = await kube.list(configmaps, 'shop').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Could not list configmaps in namespace shop: the Kubernetes API server ${base} does not allow it (configmaps is forbidden: User "ci" cannot list resource "configmaps" in namespace "shop").`,
    );
    route = () => ({ status: 200, body: { items: [{ metadata: { name: 'x'.repeat(100_000) } }] } });
    const bounded = client({ maxResponseBytes: 64 });
    await expect(bounded.list(configmaps, 'shop')).rejects.toThrow(
      'answered more than 64 bytes; refusing to hold more.',
    );
    bounded.close();
    route = () => ({ status: 404, body: { kind: 'Status', reason: 'NotFound' } });
    expect(await kube.list(configmaps, 'shop')).toBeUndefined();
    expect(await kube.resource('example.com/v1', 'Widget')).toBeUndefined();
    kube.close();
  });

  it("sends every request through the cluster's proxy-url", async () => {
    // A forward proxy: plain http requests arrive with the whole URL as their target.
    const targets: string[] = [];
    const proxy = createServer((request, response) => {
      targets.push(`${request.method} ${request.url}`);
      const target = new URL(request.url ?? '/');
      const upstream = httpRequest(
        `${base}${target.pathname}${target.search}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    route = () => ({ status: 200, body: { gitVersion: 'v1.34.0' } });
    // kube.invalid resolves nowhere: only the proxy can reach it.
    const proxied = new KubeClient(
      {
        server: 'http://kube.invalid:6443',
        source: 'test',
        insecureSkipTlsVerify: false,
        proxyUrl: `http://127.0.0.1:${port}`,
      },
      { attempts: 1 },
    );
    try {
      expect(await proxied.version()).toBe('v1.34.0');
      expect(targets).toEqual(['GET http://kube.invalid:6443/version']);
    } finally {
      proxied.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
