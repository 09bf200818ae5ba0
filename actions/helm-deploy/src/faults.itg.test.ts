import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiServerFaults,
  apiServerProxy,
  expectOutage,
  serviceFaults,
  throughFault,
  withFault,
  type ApiServerProxy,
} from '../../../test/support/faults.js';
import {
  env,
  exampleWorkspace,
  helms,
  history,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  scratch,
  storefrontInputs,
  testNamespace,
  uniquePath,
  writeFile,
  type AppImage,
  type PublishedChart,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * helm-deploy's registry reads through the fault proxy in front of the real
 * registry: the chart pulled from it (the action's check of the version, then
 * helm's pull) and the image pinned to its digest. Rendered only (render-only:
 * the same pull and pinning, no cluster), so what is tested is the registry:
 * each fault is waited out (the objects rendered with the image pinned) or
 * ends in the outage message.
 */

let image: AppImage;
let chart: PublishedChart;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-faults')}/shop/storefront`, '1.0.0');
  chart = await publishExampleChart(helms()[0]!);
});

/** `127.0.0.1:5000/x` as seen through the proxy at `address`. */
function via(address: string, reference: string): string {
  return reference.replace(env().registry, address);
}

// Every request is longer than 100 bytes: the first three (the scheme probe,
// the version check, and what follows) are cut mid-request.
describe.each(helms())('helm-deploy with $name through registry faults', (helm) => {
  it.each(serviceFaults(100, 3))('$name: ends in $outcome', async (fault) => {
    const workspace = mkdtempSync(join(scratch('deploy-faults'), 'ws-'));
    writeFile(
      workspace,
      'values.yaml',
      'instances: { min: 1, max: 1 }\ningress: { host: shop.example.com }\n',
    );
    const { result: run, stats } = await throughFault(env().registry, fault, (address) =>
      runDeploy(helm, workspace, {
        chart: via(address, chart.ref),
        'chart-version': chart.version,
        release: 'storefront',
        namespace: 'shop-dev',
        values: 'values.yaml',
        set: `image: ${via(address, `${image.name}:${image.tag}`)}`,
        'render-only': 'true',
        kubeconfig: '',
      }),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.outputs.status).toBe('rendered');
      expect(run.outputs.manifest).toContain(`@${image.digest}`);
    } else {
      expectOutage(run);
      expect(run.outputs.manifest).toBeUndefined();
    }
  });
});

/**
 * Real deploys with the API server behind the fault proxy terminating TLS
 * (helm, kubectl and the action's own reads all go through it). Revision 1
 * is deployed without faults; each fault then meets the deploy of a new
 * revision (`helm history` read straight from the API server before and
 * after). Throttling is waited out by helm's client; a LIST cut mid-answer
 * is read again by the action; a write cut mid-upload stops helm before it
 * wrote a revision, and the action runs the upgrade again. A 503 storm (on
 * every request, or only on writes once the reads went through) and a
 * server that is down end in the outage message, with the release as it
 * was: never left pending, never a user error nor "a bug of ours".
 */
describe.each(helms())('helm-deploy with $name through API server faults', (helm) => {
  const workspace = exampleWorkspace();
  let namespace = '';
  let remove = async () => {};
  let api: ApiServerProxy;
  let version = 0;
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`deploy-api-h${helm.major}`));
    api = await apiServerProxy();
    const first = await runDeploy(helm, workspace, storefrontInputs(namespace, image));
    expect(first.exitCode, first.stdout.slice(-3000)).toBe(0);
  });
  afterAll(async () => {
    await api?.close();
    await remove();
  });

  it.each(apiServerFaults())('$name: ends in $outcome', async (fault) => {
    const before = await history(helm, 'storefront', namespace);
    const { result: run, stats } = await withFault(api.proxy, fault, () =>
      runDeploy(
        helm,
        workspace,
        storefrontInputs(namespace, image, {
          'build-version': `2.0.${++version}`,
          kubeconfig: api.kubeconfig,
        }),
      ),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    const after = await history(helm, 'storefront', namespace);
    expect(after.some((revision) => revision.status.startsWith('pending'))).toBe(false);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      const revision = before.at(-1)!.revision + 1;
      expect(after.at(-1)).toMatchObject({ revision, status: 'deployed' });
      expect(run.outputs).toMatchObject({ revision: String(revision), status: 'deployed' });
    } else {
      expectOutage(run);
      expect(run.stdout).toMatch(
        new RegExp(
          `::error::helm-deploy: the Kubernetes API server ${api.server.replace(/\./g, '\\.')} \\(.*\\) could not be reached after \\d+ attempts over \\d+\\.\\d s: .*; nothing was deployed%0A`,
        ),
      );
      // Helm's storage as it was: the release untouched, its last revision deployed.
      expect(after).toEqual(before);
      expect(after.at(-1)?.status).toBe('deployed');
    }
  });
});
