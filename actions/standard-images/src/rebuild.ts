import * as core from '../../../src/core.js';
import type { Catalog } from '../../../src/build/catalog.js';
import type { ImageChange } from '../../../src/fleet/changes.js';
import { FleetDispatcher } from '../../../src/fleet/dispatch.js';
import { readFleetFile, type FleetApp } from '../../../src/fleet/fleet-file.js';
import { planApp } from '../../../src/fleet/plan.js';
import { rebuildFleet, type AppOutcome } from '../../../src/fleet/rebuild.js';
import { outcomeText } from '../../../src/fleet/report.js';
import type { Inputs } from './inputs.js';
import { appRegistries } from './stage.js';

/** The repositories whose image changed since the previous catalog. */
export function changedRepositories(changes: readonly ImageChange[]): string[] {
  return changes.filter((change) => change.kind === 'changed').map((change) => change.repository);
}

/** Each change, in the log. */
export function logChanges(changes: readonly ImageChange[], previous: Catalog | undefined): void {
  for (const change of changes)
    core.info(`${change.kind}: ${change.repository} (${change.uses.join(', ')})`);
  if (!previous) core.info('No previous catalog: the first publish, nothing to rebuild.');
}

/**
 * The applications of the fleet file whose images use a changed standard
 * image, rebuilt (their workflow dispatched; planned only in a dry run).
 */
export async function rebuildApps(
  inputs: Inputs,
  catalog: Catalog,
  changes: ImageChange[],
): Promise<AppOutcome[]> {
  const apps: FleetApp[] = inputs.fleet ? await readFleetFile(inputs.fleet) : [];
  const pool = appRegistries(inputs, catalog, apps);
  const dispatcher = new FleetDispatcher({ token: inputs['github-token'] ?? '' });
  const dispatchInputs: Record<string, string> = inputs['catalog-url']
    ? { catalog: inputs['catalog-url'] }
    : {};
  let outcomes;
  try {
    outcomes = await rebuildFleet({
      apps,
      changes,
      plan: (app, list) => planApp(pool, app, list),
      dispatch: (app) => dispatcher.dispatch(app, dispatchInputs),
      dryRun: inputs['dry-run'],
    });
  } finally {
    pool.close();
  }
  for (const outcome of outcomes)
    core.info(
      `${outcome.app.repository} (${outcome.app.workflow}): ${outcomeText(outcome, inputs['dry-run'])}`,
    );
  return outcomes;
}

/** The applications whose rebuild was dispatched, for the `rebuilt` output. */
export function rebuiltApps(outcomes: readonly AppOutcome[]) {
  return outcomes
    .filter((outcome) => outcome.dispatched)
    .map((outcome) => ({
      repository: outcome.app.repository,
      workflow: outcome.app.workflow,
      ref: outcome.dispatched,
    }));
}

/** How many applications were due a rebuild. */
export function dueCount(outcomes: readonly AppOutcome[]): number {
  return outcomes.filter((o) => o.verdict.kind === 'rebuild').length;
}
