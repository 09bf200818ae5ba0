import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '../../../src/core.js';
import {
  errorMessage,
  OutageError,
  ToolError,
  TransientError,
  UserError,
} from '../../../src/errors.js';
import { retry } from '../../../src/retry.js';
import type { ReleaseDiff } from '../../../src/deploy/diff.js';
import { checkNamespace, probeCluster } from '../../../src/deploy/cluster.js';
import { prepareKubeconfig } from '../../../src/deploy/kubeconfig.js';
import {
  checkReleaseName,
  deployDescription,
  ensureNotPending,
  pendingGraceSeconds,
  releaseReader,
  type ReleaseReader,
  type Recovery,
} from '../../../src/deploy/release.js';
import {
  environmentNamespace,
  loadManifest,
  type AppManifest,
} from '../../../src/manifest/index.js';
import { readRegistryInputs, scopedAccess } from '../../../src/registry/index.js';
import { secretCutter, secretValuesIn } from '../../../src/report/redact.js';
import { traceAnnotations, workflowRunUrl } from '../../../src/render/annotate.js';
import type { PinnedImage } from '../../../src/render/images.js';
import { findKustomization } from '../../../src/render/kustomize.js';
import { prefetchDigests } from '../../../src/render/registry-pool.js';
import type { PreparedRelease, RenderTarget } from '../../../src/render/release.js';
import { renderValues } from '../../../src/render/values.js';
import { KubeClient } from '../../../src/kube/client.js';
import { loadKubeconfig } from '../../../src/kube/config.js';
import { parseManifestObjects } from '../../../src/kube/manifests.js';
import { objectRef, type KubeObject } from '../../../src/kube/objects.js';
import { isRecordObject, recordLabels } from '../../../src/record/record.js';
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
  /** The diff as text; changes that hold a secret are shown only as changed. */
  diffText: string;
  changed: boolean;
  recovered: { from: HelmRevision; recovery: Recovery } | undefined;
  placeholders: string[];
  /** render-only: the rendered objects. */
  manifest?: string;
}

/**
 * default.json, which an upstream chart deployed with both \`release\` and
 * \`namespace\` does not need: then a missing file is no error (placeholders
 * that need it say so). Otherwise it must be there.
 */
async function optionalManifest(
  inputs: Inputs,
  workspace: string,
): Promise<AppManifest | undefined> {
  const path = resolve(workspace, inputs.manifest);
  if (inputs.release !== undefined && inputs.namespace !== undefined && !existsSync(path)) {
    core.info(
      `No ${inputs.manifest}: deploying release ${inputs.release} into ${inputs.namespace} without it.`,
    );
    return undefined;
  }
  return loadManifest(path, { displayPath: inputs.manifest });
}

