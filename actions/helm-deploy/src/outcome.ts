import type { ReleaseDiff } from '../../../src/deploy/diff.js';
import type { Recovery } from '../../../src/deploy/release.js';
import type { KubeClient } from '../../../src/kube/client.js';
import { parseManifestObjects } from '../../../src/kube/manifests.js';
import { objectRef, type KubeObject } from '../../../src/kube/objects.js';
import type { PinnedImage } from '../../../src/render/images.js';
import type { PreparedRelease, RenderTarget } from '../../../src/render/release.js';
import type { Cutter } from '../../../src/report/redact.js';
import type { Helm, HelmRelease, HelmRevision } from '../../../src/tools/helm.js';
import type { DeployModules } from './prepare.js';
import { withoutRecord } from './release-state.js';

/** What the stage did (or, for a dry run, would do) to the release. */
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

/** The fields every outcome of a rendered chart shares. */
type Common = Pick<
  DeployOutcome,
  'release' | 'namespace' | 'chart' | 'chartVersion' | 'helmVersion' | 'recovered' | 'placeholders'
>;

/** render-only: the chart's objects from helm template, no cluster. */
export async function renderOnlyOutcome(
  modules: DeployModules,
  helm: Helm,
  prepared: PreparedRelease,
  target: RenderTarget,
  common: Common,
): Promise<DeployOutcome> {
  // Templates that may come from a pull request: helm template, no cluster.
  const desired = await modules.renderDesired(helm, target, prepared, 'client');
  return {
    ...common,
    revision: undefined,
    status: 'rendered',
    dryRun: true,
    images: desired.images,
    diff: modules.diffRelease({
      desired: withoutRecord(desired.objects),
      current: [],
      namespace: target.namespace,
      mode: 'exact',
    }),
    diffText: '',
    changed: false,
    manifest: desired.manifest,
  };
}

/** A dry run: the objects the API server would accept, compared with the live ones. */
export async function dryRunOutcome(
  modules: DeployModules,
  helm: Helm,
  prepared: PreparedRelease,
  client: KubeClient,
  given: {
    target: RenderTarget;
    common: Common;
    previous: KubeObject[];
    revision: number | undefined;
    secrets: Cutter;
  },
): Promise<DeployOutcome> {
  const { namespace } = given.target;
  const desired = await modules.renderDesired(helm, given.target, prepared, 'server');
  const wanted = withoutRecord(desired.objects);
  const live = await client.getObjects(wanted.map(objectRef), namespace);
  const diff = modules.diffRelease({
    desired: wanted,
    current: live,
    previous: given.previous,
    namespace,
    mode: 'live',
    secrets: given.secrets,
  });
  return {
    ...given.common,
    revision: given.revision,
    status: 'dry-run',
    dryRun: true,
    images: desired.images,
    diff,
    diffText: modules.formatDiff(diff),
    changed: diff.changed,
  };
}

/** After the upgrade: what changed from the release before, and what it set back in the live objects. */
export function deployedOutcome(
  modules: DeployModules,
  prepared: PreparedRelease,
  given: {
    upgraded: HelmRelease;
    common: Common;
    namespace: string;
    previous: KubeObject[];
    liveBefore: KubeObject[];
    secrets: Cutter;
  },
): DeployOutcome {
  const { namespace, previous, secrets } = given;
  const applied = withoutRecord(
    parseManifestObjects(given.upgraded.manifest, 'the deployed release'),
  );
  const diff = modules.withRestored(
    modules.diffRelease({ desired: applied, current: previous, namespace, mode: 'exact', secrets }),
    { applied, previous, live: given.liveBefore, namespace, secrets },
  );
  return {
    ...given.common,
    revision: given.upgraded.revision,
    status: given.upgraded.status,
    dryRun: false,
    images: prepared.postRenderer?.report()?.images ?? [],
    diff,
    diffText: modules.formatDiff(diff),
    changed: diff.changed,
  };
}
