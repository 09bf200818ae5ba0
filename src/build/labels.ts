import type { PinnedImage } from './catalog-values.js';

/**
 * The labels every application image carries: the OCI annotations
 * (title, version, source, revision, base name and digest) and the build
 * record a later run compares against to decide whether, and why, to
 * rebuild: the content hash and its parts.
 */

const PREFIX = 'io.github.pipeline-actions';

export const LABELS = {
  title: 'org.opencontainers.image.title',
  version: 'org.opencontainers.image.version',
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
  vendor: 'org.opencontainers.image.vendor',
  baseName: 'org.opencontainers.image.base.name',
  baseDigest: 'org.opencontainers.image.base.digest',
  contentHash: `${PREFIX}.content-hash`,
  sourcesHash: `${PREFIX}.sources-hash`,
  configHash: `${PREFIX}.config-hash`,
  manifestSha256: `${PREFIX}.manifest-sha256`,
  builderName: `${PREFIX}.builder.name`,
  builderDigest: `${PREFIX}.builder.digest`,
  applicationType: `${PREFIX}.application-type`,
} as const;

/** What a build was made of; equal records mean equal images. */
export interface BuildRecord {
  readonly contentHash: string;
  readonly sourcesHash: string;
  readonly configHash: string;
  readonly runtime: { readonly name: string; readonly digest: string };
  readonly builder: { readonly name: string; readonly digest: string } | undefined;
}

export interface ImageDescription {
  readonly title: string;
  readonly version: string;
  readonly namespace: string;
  readonly applicationType: string;
  readonly manifestSha256: string;
  /** Repository URL, when known (GITHUB_SERVER_URL/GITHUB_REPOSITORY). */
  readonly source: string | undefined;
  /** Commit, when known (GITHUB_SHA). */
  readonly revision: string | undefined;
}

export function imageLabels(
  record: BuildRecord,
  runtime: PinnedImage,
  builder: PinnedImage | undefined,
  description: ImageDescription,
): Record<string, string> {
  const labels: Record<string, string> = {
    [LABELS.title]: description.title,
    [LABELS.version]: description.version,
    [LABELS.vendor]: description.namespace,
    [LABELS.baseName]: runtime.name,
    [LABELS.baseDigest]: runtime.digest,
    [LABELS.contentHash]: record.contentHash,
    [LABELS.sourcesHash]: record.sourcesHash,
    [LABELS.configHash]: record.configHash,
    [LABELS.manifestSha256]: description.manifestSha256,
    [LABELS.applicationType]: description.applicationType,
  };
  if (description.source) labels[LABELS.source] = description.source;
  if (description.revision) labels[LABELS.revision] = description.revision;
  if (builder) {
    labels[LABELS.builderName] = builder.name;
    labels[LABELS.builderDigest] = builder.digest;
  }
  return labels;
}

/** The record an earlier image carries; undefined for an image not built by this action. */
export function readBuildRecord(labels: Readonly<Record<string, string>>): BuildRecord | undefined {
  const contentHash = labels[LABELS.contentHash];
  const sourcesHash = labels[LABELS.sourcesHash];
  const configHash = labels[LABELS.configHash];
  const runtimeName = labels[LABELS.baseName];
  const runtimeDigest = labels[LABELS.baseDigest];
  if (!contentHash || !sourcesHash || !configHash || !runtimeName || !runtimeDigest)
    return undefined;
  const builderName = labels[LABELS.builderName];
  const builderDigest = labels[LABELS.builderDigest];
  return {
    contentHash,
    sourcesHash,
    configHash,
    runtime: { name: runtimeName, digest: runtimeDigest },
    builder:
      builderName && builderDigest ? { name: builderName, digest: builderDigest } : undefined,
  };
}
