import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RegistryClient, nextLink } from './client.js';

/**
 * Link pagination of the tag list, as the distribution spec describes it.
 * The registry the integration suite runs (distribution 2.8) ignores `n` for
 * tags and answers in one page, so the paging itself is checked here against
 * a small server that pages the way distribution 3, ghcr.io and Docker Hub do.
 */

describe('nextLink', () => {
  test.each<[string | undefined, string | undefined]>([
    ['</v2/app/tags/list?n=2&last=b>; rel="next"', '/v2/app/tags/list?n=2&last=b'],
    [
      '<https://r.example/v2/app/tags/list?last=b>; rel=next',
      'https://r.example/v2/app/tags/list?last=b',
    ],
    ['</a>; rel="prev", </b>; rel="next"', '/b'],
    ['</a>; rel="nextish"', undefined],
    [undefined, undefined],
  ])('%j', (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });
});

const ALL_TAGS = Array.from({ length: 23 }, (_, i) => `1.0.${i}`);
let server: http.Server;
let registry: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    if (url.pathname === '/v2/app/tags/list') {
      const n = Number(url.searchParams.get('n') ?? ALL_TAGS.length);
      const last = url.searchParams.get('last');
      const start = last ? ALL_TAGS.indexOf(last) + 1 : 0;
      const page = ALL_TAGS.slice(start, start + n);
      if (start + n < ALL_TAGS.length) {
        res.setHeader('link', `</v2/app/tags/list?n=${n}&last=${page.at(-1)}>; rel="next"`);
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name: 'app', tags: page }));
      return;
    }
    res.statusCode = 404;
    res.end(
      '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('follows Link pages until the last one', async () => {
  requests.length = 0;
  const client = new RegistryClient(registry, {
    scheme: 'http',
    tagPageSize: 5,
    dockerConfig: false,
  });
  try {
    expect(await client.listTags('app')).toEqual(ALL_TAGS);
    expect(requests).toEqual([
      '/v2/app/tags/list?n=5',
      '/v2/app/tags/list?n=5&last=1.0.4',
      '/v2/app/tags/list?n=5&last=1.0.9',
      '/v2/app/tags/list?n=5&last=1.0.14',
      '/v2/app/tags/list?n=5&last=1.0.19',
    ]);
  } finally {
    client.close();
  }
});

test('stops at the page bound instead of returning part of the tags', async () => {
  const client = new RegistryClient(registry, {
    scheme: 'http',
    tagPageSize: 2,
    maxTagPages: 3,
    dockerConfig: false,
  });
  try {
    await expect(client.listTags('app')).rejects.toThrow(
      /still had more tags of app after 3 pages of 2; not all were read/,
    );
  } finally {
    client.close();
  }
});

test('a repository that does not exist has no tags', async () => {
  const client = new RegistryClient(registry, { scheme: 'http', dockerConfig: false });
  try {
    expect(await client.listTags('team/new-app')).toEqual([]);
  } finally {
    client.close();
  }
});
