import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { parseManifestObjects } from '../kube/manifests.js';
import type { KubeObject } from '../kube/objects.js';
import { environmentNamespace, loadManifest } from '../manifest/index.js';
import type { AppManifest } from '../manifest/types.js';
import {
  findRecord,
  isLabelValue,
  isRecordObject,
  RECORD_LABELS,
  RECORD_OBJECT_LABEL,
  type DeployRecord,
} from '../record/record.js';
import { appKey } from '../record/app-key.js';
import { requestHash } from '../record/request.js';
import { mapSettled } from '../limit.js';
import {
  releaseStates,
  type ReleaseState,
  type ReleaseStorage,
  type StoredRevision,
} from '../release/storage.js';
import type { Target } from './targets.js';

/**
 * What drift-check checks, found in the cluster: Helm's release storage is
 * read with one LIST per namespace (every target of that namespace shares
 * it), each release's last deployed revision is decoded in process, and its
 * deploy record says what the release is and how Git asked for it.
 *
 * - With `.github/drift.yml` (or the targets input), its targets are
 *   checked; a record, when the release has one, supplies the build
 *   context (image, build version) Git does not know.
 * - Without it (zero configuration), the releases of this repository's app
 *   in this environment are found by their records: the namespace comes
 *   from default.json when there is one, else every namespace is read.
 * - `shard: k/n` keeps a stable subset (by a hash of namespace/release), so
 *   n jobs of a matrix split a fleet without coordinating.
 */

export interface Shard {
  index: number;
  count: number;
}

/** A target with what the cluster says about it. */
export interface PlannedTarget {
  target: Target;
  /** The release in Helm's storage; undefined when there is none. */
  state: ReleaseState | undefined;
  /** How the target was found: from its record alone, or from the Git config. */
  source: 'record' | 'config';
  /** Why the release cannot be read (its report is an error). */
  error?: unknown;
}

export interface PlanInputs {
  storage: ReleaseStorage;
  environment: string;
  workspace: string;
  /** default.json of the app being checked, when there is one. */
  manifest: AppManifest | undefined;
  /** Its path as given, relative to the workspace. */
  manifestPath: string;
  /** Targets from the Git config; undefined: zero configuration. */
  configured: Target[] | undefined;
  shard: Shard | undefined;
  concurrency: number;
  /** `owner/name`: records of another repository are not this run's. */
  repository: string | undefined;
}

export async function planTargets(inputs: PlanInputs): Promise<PlannedTarget[]> {
  const namespaces = new Set<string | undefined>();
  if (inputs.configured) for (const target of inputs.configured) namespaces.add(target.namespace);
  else if (inputs.manifest)
    namespaces.add(environmentNamespace(inputs.manifest, inputs.environment));
  else namespaces.add(undefined);
  // Cluster-wide, only the revisions whose labels name this environment (the record's short keys).
  const wide = isLabelValue(inputs.environment)
    ? [`${RECORD_LABELS.environment}=${inputs.environment}`]
    : [];
  const listed = await mapSettled([...namespaces], inputs.concurrency, (namespace) =>
    inputs.storage.list(namespace, namespace === undefined ? wide : []),
  );
  const revisions: StoredRevision[] = [];
  for (const result of listed) {
    if (result.status === 'rejected') throw result.reason;
    revisions.push(...result.value);
  }
  const states = releaseStates(revisions);

  if (inputs.configured) {
    return inputs.configured
      .filter((target) => inShard(inputs.shard, target.namespace, target.release))
      .map((target) => ({
        target,
        state: states.get(`${target.namespace}/${target.release}`),
        source: 'config' as const,
      }));
  }
  return discover(inputs, states);
}

/** Zero configuration: the releases whose records name this app, environment and repository. */
function discover(inputs: PlanInputs, states: Map<string, ReleaseState>): PlannedTarget[] {
  const appDir = inputs.manifest
    ? appKey(inputs.manifest.application.name, inputs.workspace, inputs.manifestPath).dir
    : undefined;
  const appName = inputs.manifest?.application.name;
  const planned: PlannedTarget[] = [];
  const unrecorded: string[] = [];
  const sorted = [...states.entries()].sort(([a], [b]) => a.localeCompare(b));
  const ours = (record: DeployRecord) =>
    record.environment === inputs.environment &&
    !(inputs.repository && record.repository && record.repository !== inputs.repository) &&
    (appDir === undefined || record.app.dir === appDir);
  for (const [key, state] of sorted) {
    const revision = state.deployed ?? state.current;
    if (!revision || !inShard(inputs.shard, revision.namespace, revision.name)) continue;
    const where = `release ${revision.name} in namespace ${revision.namespace}`;
    const base: Target = {
      release: revision.name,
      namespace: revision.namespace,
      environments: undefined,
      chart: '',
      version: undefined,
      repositoryUrl: undefined,
      values: [],
      set: {},
      kustomize: undefined,
      image: undefined,
      buildVersion: undefined,
      allowMutableTags: false,
      where: `the deploy record of ${where}`,
    };
    // A first install that never finished has no deployed revision; its pending one still
    // says whose it is, so the release is checked (and reported as such), not taken for unrecorded.
    const recorded = state.deployed ?? firstInstallPending(state);
    let record: DeployRecord | undefined;
    try {
      record = recorded ? decodeRecord(recorded) : undefined;
    } catch (error) {
      // A record (or a release) that cannot be read is an error of that release, never skipped.
      planned.push({ target: base, state, source: 'record', error });
      continue;
    }
    if (!record) {
      if (appName && revision.name === appName) unrecorded.push(key);
      continue;
    }
    if (!ours(record)) continue;
    planned.push({ target: targetFromRecord(base, record), state, source: 'record' });
  }
  if (planned.length === 0 && inputs.shard) {
    // A shard may be empty when the fleet is small: that is no error if other shards have releases.
    const elsewhere = sorted.some(([, state]) => {
      const revision = state.deployed;
      if (!revision || inShard(inputs.shard, revision.namespace, revision.name)) return false;
      try {
        const record = decodeRecord(revision);
        return record !== undefined && ours(record);
      } catch {
        return false; // not known to be ours: the shard that holds it reports it
      }
    });
    if (elsewhere) return [];
  }
  if (planned.length === 0) {
    const [first] = unrecorded;
    if (first) {
      const [namespace, release] = first.split('/');
      throw new UserError(
        `Release ${release} in namespace ${namespace} has no deploy record (it was deployed before helm-deploy wrote one, or by another tool), and there is no drift config to say how Git renders it.`,
        {
          fix: `deploy it once with helm-deploy (which records it), or describe it in .github/drift.yml: targets: [{ release: ${release}, namespace: ${namespace}, chart: …, values: […] }].`,
        },
      );
    }
    const where = inputs.manifest
      ? `namespace ${environmentNamespace(inputs.manifest, inputs.environment)}`
      : 'any namespace this kubeconfig can read';
    throw new UserError(
      `No release in ${where} has a deploy record of ${appName ? `app ${appName}` : 'this repository'} for environment "${inputs.environment}"${inputs.shard ? ` in shard ${inputs.shard.index}/${inputs.shard.count}` : ''}.`,
      {
        fix: 'deploy the app to this environment with helm-deploy first (it writes the record), or list the releases to check in .github/drift.yml.',
      },
    );
  }
  return planned;
}

