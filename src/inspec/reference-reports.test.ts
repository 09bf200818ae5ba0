import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_REPORTS,
  referencePath,
  referenceReport,
  SHARED_REFERENCE_DIR,
  sharedReferenceNames,
} from '../../test/fixtures/inspec/reports.js';
import { collectControls, severityOf } from './controls.js';
import { compliancePercent, countControls } from './counts.js';

// The counts of every real report, per status and severity, and the
// compliance percentage, each with the reason it is what it is. Statuses
// follow the HDF rules (Heimdall, SAF CLI); where InSpec's own CLI summary
// counts differently, the comment says so.

function summarize(name: (typeof REFERENCE_REPORTS)[number]) {
  const { controls } = collectControls(referenceReport(name));
  const counts = countControls(controls);
  const byId = Object.fromEntries(controls.map((c) => [c.id, `${c.status}/${c.severity}`]));
  return { controls, counts, byId, compliance: compliancePercent(counts) };
}

function nonZero(cells: Record<string, Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [status, bySeverity] of Object.entries(cells)) {
    for (const [severity, n] of Object.entries(bySeverity)) if (n) out[`${status}.${severity}`] = n;
  }
  return out;
}

describe('the reference reports', () => {
  it('are byte-identical copies of every report in ../shared/reference/inspec', () => {
    // In CI the shared folder is absent; the copies are then the reference.
    for (const name of sharedReferenceNames()) {
      expect(REFERENCE_REPORTS as readonly string[]).toContain(name);
      const copy = readFileSync(referencePath(name as (typeof REFERENCE_REPORTS)[number]));
      expect(copy.equals(readFileSync(join(SHARED_REFERENCE_DIR, name)))).toBe(true);
    }
  });

  it('minimal-hdf.json (InSpec 5.18.14): one failed high control, 0% compliant', () => {
    const { counts, byId, compliance } = summarize('minimal-hdf.json');
    // Control "test": impact 0.7 and no severity tags, so severity comes from
    // the impact: 0.7 is in [0.7, 0.9) → high. Its only result failed → failed.
    expect(byId).toEqual({ test: 'failed/high' });
    expect(counts.byStatus).toEqual({
      passed: 0,
      failed: 1,
      not_applicable: 0,
      not_reviewed: 0,
      error: 0,
      profile_error: 0,
    });
    expect(nonZero(counts.byStatusAndSeverity)).toEqual({ 'failed.high': 1 });
    // 0 passed of 1 counted (P + F + NR + errors) → 0%. InSpec's CLI agrees:
    // "0 successful controls, 1 control failure, 0 controls skipped".
    expect(compliance).toBe(0);
  });

  it('RHEL7_overrides_hdf.json (InSpec 4.16.0): severity tags win over impact', () => {
    const { counts, byId, compliance, controls } = summarize('RHEL7_overrides_hdf.json');
    expect(byId).toEqual({
      // impact 0.3 would be low, but tags.severity is "critical" → critical.
      'V-71849': 'failed/critical',
      // impact 0.7 would be high; tags.severity "low" is overridden by
      // tags.severityoverride "medium" → medium. Its one result was skipped
      // → not reviewed.
      'V-71855': 'not_reviewed/medium',
      // no tags; impact 0.95 ≥ 0.9 → critical.
      'V-71859': 'failed/critical',
      // impact 0.5 would be medium, but tags.severity is "none" → none. It is
      // still a failure (only impact 0 makes a control not applicable), and
      // in SAF's format it counts in failed.total but under no severity.
      'V-71861': 'failed/none',
    });
    expect(counts.byStatus).toMatchObject({ passed: 0, failed: 3, not_reviewed: 1 });
    expect(nonZero(counts.byStatusAndSeverity)).toEqual({
      'failed.critical': 2,
      'failed.none': 1,
      'not_reviewed.medium': 1,
    });
    // By impact alone the same controls would be low, high, critical, medium:
    expect(controls.map((c) => severityOf({ impact: c.impact, tags: {} }))).toEqual([
      'low',
      'high',
      'critical',
      'medium',
    ]);
    // 0 passed of 4 counted (3 failed + 1 not reviewed) → 0%.
    expect(compliance).toBe(0);
  });

  it('rhel8_sample_oneOfEachControlStatus.json (InSpec 5.22.40): one of each status, 33%', () => {
    const { counts, byId, compliance, controls } = summarize(
      'rhel8_sample_oneOfEachControlStatus.json',
    );
    expect(byId).toEqual({
      // one passed result; tags.severity "high" (impact 0.7 agrees).
      'SV-230221': 'passed/high',
      // two failed results, each carrying exception
      // "RSpec::Core::MultipleExceptionError" but no backtrace: an expectation
      // that failed, not an error. severity "medium" (impact 0.5).
      'SV-230222': 'failed/medium',
      // impact 0.0 → not applicable whatever its result (skipped here); its
      // tags.severity "high" still gives the severity.
      'SV-230223': 'not_applicable/high',
      // impact 0.5, its one result skipped by only_if → not reviewed.
      'SV-230328': 'not_reviewed/medium',
    });
    expect(counts.byStatus).toEqual({
      passed: 1,
      failed: 1,
      not_applicable: 1,
      not_reviewed: 1,
      error: 0,
      profile_error: 0,
    });
    expect(nonZero(counts.byStatusAndSeverity)).toEqual({
      'passed.high': 1,
      'failed.medium': 1,
      'not_applicable.high': 1,
      'not_reviewed.medium': 1,
    });
    // 1 passed of 3 counted (P1 + F1 + NR1; the not-applicable control does
    // not count) = 33.3 → 33%. InSpec's CLI would say "1 successful, 1
    // failure, 2 skipped": it counts the impact-0 control as skipped.
    expect(compliance).toBe(33);
    expect(controls.find((c) => c.id === 'SV-230222')?.results).toHaveLength(2);
  });
});
