import type { SourceLocation } from '../errors.js';
import type { Control, ControlStatus } from './controls.js';
import { compliancePercent, countControls, type Counts } from './counts.js';
import type { Threshold, ThresholdRule, ThresholdScope, ThresholdStatus } from './threshold.js';

export interface Violation {
  /** The threshold key that is not met, e.g. failed.critical.max. */
  key: string;
  message: string;
  where: SourceLocation | undefined;
}

export interface GateResult {
  ok: boolean;
  violations: Violation[];
  counts: Counts;
  compliance: number;
}

/** Which of our statuses each SAF status name counts. */
export const SAF_STATUS_MEMBERS: Record<ThresholdStatus, readonly ControlStatus[]> = {
  passed: ['passed'],
  failed: ['failed'],
  skipped: ['not_reviewed'],
  no_impact: ['not_applicable'],
  // SAF's "error" is HDF's Profile Error: an exception, or a control with no results.
  error: ['error', 'profile_error'],
};

const STATUS_PHRASE: Record<ThresholdStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped (not reviewed)',
  no_impact: 'not applicable (impact 0 or waived)',
  error: 'in error or without results',
};

const LISTED_IDS = 10;

/**
 * Checks every rule of the threshold against the controls (all profiles,
 * overlays merged) and returns every violation, not just the first. A report
 * without controls never passes: nothing was verified. Linear in the number
 * of controls plus, for each violated rule, the controls it names.
 */
export function evaluateGate(threshold: Threshold, controls: readonly Control[]): GateResult {
  const counts = countControls(controls);
  const compliance = compliancePercent(counts);
  const violations: Violation[] = [];
  if (controls.length === 0) {
    violations.push({
      key: 'report',
      message: 'the report has no controls: nothing was verified, so no threshold can be met.',
      where: undefined,
    });
  }
  const bySafStatus = groupBySafStatus(controls);
  for (const rule of threshold.rules) {
    const violation = check(rule, counts, compliance, bySafStatus);
    if (violation) violations.push({ key: rule.key, message: violation, where: rule.where });
  }
  return { ok: violations.length === 0, violations, counts, compliance };
}

function check(
  rule: ThresholdRule,
  counts: Counts,
  compliance: number,
  bySafStatus: Map<ThresholdStatus, Control[]>,
): string | undefined {
  switch (rule.kind) {
    case 'compliance-min':
    case 'compliance-max': {
      const below = rule.kind === 'compliance-min' && compliance < rule.value;
      const above = rule.kind === 'compliance-max' && compliance > rule.value;
      if (!below && !above) return undefined;
      return `compliance is ${compliance}%, ${below ? 'below the minimum' : 'above the maximum'} of ${rule.value}% (${complianceBasis(counts)}).`;
    }
    case 'controls':
      return checkList(rule, bySafStatus);
    default: {
      const actual = countOf(counts, rule.status, rule.scope);
      const ok =
        rule.kind === 'min'
          ? actual >= rule.value
          : rule.kind === 'max'
            ? actual <= rule.value
            : actual === rule.value;
      if (ok) return undefined;
      const expected =
        rule.kind === 'min'
          ? `at least ${rule.value} required`
          : rule.kind === 'max'
            ? `at most ${rule.value} allowed`
            : `exactly ${rule.value} required`;
      const ids = actual > 0 ? idsIn(bySafStatus, rule.status, rule.scope) : [];
      return `${actual} ${controlsNoun(rule.scope, actual)} ${STATUS_PHRASE[rule.status]}; ${expected}${ids.length ? `: ${listIds(ids)}` : ''}.`;
    }
  }
}

function checkList(
  rule: Extract<ThresholdRule, { kind: 'controls' }>,
  bySafStatus: Map<ThresholdStatus, Control[]>,
): string | undefined {
  const actual = new Set(idsIn(bySafStatus, rule.status, rule.scope));
  const expected = new Set(rule.ids);
  const missing = rule.ids.filter((id) => !actual.has(id));
  const unexpected = [...actual].filter((id) => !expected.has(id));
  if (missing.length === 0 && unexpected.length === 0) return undefined;
  const parts = [];
  if (missing.length) parts.push(`missing ${listIds(missing)}`);
  if (unexpected.length) parts.push(`not listed ${listIds(unexpected)}`);
  const scope = rule.scope === 'total' ? '' : `${rule.scope}-severity `;
  return `the ${scope}controls counted as ${rule.status} are not exactly the ${rule.ids.length} listed: ${parts.join('; ')}.`;
}

function countOf(counts: Counts, status: ThresholdStatus, scope: ThresholdScope): number {
  let sum = 0;
  for (const member of SAF_STATUS_MEMBERS[status]) {
    sum += scope === 'total' ? counts.byStatus[member] : counts.byStatusAndSeverity[member][scope];
  }
  return sum;
}

function groupBySafStatus(controls: readonly Control[]): Map<ThresholdStatus, Control[]> {
  const safStatusOf = new Map<ControlStatus, ThresholdStatus>();
  for (const [saf, members] of Object.entries(SAF_STATUS_MEMBERS)) {
    for (const member of members) safStatusOf.set(member, saf as ThresholdStatus);
  }
  const groups = new Map<ThresholdStatus, Control[]>();
  for (const control of controls) {
    const saf = safStatusOf.get(control.status);
    if (!saf) continue;
    const group = groups.get(saf);
    if (group) group.push(control);
    else groups.set(saf, [control]);
  }
  return groups;
}

function idsIn(
  bySafStatus: Map<ThresholdStatus, Control[]>,
  status: ThresholdStatus,
  scope: ThresholdScope,
): string[] {
  const group = bySafStatus.get(status) ?? [];
  return group.filter((c) => scope === 'total' || c.severity === scope).map((c) => c.id);
}

function controlsNoun(scope: ThresholdScope, count: number): string {
  const noun = count === 1 ? 'control' : 'controls';
  return scope === 'total' ? noun : `${scope}-severity ${noun}`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}

function complianceBasis(counts: Counts): string {
  const { passed, failed, not_reviewed, error, profile_error, not_applicable } = counts.byStatus;
  const counted = passed + failed + not_reviewed + error + profile_error;
  return `${passed} passed of ${counted} counted; ${not_applicable} not applicable not counted`;
}
