import * as core from '../../../src/core.js';
import { isOutage, isUserError, UserError, UserErrors } from '../../../src/errors.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { headline } from '../../../src/drift/summary.js';
import type { Inputs } from './inputs.js';
import { remaining } from './notify.js';

/**
 * How the run ends, once the report is written and people are told: a
 * target that could not be checked fails it (never "no drift"), so does a
 * failed remediation, and drift itself in mode: fail; what remediation left
 * is a warning.
 */

/** Drift, in mode: fail. A failure of its own kind, never to be read as an error of the check. */
export class DriftFound extends UserError {
  override readonly name = 'DriftFound';
}

export function judge(
  report: DriftReport,
  errors: readonly unknown[],
  mode: Inputs['mode'],
  issueUrl: string | undefined,
): void {
  if (errors.length === 1) throw errors[0];
  // One outage seen by every target (the API server down) is an outage, not the user's to fix:
  // each target's error is in the log and the report already.
  if (errors.length > 1 && errors.every(isOutage)) throw errors[0];
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
  if (mode === 'fail' && report.count > 0) {
    throw new DriftFound(`${headline(report)}.`, {
      fix: `see the job summary${issueUrl ? ` and ${issueUrl}` : ''}; deploy Git again, or run with mode: remediate to restore what was changed in the cluster.`,
    });
  }
  if (mode === 'remediate' && remaining(report) > 0) {
    core.warning(
      `${remaining(report)} differences are left after remediation (only in Git, or objects nobody deployed); see the job summary.`,
    );
  }
}
