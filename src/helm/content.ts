import { createHash } from 'node:crypto';
import { parseYaml } from '../yaml.js';
import { readChartArchive, type ArchiveLimits } from './archive.js';

/**
 * What "the same chart" means. `helm package` is not byte-reproducible (each
 * tar entry carries the packaging time, and helm rewrites Chart.yaml), so two
 * packages of one chart have different sha256s and different OCI manifest
 * digests. The content digest ignores exactly that and nothing else:
 *
 * - every regular file of the chart is hashed by its path inside the chart;
 * - Chart.yaml is compared by meaning: parsed, then hashed as JSON with sorted
 *   keys (helm 3 and helm 4 may serialise it differently);
 * - a packaged subchart (`charts/<name>.tgz`, which `helm dependency build`
 *   may have re-packaged with new timestamps) is hashed by its own content
 *   digest, recursively;
 * - timestamps, owners, modes and the order of the tar entries do not count,
 *   nor does a provenance file (it is a signature over the package, not part
 *   of the chart).
 *
 * The digest is sha256 over the sorted `<file digest>  <path>` lines, so the
 * per-file list says exactly which files differ when two charts are not equal.
 */

export interface ChartContent {
  /** The chart's name (its archive's top-level directory). */
  name: string;
  /** `sha256:<hex>` over the whole list. */
  digest: string;
  /** Path inside the chart → sha256 hex of its normalised content. */
  files: Map<string, string>;
}

export interface ContentDifference {
  added: string[];
  removed: string[];
  changed: string[];
}

const MAX_SUBCHART_DEPTH = 5;

export function chartContent(
  tgz: Buffer,
  source: string,
  limits: ArchiveLimits = {},
): ChartContent {
  return contentOf(tgz, source, limits, 0);
}

function contentOf(
  tgz: Buffer,
  source: string,
  limits: ArchiveLimits,
  depth: number,
): ChartContent {
  const archive = readChartArchive(tgz, source, limits);
  const files = new Map<string, string>();
  for (const [path, data] of archive.files) {
    files.set(path, fileDigest(path, data, `${source}:${path}`, limits, depth));
  }
  const listing = [...files.keys()]
    .sort()
    .map((path) => `${files.get(path)}  ${path}\n`)
    .join('');
  return { name: archive.name, digest: `sha256:${sha256(listing)}`, files };
}

function fileDigest(
  path: string,
  data: Buffer,
  source: string,
  limits: ArchiveLimits,
  depth: number,
): string {
  if (path === 'Chart.yaml') {
    return sha256(canonicalJson(parseYaml(data.toString('utf8'), source)));
  }
  if (depth < MAX_SUBCHART_DEPTH && isPackagedSubchart(path)) {
    return sha256(`subchart ${contentOf(data, source, limits, depth + 1).digest}`);
  }
  return sha256(data);
}

/** `charts/<x>.tgz`, at any depth of nested charts (`charts/a/charts/b.tgz`). */
function isPackagedSubchart(path: string): boolean {
  const parts = path.split('/');
  return parts.length >= 2 && parts[parts.length - 2] === 'charts' && /\.tgz$/.test(path);
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function compareContent(ours: ChartContent, theirs: ChartContent): ContentDifference {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, digest] of ours.files) {
    const other = theirs.files.get(path);
    if (other === undefined) added.push(path);
    else if (other !== digest) changed.push(path);
  }
  const removed = [...theirs.files.keys()].filter((path) => !ours.files.has(path));
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

/** `changed: templates/a.yaml; only in yours: b.yaml; only in the published one: c.yaml`, shortened. */
export function describeDifference(difference: ContentDifference, max = 8): string {
  const list = (paths: string[]) =>
    paths.length > max
      ? `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`
      : paths.join(', ');
  const parts: string[] = [];
  if (difference.changed.length > 0) parts.push(`changed: ${list(difference.changed)}`);
  if (difference.added.length > 0) parts.push(`only in yours: ${list(difference.added)}`);
  if (difference.removed.length > 0) {
    parts.push(`only in the published one: ${list(difference.removed)}`);
  }
  return parts.join('; ');
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
