import { errorMessage, isUserError } from '../errors.js';
import { KubeApiError, type ApiResource, type KubeClient } from '../kube/client.js';
import { mapSettled } from '../limit.js';
import { describeObject, objectKey, type KubeObject, type ObjectRef } from '../kube/objects.js';
import type { Difference } from './compare.js';
import { kindKey } from './live.js';
import { releaseWriter } from './managed-fields.js';
import { normalizeObject } from '../deploy/diff.js';
import { formatPath, isKeyed, isObject, type Segment } from './paths.js';
import type { RemediationReport } from './report.js';

/**
 * Restores what was changed or deleted in the cluster to the release's last
 * deployed state, with server-side apply, object by object; nothing that is
 * only in Git (that is the next deploy's job) and no object nobody deployed
 * (deleting what someone created is left to people).
 *
 * Who owns the restored fields decides whether the next deploy works:
 *   - helm applying client-side (helm 3, and releases that began on helm 3):
 *     only the drifted fields are applied, as `pipeline-actions-drift-check`;
 *     helm's next upgrade patches over them (updates never conflict);
 *   - helm applying server-side (helm 4): the object is applied whole, as helm
 *     last applied it, under helm's own field manager. Under any other
 *     manager, the next `helm upgrade` that changes a restored field fails
 *     with "Apply failed with N conflicts" (helm 4 does not force).
 * Fields someone added are removed with a JSON patch guarded by a test of
 * their current value, so a change made in between is never lost silently.
 */

export const FIELD_MANAGER = 'pipeline-actions-drift-check';

/** SSA merge keys copied into list items of a partial apply, so the server finds the item. */
const ITEM_KEYS = ['name', 'containerPort', 'protocol', 'port', 'mountPath', 'devicePath', 'ip'];

export interface RemediationInput {
  release: string;
  namespace: string;
  differences: readonly Difference[];
  deployed: ReadonlyMap<string, KubeObject>;
  live: ReadonlyMap<string, KubeObject>;
  resources: ReadonlyMap<string, ApiResource>;
  concurrency: number;
}

interface Plan {
  ref: ObjectRef;
  resource: ApiResource;
  apply?: KubeObject;
  manager: string;
  removals: Record<string, unknown>[];
  fields: string[];
  differences: Difference[];
}

export async function remediate(
  client: KubeClient,
  input: RemediationInput,
): Promise<RemediationReport> {
  const writer = releaseMethod([...input.live.values()]);
  const serverSide = writer?.operation === 'Apply';
  const report: RemediationReport = {
    method: serverSide
      ? `server-side apply of each whole object as helm last applied it, as field manager "${writer.manager}" (the release is applied server-side)`
      : `server-side apply of the drifted fields, as field manager "${FIELD_MANAGER}"`,
    restored: [],
    failed: [],
    skipped: [],
  };
  const plans = new Map<string, Plan>();
  for (const difference of input.differences) {
    const ref = difference.ref;
    if (difference.class === 'not-deployed' || difference.class === 'extra-in-cluster') {
      report.skipped.push({
        object: ref,
        path: formatPath(difference.path),
        why:
          difference.class === 'not-deployed'
            ? 'only in Git: the next deploy brings it'
            : 'nobody deployed it: delete it, or add it to Git',
      });
      continue;
    }
    const key = objectKey(ref, input.namespace);
    const deployed = input.deployed.get(key);
    const resource = input.resources.get(kindKey(ref));
    if (!deployed || !resource) continue;
    let plan = plans.get(key);
    if (!plan) {
      const whole = serverSide || difference.class === 'missing-from-cluster';
      plan = {
        ref,
        resource,
        manager: serverSide && writer ? writer.manager : FIELD_MANAGER,
        removals: [],
        fields: [],
        differences: [],
        ...(whole ? { apply: owned(deployed, input.release, input.namespace, resource) } : {}),
      };
      plans.set(key, plan);
    }
    plan.differences.push(difference);
    plan.fields.push(
      difference.path.length === 0 ? '(the whole object)' : formatPath(difference.path),
    );
    if (difference.deployed === undefined && difference.live !== undefined) {
      const raw = valueAtPointer(input.live.get(key), difference.pointer);
      plan.removals.push(
        { op: 'test', path: difference.pointer, value: raw },
        { op: 'remove', path: difference.pointer },
      );
    } else if (difference.path.length > 0 && !serverSide) {
      plan.apply ??= skeleton(deployed, input.namespace, resource);
      restoreField(plan.apply, normalizeObject(deployed), difference.path);
    }
  }

  const results = await mapSettled([...plans.values()], input.concurrency, async (plan) => {
    if (plan.apply)
      await client.apply(plan.resource, plan.apply, { fieldManager: plan.manager, force: true });
    if (plan.removals.length > 0) {
      await client.jsonPatch(
        plan.resource,
        plan.resource.namespaced ? (plan.ref.namespace ?? input.namespace) : undefined,
        plan.ref.name,
        orderRemovals(plan.removals),
        {
          fieldManager: FIELD_MANAGER,
        },
      );
    }
  });
  for (const [index, plan] of [...plans.values()].entries()) {
    const result = results[index];
    if (result?.status === 'rejected') {
      report.failed.push(explainFailure(plan, result.reason, input.namespace));
    } else {
      report.restored.push({ object: plan.ref, fields: plan.fields });
    }
  }
  return report;
}

