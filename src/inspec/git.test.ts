import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProfileGit } from './git.js';

// A real git repository: v1.0.0 tagged, then a second commit on main.
let origin: string;
let tagged: string;
let head: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

beforeAll(() => {
  origin = mkdtempSync(join(tmpdir(), 'profile-origin-'));
  git(origin, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(origin, 'inspec.yml'), 'name: web\nversion: 1.0.0\n');
  git(origin, 'add', '.');
  git(origin, 'commit', '--quiet', '-m', 'v1');
  git(origin, 'tag', 'v1.0.0');
  tagged = git(origin, 'rev-parse', 'HEAD');
  writeFileSync(join(origin, 'inspec.yml'), 'name: web\nversion: 1.1.0\n');
  git(origin, 'commit', '--quiet', '-am', 'v1.1');
  head = git(origin, 'rev-parse', 'HEAD');
});

describe('fetching a profile pinned to a ref', () => {
  const local = new ProfileGit('git', 'file');
  const fetch = (ref: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    return local
      .fetchRef(`file://${origin}`, ref, dir, `origin#${ref}`)
      .then((commit) => ({ dir, commit }));
  };

  it.each([
    ['a tag', 'v1.0.0', () => tagged, '1.0.0'],
    ['a branch', 'main', () => head, '1.1.0'],
  ])('at %s', async (_, ref, commit, version) => {
    const fetched = await fetch(ref);
    expect(fetched.commit).toBe(commit());
    expect(readFileSync(join(fetched.dir, 'inspec.yml'), 'utf8')).toContain(`version: ${version}`);
  });

  it('at a full commit id', async () => {
    expect((await fetch(tagged)).commit).toBe(tagged);
  });

  it('says which profile and ref could not be fetched', async () => {
    await expect(fetch('v9.9.9')).rejects.toThrow(
      /^The profile origin#v9\.9\.9 could not be fetched: fatal: couldn't find remote ref v9\.9\.9$/,
    );
  });

  it('refuses the file transport unless told to allow it (ext:: and file:// are never allowed in the action)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    await expect(
      new ProfileGit().fetchRef(`file://${origin}`, 'v1.0.0', dir, 'origin#v1.0.0'),
    ).rejects.toThrow(/could not be fetched: .*transport 'file' not allowed/);
  });
});
