import { describe, expect, it } from 'vitest';
import type { HelmRevision } from '../tools/helm.js';
import { recoveryFor } from './release.js';

/**
 * The way out chosen for a history, as data: no helm is involved. Every
 * history is also stored for real and recovered by the real helm 3 and helm 4
 * in pending.itg.test.ts.
 */

const revision = (n: number, status: string): HelmRevision => ({
  revision: n,
  status,
  updated: '2026-11-21T11:00:00Z',
  chart: 'storefront-0.1.0',
  app_version: '0.1.0',
  description: '',
});

const state = (history: HelmRevision[]) => ({
  history,
  current: history.at(-1),
  deployed: undefined,
});

describe('the way out of a pending release', () => {
  it('rolls back to the last good revision of the whole history', () => {
    expect(
      recoveryFor(
        state([
          revision(1, 'deployed'),
          ...Array.from({ length: 21 }, (_, i) => revision(i + 2, 'failed')),
          revision(23, 'pending-upgrade'),
        ]),
        'a',
        'b',
      ),
    ).toEqual({ kind: 'rollback', revision: 1, command: 'helm rollback a 1 --namespace b' });
    expect(
      recoveryFor(state([revision(1, 'superseded'), revision(2, 'pending-upgrade')]), 'a', 'b')
        .kind,
    ).toBe('rollback');
  });

  it('uninstalls only a first install that never finished', () => {
    expect(recoveryFor(state([revision(1, 'pending-install')]), 'a', 'b')).toEqual({
      kind: 'uninstall',
      command: 'helm uninstall a --namespace b',
    });
    // ...never a release that once ran, even when every revision Helm kept failed.
    expect(
      recoveryFor(state([revision(1, 'failed'), revision(2, 'pending-upgrade')]), 'a', 'b').kind,
    ).toBe('refuse');
  });
});
