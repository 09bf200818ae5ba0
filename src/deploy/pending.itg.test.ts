import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  helms,
  kubectl,
  testNamespace,
  configMapChart,
} from '../../test/fixtures/deploy/harness.js';
import {
  storedRevisions,
  writeRevisions,
  type RevisionShape,
  type StoredObject,
} from '../../test/support/helm-storage.js';
import { UserError } from '../errors.js';
import { Exec } from '../exec.js';
import { KubeClient } from '../kube/client.js';
import { loadKubeconfig } from '../kube/config.js';
import { ReleaseStorage } from '../release/storage.js';
import { Helm, HelmHome, type HelmRevision } from '../tools/helm.js';
import { ensureNotPending, helmReleases, storedReleases, type PendingOutcome } from './release.js';

/**
 * A release stuck in pending-*, against the real API server and the real
 * helm 3 and helm 4: each history is real Helm storage (the release Secrets,
 * written as helm writes them from a release helm installed, see
 * test/support/helm-storage.ts), read by helm-deploy's reader, and recovered
 * by the real `helm rollback` or `helm uninstall`. Only the clock is fixed
 * (`now`), so that the ages written around the grace period are exact. A
 * release that ever had a good revision keeps its live objects: the
 * ConfigMap the chart made is the same object afterwards, never deleted.
 * No stand-in is left: every history below is one real storage can hold.
 */

const NOW = new Date('2026-11-21T12:00:00Z');
const GRACE = 660;
const HOUR = 3600;
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const revisions = (...shapes: [string, number?][]): RevisionShape[] =>
  shapes.map(([status, age = HOUR]) => ({ status, updated: ago(age) }));
const failed = (count: number): [string][] => Array.from({ length: count }, () => ['failed']);

const chart = configMapChart('storefront');

const client = new KubeClient(loadKubeconfig(env().kubeconfig));
const storage = new ReleaseStorage(client, 'secret');
const homes: HelmHome[] = [];
afterAll(() => {
  client.close();
  homes.forEach((home) => home.dispose());
});

/** The uid of the chart's ConfigMap, or undefined once it is gone. */
async function liveUid(release: string, namespace: string): Promise<string | undefined> {
  const out = await kubectl([
    'get',
    'configmap',
    release,
    '-n',
    namespace,
    '--ignore-not-found',
    '-o',
    'jsonpath={.metadata.uid}',
  ]);
  return out.trim() || undefined;
}

