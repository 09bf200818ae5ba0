import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '../../../src/core.js';
import { UserError, UserErrors } from '../../../src/errors.js';
import { collectControls, type Control } from '../../../src/inspec/controls.js';
import { findExecutable } from '../../../src/inspec/executable.js';
import { ComplianceFailure } from '../../../src/inspec/failures.js';
import { evaluateGate, type GateResult } from '../../../src/inspec/gate.js';
import { renderInputsFile, type RenderedInputs } from '../../../src/inspec/inputs-file.js';
import { DEFAULT_DOWNLOAD_URLS, DEFAULT_INSPEC_VERSION } from '../../../src/inspec/install.js';
import { checkProfile, profileArgument } from '../../../src/inspec/profile-check.js';
import {
  parseProfileSpec,
  resolveProfile,
  type ProfileSpec,
} from '../../../src/inspec/profile-source.js';
import { readNamedFile } from '../../../src/inspec/read-file.js';
import { redactReport, sensitiveInputValues } from '../../../src/inspec/redact.js';
import { parseReport } from '../../../src/inspec/report.js';
import {
  renderInfrastructureSummary,
  renderInputErrorSummary,
} from '../../../src/inspec/summary.js';
import { parseTarget, type Target } from '../../../src/inspec/target.js';
import {
  defaultThreshold,
  readThresholdFile,
  type Threshold,
} from '../../../src/inspec/threshold.js';
import { Inspec } from '../../../src/inspec/tool.js';
import { judgeScan } from '../../../src/inspec/verdict.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { maskSecret } from '../../../src/report/redact.js';
import { writeSummary } from '../../../src/report/summary.js';
import { buildPlaceholderContext } from '../../../src/template/index.js';
import type { Inputs } from './inputs.js';
import { publishResults } from './summary.js';

export interface Outputs {
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  compliance: number;
  report: string;
  ok: boolean;
}

export interface Outcome {
  outputs: Outputs;
  /** Set when the scan ran and did not meet the thresholds. */
  failure: ComplianceFailure | undefined;
}

/** Everything the inputs say, checked before any tool runs. */
interface Plan {
  workspace: string;
  /** This run's private directory (mode 0700): rendered inputs, raw and redacted reports. */
  scratch: string;
  target: Target;
  spec: ProfileSpec;
  threshold: Threshold;
  previous: Control[] | undefined;
  rendered: RenderedInputs | undefined;
}

/**
 * The gate: check every input up front (target, profile, thresholds,
 * previous report, inputs file), find or install the tool, `check` the
 * profile, run it, and judge the JSON report ourselves. Infrastructure and
 * user errors are thrown; a compliance failure is returned with the outputs,
 * so they are set before the step fails.
 */
export async function verify(inputs: Inputs, now = new Date()): Promise<Outcome> {
  const plan = await prepare(inputs).catch(async (error: unknown) => {
    // A bad input (a threshold file with a typo) says so in the summary too, not only in the log.
    if (error instanceof UserError) {
      const text = renderInputErrorSummary(
        error.message,
        error instanceof UserErrors ? undefined : error.fix,
      );
      await writeSummary((summary) => summary.addRaw(text));
    }
    throw error;
  });
  try {
    const found = await findExecutable({
      product: inputs.tool,
      version: inputs['inspec-version'] ?? DEFAULT_INSPEC_VERSION,
      executable: inputs.executable,
      install: inputs.install,
      downloadUrl: inputs['inspec-download-url'] ?? DEFAULT_DOWNLOAD_URLS[inputs.tool],
      licenseKey: inputs['license-key'],
      workspace: plan.workspace,
    });
    const inspec = new Inspec(found.path, inputs.tool, inputs['license-key']);
    const label = `${inspec.label} ${(await inspec.version()) ?? ''}`.trim();
    core.info(`Using ${label} (${found.path}, from ${found.from}).`);
    return await scanAndJudge(plan, inputs, inspec, label, now).catch(async (error: unknown) => {
      if (error instanceof UserError) {
        const text = renderInfrastructureSummary(
          label,
          plan.target.display,
          error.message,
          error.fix,
        );
        await writeSummary((summary) => summary.addRaw(text));
      }
      throw error;
    });
  } finally {
    // The rendered inputs and InSpec's own report hold secret values; the redacted copy stays.
    if (plan.rendered) await rm(plan.rendered.path, { force: true });
    await rm(join(plan.scratch, 'raw-report.json'), { force: true });
  }
}

