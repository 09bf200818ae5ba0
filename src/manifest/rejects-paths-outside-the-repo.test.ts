import { describe, expect, it } from 'vitest';
import {
  caught,
  fixturePath,
  problemsOf,
  UserErrors,
} from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

/** A manifest whose `"artifacts": ` is on line 4, its value starting at column 16. */
function withArtifacts(artifacts: unknown): string {
  return [
    '{',
    '  "namespace": "a",',
    '  "application": { "name": "b", "type": "worker", "version": "1.0.0" },',
    `  "artifacts": ${JSON.stringify(artifacts)}`,
    '}',
  ].join('\n');
}

describe('artifact paths', () => {
  it('rejects every path that leaves the repository, each at its line', async () => {
    expect(
      await problemsOf(() =>
        loadManifest(fixturePath('artifacts-outside-repo.json'), { displayPath: 'default.json' }),
      ),
    ).toEqual([
      'default.json:7:5: $.artifacts[1]: "../shared/lib.jar" goes through "..", which can lead outside the repository. Fix: give the path from the repository root without ".." segments.',
      'default.json:8:5: $.artifacts[2]: "/etc/ssl/certs" is an absolute path; artifacts must come from inside the repository. Fix: write it relative to the repository root, such as "etc/ssl/certs".',
      'default.json:9:5: $.artifacts[3]: "~/.m2/settings.xml" starts with "~", the home directory, which is outside the repository. Fix: write it relative to the repository root, such as ".m2/settings.xml".',
      'default.json:10:5: $.artifacts[4]: "build/../../secrets" goes through "..", which can lead outside the repository. Fix: give the path from the repository root without ".." segments.',
    ]);
  });

  it.each([
    '..',
    '../x',
    'a/../b',
    'a/..',
    '/abs',
    '\\\\server\\share',
    'C:\\build',
    'c:/build',
    '~/x',
    '..\\x',
    'a\\..\\b',
    'bin/\u0007',
  ])('rejects %j', async (artifact) => {
    const error = await caught(() => parseManifest(withArtifacts([artifact]), 'default.json'));

    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).errors[0]?.message).toMatch(/^\$\.artifacts\[0\]: /);
  });

  it.each([
    '.',
    'dist',
    'dist/',
    './dist',
    'build/libs/*.jar',
    '..foo',
    'foo..',
    'a/...b',
    'docs/**/*.html',
  ])('accepts %j', (artifact) => {
    expect(parseManifest(withArtifacts(artifact), 'default.json').artifacts).toEqual([artifact]);
  });

  it('checks a single artifact written as a string the same way', async () => {
    expect(await problemsOf(() => parseManifest(withArtifacts('../x'), 'default.json'))).toEqual([
      'default.json:4:16: $.artifacts: "../x" goes through "..", which can lead outside the repository. Fix: give the path from the repository root without ".." segments.',
    ]);
  });

  it('rejects an empty list', async () => {
    expect(await problemsOf(() => parseManifest(withArtifacts([]), 'default.json'))).toEqual([
      'default.json:4:3: $.artifacts: the list is empty. Fix: list at least one item, or leave the property out.',
    ]);
  });
});
