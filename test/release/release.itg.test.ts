import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../support/github-double.js';
import { NODE24, REPO_ROOT } from '../support/runner.js';
// @ts-expect-error plain .mjs script without type declarations
import { ciJobNames } from '../../scripts/release.mjs';

// .github/workflows/release.yml run by act (scripts/act.sh), on this machine,
// against a local bare repository as `origin` (the tags are pushed and moved
// there) and the GitHub API double (the release, the ci check runs). The
// workflow and scripts/release.mjs are the tree's own; two adaptations, in
// a temporary copy only, as scripts/act-pipeline.sh does:
//   - `npm ci` is skipped: node_modules is linked from the tree (an `npm ci`
//     would need the registry, and would empty the linked tree);
//   - GITHUB_API_URL and GITHUB_REPOSITORY point at the double.
// act runs the job in a copy of the repository, <action cache>/<hash>/
// hostexecutor. ncc names each bundled module by its path relative to the
// project, and node_modules is a link into this tree, so a bundle depends on
// how deep the project sits: the repository is made at the same depth as
// that copy (base/w/w/work next to base/act/<hash>/hostexecutor), and a fresh
// build in one equals a fresh build in the other. (In a real checkout
// node_modules is inside the project, and the depth does not matter.)

const TOKEN = 'ghs_release-double';
const REPOSITORY = 'pipeline-actions/pipeline-actions';

let github: GitHubDouble;
let base: string;
let origin: string;
let work: string;
let act: string;

function git(args: string[], cwd = work): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'release-test',
      GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
      GIT_COMMITTER_NAME: 'release-test',
      GIT_COMMITTER_EMAIL: 'release-test@example.invalid',
    },
  }).trim();
}

function commitAll(message: string): string {
  git(['add', '-A']);
  git(['commit', '-qm', message]);
  return git(['rev-parse', 'HEAD']);
}

/** The commit a tag points at in the bare repository, or undefined. */
function originTag(tag: string): string | undefined {
  const line = git(['ls-remote', origin, `refs/tags/${tag}`]);
  return line === '' ? undefined : line.split('\t')[0];
}

interface ActRun {
  code: number;
  output: string;
  /** The `::error::` lines the job printed. */
  errors: string[];
}

function runAct(event: 'push' | 'workflow_dispatch', extra: string[]): Promise<ActRun> {
  const args = [
    event,
    ...extra,
    '-W',
    '.github/workflows/release.yml',
    '-P',
    'ubuntu-latest=-self-hosted',
    '--env',
    `GITHUB_API_URL=${github.url}`,
    '--env',
    `GITHUB_REPOSITORY=${REPOSITORY}`,
    '-s',
    `GITHUB_TOKEN=${TOKEN}`,
    '--action-cache-path',
    join(base, 'act'),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(act, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const errors = output
        .split('\n')
        .map((line) => /::error[^:]*::(.*)$/.exec(line)?.[1])
        .filter((line): line is string => line !== undefined);
      resolve({ code: code ?? 1, output, errors });
    });
  });
}

function dispatch(version: string): Promise<ActRun> {
  return runAct('workflow_dispatch', ['--input', `version=${version}`]);
}

function pushTag(tag: string): Promise<ActRun> {
  git(['tag', tag]);
  git(['push', '-q', 'origin', `refs/tags/${tag}`]);
  const event = join(base, `push-${tag}.json`);
  writeFileSync(event, JSON.stringify({ ref: `refs/tags/${tag}` }));
  return runAct('push', ['-e', event]);
}

/** The ci workflow's jobs, green (or not) on a commit, as GitHub keeps them. */
function ciRan(sha: string, conclusion = 'success'): void {
  for (const name of ciJobNames(REPO_ROOT) as string[]) github.seedCheckRun(sha, name, conclusion);
}

