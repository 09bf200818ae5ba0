import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseProfileSpec } from './profile-source.js';

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'profile-source-'));
  mkdirSync(join(workspace, 'compliance', 'profile', 'controls'), { recursive: true });
  writeFileSync(join(workspace, 'compliance', 'profile', 'inspec.yml'), 'name: p\n');
  mkdirSync(join(workspace, 'not-a-profile'));
  writeFileSync(join(workspace, 'web-baseline-1.2.0.tar.gz'), '');
  writeFileSync(join(workspace, 'README.md'), '');
});

describe('where a profile comes from', () => {
  it('a directory of the repository', () => {
    expect(parseProfileSpec('compliance/profile', workspace)).toEqual({
      kind: 'directory',
      path: join(workspace, 'compliance/profile'),
      display: 'compliance/profile',
    });
  });

  it('an archive made by inspec archive, in the repository or at an https URL', () => {
    expect(parseProfileSpec('web-baseline-1.2.0.tar.gz', workspace)).toMatchObject({
      kind: 'archive',
    });
    expect(
      parseProfileSpec('https://artifacts.example.com/web-baseline-1.2.0.tar.gz', workspace),
    ).toEqual({
      kind: 'archive-url',
      url: 'https://artifacts.example.com/web-baseline-1.2.0.tar.gz',
      display: 'https://artifacts.example.com/web-baseline-1.2.0.tar.gz',
    });
  });

  it.each([
    [
      'https://github.com/dev-sec/linux-baseline.git#2.8.0',
      'https://github.com/dev-sec/linux-baseline.git',
      '2.8.0',
    ],
    ['git@github.com:acme/profiles.git#v1.2.0', 'git@github.com:acme/profiles.git', 'v1.2.0'],
    [
      'ssh://git@gitlab.example.com/acme/web.git#release/1.x',
      'ssh://git@gitlab.example.com/acme/web.git',
      'release/1.x',
    ],
    [
      'https://github.com/acme/web#0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
      'https://github.com/acme/web',
      '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    ],
  ])('a git repository pinned to a ref: %s', (text, url, ref) => {
    expect(parseProfileSpec(text, workspace)).toMatchObject({ kind: 'git', url, ref });
  });

  it('hides a token written into a git URL', () => {
    expect(
      parseProfileSpec('https://x-access-token:ghs_abc123@github.com/acme/web.git#v1', workspace)
        .display,
    ).toBe('https://***@github.com/acme/web.git#v1');
  });

  it.each([
    [
      'compliance/missing',
      /^Profile "compliance\/missing" was not found \(looked for .*compliance\/missing\)\.$/,
    ],
    ['not-a-profile', /^Profile "not-a-profile" is a directory without an inspec\.yml\.$/],
    ['README.md', /^Profile "README.md" is a file but not a profile archive\.$/],
    [
      'https://github.com/acme/web.git',
      /^Profile "https:\/\/github.com\/acme\/web.git" is not pinned to a version\.$/,
    ],
    ['http://github.com/acme/web.git#v1', /uses a transport inspec-verify does not fetch from/],
    ['file:///etc/profile.git#v1', /uses a transport inspec-verify does not fetch from/],
    ['https://github.com/acme/web.git#--upload-pack=x', /is not a valid tag, branch or commit/],
    ['https://github.com/acme/web.git#../../x', /is not a valid tag, branch or commit/],
  ])('rejects %s', (text, message) => {
    expect(() => parseProfileSpec(text, workspace)).toThrow(message);
  });
});
