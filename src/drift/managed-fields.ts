import type { KubeObject } from '../kube/objects.js';
import { isObject } from './paths.js';

/**
 * Who set which field, from an object's metadata.managedFields: every
 * manager's entry (kubectl-edit, kubectl-set, helm, kube-controller-manager
 * through the scale subresource…) with its operation and time, and the
 * fields it owns as JSON pointers into the live object (`k:{"name":"web"}`
 * resolved to the item's index). This is what names the manager of a change
 * and finds fields nobody wrote in Git.
 */

export interface Attribution {
  manager: string;
  /** `Update` (kubectl edit, patch, scale, client-side helm) or `Apply` (server-side apply, helm 4). */
  operation: string;
  /** `scale` when set through the scale subresource (kubectl scale, autoscalers). */
  subresource?: string;
  /** When the manager last changed the object (absent for some subresource updates). */
  time?: string;
}

export interface Owner extends Attribution {
  /** Pointers of the fields it owns; an item it owns as a whole (`.`) is listed in `items`. */
  fields: string[];
  items: string[];
}

interface RawEntry {
  manager?: string;
  operation?: string;
  subresource?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
}

/** The managers of a live object, status-subresource entries left out (nothing a deploy sets). */
export function owners(live: KubeObject | undefined): Owner[] {
  const entries = (live?.metadata?.managedFields ?? []) as RawEntry[];
  const result: Owner[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (
      entry.subresource === 'status' ||
      entry.fieldsType !== 'FieldsV1' ||
      !isObject(entry.fieldsV1)
    )
      continue;
    const owner: Owner = {
      manager: entry.manager ?? '(unnamed)',
      operation: entry.operation ?? 'Update',
      fields: [],
      items: [],
    };
    if (entry.subresource) owner.subresource = entry.subresource;
    if (entry.time) owner.time = entry.time;
    collect(entry.fieldsV1, live, '', owner);
    result.push(owner);
  }
  return result;
}

function collect(
  node: Record<string, unknown>,
  value: unknown,
  pointer: string,
  owner: Owner,
): void {
  for (const [name, child] of Object.entries(node)) {
    if (name === '.') {
      owner.items.push(pointer);
      continue;
    }
    const step = resolve(name, value);
    if (step === undefined) continue; // the field or item is gone from the live object
    const childPointer = `${pointer}/${step.segment}`;
    if (isObject(child) && Object.keys(child).length > 0)
      collect(child, step.value, childPointer, owner);
    else owner.fields.push(childPointer);
  }
}

/** One FieldsV1 key (`f:name`, `k:{…}`, `v:…`, `i:3`) as a pointer segment into `value`. */
function resolve(name: string, value: unknown): { segment: string; value: unknown } | undefined {
  const kind = name.slice(0, 2);
  const rest = name.slice(2);
  if (kind === 'f:') {
    return {
      segment: rest.replace(/~/g, '~0').replace(/\//g, '~1'),
      value: isObject(value) ? value[rest] : undefined,
    };
  }
  if (!Array.isArray(value)) return undefined;
  let index = -1;
  if (kind === 'i:') index = Number(rest);
  else if (kind === 'k:' || kind === 'v:') {
    let wanted: unknown;
    try {
      wanted = JSON.parse(rest);
    } catch {
      return undefined;
    }
    index =
      kind === 'k:' && isObject(wanted)
        ? value.findIndex(
            (item) =>
              isObject(item) &&
              Object.entries(wanted).every(([key, want]) => String(item[key]) === String(want)),
          )
        : value.findIndex((item) => JSON.stringify(item) === JSON.stringify(wanted));
  }
  if (!Number.isInteger(index) || index < 0 || index >= value.length) return undefined;
  return { segment: String(index), value: value[index] };
}

/** Whether `pointer` is `prefix` or below it. */
export function within(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(`${prefix}/`);
}

/**
 * The managers that own the field at `pointer`: the field itself, an
 * ancestor they own as a whole, or something below it.
 */
export function ownersOf(all: readonly Owner[], pointer: string): Owner[] {
  return all.filter(
    (owner) =>
      owner.fields.some((field) => within(pointer, field) || within(field, pointer)) ||
      // Owning an item (`.`) is owning its place in the list, not its fields.
      owner.items.some((item) => within(item, pointer)),
  );
}

/**
 * The manager to name for a change: one that is not the release's own
 * (helm, or us restoring it) when there is one, the most recent first.
 */
export function blame(
  candidates: readonly Owner[],
  releaseManagers: ReadonlySet<string>,
): Attribution | undefined {
  const others = candidates.filter((owner) => !releaseManagers.has(owner.manager));
  const pool = others.length > 0 ? others : candidates;
  const best = [...pool].sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''))[0];
  if (!best) return undefined;
  const { manager, operation, subresource, time } = best;
  return { manager, operation, ...(subresource ? { subresource } : {}), ...(time ? { time } : {}) };
}

/** The field manager (and how it writes) that set Helm's release annotation: the tool that deployed the object. */
export function releaseWriter(live: KubeObject | undefined): Attribution | undefined {
  const found = ownersOf(owners(live), '/metadata/annotations/meta.helm.sh~1release-name').find(
    (owner) => !owner.subresource,
  );
  if (!found) return undefined;
  return {
    manager: found.manager,
    operation: found.operation,
    ...(found.time ? { time: found.time } : {}),
  };
}

/** `kubectl-edit (Update) at 2026-05-01T10:00:00Z`, `kubectl via the scale subresource`. */
export function describeAttribution(attribution: Attribution | undefined): string {
  if (!attribution) return 'unknown';
  const how = attribution.subresource ? ` via the ${attribution.subresource} subresource` : '';
  return `${attribution.manager}${how}${attribution.time ? ` at ${attribution.time}` : ''}`;
}