export async function deploy(inputs: Inputs): Promise<DeployOutcome> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const base = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(base, { recursive: true });
  const scratch = mkdtempSync(join(base, 'helm-deploy-'));
  const home = HelmHome.create('helm-deploy-home-');
  let prepared: PreparedRelease | undefined;
  let client: KubeClient | undefined;
  // Stops the early API-server check's retries when the step ends without waiting for it.
  const early = new AbortController();
  try {
    // First, so a kubeconfig given as content is masked before anything else runs.
    const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
    const manifest = await optionalManifest(inputs, workspace);
    const release = inputs.release ?? manifest!.application.name;
    const namespace = inputs.namespace ?? environmentNamespace(manifest!, inputs.environment);
    checkReleaseName(release);
    const context = buildPlaceholderContext({
      ...(manifest ? { manifest } : { manifestPath: inputs.manifest }),
      environment: inputs.environment,
      build: {
        ...(inputs.image ? { image: inputs.image } : {}),
        ...(inputs['build-version'] ? { version: inputs['build-version'] } : {}),
      },
      env: process.env,
      buildInputs: { image: 'image', version: 'build-version' },
    });
    const { login: credentials, ca } = readRegistryInputs(inputs, { workspace, scratch });
    const caFile = ca?.file;
    if (inputs['render-only'] && inputs.kubeconfig) {
      throw new UserError('render-only renders without the cluster: it takes no kubeconfig.', {
        fix: 'remove the kubeconfig input; compare the rendered objects in another job (the rendered input).',
      });
    }

    // The cluster's state is read in this process (no kubectl, no helm); only helm writes.
    const cluster = () =>
      (client ??= new KubeClient(loadKubeconfig(kubeconfig.file, process.env, kubeconfig.text), {
        userAgent: 'pipeline-actions/helm-deploy',
        // Every read that can fail the step comes before helm writes.
        consequence: 'nothing was deployed',
      }));
    // The API server is asked while helm is set up and the values are templated; its
    // answer, or its failure, is taken where it always was, so errors keep their order.
    // A step that fails before taking it does not wait out its retries (aborted below).
    const probe =
      inputs['render-only'] || inputs.rendered !== undefined
        ? undefined
        : Promise.resolve().then(() => probeCluster(cluster(), { signal: early.signal }));
    probe?.catch(() => undefined);

    // Every local file is checked before helm is downloaded: a typo in a values file is
    // not hidden behind a download host that cannot be reached.
    const overlay =
      inputs.kustomize && inputs.rendered === undefined
        ? resolveIn(workspace, inputs.kustomize)
        : undefined;
    const values =
      inputs.rendered === undefined
        ? renderValues({ files: inputs.values, set: inputs.set, workspace, context, scratch })
        : undefined;
    if (overlay) findKustomization(overlay);

    const helm = await setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home));
    helm.useKubeconfig(kubeconfig.file);
    core.info(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
    const kubectl = new Kubectl(inputs.kubectl, kubeconfig.file);
    if (inputs.rendered !== undefined) {
      return await compareRendered(helm, cluster(), inputs, {
        release,
        namespace,
        rendered: inputs.rendered,
        secrets: secretCutter([...context.secretValues(), ...secretValuesIn(inputs.set)]),
      });
    }

    const registries = scopedAccess(
      credentials,
      { chart: inputs.chart, image: inputs.image },
      caFile,
    );
    if (values && values.placeholders.length > 0) {
      core.info(`values: filled ${values.placeholders.map((name) => `%%${name}%%`).join(', ')}`);
    }
    // The image's digest, looked up while the cluster and the release are read, for the
    // post-renderer helm starts later (it asks the registry only for what this did not find).
    const digests = inputs['render-only']
      ? undefined
      : prefetchDigests(inputs.image ? [inputs.image] : [], registries, {
          allowMutableTags: inputs['allow-mutable-tags'],
          log: (message) => core.debug(message),
        }).catch(() => ({}));

    if (probe) {
      const server = await probe;
      core.info(`Kubernetes ${server.version} at ${server.url}`);
      await checkNamespace(cluster(), namespace, {
        createNamespace: inputs['create-namespace'],
        dryRun: inputs['dry-run'],
        source: namespaceSource(inputs),
      });
    }

    // Not needed for the requests above: the deploy record (it hashes the chart directory)
    // and the post-renderer helm starts later are prepared once they are out. Their code,
    // the chart's and the diff's are loaded then too: the start carries less of it.
    const [
      { prepareRelease, renderDesired },
      { bundledPostRenderer },
      { resolveChart },
      { deployRecord },
      { diffRelease, formatDiff, withRestored },
    ] = await Promise.all([
      import('../../../src/render/release.js'),
      import('../../../src/render/post-render.js'),
      import('../../../src/render/chart.js'),
      import('../../../src/record/write.js'),
      import('../../../src/deploy/diff.js'),
    ]);
    prepared = prepareRelease({
      helm,
      workspace,
      scratch,
      values: { files: inputs.values, set: inputs.set },
      rendered: values,
      context,
      postRender: {
        ...(overlay ? { kustomize: { overlay, kubectl: inputs.kubectl } } : {}),
        allowMutableTags: inputs['allow-mutable-tags'],
        // render-only renders a pull request, whose image is not published.
        ...(inputs['render-only'] && inputs.image ? { unpublished: [inputs.image] } : {}),
        registries,
        annotations: traceAnnotations(),
        record: deployRecord({
          workspace,
          manifest,
          manifestPath: inputs.manifest,
          environment: inputs.environment,
          release,
          namespace,
          chart: inputs.chart,
          version: inputs['chart-version'],
          repositoryUrl: inputs['repository-url'],
          values: inputs.values,
          set: inputs.set,
          kustomize: inputs.kustomize,
          allowMutableTags: inputs['allow-mutable-tags'],
          image: inputs.image,
          buildVersion: inputs['build-version'],
          run: workflowRunUrl(),
          valuesText: values?.texts,
        }),
      },
      entry: bundledPostRenderer(),
    });
    const chart = await resolveChart(helm, {
      chart: inputs.chart,
      version: inputs['chart-version'],
      appVersion: inputs['app-version'],
      scratch,
      workspace,
      repositoryUrl: inputs['repository-url'],
      credentials,
      caFile,
    });
    core.info(`chart: ${chart.display}`);

    if (inputs['render-only']) {
      // Templates that may come from a pull request: helm template, no cluster.
      const desired = await renderDesired(
        helm,
        { release, namespace, chart: chart.source },
        prepared,
        'client',
      );
      return {
        release,
        namespace,
        chart: chart.display,
        chartVersion: chart.version,
        helmVersion: helm.version,
        recovered: undefined,
        placeholders: prepared.placeholders,
        revision: undefined,
        status: 'rendered',
        dryRun: true,
        images: desired.images,
        diff: diffRelease({
          desired: withoutRecord(desired.objects),
          current: [],
          namespace,
          mode: 'exact',
        }),
        diffText: '',
        changed: false,
        manifest: desired.manifest,
      };
    }

    // A dry run changes nothing, not even a stuck release.
    const recover = inputs['recover-pending'] && !inputs['dry-run'];
    const releases = releaseReader(helm, cluster());
    const { pending, previous } = await currentRelease(
      helm,
      releases,
      inputs,
      release,
      namespace,
      recover,
    );
    const state = pending.state;
    const target = { release, namespace, chart: chart.source };
    // Secret placeholder and `set` values never reach the summary (the runner masks logs, not
    // summaries): the diff hides every change whose value holds one (src/report/redact.ts).
    const secrets = secretCutter([...context.secretValues(), ...secretValuesIn(inputs.set)]);
    const common = {
      release,
      namespace,
      chart: chart.display,
      chartVersion: chart.version,
      helmVersion: helm.version,
      recovered: pending.recovered,
      placeholders: prepared.placeholders,
    };

    const knownDigests = async () => prepared?.postRenderer?.useDigests((await digests) ?? {});
    if (inputs['dry-run']) {
      await knownDigests();
      const desired = await renderDesired(helm, target, prepared, 'server');
      const wanted = withoutRecord(desired.objects);
      const live = await cluster().getObjects(wanted.map(objectRef), namespace);
      const diff = diffRelease({
        desired: wanted,
        current: live,
        previous,
        namespace,
        mode: 'live',
        secrets,
      });
      return {
        ...common,
        revision: state.deployed?.revision ?? state.current?.revision,
        status: 'dry-run',
        dryRun: true,
        images: desired.images,
        diff,
        diffText: formatDiff(diff),
        changed: diff.changed,
      };
    }

    // What runs now, to tell what the deploy sets back (a redeploy of the same Git can restore drift).
    const liveBefore =
      previous.length > 0 ? await cluster().getObjects(previous.map(objectRef), namespace) : [];
    await knownDigests();
    const upgraded = await upgrade(helm, kubectl, releases, prepared, {
      target,
      inputs,
      namespace,
      release,
      previous,
      before: state.current,
      service: cluster().service,
    });
    const applied = withoutRecord(parseManifestObjects(upgraded.manifest, 'the deployed release'));
    const diff = withRestored(
      diffRelease({ desired: applied, current: previous, namespace, mode: 'exact', secrets }),
      { applied, previous, live: liveBefore, namespace, secrets },
    );
    return {
      ...common,
      revision: upgraded.revision,
      status: upgraded.status,
      dryRun: false,
      images: prepared.postRenderer?.report()?.images ?? [],
      diff,
      diffText: formatDiff(diff),
      changed: diff.changed,
    };
  } finally {
    early.abort();
    client?.close();
    prepared?.dispose();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The release as it stands (refusing, or recovering, a pending one) and its deployed objects. */
async function currentRelease(
  helm: Helm,
  releases: ReleaseReader,
  inputs: Inputs,
  release: string,
  namespace: string,
  recover: boolean,
) {
  const pending = await ensureNotPending(helm, releases, {
    release,
    namespace,
    recover,
    graceSeconds: pendingGraceSeconds(inputs.timeout, inputs['recover-pending-after']),
    timeoutSeconds: inputs.timeout,
  });
  const current = pending.state.current;
  const manifest = current
    ? await releases.manifest(release, namespace, current.revision)
    : undefined;
  // The deploy record is ours, not the chart's: no diff shows it.
  const previous = manifest
    ? withoutRecord(parseManifestObjects(manifest, 'the current release'))
    : [];
  return { pending, previous };
}

/**
 * A dry run of objects rendered in another job (render-only): they are
 * compared with the live objects and the deployed release; no chart and no
 * template runs here, so a job with cluster credentials runs no code from a
 * pull request.
 */
async function compareRendered(
  helm: Helm,
  client: KubeClient,
  inputs: Inputs,
  given: {
    release: string;
    namespace: string;
    rendered: string;
    secrets: ReturnType<typeof secretCutter>;
  },
): Promise<DeployOutcome> {
  const { release, namespace } = given;
  if (!inputs['dry-run']) {
    throw new UserError('The rendered input only works with dry-run: true.', {
      fix: 'set dry-run: true; a deploy renders the chart itself.',
    });
  }
  const server = await probeCluster(client);
  core.info(`Kubernetes ${server.version} at ${server.url}`);
  const { diffRelease, formatDiff } = await import('../../../src/deploy/diff.js');
  const desired = withoutRecord(parseManifestObjects(given.rendered, 'the rendered input'));
  const { pending, previous } = await currentRelease(
    helm,
    releaseReader(helm, client),
    inputs,
    release,
    namespace,
    false,
  );
  const state = pending.state;
  const live = await client.getObjects(desired.map(objectRef), namespace);
  const diff = diffRelease({
    desired,
    current: live,
    previous,
    namespace,
    mode: 'live',
    secrets: given.secrets,
  });
  return {
    release,
    namespace,
    chart: '(rendered in another job)',
    chartVersion: undefined,
    helmVersion: helm.version,
    recovered: undefined,
    placeholders: [],
    revision: state.deployed?.revision ?? state.current?.revision,
    status: 'dry-run',
    dryRun: true,
    images: [],
    diff,
    diffText: formatDiff(diff),
    changed: diff.changed,
  };
}

interface UpgradeContext {
  target: RenderTarget;
  inputs: Inputs;
  namespace: string;
  release: string;
  previous: KubeObject[];
  /** The release's latest revision before the upgrade (undefined: none yet). */
  before: HelmRevision | undefined;
  /** The API server, in words (KubeClient.service). */
  service: string;
}

/** Attempts of an upgrade that an outage stopped before helm wrote anything (client-go retried within each). */
const UPGRADE_ATTEMPTS = 3;

async function upgrade(
  helm: Helm,
  kubectl: Kubectl,
  releases: ReleaseReader,
  prepared: PreparedRelease,
  context: UpgradeContext,
) {
  const { inputs, namespace, release } = context;
  const postRenderer = prepared.postRenderer;
  if (!postRenderer) throw new Error('The post-renderer was not installed for helm.');
  const [{ describeReleaseState, ReadinessWatch }, { supportsReleaseLabels }] = await Promise.all([
    import('../../../src/deploy/failure.js'),
    import('../../../src/record/write.js'),
  ]);
  const watch = new ReadinessWatch(kubectl, namespace, () => postRenderer.report()?.objects);
  if (inputs.wait || inputs.atomic) watch.start();
  const started = new Date();
  const request = {
    ...context.target,
    valuesFiles: prepared.valuesFiles,
    wait: inputs.wait,
    timeoutSeconds: inputs.timeout,
    atomic: inputs.atomic,
    createNamespace: inputs['create-namespace'],
    description: deployDescription(),
    labels:
      supportsReleaseLabels(helm.version) && prepared.config.record
        ? recordLabels(prepared.config.record)
        : undefined,
    postRenderer,
  };
  try {
    // An outage that stopped helm before it wrote a revision leaves the
    // release as it was: the upgrade runs again (bounded), and if the outage
    // outlasts it, nothing was deployed. Once helm wrote one, it is not
    // repeated: the message says what the release was left in.
    const result = await retry(
      async () => {
        postRenderer.resetReport();
        try {
          return await helm.upgradeInstall(request);
        } catch (error) {
          if (!(error instanceof TransientError)) throw error;
          const history = await releases.history(release, namespace).catch((readError) => {
            throw new OutageError(context.service, errorMessage(error), {
              consequence: `what helm left could not be read back (${readError instanceof OutageError ? readError.reason : errorMessage(readError)}): see \`helm history ${release} -n ${namespace}\` once it answers`,
              cause: error,
            });
          });
          if (sameRevision(history.at(-1), context.before)) throw error;
          throw new OutageError(context.service, errorMessage(error), {
            consequence: describeReleaseState(history, release),
            cause: error,
          });
        }
      },
      {
        attempts: UPGRADE_ATTEMPTS,
        baseDelayMs: 1000,
        maxDelayMs: 5000,
        isRetryable: (error) => error instanceof TransientError,
        service: context.service,
        consequence: 'nothing was deployed',
        onRetry: (error, attempt, delayMs) =>
          core.warning(
            `helm upgrade stopped before it wrote a revision (attempt ${attempt}): ${errorMessage(error)}; retrying in ${delayMs} ms`,
          ),
      },
    );
    core.info(
      `release ${release} revision ${result.revision}: ${result.status} (${result.description})`,
    );
    return result;
  } catch (error) {
    await watch.stop();
    const rendered = postRenderer.failure();
    if (rendered) throw rendered;
    if (!(error instanceof ToolError)) throw error;
    const { explainFailure } = await import('../../../src/deploy/explain.js');
    throw await explainFailure(releases, kubectl, {
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

/** The same revision in the same state: helm wrote nothing. */
function sameRevision(a: HelmRevision | undefined, b: HelmRevision | undefined): boolean {
  return a?.revision === b?.revision && a?.status === b?.status;
}

/** Where the namespace came from, for messages. */
function namespaceSource(inputs: Inputs): string {
  if (inputs.namespace !== undefined) return 'input "namespace"';
  return `from ${inputs.manifest} for environment ${inputs.environment}`;
}

function resolveIn(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}

function withoutRecord(objects: KubeObject[]): KubeObject[] {
  return objects.filter((object) => !isRecordObject(object));
}