async function prepare(inputs: Inputs): Promise<Plan> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  maskSecret(inputs['license-key']);
  const target = parseTarget(inputs.target);
  const spec = parseProfileSpec(inputs.profile, workspace);
  const threshold = inputs.threshold
    ? await readThresholdFile(resolve(workspace, inputs.threshold), inputs.threshold)
    : defaultThreshold();
  const previous = inputs['previous-report']
    ? await readPreviousControls(
        resolve(workspace, inputs['previous-report']),
        inputs['previous-report'],
      )
    : undefined;
  const temp = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(temp, { recursive: true });
  const scratch = await mkdtemp(join(temp, 'inspec-verify-'));
  const rendered = inputs['inputs-file']
    ? await renderInputs(inputs, workspace, scratch)
    : undefined;
  return { workspace, scratch, target, spec, threshold, previous, rendered };
}

async function scanAndJudge(
  plan: Plan,
  inputs: Inputs,
  inspec: Inspec,
  label: string,
  now: Date,
): Promise<Outcome> {
  const { workspace, target, threshold } = plan;
  const profile = await resolveProfile(plan.spec, plan.scratch);
  const argument = profileArgument(profile, workspace);
  await checkProfile(inspec, profile, argument, workspace);
  if (target.scheme === 'k8s' || target.scheme === 'k8s-container') {
    const plugin = await inspec.ensurePlugin('train-kubernetes');
    core.info(`train-kubernetes plugin: ${plugin}`);
  }
  const rawPath = join(plan.scratch, 'raw-report.json');
  const result = await core.group(`${label}: exec ${profile.display} on ${target.display}`, () =>
    inspec.exec({
      profile: argument,
      targetArgs: target.args,
      inputFile: plan.rendered?.path,
      waiverFile: inputs['waiver-file'] ? resolve(workspace, inputs['waiver-file']) : undefined,
      reportPath: rawPath,
      cwd: workspace,
    }),
  );
  const text = existsSync(rawPath) ? await readFile(rawPath, 'utf8') : undefined;
  const raw = judgeScan(result, text, label).report;
  const inputNames = plan.rendered?.sensitiveNames ?? new Set(inputs['sensitive-inputs']);
  const echoed = sensitiveInputValues(raw, inputNames);
  for (const value of echoed) maskSecret(value);
  const report = redactReport(raw, {
    inputNames,
    values: [...(plan.rendered?.secretValues ?? []), ...echoed, inputs['license-key'] ?? ''],
  });
  const reportPath = join(plan.scratch, 'report.json');
  await writeFile(reportPath, JSON.stringify(report, null, 2));

  const { controls, notSelected } = collectControls(report);
  const gate = evaluateGate(threshold, controls);
  await publishResults(
    { workspace, target: target.display, threshold: threshold.source, previous: plan.previous },
    inputs,
    {
      profile,
      report,
      controls,
      notSelected: notSelected.length,
      gate,
      label,
      now,
    },
  );
  return {
    outputs: toOutputs(gate, reportPath),
    failure: gate.ok ? undefined : new ComplianceFailure(gate.violations, threshold.source),
  };
}

async function renderInputs(
  inputs: Inputs,
  workspace: string,
  scratch: string,
): Promise<RenderedInputs> {
  const manifestPath = resolve(workspace, inputs.manifest);
  const manifest = existsSync(manifestPath)
    ? await loadManifest(manifestPath, { displayPath: inputs.manifest })
    : undefined;
  if (!manifest) core.info(`No ${inputs.manifest}: placeholders come from the environment only.`);
  const context = buildPlaceholderContext({
    manifest,
    environment: inputs.environment,
    env: process.env,
    secretNames: inputs['sensitive-inputs'],
  });
  const file = inputs['inputs-file'] ?? '';
  return renderInputsFile(
    resolve(workspace, file),
    file,
    context,
    inputs['sensitive-inputs'],
    scratch,
  );
}

async function readPreviousControls(path: string, display: string): Promise<Control[]> {
  const text = await readNamedFile(
    path,
    display,
    'previous report',
    'give the `report` output of an earlier run (download its artifact first), or drop `previous-report`.',
  );
  return collectControls(parseReport(text, display)).controls;
}

function toOutputs(gate: GateResult, reportPath: string): Outputs {
  const s = gate.counts.byStatus;
  return {
    passed: s.passed,
    failed: s.failed,
    skipped: s.not_applicable + s.not_reviewed,
    errors: s.error + s.profile_error,
    compliance: gate.compliance,
    report: reportPath,
    ok: gate.ok,
  };
}
