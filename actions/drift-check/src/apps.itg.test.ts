import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../src/drift/report.js';
import { Exec } from '../../../src/exec.js';
import {
  env,
  errorLines,
  exampleWorkspace,
  helms,
  kubectl,
  pushAppImage,
  runDeploy,
  scratch,
  setManifestNamespace,
  uniqueNamespace,
  uniquePath,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';
import { helmBinDir } from '../../../test/fixtures/helm/harness.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import { runBundle } from '../../../test/support/runner.js';

/**
 * Drift issues are kept per application key (the app's name and its
 * directory), on the real cluster with the GitHub double: one repository
 * with two apps of the same name in different directories (a/ and b/, each
 * deployed by helm-deploy to its own namespace); drift in a's release opens
 * a's issue, and b's clean check must not close it.
 */

const [helm] = helms();

describe('two apps with the same name in different directories', () => {
  const workspace = exampleWorkspace();
  const base = uniqueNamespace('apps');
  const namespaceOf = (dir: string) => `${base}-${dir}-dev`;
  let image: AppImage;
  let github: GitHubDouble;

  // default.json of each app, in its own directory, with a base namespace of its own.
  for (const dir of ['a', 'b']) {
    mkdirSync(join(workspace, dir), { recursive: true });
    cpSync(join(workspace, 'default.json'), join(workspace, dir, 'default.json'));
    setManifestNamespace(workspace, `${base}-${dir}`, `${dir}/default.json`);
  }

  const check = async (dir: string) => {
    const run = await runBundle(
      'drift-check',
      {
        environment: 'dev',
        kubeconfig: env().kubeconfig,
        manifest: `${dir}/default.json`,
      },
      {
        workspace,
        env: {
          PATH: `${helmBinDir(helm!.binary)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          HOME: scratch('home'),
          RUNNER_TEMP: scratch('runner-temp'),
          GITHUB_API_URL: github.url,
          GITHUB_TOKEN: github.token,
        },
      },
    );
    const path = run.outputs.report;
    const report = path ? (JSON.parse(readFileSync(path, 'utf8')) as DriftReport) : undefined;
    return { ...run, report };
  };

  beforeAll(async () => {
    github = await GitHubDouble.start({ token: 'ghs_apps' });
    image = await pushAppImage(`${uniquePath('apps-app')}/shop/storefront`, '1.0.0');
    for (const dir of ['a', 'b']) {
      const run = await runDeploy(helm!, workspace, {
        manifest: `${dir}/default.json`,
        chart: 'chart',
        values: 'deploy/values.yaml\ndeploy/values-dev.yaml',
        image: `${image.name}:${image.tag}`,
        'build-version': '1.0.0',
        kustomize: 'deploy/kustomize',
        'create-namespace': 'true',
        // Readiness is not what this is about.
        wait: 'false',
        atomic: 'false',
      });
      expect(run.exitCode, errorLines(run.stdout)).toBe(0);
      expect(run.outputs.namespace).toBe(namespaceOf(dir));
    }
  });
  afterEach(() => github.assertNoViolations());
  afterAll(async () => {
    await github?.close();
    for (const dir of ['a', 'b']) {
      await Exec.run(
        env().kubectl,
        ['delete', 'namespace', namespaceOf(dir), '--wait=false', '--kubeconfig', env().kubeconfig],
        { silent: true },
      );
    }
  });

  it("b's clean check leaves a's drift issue open; each issue names its app's directory", async () => {
    await kubectl([
      'set',
      'env',
      'deployment/storefront',
      '-n',
      namespaceOf('a'),
      'DRIFTED=by-hand',
    ]);
    const a = await check('a');
    expect(a.outputs.status).toBe('drifted');
    expect(a.report?.app).toBe('a/storefront');
    expect(a.report?.targets.map((target) => target.namespace)).toEqual([namespaceOf('a')]);
    const opened = github.openIssues();
    expect(opened.map((issue) => issue.title)).toEqual([
      expect.stringMatching(/^Drift in dev \(a\/storefront\): \d+ difference/),
    ]);
    expect(a.outputs.issue).toContain(`/issues/${opened[0]?.number}`);

    const b = await check('b');
    expect(b.exitCode, b.stdout).toBe(0);
    expect(b.outputs.status).toBe('clean');
    expect(b.report?.app).toBe('b/storefront');
    expect(b.report?.targets.map((target) => target.namespace)).toEqual([namespaceOf('b')]);
    // a's issue is a's: still open, not commented on by b's run.
    expect(github.openIssues().map((issue) => issue.number)).toEqual([opened[0]?.number]);
    expect(github.comments(opened[0]?.number ?? 0)).toEqual([]);
  });
});
