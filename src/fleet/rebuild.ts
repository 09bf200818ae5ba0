import { errorMessage } from '../errors.js';
import type { ImageChange } from './changes.js';
import type { FleetApp } from './fleet-file.js';
import type { Verdict } from './plan.js';

/**
 * The fleet rebuild: every app judged against the catalog's changes (at
 * most a few at once), and each app due for a rebuild dispatched. One app's
 * failure (an image that cannot be read, a dispatch GitHub refuses) is
 * recorded with it and does not stop the others.
 */

export interface AppOutcome {
  readonly app: FleetApp;
  readonly verdict: Verdict;
  /** The ref its pipeline was started on; undefined when it was not dispatched. */
  readonly dispatched: string | undefined;
  /** Why its dispatch failed. */
  readonly error: string | undefined;
}

export interface RebuildOptions {
  readonly apps: readonly FleetApp[];
  readonly changes: readonly ImageChange[];
  readonly plan: (app: FleetApp, changes: readonly ImageChange[]) => Promise<Verdict>;
  readonly dispatch: (app: FleetApp) => Promise<string>;
  /** Judge only: dispatch nothing. */
  readonly dryRun?: boolean;
  readonly concurrency?: number;
}

export async function rebuildFleet(options: RebuildOptions): Promise<AppOutcome[]> {
  const changed = options.changes.some((change) => change.kind === 'changed');
  const outcomes: AppOutcome[] = new Array(options.apps.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.apps.length; index = next++) {
      const app = options.apps[index]!;
      outcomes[index] = await one(app);
    }
  };
  const one = async (app: FleetApp): Promise<AppOutcome> => {
    if (!changed)
      return {
        app,
        verdict: { kind: 'skipped', image: undefined, why: 'no standard image changed' },
        dispatched: undefined,
        error: undefined,
      };
    const verdict = await options.plan(app, options.changes);
    if (verdict.kind !== 'rebuild' || options.dryRun)
      return { app, verdict, dispatched: undefined, error: undefined };
    try {
      return { app, verdict, dispatched: await options.dispatch(app), error: undefined };
    } catch (error) {
      return { app, verdict, dispatched: undefined, error: errorMessage(error) };
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, options.apps.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

/** Apps that were due and not dispatched, or whose image could not be read. */
export function failedOutcomes(outcomes: readonly AppOutcome[]): AppOutcome[] {
  return outcomes.filter((outcome) => outcome.error || outcome.verdict.kind === 'unreadable');
}
