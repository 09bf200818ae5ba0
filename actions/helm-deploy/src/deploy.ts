import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { errorMessage, ToolError, TransientError, UserError } from '../../../src/errors.js';
import {
  diffRelease,
  formatDiff,
  withRestored,
  type ReleaseDiff,
} from '../../../src/deploy/diff.js';
import {
  describeReleaseState,
  ReadinessWatch,
  recentEvents,
  sampleReadiness,
  type FailureReport,
} from '../../../src/deploy/failure.js';
import { prepareKubeconfig } from '../../../src/deploy/kubeconfig.js';
import { ensureNotPending, readRelease, type Recovery } from '../../../src/deploy/release.js';
import { environmentNamespace, loadManifest } from '../../../src/manifest/index.js';
import { readRegistryInputs, scopedAccess } from '../../../src/registry/index.js';
import { secretCutter } from '../../../src/report/redact.js';
import {
  findKustomization,
  prepareRelease,
  renderDesired,
  resolveChart,
  traceAnnotations,
  workflowRunUrl,
  type PinnedImage,
  type PostRendererEntry,
  type PreparedRelease,
  type RenderTarget,
} from '../../../src/render/index.js';
import { parseManifestObjects } from '../../../src/kube/manifests.js';
import { objectRef, type KubeObject } from '../../../src/kube/objects.js';
import { retry } from '../../../src/retry.js';
import { buildPlaceholderContext } from '../../../src/template/index.js';
import {
  HelmHome,
  helmSetupOptions,
  helmSourceOf,
  setupHelm,
  type Helm,
  type HelmRevision,
} from '../../../src/tools/helm.js';
import { Kubectl } from '../../../src/tools/kubectl.js';
import type { Inputs } from './inputs.js';

/**
 * The helm-deploy stage. Everything that can be checked before the cluster
 * changes is checked first (default.json, every placeholder, the kubeconfig,
 * the API server, the chart version, a pending release); then helm upgrades
 * through the post-renderer (kustomize, pinned digests, annotations) and the
 * outcome, or the reason it failed, is reported.
 */

export interface DeployOutcome {
  release: string;
  namespace: string;
  /** The revision after the deploy; for a dry run the one serving now (undefined: no release yet). */
  revision: number | undefined;
  status: string;
  dryRun: boolean;
  chart: string;
  chartVersion: string | undefined;
  helmVersion: string;
  images: PinnedImage[];
  diff: ReleaseDiff;
  /** The diff as text, secrets redacted. */
  diffText: string;
  changed: boolean;
  recovered: { from: HelmRevision; recovery: Recovery } | undefined;
  placeholders: string[];
}

/** A deploy that reached the cluster and failed: what was not ready, the events, the release's state. */
export class DeployFailed extends UserError {
  override readonly name = 'DeployFailed';

  constructor(
    message: string,
    readonly release: string,
    readonly namespace: string,
    readonly report: FailureReport,
    readonly releaseState: string,
    readonly images: PinnedImage[],
    readonly helmError: string,
  ) {
    super(message, {
      fix: 'see the job summary for the resources that did not become ready and their events; fix the cause and deploy again.',
    });
  }
}

/**
 * How long a pending release may be another deploy at work: its upgrade
 * (the wait, and hooks, each up to the timeout) and, when atomic, its
 * rollback. Unknown for certain, so generous by default.
 */
export function pendingGraceSeconds(timeoutSeconds: number, given: number | undefined): number {
  return given ?? 2 * timeoutSeconds + 60;
}

