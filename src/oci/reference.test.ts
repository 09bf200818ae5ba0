import { describe, expect, test } from 'vitest';
import { UserError } from '../errors.js';
import {
  chartVersionTag,
  formatReference,
  isDigestPinned,
  isMutableTag,
  manifestReference,
  parseReference,
  registryApiHost,
  withDigest,
  withTag,
  type ImageReference,
} from './reference.js';

const SHA = 'sha256:' + 'a'.repeat(64);
const SHA512 = 'sha512:' + 'b'.repeat(128);

describe('parseReference', () => {
  test.each<[string, ImageReference, string]>([
    [
      'nginx',
      { registry: 'docker.io', repository: 'library/nginx' },
      'docker.io/library/nginx:latest',
    ],
    [
      'nginx:1.27',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' },
      'docker.io/library/nginx:1.27',
    ],
    [
      'bitnami/redis:7',
      { registry: 'docker.io', repository: 'bitnami/redis', tag: '7' },
      'docker.io/bitnami/redis:7',
    ],
    [
      'index.docker.io/library/busybox',
      { registry: 'docker.io', repository: 'library/busybox' },
      'docker.io/library/busybox:latest',
    ],
    [
      'registry.example.com/team/app:1.2.3',
      { registry: 'registry.example.com', repository: 'team/app', tag: '1.2.3' },
      'registry.example.com/team/app:1.2.3',
    ],
    [
      '127.0.0.1:5000/team/app:v1',
      { registry: '127.0.0.1:5000', repository: 'team/app', tag: 'v1' },
      '127.0.0.1:5000/team/app:v1',
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app' }, 'localhost/app:latest'],
    [
      'localhost:5000/a/b/c',
      { registry: 'localhost:5000', repository: 'a/b/c' },
      'localhost:5000/a/b/c:latest',
    ],
    [
      '[::1]:5000/app:1',
      { registry: '[::1]:5000', repository: 'app', tag: '1' },
      '[::1]:5000/app:1',
    ],
    [
      `ghcr.io/org/app@${SHA}`,
      { registry: 'ghcr.io', repository: 'org/app', digest: SHA },
      `ghcr.io/org/app@${SHA}`,
    ],
    [
      `ghcr.io/org/app:1.0@${SHA}`,
      { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: SHA },
      `ghcr.io/org/app:1.0@${SHA}`,
    ],
    [
      `app@${SHA512}`,
      { registry: 'docker.io', repository: 'library/app', digest: SHA512 },
      `docker.io/library/app@${SHA512}`,
    ],
    [
      'oci://127.0.0.1:5000/charts/web:1.2.3+build.7',
      { registry: '127.0.0.1:5000', repository: 'charts/web', tag: '1.2.3_build.7' },
      '127.0.0.1:5000/charts/web:1.2.3_build.7',
    ],
    [
      'oci://registry.example.com/charts/web',
      { registry: 'registry.example.com', repository: 'charts/web' },
      'registry.example.com/charts/web:latest',
    ],
    [
      'Registry.Example.com/a__b/c-d/e.f--g:_X.y-z',
      { registry: 'Registry.Example.com', repository: 'a__b/c-d/e.f--g', tag: '_X.y-z' },
      'Registry.Example.com/a__b/c-d/e.f--g:_X.y-z',
    ],
  ])('%s', (text, expected, canonical) => {
    const ref = parseReference(text);
    expect(ref).toEqual(expected);
    expect(formatReference(ref)).toBe(canonical);
    // The canonical form parses back to the same reference (with latest written out).
    expect(formatReference(parseReference(canonical))).toBe(canonical);
  });

  test.each<[string, RegExp]>([
    ['', /it is empty/],
    ['Nginx', /must be lowercase \("Nginx"\)/],
    ['example.com/Team/app', /must be lowercase \("Team"\)/],
    ['example.com/team//app', /empty path component/],
    ['example.com/team/app-', /"app-" is not a valid repository path component/],
    ['example.com/te..am/app', /"te..am" is not a valid repository path component/],
    ['app:1.2.3+build', /contains "\+".*"1.2.3_build"/],
    ['app:-x', /must start with a letter, digit or "_"/],
    ['app:' + 'a'.repeat(129), /longer than 128/],
    ['app@sha256:abc', /64 lowercase hex characters/],
    ['app@sha256:' + 'A'.repeat(64), /64 lowercase hex characters/],
    ['app@md5:' + 'a'.repeat(32), /algorithm "md5" is not supported/],
    ['app@latest', /is not a digest/],
    ['https://example.com/app', /only the oci:\/\/ scheme/],
    ['example.com:99999/app', /"99999" is not a port number/],
    ['exa_mple.com/app', /not a valid registry host name/],
    ['my app', /whitespace/],
    ['example.com/' + 'a'.repeat(250), /longer than 255/],
  ])('rejects %j', (text, message) => {
    let error: unknown;
    try {
      parseReference(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).toContain(`"${text}"`);
    // Every message comes with a valid example.
    expect((error as UserError).fix).toMatch(/registry\.example\.com\/team\/app:1\.2\.3/);
  });
});

describe('tags and digests', () => {
  test.each<[string, boolean, boolean, string]>([
    ['nginx', true, false, 'latest'],
    ['nginx:latest', true, false, 'latest'],
    ['nginx:1.27', false, false, '1.27'],
    [`nginx@${SHA}`, false, true, SHA],
    [`nginx:latest@${SHA}`, false, true, SHA],
  ])('%s: mutable %s, pinned %s, asks for %s', (text, mutable, pinned, asked) => {
    const ref = parseReference(text);
    expect(isMutableTag(ref)).toBe(mutable);
    expect(isDigestPinned(ref)).toBe(pinned);
    expect(manifestReference(ref)).toBe(asked);
  });

  test('withDigest pins and keeps the tag for readers', () => {
    const pinned = withDigest(parseReference('127.0.0.1:5000/app:1.0'), SHA);
    expect(formatReference(pinned)).toBe(`127.0.0.1:5000/app:1.0@${SHA}`);
    expect(() => withDigest(pinned, 'sha256:nope')).toThrow(UserError);
  });

  test('withTag drops the digest', () => {
    const ref = withTag(parseReference(`127.0.0.1:5000/app@${SHA}`), '2.0');
    expect(formatReference(ref)).toBe('127.0.0.1:5000/app:2.0');
  });

  test('chart versions become tags the way helm writes them', () => {
    expect(chartVersionTag('1.2.3+build.4')).toBe('1.2.3_build.4');
    expect(chartVersionTag('1.2.3')).toBe('1.2.3');
    expect(() => chartVersionTag('not valid!')).toThrow(UserError);
  });

  test('Docker Hub is served from registry-1.docker.io', () => {
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });
});
