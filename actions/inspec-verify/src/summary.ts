import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as core from '../../../src/core.js';
import { annotateFindings } from '../../../src/inspec/annotate.js';
import { compareRuns } from '../../../src/inspec/compare.js';
import type { Control } from '../../../src/inspec/controls.js';
import type { GateResult } from '../../../src/inspec/gate.js';
import { toJUnit } from '../../../src/inspec/junit.js';
import { RepoLocator } from '../../../src/inspec/locate.js';
import type { ResolvedProfile } from '../../../src/inspec/profile-source.js';
import type { RawReport } from '../../../src/inspec/report.js';
import { toSarif } from '../../../src/inspec/sarif.js';
import { renderSummary } from '../../../src/inspec/summary.js';
import { waiverNotes } from '../../../src/inspec/waivers.js';
import { writeSummary } from '../../../src/report/summary.js';
import type { Inputs } from './inputs.js';

/** A scan, judged: the redacted report and what the gate made of it. */
export interface Judged {
  profile: ResolvedProfile;
  report: RawReport;
  controls: Control[];
  notSelected: number;
  gate: GateResult;
  label: string;
  now: Date;
}

/** Where the scan ran and against what it was judged (for the summary). */
export interface Scan {
  workspace: string;
  /** The target as shown (password hidden). */
  target: string;
  /** Where the thresholds came from. */
  threshold: string;
  previous: Control[] | undefined;
}

/** Annotations, SARIF, JUnit and the job summary, all from the redacted report. */
export async function publishResults(scan: Scan, inputs: Inputs, judged: Judged): Promise<void> {
  const { profile, report, controls, notSelected, gate, label, now } = judged;
  const locator = new RepoLocator(scan.workspace, profile.directory);
  const waivers = waiverNotes(controls, now);
  annotateFindings(controls, waivers, locator, scan.workspace);
  const write = async (file: string, text: string) => {
    const path = resolve(scan.workspace, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    core.info(`Wrote ${file}`);
  };
  if (inputs.sarif) {
    const [toolName, toolVersion] = [label.replace(/ [\d.]+$/, ''), /[\d.]+$/.exec(label)?.[0]];
    const sarif = toSarif(controls, { toolName, toolVersion, locate: (c) => locator.locate(c) });
    await write(inputs.sarif, JSON.stringify(sarif, null, 2));
  }
  if (inputs.junit)
    await write(inputs.junit, toJUnit(controls, { name: 'inspec-verify', timestamp: now }));
  const summary = renderSummary({
    tool: label,
    target: scan.target,
    profiles: report.profiles,
    thresholdSource: scan.threshold,
    gate,
    controls,
    waivers,
    comparison: scan.previous ? compareRuns(controls, scan.previous) : undefined,
    notSelected,
  });
  await writeSummary((builder) => builder.addRaw(summary));
}