export async function deploy(inputs: Inputs, entry: PostRendererEntry): Promise<DeployOutcome> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const base = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(base, { recursive: true });
  const scratch = mkdtempSync(join(base, 'helm-deploy-'));
  const home = HelmHome.create('helm-deploy-home-');
  let prepared: PreparedRelease | undefined;
  try {
    // First, so a kubeconfig given as content is masked before anything else runs.
    const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
    const manifest = await loadManifest(resolve(workspace, inputs.manifest), {
      displayPath: inputs.manifest,
    });
    const release = inputs.release ?? manifest.application.name;
    const namespace = inputs.namespace ?? environmentNamespace(manifest, inputs.environment);
    checkReleaseName(release);
    const context = buildPlaceholderContext({
      manifest,
      environment: inputs.environment,
      build: {
        ...(inputs.image ? { image: inputs.image } : {}),
        ...(inputs['build-version'] ? { version: inputs['build-version'] } : {}),
      },
      env: process.env,
    });
    const { login: credentials, ca } = readRegistryInputs(inputs, { workspace, scratch });
    const caFile = ca?.file;

    const helm = await setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home));
    helm.useKubeconfig(kubeconfig.file);
    core.info(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
    const kubectl = new Kubectl(inputs.kubectl, kubeconfig.file);

    const overlay = inputs.kustomize ? resolveIn(workspace, inputs.kustomize) : undefined;
    if (overlay) findKustomization(overlay);
    prepared = prepareRelease({
      helm,
      workspace,
      scratch,
      values: { files: inputs.values, set: inputs.set },
      context,
      postRender: {
        ...(overlay ? { kustomize: { overlay, kubectl: inputs.kubectl } } : {}),
        allowMutableTags: inputs['allow-mutable-tags'],
        registries: scopedAccess(credentials, { chart: inputs.chart, image: inputs.image }, caFile),
        annotations: traceAnnotations(),
      },
      entry,
    });
    if (prepared.placeholders.length > 0) {
      core.info(`values: filled ${prepared.placeholders.map((name) => `%%${name}%%`).join(', ')}`);
    }

    const server = await probeCluster(kubectl);
    core.info(`Kubernetes ${server.version} at ${server.url ?? '(kubeconfig default)'}`);

    const chart = await resolveChart(helm, {
      chart: inputs.chart,
      version: inputs['chart-version'],
      workspace,
      repositoryUrl: inputs['repository-url'],
      credentials,
      caFile,
    });
    core.info(`chart: ${chart.display}`);

    const pending = await ensureNotPending(helm, {
      release,
      namespace,
      // A dry run changes nothing, not even a stuck release.
      recover: inputs['recover-pending'] && !inputs['dry-run'],
      graceSeconds: pendingGraceSeconds(inputs.timeout, inputs['recover-pending-after']),
      timeoutSeconds: inputs.timeout,
    });
    const state = pending.state;
    const previousManifest = state.current ? await helm.getManifest(release, namespace) : undefined;
    const previous = previousManifest
      ? parseManifestObjects(previousManifest, 'the current release')
      : [];
    const target = { release, namespace, chart: chart.source };
    // Secret placeholder values never reach the summary (the runner masks logs, not summaries).
    const secrets = secretCutter(context.secretValues());
    const common = {
      release,
      namespace,
      chart: chart.display,
      chartVersion: chart.version,
      helmVersion: helm.version,
      recovered: pending.recovered,
      placeholders: prepared.placeholders,
    };

    if (inputs['dry-run']) {
      const desired = await renderDesired(helm, target, prepared, 'server');
      const live = await kubectl.getObjects(desired.objects.map(objectRef), namespace);
      const diff = diffRelease({
        desired: desired.objects,
        current: live,
        previous,
        namespace,
        mode: 'live',
      });
      return {
        ...common,
        revision: state.deployed?.revision ?? state.current?.revision,
        status: 'dry-run',
        dryRun: true,
        images: desired.images,
        diff,
        diffText: secrets.cut(formatDiff(diff)),
        changed: diff.changed,
      };
    }

    // What runs now, to tell what the deploy sets back (a redeploy of the same Git can restore drift).
    const liveBefore =
      previous.length > 0 ? await kubectl.getObjects(previous.map(objectRef), namespace) : [];
    const upgraded = await upgrade(helm, kubectl, prepared, {
      target,
      inputs,
      namespace,
      release,
      previous,
    });
    const applied = parseManifestObjects(upgraded.manifest, 'the deployed release');
    const diff = withRestored(
      diffRelease({ desired: applied, current: previous, namespace, mode: 'exact' }),
      { applied, previous, live: liveBefore, namespace },
    );
    return {
      ...common,
      revision: upgraded.revision,
      status: upgraded.status,
      dryRun: false,
      images: prepared.postRenderer?.report()?.images ?? [],
      diff,
      diffText: secrets.cut(formatDiff(diff)),
      changed: diff.changed,
    };
  } finally {
    prepared?.dispose();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface UpgradeContext {
  target: RenderTarget;
  inputs: Inputs;
  namespace: string;
  release: string;
  previous: KubeObject[];
}

async function upgrade(
  helm: Helm,
  kubectl: Kubectl,
  prepared: PreparedRelease,
  context: UpgradeContext,
) {
  const { inputs, namespace, release } = context;
  const postRenderer = prepared.postRenderer;
  if (!postRenderer) throw new Error('The post-renderer was not installed for helm.');
  postRenderer.resetReport();
  const watch = new ReadinessWatch(kubectl, namespace, () => postRenderer.report()?.objects);
  if (inputs.wait || inputs.atomic) watch.start();
  const started = new Date();
  try {
    const result = await helm.upgradeInstall({
      ...context.target,
      valuesFiles: prepared.valuesFiles,
      wait: inputs.wait,
      timeoutSeconds: inputs.timeout,
      atomic: inputs.atomic,
      createNamespace: inputs['create-namespace'],
      description: deployDescription(),
      postRenderer,
    });
    core.info(
      `release ${release} revision ${result.revision}: ${result.status} (${result.description})`,
    );
    return result;
  } catch (error) {
    await watch.stop();
    const rendered = postRenderer.failure();
    if (rendered) throw rendered;
    if (!(error instanceof ToolError)) throw error;
    throw await explainFailure(helm, kubectl, {
      error,
      release,
      namespace,
      started,
      watch,
      objects: postRenderer.report()?.objects ?? [],
      images: postRenderer.report()?.images ?? [],
    });
  } finally {
    await watch.stop();
  }
}

async function explainFailure(
  helm: Helm,
  kubectl: Kubectl,
  failure: {
    error: ToolError;
    release: string;
    namespace: string;
    started: Date;
    watch: ReadinessWatch;
    objects: { apiVersion: string; kind: string; name: string; namespace?: string }[];
    images: PinnedImage[];
  },
): Promise<DeployFailed> {
  const { release, namespace } = failure;
  const helmError = helmErrorLine(failure.error.stderr);
  let notReady = failure.watch.notReady();
  const report: FailureReport = { notReady: [], events: [] };
  let releaseState = '';
  try {
    if (notReady.length === 0)
      notReady = await sampleReadiness(kubectl, failure.objects, namespace);
    report.notReady = notReady;
    // The events of what was not ready, when that is known; else of every object of the release.
    const objects = notReady.length > 0 ? notReady.map((item) => item.ref) : failure.objects;
    report.events = await recentEvents(kubectl, namespace, objects, failure.started);
    releaseState = describeReleaseState(
      (await readRelease(helm, release, namespace)).history,
      release,
    );
  } catch (error) {
    core.warning(`Could not collect everything about the failure: ${errorMessage(error)}`);
  }
  const notReadyText =
    notReady.length > 0
      ? ` Not ready: ${notReady
          .map(
            (item) =>
              `${item.ref.kind}/${item.ref.name} (${item.state}${item.reasons[0] ? `; ${item.reasons[0]}` : ''})`,
          )
          .join(', ')}.`
      : '';
  const message = `The deploy of release ${release} to ${namespace} failed: ${helmError}.${notReadyText}${releaseState ? ` ${releaseState}` : ''}`;
  return new DeployFailed(
    message,
    release,
    namespace,
    report,
    releaseState,
    failure.images,
    helmError,
  );
}

/** The line of helm's output that says what went wrong. */
export function helmErrorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const error =
    [...lines].reverse().find((line) => line.startsWith('Error:')) ??
    lines[lines.length - 1] ??
    'helm failed';
  return error.replace(/^Error:\s*/, '').replace(/\.$/, '');
}

