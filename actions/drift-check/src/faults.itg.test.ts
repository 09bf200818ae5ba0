import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import { expectOutage, serviceFaults, withFault } from '../../../test/support/faults.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  env,
  helms,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';

/**
 * drift-check's registry reads: when Git changed since the recorded deploy it
 * renders, and pins the image to its digest at the registry. The release was
 * deployed with its image named through the fault proxy, so that read meets
 * each fault: waited out (the check completes) or the outage message, the
 * status `error` and the drift issue untouched.
 */

let github: GitHubDouble;
let proxy: FaultProxy;
let shop: ShopRelease;

beforeAll(async () => {
  github = await GitHubDouble.start({ token: 'ghs_faults' });
  proxy = await FaultProxy.start({ target: env().registry });
  const image = await shopImage();
  shop = await shopRelease(helms()[0]!, github, {
    ...image,
    name: image.name.replace(env().registry, proxy.address),
  });
  // No wait: what is compared is the objects, not their pods.
  const deployed = await shop.deploy({ wait: 'false', atomic: 'false' });
  expect(deployed.exitCode, deployed.stdout.slice(-3000)).toBe(0);
  // A change to Git that renders the same objects: the check renders, finds nothing.
  appendFileSync(join(shop.workspace, 'deploy', 'values.yaml'), '# reviewed\n');
});
afterAll(async () => {
  await proxy?.close();
  await shop?.remove();
  await github?.close();
});

// Every request is longer than 100 bytes: the first is cut mid-request.
describe.each(serviceFaults(100))('drift-check rendering through $name', (fault) => {
  it(`ends in ${fault.outcome}`, async () => {
    const { result: run, stats } = await withFault(proxy, fault, () => shop.check());
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.outputs).toMatchObject({ status: 'clean', drifted: 'false' });
      expect(run.report?.targets[0]?.basis).toBe('rendered');
    } else {
      expectOutage(run);
      expect(run.outputs.status).toBe('error');
      expect(run.outputs.drifted).toBeUndefined();
    }
    expect(github.writes()).toEqual([]);
  });
});
