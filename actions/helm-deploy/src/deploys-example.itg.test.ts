import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/index.js';
import { parseReference } from '../../../src/oci/reference.js';
import {
  diffLines,
  env,
  envOf,
  exampleWorkspace,
  getObject,
  getWorkload,
  helmRelease,
  helms,
  history,
  liveImages,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  testNamespace,
  uniquePath,
  type AppImage,
  type PublishedChart,
} from '../../../test/fixtures/deploy/harness.js';
import {
  EXAMPLE_CHART,
  publishToDirectory,
  scratch,
  StaticChartRepository,
} from '../../../test/fixtures/helm/harness.js';

/**
 * The sample application end to end, with the real helm 3 and helm 4: the
 * chart helm-push published to the registry, values templated from
 * default.json and the build outputs, the kustomize overlay of examples/deploy
 * as a post-renderer, every image pinned to the registry's digest; then dry
 * runs (no change, then exactly one change), the change deployed, and helm's
 * own history and rollback on the release.
 */

let chart: PublishedChart;
let image: AppImage;
const registry = new RegistryClient(env().registry, { dockerConfig: false });

beforeAll(async () => {
  chart = await publishExampleChart(helms()[0]!);
  image = await pushAppImage(`${uniquePath('deploy-app')}/shop/storefront`, '1.0.0');
});
afterAll(() => registry.close());

