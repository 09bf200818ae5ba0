import { describe, expect, it } from 'vitest';
import { proxyFor } from './proxy.js';

/** HTTPS_PROXY / HTTP_PROXY / NO_PROXY read as a GitHub runner sets and reads them. */

const proxy = 'http://proxy.corp:3128';

describe('which proxy a request goes through', () => {
  it.each([
    // [url, env, expected proxy or undefined]
    ['https://ghcr.io/v2/', { HTTPS_PROXY: proxy }, proxy],
    ['https://ghcr.io/v2/', { https_proxy: proxy, HTTPS_PROXY: 'http://other:1' }, proxy],
    ['https://ghcr.io/v2/', { HTTP_PROXY: proxy }, undefined],
    ['http://mirror.corp/x', { HTTP_PROXY: 'proxy.corp:3128' }, proxy],
    ['http://mirror.corp/x', { HTTPS_PROXY: proxy }, undefined],
    ['https://ghcr.io/v2/', {}, undefined],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: '  ' }, undefined],
  ] as const)('%s with %j -> %s', (url, env, expected) => {
    expect(proxyFor(new URL(url), env)?.href.replace(/\/$/, '')).toBe(expected);
  });

  it.each([
    // loopback, whatever NO_PROXY says (as the runner does)
    ['https://127.0.0.1:5443/v2/', ''],
    ['https://127.1.2.3/v2/', ''],
    ['https://localhost:6443/api', ''],
    ['https://LOCALHOST/api', ''],
    ['https://[::1]:5000/v2/', ''],
    // NO_PROXY entries
    ['https://ghcr.io/v2/', '*'],
    ['https://ghcr.io/v2/', 'example.com, ghcr.io'],
    ['https://GHCR.io/v2/', 'ghcr.IO'],
    ['https://api.corp.example/x', 'corp.example'],
    ['https://api.corp.example/x', '.corp.example'],
    ['https://api.corp.example/x', '*.corp.example'],
    ['https://registry.corp:5443/v2/', 'registry.corp:5443'],
    ['https://registry.corp/v2/', 'registry.corp:443'],
    ['http://registry.corp/v2/', 'registry.corp:80'],
    ['https://10.0.0.5:6443/api', '10.0.0.5'],
    ['https://[fd00::5]:6443/api', '[fd00::5]:6443'],
  ])('%s goes direct with NO_PROXY=%j', (url, noProxy) => {
    expect(
      proxyFor(new URL(url), { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, NO_PROXY: noProxy }),
    ).toBe(undefined);
  });

  it.each([
    ['https://ghcr.io/v2/', 'github.com'],
    ['https://notcorp.example/x', 'corp.example'],
    ['https://corp.example.org/x', 'corp.example'],
    ['https://registry.corp:5443/v2/', 'registry.corp:443'],
    ['https://10.0.0.50/api', '10.0.0.5'],
    ['https://127.example/x', ''],
  ])('%s still goes through the proxy with NO_PROXY=%j', (url, noProxy) => {
    expect(proxyFor(new URL(url), { HTTPS_PROXY: proxy, NO_PROXY: noProxy })?.host).toBe(
      'proxy.corp:3128',
    );
  });

  it('reads no_proxy before NO_PROXY, as it reads https_proxy first', () => {
    const env = { HTTPS_PROXY: proxy, no_proxy: 'other.example', NO_PROXY: 'ghcr.io' };
    expect(proxyFor(new URL('https://ghcr.io/v2/'), env)?.host).toBe('proxy.corp:3128');
  });

  it('keeps the proxy credentials for the proxy (decoded when sent)', () => {
    const found = proxyFor(new URL('https://ghcr.io/'), {
      HTTPS_PROXY: 'http://u%40corp:p%3Aw@proxy:3128',
    });
    expect([found?.username, found?.password, found?.host]).toEqual([
      'u%40corp',
      'p%3Aw',
      'proxy:3128',
    ]);
  });
});
