// inspec-verify's gate on a report of 5,000 controls against a threshold
// file, versus `saf validate threshold` from @mitre/saf (the devDependency,
// run on Node 24), with a threshold the report meets and one it misses. Both
// sides must reach the same verdict.
//
// Ours, two ways: the library functions the action judges a report with,
// imported directly (read the report, parse it, collect the controls, read
// the threshold file, evaluate), which is what the comparison is about; and
// the whole committed bundle as the runner starts it, with the InSpec
// stand-in replaying the report (Node start-up, the tool's version, check
// and exec, the summary), which is what a step costs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectControls } from '../src/inspec/controls.ts';
import { evaluateGate } from '../src/inspec/gate.ts';
import { parseReport } from '../src/inspec/report.ts';
import { readThresholdFile } from '../src/inspec/threshold.ts';
import { runBundle } from './lib/actions.mjs';
import { largeReport, THRESHOLD_MET, THRESHOLD_MISSED } from './lib/inspec-report.mjs';
import { formatRatio, formatSample, run, sample } from './lib/measure.mjs';
import { NODE24, ROOT, scratch } from './lib/paths.mjs';

const CONTROLS = 5000;
const SAF = join(ROOT, 'node_modules', '@mitre', 'saf', 'bin', 'run');
const STAND_IN = join(ROOT, 'test', 'fixtures', 'inspec', 'bin', 'cinc-auditor');

async function gate(reportPath, thresholdPath) {
  const report = parseReport(readFileSync(reportPath, 'utf8'), reportPath);
  const { controls } = collectControls(report);
  const result = evaluateGate(await readThresholdFile(thresholdPath), controls);
  return { ok: result.ok, compliance: result.compliance };
}

async function saf(reportPath, thresholdPath) {
  const result = await run(NODE24, [
    SAF,
    'validate',
    'threshold',
    '-i',
    reportPath,
    '-T',
    thresholdPath,
  ]);
  return {
    ok: result.code === 0,
    output: `${result.stdout}${result.stderr}`.trim().split('\n')[0],
  };
}

/** A workspace with a profile the stand-in "runs" and the threshold files. */
function workspace(reportPath) {
  const dir = scratch('inspec-workspace');
  mkdirSync(join(dir, 'profile'));
  writeFileSync(
    join(dir, 'profile', 'inspec.yml'),
    'name: bench-baseline\nversion: 1.0.0\nsupports:\n  - platform-family: linux\n',
  );
  writeFileSync(join(dir, 'profile', 'stand-in.json'), JSON.stringify({ report: reportPath }));
  writeFileSync(join(dir, 'met.yml'), THRESHOLD_MET);
  writeFileSync(join(dir, 'missed.yml'), THRESHOLD_MISSED);
  return dir;
}

async function bundle(dir, threshold) {
  const result = await runBundle(
    'inspec-verify',
    { profile: 'profile', threshold, executable: STAND_IN, install: 'false' },
    { workspace: dir },
  );
  if (!['true', 'false'].includes(result.outputs.ok ?? '')) {
    throw new Error(
      `inspec-verify gave no verdict (exit ${result.exitCode}):\n${result.stdout.slice(-2000)}`,
    );
  }
  return { ok: result.outputs.ok === 'true', exit: result.exitCode };
}

export async function benchmark({ runs, warmups, log }) {
  const reportDir = scratch('inspec-report');
  const reportPath = join(reportDir, 'report.json');
  writeFileSync(reportPath, JSON.stringify(largeReport(CONTROLS)));
  const dir = workspace(reportPath);
  const cases = [
    { name: 'met', file: 'met.yml', expected: true },
    { name: 'missed', file: 'missed.yml', expected: false },
  ];
  const variants = {};
  for (const item of cases) {
    const threshold = join(dir, item.file);
    variants[`ours (library), ${item.name}`] = () => gate(reportPath, threshold);
    variants[`ours (bundle), ${item.name}`] = () => bundle(dir, item.file);
    variants[`saf, ${item.name}`] = () => saf(reportPath, threshold);
  }
  const results = await sample(variants, { warmups, runs, log });

  const summary = [];
  const rows = [];
  for (const item of cases) {
    const library = results[`ours (library), ${item.name}`];
    const whole = results[`ours (bundle), ${item.name}`];
    const theirs = results[`saf, ${item.name}`];
    const verdicts = new Set(
      [library, whole, theirs].flatMap((result) => result.details.map((detail) => detail.ok)),
    );
    const same = verdicts.size === 1 && verdicts.has(item.expected);
    const ratio = library.median / theirs.median;
    summary.push({
      row: `inspec gate, ${CONTROLS.toLocaleString('en')} controls, threshold ${item.name}`,
      ours: `${formatSample(library).split(' (')[0]}, verdict ${library.details[0].ok ? 'pass' : 'fail'}`,
      baseline: `${formatSample(theirs).split(' (')[0]} (\`saf validate threshold\`), verdict ${theirs.details[0].ok ? 'pass' : 'fail'}`,
      ratio: formatRatio(ratio),
      target: '≤ 0.2× (5× faster), same verdict',
      met: ratio <= 0.2 && same,
      why: same
        ? `${formatRatio(ratio)} against 0.2×.`
        : `the verdicts differ: ${[...verdicts].join(' vs ')}.`,
    });
    const verdict = (result) =>
      result.details.every((detail) => detail.ok)
        ? 'pass'
        : result.details.every((d) => !d.ok)
          ? 'fail'
          : 'mixed';
    rows.push(
      [
        `threshold ${item.name}`,
        'ours: the library (read, parse, collect, evaluate)',
        formatSample(library),
        '1×',
        verdict(library),
      ],
      [
        '',
        'ours: the inspec-verify bundle, whole step (stand-in replays the report)',
        formatSample(whole),
        formatRatio(whole.median / library.median),
        verdict(whole),
      ],
      [
        '',
        '`saf validate threshold -i report.json -T threshold.yml`',
        formatSample(theirs),
        formatRatio(theirs.median / library.median),
        verdict(theirs),
      ],
    );
  }
  return {
    summary,
    tables: [
      {
        caption: `A report of ${CONTROLS.toLocaleString('en')} controls (${(readFileSync(reportPath).length / 1e6).toFixed(1)} MB, \`bench/lib/inspec-report.mjs\`); median (range) of ${runs} interleaved runs`,
        headers: ['case', 'what', 'time', '÷ ours (library)', 'verdict'],
        rows,
      },
    ],
    notes: [
      `The thresholds are in \`bench/lib/inspec-report.mjs\`: "met" asks for compliance ≥ 85 % (the report has ${results[`ours (library), met`].details[0].compliance} %), no critical or high failure and bounds on errors, skips and passes; "missed" is the same with compliance ≥ 99 %.`,
      'SAF stops at the first violation it finds; ours evaluates every rule and lists every violation.',
      'The library row runs in this (warm) process; the bundle and SAF rows are processes of their own, each paying Node start-up, so the bundle row is the fair process-to-process comparison with SAF (it also runs the stand-in three times and writes the job summary).',
    ],
    raw: { ms: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.ms])) },
  };
}
