import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import { expectOutage, serviceFaults, withFault } from '../../../test/support/faults.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import { pushAppImage } from '../../../test/fixtures/deploy/harness.js';
import {
  env,
  helms,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';

/**
 * drift-check's registry reads: when Git changed since the recorded deploy it
 * renders, pinning each image the record does not name to its digest at the
 * registry (the recorded ones take the record's digest, no read). The
 * release was deployed with its image named through the fault proxy, and
 * Git then names another tag of it, so that read meets each fault: waited
 * out (the check completes and reports the tag not deployed yet) or the
 * outage message, the status `error` and the drift issue untouched.
 */

let github: GitHubDouble;
let proxy: FaultProxy;
let shop: ShopRelease;

beforeAll(async () => {
  github = await GitHubDouble.start({ token: 'ghs_faults' });
  proxy = await FaultProxy.start({ target: env().registry });
  const image = await shopImage();
  const name = image.name.replace(env().registry, proxy.address);
  await pushAppImage(image.name.slice(env().registry.length + 1), '1.0.1');
  shop = await shopRelease(helms()[0]!, github, { ...image, name });
  // No wait: what is compared is the objects, not their pods.
  const deployed = await shop.deploy({ wait: 'false', atomic: 'false' });
  expect(deployed.exitCode, deployed.stdout.slice(-3000)).toBe(0);
  // Git names another tag of the image: the check renders and asks the registry for its digest.
  const values = join(shop.workspace, 'deploy', 'values.yaml');
  writeFileSync(values, readFileSync(values, 'utf8').replace('"%%IMAGE%%"', `"${name}:1.0.1"`));
});
afterAll(async () => {
  await proxy?.close();
  await shop?.remove();
  await github?.close();
});

// Every request is longer than 100 bytes: the first is cut mid-request.
describe.each(serviceFaults(100))('drift-check rendering through $name', (fault) => {
  it(`ends in ${fault.outcome}`, async () => {
    const { result: run, stats } = await withFault(proxy, fault, () =>
      shop.check({ issue: 'false' }),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.outputs).toMatchObject({ status: 'drifted', drifted: 'true' });
      const target = run.report?.targets[0];
      expect(target?.basis).toBe('rendered');
      expect(
        target?.changes.some(
          (change) => change.class === 'not-deployed' && String(change.after).includes(':1.0.1@'),
        ),
      ).toBe(true);
    } else {
      expectOutage(run);
      expect(run.outputs.status).toBe('error');
      expect(run.outputs.drifted).toBeUndefined();
    }
    expect(github.writes()).toEqual([]);
  });
});
