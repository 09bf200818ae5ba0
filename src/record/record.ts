import { UserError } from '../errors.js';
import type { KubeObject } from '../kube/objects.js';
import type { AppKey } from './app-key.js';

/**
 * The deploy record: what a release revision runs and what it was made
 * from, written by helm-deploy with every revision and read back by
 * drift-check (and later deploys) from the cluster alone.
 *
 * It has two homes, because Helm offers no single one that is both
 * selectable and roomy:
 *
 * - Helm's release labels (`helm upgrade --labels`, helm >= 3.13 and 4),
 *   which Helm stores on its own storage object: short, selectable keys
 *   (RECORD_LABELS) so `kubectl get secret -l pipeline-actions.dev/app=shop`
 *   finds every revision of an app in an environment.
 * - The whole record, as JSON in a Secret the post-renderer appends to the
 *   release's manifest (RECORD_OBJECT_LABEL marks it). Appended after the
 *   chart, kustomize, pinning and annotations ran, it never changes an
 *   object of the chart; helm-deploy's diff and drift-check leave it out.
 *   Being part of the manifest, Helm stores it in the revision itself, so
 *   `helm rollback` (which re-applies an earlier revision's manifest) gives
 *   the new revision the record of the revision it rolled back to: a
 *   rollback says truthfully what it runs. A Secret, not a ConfigMap,
 *   because the record keeps the `set` input, which Helm also keeps only in
 *   Secrets.
 */

export const RECORD_VERSION = 1;
export const RECORD_PREFIX = 'pipeline-actions.dev/';
/** Marks the record object in a release's manifest. */
export const RECORD_OBJECT_LABEL = `${RECORD_PREFIX}deploy-record`;
export const RECORD_SECRET_TYPE = `${RECORD_PREFIX}deploy-record.v1`;
export const RECORD_LABELS = {
  record: `${RECORD_PREFIX}record`,
  app: `${RECORD_PREFIX}app`,
  environment: `${RECORD_PREFIX}environment`,
  request: `${RECORD_PREFIX}request`,
} as const;

/** What Git asked for: enough to render the release again from the repository as it is now. */
export interface RecordedRequest {
  /** sha256 hex over everything Git contributes (see requestHash). */
  hash: string;
  chart: string;
  version?: string | undefined;
  repositoryUrl?: string | undefined;
  values: string[];
  set: Record<string, unknown>;
  kustomize?: string | undefined;
  allowMutableTags: boolean;
  /** default.json, relative to the repository root. */
  manifest: string;
}

export interface DeployRecord {
  version: typeof RECORD_VERSION;
  /** The application key: its name, and its directory in a repository with several apps ("." at the root). */
  app: AppKey;
  /** `owner/name` of the repository that deployed it. */
  repository?: string | undefined;
  environment: string;
  release: string;
  namespace: string;
  /** The chart deployed: its reference, version, and digest (a directory's content hash). */
  chart: { ref: string; version?: string | undefined; digest?: string | undefined };
  /** Every image the post-renderer pinned: as written, and the digest it resolved. */
  images: { image: string; digest: string }[];
  /** The build-specific context: build-image's ref and version. */
  build: { image?: string | undefined; version?: string | undefined };
  commit?: string | undefined;
  run?: string | undefined;
  /** When helm-deploy wrote it (ISO 8601). */
  deployedAt: string;
  request: RecordedRequest;
}

/** The record object's name in a release. */
export function recordObjectName(release: string): string {
  return `${release}-deploy-record`;
}

/** The Secret the post-renderer appends to the release's manifest. */
export function recordObject(record: DeployRecord): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: recordObjectName(record.release),
      labels: {
        [RECORD_OBJECT_LABEL]: 'true',
        ...recordLabels(record),
      },
    },
    type: RECORD_SECRET_TYPE,
    data: { record: Buffer.from(JSON.stringify(record), 'utf8').toString('base64') },
  };
}

/** Whether an object is a deploy record (left out of every diff and drift comparison). */
export function isRecordObject(object: KubeObject | undefined): boolean {
  return object?.metadata?.labels?.[RECORD_OBJECT_LABEL] === 'true';
}

/** The short, selectable part: labels for `helm upgrade --labels` (values that are not valid label values are left out). */
export function recordLabels(
  record: Pick<DeployRecord, 'app' | 'environment' | 'request'>,
): Record<string, string> {
  const labels: Record<string, string> = {
    [RECORD_LABELS.record]: `v${RECORD_VERSION}`,
    [RECORD_LABELS.app]: record.app.name,
    [RECORD_LABELS.environment]: record.environment,
    [RECORD_LABELS.request]: record.request.hash.slice(0, 32),
  };
  return Object.fromEntries(Object.entries(labels).filter(([, value]) => isLabelValue(value)));
}

export function isLabelValue(value: string): boolean {
  return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value);
}

/** A release's record, from the objects of its stored manifest; undefined when it has none (deployed before records existed). */
export function findRecord(
  objects: readonly KubeObject[],
  where: string,
): DeployRecord | undefined {
  const object = objects.find(isRecordObject);
  if (!object) return undefined;
  const data = (object as { data?: Record<string, string> }).data?.record;
  let record: DeployRecord;
  try {
    record = JSON.parse(Buffer.from(data ?? '', 'base64').toString('utf8')) as DeployRecord;
  } catch (error) {
    throw new UnreadableRecord(`The deploy record of ${where} is not readable JSON.`, error);
  }
  const problem = checkRecord(record);
  if (problem) throw new UnreadableRecord(`The deploy record of ${where} ${problem}.`);
  return record;
}

/** A record that is there but cannot be read: its release is an error, never "no drift". */
export class UnreadableRecord extends UserError {
  override readonly name = 'UnreadableRecord';

  constructor(message: string, cause?: unknown) {
    super(message, {
      fix: 'deploy the release again with helm-deploy (it writes a new record); do not edit records by hand.',
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

function checkRecord(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return 'is not an object';
  const value = record as Partial<DeployRecord>;
  if (value.version !== RECORD_VERSION)
    return `has version ${String(value.version)}, this drift-check reads version ${RECORD_VERSION}`;
  if (typeof value.app?.name !== 'string' || typeof value.app.dir !== 'string')
    return 'names no application';
  if (typeof value.environment !== 'string') return 'names no environment';
  if (typeof value.request?.hash !== 'string' || typeof value.request.chart !== 'string')
    return 'has no request';
  if (!Array.isArray(value.request.values) || typeof value.request.set !== 'object')
    return 'has a malformed request';
  if (!Array.isArray(value.images)) return 'has no image list';
  return undefined;
}
