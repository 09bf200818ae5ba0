import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/inspec/reports.js';
import { collectControls } from './controls.js';
import { toSarif } from './sarif.js';

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: { name: string; rules: { id: string; properties: Record<string, unknown> }[] };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: unknown[];
    }[];
  }[];
}

describe('SARIF for code scanning', () => {
  const { controls } = collectControls(referenceReport('RHEL7_overrides_hdf.json'));
  const sarif = toSarif(controls, {
    toolName: 'CINC Auditor',
    toolVersion: '6.8.24',
    locate: (c) =>
      c.id === 'V-71849' ? { path: 'compliance/controls/V-71849.rb', line: 16 } : undefined,
  }) as SarifLog;
  const run = sarif.runs[0]!;

  it('has one result per failing control, its rule at ruleIndex, levels by severity', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(
      run.results.map((r) => [r.ruleId, r.level, run.tool.driver.rules[r.ruleIndex]?.id]),
    ).toEqual([
      ['V-71849', 'error', 'V-71849'], // critical
      ['V-71859', 'error', 'V-71859'], // critical
      ['V-71861', 'note', 'V-71861'], // severity "none"
    ]);
  });

  it('ranks alerts with security-severity, omitted for severity "none"', () => {
    expect(run.tool.driver.rules.map((r) => r.properties['security-severity'])).toEqual([
      '9.5',
      '9.5',
      undefined,
    ]);
  });

  it('locates a result only when its control is in the repository', () => {
    expect(run.results[0]?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'compliance/controls/V-71849.rb' },
          region: { startLine: 16 },
        },
      },
    ]);
    expect(run.results[1]?.locations).toBeUndefined();
    expect(run.results[0]?.message.text).toBe(
      'The file permissions, ownership, and group membership of system files and commands must match the vendor values. (failed, critical)\nnot important: not important',
    );
  });
});
