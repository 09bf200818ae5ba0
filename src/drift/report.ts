import { createHash } from 'node:crypto';
import type { RequestCounts } from '../kube/client.js';
import type { ObjectRef } from '../kube/objects.js';
import type { Difference, DriftClass } from './compare.js';
import type { Suppressed } from './ignore.js';
import type { Attribution } from './managed-fields.js';
import { formatPath } from './paths.js';
import { sizeOf, type Redactor } from './redact.js';

/**
 * The JSON report (the `report` output), the one source the job summary,
 * the issue and the webhook are written from. Values are shown as bounded
 * JSON text; secret ones only by their size.
 */

export const DRIFT_CLASSES: readonly DriftClass[] = [
  'changed-in-cluster',
  'missing-from-cluster',
  'extra-in-cluster',
  'not-deployed',
];

export interface ReportedChange {
  class: DriftClass;
  object: ObjectRef;
  /** `spec.template.spec.containers[name=web].image`; '' for the whole object. */
  path: string;
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  /** What was deployed (or, for a field Git now sets, what runs). Absent: not set, or secret. */
  before?: string;
  /** What runs now (a cluster change) or what Git says (not deployed). */
  after?: string;
  /** For a cluster change to a field Git changes too: Git's value. */
  desired?: string;
  /** Set for secret values: their sizes in bytes, never their content. */
  redacted?: { before?: number; after?: number; desired?: number };
  manager?: Attribution;
  note?: string;
}

export interface IgnoredChange {
  rule: string;
  reason: string;
  object: ObjectRef;
  path: string;
  class: DriftClass;
}

export interface RemediationReport {
  /** How the objects were restored: `server-side apply as pipeline-actions-drift-check`… */
  method: string;
  restored: { object: ObjectRef; fields: string[] }[];
  /** What was refused, and what to do about it when that is known. */
  failed: { object: ObjectRef; error: string; fix?: string }[];
  /** Differences remediation leaves alone, and why. */
  skipped: { object: ObjectRef; path: string; why: string }[];
}

export interface TargetReport {
  release: string;
  namespace: string;
  chart: string;
  status: 'clean' | 'drifted' | 'error';
  error?: string;
  /** The revision compared with (the last one with status deployed). */
  deployedRevision?: number;
  /**
   * Where the desired state came from: `deployed` (Git unchanged since the
   * recorded deploy), `rendered` (Git changed; rendered with the recorded
   * image), `no-record` (deployed before records: rendered from the config).
   */
  basis?: 'deployed' | 'rendered' | 'no-record';
  /**
   * How a rendered desired state was rendered: `client` (helm template
   * with the cluster's capabilities), `server` (a server dry run: the chart
   * reads the cluster). Absent when nothing was rendered.
   */
  render?: 'client' | 'server';
  /** What the deploy record says was deployed. */
  record?: RecordSummary;
  counts: Record<DriftClass, number>;
  changes: ReportedChange[];
  ignored: IgnoredChange[];
  /** User rules that suppressed nothing here. */
  unusedRules: string[];
  /** Objects in each state, and API requests this target took. */
  objects?: { desired: number; deployed: number; live: number };
  requests?: RequestCounts;
  remediation?: RemediationReport;
  /** After remediation: what is still different. */
  after?: { counts: Record<DriftClass, number>; changes: ReportedChange[] };
}

export interface RecordSummary {
  app: { name: string; dir: string };
  commit?: string;
  run?: string;
  buildVersion?: string;
  images: string[];
  deployedAt: string;
}

export interface DriftReport {
  version: 1;
  environment: string;
  /**
   * The application checked, when known: its key as text (src/record/app-key.ts:
   * the name, with its directory when not at the repository root); one issue per
   * app and environment.
   */
  app?: string;
  /** `k/n` when this run checked one shard of the releases. */
  shard?: string | undefined;
  /** Shards whose reports were missing when merged (the report is then an error). */
  missingShards?: string[];
  generatedAt: string;
  status: 'clean' | 'drifted' | 'error';
  /** Differences after ignores, all targets (before any remediation). */
  count: number;
  /** Stable over runs while the drift stays the same. */
  fingerprint: string;
  targets: TargetReport[];
  rules: { id: string; reason: string; builtIn: boolean; suppressed: number }[];
  requests: RequestCounts;
  durationMs: number;
  /** Peak resident memory of the drift-check process, in bytes (src/peak-rss.ts; helm processes not included). */
  peakRssBytes?: number;
  run?: string;
}

