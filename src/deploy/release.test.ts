import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import type { Helm, HelmRevision } from '../tools/helm.js';
import { ensureNotPending, helmReleases, recoveryFor } from './release.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const revision = (n: number, status: string, minutesAgo = 60): HelmRevision => ({
  revision: n,
  status,
  updated: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  chart: 'storefront-0.1.0',
  app_version: '0.1.0',
  description: '',
});

/**
 * Just the release commands ensureNotPending uses, recording what it did: a
 * stand-in, because pending histories of every shape and age against a fixed
 * clock cannot be made with a real helm (a real pending revision takes a helm
 * killed mid-operation; recover-pending.itg.test.ts and failures.itg.test.ts
 * in helm-deploy do that for the cases that matter).
 */
function fakeHelm(history: HelmRevision[]) {
  const calls: string[] = [];
  const helm = {
    history: async () => history,
    rollback: async (release: string, ns: string, to: number) => {
      calls.push(`rollback ${release} ${to} -n ${ns}`);
      history.push({
        ...revision(history.length + 1, 'deployed', 0),
        description: `Rollback to ${to}`,
      });
    },
    uninstall: async (release: string, ns: string) => {
      calls.push(`uninstall ${release} -n ${ns}`);
      history.splice(0);
    },
  };
  return { helm: helm as unknown as Helm, calls };
}

const options = {
  release: 'storefront',
  namespace: 'shop-dev',
  graceSeconds: 660,
  timeoutSeconds: 300,
  now: NOW,
};

describe('a release stuck in pending-*', () => {
  it('passes a deployed or failed release, and a new one, untouched', async () => {
    for (const history of [
      [],
      [revision(1, 'deployed')],
      [revision(1, 'deployed'), revision(2, 'failed')],
    ]) {
      const { helm, calls } = fakeHelm(history);
      await ensureNotPending(helm, helmReleases(helm), { ...options, recover: true });
      expect(calls).toEqual([]);
    }
  });

  it('stops with the command that fixes it, changing nothing', async () => {
    const { helm, calls } = fakeHelm([
      revision(1, 'superseded'),
      revision(2, 'deployed'),
      revision(3, 'pending-upgrade'),
    ]);
    const error = await ensureNotPending(helm, helmReleases(helm), {
      ...options,
      recover: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'Release storefront in namespace shop-dev is pending-upgrade (revision 3, since 2026-11-21T11:00:00.000Z, 60 min ago): another deploy is running, or one was cancelled and left it stuck. Nothing was changed.',
    );
    expect((error as UserError).fix).toContain('`helm rollback storefront 2 --namespace shop-dev`');
    expect(calls).toEqual([]);
  });

  it('recovers an abandoned one when asked: rollback to the last good revision', async () => {
    const { helm, calls } = fakeHelm([
      revision(1, 'deployed'),
      revision(2, 'failed'),
      revision(3, 'pending-rollback'),
    ]);
    const outcome = await ensureNotPending(helm, helmReleases(helm), { ...options, recover: true });
    expect(calls).toEqual(['rollback storefront 1 -n shop-dev']);
    expect(outcome.recovered?.recovery.command).toBe(
      'helm rollback storefront 1 --namespace shop-dev',
    );
    expect(outcome.state.current?.status).toBe('deployed');
  });

  it('uninstalls a first install stuck in pending-install', async () => {
    const { helm, calls } = fakeHelm([revision(1, 'pending-install')]);
    const outcome = await ensureNotPending(helm, helmReleases(helm), { ...options, recover: true });
    expect(calls).toEqual(['uninstall storefront -n shop-dev']);
    expect(outcome.state.current).toBeUndefined();
  });

  it('never recovers one recent enough to be another deploy at work', async () => {
    const { helm, calls } = fakeHelm([revision(1, 'deployed'), revision(2, 'pending-upgrade', 2)]);
    await expect(
      ensureNotPending(helm, helmReleases(helm), { ...options, recover: true }),
    ).rejects.toThrow(/recent enough to be another deploy still at work, so it was not recovered/);
    expect(calls).toEqual([]);
  });

  it('knows the way out for each history', () => {
    const state = (history: HelmRevision[]) => ({
      history,
      current: history.at(-1),
      deployed: undefined,
    });
    expect(
      recoveryFor(state([revision(1, 'superseded'), revision(2, 'pending-upgrade')]), 'a', 'b')
        .kind,
    ).toBe('rollback');
    // Only a first install that never finished is uninstalled...
    expect(recoveryFor(state([revision(1, 'pending-install')]), 'a', 'b')).toEqual({
      kind: 'uninstall',
      command: 'helm uninstall a --namespace b',
    });
    // ...never a release that once ran, even when every revision Helm kept failed.
    expect(
      recoveryFor(state([revision(1, 'failed'), revision(2, 'pending-upgrade')]), 'a', 'b').kind,
    ).toBe('refuse');
  });

  it('refuses, changing nothing, a release whose every kept revision failed', async () => {
    const history = [
      ...Array.from({ length: 21 }, (_, i) => revision(i + 1, 'failed')),
      revision(22, 'pending-upgrade'),
    ];
    const { helm, calls } = fakeHelm(history);
    const error = await ensureNotPending(helm, helmReleases(helm), {
      ...options,
      recover: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(
      'no revision in its history of 22 was ever deployed successfully, yet it is not a first install: recover-pending never uninstalls a release that has run',
    );
    expect(calls).toEqual([]);
  });

  it("refuses when Helm's date for the pending revision cannot be read", async () => {
    const { helm, calls } = fakeHelm([
      revision(1, 'deployed'),
      { ...revision(2, 'pending-upgrade'), updated: 'not a date' },
    ]);
    await expect(
      ensureNotPending(helm, helmReleases(helm), { ...options, recover: true }),
    ).rejects.toThrow(/date for it cannot be read/);
    expect(calls).toEqual([]);
  });
});
