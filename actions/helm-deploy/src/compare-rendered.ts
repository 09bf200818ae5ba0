import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import { probeCluster } from '../../../src/deploy/cluster.js';
import { releaseReader } from '../../../src/deploy/release.js';
import type { KubeClient } from '../../../src/kube/client.js';
import { parseManifestObjects } from '../../../src/kube/manifests.js';
import { objectRef } from '../../../src/kube/objects.js';
import type { secretCutter } from '../../../src/report/redact.js';
import type { Helm } from '../../../src/tools/helm.js';
import type { Inputs } from './inputs.js';
import type { DeployOutcome } from './outcome.js';
import { currentRelease, withoutRecord } from './release-state.js';

/**
 * A dry run of objects rendered in another job (render-only): they are
 * compared with the live objects and the deployed release; no chart and no
 * template runs here, so a job with cluster credentials runs no code from a
 * pull request.
 */
export async function compareRendered(
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
