import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportFetch } from './fetch.js';
import { HttpTransport, ResponseTooLargeError } from './transport.js';

/**
 * The transport against a real local HTTP server: redirects followed with
 * credentials kept to the first origin, answers bounded, downloads streamed
 * and a cut transfer reported as a reset, and the fetch Octokit is given.
 * The proxy path itself is proven through tinyproxy (test/env/proxy.itg.test.ts).
 */

let server: Server;
let base = '';
const seen: { url: string; authorization?: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    if (request.url === '/moved') return response.writeHead(302, { location: '/data' }).end();
    if (request.url === '/away') {
      return response
        .writeHead(307, { location: base.replace('127.0.0.1', 'localhost') + '/data' })
        .end();
    }
    if (request.url === '/cut') {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('x'.repeat(100));
      return setTimeout(() => response.socket?.destroy(), 20);
    }
    if (request.url === '/json') {
      return response
        .writeHead(201, { 'content-type': 'application/json', link: '<x>; rel="next"' })
        .end('{"ok":true}');
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('0123456789');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const transport = new HttpTransport({ userAgent: 'test', timeoutMs: 5000, env: {} });
afterAll(() => transport.close());

describe('the HTTP transport', () => {
  it('follows a redirect, and drops the credentials when it leaves the origin', async () => {
    seen.length = 0;
    const same = await transport.requestFollowing({
      method: 'GET',
      url: new URL(`${base}/moved`),
      headers: { authorization: 'Bearer secret' },
      maxBodyBytes: 100,
    });
    expect([same.status, same.body.toString(), same.url.pathname]).toEqual([
      200,
      '0123456789',
      '/data',
    ]);
    const away = await transport.requestFollowing({
      method: 'GET',
      url: new URL(`${base}/away`),
      headers: { authorization: 'Bearer secret' },
      maxBodyBytes: 100,
    });
    expect(away.url.hostname).toBe('localhost');
    expect(seen.map((s) => [s.url, s.authorization])).toEqual([
      ['/moved', 'Bearer secret'],
      ['/data', 'Bearer secret'],
      ['/away', 'Bearer secret'],
      ['/data', undefined],
    ]);
  });

  it('refuses an answer larger than asked for', async () => {
    const error = await transport
      .request({ method: 'GET', url: new URL(`${base}/data`), maxBodyBytes: 5 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).size).toBe(10);
  });

  it('streams a download to a file, and reports a cut transfer as a reset connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transport-'));
    try {
      const file = join(dir, 'download');
      const done = await transport.download(
        { url: new URL(`${base}/moved`), maxBodyBytes: 100 },
        file,
      );
      expect([done.status, readFileSync(file, 'utf8')]).toEqual([200, '0123456789']);
      const cut = await transport
        .download({ url: new URL(`${base}/cut`), maxBodyBytes: 10_000 }, file)
        .catch((caught: unknown) => caught);
      expect((cut as { code?: string }).code).toBe('ECONNRESET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives Octokit a fetch: status, headers, body and the final URL', async () => {
    const fetch = transportFetch(transport, 1024);
    const response = await fetch(`${base}/json`, {
      method: 'POST',
      body: '{"title":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('link')).toBe('<x>; rel="next"');
    expect(await response.json()).toEqual({ ok: true });
    expect((await fetch(`${base}/moved`)).url).toBe(`${base}/data`);
    await expect(fetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow(/redirected/);
  });
});