beforeAll(async () => {
  github = await GitHubDouble.start({ token: TOKEN, repository: REPOSITORY });
  act = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'act.sh')], { encoding: 'utf8' }).trim();
  base = mkdtempSync(join(tmpdir(), 'pa-release-'));
  origin = join(base, 'origin.git');
  work = join(base, 'w', 'w', 'work');
  git(['init', '-q', '--bare', origin], base);

  const release = readFileSync(join(REPO_ROOT, '.github/workflows/release.yml'), 'utf8');
  // The repository: this tree's files, an older commit that v1 points at,
  // then the commit to release, with fresh bundles.
  mkdirSync(work, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  git(['remote', 'add', 'origin', origin]);
  writeFileSync(join(work, 'README.md'), 'pipeline-actions before v1.0.0\n');
  const older = commitAll('an older commit');
  git(['push', '-q', 'origin', 'main', `${older}:refs/tags/v1`]);
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file !== '' && !file.includes('/dist/'));
  execFileSync('cp', ['--parents', '-t', work, ...files], { cwd: REPO_ROOT });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'));
  writeFileSync(
    join(work, '.github/workflows/release.yml'),
    release.replace(
      /run: npm ci --no-audit --no-fund/,
      "run: echo 'npm ci skipped under act, node_modules is linked from the tree'",
    ),
  );
  execFileSync(NODE24, ['scripts/build.mjs'], { cwd: work, stdio: 'ignore' });
  commitAll('pipeline-actions as it is');
  git(['push', '-q', 'origin', 'main']);
}, 600_000);

afterAll(async () => {
  await github?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the release workflow under act', () => {
  it(
    'releases a pushed vX.Y.Z tag with its CHANGELOG notes and moves the major tag',
    // Each run builds all six bundles (about two minutes on two busy cores).
    { timeout: 600_000 },
    async () => {
      const sha = git(['rev-parse', 'HEAD']);
      ciRan(sha);
      const run = await pushTag('v1.0.0');
      expect(run.errors).toEqual([]);
      expect(run.code, run.output).toBe(0);

      const release = github.releases.get('v1.0.0');
      expect(release).toMatchObject({
        tagName: 'v1.0.0',
        targetCommitish: sha,
        name: 'v1.0.0',
        prerelease: false,
      });
      expect(release?.body).toMatch(/^The first release: build-image, helm-push/);
      expect(release?.body).toContain('### Changed (breaking)');
      expect(release?.body).not.toContain('## [1.0.0]');
      expect(originTag('v1')).toBe(sha);
      expect(originTag('v1.0.0')).toBe(sha);
      github.assertNoViolations();
    },
  );

  it('refuses a version that was released before, with one message', async () => {
    const v1 = originTag('v1');
    const run = await dispatch('v1.0.0');
    expect(run.code).not.toBe(0);
    expect(run.errors).toEqual([
      'v1.0.0 is already released (https://github.com/pipeline-actions/pipeline-actions/releases/tag/v1.0.0); a version is never reused: release the next one.',
    ]);
    expect(originTag('v1')).toBe(v1);
    expect(github.writes()).toEqual(['POST /repos/pipeline-actions/pipeline-actions/releases']);
  });

  it('refuses a version that is not semver, with one message', async () => {
    const run = await dispatch('v1.1');
    expect(run.code).not.toBe(0);
    expect(run.errors).toEqual([
      '"v1.1" is not a release version: name it vMAJOR.MINOR.PATCH (semver with a leading v, e.g. v1.0.0 or v1.1.0-rc.1).',
    ]);
  });

  it(
    'refuses a commit whose committed bundle is stale, creating no tag and no release',
    // Each run builds all six bundles (about two minutes on two busy cores).
    { timeout: 600_000 },
    async () => {
      const v1 = originTag('v1');
      appendFileSync(join(work, 'actions/pr-report/dist/index.js'), '\n// edited by hand\n');
      writeFileSync(
        join(work, 'CHANGELOG.md'),
        readFileSync(join(work, 'CHANGELOG.md'), 'utf8').replace(
          '## [Unreleased]\n',
          '## [Unreleased]\n\n## [1.0.1] - 2026-12-06\n\n### Fixed\n\n- A fix.\n',
        ),
      );
      for (const file of ['package.json', 'package-lock.json']) {
        const path = join(work, file);
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'),
        );
      }
      const sha = commitAll('a hand-edited bundle');
      git(['push', '-q', 'origin', 'main']);
      ciRan(sha);
      const run = await dispatch('v1.0.1');
      expect(run.code).not.toBe(0);
      expect(run.errors).toEqual([
        `The committed bundles on ${sha.slice(0, 7)} are stale (actions/pr-report/dist/index.js): run npm run build, commit actions/*/dist, and release that commit.`,
      ]);
      expect(originTag('v1.0.1')).toBeUndefined();
      expect(originTag('v1')).toBe(v1);
      expect(github.releases.has('v1.0.1')).toBe(false);
      github.assertNoViolations();
    },
  );
});
