import { mergeKey, normalizeObject, parseQuantity } from '../deploy/diff.js';
import type { KubeObject, ObjectRef } from '../kube/objects.js';
import { isServerDefault } from './defaults.js';
import {
  blame,
  owners as ownersOfObject,
  ownersOf,
  within,
  type Attribution,
  type Owner,
} from './managed-fields.js';
import { formatPointer, isObject, type KeyedSegment, type Path, type Segment } from './paths.js';

/**
 * The three-state comparison of one object: desired (rendered from Git now),
 * deployed (the manifest Helm stored for the release's deployed revision)
 * and live. Only the fields Git sets (now, or at the last deploy) are
 * compared, so server defaults are not drift; fields that other managers
 * added are found through managedFields. Every difference gets a class:
 *
 *   changed-in-cluster    live differs from what was deployed (kubectl edit, scale, label…)
 *   not-deployed          Git differs from what was deployed, the cluster still runs the deploy
 *   missing-from-cluster  deployed, then deleted
 *   extra-in-cluster      carries the release's labels, but is in neither Git nor the release
 *
 * Values are compared as Kubernetes means them: `500m` is `0.5` CPU, `"80"`
 * is `80`, an empty map or list is no value.
 */

export type DriftClass =
  'changed-in-cluster' | 'not-deployed' | 'missing-from-cluster' | 'extra-in-cluster';

export interface Difference {
  class: DriftClass;
  ref: ObjectRef;
  /** Where in the object; empty for the whole object. */
  path: Segment[];
  /** The RFC 6901 pointer (indices as in the live object where it has the field). */
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  /** What was deployed (normalized); undefined: not set. */
  deployed?: unknown;
  live?: unknown;
  desired?: unknown;
  /** Who set the live value. */
  manager?: Attribution | undefined;
  /** The manager is the release's own (helm, or a restore of ours), or nobody (a server default). */
  setByRelease: boolean;
  /** A cluster change to a field Git changes too. */
  gitChanged?: boolean;
  note?: string;
}

/** One object in its three states; any of them may be missing. */
export interface ObjectStates {
  ref: ObjectRef;
  desired?: KubeObject | undefined;
  deployed?: KubeObject | undefined;
  live?: KubeObject | undefined;
}

export interface CompareOptions {
  /** The field managers that deploy this release (helm, and ours when we restore). */
  releaseManagers: ReadonlySet<string>;
}

/** Where a value is a resource quantity (so `1Gi` is `1024Mi`). */
const QUANTITY_PARENTS = new Set([
  'requests',
  'limits',
  'hard',
  'capacity',
  'allocatable',
  'overhead',
  'default',
  'defaultRequest',
  'max',
  'min',
  'maxLimitRequestRatio',
]);
const QUANTITY_KEYS = new Set(['sizeLimit', 'averageValue', 'storage']);

export function compareObject(states: ObjectStates, options: CompareOptions): Difference[] {
  const { ref } = states;
  const whole = (cls: DriftClass, change: Difference['change'], note?: string): Difference[] => [
    {
      class: cls,
      ref,
      path: [],
      pointer: '',
      change,
      setByRelease: false,
      ...(note ? { note } : {}),
    },
  ];
  if (states.desired && states.deployed && !states.live)
    return whole('missing-from-cluster', 'removed');
  if (states.desired && !states.deployed && !states.live) return whole('not-deployed', 'added');
  if (!states.desired && states.deployed && states.live) {
    return whole('not-deployed', 'removed', 'removed from Git; the next deploy deletes it');
  }
  if (!states.desired && !states.deployed && states.live) {
    return [
      { ...(whole('extra-in-cluster', 'added')[0] as Difference), manager: creator(states.live) },
    ];
  }
  if (!states.live || (!states.desired && !states.deployed)) return [];
  if (!states.deployed) {
    return whole(
      'not-deployed',
      'added',
      'in Git and in the cluster, but not part of the deployed release (the next deploy adopts it)',
    );
  }
  return new Walk(states, options).run();
}

/** A place in the object: its path, its desired, deployed and live values, and its live pointer. */
type Place = [path: Segment[], d: unknown, p: unknown, l: unknown, pointer: string | undefined];

class Walk {
  private readonly found: Difference[] = [];
  /** Live pointers the comparison went into (maps and lists Git sets). */
  private readonly visited = new Set<string>();
  /** Live pointers compared as a whole (a leaf, or a whole list or item). */
  private readonly covered: string[] = [];
  private readonly owners: Owner[];
  private readonly live: Record<string, unknown>;

  constructor(
    private readonly states: ObjectStates,
    private readonly options: CompareOptions,
  ) {
    this.owners = ownersOfObject(states.live);
    this.live = normalizeObject(states.live as KubeObject);
  }

