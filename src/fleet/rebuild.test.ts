import { describe, expect, it } from 'vitest';
import type { ImageChange } from './changes.js';
import type { FleetApp } from './fleet-file.js';
import type { AppImage, Verdict } from './plan.js';
import { failedOutcomes, rebuildFleet } from './rebuild.js';
import { fleetMessage, fleetSummary } from './report.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const RUNTIME = 'ghcr.io/acme/standard/runtime-http';
const CHANGE: ImageChange = {
  repository: RUNTIME,
  previous: [d('a')],
  digests: [d('b')],
  uses: ['runtime http_html'],
  kind: 'changed',
};
const app = (repository: string): FleetApp => ({
  repository,
  image: `ghcr.io/${repository}`,
  workflow: 'pipeline.yml',
  ref: 'main',
  where: { file: 'fleet.yaml', line: 1 },
});
const image: AppImage = {
  reference: 'ghcr.io/acme/x:1.0.0',
  digest: d('f'),
  record: undefined,
  tags: ['1.0.0'],
  version: '1.0.0',
};
const due: Verdict = {
  kind: 'rebuild',
  image,
  bases: [{ role: 'runtime', repository: RUNTIME, from: d('a'), to: [d('b')] }],
};
const apps = [app('acme/shop'), app('acme/ledger'), app('acme/blog'), app('acme/wiki')];
/** shop and ledger are due, blog is up to date, wiki's registry cannot be read. */
const plan = async (each: FleetApp): Promise<Verdict> =>
  each.repository === 'acme/blog'
    ? { kind: 'current', image }
    : each.repository === 'acme/wiki'
      ? { kind: 'unreadable', why: 'the registry answered 401' }
      : due;

describe('the fleet rebuild: every app judged, the due ones dispatched, failures kept apart', () => {
  it('a dispatch GitHub refuses is recorded with its app and does not stop the others', async () => {
    const dispatched: string[] = [];
    const outcomes = await rebuildFleet({
      apps,
      changes: [CHANGE],
      plan,
      dispatch: async (each) => {
        if (each.repository === 'acme/shop') throw new Error('GitHub answered 404');
        dispatched.push(each.repository);
        return each.ref;
      },
    });
    expect(dispatched).toEqual(['acme/ledger']);
    expect(outcomes.map((o) => [o.app.repository, o.verdict.kind, o.dispatched, o.error])).toEqual([
      ['acme/shop', 'rebuild', undefined, 'GitHub answered 404'],
      ['acme/ledger', 'rebuild', 'main', undefined],
      ['acme/blog', 'current', undefined, undefined],
      ['acme/wiki', 'unreadable', undefined, undefined],
    ]);
    expect(failedOutcomes(outcomes).map((o) => o.app.repository)).toEqual([
      'acme/shop',
      'acme/wiki',
    ]);
    const report = { catalog: 'standard-images.yaml', changes: [CHANGE], outcomes, dryRun: false };
    const message = fleetMessage(report);
    expect(message.split('\n')).toEqual([
      `Standard images published (standard-images.yaml): ${RUNTIME} aaaaaaaaaaaa → bbbbbbbbbbbb.`,
      'Applications: 1 rebuilt, 1 unchanged, 2 failed.',
      `• acme/shop (pipeline.yml): due (runtime ${RUNTIME} aaaaaaaaaaaa → bbbbbbbbbbbb), but the dispatch failed: GitHub answered 404`,
      `• acme/ledger (pipeline.yml): rebuild dispatched on main: runtime ${RUNTIME} aaaaaaaaaaaa → bbbbbbbbbbbb`,
      '• acme/wiki (pipeline.yml): could not read its image: the registry answered 401',
    ]);
    expect(fleetSummary(report)).toContain(
      '| acme/blog | pipeline.yml | ghcr.io/acme/blog | up to date',
    );
  });

  it('a dry run judges every app and dispatches none', async () => {
    const outcomes = await rebuildFleet({
      apps,
      changes: [CHANGE],
      plan,
      dispatch: () => Promise.reject(new Error('a dry run dispatched')),
      dryRun: true,
    });
    expect(outcomes.filter((o) => o.verdict.kind === 'rebuild')).toHaveLength(2);
    expect(outcomes.every((o) => o.dispatched === undefined && o.error === undefined)).toBe(true);
  });

  it('when no image changed (only additions), no app is even read', async () => {
    const outcomes = await rebuildFleet({
      apps,
      changes: [{ ...CHANGE, kind: 'added', previous: [] }],
      plan: () => Promise.reject(new Error('read an app')),
      dispatch: () => Promise.reject(new Error('dispatched')),
    });
    expect(outcomes.map((o) => o.verdict)).toEqual(
      apps.map(() => ({ kind: 'skipped', image: undefined, why: 'no standard image changed' })),
    );
  });
});
