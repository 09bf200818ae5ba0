import type { BuildRecord } from './labels.js';

/**
 * Why an image is (re)built, kpack-style: `commit` when the sources
 * differ from the latest image of the app (or there is none), `config`
 * when default.json, the catalog's settings or the generator differ, `base`
 * when only a standard base image's digest does; `none` when an identical
 * image already exists and is reused; `retag` when such an image is reused
 * but its version tag is new (a run that stopped before tagging it): a new
 * version to deploy, with nothing rebuilt.
 */
export type Reason = 'commit' | 'config' | 'base' | 'none' | 'retag';

export function rebuildReason(
  current: BuildRecord,
  previous: BuildRecord | undefined,
): Exclude<Reason, 'none' | 'retag'> {
  if (!previous || previous.sourcesHash !== current.sourcesHash) return 'commit';
  if (previous.configHash !== current.configHash) return 'config';
  if (changedBase(current, previous)) return 'base';
  return 'config';
}

/** The base that differs from the previous image, runtime first; undefined when both are the same. */
export function changedBase(
  current: BuildRecord,
  previous: BuildRecord,
): { name: string; digest: string } | undefined {
  if (!sameImage(current.runtime, previous.runtime)) return current.runtime;
  if (current.builder && !sameImage(current.builder, previous.builder)) return current.builder;
  return undefined;
}

function sameImage(
  a: { name: string; digest: string },
  b: { name: string; digest: string } | undefined,
): boolean {
  return b !== undefined && a.name === b.name && a.digest === b.digest;
}
