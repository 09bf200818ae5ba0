import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '../../../src/core.js';
import { errorMessage, isUserError } from '../../../src/errors.js';
import { prepareKubeconfig } from '../../../src/deploy/kubeconfig.js';
import { checkTarget } from '../../../src/drift/check.js';
import { SharedLists } from '../../../src/drift/live.js';
import { parseShard, planTargets, type PlannedTarget } from '../../../src/drift/plan.js';
import { slots, targetStates } from '../../../src/drift/states.js';
import { ReleaseStorage, storageDriver } from '../../../src/release/storage.js';
import { mapSettled } from '../../../src/limit.js';
import { builtInRules, userRule, type IgnoreRule } from '../../../src/drift/ignore.js';
import { redactor } from '../../../src/drift/redact.js';
import { DesiredRenderer } from '../../../src/drift/render.js';
import { appKey, appKeyText } from '../../../src/record/app-key.js';
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
import { workflowRunUrl } from '../../../src/render/index.js';
import { readRegistryInputs } from '../../../src/registry/index.js';
import { buildPlaceholderContext } from '../../../src/template/index.js';
import {
  HelmHome,
  helmSetupOptions,
  helmSourceOf,
  setupHelm,
  type Helm,
} from '../../../src/tools/helm.js';
import type { Inputs } from './inputs.js';
import { peakRssBytes } from '../../../src/peak-rss.js';

/**
 * The drift check of one environment: every input checked before the
 * cluster is asked anything (config, default.json, placeholders, the
 * kubeconfig), the API server probed, then each target compared (and
 * restored, in remediate mode) one after another. A target that cannot be
 * checked is an error of the whole run, never "no drift".
 */

/**
 * helm processes rendering at once: a `helm template` is short and mostly
 * CPU, so a few more than the runner's two cores keep both busy while
 * processes start and the in-process chain runs.
 */
const RENDERS_AT_ONCE = 4;

export interface Checked {
  report: DriftReport;
  reportPath: string;
  /** Why targets could not be checked (their reports say it too). */
  errors: unknown[];
}

