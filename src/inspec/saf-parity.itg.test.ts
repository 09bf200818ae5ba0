import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  heimdallSamplePath,
  REFERENCE_REPORTS,
  referencePath,
  REPO_ROOT,
} from '../../test/fixtures/inspec/reports.js';
import { NODE24 } from '../../test/support/runner.js';
import { Exec } from '../exec.js';
import { SEVERITIES } from './controls.js';
import { countControls } from './counts.js';
import { evaluateGate, SAF_STATUS_MEMBERS } from './gate.js';
import { collectControls } from './controls.js';
import { parseReport } from './report.js';
import { defaultThreshold, parseThreshold, THRESHOLD_STATUSES } from './threshold.js';

// Side by side with the real SAF CLI (@mitre/saf, a devDependency, run on
// Node 24 with argument arrays) on the same reports and threshold files.
// First the cases where SAF is right and the verdicts agree, including exact
// per-status, per-severity counts; then each case where SAF passes a report
// it should not (research/inspec.md §3), with SAF's own output as evidence.

const SAF = join(REPO_ROOT, 'node_modules', '@mitre', 'saf', 'bin', 'run');
let work: string;

beforeAll(() => {
  if (!existsSync(SAF))
    throw new Error(`${SAF} is missing: run \`npm ci\` (@mitre/saf is a devDependency).`);
  work = mkdtempSync(join(tmpdir(), 'saf-parity-'));
});

interface Verdict {
  passed: boolean;
  output: string;
}

