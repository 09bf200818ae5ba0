import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  exampleWorkspace,
  getObject,
  helms,
  history,
  pushAppImage,
  runDeploy,
  storefrontInputs,
  testNamespace,
  uniquePath,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';
import { writeRevisions } from '../../../test/support/helm-storage.js';

/**
 * recover-pending on the real cluster never uninstalls a release that ran: a
 * release deployed once, then failed 21 times (a team retrying a broken chart,
 * more revisions than any window of `helm history --max 20` shows), then left
 * pending by a cancelled job, is rolled back to its deployed revision found in
 * Helm's storage. The failed and pending revisions are written into Helm's
 * own storage (the `helm.sh/release.v1` Secrets, encoded as helm encodes
 * them) rather than made by 22 slow failing upgrades: helm reads them exactly
 * as it reads its own (test/support/helm-storage.ts).
 */

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
    const hourAgo = { updated: new Date(Date.now() - 3_600_000).toISOString() };
    await writeRevisions(env(), namespace, 'storefront', [
      { status: 'deployed', ...hourAgo },
      ...Array.from({ length: 21 }, () => ({ status: 'failed', ...hourAgo })),
      { status: 'pending-upgrade', ...hourAgo },
    ]);
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
  // object itself. The refusal for a date helm-deploy's reader cannot read is
  // in src/deploy/pending.itg.test.ts, with every other pending history.
});
