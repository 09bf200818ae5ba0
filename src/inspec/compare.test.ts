import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/inspec/reports.js';
import { compareRuns } from './compare.js';
import { collectControls, type Control, type ControlStatus } from './controls.js';

const run = (statuses: Record<string, ControlStatus>): Control[] =>
  Object.entries(statuses).map(([id, status]) => ({
    id,
    title: id,
    profile: 'p',
    impact: 0.5,
    severity: 'medium',
    status,
    results: [],
    waiver: undefined,
    source: undefined,
  }));

describe('comparing with the previous run', () => {
  it('tells new failures from fixed, still-failing, unchecked and vanished controls', () => {
    const previous = run({
      a: 'failed',
      b: 'passed',
      c: 'error',
      d: 'failed',
      e: 'profile_error',
      f: 'failed',
    });
    const current = run({
      a: 'passed',
      b: 'failed',
      c: 'failed',
      d: 'not_reviewed',
      e: 'not_applicable',
      g: 'error',
    });
    const comparison = compareRuns(current, previous);
    expect(comparison.newFailures.map((c) => c.id)).toEqual(['b', 'g']);
    expect(comparison.fixed.map((f) => [f.control.id, f.before])).toEqual([
      ['a', 'failed'],
      ['e', 'profile_error'],
    ]);
    expect(comparison.nowUnchecked.map((c) => c.id)).toEqual(['d']);
    expect(comparison.stillFailing).toBe(1);
    expect(comparison.disappeared).toEqual(['f']);
  });

  it('finds nothing new when a real report is compared with itself', () => {
    const { controls } = collectControls(
      referenceReport('rhel8_sample_oneOfEachControlStatus.json'),
    );
    expect(compareRuns(controls, controls)).toEqual({
      newFailures: [],
      fixed: [],
      nowUnchecked: [],
      stillFailing: 1,
      disappeared: [],
    });
  });
});
