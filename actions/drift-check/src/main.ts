import * as core from '../../../src/core.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'drift-check';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    // Until the check says otherwise: a failure on the way is an error, never "no drift".
    core.setOutput('status', 'error');
    const inputs = getInputs();
    // Loaded once the inputs are read, each when its path runs.
    const { report, reportPath, errors } = inputs['merge-reports']
      ? await (await import('./merge.js')).mergeShards(inputs)
      : await (await import('./stage.js')).checkEnvironment(inputs);
    const [{ reportDrift }, { notify }, { judge }] = await Promise.all([
      import('./summary.js'),
      import('./notify.js'),
      import('./verdict.js'),
    ]);
    await reportDrift(report, reportPath);
    const notified = await notify(report, inputs);
    const issueUrl = notified.issue?.issue?.url;
    if (issueUrl && notified.issue?.action !== 'closed') core.setOutput('issue', issueUrl);
    judge(report, errors, inputs.mode, issueUrl);
  });
}
