import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
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

describe.each(helms())('helm-push with $name through registry faults', (helm) => {
  const path = uniquePath(`faults-h${helm.major}`);

  async function through(fault: (proxy: FaultProxy) => void, suffix: string) {
    const proxy = await FaultProxy.start({ target: env().registry });
    try {
      fault(proxy);
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: `oci://${proxy.address}/${path}-${suffix}`,
      });
      return { run, stats: proxy.stats(), repository: `${path}-${suffix}/storefront` };
    } finally {
      await proxy.close();
    }
  }

  it('a connection cut mid-upload is retried: published once', async () => {
    // The example chart's upload passes 1,500 bytes inside its first blob PUT.
    const { run, stats, repository } = await through((p) => p.cutAfter(1500), 'cut');
    expect(stats.cut, 'the proxy cut a connection').toBe(1);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.pushed).toBe('true');
    expect(run.outputs.digest).toBe(await served(repository, '0.1.0'));
  });

  it('429 with Retry-After is waited out: published', async () => {
    const { run, stats, repository } = await through(
      (p) => p.http429({ count: 2, retryAfterSeconds: 1 }),
      'throttled',
    );
    expect(stats.http429).toBe(2);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.digest).toBe(await served(repository, '0.1.0'));
  });

  it('a 503 storm that outlasts the retries: the outage message, nothing published', async () => {
    const { run, stats, repository } = await through(
      (p) => p.http503({ retryAfterSeconds: 0 }),
      'storm',
    );
    expect(stats.http503).toBeGreaterThan(1);
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toMatch(/could not be reached/);
    expect(run.stdout).toContain('not a problem with your inputs');
    expect(run.stdout).not.toContain('failed unexpectedly');
    expect(await served(repository, '0.1.0')).toBeUndefined();
  });

  it('a registry that is down from the start: the outage message, nothing published', async () => {
    const { run, repository } = await through((p) => p.refuse(), 'down');
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toMatch(/could not be reached/);
    expect(run.stdout).not.toContain('failed unexpectedly');
    expect(await served(repository, '0.1.0')).toBeUndefined();
  });
});
