import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  helms,
  kubectlIn,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';
import { diffLines, type AppImage } from '../../../test/fixtures/deploy/harness.js';

/**
 * A redeploy of the same Git after someone changed the release in the
 * cluster (a CronJob's schedule, a deleted ConfigMap): helm sets it back, and
 * helm-deploy says so (changed: true, which object and field it restored),
 * never "No change". On the real API server, with helm 3 and helm 4.
 */

let image: AppImage;
beforeAll(async () => {
  image = await shopImage();
});

describe.each(helms())('helm-deploy restoring drift, with $name', (helm) => {
  let github: GitHubDouble;
  let shop: ShopRelease;

  beforeAll(async () => {
    github = await GitHubDouble.start({ token: 'ghs_restore' });
    shop = await shopRelease(helm, github, image);
    const deployed = await shop.deploy();
    expect(deployed.exitCode, deployed.stdout).toBe(0);
  });
  afterAll(async () => {
    await shop?.remove();
    await github?.close();
  });

  it('a redeploy of unchanged Git reports no change', async () => {
    const run = await shop.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'deployed', changed: 'false' });
    expect(run.summary).toContain('No change.');
  });

  it('a redeploy that recreated a deleted object reports it restored', async () => {
    const ns = shop.namespace;
    await kubectlIn(ns, 'delete', 'configmap/web-config');
    const run = await shop.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'deployed', changed: 'true' });
    expect(run.summary).toContain(
      'Restored what had changed in the cluster since the last deploy: ConfigMap/web-config (deleted, recreated).',
    );
    expect(diffLines(run.summary)).toEqual([
      `+ ConfigMap/web-config (restored: it was deleted from the cluster since the last deploy)`,
    ]);
  });

  // Helm 3 merges three ways (the last manifest, the new one, the live object)
  // and sets the schedule back. Helm 4 applies server-side without forcing:
  // the field kubectl now owns is a conflict, and the deploy fails instead.
  it.runIf(helm.major === 3)(
    'a redeploy that set a drifted CronJob schedule back reports which object and field it restored',
    async () => {
      const ns = shop.namespace;
      await kubectlIn(ns, 'patch', 'cronjob/cleanup', '-p', '{"spec":{"schedule":"*/5 * * * *"}}');
      const run = await shop.deploy();
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ status: 'deployed', changed: 'true' });
      const cronJob = JSON.parse(await kubectlIn(ns, 'get', 'cronjob/cleanup', '-o', 'json'));
      expect(cronJob.spec.schedule).toBe('*/30 * * * *');
      expect(run.summary).toContain(
        'Restored what had changed in the cluster since the last deploy: CronJob/cleanup (spec.schedule).',
      );
      expect(run.summary).not.toContain('No change.');
      expect(diffLines(run.summary)).toEqual([
        '@@ CronJob/cleanup (restored: changed in the cluster since the last deploy) @@',
        '- spec.schedule: "*/5 * * * *"',
        '+ spec.schedule: "*/30 * * * *"',
      ]);
    },
  );
});
