import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../src/drift/report.js';
import { Exec } from '../../../src/exec.js';
import {
  env,
  errorLines,
  exampleWorkspace,
  helmRelease,
  helms,
  kubectl,
  pushAppImage,
  runDeploy,
  scratch,
  setManifestNamespace,
  uniqueNamespace,
  uniquePath,
  type AppImage,
  type HelmUnderTest,
} from '../../../test/fixtures/deploy/harness.js';
import { helmBinDir } from '../../../test/fixtures/helm/harness.js';
import { runBundle } from '../../../test/support/runner.js';

/**
 * The deploy record on the real cluster, with the real helm 3 and helm 4:
 * the example app deployed by helm-deploy, then drift-check with nothing
 * but `environment` and `kubeconfig` (no image, no targets file) finds the
 * release by its record and reports it clean without rendering; a Git
 * change is told apart from a cluster change; `helm rollback` leaves a
 * record that says what it rolled back to; and the bad inputs: a release
 * with no record and no config, an unreadable record, and a kubeconfig
 * that may not list Secrets.
 */

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('record-app')}/shop/storefront`, '1.0.0');
});

async function check(
  helm: HelmUnderTest,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const run = await runBundle(
    'drift-check',
    { environment: 'dev', kubeconfig: env().kubeconfig, issue: 'false', ...inputs },
    {
      workspace,
      env: {
        // helm on PATH for a render; a run with Git unchanged never starts it.
        PATH: `${helmBinDir(helm.binary)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        HOME: scratch('home'),
        RUNNER_TEMP: scratch('runner-temp'),
        ...extraEnv,
      },
    },
  );
  const path = run.outputs.report;
  const report = path ? (JSON.parse(readFileSync(path, 'utf8')) as DriftReport) : undefined;
  return { ...run, report };
}

