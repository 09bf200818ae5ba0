import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  envOf,
  exampleWorkspace,
  getWorkload,
  helms,
  history,
  kubectl,
  pushAppImage,
  runDeploy,
  scratch,
  storefrontInputs,
  testNamespace,
  uniquePath,
  type AppImage,
  type HelmUnderTest,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * Deploys that fail on the real cluster, with helm 3 and helm 4: a manifest
 * the API server rejects in the middle of the upgrade, a readiness that never
 * comes (pods no node can take), a release left pending-upgrade by a killed
 * deploy, and two deploys of one release at once. Each ends in a message that
 * says what happened and what the release was left in, and the previous
 * revision keeps serving.
 */

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-fail')}/shop/storefront`, '1.0.0');
});

/** The storefront container's env of the live Deployment, as a map. */
async function liveEnv(namespace: string): Promise<Record<string, string | undefined>> {
  return envOf(
    (await getWorkload('deployment', 'storefront', namespace)).spec.template.spec.containers[0],
  );
}

/**
 * Starts `helm upgrade --wait` on a change no node can run, waits until the
 * release is pending-upgrade and kills helm: what a cancelled CI job leaves.
 */
async function abandonUpgrade(
  helm: HelmUnderTest,
  workspace: string,
  namespace: string,
): Promise<void> {
  const home = scratch('helm-home');
  const child = spawn(
    helm.binary,
    [
      'upgrade',
      'storefront',
      join(workspace, 'chart'),
      '-n',
      namespace,
      '--reuse-values',
      '--set',
      'nodeSelector.disktype=none',
      '--wait',
      '--timeout',
      '300s',
      '--kubeconfig',
      env().kubeconfig,
    ],
    {
      env: {
        ...process.env,
        HELM_CONFIG_HOME: join(home, 'c'),
        HELM_CACHE_HOME: join(home, 'k'),
        HELM_DATA_HOME: join(home, 'd'),
      },
      stdio: 'ignore',
    },
  );
  try {
    for (let i = 0; i < 100; i++) {
      const last = (await history(helm, 'storefront', namespace)).at(-1);
      // Pending is written before helm touches the cluster; killed that early,
      // the pending revision's objects and the live ones disagree in a way no
      // cancelled job leaves. Wait until helm applied the revision (the
      // unschedulable selector is live, the record Secret the plain upgrade
      // does not render is deleted) and is waiting for readiness.
      if (last?.status === 'pending-upgrade' && (await upgradeApplied(namespace))) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error('the release never became pending-upgrade');
  } finally {
    child.kill('SIGKILL');
  }
}

/** Whether the abandoned upgrade's objects are live: its selector set, the record Secret gone. */
async function upgradeApplied(namespace: string): Promise<boolean> {
  const live = await getWorkload('deployment', 'storefront', namespace);
  if (live.spec.template.spec.nodeSelector?.disktype !== 'none') return false;
  const secrets = await kubectl(['get', 'secrets', '-n', namespace, '-o', 'name']);
  return !secrets.split('\n').includes('secret/storefront-deploy-record');
}

describe.each(helms())('failed deploys with $name', (helm) => {
  const workspace = exampleWorkspace();
  let namespace = '';
  let remove = async () => {};
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`deploy-fail-h${helm.major}`));
  });
  afterAll(() => remove());

  const inputs = (extra: Record<string, string> = {}) => storefrontInputs(namespace, image, extra);

  it('deploys revision 1 to fail against', async () => {
    const run = await runDeploy(helm, workspace, inputs());
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.revision).toBe('1');
  });

  it('a manifest the API server rejects mid-upgrade: rolled back, the previous revision serves, and the message says so', async () => {
    // The Deployment changes (APP_VERSION) before the Ingress is refused.
    const run = await runDeploy(
      helm,
      workspace,
      inputs({ 'build-version': '1.0.1', set: 'ingress.host: "Not_A_Host!"' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::helm-deploy: The deploy of release storefront to \S+ failed: .*Ingress.*"storefront" is invalid: spec\.rules\[0\]\.host/,
    );
    expect(run.stdout).toContain(
      'It was rolled back to the configuration of revision 1, which serves again; revision 2 failed.',
    );
    expect(run.summary).toContain('Release state:');
    expect(run.outputs.status).toBe('failed');
    expect(
      (await history(helm, 'storefront', namespace)).map((r) => [r.revision, r.status]),
    ).toEqual([
      [1, 'superseded'],
      [2, 'failed'],
      [3, 'deployed'],
    ]);
    expect((await liveEnv(namespace)).APP_VERSION).toBe('1.0.0');
  });

  it('a readiness that never comes within the timeout: the not-ready resource, why, and its events are reported', async () => {
    const run = await runDeploy(
      helm,
      workspace,
      inputs({ 'build-version': '1.0.2', set: 'nodeSelector: {disktype: none}', timeout: '12s' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Not ready: Deployment/storefront');
    expect(run.stdout).toContain('which serves again');
    expect(run.summary).toContain('<h3>Not ready</h3>');
    expect(run.summary).toMatch(
      /\| Deployment\/storefront \| [^|]+ \| [^|]*pod storefront-[\w-]+ Pending: Unschedulable: 0\/3 nodes are available: 3 node\(s\) didn't match Pod's node affinity\/selector/,
    );
    expect(run.summary).toMatch(/\| Pod \S+\/storefront-[\w-]+ \| Warning \| FailedScheduling \|/);
    const live = await getWorkload('deployment', 'storefront', namespace);
    expect(live.spec.template.spec.nodeSelector).toBeUndefined();
    expect((await liveEnv(namespace)).APP_VERSION).toBe('1.0.0');
    expect((await history(helm, 'storefront', namespace)).at(-1)?.status).toBe('deployed');
  });

  it('a release left pending-upgrade is detected with the command that fixes it, and recovered when asked', async () => {
    await abandonUpgrade(helm, workspace, namespace);
    const before = await history(helm, 'storefront', namespace);
    const pending = before.at(-1)!;
    const lastGood = before.filter((r) => r.status === 'deployed').at(-1)!;

    const refused = await runDeploy(helm, workspace, inputs({ 'build-version': '1.0.3' }));
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain(
      `Release storefront in namespace ${namespace} is pending-upgrade (revision ${pending.revision}`,
    );
    expect(refused.stdout).toContain(
      `\`helm rollback storefront ${lastGood.revision} --namespace ${namespace}\``,
    );
    expect(await history(helm, 'storefront', namespace)).toEqual(before);

    // Recent enough to be another deploy still at work: not touched, even when asked.
    const young = await runDeploy(
      helm,
      workspace,
      inputs({ 'build-version': '1.0.3', 'recover-pending': 'true' }),
    );
    expect(young.exitCode).toBe(1);
    expect(young.stdout).toContain('recent enough to be another deploy still at work');
    expect(await history(helm, 'storefront', namespace)).toEqual(before);

    const recovered = await runDeploy(
      helm,
      workspace,
      inputs({
        'build-version': '1.0.3',
        'recover-pending': 'true',
        'recover-pending-after': '1s',
      }),
    );
    expect(recovered.exitCode, recovered.stdout).toBe(0);
    expect(recovered.stdout).toContain(
      `::warning::Release storefront in namespace ${namespace} is pending-upgrade`,
    );
    expect(recovered.summary).toContain(
      `helm rollback storefront ${lastGood.revision} --namespace ${namespace}`,
    );
    // The abandoned revision stays in the history as it was; every later one is settled.
    const after = (await history(helm, 'storefront', namespace)).filter(
      (r) => r.revision > pending.revision,
    );
    expect(after.map((r) => r.status).filter((status) => status.startsWith('pending-'))).toEqual(
      [],
    );
    expect(after.at(-2)?.description).toBe(`Rollback to ${lastGood.revision}`);
    expect(after.at(-1)?.status).toBe('deployed');
    expect((await liveEnv(namespace)).APP_VERSION).toBe('1.0.3');
  });

  it('two deploys of one release at once: one wins, the other stops with a clear message, nothing is left pending', async () => {
    const settled = (await history(helm, 'storefront', namespace)).at(-1)!.revision;
    const runs = await Promise.all(
      ['1.0.4', '1.0.5'].map((version) =>
        runDeploy(helm, workspace, inputs({ 'build-version': version })),
      ),
    );
    expect(runs.some((run) => run.exitCode === 0)).toBe(true);
    for (const run of runs.filter((each) => each.exitCode !== 0)) {
      expect(run.stdout).toMatch(
        /::error::helm-deploy: (Another deploy of release storefront created the same revision at the same moment|Another operation on release storefront is in progress|Release storefront in namespace \S+ is pending-upgrade)/,
      );
    }
    const after = (await history(helm, 'storefront', namespace)).filter(
      (r) => r.revision > settled,
    );
    expect(after.map((r) => r.status).filter((status) => status.startsWith('pending-'))).toEqual(
      [],
    );
    expect(after.at(-1)?.status).toBe('deployed');
    expect(['1.0.4', '1.0.5']).toContain((await liveEnv(namespace)).APP_VERSION);
  });
});
