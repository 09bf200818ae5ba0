import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import { compareCatalogs } from '../../../src/fleet/changes.js';
import { FleetDispatcher } from '../../../src/fleet/dispatch.js';
import { readFleetFile, type FleetApp } from '../../../src/fleet/fleet-file.js';
import { planApp } from '../../../src/fleet/plan.js';
import { failedOutcomes, rebuildFleet } from '../../../src/fleet/rebuild.js';
import { fleetMessage, fleetSummary, outcomeText } from '../../../src/fleet/report.js';
import { workflowRunUrl } from '../../../src/render/annotate.js';
import { writeSummary } from '../../../src/report/summary.js';
import { postWebhook } from '../../../src/report/webhook.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { appRegistries, publishCatalog } from './stage.js';

export const ACTION_NAME = 'standard-images';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    const { catalog, previous } = await publishCatalog(inputs);
    core.setOutput('catalog', inputs.catalog);
    const changes = compareCatalogs(previous, catalog);
    const changed = changes.filter((change) => change.kind === 'changed');
    core.setOutput('changed', JSON.stringify(changed.map((change) => change.repository)));
    for (const change of changes)
      core.info(`${change.kind}: ${change.repository} (${change.uses.join(', ')})`);
    if (!previous) core.info('No previous catalog: the first publish, nothing to rebuild.');

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
    const rebuilt = outcomes
      .filter((outcome) => outcome.dispatched)
      .map((outcome) => ({
        repository: outcome.app.repository,
        workflow: outcome.app.workflow,
        ref: outcome.dispatched,
      }));
    core.setOutput('rebuilt', JSON.stringify(rebuilt));
    core.setOutput('due', String(outcomes.filter((o) => o.verdict.kind === 'rebuild').length));

    const runUrl = workflowRunUrl();
    const report = {
      catalog: inputs.catalog,
      changes,
      outcomes,
      dryRun: inputs['dry-run'],
      runUrl,
    };
    await writeSummary((summary) => summary.addRaw(fleetSummary(report), true));
    const failed = failedOutcomes(outcomes);
    if (inputs['webhook-url'] && !inputs['dry-run'] && (changed.length > 0 || failed.length > 0)) {
      await postWebhook(inputs['webhook-url'], fleetMessage(report));
      core.info('Notified the webhook.');
    }
    if (failed.length > 0)
      throw new UserError(
        `${failed.length} of ${outcomes.length} applications could not be rebuilt:\n${failed
          .map(
            (o) =>
              `  - ${o.app.repository} (${o.app.workflow}): ${outcomeText(o, inputs['dry-run'])}`,
          )
          .join('\n')}`,
        {
          fix: 'check the token (actions: write in each repository), the workflow file names and the registry login, then re-run this job: apps already rebuilt are up to date and are not dispatched again.',
          location: inputs.fleet ? { file: inputs.fleet } : undefined,
        },
      );
  });
}
