import { isUserError } from '../errors.js';
import { collectControls, type CollectedControls } from './controls.js';
import { InfrastructureFailure } from './failures.js';
import { parseReport, type RawReport } from './report.js';
import type { ScanResult } from './tool.js';

export interface Scan {
  report: RawReport;
  collected: CollectedControls;
}

const TARGET_FIX =
  'check the `target` input, its credentials, and that the runner can reach it; the lines above from InSpec say what it tried.';

/**
 * Decides whether a scan produced something to judge, from its exit code and
 * its report together; the compliance verdict itself comes from the gate, not
 * from InSpec's 100/101. Anything that leaves compliance unknown is an
 * InfrastructureFailure: a bad target or usage (1), a profile that did not
 * load (102, or status "failed"), a profile skipped on this platform, no
 * report, no controls, or controls none of which produced a result.
 */
/**
 * The report the tool wrote to the path this action chose: one that is not
 * complete JSON (it ends early: the tool died or was killed while writing) or
 * not a report is the tool's failure, never a configuration error.
 */
function readOwnReport(text: string, scan: ScanResult, label: string): RawReport {
  try {
    return parseReport(text, 'the InSpec report');
  } catch (error) {
    if (!isUserError(error)) throw error;
    const size = Buffer.byteLength(text, 'utf8');
    throw new InfrastructureFailure(
      `${label} exited with code ${scan.exitCode} and left an unreadable report (${size} bytes; it ends early or is not an InSpec report: ${error.message})${tail(scan.stderr)}`,
      {
        fix: `the tool stopped while writing its report (killed, out of memory or disk space): see its output above and the runner's resources, and re-run the job.`,
        cause: error,
      },
    );
  }
}

export function judgeScan(scan: ScanResult, reportText: string | undefined, label: string): Scan {
  if (scan.meaning === 'usage-or-target') {
    throw new InfrastructureFailure(
      `${label} could not run the profile on the target (exit code 1)${tail(scan.stderr)}`,
      { fix: TARGET_FIX },
    );
  }
  const report = reportText === undefined ? undefined : readOwnReport(reportText, scan, label);
  const failed = report?.profiles.find((p) => p.status === 'failed');
  if (scan.meaning === 'profile-failed' || failed) {
    const why = failed?.status_message?.trim() || lastLines(scan.stderr) || 'no reason given';
    throw new InfrastructureFailure(
      `the profile${failed ? ` "${failed.name}"` : ''} failed to load (exit code ${scan.exitCode}): ${why}`,
      {
        fix: 'run `inspec check` (or `cinc-auditor check`) on the profile and fix the error it reports.',
      },
    );
  }
  if (!['clean', 'failed-controls', 'skipped-only'].includes(scan.meaning)) {
    throw new InfrastructureFailure(
      `${label} exited with code ${scan.exitCode}${tail(scan.stderr)}`,
      {
        fix: 'see the output above; re-run with ACTIONS_STEP_DEBUG=true for the full command.',
      },
    );
  }
  if (!report) {
    throw new InfrastructureFailure(
      `${label} exited with code ${scan.exitCode} but wrote no JSON report${tail(scan.stderr)}`,
      {
        fix: 'check that the runner can write to RUNNER_TEMP and that the tool is a real InSpec or CINC Auditor.',
      },
    );
  }
  const skipped = report.profiles.filter(
    (p) => p.status === 'skipped' && p.parent_profile === undefined,
  );
  if (
    skipped.length > 0 &&
    skipped.length === report.profiles.filter((p) => !p.parent_profile).length
  ) {
    const why = skipped
      .map((p) => `${p.name}: ${p.skip_message || p.status_message || 'skipped'}`)
      .join('; ');
    throw new InfrastructureFailure(`the profile was skipped on this target (${why}).`, {
      fix: 'run it against a platform the profile supports (see `supports:` in its inspec.yml), or fix the target.',
    });
  }
  const collected = collectControls(report);
  if (collected.controls.length === 0) {
    throw new InfrastructureFailure('the report has no controls: nothing was verified.', {
      fix: 'check that the profile has controls and that none of its filters (--controls, require_controls) excluded all of them.',
    });
  }
  if (collected.controls.every((c) => c.results.length === 0)) {
    throw new InfrastructureFailure(
      `none of the ${collected.controls.length} controls produced a result: nothing ran on the target.`,
      {
        fix: 'check the profile against the target by hand; an empty describe block or a crashed transport looks like this.',
      },
    );
  }
  return { report, collected };
}

function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join('\n').trim();
}

function tail(stderr: string): string {
  const lines = lastLines(stderr);
  return lines ? `:\n${lines}` : '.';
}
