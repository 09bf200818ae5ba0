import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartContent } from '../../../src/helm/content.js';
import { ChartRepository, sha256 } from '../../../src/helm/repository.js';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import {
  ChartMuseum,
  EXAMPLE_CHART,
  copyChart,
  helmCli,
  helms,
  onlyArchive,
  runHelmPush,
  scratch,
  writeChartFile,
} from '../../../test/fixtures/helm/harness.js';

/**
 * The HTTP repository path against a real ChartMuseum (v0.16.3, built from the
 * Go module proxy by test/fixtures/helm/chartmuseum.sh), with basic auth.
 */

const USER = 'publisher';
const PASSWORD = 'chartmuseum-secret';
let museum: ChartMuseum;
let url = '';

beforeAll(async () => {
  museum = await ChartMuseum.start(USER, PASSWORD);
  url = museum.url;
});
afterAll(() => museum?.close());

const credentials = () => ({ username: USER, password: PASSWORD });

async function indexDigest(repository: string, name = 'storefront', version = '0.1.0') {
  const client = new ChartRepository(`${url}/${repository}`.replace(/\/$/, ''), {
    credentials: credentials(),
  });
  try {
    return (await client.find(name, version))?.digest;
  } finally {
    client.close();
  }
}

describe.each(helms())('helm-push to ChartMuseum with $name', (helm) => {
  // ChartMuseum serves one repository at its root (depth 0); a unique chart version keeps runs apart.
  const version = `0.${helm.major}.${Date.now() % 100000}`;
  let published = '';
  const pushInputs = () => ({
    chart: EXAMPLE_CHART,
    destination: url,
    'chart-version': version,
    'registry-username': USER,
    'registry-password': PASSWORD,
  });

  it('publishes the example chart; helm pulls the same chart back, and the digest is the index’s', async () => {
    const run = await runHelmPush(helm, pushInputs());
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ chart: 'storefront', version, ref: url, pushed: 'true' });
    const digest = await indexDigest('', 'storefront', version);
    expect(run.outputs.digest).toBe(`sha256:${digest}`);
    published = run.outputs.digest ?? '';

    const home = scratch('helm-home');
    await helmCli(helm, ['repo', 'add', 'museum', url, '--username', USER, '--password-stdin'], {
      home,
      input: PASSWORD,
    });
    const into = scratch('pull');
    await helmCli(
      helm,
      ['pull', 'museum/storefront', '--version', version, '--destination', into],
      { home },
    );
    const pulled = onlyArchive(into);
    expect(`sha256:${sha256(pulled)}`).toBe(published);
    const out = scratch('package');
    await helmCli(helm, ['package', EXAMPLE_CHART, '--version', version, '--destination', out]);
    expect(chartContent(pulled, 'pulled').digest).toBe(
      chartContent(onlyArchive(out), 'local').digest,
    );
  });

  it('publishes the same chart again as a no-op', async () => {
    const run = await runHelmPush(helm, pushInputs());
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.pushed).toBe('false');
    expect(run.outputs.digest).toBe(published);
    expect(`sha256:${await indexDigest('', 'storefront', version)}`).toBe(published);
  });

  it('refuses other content under the same version, and replaces it only with if-exists: overwrite', async () => {
    const chart = copyChart(EXAMPLE_CHART);
    const values = readFileSync(join(chart, 'values.yaml'), 'utf8');
    writeChartFile(
      chart,
      'values.yaml',
      values.replace('targetCPUUtilization: 75', 'targetCPUUtilization: 60'),
    );
    const inputs = { ...pushInputs(), chart };

    const refused = await runHelmPush(helm, inputs);
    expect(refused.exitCode).toBe(1);
    expect(refused.annotations.find((a) => a.level === 'error')?.message).toContain(
      `Chart storefront version ${version} already exists at ${url} with different content (changed: values.yaml)`,
    );
    expect(`sha256:${await indexDigest('', 'storefront', version)}`).toBe(published);

    const replaced = await runHelmPush(helm, { ...inputs, 'if-exists': 'overwrite' });
    expect(replaced.exitCode, replaced.stdout).toBe(0);
    expect(replaced.outputs.pushed).toBe('true');
    expect(replaced.outputs.digest).not.toBe(published);
    expect(`sha256:${await indexDigest('', 'storefront', version)}`).toBe(replaced.outputs.digest);
  });

  it('says the credentials were rejected', async () => {
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: url,
      'chart-version': `${version}-wrong`,
      'registry-username': USER,
      'registry-password': 'wrong-password',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      `helm-push: Chart repository ${url}/ rejected the credentials (HTTP 401: unauthorized).\n` +
        'How to fix: check the username and password (or token), and that they may publish to this repository.',
    ]);
    expect(run.masked).toContain('wrong-password');
  });

  it('waits out a repository that answers 503 twice', async () => {
    const proxy = await FaultProxy.start({ target: url.replace('http://', '') });
    try {
      proxy.http503({ count: 2, retryAfterSeconds: 1 });
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `http://${proxy.address}`,
        'chart-version': `${version}-flaky`,
        'registry-username': USER,
        'registry-password': PASSWORD,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('true');
      expect(proxy.stats().http503).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});
