import * as core from '@actions/core';
import { isUserError, UserError, UserErrors } from '../../../src/errors.js';
import { headline, renderMarkdown } from '../../../src/drift/summary.js';
import type { PostRendererEntry } from '../../../src/render/index.js';
import { writeSummary } from '../../../src/report/summary.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { notify, remaining } from './notify.js';
import { checkEnvironment } from './stage.js';

export const ACTION_NAME = 'drift-check';

/** Drift, in mode: fail. A failure of its own kind, never to be read as an error of the check. */
export class DriftFound extends UserError {
  override readonly name = 'DriftFound';
}

/** How helm starts the post-renderer: this same bundle, in post-render mode (see index.ts). */
function selfEntry(): PostRendererEntry {
  return { command: process.execPath, args: [process.argv[1] ?? ''] };
}

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    // Until the check says otherwise: a failure on the way is an error, never "no drift".
    core.setOutput('status', 'error');
    const inputs = getInputs();
    const { report, reportPath, errors } = await checkEnvironment(inputs, selfEntry());
    core.setOutput('report', reportPath);
    core.setOutput('status', report.status);
    if (report.status !== 'error') {
      core.setOutput('drifted', String(report.count > 0));
      core.setOutput('count', String(report.count));
    }
    const restored = report.targets.reduce(
      (total, target) => total + (target.remediation?.restored.length ?? 0),
      0,
    );
    core.setOutput('remediated', String(restored));
    core.info(headline(report));
    await writeSummary((summary) => summary.addRaw(renderMarkdown(report, 900_000)));

    const notified = await notify(report, inputs);
    if (notified.issue?.issue && notified.issue.action !== 'closed')
      core.setOutput('issue', notified.issue.issue.url);

    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      const messages = errors.map((error) =>
        isUserError(error) ? error : new UserError(String((error as Error).message ?? error)),
      );
      throw new UserErrors(
        `${errors.length} of ${report.targets.length} targets could not be checked:`,
        messages,
      );
    }
    const failed = report.targets.flatMap((target) => target.remediation?.failed ?? []);
    if (failed.length > 0) {
      throw new UserError(
        `Remediation failed for ${failed.length} object${failed.length === 1 ? '' : 's'}: ${failed.map((item) => item.error).join('; ')}`,
        {
          fix:
            [...new Set(failed.map((item) => item.fix).filter((fix) => fix !== undefined))].join(
              ' ',
            ) || 'see the job summary.',
        },
      );
    }
    if (inputs.mode === 'fail' && report.count > 0) {
      throw new DriftFound(`${headline(report)}.`, {
        fix: `see the job summary${notified.issue?.issue ? ` and ${notified.issue.issue.url}` : ''}; deploy Git again, or run with mode: remediate to restore what was changed in the cluster.`,
      });
    }
    if (inputs.mode === 'remediate' && remaining(report) > 0) {
      core.warning(
        `${remaining(report)} differences are left after remediation (only in Git, or objects nobody deployed); see the job summary.`,
      );
    }
  });
}
