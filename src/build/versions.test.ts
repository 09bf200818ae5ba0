import { describe, expect, it } from 'vitest';
import {
  baseTag,
  contentTag,
  isContentTag,
  previousVersionTag,
  releaseVersions,
  resolveVersion,
  versionTag,
} from './versions.js';

const TAGS = [
  '3.0.0',
  '3.1.0',
  '3.1.4',
  '3.1.5-rc.1',
  '3.1.4-runtime-http.c7b1bcc81e15',
  'latest',
  '3',
  `content-${'a'.repeat(64)}`,
  '2.9.12',
];
const range = (value: string) => ({ kind: 'range' as const, value });
const exact = (value: string) => ({ kind: 'exact' as const, value });

describe('versions', () => {
  it.each([
    ['3.x.x', '3.1.5'],
    ['3.x', '3.1.5'],
    ['3.1.x', '3.1.5'],
    ['3.0.x', '3.0.1'],
    ['3.2.x', '3.2.0'],
    ['4.x.x', '4.0.0'],
    ['2.x', '2.9.13'],
  ])('an X-range %s becomes the next free version, %s', (spec, version) => {
    expect(resolveVersion(range(spec), TAGS)).toBe(version);
  });

  it('uses an exact version as written', () => {
    expect(resolveVersion(exact('3.1.4'), TAGS)).toBe('3.1.4');
    expect(resolveVersion(exact('4.0.0-rc.1+build.7'), TAGS)).toBe('4.0.0-rc.1+build.7');
  });

  it('counts only release tags, highest first', () => {
    expect(releaseVersions(TAGS)).toEqual(['3.1.4', '3.1.0', '3.0.0', '2.9.12']);
  });

  it('finds the image a new one follows: its own version, the highest in range, else the highest', () => {
    expect(previousVersionTag(exact('3.1.4'), TAGS)).toBe('3.1.4');
    expect(previousVersionTag(exact('5.0.0'), TAGS)).toBe('3.1.4');
    expect(previousVersionTag(range('3.0.x'), TAGS)).toBe('3.0.0');
    expect(previousVersionTag(range('2.x'), TAGS)).toBe('2.9.12');
    expect(previousVersionTag(range('7.x'), TAGS)).toBe('3.1.4');
    expect(previousVersionTag(range('1.x'), [])).toBeUndefined();
  });

  it('makes tags OCI accepts', () => {
    expect(versionTag('1.2.3+build.5')).toBe('1.2.3_build.5');
    expect(contentTag('f'.repeat(64))).toBe(`content-${'f'.repeat(64)}`);
    expect(isContentTag(contentTag('f'.repeat(64)))).toBe(true);
    expect(isContentTag('content-xyz')).toBe(false);
    expect(
      baseTag('1.0.1', {
        name: '127.0.0.1:5000/standard/runtime-http',
        digest: `sha256:c7b1bcc81e15${'0'.repeat(52)}`,
      }),
    ).toBe('1.0.1-runtime-http.c7b1bcc81e15');
    expect(
      baseTag('1.0.1+b', {
        name: 'ghcr.io/std/Builder_Node:18',
        digest: `sha256:${'1'.repeat(64)}`,
      }),
    ).toBe('1.0.1_b-builder-node.111111111111');
  });
});
