import { isTraceAnnotation } from '../render/annotate.js';
import { isSecretChange, type Cutter } from '../report/redact.js';
import { isMultiLineChange, lineDiff } from './line-diff.js';
import {
  describeObject,
  objectKey,
  objectRef,
  type KubeObject,
  type ObjectRef,
} from '../kube/objects.js';

/**
 * What a deploy changes, object by object and field by field, with Secret
 * values never shown.
 *
 * `live` mode compares what would be applied with the live objects, looking
 * only at the fields the desired object sets (the server fills in defaults
 * and other managers add fields, which a deploy does not change); lists keyed
 * by name (containers, env, ports, volumes…) are matched by key, so a removed
 * env var is seen. `exact` mode compares two renderings (two release
 * revisions) both ways. Either way values are compared as Kubernetes means
 * them: `500m` is `0.5` CPU, `"80"` is `80`, an empty map is no map. Our
 * traceability annotations and the ones helm and kubectl manage are ignored.
 */

export type DiffMode = 'live' | 'exact';

export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** A secret value (a Secret's data, a field named like a secret): shown only as changed. */
  redacted?: boolean;
}

export interface ObjectDiff {
  ref: ObjectRef;
  action: 'create' | 'update' | 'delete' | 'unchanged';
  changes: FieldChange[];
}

export interface ReleaseDiff {
  objects: ObjectDiff[];
  changed: boolean;
  /**
   * What the deploy set back in the cluster: objects deleted since the last
   * deploy (`create`), and fields changed there that Git did not change
   * (`update`, before: the live value, after: the release's).
   */
  restored?: ObjectDiff[];
}

export interface DiffInput {
  /** What would be applied. */
  desired: readonly KubeObject[];
  /** What is there: live objects (live mode) or the previous revision's manifest (exact mode). */
  current: readonly KubeObject[];
  /** The previous revision's objects, to find what the deploy deletes (live mode). */
  previous?: readonly KubeObject[];
  /** The release namespace (objects without one live there). */
  namespace: string;
  mode: DiffMode;
  /** Known secret values (placeholders, `set`): a change whose value holds one is hidden whole. */
  secrets?: Cutter;
}

/** Annotations that are not the chart's: Helm's, kubectl's and the controllers'. */
const MANAGED_ANNOTATIONS = [
  /^meta\.helm\.sh\//,
  /^postrenderer\.helm\.sh\//,
  /^kubectl\.kubernetes\.io\/last-applied-configuration$/,
  /^deployment\.kubernetes\.io\/revision$/,
  /^(?:pv|volume|volume\.beta)\.kubernetes\.io\//,
];
/** What the API server keeps about an object; no deploy sets it. */
const SERVER_METADATA = [
  'managedFields',
  'creationTimestamp',
  'resourceVersion',
  'uid',
  'generation',
  'selfLink',
  'ownerReferences',
  'finalizers',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];
/** Strategic-merge keys of the lists a pod spec (and others) hold. */
/**
 * Strategic-merge keys lists are matched by, in order of preference; used only
 * when every item has one and the values are unique (shared with drift-check).
 */
const MERGE_KEYS = ['name', 'containerPort', 'port', 'mountPath', 'devicePath', 'ip'];
const QUANTITY_KEYS = new Set(['cpu', 'memory', 'storage', 'ephemeral-storage']);

export function diffRelease(input: DiffInput): ReleaseDiff {
  const { namespace } = input;
  const currentByKey = new Map(
    input.current.map((object) => [objectKey(objectRef(object), namespace), object]),
  );
  const objects: ObjectDiff[] = [];
  const desiredKeys = new Set<string>();
  for (const desired of input.desired) {
    const ref = objectRef(desired);
    const key = objectKey(ref, namespace);
    desiredKeys.add(key);
    const current = currentByKey.get(key);
    if (!current) {
      objects.push({ ref, action: 'create', changes: [] });
      continue;
    }
    const changes = diffObject(desired, current, input.mode, input.secrets);
    objects.push({ ref, action: changes.length > 0 ? 'update' : 'unchanged', changes });
  }
  const gone = input.mode === 'exact' ? input.current : (input.previous ?? []);
  for (const object of gone) {
    const ref = objectRef(object);
    if (!desiredKeys.has(objectKey(ref, namespace)))
      objects.push({ ref, action: 'delete', changes: [] });
  }
  return { objects, changed: objects.some((object) => object.action !== 'unchanged') };
}

/**
 * The diff of a deploy (the new revision against the previous one) with what
 * it restored: the live objects read just before it, compared with what it
 * applied, less what Git changed. A redeploy of the same Git that undid a
 * change made in the cluster is then a change, and says which.
 */
