import * as core from '../core.js';
import { errorMessage, UserError, type ToolError } from '../errors.js';
import type { PinnedImage } from '../render/images.js';
import type { Kubectl } from '../tools/kubectl.js';
import {
  describeReleaseState,
  recentEvents,
  sampleReadiness,
  type FailureReport,
  type ReadinessWatch,
} from './failure.js';
import { readRelease, type ReleaseReader } from './release.js';

/**
 * A deploy that helm reported as failed, explained in one message: helm's
 * own error line, what was not ready (from the watch, or sampled now), the
 * recent events of those objects, and the state the release was left in.
 */

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

/** Everything known about a failed upgrade, gathered into a DeployFailed (never throws itself). */
export async function explainFailure(
  releases: ReleaseReader,
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
      (await readRelease(releases, release, namespace)).history,
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
