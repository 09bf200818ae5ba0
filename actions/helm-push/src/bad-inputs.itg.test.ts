import { afterAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import {
  EXAMPLE_CHART,
  FIXTURES,
  env,
  helms,
  openClient,
  resetFirstConnections,
  runHelmPush,
  tlsInputs,
  uniquePath,
} from '../../../test/fixtures/helm/harness.js';
import type { RegistryClient } from '../../../src/oci/index.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * Every bad input ends in one clear message (what, where, how to fix), and
 * nothing is left in the registry; a registry that drops connections for a
 * while is waited out.
 */

const clients: RegistryClient[] = [];
afterAll(() => clients.forEach((client) => client.close()));

async function tags(repository: string): Promise<string[]> {
  const client = openClient();
  clients.push(client);
  return client.listTags(repository);
}

function errorsOf(run: {
  annotations: { level: string; message: string; properties: Record<string, string> }[];
}) {
  return run.annotations.filter((annotation) => annotation.level === 'error');
}

describe.each(helms())('helm-push with $name refuses bad inputs', (helm) => {
  const path = uniquePath(`bad-h${helm.major}`);
  const destination = () => `oci://${env().registry}/${path}`;

  it('a directory without Chart.yaml', async () => {
    const run = await runHelmPush(helm, {
      chart: 'test/fixtures/helm/no-chart',
      destination: destination(),
    });
    expect(run.exitCode).toBe(1);
    const [onFile, failure] = errorsOf(run);
    expect(failure?.message).toBe(
      `helm-push: ${FIXTURES}/no-chart: This directory has no Chart.yaml, so it is not a Helm chart.\n` +
        'How to fix: point `chart:` at the directory that holds Chart.yaml, or create one with `helm create`.',
    );
    expect(onFile?.properties.file).toBe('test/fixtures/helm/no-chart');
    expect(errorsOf(run)).toHaveLength(2);
  });

  it('a lint error, annotated at its file and line', async () => {
    const run = await runHelmPush(helm, {
      chart: 'test/fixtures/helm/lint-error',
      destination: destination(),
    });
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    const atFile = errors.filter(
      (e) => e.properties.file === 'test/fixtures/helm/lint-error/templates/configmap.yaml',
    );
    expect(atFile).toHaveLength(1);
    expect(atFile[0]?.properties).toMatchObject({
      line: '7',
      col: '18',
      title: 'Configuration error',
    });
    expect(atFile[0]?.message).toMatch(/^helm lint: .*nil pointer evaluating interface \{\}\.host/);
    const failure = errors.find((e) => e.message.startsWith('helm-push:'));
    expect(failure?.message).toContain(
      'helm lint found 1 error in chart lint-error; nothing was packaged or pushed:',
    );
    expect(failure?.message).toContain(
      'test/fixtures/helm/lint-error/templates/configmap.yaml:7:18: helm lint:',
    );
    expect(run.stdout).not.toMatch(/\[command\]\S*helm package/);
    expect(await tags(`${path}/lint-error`)).toEqual([]);
  });

  it('a version input that is not semver', async () => {
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: destination(),
      'chart-version': '1.2',
    });
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).map((e) => e.message)).toEqual([
      'helm-push: Input "chart-version" is "1.2", which is not a semantic version (MAJOR.MINOR.PATCH, optionally -prerelease and +build).\n' +
        'How to fix: set `chart-version` to an exact semantic version such as 1.4.0, 1.4.0-rc.1 or 1.4.0+build.7.',
    ]);
  });

  it('a Chart.yaml version that is not semver, at its line', async () => {
    const run = await runHelmPush(helm, {
      chart: 'test/fixtures/helm/bad-version',
      destination: destination(),
    });
    expect(run.exitCode).toBe(1);
    const [onFile, failure] = errorsOf(run);
    expect(onFile?.properties).toMatchObject({
      file: 'test/fixtures/helm/bad-version/Chart.yaml',
      line: '5',
    });
    expect(failure?.message).toMatch(
      /^helm-push: .*bad-version\/Chart.yaml:5: The chart version in Chart.yaml is "1.2", which is not a semantic version/,
    );
    expect(errorsOf(run)).toHaveLength(2);
    expect(await tags(`${path}/bad-version`)).toEqual([]);
  });

  it('wrong credentials, before anything is built', async () => {
    const wrong = 'not-the-password';
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: `oci://${env().registryTlsName}/${path}`,
      ...tlsInputs(),
      'registry-password': wrong,
    });
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      new RegExp(
        `^helm-push: Registry ${env().registryTlsName.replace(/\./g, '\\.')} rejected the credentials \\(HTTP 401[^)]*\\) to read ${path}/storefront\\.\\nHow to fix: Check the registry credentials`,
      ),
    );
    expect(run.masked).toContain(wrong);
    expect(leaks(run, wrong)).toEqual([]);
    expect(run.stdout).not.toMatch(/\[command\]\S*helm (?:lint|package|push)/);
  });

  it('a registry that resets the first connections, then recovers: published', async () => {
    const proxy = await FaultProxy.start({ target: env().registry });
    try {
      const stop = resetFirstConnections(proxy, 2);
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `oci://${proxy.address}/${path}-reset`,
      });
      stop();
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('true');
      expect(proxy.stats().reset).toBeGreaterThanOrEqual(2);
      const served = await openClient().headManifest(`${path}-reset/storefront`, '0.1.0');
      expect(run.outputs.digest).toBe(served?.digest);
    } finally {
      await proxy.close();
    }
  });
});