export function withRestored(
  diff: ReleaseDiff,
  input: {
    applied: readonly KubeObject[];
    previous: readonly KubeObject[];
    /** The live objects of the previous revision, read before the deploy. */
    live: readonly KubeObject[];
    namespace: string;
    secrets?: Cutter;
  },
): ReleaseDiff {
  const { namespace } = input;
  const before = new Set(input.previous.map((object) => objectKey(objectRef(object), namespace)));
  const byGit = new Map(
    diff.objects.map((object) => [objectKey(object.ref, namespace), object.changes]),
  );
  const live = diffRelease({
    desired: input.applied.filter((object) => before.has(objectKey(objectRef(object), namespace))),
    current: input.live,
    namespace,
    mode: 'live',
    ...(input.secrets ? { secrets: input.secrets } : {}),
  });
  const restored: ObjectDiff[] = [];
  for (const object of live.objects) {
    if (object.action === 'create') {
      restored.push(object);
      continue;
    }
    const gitPaths = (byGit.get(objectKey(object.ref, namespace)) ?? []).map(
      (change) => change.path,
    );
    const changes = object.changes.filter(
      (change) => !gitPaths.some((path) => within(change.path, path) || within(path, change.path)),
    );
    if (changes.length > 0) restored.push({ ref: object.ref, action: 'update', changes });
  }
  return { ...diff, restored, changed: diff.changed || restored.length > 0 };
}

/** Whether a formatted path is `prefix` or below it. */
function within(path: string, prefix: string): boolean {
  return (
    prefix === '' ||
    path === prefix ||
    path.startsWith(`${prefix}.`) ||
    path.startsWith(`${prefix}[`)
  );
}

/** The field changes from `current` to `desired` for one object. */
export function diffObject(
  desired: KubeObject,
  current: KubeObject,
  mode: DiffMode,
  secrets?: Cutter,
): FieldChange[] {
  const changes: RawChange[] = [];
  compare(normalizeObject(desired), normalizeObject(current), [], changes, mode);
  // A Secret's data, a field named like a secret, or a value that holds a
  // known secret (src/report/redact.ts): shown only as changed.
  return changes.map(({ path, ...change }) =>
    isSecretChange(desired.kind ?? '', path, [change.before, change.after], secrets)
      ? { path: formatPath(path), kind: change.kind, redacted: true }
      : { path: formatPath(path), ...change },
  );
}

/** Whether an annotation is written by Helm, kubectl, a controller or our traceability (not the chart). */
export function isManagedAnnotation(key: string): boolean {
  return isTraceAnnotation(key) || MANAGED_ANNOTATIONS.some((pattern) => pattern.test(key));
}

/**
 * A copy of an object with only what a deploy sets: no status, none of the
 * metadata the API server keeps, none of the managed annotations; a Secret's
 * stringData written as the data the server stores. drift-check compares
 * with the same rules.
 */
export function normalizeObject(object: KubeObject): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown>;
  delete copy.status;
  const metadata = copy.metadata;
  if (isObject(metadata)) {
    for (const key of SERVER_METADATA) delete metadata[key];
    const annotations = metadata.annotations;
    if (isObject(annotations)) {
      for (const key of Object.keys(annotations))
        if (isManagedAnnotation(key)) delete annotations[key];
    }
  }
  if (copy.kind === 'Secret' && isObject(copy.stringData)) {
    const data = isObject(copy.data) ? copy.data : {};
    for (const [key, value] of Object.entries(copy.stringData)) {
      data[key] = Buffer.from(String(value ?? ''), 'utf8').toString('base64');
    }
    copy.data = data;
    delete copy.stringData;
  }
  return copy;
}

type Path = (string | { key: string; value: string } | number)[];

/** A change before its path is written out (and its values, when secret, dropped). */
type RawChange = Omit<FieldChange, 'path'> & { path: Path };

function compare(
  desired: unknown,
  current: unknown,
  path: Path,
  changes: RawChange[],
  mode: DiffMode,
): void {
  if (isAbsent(desired)) {
    if (mode === 'exact' && !isAbsent(current))
      changes.push({ path: path, kind: 'removed', before: current });
    return;
  }
  if (isAbsent(current)) {
    changes.push({ path: path, kind: 'added', after: desired });
    return;
  }
  if (isObject(desired) && isObject(current)) {
    for (const [key, value] of Object.entries(desired))
      compare(value, current[key], [...path, key], changes, mode);
    if (mode === 'exact') {
      for (const [key, value] of Object.entries(current)) {
        if (!(key in desired) && !isAbsent(value)) {
          changes.push({ path: [...path, key], kind: 'removed', before: value });
        }
      }
    }
    return;
  }
  if (Array.isArray(desired) && Array.isArray(current)) {
    compareLists(desired, current, path, changes, mode);
    return;
  }
  if (!sameScalar(desired, current, path)) {
    changes.push({ path: path, kind: 'changed', before: current, after: desired });
  }
}

