import { mkdtempSync, writeFileSync } from 'node:fs';
import type { RuntimeImage } from './catalog.js';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { isUrl, loadCatalog } from './catalog-source.js';

const CATALOG = `apiVersion: pipeline-actions/v1\nruntimes:\n  worker:\n    image: r.example.com/std/rt@sha256:${'b'.repeat(64)}\n    user: "10001:10001"\n`;

// A real HTTP server on loopback: answers 503 for the first requests of /flaky, 404 elsewhere.
let server: Server;
let base: string;
let flaky = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/catalog.yaml') return response.end(CATALOG);
    if (request.url === '/flaky.yaml') {
      if (flaky++ < 2) {
        response.writeHead(503, { 'retry-after': '0' });
        return response.end('busy');
      }
      return response.end(CATALOG);
    }
    if (request.url === '/huge.yaml') return response.end('#'.repeat(1024 * 1024 + 1));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fast = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } };

describe('reading the catalog', () => {
  it('from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-catalog-'));
    writeFileSync(join(dir, 'c.yaml'), CATALOG);
    expect(((await loadCatalog(join(dir, 'c.yaml'))).runtimes.worker as RuntimeImage).user).toBe(
      '10001:10001',
    );
  });

  it('says where it looked when the file is missing', async () => {
    const error = await loadCatalog('/nonexistent/catalog.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'No standard-image catalog at /nonexistent/catalog.yaml.',
    );
  });

  it('from a URL, retrying a server that answers 503 until it recovers', async () => {
    expect((await loadCatalog(`${base}/catalog.yaml`, fast)).source).toBe(`${base}/catalog.yaml`);
    expect((await loadCatalog(`${base}/flaky.yaml`, fast)).runtimes.worker).toBeDefined();
    expect(flaky).toBe(3);
  });

  it('refuses a missing URL, an oversized answer and plain http off loopback', async () => {
    await expect(loadCatalog(`${base}/missing.yaml`, fast)).rejects.toThrow(
      'The catalog server answered HTTP 404',
    );
    await expect(loadCatalog(`${base}/huge.yaml`, fast)).rejects.toThrow(
      /is 1048577 bytes; at most 1048576/,
    );
    await expect(loadCatalog('http://catalog.example.com/c.yaml')).rejects.toThrow('is not https');
  });

  it('tells URLs from paths', () => {
    expect(isUrl('https://example.com/c.yaml')).toBe(true);
    expect(isUrl('catalog/standard-images.yaml')).toBe(false);
    expect(isUrl('C:/catalog.yaml')).toBe(false);
  });
});
