import * as core from '@actions/core';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { mergeShards } from './merge.js';
import { notify } from './notify.js';
import { checkEnvironment } from './stage.js';
import { reportDrift } from './summary.js';
import { judge } from './verdict.js';

export const ACTION_NAME = 'drift-check';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    // Until the check says otherwise: a failure on the way is an error, never "no drift".
    core.setOutput('status', 'error');
    const inputs = getInputs();
    const { report, reportPath, errors } = inputs['merge-reports']
      ? await mergeShards(inputs)
      : await checkEnvironment(inputs);
    await reportDrift(report, reportPath);
    const notified = await notify(report, inputs);
    const issueUrl = notified.issue?.issue?.url;
    if (issueUrl && notified.issue?.action !== 'closed') core.setOutput('issue', issueUrl);
    judge(report, errors, inputs.mode, issueUrl);
  });
}