const MAX_SHOWN_CHARS = 240;

export function emptyCounts(): Record<DriftClass, number> {
  return {
    'changed-in-cluster': 0,
    'missing-from-cluster': 0,
    'extra-in-cluster': 0,
    'not-deployed': 0,
  };
}

export function countByClass(
  changes: readonly { class: DriftClass }[],
): Record<DriftClass, number> {
  const counts = emptyCounts();
  for (const change of changes) counts[change.class]++;
  return counts;
}

/** A difference as reported: values as bounded text, secret ones as sizes. */
export function reportChange(difference: Difference, redactor: Redactor): ReportedChange {
  const reported: ReportedChange = {
    class: difference.class,
    object: difference.ref,
    path: formatPath(difference.path),
    pointer: difference.pointer,
    change: difference.change,
  };
  const before =
    difference.class === 'not-deployed'
      ? (difference.deployed ?? difference.live)
      : difference.deployed;
  const after = difference.class === 'not-deployed' ? difference.desired : difference.live;
  const desired = difference.gitChanged ? difference.desired : undefined;
  const values = [before, after, desired];
  const secret =
    difference.path.length > 0 &&
    values.some((value) => redactor.isSecret(difference.ref, difference.path, value));
  if (secret) {
    const base64 = difference.ref.kind === 'Secret' && difference.path[0] === 'data';
    const redacted: NonNullable<ReportedChange['redacted']> = {};
    const sizes = values.map((value) => sizeOf(value, base64));
    if (sizes[0] !== undefined) redacted.before = sizes[0];
    if (sizes[1] !== undefined) redacted.after = sizes[1];
    if (sizes[2] !== undefined) redacted.desired = sizes[2];
    reported.redacted = redacted;
  } else if (difference.path.length > 0) {
    if (before !== undefined) reported.before = show(before, redactor);
    if (after !== undefined) reported.after = show(after, redactor);
    if (desired !== undefined) reported.desired = show(desired, redactor);
  }
  if (difference.manager) reported.manager = difference.manager;
  const note =
    difference.note ??
    (difference.gitChanged ? 'Git changes this field too (not deployed yet)' : undefined);
  if (note) reported.note = note;
  return reported;
}

export function reportIgnored(suppressed: Suppressed): IgnoredChange {
  return {
    rule: suppressed.rule,
    reason: suppressed.reason,
    object: suppressed.difference.ref,
    path: formatPath(suppressed.difference.path),
    class: suppressed.difference.class,
  };
}

/** A value as one line of JSON, cut at 240 characters. */
export function show(value: unknown, redactor?: Redactor): string {
  const text = redactor
    ? redactor.scrub(JSON.stringify(value) ?? 'null')
    : (JSON.stringify(value) ?? 'null');
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}

/**
 * The drift's fingerprint: a hash of what differs, where, and how (for a
 * secret, its sizes and when it was changed, never its content). The same
 * drift on the next run gives the same fingerprint, so an issue is only
 * touched when the drift itself changes.
 */
export function fingerprint(targets: readonly TargetReport[]): string {
  const lines: string[] = [];
  for (const target of targets) {
    for (const change of target.after?.changes ?? target.changes) {
      const object = change.object;
      lines.push(
        JSON.stringify([
          target.namespace,
          target.release,
          change.class,
          object.apiVersion.split('/').length > 1 ? object.apiVersion.split('/')[0] : '',
          object.kind,
          object.namespace ?? '',
          object.name,
          change.path,
          change.before ?? null,
          change.after ?? null,
          change.redacted ? [change.redacted, change.manager?.time ?? null] : null,
        ]),
      );
    }
  }
  lines.sort();
  if (lines.length === 0) return 'clean';
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
