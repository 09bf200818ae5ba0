import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  scratch,
  testNamespace,
  uniquePath,
  configMapChart,
} from '../../test/fixtures/deploy/harness.js';
import { recordedInstallArgs, shopRecord } from '../../test/support/recorded-release.js';
import { Exec } from '../exec.js';
import { KubeClient } from '../kube/client.js';
import { loadKubeconfig } from '../kube/config.js';
import { ReleaseStorage } from '../release/storage.js';
import { inShard, parseShard, planTargets } from './plan.js';

/**
 * Planning from the deploy records in Helm's real storage, read cluster-wide
 * through the API server: a release installed by the real helm with the
 * record helm-deploy writes (test/support/recorded-release.ts). An
 * environment of this test's own keeps other suites' releases out of the
 * cluster-wide LIST. A shard of a small fleet that holds none of its
 * releases is clean; a fleet with nothing of this app is an error.
 */

const environment = uniquePath('plan').replace(/[^a-z0-9-]/g, '-');
const client = new KubeClient(loadKubeconfig(env().kubeconfig));
const storage = new ReleaseStorage(client);
let namespace = '';
let remove = async () => {};
beforeAll(async () => {
  ({ name: namespace, remove } = await testNamespace('plan'));
});
afterAll(async () => {
  client.close();
  await remove();
});

const plan = (shard: string | undefined) =>
  planTargets({
    storage,
    environment,
    workspace: '/repo',
    manifest: undefined,
    manifestPath: 'default.json',
    configured: undefined,
    shard: parseShard(shard),
    concurrency: 2,
    repository: undefined,
  });

async function installRecorded(release: string): Promise<void> {
  const chart = configMapChart('chart');
  const record = shopRecord(release, namespace, environment);
  const args = recordedInstallArgs(record, {
    chart,
    kubeconfig: env().kubeconfig,
    dir: scratch('plan-record'),
  });
  await Exec.check(env().helm3, args, { silent: true });
}

describe('planning from the records in the cluster', () => {
  it('finds an empty shard of a small fleet clean, and a fleet with nothing of this app an error', async () => {
    const home = [1, 2, 3, 4].find((index) => inShard({ index, count: 4 }, namespace, 'shop'));
    const other = home === 1 ? 2 : 1;
    await expect(plan(`${other}/4`)).rejects.toThrow(
      `No release in any namespace this kubeconfig can read has a deploy record of this repository for environment "${environment}" in shard ${other}/4.`,
    );
    await installRecorded('shop');
    const planned = await plan(`${home}/4`);
    expect(planned.map(({ target, source }) => [target.namespace, target.release, source])).toEqual(
      [[namespace, 'shop', 'record']],
    );
    expect(await plan(`${other}/4`)).toEqual([]);
  });
});
