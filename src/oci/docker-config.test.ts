import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { dockerConfigCredentials, normalizeConfigKey, parseDockerConfig } from './docker-config.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

test.each([
  ['https://index.docker.io/v1/', 'docker.io'],
  ['registry-1.docker.io', 'docker.io'],
  ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
  ['GHCR.io', 'ghcr.io'],
])('config key %s names %s', (key, host) => {
  expect(normalizeConfigKey(key)).toBe(host);
});

test('reads base64 auth, username/password and registry tokens; skips the unusable', () => {
  const found = parseDockerConfig(
    JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hub:pass') },
        'ghcr.io': { username: 'me', password: 'pat' },
        'token.example': { registrytoken: 'tok' },
        'broken.example': { auth: b64('no-colon') },
        'helper.example': {},
      },
      credsStore: 'desktop',
    }),
  );
  expect(Object.fromEntries(found)).toEqual({
    'docker.io': { username: 'hubuser', password: 'hub:pass' },
    'ghcr.io': { username: 'me', password: 'pat' },
    'token.example': { token: 'tok' },
  });
  expect(parseDockerConfig('not json').size).toBe(0);
});

const dir = mkdtempSync(join(tmpdir(), 'oci-docker-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('looks a registry up in a config file, and a missing file is no credentials', () => {
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify({ auths: { '127.0.0.1:5443': { auth: b64('u:p') } } }));
  expect(dockerConfigCredentials('127.0.0.1:5443', path)).toEqual({ username: 'u', password: 'p' });
  expect(dockerConfigCredentials('127.0.0.1:5000', path)).toBeUndefined();
  expect(dockerConfigCredentials('127.0.0.1:5443', join(dir, 'missing.json'))).toBeUndefined();
});
