import type { RawControl, RawReport, RawResult, RawWaiver } from './report.js';

/**
 * One control as the gate judges it: overlay copies merged into one, with
 * its status and severity decided by the rules Heimdall and the SAF CLI use
 * (the Heimdall Data Format), so counts agree with what security teams see.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = [
  'passed',
  'failed',
  'not_applicable',
  'not_reviewed',
  'error',
  'profile_error',
] as const;
export type ControlStatus = (typeof STATUSES)[number];

export interface Control {
  id: string;
  title: string;
  /** The profile whose copy of the control ran (where its code lives). */
  profile: string;
  impact: number;
  severity: Severity;
  status: ControlStatus;
  results: readonly RawResult[];
  waiver: RawWaiver | undefined;
  source: { ref: string; line: number | undefined } | undefined;
}

export interface CollectedControls {
  controls: Control[];
  /** Controls listed only by dependencies, never run: left out by the wrapper (skip_control, require_controls). */
  notSelected: string[];
}

/**
 * Severity: `tags.severityoverride`, then `tags.severity`, then the impact.
 * Impact bands are InSpec's (impact.rb) and inspecjs's: below 0.1 none,
 * below 0.4 low, below 0.7 medium, below 0.9 high, else critical.
 */
export function severityOf(control: Pick<RawControl, 'impact' | 'tags'>): Severity {
  for (const tag of ['severityoverride', 'severity']) {
    const value = control.tags?.[tag];
    if (typeof value === 'string' && isSeverity(value.toLowerCase())) {
      return value.toLowerCase() as Severity;
    }
  }
  const impact = control.impact;
  if (impact < 0.1) return 'none';
  if (impact < 0.4) return 'low';
  if (impact < 0.7) return 'medium';
  if (impact < 0.9) return 'high';
  return 'critical';
}

function isSeverity(value: string): boolean {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * A result is an error when InSpec attached a backtrace (an exception
 * outside an expectation). Failures also carry `exception` (e.g.
 * RSpec::Core::MultipleExceptionError) and stay failures.
 */
export function isErrorResult(result: RawResult): boolean {
  return result.backtrace !== undefined && result.backtrace !== null;
}

/**
 * Status, checked in the HDF order: an error anywhere; waived or impact 0
 * (not applicable); no results (profile error: nothing ran, which InSpec
 * itself would count as passed); any failure; any pass; otherwise skipped
 * (not reviewed).
 */
export function statusOf(
  control: Pick<RawControl, 'impact' | 'waiver_data' | 'results'>,
): ControlStatus {
  const results = control.results;
  if (results.some(isErrorResult)) return 'error';
  if (control.waiver_data?.skipped_due_to_waiver === true || control.impact === 0) {
    return 'not_applicable';
  }
  if (results.length === 0) return 'profile_error';
  if (results.some((r) => r.status === 'failed')) return 'failed';
  if (results.some((r) => r.status === 'passed')) return 'passed';
  if (results.some((r) => r.status === 'skipped')) return 'not_reviewed';
  return 'profile_error';
}

interface Copies {
  /** The outermost copy: an overlay's impact, tags and waivers win. */
  outer: RawControl;
  outerDepth: number;
  /** The copy that carries the results; overlay copies of it have none. */
  ran: { control: RawControl; profile: string } | undefined;
  firstProfile: string;
}

/**
 * Every control of every profile, once. A wrapper or overlay profile lists
 * each control again with `results: []` while the profile that ran it
 * carries the results, so copies are merged by control id.
 */
export function collectControls(report: RawReport): CollectedControls {
  const depths = profileDepths(report);
  const byId = new Map<string, Copies>();
  for (const profile of report.profiles) {
    const depth = depths.get(profile.name) ?? 0;
    for (const control of profile.controls) {
      const ran = control.results.length > 0 ? { control, profile: profile.name } : undefined;
      const copies = byId.get(control.id);
      if (!copies) {
        byId.set(control.id, {
          outer: control,
          outerDepth: depth,
          ran,
          firstProfile: profile.name,
        });
        continue;
      }
      if (depth < copies.outerDepth) {
        copies.outer = control;
        copies.outerDepth = depth;
      }
      copies.ran ??= ran;
    }
  }

  const controls: Control[] = [];
  const notSelected: string[] = [];
  for (const [id, copies] of byId) {
    if (!copies.ran && copies.outerDepth > 0) {
      notSelected.push(id);
      continue;
    }
    controls.push(toControl(copies));
  }
  return { controls, notSelected };
}

function toControl({ outer, ran, firstProfile }: Copies): Control {
  const merged = { ...outer, results: ran?.control.results ?? outer.results };
  const ref = outer.source_location?.ref ?? ran?.control.source_location?.ref;
  const line = outer.source_location?.line ?? ran?.control.source_location?.line;
  return {
    id: outer.id,
    title: outer.title ?? ran?.control.title ?? '',
    profile: ran?.profile ?? firstProfile,
    impact: outer.impact,
    severity: severityOf(outer),
    status: statusOf(merged),
    results: merged.results,
    waiver: hasWaiver(outer.waiver_data) ? outer.waiver_data : undefined,
    source: ref ? { ref, line } : undefined,
  };
}

function hasWaiver(waiver: RawWaiver | undefined): waiver is RawWaiver {
  return waiver !== undefined && (waiver.justification !== undefined || waiver.run !== undefined);
}

/** 0 for a profile run directly, 1 for its dependencies, and so on (via parent_profile). */
function profileDepths(report: RawReport): Map<string, number> {
  const parents = new Map(report.profiles.map((p) => [p.name, p.parent_profile]));
  const depths = new Map<string, number>();
  for (const profile of report.profiles) {
    let depth = 0;
    let parent = profile.parent_profile;
    // Bounded by the number of profiles, so a cycle in a broken report cannot loop.
    while (parent !== undefined && depth < report.profiles.length) {
      depth++;
      parent = parents.get(parent);
    }
    depths.set(profile.name, depth);
  }
  return depths;
}

/** All messages of a control's failing or erroring results, for summaries and annotations. */
export function failureMessages(control: Control): string[] {
  const messages: string[] = [];
  for (const result of control.results) {
    if (result.status === 'failed' || isErrorResult(result)) {
      const detail = (result.message ?? result.exception ?? '').trim();
      messages.push(detail ? `${result.code_desc ?? ''}: ${detail}` : (result.code_desc ?? ''));
    }
  }
  if (control.status === 'profile_error' && messages.length === 0) {
    messages.push('no results: nothing in this control ran');
  }
  return messages;
}
