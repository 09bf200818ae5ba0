import { describe, expect, it } from 'vitest';
import { expectOutage, serviceFaults, throughFault } from '../../../test/support/faults.js';
import {
  EXAMPLE_CHART,
  env,
  helms,
  openClient,
  runHelmPush,
  uniquePath,
} from '../../../test/fixtures/helm/harness.js';

/**
 * A real registry behind the fault proxy: each fault either is waited out (the
 * chart is published, exactly once) or ends in the outage message, which names
 * the registry and says nothing was published, and leaves no tag behind.
 */

async function served(repository: string, tag: string): Promise<string | undefined> {
  const client = openClient();
  try {
    return (await client.headManifest(repository, tag))?.digest;
  } finally {
    client.close();
  }
}

// The example chart's upload passes 1,500 bytes inside its first blob PUT.
describe.each(helms())('helm-push with $name through registry faults', (helm) => {
  const path = uniquePath(`faults-h${helm.major}`);

  it.each(serviceFaults(1500))('$name: ends in $outcome', async (fault) => {
    const repository = `${path}-${fault.key}/storefront`;
    const { result: run, stats } = await throughFault(env().registry, fault, (address) =>
      runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `oci://${address}/${path}-${fault.key}`,
      }),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('true');
      expect(run.outputs.digest).toBe(await served(repository, '0.1.0'));
    } else {
      expectOutage(run);
      expect(await served(repository, '0.1.0')).toBeUndefined();
    }
  });
});
