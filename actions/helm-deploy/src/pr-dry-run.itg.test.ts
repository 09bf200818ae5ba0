import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleWorkspace,
  helms,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  scratch,
  storefrontInputs,
  testNamespace,
  uniquePath,
  writeFile,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * The pull-request dry run in two jobs: templates written in the pull
 * request are rendered with no cluster access (render-only), and the
 * rendered objects alone are compared with the live ones (rendered), in a
 * workspace without the pull request's files.
 */

let image: AppImage;
let namespace = '';
let remove = async () => {};
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-pr')}/shop/storefront`, '1.0.0');
  ({ name: namespace, remove } = await testNamespace('deploy-pr'));
});
afterAll(() => remove());

describe('render-only, then rendered', () => {
  it('renders without credentials; the comparison shows what would change', async () => {
    const helm = helms()[0]!;
    const deployed = await runDeploy(helm, exampleWorkspace(), storefrontInputs(namespace, image));
    expect(deployed.exitCode, deployed.stdout).toBe(0);

    // The pull request: one more instance, and a template that tries to read a Secret.
    const pr = exampleWorkspace();
    writeFile(pr, 'deploy/pr.yaml', 'instances: { min: 3, max: 4 }\n');
    writeFile(
      pr,
      'chart/templates/lookup.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: copied }\ndata:\n  found: {{ (lookup "v1" "Secret" .Release.Namespace "") | toJson | quote }}\n',
    );
    const rendered = await runDeploy(
      helm,
      pr,
      storefrontInputs(namespace, image, {
        values: 'deploy/values.yaml\ndeploy/pr.yaml',
        'render-only': 'true',
        kubeconfig: '',
      }),
      { KUBECONFIG: join(scratch('no-cluster'), 'none') },
    );
    expect(rendered.exitCode, rendered.stdout).toBe(0);
    expect(rendered.outputs.status).toBe('rendered');
    const manifest = rendered.outputs.manifest ?? '';
    expect(manifest).toContain('minReplicas: 3');
    // helm template: lookup has no cluster, it finds nothing.
    expect(manifest).toMatch(/found: "(?:map\[\]|\{\})"/);

    const bare = mkdtempSync(join(scratch('compare'), 'ws-'));
    const compared = await runDeploy(helm, bare, {
      chart: 'chart',
      namespace,
      release: rendered.outputs.release ?? '',
      rendered: manifest,
      'dry-run': 'true',
    });
    expect(compared.exitCode, compared.stdout).toBe(0);
    expect(compared.outputs).toMatchObject({ status: 'dry-run', changed: 'true', revision: '1' });
    expect(compared.stdout).toMatch(/minReplicas/);
  });

  it('a pull request that changes nothing deployed: rendered as pr-checks.yml does, the comparison with what pipeline.yml deployed shows no change', async () => {
    const helm = helms()[0]!;
    // pipeline.yml: the chart published with the build's version, dev deployed with values and values-dev.
    const chart = await publishExampleChart(helm, {
      'chart-version': '1.0.1',
      'app-version': '1.0.1',
    });
    const { name: dev, remove: removeDev } = await testNamespace('deploy-pr-same');
    try {
      const values = 'deploy/values.yaml\ndeploy/values-dev.yaml';
      const pinned = `${image.name}@${image.digest}`;
      const deployed = await runDeploy(helm, exampleWorkspace(), {
        chart: chart.ref,
        'chart-version': '1.0.1',
        namespace: dev,
        values,
        image: pinned,
        'build-version': '1.0.1',
      });
      expect(deployed.exitCode, deployed.stdout).toBe(0);

      // pr-checks.yml: the chart directory as published with the build's version, the image the build reused.
      const rendered = await runDeploy(
        helm,
        exampleWorkspace(),
        {
          chart: 'chart',
          'chart-version': '1.0.1',
          'app-version': '1.0.1',
          namespace: dev,
          values,
          image: pinned,
          'build-version': '1.0.1',
          'render-only': 'true',
          kubeconfig: '',
        },
        { KUBECONFIG: join(scratch('no-cluster'), 'none') },
      );
      expect(rendered.exitCode, rendered.stdout).toBe(0);
      expect(rendered.outputs.manifest).toContain('helm.sh/chart: storefront-1.0.1');

      const compared = await runDeploy(helm, mkdtempSync(join(scratch('compare'), 'ws-')), {
        chart: 'chart',
        namespace: dev,
        release: rendered.outputs.release ?? '',
        rendered: rendered.outputs.manifest ?? '',
        'dry-run': 'true',
      });
      expect(compared.exitCode, compared.stdout).toBe(0);
      expect(compared.outputs).toMatchObject({ status: 'dry-run', changed: 'false' });
    } finally {
      await removeDev();
    }
  });

  it("render-only takes the pull request's unpublished image as given; a deploy of it is refused", async () => {
    const helm = helms()[0]!;
    // What pr-checks.yml passes: the image of a pull request has no digest yet.
    const unpublished = `${image.name}:pr-7@sha256:${'0'.repeat(64)}`;
    const rendered = await runDeploy(
      helm,
      exampleWorkspace(),
      storefrontInputs(namespace, image, {
        image: unpublished,
        'render-only': 'true',
        kubeconfig: '',
      }),
      { KUBECONFIG: join(scratch('no-cluster'), 'none') },
    );
    expect(rendered.exitCode, rendered.stdout).toBe(0);
    expect(rendered.outputs.manifest).toContain(`image: "${unpublished}"`);

    // Anywhere else that digest is checked: the registry does not have it.
    const deployed = await runDeploy(
      helm,
      exampleWorkspace(),
      storefrontInputs(namespace, image, { image: unpublished, 'dry-run': 'true' }),
    );
    expect(deployed.exitCode).toBe(1);
    expect(deployed.stdout).toContain(`Image ${unpublished} is pinned to sha256:${'0'.repeat(64)}`);
  });

  it('render-only refuses a kubeconfig', async () => {
    const run = await runDeploy(
      helms()[0]!,
      exampleWorkspace(),
      storefrontInputs(namespace, image, { 'render-only': 'true' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      'render-only renders without the cluster: it takes no kubeconfig.',
    );
  });
});