describe.each(helms())('the deploy record with $name', (helm) => {
  const workspace = exampleWorkspace();
  const base = uniqueNamespace(`rec-h${helm.major}`);
  const namespace = `${base}-dev`;
  setManifestNamespace(workspace, base);
  const inputs = () => ({
    chart: 'chart',
    values: 'deploy/values.yaml\ndeploy/values-dev.yaml',
    image: `${image.name}:${image.tag}`,
    'build-version': '1.0.0',
    kustomize: 'deploy/kustomize',
    'create-namespace': 'true',
  });

  beforeAll(async () => {
    const run = await runDeploy(helm, workspace, inputs());
    expect(
      run.exitCode,
      run.stdout
        .split('\n')
        .filter((line) => line.startsWith('::error'))
        .join('\n'),
    ).toBe(0);
    expect(run.outputs).toMatchObject({ release: 'storefront', namespace, revision: '1' });
  });
  afterAll(async () => {
    await Exec.run(
      env().kubectl,
      ['delete', 'namespace', namespace, '--wait=false', '--kubeconfig', env().kubeconfig],
      { silent: true },
    );
  });

  it('stores the short keys as release labels on Helm storage and the whole record in the revision', async () => {
    const secrets = JSON.parse(
      await kubectl(['get', 'secrets', '-n', namespace, '-l', 'owner=helm', '-o', 'json']),
    ) as { items: { metadata: { labels: Record<string, string> } }[] };
    expect(secrets.items[0]?.metadata.labels).toMatchObject({
      name: 'storefront',
      'pipeline-actions.dev/record': 'v1',
      'pipeline-actions.dev/app': 'storefront',
      'pipeline-actions.dev/environment': 'dev',
    });
    const manifestText = (
      await helmRelease(helm, ['get', 'manifest', 'storefront', '-n', namespace])
    ).stdout;
    expect(manifestText).toContain('pipeline-actions.dev/deploy-record');
  });

  it('with only environment and kubeconfig: finds the release by its record and reports it clean, no render', async () => {
    const run = await check(helm, workspace, {});
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'clean', drifted: 'false', count: '0' });
    const target = run.report?.targets[0];
    expect(target).toMatchObject({
      release: 'storefront',
      namespace,
      status: 'clean',
      basis: 'deployed',
      record: { app: { name: 'storefront', dir: '.' }, buildVersion: '1.0.0' },
    });
    expect(target?.record?.images[0]).toContain(`@${image.digest}`);
    // No helm process: helm is never set up when Git has not changed (the default helm-version
    // would be downloaded from get.helm.sh, which this machine cannot reach).
    expect(run.stdout).not.toMatch(/^helm v/m);
  });

  it('tells a Git change not deployed yet apart from a change in the cluster', async () => {
    await kubectl(['set', 'env', 'deployment/storefront', '-n', namespace, 'DRIFTED=by-hand']);
    const values = join(workspace, 'deploy', 'values-dev.yaml');
    const before = readFileSync(values, 'utf8');
    writeFileSync(values, `${before}\nenv:\n  GREETING: hello from Git\n`);
    try {
      // A render needs helm (the one on PATH) and kubectl for the overlay.
      const run = await check(helm, workspace, { 'helm-version': 'path', kubectl: env().kubectl });
      expect(run.exitCode, errorLines(run.stdout)).toBe(0);
      const target = run.report?.targets[0];
      // The request hash saw a Git change: rendered (with the recorded image), only this release.
      expect(target?.basis).toBe('rendered');
      const classes = target?.changes.map((change) => `${change.class} ${change.path}`) ?? [];
      expect(
        classes.some((line) => line.startsWith('not-deployed') && line.includes('GREETING')),
      ).toBe(true);
      expect(
        classes.some((line) => line.startsWith('changed-in-cluster') && line.includes('DRIFTED')),
      ).toBe(true);
      expect(run.summary).toMatch(/not deployed/i);
    } finally {
      writeFileSync(values, before);
      await kubectl(['set', 'env', 'deployment/storefront', '-n', namespace, 'DRIFTED-']);
    }
  });

  it('helm rollback: the new revision carries the record of the revision it rolled back to', async () => {
    const second = await runDeploy(helm, workspace, { ...inputs(), 'build-version': '1.0.1' });
    expect(second.exitCode, second.stdout).toBe(0);
    const rolled = await helmRelease(helm, [
      'rollback',
      'storefront',
      '1',
      '-n',
      namespace,
      '--wait',
    ]);
    expect(rolled.exitCode, rolled.stderr).toBe(0);
    const run = await check(helm, workspace, {});
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const target = run.report?.targets[0];
    expect(target).toMatchObject({ deployedRevision: 3, basis: 'deployed', status: 'clean' });
    // Revision 3 runs revision 1's manifest, and says so: build 1.0.0, not 1.0.1.
    expect(target?.record?.buildVersion).toBe('1.0.0');
    const secrets = JSON.parse(
      await kubectl([
        'get',
        'secrets',
        '-n',
        namespace,
        '-l',
        'owner=helm,version=3',
        '-o',
        'json',
      ]),
    ) as { items: { metadata: { labels: Record<string, string> } }[] };
    // Helm copies the release labels of the revision it rolls back to.
    expect(secrets.items[0]?.metadata.labels['pipeline-actions.dev/app']).toBe('storefront');
  });

  it('an unreadable record: the release is an error, never "no drift"', async () => {
    // A record object that is not JSON, installed by hand: helm-deploy never writes one.
    const dir = join(scratch('record-broken'), 'chart');
    const files: Record<string, string> = {
      'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 1.0.0\n',
      'templates/record.yaml': [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: broken-deploy-record',
        '  labels:',
        '    pipeline-actions.dev/deploy-record: "true"',
        'data:',
        `  record: ${Buffer.from('{"version": 1, "app": ').toString('base64')}`,
        '',
      ].join('\n'),
    };
    for (const [path, text] of Object.entries(files)) {
      const file = join(dir, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
    }
    const installed = await helmRelease(helm, ['install', 'broken', dir, '-n', namespace]);
    expect(installed.exitCode, installed.stderr).toBe(0);
    try {
      const run = await check(helm, workspace, {});
      expect(run.exitCode).not.toBe(0);
      expect(run.outputs.status).toBe('error');
      const broken = run.report?.targets.find((target) => target.release === 'broken');
      expect(broken).toMatchObject({ status: 'error' });
      expect(broken?.error).toMatch(/deploy record of release broken .* is not readable/);
    } finally {
      await helmRelease(helm, ['uninstall', 'broken', '-n', namespace]);
    }
  });

  it('a release with no record and no drift config: one message naming the release and how to give it a target', async () => {
    const plainWs = exampleWorkspace();
    // The app's own release, installed by hand with helm (no record).
    const ns = `${base}-p-dev`;
    setManifestNamespace(plainWs, `${base}-p`);
    const installed = await helmRelease(helm, [
      'install',
      'storefront',
      join(plainWs, 'chart'),
      '-n',
      ns,
      '--create-namespace',
      '--set',
      `image=${image.name}:${image.tag}`,
    ]);
    expect(installed.exitCode, installed.stderr).toBe(0);
    try {
      const run = await check(helm, plainWs, {});
      expect(run.exitCode).not.toBe(0);
      expect(run.stdout + run.stderr).toContain(
        `Release storefront in namespace ${ns} has no deploy record`,
      );
      expect(run.stdout + run.stderr).toContain('.github/drift.yml');
    } finally {
      await Exec.run(
        env().kubectl,
        ['delete', 'namespace', ns, '--wait=false', '--kubeconfig', env().kubeconfig],
        { silent: true },
      );
    }
  });

  it('a kubeconfig that may not list Secrets: one message naming the missing permission', async () => {
    const account = 'drift-no-secrets';
    await kubectl(['create', 'serviceaccount', account, '-n', namespace]);
    const token = (await kubectl(['create', 'token', account, '-n', namespace])).trim();
    const raw = JSON.parse(
      await kubectl(['config', 'view', '--raw', '--minify', '-o', 'json']),
    ) as { clusters: { cluster: Record<string, string>; name: string }[] };
    const cluster = raw.clusters[0];
    const kubeconfig = join(scratch('sa-kubeconfig'), 'config.json');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: cluster?.cluster }],
        users: [{ name: 'u', user: { token } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u', namespace } }],
        'current-context': 'x',
      }),
    );
    const run = await check(helm, workspace, { kubeconfig });
    expect(run.exitCode).not.toBe(0);
    const errors = (run.stdout + run.stderr)
      .split('\n')
      .filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`may not list secrets in namespace ${namespace}`);
    expect(errors[0]).toContain('verbs ["get", "list"]');
  });
});