/** The pending revision of a first install that never finished (no revision was ever deployed). */
export function firstInstallPending(state: ReleaseState | undefined): StoredRevision | undefined {
  const current = state?.current;
  return !state?.deployed && current?.status === 'pending-install' ? current : undefined;
}

function targetFromRecord(base: Target, record: DeployRecord): Target {
  const request = record.request;
  return {
    ...base,
    chart: request.chart,
    version: request.version,
    repositoryUrl: request.repositoryUrl,
    values: request.values,
    set: request.set,
    kustomize: request.kustomize,
    allowMutableTags: request.allowMutableTags,
    manifestPath: request.manifest,
  };
}

/** A revision's manifest and record. */
export interface DecodedRevision {
  /** The chart's objects (the record left out). */
  objects: KubeObject[];
  record: DeployRecord | undefined;
}

/**
 * A revision's objects and record, decoded when its release is checked and
 * not kept afterwards (the caller drops them with the target's result), so
 * memory does not grow with the fleet.
 */
export function decodeRevision(revision: StoredRevision): DecodedRevision {
  const where = revisionName(revision);
  const all = parseManifestObjects(revision.decode().manifest, `the manifest of ${where}`);
  return {
    objects: all.filter((object) => !isRecordObject(object)),
    record: findRecord(all, where),
  };
}

/**
 * A revision's record alone, for planning: only the manifest's documents
 * that mention the record's label are parsed, the chart's objects are not.
 */
export function decodeRecord(revision: StoredRevision): DeployRecord | undefined {
  const where = revisionName(revision);
  const candidates = revision
    .decode()
    .manifest.split(/^---(?:[ \t].*)?$/m)
    .filter((document) => document.includes(RECORD_OBJECT_LABEL));
  if (candidates.length === 0) return undefined;
  return findRecord(
    parseManifestObjects(candidates.join('\n---\n'), `the manifest of ${where}`),
    where,
  );
}

function revisionName(revision: StoredRevision): string {
  return `release ${revision.name} revision ${revision.revision} in namespace ${revision.namespace}`;
}

/**
 * Whether Git asks now for what the record says was deployed: the request
 * hash of the target as Git has it now, against the record's.
 */
export async function gitUnchanged(
  target: Target,
  record: DeployRecord,
  options: {
    workspace: string;
    environment: string;
    manifest: AppManifest | undefined;
    manifestPath?: string;
  },
): Promise<boolean> {
  const manifest = target.manifest ?? (await manifestFor(target, options));
  const now = requestHash({
    workspace: options.workspace,
    manifest,
    environment: options.environment,
    chart: target.chart,
    version: target.version,
    repositoryUrl: target.repositoryUrl,
    values: target.values,
    set: target.set,
    kustomize: target.kustomize,
    allowMutableTags: target.allowMutableTags,
  });
  return now === record.request.hash;
}

/** The default.json a target's values are templated with: the record's, when it names another file. */
export async function manifestFor(
  target: Target,
  options: { workspace: string; manifest: AppManifest | undefined; manifestPath?: string },
): Promise<AppManifest | undefined> {
  if (!target.manifestPath) return options.manifest;
  const file = isAbsolute(target.manifestPath)
    ? target.manifestPath
    : resolve(options.workspace, target.manifestPath);
  const given = options.manifestPath ? resolve(options.workspace, options.manifestPath) : undefined;
  if (options.manifest && given === file) return options.manifest;
  if (!existsSync(file)) return undefined;
  target.manifest = await loadManifest(file, { displayPath: target.manifestPath });
  return target.manifest;
}

/** Parses `3/8`: the third of eight shards. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`Input "shard" is "${value}"; it must be k/n with 1 <= k <= n, e.g. 3/8.`, {
      fix: 'give the shard as its number and the number of shards, e.g. shard: ${{ matrix.shard }}/8.',
    });
  }
  return { index, count };
}

/** A stable choice: the same release always falls in the same shard, whatever else is deployed. */
export function inShard(shard: Shard | undefined, namespace: string, release: string): boolean {
  if (!shard || shard.count === 1) return true;
  const digest = createHash('sha256').update(`${namespace}/${release}`).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
