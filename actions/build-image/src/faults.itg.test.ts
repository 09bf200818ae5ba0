import { describe, expect, it } from 'vitest';
import { expectOutage, serviceFaults, throughFault } from '../../../test/support/faults.js';
import { buildImageSuite, registrySnapshot } from '../../../test/support/build-image.js';

/**
 * build-image with the fault proxy in front of the real registry it pushes to
 * (docker's push and the action's own registry reads and version tag): each
 * fault is waited out (the image and its version tag published once) or ends
 * in the outage message with no tag at all.
 */

const suite = buildImageSuite('build-faults');

// Reads and logins send well under 2,500 bytes; the image's config blob, its
// layer and its manifests each pass it.
describe.each(serviceFaults(2500))('build-image through $name', (fault) => {
  it(`ends in ${fault.outcome}, never with a half-published tag`, async () => {
    const path = `${suite.prefix}-${fault.key}`;
    const repository = `${path}/shop/storefront`;
    const { result: run, stats } = await throughFault(suite.env.registry, fault, (address) =>
      suite.build(suite.repo(), { registry: `${address}/${path}`, retries: '3' }),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    const tags = await registrySnapshot(suite.env.registry, repository);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.outputs).toMatchObject({ version: '1.0.0', rebuilt: 'true' });
      expect(tags['1.0.0']).toBe(run.outputs.digest);
    } else {
      expectOutage(run);
      expect(tags).toEqual({});
    }
  });
});