describe.each(helms())('helm-deploy with $name', (helm) => {
  const workspace = exampleWorkspace();
  let namespace = '';
  let remove = async () => {};
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`deploy-example-h${helm.major}`));
  });
  afterAll(() => remove());

  const inputs = (extra: Record<string, string> = {}) => ({
    chart: chart.ref,
    'chart-version': chart.version,
    namespace,
    values: 'deploy/values.yaml\ndeploy/values-dev.yaml',
    image: `${image.name}:${image.tag}`,
    'build-version': '1.0.0',
    kustomize: 'deploy/kustomize',
    ...extra,
  });

  it('deploys the example app from the OCI chart, values templated, the overlay applied, every image pinned to the registry digest', async () => {
    const run = await runDeploy(helm, workspace, inputs());
    expect(run.exitCode, run.stdout).toBe(0);
    const pinned = `${image.name}:${image.tag}@${image.digest}`;
    expect(run.outputs).toMatchObject({
      release: 'storefront',
      namespace,
      revision: '1',
      status: 'deployed',
      images: pinned,
      changed: 'true',
    });

    // Every pod template (and pod) runs an image by the digest the registry serves for its tag.
    const images = await liveImages(namespace);
    expect(Object.keys(images)).toEqual(
      expect.arrayContaining(['Deployment/storefront storefront']),
    );
    for (const [where, ref] of Object.entries(images)) {
      expect(ref, where).toMatch(/^[^@]+:[\w.-]+@sha256:[a-f0-9]{64}$/);
      const reference = parseReference(ref.slice(0, ref.indexOf('@')));
      const served = await registry.headManifest(reference.repository, reference.tag ?? 'latest');
      expect(ref, where).toBe(`${ref.slice(0, ref.indexOf('@'))}@${served?.digest}`);
    }
    expect(images['Deployment/storefront storefront']).toBe(pinned);

    const deployment = await getObject('deployment', 'storefront', namespace);
    const template = (deployment.spec as any).template; // eslint-disable-line @typescript-eslint/no-explicit-any
    const container = template.spec.containers[0];
    const env_ = Object.fromEntries(
      (container.env as { name: string; value: string }[]).map((entry) => [
        entry.name,
        entry.value,
      ]),
    );
    // From default.json, the build outputs and the environment (values.yaml, values-dev.yaml).
    expect(env_).toMatchObject({ APP_VERSION: '1.0.0', APP_ENVIRONMENT: 'dev' });
    expect(template.metadata.labels).toMatchObject({
      'app.kubernetes.io/part-of': 'shop',
      'pipeline-actions.dev/environment': 'dev',
    });
    const ingress = await getObject('ingress', 'storefront', namespace);
    expect((ingress.spec as { rules: { host: string }[] }).rules[0]?.host).toBe(
      'dev.storefront.example.com',
    );
    const hpa = await getObject('hpa', 'storefront', namespace);
    expect(hpa.spec).toMatchObject({ minReplicas: 1, maxReplicas: 2 });
    // From the kustomize overlay.
    expect(env_.JAVA_OPTS).toBe('-XX:MaxRAMPercentage=75 -Xss512k');
    expect(container?.resources).toEqual({
      requests: { cpu: '250m', memory: '384Mi' },
      limits: { memory: '768Mi' },
    });
    // Traceability on the object, never on the pod template.
    expect(deployment.metadata?.annotations).toMatchObject({
      'pipeline-actions.dev/commit': '0123456789abcdef0123456789abcdef01234567',
      'pipeline-actions.dev/actor': 'octocat',
      'pipeline-actions.dev/run': 'https://github.com/acme/storefront/actions/runs/1000',
    });
    expect(template.metadata.annotations ?? {}).not.toHaveProperty('pipeline-actions.dev/commit');

    expect(run.summary).toContain('revision 1 deployed');
    expect(run.summary).toContain(pinned);
    expect(run.summary).toContain('+ Deployment/storefront (new)');
    // Nothing of the run is left in RUNNER_TEMP (values, kubeconfig, helm home, post-renderer).
    expect(readdirSync(run.runnerTemp)).toEqual([]);
  });

  it('a dry run against the unchanged release reports no change and creates no revision', async () => {
    const run = await runDeploy(helm, workspace, inputs({ 'dry-run': 'true' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry-run', revision: '1', changed: 'false' });
    expect(run.summary).toContain('no change');
    expect(diffLines(run.summary)).toEqual([]);
    expect((await history(helm, 'storefront', namespace)).map((r) => r.revision)).toEqual([1]);
  });

  const change = { set: 'env.FEATURE_SEARCH: "enabled"' };
  const expectedDiff = [
    '@@ Deployment/storefront @@',
    '+ spec.template.spec.containers[name=storefront].env[name=FEATURE_SEARCH]: {"name":"FEATURE_SEARCH","value":"enabled"}',
  ];

  it('after a values change, the dry run reports exactly that change, and still changes nothing', async () => {
    const run = await runDeploy(helm, workspace, inputs({ ...change, 'dry-run': 'true' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry-run', changed: 'true' });
    expect(diffLines(run.summary)).toEqual(expectedDiff);
    expect((await history(helm, 'storefront', namespace)).map((r) => r.revision)).toEqual([1]);
    const deployment = await getObject('deployment', 'storefront', namespace);
    expect(JSON.stringify(deployment.spec)).not.toContain('FEATURE_SEARCH');
  });

  it('deploys the change as revision 2; helm history and helm rollback still work on the release', async () => {
    const run = await runDeploy(helm, workspace, inputs(change));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ revision: '2', status: 'deployed', changed: 'true' });
    expect(diffLines(run.summary)).toEqual(expectedDiff);

    expect(
      (await history(helm, 'storefront', namespace)).map((r) => [r.revision, r.status]),
    ).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
    await helmRelease(helm, [
      'rollback',
      'storefront',
      '1',
      '-n',
      namespace,
      '--wait',
      '--timeout',
      '90s',
    ]);
    const revisions = await history(helm, 'storefront', namespace);
    expect(revisions.map((r) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);
    // Revision 1's post-rendered manifest came back: overlay and pinned image included.
    const [container] = (await getWorkload('deployment', 'storefront', namespace)).spec.template
      .spec.containers;
    const names = Object.keys(envOf(container));
    expect(names).toContain('JAVA_OPTS');
    expect(names).not.toContain('FEATURE_SEARCH');
    expect(container?.image).toBe(`${image.name}:${image.tag}@${image.digest}`);
  });
});

describe('a chart from a classic repository (repo/name)', () => {
  const helm = helms()[0]!;
  let repository: StaticChartRepository;
  let namespace = '';
  let remove = async () => {};
  beforeAll(async () => {
    const dir = scratch('chart-repo');
    repository = await StaticChartRepository.start(dir);
    await publishToDirectory(helm, EXAMPLE_CHART, dir, repository.url);
    ({ name: namespace, remove } = await testNamespace('deploy-repo'));
  });
  afterAll(async () => {
    await repository.close();
    await remove();
  });

  it('deploys shop/storefront at the pinned version from repository-url', async () => {
    const run = await runDeploy(helm, exampleWorkspace(), {
      chart: 'shop/storefront',
      'chart-version': '0.1.0',
      'repository-url': repository.url,
      namespace,
      values: 'deploy/values.yaml',
      image: `${image.name}:${image.tag}`,
      'build-version': '1.0.0',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ revision: '1', status: 'deployed' });
    expect(run.summary).toContain(`shop/storefront (${repository.url})`);
    expect(repository.requests).toContain('GET /index.yaml');
  });
});
