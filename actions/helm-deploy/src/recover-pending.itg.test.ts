import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleWorkspace,
  getObject,
  helms,
  history,
  kubectl,
  pushAppImage,
  runDeploy,
  storefrontInputs,
  testNamespace,
  uniquePath,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * recover-pending on the real cluster never uninstalls a release that ran: a
 * release deployed once, then failed 21 times (a team retrying a broken chart,
 * more revisions than any window of `helm history --max 20` shows), then left
 * pending by a cancelled job, is rolled back to its deployed revision found in
 * Helm's storage. The failed and pending revisions are written into Helm's
 * own storage (the `helm.sh/release.v1` Secrets, encoded as helm encodes
 * them) rather than made by 22 slow failing upgrades: helm reads them exactly
 * as it reads its own.
 */

interface StoredRelease {
  version: number;
  info: { status: string; description: string; last_deployed: string };
}

function decode(data: string): StoredRelease {
  const helmEncoded = Buffer.from(data, 'base64').toString('utf8');
  return JSON.parse(
    gunzipSync(Buffer.from(helmEncoded, 'base64')).toString('utf8'),
  ) as StoredRelease;
}

function encode(release: StoredRelease): string {
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return Buffer.from(helmEncoded).toString('base64');
}

/** Copies revision 1's storage Secret as revision `version` with `status`, dated `minutesAgo`. */
async function storeRevision(
  namespace: string,
  first: { data: { release: string } },
  version: number,
  status: string,
  updated: string,
): Promise<void> {
  const release = decode(first.data.release);
  release.version = version;
  release.info = {
    ...release.info,
    status,
    description: `${status} (test)`,
    last_deployed: updated,
  };
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.storefront.v${version}`,
      namespace,
      labels: { name: 'storefront', owner: 'helm', status, version: String(version) },
    },
    data: { release: encode(release) },
  };
  await kubectl(['apply', '-f', '-'], JSON.stringify(secret));
}

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-recover')}/shop/storefront`, '1.0.0');
});

describe.each(helms())('recover-pending with $name', (helm) => {
  const workspace = exampleWorkspace();
  let namespace = '';
  let remove = async () => {};
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`deploy-recover-h${helm.major}`));
  });
  afterAll(() => remove());

  it('21 failed revisions, then a pending one: rolled back to the deployed revision, never uninstalled', async () => {
    const installed = await runDeploy(helm, workspace, storefrontInputs(namespace, image));
    expect(installed.exitCode, installed.stdout.slice(-3000)).toBe(0);
    const first = JSON.parse(
      await kubectl([
        'get',
        'secret',
        'sh.helm.release.v1.storefront.v1',
        '-n',
        namespace,
        '-o',
        'json',
      ]),
    ) as { data: { release: string } };
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    for (let version = 2; version <= 22; version++) {
      await storeRevision(namespace, first, version, 'failed', hourAgo);
    }
    await storeRevision(namespace, first, 23, 'pending-upgrade', hourAgo);
    expect((await history(helm, 'storefront', namespace)).at(-1)?.status).toBe('pending-upgrade');
    const uid = (await getObject('deployment', 'storefront', namespace)).metadata?.uid;
    expect(uid).toBeTruthy();

    const run = await runDeploy(
      helm,
      workspace,
      storefrontInputs(namespace, image, {
        'recover-pending': 'true',
        'recover-pending-after': '60s',
      }),
    );
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toContain('helm rollback storefront 1');
    expect(run.stdout).not.toMatch(/helm uninstall/);
    const revisions = await history(helm, 'storefront', namespace);
    // Helm keeps the last 10 revisions (--history-max), so revision 1 itself is pruned by
    // now; what remains says the release went back to it.
    expect(revisions.map((r) => r.description)).toContain('Rollback to 1');
    expect(revisions.at(-1)?.status).toBe('deployed');
    // The app kept running throughout: its Deployment is the same object, never deleted.
    expect((await getObject('deployment', 'storefront', namespace)).metadata?.uid).toBe(uid);
  });
  // A date helm cannot read never reaches its history: helm refuses the storage
  // object itself. The refusal for a date we cannot read is a unit test
  // (src/deploy/release.test.ts).
});
