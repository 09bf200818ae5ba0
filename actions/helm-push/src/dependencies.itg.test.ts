import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartContent } from '../../../src/helm/content.js';
import {
  FIXTURES,
  StaticChartRepository,
  copyChart,
  env,
  helmCli,
  helms,
  loginTls,
  onlyArchive,
  runHelmPush,
  scratch,
  tlsInputs,
  uniquePath,
  type HelmUnderTest,
} from '../../../test/fixtures/helm/harness.js';

/**
 * A chart whose Chart.yaml declares one dependency in an OCI registry and one
 * in a classic HTTP repository packages and publishes with no `helm repo add`
 * and no login done beforehand: helm-push logs in and adds the repository in
 * helm's private home itself.
 */

interface Registry {
  name: string;
  host: () => string;
  inputs: () => Record<string, string>;
  /** Publishes a fixture chart into it with helm, outside the action. */
  publish: (helm: HelmUnderTest, chart: string, path: string) => Promise<void>;
  pullFlags: () => string[];
  login?: (helm: HelmUnderTest, home: string) => Promise<void>;
}

async function publishWith(
  helm: HelmUnderTest,
  chart: string,
  remote: string,
  flags: string[],
  home?: string,
) {
  const out = scratch('dep-package');
  await helmCli(helm, ['package', chart, '--destination', out], home ? { home } : {});
  const archive = join(out, `${chart.split('/').pop()}-1.0.0.tgz`);
  await helmCli(helm, ['push', archive, remote, ...flags], home ? { home } : {});
}

const REGISTRIES: Registry[] = [
  {
    name: 'an OCI dependency in the TLS registry that wants a login',
    host: () => env().registryTlsName,
    inputs: tlsInputs,
    publish: async (helm, chart, path) => {
      const home = scratch('helm-home');
      await loginTls(helm, home);
      await publishWith(
        helm,
        chart,
        `oci://${env().registryTlsName}/${path}`,
        ['--ca-file', env().caFile],
        home,
      );
    },
    pullFlags: () => ['--ca-file', env().caFile],
    login: loginTls,
  },
  {
    name: 'an OCI dependency in the plain-HTTP registry',
    host: () => env().registry,
    inputs: () => ({}),
    publish: (helm, chart, path) =>
      publishWith(helm, chart, `oci://${env().registry}/${path}`, ['--plain-http']),
    pullFlags: () => ['--plain-http'],
  },
];

describe.each(helms())('dependencies with $name', (helm) => {
  let repository: StaticChartRepository;

  beforeAll(async () => {
    repository = await StaticChartRepository.start(scratch('chart-repo'));
    const out = join(repository.dir);
    await helmCli(helm, ['package', join(FIXTURES, 'http-dependency'), '--destination', out]);
    await helmCli(helm, ['repo', 'index', out, '--url', repository.url]);
  });
  afterAll(() => repository.close());

  function umbrella(ociRepository: string, httpRepository = repository.url): string {
    const chart = copyChart(join(FIXTURES, 'umbrella'));
    const file = join(chart, 'Chart.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('%%OCI_REPOSITORY%%', ociRepository)
        .replace('%%HTTP_REPOSITORY%%', httpRepository),
    );
    return chart;
  }

  describe.each(REGISTRIES)('$name and an HTTP dependency', (registry) => {
    const dependencies = uniquePath(`deps-h${helm.major}`);

    beforeAll(() => registry.publish(helm, join(FIXTURES, 'oci-dependency'), dependencies));

    it('are resolved, packaged into the chart and published, with no manual helm repo add', async () => {
      const chart = umbrella(`oci://${registry.host()}/${dependencies}`);
      const path = uniquePath(`umbrella-h${helm.major}`);
      const before = repository.requests.length;
      const run = await runHelmPush(helm, {
        chart,
        destination: `oci://${registry.host()}/${path}`,
        ...registry.inputs(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ chart: 'umbrella', version: '0.3.0', pushed: 'true' });
      expect(repository.requests.slice(before)).toEqual(
        expect.arrayContaining(['GET /index.yaml', 'GET /http-dependency-2.1.0.tgz']),
      );

      const home = scratch('helm-home');
      await registry.login?.(helm, home);
      const into = scratch('pull');
      await helmCli(
        helm,
        [
          'pull',
          `oci://${registry.host()}/${path}/umbrella`,
          '--version',
          '0.3.0',
          '--destination',
          into,
          ...registry.pullFlags(),
        ],
        { home },
      );
      const files = [...chartContent(onlyArchive(into), 'pulled').files.keys()];
      // helm package stores each dependency as a directory under charts/.
      expect(files).toEqual(
        expect.arrayContaining([
          'charts/oci-dependency/Chart.yaml',
          'charts/oci-dependency/templates/configmap.yaml',
          'charts/http-dependency/Chart.yaml',
          'charts/http-dependency/templates/configmap.yaml',
        ]),
      );
      // helm's repositories and logins stayed in the action's private home.
      expect(existsSync(join(run.home, '.config', 'helm'))).toBe(false);

      // Published again, the rebuilt dependencies are the same content.
      const again = await runHelmPush(helm, {
        chart,
        destination: `oci://${registry.host()}/${path}`,
        ...registry.inputs(),
      });
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.outputs.pushed).toBe('false');
    });
  });

  it('a dependency version that no repository has ends in one message naming it', async () => {
    const chart = umbrella(`oci://${env().registry}/nowhere-${Date.now()}`);
    const run = await runHelmPush(helm, {
      chart,
      destination: `oci://${env().registry}/${uniquePath('unresolvable')}`,
      lint: 'false',
    });
    expect(run.exitCode).toBe(1);
    const failure = run.annotations.find(
      (a) => a.level === 'error' && a.message.startsWith('helm-push:'),
    );
    expect(failure?.message).toMatch(
      /A dependency of umbrella cannot be resolved: could not download oci:\/\/.*\/oci-dependency: .*not found/,
    );
    expect(failure?.message).toContain(
      'How to fix: check the name, version (or range) and repository',
    );
  });
});
