import type { Control, ControlStatus } from './controls.js';

const FAILING: ReadonlySet<ControlStatus> = new Set(['failed', 'error', 'profile_error']);

export interface Comparison {
  /** Failing now, and passing, not applicable, skipped or absent before. */
  newFailures: Control[];
  /** Failing before, passing or not applicable now. */
  fixed: { control: Control; before: ControlStatus }[];
  /** Failing before and skipped now: no longer failing, but not shown to be fixed. */
  nowUnchecked: Control[];
  stillFailing: number;
  /** Failing before and absent from this run. */
  disappeared: string[];
}

export function isFailing(status: ControlStatus): boolean {
  return FAILING.has(status);
}

/** What changed since a previous run of the same gate, by control id; linear in both runs. */
export function compareRuns(current: readonly Control[], previous: readonly Control[]): Comparison {
  const before = new Map(previous.map((c) => [c.id, c.status]));
  const comparison: Comparison = {
    newFailures: [],
    fixed: [],
    nowUnchecked: [],
    stillFailing: 0,
    disappeared: [],
  };
  const seen = new Set<string>();
  for (const control of current) {
    seen.add(control.id);
    const was = before.get(control.id);
    const failsNow = isFailing(control.status);
    const failedBefore = was !== undefined && isFailing(was);
    if (failsNow && failedBefore) comparison.stillFailing++;
    else if (failsNow) comparison.newFailures.push(control);
    else if (failedBefore && control.status === 'not_reviewed')
      comparison.nowUnchecked.push(control);
    else if (failedBefore) comparison.fixed.push({ control, before: was });
  }
  for (const control of previous) {
    if (!seen.has(control.id) && isFailing(control.status)) comparison.disappeared.push(control.id);
  }
  return comparison;
}
