import * as core from '../../../src/core.js';
import { errorMessage, OutageError, ToolError, TransientError } from '../../../src/errors.js';
import { retry } from '../../../src/retry.js';
import { deployDescription, type ReleaseReader } from '../../../src/deploy/release.js';
import type { KubeObject } from '../../../src/kube/objects.js';
import { recordLabels } from '../../../src/record/record.js';
import type { PreparedRelease, RenderTarget } from '../../../src/render/release.js';
import type { Helm, HelmRevision } from '../../../src/tools/helm.js';
import type { Kubectl } from '../../../src/tools/kubectl.js';
import type { Inputs } from './inputs.js';

export interface UpgradeContext {
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

/**
 * helm upgrade --install of the prepared release, its objects' readiness
 * watched while helm waits. A failure is explained from what the cluster
 * shows (src/deploy/explain.ts); one the post-renderer met is its own.
 */
export async function upgrade(
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
