import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOutage, serviceFaults, throughFault } from '../../../test/support/faults.js';
import {
  env,
  helms,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  scratch,
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
