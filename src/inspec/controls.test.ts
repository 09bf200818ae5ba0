import { describe, expect, it } from 'vitest';
import { heimdallSample } from '../../test/fixtures/inspec/reports.js';
import {
  collectControls,
  failureMessages,
  severityOf,
  statusOf,
  type ControlStatus,
} from './controls.js';
import { countControls } from './counts.js';
import type { RawControl, RawReport, RawResult } from './report.js';

const passed: RawResult = { status: 'passed', code_desc: 'ok' };
const failed: RawResult = { status: 'failed', code_desc: 'bad', message: 'expected 1 got 2' };
const skipped: RawResult = { status: 'skipped', code_desc: 'no-op', skip_message: 'only_if' };
const errored: RawResult = {
  status: 'failed',
  code_desc: 'Control Source Code Error',
  exception: 'NoMethodError',
  backtrace: ['controls/x.rb:3'],
};

function control(partial: Partial<RawControl>): RawControl {
  return { id: 'c', impact: 0.5, results: [passed], ...partial };
}

describe('control status, in the HDF order', () => {
  const cases: [string, Partial<RawControl>, ControlStatus][] = [
    [
      'a backtrace makes an error, even at impact 0',
      { impact: 0, results: [passed, errored] },
      'error',
    ],
    [
      'a failure with an exception but no backtrace stays a failure',
      { results: [{ ...failed, exception: 'RSpec::Core::MultipleExceptionError' }] },
      'failed',
    ],
    [
      'impact 0 is not applicable whatever the results',
      { impact: 0, results: [failed] },
      'not_applicable',
    ],
    [
      'a waiver that skipped the control is not applicable',
      { results: [skipped], waiver_data: { skipped_due_to_waiver: true, justification: 'x' } },
      'not_applicable',
    ],
    [
      'a waiver that let it run keeps its result (as Heimdall)',
      {
        results: [failed],
        waiver_data: { skipped_due_to_waiver: false, run: true, justification: 'x' },
      },
      'failed',
    ],
    [
      'no results is a profile error (InSpec would call it passed)',
      { results: [] },
      'profile_error',
    ],
    ['any failure fails', { results: [passed, skipped, failed] }, 'failed'],
    ['passes with skips pass', { results: [skipped, passed] }, 'passed'],
    ['only skips are not reviewed', { results: [skipped, skipped] }, 'not_reviewed'],
    [
      'an unknown result status is a profile error',
      { results: [{ status: 'weird' }] },
      'profile_error',
    ],
  ];
  it.each(cases)('%s', (_, partial, expected) => {
    expect(statusOf(control(partial))).toBe(expected);
  });
});

describe('control severity', () => {
  it.each([
    [0, 'none'],
    [0.09, 'none'],
    [0.1, 'low'],
    [0.39, 'low'],
    [0.4, 'medium'],
    [0.69, 'medium'],
    [0.7, 'high'],
    [0.89, 'high'],
    [0.9, 'critical'],
    [1, 'critical'],
  ] as const)('impact %s is %s without tags (InSpec impact.rb bands)', (impact, severity) => {
    expect(severityOf({ impact, tags: {} })).toBe(severity);
  });

  it('takes severityoverride, then severity, case-insensitively, ignoring values that are not severities', () => {
    expect(
      severityOf({ impact: 0.1, tags: { severity: 'High', severityoverride: 'CRITICAL' } }),
    ).toBe('critical');
    expect(severityOf({ impact: 0.1, tags: { severity: 'Medium' } })).toBe('medium');
    expect(
      severityOf({ impact: 0.95, tags: { severity: 'CAT I', severityoverride: 'urgent' } }),
    ).toBe('critical');
  });
});

describe('overlay and wrapper profiles are merged by control id', () => {
  it('wrapper-acme-run.json: the wrapper lists 101 copies without results; the results come from ssh-baseline and ssl-baseline', () => {
    const report = heimdallSample('wrapper-acme-run.json');
    expect(report.profiles.map((p) => [p.name, p.controls.length])).toEqual([
      ['acme-inspec-profile', 101],
      ['ssh-baseline', 68],
      ['ssl-baseline', 33],
    ]);
    const { controls, notSelected } = collectControls(report);
    expect(controls).toHaveLength(101);
    expect(notSelected).toEqual([]);
    // ssh-baseline: 60 failed (58 failed-only + 2 failed-and-passed), 5
    // passed, 3 skipped; ssl-baseline: 32 skipped, 1 impact 0.
    expect(countControls(controls).byStatus).toEqual({
      passed: 5,
      failed: 60,
      not_applicable: 1,
      not_reviewed: 35,
      error: 0,
      profile_error: 0,
    });
    expect(new Set(controls.map((c) => c.profile))).toEqual(
      new Set(['ssh-baseline', 'ssl-baseline']),
    );
  });

  it('triple_overlay_profile_example.json: three layers of the same 200 controls count once', () => {
    const report = heimdallSample('triple_overlay_profile_example.json');
    expect(report.profiles.map((p) => p.controls.length)).toEqual([200, 200, 200]);
    const { controls } = collectControls(report);
    expect(controls).toHaveLength(200);
    expect(controls.every((c) => c.results.length > 0)).toBe(true);
  });

  it('takes impact, tags and waiver from the outermost copy and the results from the one that ran', () => {
    const report: RawReport = {
      profiles: [
        {
          name: 'overlay',
          controls: [{ id: 'X', impact: 0, tags: { severity: 'low' }, results: [] }],
        },
        {
          name: 'baseline',
          parent_profile: 'overlay',
          controls: [
            { id: 'X', impact: 0.7, results: [failed] },
            { id: 'not-included', impact: 0.5, results: [] },
          ],
        },
      ],
    };
    const { controls, notSelected } = collectControls(report);
    expect(controls.map((c) => [c.id, c.status, c.severity, c.profile])).toEqual([
      ['X', 'not_applicable', 'low', 'baseline'],
    ]);
    // Listed only by the dependency, never run: the wrapper left it out.
    expect(notSelected).toEqual(['not-included']);
  });

  it('keeps a control of a profile run directly that has no results, as a profile error', () => {
    const { controls } = collectControls({
      profiles: [{ name: 'p', controls: [{ id: 'empty', impact: 0.5, results: [] }] }],
    });
    expect(controls.map((c) => c.status)).toEqual(['profile_error']);
    expect(failureMessages(controls[0]!)).toEqual(['no results: nothing in this control ran']);
  });
});
