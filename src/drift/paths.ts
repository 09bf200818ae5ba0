/**
 * Paths into Kubernetes objects. A segment is a map key, an item of a list
 * matched by its merge key (`containers[name=web]`, so a reordered list is
 * not a change), or a list index. Paths print two ways: for people
 * (`spec.template.spec.containers[name=web].image`) and as an RFC 6901 JSON
 * pointer with the item's index in the object (`/spec/template/spec/containers/0/image`).
 */

export interface KeyedSegment {
  key: string;
  value: string;
  /** The item's index in the live object (else the desired one), for JSON pointers. */
  index: number;
}

export type Segment = string | number | KeyedSegment;
export type Path = readonly Segment[];

export function isKeyed(segment: Segment): segment is KeyedSegment {
  return typeof segment === 'object';
}

/** `spec.template.spec.containers[name=web].env[name=GREETING].value`; `metadata.labels["app.kubernetes.io/name"]`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (isKeyed(segment)) text += `[${segment.key}=${segment.value}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The RFC 6901 pointer (`~` as `~0`, `/` as `~1`). */
export function formatPointer(path: Path): string {
  return path
    .map((segment) =>
      typeof segment === 'number'
        ? `/${segment}`
        : isKeyed(segment)
          ? `/${segment.index}`
          : `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    )
    .join('');
}

/** The segments of an RFC 6901 pointer, unescaped. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new Error(`"${pointer}" is not a JSON pointer: it must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `path` in `value`, keyed segments matched by key. */
export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (isKeyed(segment)) {
      if (!Array.isArray(current)) return undefined;
      current = current.find(
        (item) => isObject(item) && String(item[segment.key]) === segment.value,
      );
    } else if (typeof segment === 'number') {
      current = Array.isArray(current) ? current[segment] : undefined;
    } else {
      current = Array.isArray(current) ? undefined : (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** `path` with each keyed segment's index taken from `value` (where the item is), for pointers into it. */
export function indexedIn(value: unknown, path: Path): Segment[] {
  const result: Segment[] = [];
  let current = value;
  for (const segment of path) {
    if (isKeyed(segment) && Array.isArray(current)) {
      const index = current.findIndex(
        (item) => isObject(item) && String(item[segment.key]) === segment.value,
      );
      result.push({ ...segment, index: index === -1 ? segment.index : index });
      current = index === -1 ? undefined : current[index];
    } else {
      result.push(segment);
      current = valueAt(current, [segment]);
    }
  }
  return result;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function startsWith(path: Path, prefix: Path): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => sameSegment(segment, path[index] as Segment));
}

function sameSegment(a: Segment, b: Segment): boolean {
  if (isKeyed(a) || isKeyed(b))
    return isKeyed(a) && isKeyed(b) && a.key === b.key && a.value === b.value;
  return a === b;
}
