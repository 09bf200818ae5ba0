import semver from 'semver';
import type { VersionSpec } from '../manifest/index.js';

/**
 * Versions and tags. An exact version is used as written; an X-range
 * ("3.x.x", "3.2.x", "3.x") becomes the next free version in it: one patch
 * above the highest version tag in the range, or the range's first version.
 * Only release tags count (3.1.4, not 3.1.4-rc.1 nor 3.1.4-base.…).
 */

/** Tags that are release versions, highest first. */
export function releaseVersions(tags: readonly string[]): string[] {
  return tags
    .filter((tag) => semver.valid(tag) === tag && semver.prerelease(tag) === null)
    .sort(semver.rcompare);
}

export function resolveVersion(spec: VersionSpec, tags: readonly string[]): string {
  if (spec.kind === 'exact') return spec.value;
  const highest = semver.maxSatisfying(releaseVersions(tags), spec.value);
  if (highest) return semver.inc(highest, 'patch') as string;
  return (semver.minVersion(spec.value) as semver.SemVer).version;
}

/**
 * The tag of the image this one follows: the version itself when it exists
 * (an exact version), else the highest release in the range, else the
 * highest release of all. Undefined for the first image.
 */
export function previousVersionTag(spec: VersionSpec, tags: readonly string[]): string | undefined {
  const releases = releaseVersions(tags);
  if (spec.kind === 'exact') {
    const own = versionTag(spec.value);
    if (tags.includes(own)) return own;
  } else {
    const inRange = semver.maxSatisfying(releases, spec.value);
    if (inRange) return inRange;
  }
  return releases[0];
}

/** The tag of a version: OCI tags cannot hold "+", so build metadata is joined with "_" as helm does. */
export function versionTag(version: string): string {
  return version.replaceAll('+', '_');
}

/** `content-<sha256>`: the tag that names an image's content hash, so it is found without a rebuild. */
export function contentTag(contentHash: string): string {
  return `content-${contentHash}`;
}

export function isContentTag(tag: string): boolean {
  return /^content-[0-9a-f]{64}$/.test(tag);
}

/**
 * The tag a base rebuild adds: the version, the base image's name and the
 * start of its digest (`1.0.1-runtime-http.c7b1bcc81e15`).
 */
export function baseTag(version: string, base: { name: string; digest: string }): string {
  const image = (base.name.split('/').pop() ?? 'base')
    .split(':')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const short = base.digest.slice(base.digest.indexOf(':') + 1, base.digest.indexOf(':') + 13);
  return `${versionTag(version)}-${image}.${short}`.slice(0, 128);
}