describe.each(helms())('a release stuck in pending-*, $name', ({ binary, major }) => {
  let namespace = '';
  let remove = async () => {};
  let helm: Helm;
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`pending-h${major}`));
    const home = HelmHome.create();
    homes.push(home);
    helm = await Helm.open(binary, home);
    helm.useKubeconfig(env().kubeconfig);
  });
  afterAll(() => remove());

  interface Stuck {
    stored: StoredObject[];
    uid: string | undefined;
  }

  /** Installs `release` with the real helm, then stores `history` in its place (none: as helm left it). */
  async function stuck(release: string, history?: RevisionShape[]): Promise<Stuck> {
    await Exec.check(binary, ['install', release, chart, '-n', namespace], {
      silent: true,
      env: { ...helm.home.env(), KUBECONFIG: env().kubeconfig },
    });
    if (history) await writeRevisions(env(), namespace, release, history);
    return {
      stored: await storedRevisions(env(), namespace, release),
      uid: await liveUid(release, namespace),
    };
  }

  function deploy(release: string, recover: boolean): Promise<PendingOutcome> {
    return ensureNotPending(helm, storedReleases(storage), {
      release,
      namespace,
      recover,
      graceSeconds: GRACE,
      timeoutSeconds: 60,
      now: NOW,
    });
  }

  async function refused(release: string, recover = true): Promise<UserError> {
    const error = await deploy(release, recover).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }

  /** Nothing was changed: the same storage objects, unmodified, and the same live object. */
  async function unchanged(release: string, before: Stuck): Promise<void> {
    expect(await storedRevisions(env(), namespace, release)).toEqual(before.stored);
    expect(await liveUid(release, namespace)).toBe(before.uid);
  }

  /** Rolled back by the real helm to `to`: one new deployed revision, the live object kept. */
  async function rolledBack(release: string, before: Stuck, outcome: PendingOutcome, to: number) {
    expect(outcome.recovered?.recovery).toEqual({
      kind: 'rollback',
      revision: to,
      command: `helm rollback ${release} ${to} --namespace ${namespace}`,
    });
    // The next revision (helm prunes the oldest beyond its --history-max of 10).
    const history = outcome.state.history;
    expect(history.at(-1)).toMatchObject({
      revision: before.stored.length + 1,
      status: 'deployed',
      description: `Rollback to ${to}`,
    });
    expect(outcome.state.current).toBe(history.at(-1));
    expect(await liveUid(release, namespace)).toBe(before.uid);
  }

  it('passes a new release, a deployed one and one whose upgrade failed, untouched', async () => {
    const absent = await deploy('absent', true);
    expect(absent).toEqual({
      state: { history: [], current: undefined, deployed: undefined },
    });
    // As helm left it, its date as helm writes it (nanoseconds).
    const deployed = await stuck('deployed');
    const outcome = await deploy('deployed', true);
    expect(outcome.recovered).toBeUndefined();
    expect(outcome.state.current?.status).toBe('deployed');
    await unchanged('deployed', deployed);
    const failedUpgrade = await stuck('failed-upgrade', revisions(['deployed'], ['failed']));
    expect((await deploy('failed-upgrade', true)).state.current?.status).toBe('failed');
    await unchanged('failed-upgrade', failedUpgrade);
  });

  it('stops with the command that fixes it, changing nothing', async () => {
    const before = await stuck(
      'asked',
      revisions(['superseded'], ['deployed'], ['pending-upgrade']),
    );
    const error = await refused('asked', false);
    expect(error.message).toBe(
      `Release asked in namespace ${namespace} is pending-upgrade (revision 3, since ${ago(HOUR)}, 60 min ago): another deploy is running, or one was cancelled and left it stuck. Nothing was changed.`,
    );
    expect(error.fix).toContain(`\`helm rollback asked 2 --namespace ${namespace}\``);
    await unchanged('asked', before);
  });

  it('recovers an abandoned one when asked: rollback to the last good revision', async () => {
    const before = await stuck(
      'abandoned',
      revisions(['deployed'], ['failed'], ['pending-rollback']),
    );
    await rolledBack('abandoned', before, await deploy('abandoned', true), 1);
    // A superseded revision is as good to return to when none is marked deployed.
    const superseded = await stuck('superseded', revisions(['superseded'], ['pending-upgrade']));
    await rolledBack('superseded', superseded, await deploy('superseded', true), 1);
  });

  it('deployed once, failed 21 times, then pending: rolled back to revision 1 from the whole history, never uninstalled', async () => {
    const before = await stuck(
      'retried',
      revisions(['deployed'], ...failed(21), ['pending-upgrade']),
    );
    // The whole history, as helm itself reads it (no window of 20; helm prints dates to the second).
    const dated = (history: HelmRevision[]) =>
      history.map((revision) => ({ ...revision, updated: Date.parse(revision.updated) }));
    const stored = await storedReleases(storage).history('retried', namespace);
    expect(stored).toHaveLength(23);
    expect(dated(await helmReleases(helm).history('retried', namespace))).toEqual(dated(stored));
    await rolledBack('retried', before, await deploy('retried', true), 1);
  });

  it('uninstalls a first install stuck in pending-install, and nothing else', async () => {
    const before = await stuck('first', revisions(['pending-install']));
    expect(before.uid).toBeDefined();
    const outcome = await deploy('first', true);
    expect(outcome.recovered?.recovery).toEqual({
      kind: 'uninstall',
      command: `helm uninstall first --namespace ${namespace}`,
    });
    expect(outcome.state.current).toBeUndefined();
    expect(await storedRevisions(env(), namespace, 'first')).toEqual([]);
    expect(await liveUid('first', namespace)).toBeUndefined();
  });

  it('refuses, changing nothing, a release whose every revision failed', async () => {
    const before = await stuck('broken', revisions(...failed(21), ['pending-upgrade']));
    const error = await refused('broken');
    expect(error.message).toContain(
      'no revision in its history of 22 was ever deployed successfully, yet it is not a first install: recover-pending never uninstalls a release that has run',
    );
    await unchanged('broken', before);
  });

  it('never recovers one pending for less than the grace period; recovers it from the grace period on', async () => {
    const recent = await stuck('recent', revisions(['deployed'], ['pending-upgrade', GRACE - 1]));
    expect((await refused('recent')).message).toMatch(
      /\(revision 2, since 2026-11-21T11:49:01.000Z, 11 min ago\): that is recent enough to be another deploy still at work, so it was not recovered/,
    );
    await unchanged('recent', recent);
    // A first install that may still be running is not uninstalled either.
    const installing = await stuck('installing', revisions(['pending-install', GRACE - 1]));
    expect((await refused('installing')).message).toMatch(/recent enough/);
    await unchanged('installing', installing);
    // Exactly the grace period, in the form helm writes a date (nanoseconds, a zone offset).
    const due = await stuck('due', [
      { status: 'deployed', updated: ago(HOUR) },
      { status: 'pending-upgrade', updated: '2026-11-21T12:49:00.000000000+01:00' },
    ]);
    await rolledBack('due', due, await deploy('due', true), 1);
  });

  it("refuses when the pending revision's date cannot be read, changing nothing", async () => {
    for (const updated of ['not a date', '']) {
      const release = updated ? 'undated' : 'blank-date';
      const before = await stuck(release, [
        { status: 'deployed', updated: ago(HOUR) },
        { status: 'pending-upgrade', updated },
      ]);
      expect((await refused(release)).message).toMatch(/date for it cannot be read/);
      await unchanged(release, before);
    }
  });
});
