import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../../test/env/environment.js';
import {
  appRepo,
  failureMessage,
  registrySnapshot,
  runBuildImage,
  uniquePath,
  type AppRepo,
} from '../../../test/support/build-image.js';
import { REPO_ROOT, type ActionRun } from '../../../test/support/runner.js';
import { standardImages } from '../../../test/support/standard-images.js';
import { rmSync } from 'node:fs';

/**
 * The catalog's image policy on a real image (the Python service of
 * test/fixtures/apps on runtime-python, a Debian image with a dpkg
 * database): a platform that bans a package the image has and requires a
 * label it lacks fails the build with one annotation per rule and no version
 * tag; the same image passes with `policy: warn`, the rules as warnings.
 * (A runtime that runs as root cannot be written: the catalog refuses uid 0,
 * see catalog.test.ts, and build-image always sets the runtime's USER.)
 */

const env = loadEnvironment();
const prefix = uniquePath('itg-policy');
const registry = `${env.registry}/${prefix}`;
let repo: AppRepo;

const POLICY = {
  mode: 'enforce',
  required_labels: ['org.opencontainers.image.version', 'com.example.cost-center'],
  banned_packages: ['ca-certificates', 'telnetd'],
  max_size_mib: 512,
};

beforeAll(() => {
  const images = standardImages('builder-python', 'runtime-python');
  repo = appRepo(env, join(REPO_ROOT, 'test', 'fixtures', 'apps', 'python-api'), {
    images,
    policy: POLICY,
  });
}, 45 * 60_000);

afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

const policyAnnotations = (run: ActionRun) =>
  run.annotations.filter((a) => a.properties.title?.startsWith('Image policy: '));

describe('the image policy of the catalog', () => {
  it('enforce: a banned package and a missing label fail the build, one annotation per rule, no version tag', async () => {
    const run = await runBuildImage(repo, registry);
    expect(run.exitCode).toBe(1);
    const annotations = policyAnnotations(run);
    expect(annotations.map((a) => [a.level, a.properties.title])).toEqual([
      ['error', 'Image policy: required-labels'],
      ['error', 'Image policy: banned-packages'],
    ]);
    expect(annotations[0]!.message).toContain('labels missing or empty: com.example.cost-center.');
    expect(annotations[1]!.message).toMatch(/banned packages installed: ca-certificates \d/);
    expect(annotations[1]!.properties.file).toBe('default.json');
    expect(failureMessage(run)).toMatch(
      /^build-image: The image .*@sha256:[0-9a-f]{64} breaks the platform's image policy \(required-labels, banned-packages\); no version tag was made\./,
    );
    expect(run.summary).toContain('breaks the image policy');
    const tags = Object.keys(await registrySnapshot(env.registry, `${prefix}/langs/python-api`));
    expect(tags.filter((t) => !t.startsWith('content-'))).toEqual([]);
  });

  let warned: ActionRun;

  it('warn: the same image is published, the rules reported as warnings and in the summary', async () => {
    const run = await runBuildImage(repo, registry, { policy: 'warn' });
    if (run.exitCode !== 0) throw new Error(run.stdout.slice(-4000));
    expect(policyAnnotations(run).map((a) => a.level)).toEqual(['warning', 'warning']);
    expect(run.outputs.version).toBe('1.0.0');
    // The image was reused (the enforced run pushed it) and has no SBOM yet: its layers are read.
    expect(run.summary).toMatch(
      /\| Image policy \| warn: 2 rule\(s\) broken \(required-labels, banned-packages\); \d+ Debian packages read from \d+ layers \(the image has no SBOM\) \|/,
    );
    warned = run;
  });

  it("a rerun takes the facts from the image's SBOM that run pushed, with the same outcome", async () => {
    const run = await runBuildImage(repo, registry, { policy: 'warn' });
    if (run.exitCode !== 0) throw new Error(run.stdout.slice(-4000));
    expect(run.outputs.rebuilt).toBe('false');
    const sbom = warned.outputs['sbom-ref']!.split('@')[1]!;
    const packages = /(\d+) Debian packages read from/.exec(warned.summary)![1];
    expect(run.stdout).toContain(
      `Image policy (warn): 2 rule(s) broken (${packages} Debian packages read from the image's SBOM ${sbom}).`,
    );
    expect(run.summary).toContain(
      `| Image policy | warn: 2 rule(s) broken (required-labels, banned-packages); ${packages} Debian packages read from the image's SBOM ${sbom} |`,
    );
    const messages = (r: ActionRun) => policyAnnotations(r).map((a) => [a.level, a.message]);
    expect(messages(run)).toEqual(messages(warned));
  });
});
