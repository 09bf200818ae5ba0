import type { KubeClient, RequestCounts } from '../kube/client.js';
import { objectKey, objectRef, type KubeObject, type ObjectRef } from '../kube/objects.js';
import { compareObject, type Difference } from './compare.js';
import { applyIgnores, builtInRules, type IgnoreRule, type Suppressed } from './ignore.js';
import {
  carriesReleaseLabels,
  kindKey,
  readLive,
  type LiveState,
  type SharedLists,
} from './live.js';
import { releaseWriter } from './managed-fields.js';
import { formatPath } from './paths.js';
import { FIELD_MANAGER, remediate } from './remediate.js';
import type { Redactor } from './redact.js';
import { isRecordObject, type DeployRecord } from '../record/record.js';
import type { HelmStates } from './render.js';
import {
  countByClass,
  reportChange,
  reportIgnored,
  type RecordSummary,
  type TargetReport,
} from './report.js';
import type { Target } from './targets.js';

/**
 * One target, start to end: its desired and deployed states from Helm, its
 * live state from the API server, the three-way comparison, the ignore
 * rules, and (when asked) the restore of what changed in the cluster,
 * checked by reading and comparing again.
 */

export interface CheckDependencies {
  client: KubeClient;
  /** The desired and deployed states of a target (from its record, a render, or helm). */
  states: (target: Target) => Promise<TargetStates>;
  /** LISTs shared by every target of the run. */
  lists?: SharedLists | undefined;
  userRules: readonly IgnoreRule[];
  redactor: Redactor;
  concurrency: number;
  remediate: boolean;
}

/**
 * A target's states and where the desired one came from: `deployed` (Git
 * has not changed since the deploy its record describes, so desired is the
 * deployed manifest: no render), `rendered` (Git changed: rendered now with
 * the record's image), `no-record` (deployed before records: rendered from
 * the drift config, the release read through helm).
 */
export interface TargetStates extends HelmStates {
  basis: 'deployed' | 'rendered' | 'no-record';
  /** How the desired state was rendered (undefined: not rendered). */
  render?: 'client' | 'server' | undefined;
  record?: DeployRecord | undefined;
}

function recordSummary(record: DeployRecord): RecordSummary {
  return {
    app: record.app,
    ...(record.commit ? { commit: record.commit } : {}),
    ...(record.run ? { run: record.run } : {}),
    ...(record.build.version ? { buildVersion: record.build.version } : {}),
    images: record.images.map((image) => `${image.image}@${image.digest}`),
    deployedAt: record.deployedAt,
  };
}

export interface TargetResult {
  report: TargetReport;
  suppressed: Suppressed[];
}

export async function checkTarget(target: Target, deps: CheckDependencies): Promise<TargetResult> {
  const before = { ...deps.client.counts };
  const helm = await deps.states(target);
  const refs = [...helm.desired, ...helm.deployed].map(objectRef);
  let live = await readLive(deps.client, refs, target.namespace, deps.concurrency, deps.lists);
  const deployed = byKey(helm.deployed, target.namespace);
  const compare = (state: LiveState) => {
    const differences = differencesOf(target, helm.desired, deployed, state);
    const rules = [
      ...builtInRules([...state.autoscalers, ...helm.desired], target.namespace),
      ...deps.userRules,
    ];
    return applyIgnores(differences, rules);
  };
  const outcome = compare(live);
  const report: TargetReport = {
    release: target.release,
    namespace: target.namespace,
    chart: helm.chart,
    status: outcome.kept.length > 0 ? 'drifted' : 'clean',
    deployedRevision: helm.revision.revision,
    basis: helm.basis,
    ...(helm.render ? { render: helm.render } : {}),
    ...(helm.record ? { record: recordSummary(helm.record) } : {}),
    counts: countByClass(outcome.kept),
    changes: outcome.kept.map((difference) => reportChange(difference, deps.redactor)),
    ignored: outcome.suppressed.map(reportIgnored),
    unusedRules: outcome.unused,
    objects: {
      desired: helm.desired.length,
      deployed: helm.deployed.length,
      live: live.objects.size,
    },
  };
  if (live.unserved.length > 0) {
    for (const change of report.changes) {
      if (live.unserved.includes(`${change.object.apiVersion} ${change.object.kind}`)) {
        change.note = `the API server does not serve ${change.object.apiVersion} ${change.object.kind} (a CRD removed?)`;
      }
    }
  }
  if (deps.remediate && outcome.kept.some((difference) => restorable(difference))) {
    report.remediation = await remediate(deps.client, {
      release: target.release,
      namespace: target.namespace,
      differences: outcome.kept,
      deployed,
      live: live.objects,
      resources: live.resources,
      concurrency: deps.concurrency,
    });
    live = await readLive(deps.client, refs, target.namespace, deps.concurrency);
    const after = compare(live);
    report.after = {
      counts: countByClass(after.kept),
      changes: after.kept.map((difference) => reportChange(difference, deps.redactor)),
    };
  }
  report.requests = since(before, deps.client.counts);
  return { report, suppressed: outcome.suppressed };
}

function restorable(difference: Difference): boolean {
  return difference.class === 'changed-in-cluster' || difference.class === 'missing-from-cluster';
}

/** Every object in any of its three states, compared. */
function differencesOf(
  target: Target,
  desired: readonly KubeObject[],
  deployed: ReadonlyMap<string, KubeObject>,
  live: LiveState,
): Difference[] {
  const wanted = byKey(desired, target.namespace);
  const keys = new Set([...wanted.keys(), ...deployed.keys()]);
  for (const [key, object] of live.objects) {
    if (isRecordObject(object)) continue;
    if (!keys.has(key) && carriesReleaseLabels(object, target.release, target.namespace))
      keys.add(key);
  }
  const releaseManagers = new Set(['helm', FIELD_MANAGER]);
  for (const key of keys) {
    const writer = releaseWriter(live.objects.get(key));
    if (writer) releaseManagers.add(writer.manager);
  }
  const differences: Difference[] = [];
  for (const key of [...keys].sort()) {
    const object = wanted.get(key) ?? deployed.get(key) ?? live.objects.get(key);
    if (!object) continue;
    const found = compareObject(
      {
        ref: qualified(objectRef(object), live, target.namespace),
        desired: wanted.get(key),
        deployed: deployed.get(key),
        live: live.objects.get(key),
      },
      { releaseManagers },
    );
    // By field, whatever order the chart (or kustomize) wrote them in.
    differences.push(...found.sort((a, b) => formatPath(a.path).localeCompare(formatPath(b.path))));
  }
  return differences;
}

function byKey(objects: readonly KubeObject[], namespace: string): Map<string, KubeObject> {
  return new Map(objects.map((object) => [objectKey(objectRef(object), namespace), object]));
}

/** The namespace filled in for namespaced kinds, dropped for cluster-scoped ones. */
function qualified(ref: ObjectRef, live: LiveState, namespace: string): ObjectRef {
  const resource = live.resources.get(kindKey(ref));
  const { namespace: own, ...rest } = ref;
  return resource && !resource.namespaced ? rest : { ...rest, namespace: own ?? namespace };
}

function since(before: RequestCounts, now: RequestCounts): RequestCounts {
  return {
    discovery: now.discovery - before.discovery,
    list: now.list - before.list,
    apply: now.apply - before.apply,
    patch: now.patch - before.patch,
    total: now.total - before.total,
  };
}
