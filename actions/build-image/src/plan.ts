import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import type { AppManifest } from '../../../src/manifest/index.js';
import { LABELS, readBuildRecord, type BuildRecord } from '../../../src/build/labels.js';
import { tagDigest } from '../../../src/build/publish.js';
import { changedBase, rebuildReason, type Reason } from '../../../src/build/reason.js';
import {
  baseTag,
  contentTag,
  previousVersionTag,
  resolveVersion,
  versionTag,
} from '../../../src/build/versions.js';
import type { Target } from './target.js';

/**
 * What this run does, decided from the tags already in the registry before
 * anything is built: reuse an image with the same content hash, or build a
 * new one under which version, for which reason, with which new tags. A
 * version tag that exists with other content ends the run here, before the
 * build, so the registry is left as it was.
 */
export type Plan = ReusePlan | BuildPlan;

export interface ReusePlan {
  readonly kind: 'reuse';
  readonly digest: string;
  readonly version: string;
  /** Tags (version first) that already point at the image. */
  readonly tags: readonly string[];
  /** Tags to (re)create: the content tag, or the version tag when a run stopped before making it. */
  readonly restore: readonly string[];
}

export interface BuildPlan {
  readonly kind: 'build';
  readonly version: string;
  readonly reason: Exclude<Reason, 'none' | 'retag'>;
  /** Immutable tags to create once the image is pushed under its content tag. */
  readonly tags: readonly string[];
  /** The image this one follows, for the log and summary. */
  readonly previous: string | undefined;
}

export async function planImage(
  target: Target,
  manifest: AppManifest,
  tags: readonly string[],
  record: BuildRecord,
): Promise<Plan> {
  const content = contentTag(record.contentHash);
  if (tags.includes(content)) {
    const image = await target.client.getImageConfig(target.repository, content);
    return reusePlan(target, tags, image.digest, image.labels, []);
  }

  const spec = manifest.application.version;
  const previousTag = previousVersionTag(spec, tags);
  const previous = previousTag
    ? await target.client.getImageConfig(target.repository, previousTag)
    : undefined;
  const previousRecord = previous ? readBuildRecord(previous.labels) : undefined;
  if (previous && previousRecord?.contentHash === record.contentHash) {
    // The same content, published before its content tag existed: reuse it and add the tag.
    return reusePlan(target, tags, previous.digest, previous.labels, [content]);
  }

  const version = resolveVersion(spec, tags);
  const reason = rebuildReason(record, previousRecord);
  const newTags: string[] = [];
  const tag = versionTag(version);
  if (tags.includes(tag)) {
    if (reason !== 'base' || !previousRecord)
      throw versionTaken(target, manifest, version, reason, tags);
    core.info(
      `Version ${version} exists with the same sources and configuration on an older base: keeping it, adding a base tag.`,
    );
  } else {
    newTags.push(tag);
  }
  if (reason === 'base' && previousRecord) {
    const base = changedBase(record, previousRecord);
    if (base) newTags.push(baseTag(version, base));
  }
  return {
    kind: 'build',
    version,
    reason,
    tags: newTags,
    previous: previousTag ? `${target.name}:${previousTag}` : undefined,
  };
}

/**
 * The tags that point at an image found by its content. Only tags in the
 * listing just read are asked for (a tag not listed does not exist), each
 * once and all at once.
 */
async function reusePlan(
  target: Target,
  listed: readonly string[],
  digest: string,
  labels: Readonly<Record<string, string>>,
  restore: string[],
): Promise<ReusePlan> {
  const version = labels[LABELS.version];
  const record = readBuildRecord(labels);
  if (!version || !record) {
    throw new Error(
      `${target.name}@${digest} carries a content tag but not the labels build-image writes.`,
    );
  }
  const candidates = [versionTag(version)];
  candidates.push(baseTag(version, record.runtime));
  if (record.builder) candidates.push(baseTag(version, record.builder));
  const digests = await Promise.all(
    candidates.map((tag) =>
      listed.includes(tag) ? tagDigest(target.client, target.repository, tag) : undefined,
    ),
  );
  const pointing = candidates.filter((_, i) => digests[i] === digest);
  const versionFree = digests[0] === undefined;
  if (pointing.length === 0 && versionFree) restore.push(versionTag(version));
  return { kind: 'reuse', digest, version, tags: pointing, restore };
}

function versionTaken(
  target: Target,
  manifest: AppManifest,
  version: string,
  reason: Exclude<Reason, 'none' | 'retag'>,
  tags: readonly string[],
): UserError {
  const what =
    reason === 'commit'
      ? 'its sources differ from this build'
      : reason === 'config'
        ? "its configuration differs from this build's (default.json, the package format or the catalog's settings)"
        : 'it was built differently';
  const [major, minor] = version.split('.');
  const next = resolveVersion({ kind: 'range', value: `${major}.${minor}.x` }, tags);
  return new UserError(
    `Version ${version} of ${target.name} already exists with other content: ${what}. Version tags are never overwritten; nothing was built or pushed.`,
    {
      fix: `raise application.version (${next} is free), or write an X-range such as "${major}.${minor}.x" to publish the next free version.`,
      location: { file: manifest.file },
    },
  );
}