/**
 * Why a restore was refused, and what to do. A list item whose key field was
 * edited in the cluster (a container port's number) is, to server-side
 * apply, another item: applying the deployed one adds it beside the edited
 * one, and validation refuses two items with the same name.
 */
export function explainFailure(
  plan: Pick<Plan, 'ref' | 'differences'> & Partial<Pick<Plan, 'removals'>>,
  error: unknown,
  namespace: string,
): RemediationReport['failed'][number] {
  const object = describeObject(plan.ref);
  const failed = { object: plan.ref, error: `${object}: ${errorMessage(error)}` };
  if (isUserError(error)) return { ...failed, ...(error.fix ? { fix: error.fix } : {}) };
  if (!(error instanceof KubeApiError)) return failed;
  const duplicates = error.causes.filter(
    (cause) =>
      cause.reason === 'FieldValueDuplicate' || /^Duplicate value/.test(cause.message ?? ''),
  );
  if (duplicates.length > 0) {
    // The API server may name the same duplicate more than once.
    const refused = [
      ...new Set(
        duplicates.map(
          (cause) =>
            `${cause.field ? `${cause.field}: ` : ''}${cause.message ?? 'Duplicate value'}`,
        ),
      ),
    ].join('; ');
    const rekeyed = plan.differences.filter(isRekeyed);
    const edits = rekeyed
      .map(
        (difference) =>
          `${formatPath(difference.path)} ${show(difference.deployed)} → ${show(difference.live)}`,
      )
      .join(', ');
    const patch = rekeyed.map((difference) => ({
      op: 'replace',
      path: difference.pointer,
      value: difference.deployed,
    }));
    const where = `${plan.ref.kind.toLowerCase()}/${plan.ref.name}${plan.ref.namespace || namespace ? ` -n ${plan.ref.namespace ?? namespace}` : ''}`;
    return {
      object: plan.ref,
      error:
        `${object}: the API server refused the restore as a list-key conflict (${refused}).` +
        (edits
          ? ` The cluster's edit changed a field that identifies a list item to server-side apply (${edits}), so applying the deployed item adds it next to the edited one instead of replacing it.`
          : ' A list item in the cluster has the same name as the deployed one but other key fields, so server-side apply adds the deployed item next to it instead of replacing it.'),
      fix:
        patch.length > 0
          ? `set the value back in place, e.g. kubectl patch ${where} --type=json -p '${JSON.stringify(patch)}', or deploy the release again; then run drift-check again.`
          : `edit the list item back to what the release deployed (kubectl edit ${where}), or deploy the release again; then run drift-check again.`,
    };
  }
  const guarded = (plan.removals ?? []).filter((op) => op['op'] === 'test');
  if (error.status === 422 && guarded.length > 0 && error.causes.length === 0) {
    // The API server answers a failed `test` operation with a bare 422.
    const fields = plan.differences
      .filter((difference) => difference.deployed === undefined)
      .map((difference) => formatPath(difference.path));
    return {
      object: plan.ref,
      error: `${object}: not restored: ${fields.join(', ') || 'a field drift-check was removing'} changed in the cluster after drift-check compared it, so the removal guarded by its value was refused and the new value kept (${errorMessage(error)})`,
      fix: 'run drift-check again to compare the current values; if the change is meant to stay, put it in Git and deploy.',
    };
  }
  if (error.status === 409) {
    return {
      ...failed,
      fix: 'the object changed while it was restored; run drift-check again.',
    };
  }
  return failed;
}