  run(): Difference[] {
    const desired = this.states.desired ? normalizeObject(this.states.desired) : undefined;
    const deployed = this.states.deployed ? normalizeObject(this.states.deployed) : undefined;
    this.node([], desired, deployed, this.live, '');
    this.addedByOthers();
    return this.found;
  }

  private node(...[path, d, p, l, pointer]: Place): void {
    if (isAbsent(d) && isAbsent(p)) return;
    const git = [d, p].filter((value) => !isAbsent(value));
    if (git.every(isObject) && (isAbsent(l) || isObject(l))) {
      if (pointer !== undefined) this.visited.add(pointer);
      const keys = new Set([...Object.keys(asObject(d)), ...Object.keys(asObject(p))]);
      for (const key of keys) {
        const live = asObject(l)[key];
        this.node(
          [...path, key],
          asObject(d)[key],
          asObject(p)[key],
          live,
          child(pointer, key, live),
        );
      }
      return;
    }
    if (git.every(Array.isArray) && (isAbsent(l) || Array.isArray(l))) {
      if (this.list(path, asArray(d), asArray(p), asArray(l), pointer)) return;
    }
    this.leaf(path, d, p, l, pointer);
  }

  /** Lists of objects matched by merge key (or by index when both sides have the same length); false: compare as a whole. */
  private list(
    path: Segment[],
    d: unknown[],
    p: unknown[],
    l: unknown[],
    pointer: string | undefined,
  ): boolean {
    const key = mergeKey([d, p].filter((items) => items.length > 0));
    if (!key) {
      const objects = [...d, ...p].every(isObject);
      const lengths = new Set(
        [d, p].filter((items) => items.length > 0).map((items) => items.length),
      );
      if (!objects || lengths.size !== 1 || l.length !== [...lengths][0]) return false;
      if (pointer !== undefined) this.visited.add(pointer);
      for (let index = 0; index < l.length; index++) {
        this.node(
          [...path, index],
          d[index],
          p[index],
          l[index],
          child(pointer, String(index), l[index]),
        );
      }
      return true;
    }
    if (pointer !== undefined) this.visited.add(pointer);
    const id = (item: unknown) => String((item as Record<string, unknown>)[key]);
    const ids = [...new Set([...d, ...p].map(id))];
    for (const value of ids) {
      const di = d.find((item) => id(item) === value);
      const pi = p.find((item) => id(item) === value);
      const liveIndex = l.findIndex((item) => isObject(item) && id(item) === value);
      const li = liveIndex === -1 ? undefined : l[liveIndex];
      const index = liveIndex !== -1 ? liveIndex : Math.max(d.indexOf(di), p.indexOf(pi));
      const segment: KeyedSegment = { key, value, index };
      const itemPointer =
        pointer !== undefined && li !== undefined ? `${pointer}/${liveIndex}` : undefined;
      if (di !== undefined && pi !== undefined && li !== undefined) {
        this.node([...path, segment], di, pi, li, itemPointer);
      } else {
        this.leaf([...path, segment], di, pi, li, itemPointer);
      }
    }
    // Items only the cluster has: someone added them (a deploy-time mutation is the release's own).
    for (const [index, item] of l.entries()) {
      if (!isObject(item) || item[key] === undefined || ids.includes(id(item))) continue;
      const itemPointer = pointer === undefined ? undefined : `${pointer}/${index}`;
      this.added([...path, { key, value: id(item), index }], item, itemPointer);
    }
    return true;
  }

  private leaf(...[path, d, p, l, pointer]: Place): void {
    if (pointer !== undefined) this.covered.push(pointer);
    const liveIsDeployed = same(l, p, path);
    const gitIsDeployed = same(d, p, path);
    if (liveIsDeployed) {
      if (!gitIsDeployed) this.push('not-deployed', path, pointer, { d, p, l });
      return;
    }
    const candidates = pointer === undefined ? [] : ownersOf(this.owners, pointer);
    const manager = blame(candidates, this.options.releaseManagers);
    const byRelease =
      !manager ||
      this.options.releaseManagers.has(manager.manager) ||
      (isAbsent(p) && isServerDefault(this.states.ref.kind, path, l, this.live));
    if (isAbsent(p) && byRelease) {
      // Git now sets a field the deploy left to the server (a default) or that the release itself wrote.
      if (!same(l, d, path)) this.push('not-deployed', path, pointer, { d, p: l, l }, manager);
      return;
    }
    this.push('changed-in-cluster', path, pointer, { d, p, l }, manager, !gitIsDeployed);
  }