function compareLists(
  desired: unknown[],
  current: unknown[],
  path: Path,
  changes: RawChange[],
  mode: DiffMode,
): void {
  const key =
    desired.length > 0 ? mergeKey([desired]) : current.length > 0 ? mergeKey([current]) : undefined;
  if (key) {
    const currentByKey = new Map(current.filter(isObject).map((item) => [String(item[key]), item]));
    const desiredKeys = new Set<string>();
    for (const item of desired as Record<string, unknown>[]) {
      const id = String(item[key]);
      desiredKeys.add(id);
      compare(item, currentByKey.get(id), [...path, { key, value: id }], changes, mode);
    }
    for (const [id, item] of currentByKey) {
      if (!desiredKeys.has(id))
        changes.push({
          path: [...path, { key, value: id }],
          kind: 'removed',
          before: item,
        });
    }
    return;
  }
  const length = Math.max(desired.length, current.length);
  for (let index = 0; index < length; index++) {
    if (index >= desired.length) {
      changes.push({ path: [...path, index], kind: 'removed', before: current[index] });
    } else {
      compare(desired[index], current[index], [...path, index], changes, mode);
    }
  }
}

/** The first merge key every item of every list has, unique within each list. */
export function mergeKey(lists: readonly unknown[][]): string | undefined {
  if (lists.length === 0 || !lists.every((items) => items.every(isObject))) return undefined;
  return MERGE_KEYS.find((key) =>
    lists.every((items) => {
      const values = (items as Record<string, unknown>[]).map((item) => item[key]);
      return (
        values.every((value) => value !== undefined && value !== null) &&
        new Set(values.map(String)).size === values.length
      );
    }),
  );
}

function sameScalar(desired: unknown, current: unknown, path: Path): boolean {
  if (desired === current) return true;
  const last = path[path.length - 1];
  const inResources = path.some(
    (part) => part === 'resources' || part === 'capacity' || part === 'hard',
  );
  if (typeof last === 'string' && (QUANTITY_KEYS.has(last) || inResources)) {
    const a = parseQuantity(desired);
    const b = parseQuantity(current);
    if (a !== undefined && b !== undefined) return Math.abs(a - b) <= Math.abs(a) * 1e-9;
  }
  if (
    (typeof desired === 'number' || typeof desired === 'string' || typeof desired === 'boolean') &&
    (typeof current === 'number' || typeof current === 'string' || typeof current === 'boolean')
  ) {
    return String(desired) === String(current);
  }
  return JSON.stringify(desired) === JSON.stringify(current);
}

const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity (`500m`, `1Gi`, `0.5`, 2) as a number. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * (match[2] ? (SUFFIX[match[2]] ?? 1) : 1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0)
  );
}

function formatPath(path: Path): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'object') text += `[${part.key}=${part.value}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

const MAX_VALUE_CHARS = 300;

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/**
 * The diff as text in unified-diff style (GitHub colours it in a ```diff
 * block): a header per object, `-` for what goes, `+` for what comes.
 */
export function formatDiff(diff: ReleaseDiff): string {
  const lines: string[] = [];
  const objects = [
    ...diff.objects.map((object) => ({ object, restored: false })),
    ...(diff.restored ?? []).map((object) => ({ object, restored: true })),
  ];
  for (const { object, restored } of objects) {
    if (object.action === 'unchanged') continue;
    const what = describeObject(object.ref);
    if (object.action === 'create') {
      lines.push(
        `+ ${what} (${restored ? 'restored: it was deleted from the cluster since the last deploy' : 'new'})`,
      );
      continue;
    }
    if (object.action === 'delete') {
      lines.push(`- ${what} (removed)`);
      continue;
    }
    lines.push(
      restored
        ? `@@ ${what} (restored: changed in the cluster since the last deploy) @@`
        : `@@ ${what} @@`,
    );
    for (const change of object.changes) {
      if (change.redacted) {
        lines.push(`! ${change.path}: (secret value ${change.kind}, not shown)`);
        continue;
      }
      if (change.kind === 'changed' && isMultiLineChange(change.before, change.after)) {
        lines.push(`~ ${change.path}: (text changed, line by line)`);
        lines.push(...lineDiff(String(change.before), String(change.after)));
        continue;
      }
      if (change.kind !== 'added') lines.push(`- ${change.path}: ${show(change.before)}`);
      if (change.kind !== 'removed') lines.push(`+ ${change.path}: ${show(change.after)}`);
    }
  }
  return lines.join('\n');
}
