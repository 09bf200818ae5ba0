import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import type { ImageChange } from '../../../src/fleet/changes.js';
import { failedOutcomes, type AppOutcome } from '../../../src/fleet/rebuild.js';
import { fleetMessage, fleetSummary, outcomeText } from '../../../src/fleet/report.js';
import { workflowRunUrl } from '../../../src/render/annotate.js';
import { writeSummary } from '../../../src/report/summary.js';
import { postWebhook } from '../../../src/report/webhook.js';
import type { Inputs } from './inputs.js';
import { changedRepositories } from './rebuild.js';

/**
 * The job summary; the webhook when an image changed or a rebuild failed
 * (not in a dry run); then the step fails if any application could not be
 * rebuilt.
 */
export async function reportFleet(
  inputs: Inputs,
  changes: ImageChange[],
  outcomes: AppOutcome[],
): Promise<void> {
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
  const changed = changedRepositories(changes);
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
}