describe.each(helms())('a first install that never finished, with $name', (helm) => {
  it('a first install that never finished: says so, since when, and how to fix it (not "no record")', async () => {
    const firstWs = exampleWorkspace();
    const base = uniqueNamespace(`first-h${helm.major}`);
    const ns = `${base}-dev`;
    setManifestNamespace(firstWs, base);
    const deployed = await runDeploy(helm, firstWs, {
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
    expect(deployed.exitCode, errorLines(deployed.stdout)).toBe(0);
    try {
      // What a cancelled first install leaves: its objects live, revision 1 pending-install.
      // Written into Helm's storage as helm writes it (a job killed at the right moment is a race).
      const stored = JSON.parse(
        await kubectl([
          'get',
          'secret',
          'sh.helm.release.v1.storefront.v1',
          '-n',
          ns,
          '-o',
          'json',
        ]),
      ) as { metadata: { labels: Record<string, string> }; data: { release: string } };
      const body = JSON.parse(
        gunzipSync(
          Buffer.from(Buffer.from(stored.data.release, 'base64').toString('utf8'), 'base64'),
        ).toString('utf8'),
      ) as { info: { status: string; last_deployed: string } };
      body.info.status = 'pending-install';
      const encoded = Buffer.from(
        gzipSync(Buffer.from(JSON.stringify(body))).toString('base64'),
      ).toString('base64');
      await kubectl([
        'patch',
        'secret',
        'sh.helm.release.v1.storefront.v1',
        '-n',
        ns,
        '--type=merge',
        '-p',
        JSON.stringify({
          metadata: { labels: { status: 'pending-install' } },
          data: { release: encoded },
        }),
      ]);
      const run = await check(helm, firstWs, {});
      expect(run.exitCode).not.toBe(0);
      expect(run.outputs.status).toBe('error');
      const target = run.report?.targets.find((each) => each.release === 'storefront');
      expect(target?.status).toBe('error');
      expect(target?.error).toContain(
        `The first install of release storefront in namespace ${ns} never finished: revision 1 is pending-install since ${body.info.last_deployed}`,
      );
      expect(target?.error).toContain('recover-pending: true');
      expect(run.stdout + run.stderr).not.toContain('has no deploy record');
    } finally {
      await Exec.run(
        env().kubectl,
        ['delete', 'namespace', ns, '--wait=false', '--kubeconfig', env().kubeconfig],
        { silent: true },
      );
    }
  });
});
