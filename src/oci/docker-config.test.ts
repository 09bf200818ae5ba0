import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, test, vi } from 'vitest';
import { masks } from '../../test/support/masks.js';
import {
  HELPER_LIMITS,
  dockerConfigCredentials,
  normalizeConfigKey,
  parseDockerConfig,
} from './docker-config.js';

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

// A credential helper of the test's own: a real executable on PATH, speaking
// docker's protocol (the server address on stdin, JSON on stdout).
const bin = join(dir, 'bin');
mkdirSync(bin);
function helper(name: string, script: string): void {
  const file = join(bin, `docker-credential-${name}`);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
}
helper(
  'test',
  [
    'read -r host',
    `printf '%s %s\\n' "$1" "$host" >> "${join(dir, 'asked')}"`,
    'case "$host" in',
    '  127.0.0.1:5443) printf \'{"ServerURL":"%s","Username":"robot","Secret":"from-helper"}\' "$host" ;;',
    '  https://index.docker.io/v1/) printf \'{"Username":"hub","Secret":"hub-secret"}\' ;;',
    '  *) echo "credentials not found in native keychain"; exit 1 ;;',
    'esac',
  ].join('\n'),
);
helper('broken', 'echo "cannot reach the keychain" >&2; exit 3');
helper('slow', 'exec sleep 60');
const originalPath = process.env.PATH;
beforeEach(() => {
  process.env.PATH = `${bin}:${originalPath}`;
  rmSync(join(dir, 'asked'), { force: true });
});
afterEach(() => {
  process.env.PATH = originalPath;
});

/** The `::warning::` lines written while `action` ran, and its result. */
function warned<T>(action: () => T): { result: T; warnings: string[] } {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const result = action();
    const warnings = write.mock.calls
      .map(([text]) => String(text).trim())
      .filter((line) => line.startsWith('::warning::'));
    return { result, warnings };
  } finally {
    write.mockRestore();
  }
}

function configWith(config: object): string {
  const path = join(dir, 'helper-config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

test('credsStore: the helper is asked with `get` and the host on stdin, as docker does', () => {
  const path = configWith({ auths: { '127.0.0.1:5443': {} }, credsStore: 'test' });
  let found: unknown[] = [];
  const masked = masks(() => {
    found = [
      dockerConfigCredentials('127.0.0.1:5443', path),
      dockerConfigCredentials('docker.io', path),
    ];
  });
  expect(found).toEqual([
    { username: 'robot', password: 'from-helper' },
    { username: 'hub', password: 'hub-secret' },
  ]);
  expect(readFileSync(join(dir, 'asked'), 'utf8')).toBe(
    'get 127.0.0.1:5443\nget https://index.docker.io/v1/\n',
  );
  expect(masked).toContain('from-helper');
  expect(masked).toContain(b64('robot:from-helper'));
  expect(masked).toContain('hub-secret');
});

test('"credentials not found" is no credentials, without a warning', () => {
  const path = configWith({ credsStore: 'test' });
  expect(warned(() => dockerConfigCredentials('ghcr.io', path))).toEqual({
    result: undefined,
    warnings: [],
  });
});

test('credHelpers for a host win over credsStore and over inline auths', () => {
  const path = configWith({
    auths: {
      '127.0.0.1:5443': { auth: b64('inline:pass') },
      'other.example': { auth: b64('o:p') },
    },
    credHelpers: { 'https://127.0.0.1:5443': 'test' },
    credsStore: 'missing',
  });
  const { result } = warned(() => dockerConfigCredentials('127.0.0.1:5443', path));
  expect(result).toEqual({ username: 'robot', password: 'from-helper' });
  expect(readFileSync(join(dir, 'asked'), 'utf8')).toBe('get 127.0.0.1:5443\n');
});

test('without a helper, the inline entry; the helper is not run', () => {
  const path = configWith({
    auths: { 'other.example': { auth: b64('o:p') } },
    credHelpers: { '127.0.0.1:5443': 'test' },
  });
  expect(dockerConfigCredentials('other.example', path)).toEqual({ username: 'o', password: 'p' });
  expect(() => readFileSync(join(dir, 'asked'))).toThrow();
});

test.each([
  ['missing', /docker-credential-missing .*not installed \(not on PATH\)/],
  ['broken', /docker-credential-broken .*exited with 3 \(cannot reach the keychain\)/],
])('a helper that is %s is a warning and no credentials', (name, warning) => {
  const path = configWith({ credsStore: name });
  const { result, warnings } = warned(() => dockerConfigCredentials('127.0.0.1:5443', path));
  expect(result).toBeUndefined();
  expect(warnings).toEqual([expect.stringMatching(warning)]);
});

test('a helper that hangs is stopped after the time bound', () => {
  const path = configWith({ credsStore: 'slow' });
  const bound = HELPER_LIMITS.timeoutMs;
  HELPER_LIMITS.timeoutMs = 300;
  const started = Date.now();
  try {
    const { result, warnings } = warned(() => dockerConfigCredentials('127.0.0.1:5443', path));
    expect(result).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/did not answer within 0.3 s/)]);
  } finally {
    HELPER_LIMITS.timeoutMs = bound;
  }
  expect(Date.now() - started).toBeLessThan(5000);
});
