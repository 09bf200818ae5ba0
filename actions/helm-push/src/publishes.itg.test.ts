import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartContent } from '../../../src/helm/content.js';
import type { RegistryClient } from '../../../src/oci/index.js';
import {
  EXAMPLE_CHART,
  copyChart,
  env,
  helmCli,
  helms,
  loginTls,
  onlyArchive,
  openClient,
  runHelmPush,
  scratch,
  tlsClient,
  tlsInputs,
  uniquePath,
  writeChartFile,
  type HelmUnderTest,
} from '../../../test/fixtures/helm/harness.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * The example chart through the committed bundle, with the real helm 3 and
 * helm 4, into the real registries: published, pulled back and shown the
 * same; published again unchanged; refused when the same version changed;
 * replaced only when asked.
 */

const clients: RegistryClient[] = [];
afterAll(() => clients.forEach((client) => client.close()));

interface Registry {
  name: string;
  host: () => string;
  inputs: () => Record<string, string>;
  client: () => RegistryClient;
  /** Flags for an independent helm pull/show. */
  flags: () => string[];
  login?: (helm: HelmUnderTest, home: string) => Promise<void>;
}

const REGISTRIES: Registry[] = [
  {
    name: 'the open registry',
    host: () => env().registry,
    inputs: () => ({}),
    client: openClient,
    flags: () => ['--plain-http'],
  },
  {
    name: 'the TLS registry with basic auth',
    host: () => env().registryTlsName,
    inputs: tlsInputs,
    client: tlsClient,
    flags: () => ['--ca-file', env().caFile],
    login: loginTls,
  },
];

function client(registry: Registry): RegistryClient {
  const made = registry.client();
  clients.push(made);
  return made;
}

/** The content digest of a chart directory packaged by helm itself, outside the action. */
async function packagedContent(helm: HelmUnderTest, chart: string, extra: string[] = []) {
  const out = scratch('package');
  await helmCli(helm, ['package', chart, '--destination', out, ...extra]);
  return chartContent(onlyArchive(out), chart);
}