  private push(
    cls: DriftClass,
    path: Segment[],
    pointer: string | undefined,
    values: { d: unknown; p: unknown; l: unknown },
    manager?: Attribution,
    gitChanged = false,
  ): void {
    const before = values.p;
    const after = cls === 'not-deployed' ? values.d : values.l;
    const change: Difference['change'] = isAbsent(before)
      ? 'added'
      : isAbsent(after)
        ? 'removed'
        : 'changed';
    const difference: Difference = {
      class: cls,
      ref: this.states.ref,
      path,
      pointer: pointer ?? formatPointer(path),
      change,
      setByRelease: !manager || this.options.releaseManagers.has(manager.manager),
    };
    if (!isAbsent(values.p)) difference.deployed = values.p;
    if (!isAbsent(values.l)) difference.live = values.l;
    if (!isAbsent(values.d)) difference.desired = values.d;
    if (manager) difference.manager = manager;
    if (gitChanged) difference.gitChanged = true;
    this.found.push(difference);
  }

  /**
   * A field or list item only the live object has, set by someone other than
   * the release. A map Git does not set at all is reported key by key (so a
   * rule on one key, say an annotation `kubectl rollout restart` adds, leaves
   * the others watched); a value the API server defaults is not drift,
   * whoever owns it now.
   */
  private added(path: Segment[], value: unknown, pointer: string | undefined): void {
    if (pointer !== undefined && this.isCovered(pointer)) return;
    const last = path[path.length - 1];
    if (isObject(value) && !isAbsent(value) && typeof last === 'string') {
      for (const [key, inner] of Object.entries(value))
        this.added([...path, key], inner, child(pointer, key, inner));
      if (pointer !== undefined) this.covered.push(pointer);
      return;
    }
    if (isServerDefault(this.states.ref.kind, path, value, this.live)) {
      if (pointer !== undefined) this.covered.push(pointer);
      return;
    }
    const candidates = pointer === undefined ? [] : ownersOf(this.owners, pointer);
    const manager = blame(candidates, this.options.releaseManagers);
    if (!manager || this.options.releaseManagers.has(manager.manager)) return;
    if (pointer !== undefined) this.covered.push(pointer);
    this.push(
      'changed-in-cluster',
      path,
      pointer,
      { d: undefined, p: undefined, l: value },
      manager,
    );
  }

  /** Fields of the live object that no Git field covers, owned by a manager other than the release's. */
  private addedByOthers(): void {
    for (const owner of this.owners) {
      if (this.options.releaseManagers.has(owner.manager)) continue;
      const pointers = [...owner.items, ...owner.fields].sort((a, b) => a.length - b.length);
      for (const pointer of pointers) {
        if (this.visited.has(pointer) || this.isCovered(pointer)) continue;
        const located = locate(this.live, pointer);
        if (!located || isAbsent(located.value)) continue;
        this.added(located.path, located.value, pointer);
      }
    }
  }

  private isCovered(pointer: string): boolean {
    return this.covered.some((leaf) => within(pointer, leaf));
  }
}

/** The manager that created an object (its oldest entry), for objects nobody deployed. */
function creator(live: KubeObject): Attribution | undefined {
  const all = ownersOfObject(live);
  const oldest = [...all].sort((a, b) => (a.time ?? '~').localeCompare(b.time ?? '~'))[0];
  return oldest ? blame([oldest], new Set()) : undefined;
}

/** The path (keyed segments where the list has a merge key) and value at a live pointer. */
function locate(root: unknown, pointer: string): { path: Segment[]; value: unknown } | undefined {
  const path: Segment[] = [];
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(part);
      const item = current[index];
      const key = mergeKey([current]);
      path.push(key && isObject(item) ? { key, value: String(item[key]), index } : index);
      current = item;
    } else if (isObject(current)) {
      path.push(part);
      current = current[part];
    } else {
      return undefined;
    }
  }
  return { path, value: current };
}

function child(pointer: string | undefined, key: string, live: unknown): string | undefined {
  if (pointer === undefined || live === undefined) return undefined;
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0)
  );
}

/** Equal as Kubernetes means it: empty is absent, `"80"` is `80`, quantities by value. */
export function same(a: unknown, b: unknown, path: Path): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => same(item, b[i], [...path, i]))
    );
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same(a[key], b[key], [...path, key]));
  }
  if (a === b) return true;
  if (isQuantityPath(path)) {
    const x = parseQuantity(a);
    const y = parseQuantity(b);
    if (x !== undefined && y !== undefined) return Math.abs(x - y) <= Math.abs(x) * 1e-9;
  }
  return String(a) === String(b);
}

function isQuantityPath(path: Path): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  return (
    (typeof last === 'string' && QUANTITY_KEYS.has(last)) ||
    (typeof parent === 'string' && QUANTITY_PARENTS.has(parent))
  );
}