export async function checkEnvironment(inputs: Inputs): Promise<Checked> {
  const started = Date.now();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const temp = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(temp, { recursive: true });
  const scratch = mkdtempSync(join(temp, 'drift-check-'));
  const home = HelmHome.create('drift-check-home-');
  let client: KubeClient | undefined;
  let renderer: DesiredRenderer | undefined;
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
      optional: true,
    });
    const configured = config.configured
      ? selectTargets(config, inputs.environment, manifest)
      : undefined;
    const rules: IgnoreRule[] = config.ignore.map((rule) => userRule(rule.id, rule.spec));
    const { login, ca } = readRegistryInputs(inputs, { workspace, scratch });
    const shard = parseShard(inputs.shard);
    const driver = storageDriver();

    client = new KubeClient(loadKubeconfig(kubeconfig.file, process.env, kubeconfig.text), {
      maxSockets: inputs.concurrency,
      userAgent: 'pipeline-actions/drift-check',
      consequence: 'no drift verdict was given',
    });
    const version = await client.version();
    core.info(`Kubernetes ${version} at ${client.connection.server}`);
    const planned = await planTargets({
      storage: new ReleaseStorage(client, driver),
      environment: inputs.environment,
      workspace,
      manifest,
      manifestPath: inputs.manifest,
      configured,
      shard,
      concurrency: inputs.concurrency,
      repository: process.env.GITHUB_REPOSITORY || undefined,
    });
    core.info(
      `${planned.length} release${planned.length === 1 ? '' : 's'} to check${config.configured ? ` (from ${config.source})` : ' (found by their deploy records)'}${shard ? `, shard ${shard.index}/${shard.count}` : ''}`,
    );

    // helm starts only when a release must be rendered (Git changed, or no record).
    let helm: Promise<Helm> | undefined;
    const startHelm = () => {
      helm ??= setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home)).then((started) => {
        started.useKubeconfig(kubeconfig.file);
        core.info(`helm ${started.version} at ${started.binary}`);
        return started;
      });
      return helm;
    };
    // Every render's helm shares one discovery cache.
    process.env.KUBECACHEDIR ??= join(scratch, 'kube-cache');

    const secrets = new Set<string>();
    const kube = client;
    renderer = new DesiredRenderer({
      helm: startHelm,
      capabilities: () => kube.capabilities(),
      workspace,
      scratch,
      manifest,
      environment: inputs.environment,
      kubectl: inputs.kubectl,
      login,
      caFile: ca?.file,
      secrets,
    });
    const statesEnv = {
      renderer,
      workspace,
      environment: inputs.environment,
      manifest,
      manifestPath: inputs.manifest,
      renderSlot: slots(Math.min(RENDERS_AT_ONCE, inputs.concurrency)),
    };
    const byTarget = new Map(planned.map((item) => [item.target, item]));
    const lists = new SharedLists(client);
    const suppressedByRule = new Map<string, number>();
    // Targets still to check per namespace: a namespace's LISTs are dropped after its last one.
    const pending = new Map<string, number>();
    for (const { target } of planned)
      pending.set(target.namespace, (pending.get(target.namespace) ?? 0) + 1);
    const outcomes = await mapSettled(planned, inputs.concurrency, async (item) => {
      try {
        const result = await checkTarget(item.target, {
          client: kube,
          states: (target) => targetStates(byTarget.get(target) ?? item, statesEnv),
          lists,
          userRules: rules,
          redactor: redactor(secrets),
          concurrency: inputs.concurrency,
          remediate: inputs.mode === 'remediate',
        });
        // Only the counts of what was ignored are kept: the differences hold parts of live objects.
        for (const { rule } of result.suppressed)
          suppressedByRule.set(rule, (suppressedByRule.get(rule) ?? 0) + 1);
        return result.report;
      } finally {
        // Its stored release (the compressed manifest) is not needed any more.
        item.state = undefined;
        const left = (pending.get(item.target.namespace) ?? 1) - 1;
        pending.set(item.target.namespace, left);
        if (left === 0) lists.forget(item.target.namespace);
      }
    });
    const results: TargetReport[] = [];
    const errors: unknown[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const { target } = planned[index] as PlannedTarget;
      const name = `${target.release} in ${target.namespace}`;
      if (outcome.status === 'fulfilled') {
        const report = outcome.value;
        core.info(
          `${name}: ${report.changes.length} differences, ${report.ignored.length} ignored (${describeBasis(report)})`,
        );
        results.push(report);
        continue;
      }
      const error = outcome.reason;
      if (!isUserError(error) && error instanceof Error && error.stack) core.debug(error.stack);
      const message = redactor(secrets).scrub(
        errorMessage(error) + (isUserError(error) && error.fix ? ` Fix: ${error.fix}` : ''),
      );
      core.error(`${name}: ${message}`);
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
    }

    const allRules = [
      ...builtInRules([], '').map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: true })),
      ...rules.map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: false })),
    ];
    const count = results.reduce((total, target) => total + target.changes.length, 0);
    const report: DriftReport = {
      version: 1,
      environment: inputs.environment,
      ...(manifest
        ? { app: appKeyText(appKey(manifest.application.name, workspace, inputs.manifest)) }
        : {}),
      ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
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
      peakRssBytes: peakRssBytes(),
      ...(workflowRunUrl() ? { run: workflowRunUrl() as string } : {}),
    };
    const reportPath = join(
      temp,
      `drift-report-${inputs.environment.replace(/[^\w.-]/g, '_')}.json`,
    );
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return { report, reportPath, errors };
  } finally {
    renderer?.close();
    client?.close();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function describeBasis(report: TargetReport): string {
  if (report.basis === 'deployed') return 'Git unchanged since the recorded deploy: no render';
  if (report.basis === 'rendered') return 'Git changed since the recorded deploy: rendered';
  return 'no deploy record: rendered from the drift config';
}

async function readManifest(inputs: Inputs, workspace: string): Promise<AppManifest | undefined> {
  const file = isAbsolute(inputs.manifest) ? inputs.manifest : resolve(workspace, inputs.manifest);
  if (!existsSync(file) && !inputs.manifestExplicit) return undefined;
  return loadManifest(file, { displayPath: inputs.manifest });
}