/** A change to a field the server identifies a list item by (`ports[name=http].containerPort`), under a list matched by another key. */
function isRekeyed(difference: Difference): boolean {
  const field = difference.path[difference.path.length - 1];
  const item = difference.path[difference.path.length - 2];
  return (
    difference.change === 'changed' &&
    typeof field === 'string' &&
    ITEM_KEYS.includes(field) &&
    item !== undefined &&
    isKeyed(item) &&
    item.key !== field
  );
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'nothing';
}

/** How helm writes this release, from the objects' managedFields: the manager that set Helm's annotation. */
function releaseMethod(live: readonly KubeObject[]) {
  const writers = live.map(releaseWriter).filter((writer) => writer !== undefined);
  const applied = writers.filter((writer) => writer.operation === 'Apply');
  return applied.length > writers.length / 2 ? applied[0] : writers[0];
}

/** The deployed object with the metadata helm adds when it applies it (so helm keeps owning it). */
function owned(
  deployed: KubeObject,
  release: string,
  namespace: string,
  resource: ApiResource,
): KubeObject {
  const object = structuredClone(deployed);
  const metadata = (object.metadata ??= {});
  if (resource.namespaced) metadata.namespace ??= namespace;
  else delete metadata.namespace;
  metadata.labels = { ...metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' };
  metadata.annotations = {
    ...metadata.annotations,
    'meta.helm.sh/release-name': release,
    'meta.helm.sh/release-namespace': namespace,
  };
  return object;
}

/** apiVersion, kind and name: the start of a partial apply. */
function skeleton(deployed: KubeObject, namespace: string, resource: ApiResource): KubeObject {
  return {
    apiVersion: deployed.apiVersion ?? '',
    kind: deployed.kind ?? '',
    metadata: {
      name: deployed.metadata?.name ?? '',
      ...(resource.namespaced ? { namespace: deployed.metadata?.namespace ?? namespace } : {}),
    },
  };
}

/**
 * Copies the deployed value at `path` into the apply configuration, with
 * the structure above it: list items by their merge keys; a list without
 * merge keys (atomic for server-side apply) whole.
 */
function restoreField(
  target: Record<string, unknown>,
  deployed: unknown,
  path: readonly Segment[],
): void {
  let into: Record<string, unknown> = target;
  let from: unknown = deployed;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index] as Segment;
    const last = index === path.length - 1;
    if (typeof segment === 'number') return; // handled by the list's parent (whole list)
    if (isKeyed(segment)) return; // handled by the parent (below)
    const value = isObject(from) ? from[segment] : undefined;
    const next = path[index + 1];
    if (last || value === undefined || (typeof next === 'number' && Array.isArray(value))) {
      into[segment] = structuredClone(value);
      return;
    }
    if (next !== undefined && isKeyed(next) && Array.isArray(value)) {
      const item = value.find((entry) => isObject(entry) && String(entry[next.key]) === next.value);
      if (!isObject(item)) return;
      const list = (Array.isArray(into[segment]) ? into[segment] : []) as Record<string, unknown>[];
      into[segment] = list;
      let entry = list.find((existing) => String(existing[next.key]) === next.value);
      if (!entry) {
        entry = Object.fromEntries(
          ITEM_KEYS.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]),
        );
        list.push(entry);
      }
      if (index + 1 === path.length - 1) {
        Object.assign(entry, structuredClone(item));
        return;
      }
      into = entry;
      from = item;
      index++;
      continue;
    }
    if (!isObject(into[segment])) into[segment] = {};
    into = into[segment] as Record<string, unknown>;
    from = value;
  }
}

function valueAtPointer(object: unknown, pointer: string): unknown {
  let current = object;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Removals of list items go from the highest index down, so earlier ones do not shift later ones. */
function orderRemovals(operations: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const pairs: Record<string, unknown>[][] = [];
  for (let index = 0; index < operations.length; index += 2)
    pairs.push(operations.slice(index, index + 2));
  const parts = (pointer: unknown) => String(pointer).split('/');
  pairs.sort((a, b) => {
    const x = parts(a[0]?.path);
    const y = parts(b[0]?.path);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i]) continue;
      const nx = Number(x[i]);
      const ny = Number(y[i]);
      return Number.isInteger(nx) && Number.isInteger(ny)
        ? ny - nx
        : (x[i] ?? '').localeCompare(y[i] ?? '');
    }
    return y.length - x.length;
  });
  return pairs.flat();
}