describe.each(helms())('helm-push with $name', (helm) => {
  describe.each(REGISTRIES)('to $name', (registry) => {
    const path = uniquePath(`push-h${helm.major}`);
    const repository = `${path}/storefront`;
    let firstDigest = '';

    it('publishes the example chart; pulled and shown it is the same chart, and the digest output is the registry’s', async () => {
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `oci://${registry.host()}/${path}`,
        ...registry.inputs(),
      });
      expect(run.stderr).not.toContain('Error');
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({
        chart: 'storefront',
        version: '0.1.0',
        ref: `oci://${registry.host()}/${repository}:0.1.0`,
        pushed: 'true',
      });
      const served = await client(registry).headManifest(repository, '0.1.0');
      expect(run.outputs.digest).toBe(served?.digest);
      firstDigest = run.outputs.digest ?? '';

      // Pulled back by helm itself, it is the chart as helm packages it here.
      const home = scratch('helm-home');
      await registry.login?.(helm, home);
      const into = scratch('pull');
      const ref = `oci://${registry.host()}/${repository}`;
      await helmCli(
        helm,
        ['pull', ref, '--version', '0.1.0', '--destination', into, ...registry.flags()],
        {
          home,
        },
      );
      expect(chartContent(onlyArchive(into), 'pulled').digest).toBe(
        (await packagedContent(helm, EXAMPLE_CHART)).digest,
      );
      const shown = load(
        (
          await helmCli(helm, ['show', 'chart', ref, '--version', '0.1.0', ...registry.flags()], {
            home,
          })
        ).stdout,
      );
      const local = load(readFileSync(join(EXAMPLE_CHART, 'Chart.yaml'), 'utf8'));
      expect(shown).toEqual(local);

      // The password never reached argv or the log unmasked, and helm wrote nothing to HOME.
      if (registry.inputs().password) {
        expect(run.masked).toContain(env().registryTlsPassword);
        expect(leaks(run, env().registryTlsPassword)).toEqual([]);
      }
      expect(existsSync(join(run.home, '.config', 'helm'))).toBe(false);
      expect(existsSync(join(run.home, '.cache', 'helm'))).toBe(false);
      expect(run.summary).toContain(`oci://${registry.host()}/${repository}:0.1.0`);
      expect(run.summary).toContain('| pushed |');
    });

    it('publishes the same chart again as a no-op: pushed false, nothing changed', async () => {
      const tagsBefore = await client(registry).listTags(repository);
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `oci://${registry.host()}/${path}`,
        ...registry.inputs(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('false');
      expect(run.outputs.digest).toBe(firstDigest);
      expect((await client(registry).headManifest(repository, '0.1.0'))?.digest).toBe(firstDigest);
      expect(await client(registry).listTags(repository)).toEqual(tagsBefore);
      expect(run.stdout).not.toMatch(/\[command\]\S*helm push/);
      expect(run.summary).toContain('unchanged (same content already published)');
    });
  });

  describe('the same version with other content', () => {
    const path = uniquePath(`change-h${helm.major}`);
    const repository = `${path}/storefront`;
    const destination = () => `oci://${env().registry}/${path}`;
    let original = '';

    beforeAll(async () => {
      const run = await runHelmPush(helm, { chart: EXAMPLE_CHART, destination: destination() });
      expect(run.exitCode, run.stdout).toBe(0);
      original = run.outputs.digest ?? '';
    });

    function changedChart(): string {
      const chart = copyChart(EXAMPLE_CHART);
      const service = readFileSync(join(chart, 'templates', 'service.yaml'), 'utf8');
      writeChartFile(
        chart,
        'templates/service.yaml',
        service.replace('protocol: TCP', 'protocol: TCP\n      appProtocol: http'),
      );
      return chart;
    }

    it('fails, saying which version exists where, what changed, and how to proceed; the registry is unchanged', async () => {
      const run = await runHelmPush(helm, { chart: changedChart(), destination: destination() });
      expect(run.exitCode).toBe(1);
      const errors = run.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toBe(
        `helm-push: Chart storefront version 0.1.0 already exists at oci://${env().registry}/${repository}:0.1.0 with different content (changed: templates/service.yaml); a published version is never replaced.\n` +
          'How to fix: publish the change as a new version (bump `version` in Chart.yaml or the chart-version input); to replace 0.1.0 on purpose, set if-exists: overwrite.',
      );
      expect(run.stdout).not.toMatch(/\[command\]\S*helm push/);
      const client = openClient();
      clients.push(client);
      expect((await client.headManifest(repository, '0.1.0'))?.digest).toBe(original);
    });

    it('fails with if-exists: fail before anything is packaged', async () => {
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: destination(),
        'if-exists': 'fail',
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations[0]?.message).toContain('already exists at');
      expect(run.annotations[0]?.message).toContain('and if-exists is fail');
      expect(run.stdout).not.toMatch(/\[command\]\S*helm package/);
    });

    it('replaces it with if-exists: overwrite', async () => {
      const chart = changedChart();
      const run = await runHelmPush(helm, {
        chart,
        destination: destination(),
        'if-exists': 'overwrite',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('true');
      expect(run.outputs.digest).not.toBe(original);
      const client = openClient();
      clients.push(client);
      expect((await client.headManifest(repository, '0.1.0'))?.digest).toBe(run.outputs.digest);
      expect(
        run.annotations.some(
          (a) => a.level === 'warning' && a.message.includes('replacing version 0.1.0'),
        ),
      ).toBe(true);
      const into = scratch('pull');
      await helmCli(helm, [
        'pull',
        `oci://${env().registry}/${repository}`,
        '--version',
        '0.1.0',
        '--plain-http',
        '--destination',
        into,
      ]);
      expect(chartContent(onlyArchive(into), 'pulled').digest).toBe(
        (await packagedContent(helm, chart)).digest,
      );
    });
  });

  it('publishes a version with build metadata under the _ tag, and helm finds it by its + version', async () => {
    const path = uniquePath(`build-h${helm.major}`);
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: `oci://${env().registry}/${path}`,
      'chart-version': '1.2.3+build.7',
      'app-version': '1.2.3',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.version).toBe('1.2.3+build.7');
    expect(run.outputs.ref).toBe(`oci://${env().registry}/${path}/storefront:1.2.3_build.7`);
    const shown = load(
      (
        await helmCli(helm, [
          'show',
          'chart',
          `oci://${env().registry}/${path}/storefront`,
          '--version',
          '1.2.3+build.7',
          '--plain-http',
        ])
      ).stdout,
    ) as Record<string, unknown>;
    expect(shown).toMatchObject({ version: '1.2.3+build.7', appVersion: '1.2.3' });
  });
});
