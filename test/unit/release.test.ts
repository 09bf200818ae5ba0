import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/runner.js';
// @ts-expect-error plain .mjs script without type declarations
import * as release from '../../scripts/release.mjs';

const { changelogSection, checkCi, checkPackageVersion, ciJobNames, parseVersion } = release;

// The release script's rules, on their own; the whole workflow runs under act
// in test/release/release.itg.test.ts.

describe('release versions', () => {
  it.each([
    ['v1.0.0', { version: '1.0.0', major: 'v1', prerelease: false }],
    ['v12.3.45', { version: '12.3.45', major: 'v12', prerelease: false }],
    ['v1.1.0-rc.1', { version: '1.1.0-rc.1', major: 'v1', prerelease: true }],
  ])('accepts %s', (tag, parts) => {
    expect(parseVersion(tag)).toEqual({ tag, ...parts });
  });

  it.each(['1.0.0', 'v1', 'v1.0', 'v01.0.0', 'v1.0.0+build.1', 'v1.0.0-', 'release-1.0.0', ''])(
    'refuses %j with one message',
    (tag) => {
      expect(() => parseVersion(tag)).toThrow(
        `"${tag}" is not a release version: name it vMAJOR.MINOR.PATCH (semver with a leading v, e.g. v1.0.0 or v1.1.0-rc.1).`,
      );
    },
  );
});

describe('release notes from CHANGELOG.md', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.1.0] - 2027-01-10',
    '',
    '### Added',
    '',
    '- A thing.',
    '',
    '## [1.0.0] - 2026-12-05',
    '',
    'First.',
    '',
    '[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0',
    '[1.0.0]: https://example.com/releases/tag/v1.0.0',
  ].join('\n');

  it("takes the version's section, without its heading, the next one or the link references", () => {
    expect(changelogSection(changelog, '1.1.0')).toBe('### Added\n\n- A thing.');
    expect(changelogSection(changelog, '1.0.0')).toBe('First.');
  });

  it('refuses a version without a section, or with an empty one', () => {
    expect(() => changelogSection(changelog, '1.2.0')).toThrow(
      'CHANGELOG.md has no section for 1.2.0: add "## [1.2.0] - YYYY-MM-DD" with the release\'s changes, commit it, and release that commit.',
    );
    expect(() => changelogSection('## [2.0.0] - 2027-01-01\n\n## [1.0.0]\n\nx', '2.0.0')).toThrow(
      "CHANGELOG.md's section for 2.0.0 is empty",
    );
  });

  it("has the first release's notes in the repository's CHANGELOG.md", () => {
    const notes = changelogSection(readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'), '1.0.0');
    expect(notes).toContain('### Changed (breaking)');
    for (const name of [
      'registry-username',
      'chart-version',
      'inspec-version',
      'inspec-download-url',
    ])
      expect(notes).toContain(`\`${name}\``);
  });
});

describe("package.json's version", () => {
  it('must be the version released', () => {
    expect(() => checkPackageVersion({ version: '1.0.0' }, '1.0.0')).not.toThrow();
    expect(() => checkPackageVersion({ version: '1.0.0' }, '1.1.0')).toThrow(
      'package.json says version 1.0.0, not 1.1.0: run npm version 1.1.0 --no-git-tag-version, commit package.json and package-lock.json, and release that commit.',
    );
  });

  it('is the first release in the repository', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(() => checkPackageVersion(manifest, '1.0.0')).not.toThrow();
  });
});

describe('ci on the commit', () => {
  const sha = 'a'.repeat(40);
  const names = ciJobNames() as string[];
  const run = (id: number, name: string, status: string, conclusion: string | null) => ({
    id,
    name,
    status,
    conclusion,
  });

  it('requires every job of the ci workflow, by the name its check run gets', () => {
    expect(names).toContain('checks');
    expect(names).toContain('actionlint and zizmor');
  });

  it('passes when the latest run of every job succeeded (a re-run after a failure counts)', () => {
    const runs = names.map((name, i) => run(10 + i, name, 'completed', 'success'));
    runs.push(run(1, names[0]!, 'completed', 'failure'));
    expect(() => checkCi(runs, names, sha)).not.toThrow();
  });

  it('refuses a missing, running or failed job, naming each', () => {
    const runs = [
      run(1, names[0]!, 'completed', 'failure'),
      run(2, names[1]!, 'in_progress', null),
      ...names.slice(3).map((name, i) => run(10 + i, name, 'completed', 'success')),
    ];
    expect(() => checkCi(runs, names, sha)).toThrow(
      `The ci workflow has not passed on aaaaaaa: "${names[0]}" ended failure, "${names[1]}" is in_progress, "${names[2]}" did not run. Release a commit whose ci run is green (re-run it if it failed for an outage).`,
    );
  });
});
