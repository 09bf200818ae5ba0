import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  env,
  helms,
  scratch,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';

/**
 * What drift-check cannot check is an error, never "no drift": an API
 * server that does not answer, a release that was never deployed, a config
 * that does not say what to check. The step fails with the reason, the
 * `status` output says error, `drifted` and `count` stay unset, and the drift
 * issue is not touched (an error must not close it).
 */

let github: GitHubDouble;
let shop: ShopRelease;
let proxy: FaultProxy;

beforeAll(async () => {
  github = await GitHubDouble.start({ token: 'ghs_errors' });
  // A namespace without any release in it (nothing is deployed).
  shop = await shopRelease(helms()[0]!, github, await shopImage());
  proxy = await FaultProxy.start({ target: env().apiserver });
});
afterEach(() => github.assertNoViolations());
afterAll(async () => {
  await proxy?.close();
  await shop?.remove();
  await github?.close();
});

function errors(run: { annotations: { level: string; message: string }[] }): string[] {
  return run.annotations
    .filter((annotation) => annotation.level === 'error')
    .map((annotation) => annotation.message);
}

/** The test kubeconfig, pointed at the fault proxy in front of the API server. */
function kubeconfigThroughProxy(): string {
  const config = load(readFileSync(env().kubeconfig, 'utf8')) as {
    clusters: { cluster: { server: string } }[];
  };
  for (const entry of config.clusters) entry.cluster.server = `https://${proxy.address}`;
  const file = join(scratch('kubeconfig'), 'config');
  writeFileSync(file, dump(config), { mode: 0o600 });
  return file;
}

describe('drift-check when it cannot check', () => {
  it('an unreachable API server is an error, not "no drift"', async () => {
    proxy.refuse();
    const run = await shop.check({ kubeconfig: kubeconfigThroughProxy() });
    proxy.heal();
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.drifted).toBeUndefined();
    expect(run.outputs.count).toBeUndefined();
    expect(errors(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^drift-check: the Kubernetes API server https://${proxy.address.replace(/\./g, '\\.')} \\(.*\\) could not be reached after 4 attempts over \\d+\\.\\d s: connect ECONNREFUSED .*; no drift verdict was given\\nThis is an outage or a network problem`,
        ),
      ),
    ]);
    expect(github.requests).toEqual([]);
  });

  it('a release that was never deployed is an error, and the issue is left alone', async () => {
    github.seedIssue({
      title: 'Drift in dev',
      body: 'old drift\n\n<!-- pipeline-actions:drift-check app="storefront" key="dev" fingerprint="abc" first-seen="x" -->',
    });
    const run = await shop.check();
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'error' });
    expect(run.outputs.drifted).toBeUndefined();
    expect(errors(run).at(-1)).toBe(
      `drift-check: There is no release shop in namespace ${shop.namespace}: nothing was deployed to compare with.\nHow to fix: deploy it first, or correct release/namespace in .github/drift.yml targets[0].`,
    );
    expect(run.report?.targets[0]).toMatchObject({
      status: 'error',
      error: expect.stringContaining('There is no release shop'),
    });
    expect(run.summary).toContain('**Not checked:** There is no release shop');
    expect(github.writes()).toEqual([]);
    expect(github.openIssues()).toHaveLength(1);
  });

  it('a config with mistakes is refused with every problem at its line, before the cluster is asked anything', async () => {
    writeFileSync(
      join(shop.workspace, '.github', 'drift.yml'),
      [
        'targets:',
        '  - release: shop',
        '    valuess: [deploy/values.yaml]',
        '  - chart: chart',
        '    set: 3',
        'ignore:',
        '  - kind: Deployment',
        '',
      ].join('\n'),
    );
    const connections = proxy.stats().connections;
    const run = await shop.check({ kubeconfig: kubeconfigThroughProxy() });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(
      run.annotations.filter((annotation) => annotation.properties.file === '.github/drift.yml'),
    ).toEqual([
      expect.objectContaining({
        message: 'targets[0].valuess: unknown key "valuess".\nFix: did you mean "values"?',
        properties: expect.objectContaining({ line: '3' }),
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^targets\[0\]\.chart: the chart is missing\./),
        properties: expect.objectContaining({ line: '2' }),
      }),
      expect.objectContaining({
        // The refused value is not quoted: a set: can hold a secret.
        message: expect.stringMatching(
          /^targets\[1\]\.set: must be a mapping of values, not a number\.\nFix: write set: \{ image\.tag: "1\.2\.3" \}\.$/,
        ),
        properties: expect.objectContaining({ line: '5' }),
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^ignore\[0\]\.pointer: the JSON pointer is missing\./),
        properties: expect.objectContaining({ line: '7' }),
      }),
    ]);
    expect(proxy.stats().connections).toBe(connections);
  });
});
