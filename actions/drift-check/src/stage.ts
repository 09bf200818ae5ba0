import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { errorMessage, isUserError } from '../../../src/errors.js';
import { prepareKubeconfig } from '../../../src/deploy/kubeconfig.js';
import { checkTarget, type TargetResult } from '../../../src/drift/check.js';
import { builtInRules, userRule, type IgnoreRule } from '../../../src/drift/ignore.js';
import { redactor } from '../../../src/drift/redact.js';
import type { RenderEnvironment } from '../../../src/drift/render.js';
import {
  emptyCounts,
  fingerprint,
  type DriftReport,
  type TargetReport,
} from '../../../src/drift/report.js';
import { loadDriftConfig, selectTargets } from '../../../src/drift/targets.js';
import { KubeClient } from '../../../src/kube/client.js';
import { loadKubeconfig } from '../../../src/kube/config.js';
import { loadManifest } from '../../../src/manifest/index.js';
import type { AppManifest } from '../../../src/manifest/types.js';
import { workflowRunUrl, type PostRendererEntry } from '../../../src/render/index.js';
import { readRegistryInputs } from '../../../src/registry/index.js';
import { buildPlaceholderContext } from '../../../src/template/index.js';
import { HelmHome, helmSetupOptions, helmSourceOf, setupHelm } from '../../../src/tools/helm.js';
import type { Inputs } from './inputs.js';

/**
 * The drift check of one environment: every input checked before the
 * cluster is asked anything (config, default.json, placeholders, the
 * kubeconfig), the API server probed, then each target compared (and
 * restored, in remediate mode) one after another. A target that cannot be
 * checked is an error of the whole run, never "no drift".
 */

export interface Checked {
  report: DriftReport;
  reportPath: string;
  /** Why targets could not be checked (their reports say it too). */
  errors: unknown[];
}

export async function checkEnvironment(inputs: Inputs, entry: PostRendererEntry): Promise<Checked> {
  const started = Date.now();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const temp = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(temp, { recursive: true });
  const scratch = mkdtempSync(join(temp, 'drift-check-'));
  const home = HelmHome.create('drift-check-home-');
  let client: KubeClient | undefined;
  try {
    // First, so a kubeconfig given as content is masked before anything else runs.
    const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
    const manifest = await readManifest(inputs, workspace);
    const context = buildPlaceholderContext({
      ...(manifest ? { manifest } : {}),
      environment: inputs.environment,
      env: process.env,
    });
    const config = loadDriftConfig({
      inline: inputs.targets,
      file: inputs.config,
      fileExplicit: inputs.configExplicit,
      ignore: inputs.ignore,
      workspace,
      context,
    });
    const targets = selectTargets(config, inputs.environment, manifest);
    const rules: IgnoreRule[] = config.ignore.map((rule) => userRule(rule.id, rule.spec));
    const { login, ca } = readRegistryInputs(inputs, { workspace, scratch });

    client = new KubeClient(loadKubeconfig(kubeconfig.file), {
      maxSockets: inputs.concurrency,
      userAgent: 'pipeline-actions/drift-check',
    });
    const version = await client.version();
    core.info(`Kubernetes ${version} at ${client.connection.server}`);
    const helm = await setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home));
    helm.useKubeconfig(kubeconfig.file);
    core.info(`helm ${helm.version} at ${helm.binary}`);

    const secrets = new Set<string>();
    const render: RenderEnvironment = {
      helm,
      workspace,
      scratch,
      manifest,
      environment: inputs.environment,
      kubectl: inputs.kubectl,
      login,
      caFile: ca?.file,
      entry,
      secrets,
    };
    const results: TargetReport[] = [];
    const errors: unknown[] = [];
    const suppressedByRule = new Map<string, number>();
    for (const target of targets) {
      core.startGroup(`${target.release} in ${target.namespace}`);
      try {
        const result: TargetResult = await checkTarget(target, {
          client,
          render,
          userRules: rules,
          redactor: redactor([...secrets]),
          concurrency: inputs.concurrency,
          remediate: inputs.mode === 'remediate',
        });
        for (const item of result.suppressed)
          suppressedByRule.set(item.rule, (suppressedByRule.get(item.rule) ?? 0) + 1);
        core.info(
          `${result.report.changes.length} differences, ${result.report.ignored.length} ignored`,
        );
        results.push(result.report);
      } catch (error) {
        if (!isUserError(error) && error instanceof Error && error.stack) core.debug(error.stack);
        const message = redactor([...secrets]).scrub(
          errorMessage(error) + (isUserError(error) && error.fix ? ` Fix: ${error.fix}` : ''),
        );
        core.error(`${target.release} in ${target.namespace}: ${message}`);
        errors.push(error);
        results.push({
          release: target.release,
          namespace: target.namespace,
          chart: target.chart,
          status: 'error',
          error: message,
          counts: emptyCounts(),
          changes: [],
          ignored: [],
          unusedRules: [],
        });
      } finally {
        core.endGroup();
      }
    }

    const allRules = [
      ...builtInRules([], '').map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: true })),
      ...rules.map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: false })),
    ];
    const count = results.reduce((total, target) => total + target.changes.length, 0);
    const report: DriftReport = {
      version: 1,
      environment: inputs.environment,
      ...(manifest ? { app: manifest.application.name } : {}),
      generatedAt: new Date().toISOString(),
      status: results.some((target) => target.status === 'error')
        ? 'error'
        : count > 0
          ? 'drifted'
          : 'clean',
      count,
      fingerprint: fingerprint(results),
      targets: results,
      rules: allRules.map((rule) => ({ ...rule, suppressed: suppressedByRule.get(rule.id) ?? 0 })),
      requests: { ...client.counts },
      durationMs: Date.now() - started,
      ...(workflowRunUrl() ? { run: workflowRunUrl() as string } : {}),
    };
    const reportPath = join(
      temp,
      `drift-report-${inputs.environment.replace(/[^\w.-]/g, '_')}.json`,
    );
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return { report, reportPath, errors };
  } finally {
    client?.close();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function readManifest(inputs: Inputs, workspace: string): Promise<AppManifest | undefined> {
  const file = isAbsolute(inputs.manifest) ? inputs.manifest : resolve(workspace, inputs.manifest);
  if (!existsSync(file) && !inputs.manifestExplicit) return undefined;
  return loadManifest(file, { displayPath: inputs.manifest });
}
