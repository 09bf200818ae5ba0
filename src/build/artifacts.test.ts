import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { collectArtifacts } from './artifacts.js';

let repo: string;
let dest: string;

function write(path: string, text = path, mode?: number): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
  if (mode !== undefined) chmodSync(join(repo, path), mode);
}

function staged(dir = dest): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dest, join(entry.parentPath, entry.name)))
    .sort();
}

function collect(patterns: string[]) {
  return collectArtifacts(repo, patterns, dest, 'default.json');
}

async function refusal(patterns: string[]): Promise<string> {
  const error = await collect(patterns).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).location).toEqual({ file: 'default.json' });
  return (error as UserError).message;
}

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'pa-artifacts-'));
  repo = join(root, 'repo');
  dest = join(root, 'staged');
  mkdirSync(repo);
});

describe('collecting artifacts', () => {
  it('places them as COPY does: a directory by its contents, a file by its name', async () => {
    write('dist/index.html');
    write('dist/css/site.css');
    write('build/libs/app.jar');
    write('README.md');
    const result = await collect(['dist/', 'build/libs/app.jar']);
    expect(staged()).toEqual(['app.jar', 'css/site.css', 'index.html']);
    expect(result.files).toBe(3);
    expect(readFileSync(join(dest, 'css/site.css'), 'utf8')).toBe('dist/css/site.css');
  });

  it('matches globs without following links, and never copies .git', async () => {
    write('build/libs/a.jar');
    write('build/libs/b.jar');
    write('build/libs/b.txt');
    write('docs/.git/config');
    write('docs/guide/index.html');
    expect((await collect(['build/libs/*.jar', './docs'])).files).toBe(3);
    expect(staged()).toEqual(['a.jar', 'b.jar', 'guide/index.html']);
  });

  it('makes files readable by all, keeping only whether they are executable', async () => {
    write('bin/run', '#!/bin/sh\n', 0o700);
    write('bin/conf', 'x', 0o600);
    await collect(['bin']);
    expect(statSync(join(dest, 'run')).mode & 0o777).toBe(0o755);
    expect(statSync(join(dest, 'conf')).mode & 0o777).toBe(0o644);
  });

  it('copies the content behind a link that stays inside the repository', async () => {
    write('shared/logo.svg', '<svg/>');
    write('dist/index.html');
    symlinkSync('../shared/logo.svg', join(repo, 'dist/logo.svg'));
    await collect(['dist']);
    expect(readFileSync(join(dest, 'logo.svg'), 'utf8')).toBe('<svg/>');
  });

  it('refuses a link out of the repository, however deep', async () => {
    write('dist/index.html');
    mkdirSync(join(repo, 'dist/nested'));
    symlinkSync('/etc/passwd', join(repo, 'dist/nested/passwd'));
    expect(await refusal(['dist'])).toBe(
      'Artifact "dist" contains dist/nested/passwd, a symbolic link to /etc/passwd, outside the repository.',
    );
  });

  it('refuses an artifact that is itself a link out, a broken link and a loop', async () => {
    symlinkSync('/etc', join(repo, 'etc'));
    expect(await refusal(['etc'])).toBe(
      'Artifact "etc" contains etc, a symbolic link to /etc, outside the repository.',
    );
    symlinkSync('missing', join(repo, 'broken'));
    expect(await refusal(['broken'])).toBe(
      'Artifact "broken" contains broken, a symbolic link whose target does not exist.',
    );
    write('loop/file');
    symlinkSync('..', join(repo, 'loop/up'));
    expect(await refusal(['loop'])).toBe(
      'Artifact "loop" contains loop/up, a link that loops back to a directory it is in.',
    );
  });

  it('refuses paths outside the repository even if the manifest check were bypassed', async () => {
    expect(await refusal(['../outside'])).toBe(
      'Artifact "../outside" points outside the repository.',
    );
    expect(await refusal(['/etc/passwd'])).toBe(
      'Artifact "/etc/passwd" points outside the repository.',
    );
  });

  it('says which artifact matched nothing', async () => {
    expect(await refusal(['dist'])).toBe(
      'Artifact "dist" matched nothing in the repository after the build.',
    );
    expect(await refusal(['build/*.jar'])).toBe(
      'Artifact "build/*.jar" matched nothing in the repository after the build.',
    );
  });

  it('refuses two artifacts that land on the same path', async () => {
    write('a/index.html');
    write('b/index.html');
    expect(await refusal(['a', 'b'])).toBe(
      'Artifacts a/index.html and b/index.html would both be copied to index.html in the image.',
    );
  });
});
