import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/inspec/reports.js';
import { collectControls } from './controls.js';
import { evaluateGate } from './gate.js';
import { defaultThreshold, parseThreshold } from './threshold.js';

function gate(report: Parameters<typeof referenceReport>[0], threshold: string) {
  const { controls } = collectControls(referenceReport(report));
  return evaluateGate(parseThreshold(threshold, 'threshold.yml'), controls);
}

const RHEL8 = 'rhel8_sample_oneOfEachControlStatus.json';

describe('the gate on the reference reports', () => {
  it('passes rhel8 (P1 F1 NA1 NR1, 33%) when every bound holds, control lists included', () => {
    const result = gate(
      RHEL8,
      [
        'compliance: {min: 33}', // 1 of 3 counted = 33%
        'passed: {high: {controls: [SV-230221]}, total: {min: 1}}',
        'failed: {medium: {controls: [SV-230222]}, total: {max: 1}}',
        'skipped: {total: 1}', // SV-230328, not reviewed
        'no_impact: {high: {max: 1}}', // SV-230223: impact 0, tagged high
        'error: {total: 0}',
      ].join('\n'),
    );
    expect(result.violations).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.compliance).toBe(33);
  });

  it('lists every violation, not just the first, each with its key, location and the controls behind it', () => {
    const result = gate(
      RHEL8,
      [
        'compliance:', //                          1
        '  min: 34', //                            2: 33 < 34
        'failed:', //                              3
        '  medium: {max: 0}', //                   4: SV-230222
        'skipped.total.max: 0', //                 5: SV-230328
        'no_impact.total.max: 0', //               6: SV-230223 (SAF never checks this key)
        'passed:', //                              7
        '  high: {controls: [SV-230221, SV-1]}', // 8: SV-1 did not pass
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => [v.key, v.where?.line, v.message])).toEqual([
      [
        'compliance.min',
        2,
        'compliance is 33%, below the minimum of 34% (1 passed of 3 counted; 1 not applicable not counted).',
      ],
      ['failed.medium.max', 4, '1 medium-severity control failed; at most 0 allowed: SV-230222.'],
      ['skipped.total.max', 5, '1 control skipped (not reviewed); at most 0 allowed: SV-230328.'],
      [
        'no_impact.total.max',
        6,
        '1 control not applicable (impact 0 or waived); at most 0 allowed: SV-230223.',
      ],
      [
        'passed.high.controls',
        8,
        'the high-severity controls counted as passed are not exactly the 2 listed: missing SV-1.',
      ],
    ]);
  });

  it('RHEL7 overrides: severities come from tags, so failed.medium is 0 and failed.critical is 2', () => {
    // By impact alone V-71861 (0.5) would be a medium failure; its tags say "none".
    expect(
      gate(
        'RHEL7_overrides_hdf.json',
        'failed: {medium: {max: 0}, critical: {max: 2}, total: {max: 3}}',
      ).ok,
    ).toBe(true);
    const strict = gate('RHEL7_overrides_hdf.json', 'failed: {critical: {max: 1}}');
    expect(strict.violations.map((v) => v.message)).toEqual([
      '2 critical-severity controls failed; at most 1 allowed: V-71849, V-71859.',
    ]);
  });

  it('minimal-hdf: the default threshold fails the one failed control and the missing pass', () => {
    const { controls } = collectControls(referenceReport('minimal-hdf.json'));
    const result = evaluateGate(defaultThreshold(), controls);
    expect(result.violations.map((v) => v.key)).toEqual(['failed.total.max', 'passed.total.min']);
  });

  it('fails closed on a report without controls, whatever the thresholds allow', () => {
    const result = evaluateGate(parseThreshold('failed: {total: {max: 100}}', 't.yml'), []);
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.message)).toEqual([
      'the report has no controls: nothing was verified, so no threshold can be met.',
    ]);
    expect(result.compliance).toBe(0);
  });

  it('counts SAF\'s "error" as errors plus controls without results', () => {
    const result = evaluateGate(parseThreshold('error: {total: {max: 1}}', 't.yml'), [
      ...collectControls({
        profiles: [
          {
            name: 'p',
            controls: [
              { id: 'no-results', impact: 0.5, results: [] },
              {
                id: 'crashed',
                impact: 0.5,
                results: [{ status: 'failed', backtrace: ['x.rb:1'] }],
              },
            ],
          },
        ],
      }).controls,
    ]);
    expect(result.violations.map((v) => v.message)).toEqual([
      '2 controls in error or without results; at most 1 allowed: no-results, crashed.',
    ]);
  });
});
