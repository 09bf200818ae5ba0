import * as core from '../../../src/core.js';
import { compareCatalogs } from '../../../src/fleet/changes.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { changedRepositories, dueCount, logChanges, rebuildApps, rebuiltApps } from './rebuild.js';
import { reportFleet } from './report.js';
import { publishCatalog } from './stage.js';

export const ACTION_NAME = 'standard-images';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    const { catalog, previous } = await publishCatalog(inputs);
    core.setOutput('catalog', inputs.catalog);
    const changes = compareCatalogs(previous, catalog);
    core.setOutput('changed', JSON.stringify(changedRepositories(changes)));
    logChanges(changes, previous);
    const outcomes = await rebuildApps(inputs, catalog, changes);
    core.setOutput('rebuilt', JSON.stringify(rebuiltApps(outcomes)));
    core.setOutput('due', String(dueCount(outcomes)));
    await reportFleet(inputs, changes, outcomes);
  });
}