/** The API server answers, or a UserError that names it. */
async function probeCluster(
  kubectl: Kubectl,
): Promise<{ version: string; url: string | undefined }> {
  const url = await kubectl.server();
  try {
    const version = await retry(() => kubectl.serverVersion(10), {
      attempts: 3,
      baseDelayMs: 1000,
      onRetry: (error, attempt) =>
        core.info(`API server not reachable (attempt ${attempt}): ${errorMessage(error)}`),
    });
    return { version, url };
  } catch (error) {
    if (error instanceof TransientError) {
      throw new UserError(/[.?!]$/.test(error.message) ? error.message : `${error.message}.`, {
        fix: `check the kubeconfig's server address${url ? ` (${url})` : ''} and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).`,
        cause: error,
      });
    }
    throw error;
  }
}

function deployDescription(): string {
  const sha = process.env.GITHUB_SHA?.slice(0, 12);
  const actor = process.env.GITHUB_ACTOR;
  const run = workflowRunUrl();
  return ['helm-deploy', sha ? `of ${sha}` : '', actor ? `by ${actor}` : '', run ? `(${run})` : '']
    .filter((part) => part !== '')
    .join(' ');
}

function checkReleaseName(release: string): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53) {
    throw new UserError(
      `Release name "${release}" is not valid: helm takes lowercase letters, digits and "-", at most 53 characters.`,
      { fix: 'set the `release` input, or fix application.name in default.json.' },
    );
  }
}

function resolveIn(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