/** `saf validate threshold -i REPORT …`: exit 0 is a pass, as CI scripts read it. */
async function saf(report: string, args: string[]): Promise<Verdict> {
  const result = await Exec.run(NODE24, [SAF, 'validate', 'threshold', '-i', report, ...args], {
    silent: true,
    timeoutMs: 120_000,
  });
  return { passed: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

async function safWithFile(report: string, threshold: string): Promise<Verdict> {
  const file = join(work, `threshold-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, threshold);
  return saf(report, ['-T', file]);
}

/** Our verdict on the same files; a threshold file we reject is a failed gate. */
function ours(report: string, threshold: string): { passed: boolean; messages: string[] } {
  const { controls } = collectControls(parseReport(readFileSync(report, 'utf8'), report));
  let parsed;
  try {
    parsed = parseThreshold(threshold, 'threshold.yml');
  } catch (error) {
    return { passed: false, messages: [(error as Error).message] };
  }
  const result = evaluateGate(parsed, controls);
  return { passed: result.ok, messages: result.violations.map((v) => `${v.key}: ${v.message}`) };
}

/** A plain .json copy: the reference copies end in .json.txt, SAF wants JSON. */
function asJson(path: string, name: string): string {
  const copy = join(work, name);
  writeFileSync(copy, readFileSync(path));
  return copy;
}

const reference = (name: (typeof REFERENCE_REPORTS)[number]) => asJson(referencePath(name), name);

/**
 * A threshold that pins every count SAF can check to exactly our number:
 * `{min: n, max: n}` per status and severity, and `total: n`. SAF passes it
 * only if its counts are ours, cell by cell.
 */
function exactCounts(report: string): string {
  const { controls } = collectControls(parseReport(readFileSync(report, 'utf8'), report));
  const counts = countControls(controls);
  const lines: string[] = [];
  for (const status of THRESHOLD_STATUSES) {
    lines.push(`${status}:`);
    const members = SAF_STATUS_MEMBERS[status];
    const severities = status === 'no_impact' ? SEVERITIES : SEVERITIES.filter((s) => s !== 'none');
    for (const severity of severities) {
      const n = members.reduce((sum, m) => sum + counts.byStatusAndSeverity[m][severity], 0);
      lines.push(`  ${severity}: {min: ${n}, max: ${n}}`);
    }
    lines.push(`  total: ${members.reduce((sum, m) => sum + counts.byStatus[m], 0)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('where SAF is right, the verdicts agree', () => {
  const cases: [string, (typeof REFERENCE_REPORTS)[number], string, boolean][] = [
    [
      'rhel8 at 33% meets compliance.min 33',
      'rhel8_sample_oneOfEachControlStatus.json',
      'compliance: {min: 33}',
      true,
    ],
    [
      'rhel8 at 33% misses compliance.min 34',
      'rhel8_sample_oneOfEachControlStatus.json',
      'compliance: {min: 34}',
      false,
    ],
    [
      'minimal: its high failure breaks failed.high.max 0',
      'minimal-hdf.json',
      'failed: {high: {max: 0}}',
      false,
    ],
    [
      'RHEL7: severity tags make failed.medium 0 and failed.critical 2',
      'RHEL7_overrides_hdf.json',
      'failed: {medium: {max: 0}, critical: {max: 2}}',
      true,
    ],
    [
      'RHEL7: two critical failures break failed.critical.max 1',
      'RHEL7_overrides_hdf.json',
      'failed: {critical: {max: 1}}',
      false,
    ],
    [
      'rhel8: the exact control lists hold',
      'rhel8_sample_oneOfEachControlStatus.json',
      'passed: {high: {controls: [SV-230221]}}\nfailed: {medium: {controls: [SV-230222]}}',
      true,
    ],
    [
      'rhel8: a control list naming a control that did not pass',
      'rhel8_sample_oneOfEachControlStatus.json',
      'passed: {high: {controls: [SV-230221, SV-230222]}}',
      false,
    ],
    [
      'rhel8: error.total 0 (a scalar means equals)',
      'rhel8_sample_oneOfEachControlStatus.json',
      'error: {total: 0}',
      true,
    ],
    [
      'rhel8: skipped.total 0 is not met (SV-230328 is not reviewed)',
      'rhel8_sample_oneOfEachControlStatus.json',
      'skipped: {total: 0}',
      false,
    ],
  ];

  it.each(cases)('%s', async (_, name, threshold, expected) => {
    const report = reference(name);
    expect((await safWithFile(report, threshold)).passed).toBe(expected);
    expect(ours(report, threshold).passed).toBe(expected);
  });

  it.each([
    ...REFERENCE_REPORTS.map((name) => [name, () => reference(name)] as const),
    // Real overlay and wrapper runs: controls merged across 2-3 profiles.
    ['wrapper-acme-run.json', () => heimdallSamplePath('wrapper-acme-run.json')] as const,
    [
      'triple_overlay_profile_example.json',
      () => heimdallSamplePath('triple_overlay_profile_example.json'),
    ] as const,
    [
      'example-3-layer-overlay.json',
      () => heimdallSamplePath('example-3-layer-overlay.json'),
    ] as const,
    ['rhel7-results.json (243 controls)', () => heimdallSamplePath('rhel7-results.json')] as const,
  ])('%s: SAF counts exactly what we count, in every status × severity cell', async (_, path) => {
    const report = path();
    const threshold = exactCounts(report);
    expect(ours(report, threshold).passed).toBe(true);
    const verdict = await safWithFile(report, threshold);
    expect(verdict.output).toBe('All validation tests passed');
    expect(verdict.passed).toBe(true);
  });

  it('the exact-count threshold is sharp: one cell off by one fails SAF and us', async () => {
    const report = reference('rhel8_sample_oneOfEachControlStatus.json');
    const threshold = exactCounts(report).replace(
      'medium: {min: 1, max: 1}',
      'medium: {min: 2, max: 2}',
    );
    expect(threshold).not.toBe(exactCounts(report));
    expect((await safWithFile(report, threshold)).passed).toBe(false);
    expect(ours(report, threshold).passed).toBe(false);
  });
});

describe('where SAF passes a report it should not, we fail it', () => {
  it('no_impact.total.max is never checked by SAF (rhel8 has one not-applicable control)', async () => {
    const report = reference('rhel8_sample_oneOfEachControlStatus.json');
    const threshold = 'no_impact: {total: {max: 0}}';
    expect(await safWithFile(report, threshold)).toEqual({
      passed: true,
      output: 'All validation tests passed',
    });
    expect(ours(report, threshold)).toEqual({
      passed: false,
      messages: [
        'no_impact.total.max: 1 control not applicable (impact 0 or waived); at most 0 allowed: SV-230223.',
      ],
    });
  });

  it('flat min and max for one key: SAF drops the min (rhel8 has 1 pass, 2 required)', async () => {
    const report = reference('rhel8_sample_oneOfEachControlStatus.json');
    const threshold = 'passed.total.min: 2\npassed.total.max: 5\n';
    expect((await safWithFile(report, threshold)).passed).toBe(true);
    expect(ours(report, threshold)).toEqual({
      passed: false,
      messages: ['passed.total.min: 1 control passed; at least 2 required: SV-230221.'],
    });
  });

  it('a misspelt key is ignored by SAF; we reject the file (RHEL7 has 2 critical failures)', async () => {
    const report = reference('RHEL7_overrides_hdf.json');
    const threshold = 'failed:\n  critcal: {max: 0}\n';
    expect((await safWithFile(report, threshold)).passed).toBe(true);
    const verdict = ours(report, threshold);
    expect(verdict.passed).toBe(false);
    expect(verdict.messages[0]).toContain(
      'threshold.yml:2:3: Unknown threshold key "failed.critcal.max".',
    );
  });

  it('a number directly under a severity is ignored by SAF; we read it as "exactly"', async () => {
    const report = reference('RHEL7_overrides_hdf.json');
    const threshold = 'failed: {critical: 0}';
    expect((await safWithFile(report, threshold)).passed).toBe(true);
    expect(ours(report, threshold).messages).toEqual([
      'failed.critical: 2 critical-severity controls failed; exactly 0 required: V-71849, V-71859.',
    ]);
  });

  it("saf_action's inline JSON with quoted keys matches nothing and passes (minimal has a failure)", async () => {
    const report = reference('minimal-hdf.json');
    const inline = '{"failed.total.max": 0}';
    expect(await saf(report, ['-I', inline])).toEqual({
      passed: true,
      output: 'All validation tests passed',
    });
    // The same text as a threshold file (JSON is YAML) is read correctly, by SAF too.
    expect((await safWithFile(report, inline)).passed).toBe(false);
    expect(ours(report, inline).passed).toBe(false);
  });

  it('only the first profile is evaluated by SAF: a failure in the second passes', async () => {
    // One run of two profiles (`inspec exec rhel8-baseline test-profile`),
    // composed from two real reports: rhel8 has no high failure, minimal has one.
    const rhel8 = JSON.parse(
      readFileSync(referencePath('rhel8_sample_oneOfEachControlStatus.json'), 'utf8'),
    );
    const minimal = JSON.parse(readFileSync(referencePath('minimal-hdf.json'), 'utf8'));
    const report = join(work, 'two-profiles.json');
    writeFileSync(
      report,
      JSON.stringify({ ...rhel8, profiles: [...rhel8.profiles, ...minimal.profiles] }),
    );
    const threshold = 'failed: {high: {max: 0}}';
    expect((await safWithFile(report, threshold)).passed).toBe(true);
    expect(ours(report, threshold).messages).toEqual([
      'failed.high.max: 1 high-severity control failed; at most 0 allowed: test.',
    ]);
  });

  it('a profile without controls passes SAF; we fail closed on an empty report', async () => {
    const minimal = JSON.parse(readFileSync(referencePath('minimal-hdf.json'), 'utf8'));
    minimal.profiles[0].controls = [];
    const report = join(work, 'no-controls.json');
    writeFileSync(report, JSON.stringify(minimal));
    const threshold = 'failed: {total: {max: 0}}';
    expect((await safWithFile(report, threshold)).passed).toBe(true);
    expect(ours(report, threshold).messages).toEqual([
      'report: the report has no controls: nothing was verified, so no threshold can be met.',
    ]);
  });

  it('a report without profiles crashes SAF, which still exits 0', async () => {
    const minimal = JSON.parse(readFileSync(referencePath('minimal-hdf.json'), 'utf8'));
    const report = join(work, 'no-profiles.json');
    writeFileSync(report, JSON.stringify({ ...minimal, profiles: [] }));
    const verdict = await safWithFile(report, 'failed: {total: {max: 0}}');
    expect(verdict.passed).toBe(true);
    expect(verdict.output).toContain(
      "TypeError: Cannot read properties of undefined (reading 'contains')",
    );
    expect(ours(report, 'failed: {total: {max: 0}}').passed).toBe(false);
  });

  it('no threshold at all: SAF exits 0; we apply the default gate (nothing fails, something passes)', async () => {
    const report = reference('minimal-hdf.json');
    const verdict = await saf(report, []);
    expect(verdict.passed).toBe(true);
    expect(verdict.output).toContain(
      'Please provide an inline compliance template or a compliance file.',
    );
    const { controls } = collectControls(parseReport(readFileSync(report, 'utf8'), report));
    expect(evaluateGate(defaultThreshold(), controls).violations.map((v) => v.key)).toEqual([
      'failed.total.max',
      'passed.total.min',
    ]);
  });

  it('SAF stops at the first violation (same verdict); we list them all', async () => {
    const report = reference('rhel8_sample_oneOfEachControlStatus.json');
    const threshold = 'failed: {total: {max: 0}}\nskipped: {total: {max: 0}}\n';
    const verdict = await safWithFile(report, threshold);
    expect(verdict.passed).toBe(false);
    expect(verdict.output.split('\n').filter((l) => l.startsWith('Error:'))).toHaveLength(1);
    expect(ours(report, threshold).messages.map((m) => m.split(':')[0])).toEqual([
      'failed.total.max',
      'skipped.total.max',
    ]);
  });
});
