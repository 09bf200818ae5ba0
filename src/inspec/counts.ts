import {
  SEVERITIES,
  STATUSES,
  type Control,
  type ControlStatus,
  type Severity,
} from './controls.js';

export interface Counts {
  total: number;
  byStatus: Record<ControlStatus, number>;
  /** Status × severity; every cell present, zero when empty. */
  byStatusAndSeverity: Record<ControlStatus, Record<Severity, number>>;
}

function zeroBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export function countControls(controls: readonly Control[]): Counts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ControlStatus, number>;
  const byStatusAndSeverity = Object.fromEntries(
    STATUSES.map((s) => [s, zeroBySeverity()]),
  ) as Record<ControlStatus, Record<Severity, number>>;
  for (const control of controls) {
    byStatus[control.status]++;
    byStatusAndSeverity[control.status][control.severity]++;
  }
  return { total: controls.length, byStatus, byStatusAndSeverity };
}

/**
 * Compliance as the SAF CLI and Heimdall compute it: passed over every
 * control that should have been checked (passed, failed, not reviewed and
 * errors); not-applicable controls do not count. Rounded to a whole percent;
 * 0 when nothing counts.
 */
export function compliancePercent(counts: Counts): number {
  const { passed, failed, not_reviewed, error, profile_error } = counts.byStatus;
  const counted = passed + failed + not_reviewed + error + profile_error;
  return counted === 0 ? 0 : Math.round((100 * passed) / counted);
}
