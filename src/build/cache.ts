/**
 * BuildKit cache options. `registry` keeps the cache in a `buildcache` tag
 * next to the image, `gha` in the GitHub Actions cache (scoped per app).
 * A cache is an optimisation: an export the builder cannot do is dropped
 * with a warning, exports never fail the build (`ignore-error=true`), and a
 * build that fails in its cache import or export is run again without.
 */

export const CACHE_MODES = ['none', 'gha', 'registry'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

export interface CachePlan {
  readonly from: string[];
  readonly to: string[];
  /** Why a part of the requested cache is not used (shown as warnings). */
  readonly notes: string[];
}

export interface CacheContext {
  /** The builder's driver (`docker` cannot export a cache on the classic image store). */
  driver: string | undefined;
  /** Image name without tag: registry/namespace/app. */
  image: string;
  /** A scope of its own per application, for the GitHub cache. */
  scope: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function cachePlan(mode: CacheMode, context: CacheContext): CachePlan {
  const from: string[] = [];
  const to: string[] = [];
  const notes: string[] = [];
  if (mode === 'none') return { from, to, notes };
  const canExport = context.driver !== undefined && context.driver !== 'docker';
  if (mode === 'registry') {
    const ref = `${context.image}:buildcache`;
    from.push(`type=registry,ref=${ref}`);
    if (canExport) to.push(`type=registry,ref=${ref},mode=max,ignore-error=true`);
  } else {
    if (
      !context.env.ACTIONS_RUNTIME_TOKEN ||
      !(context.env.ACTIONS_CACHE_URL || context.env.ACTIONS_RESULTS_URL)
    ) {
      notes.push(
        'the GitHub Actions cache is not available in this job (no ACTIONS_RUNTIME_TOKEN / cache URL); building without a cache.',
      );
      return { from, to, notes };
    }
    // buildx reads the cache service's URL and token from the environment, never from arguments.
    from.push(`type=gha,scope=${context.scope}`);
    if (canExport) to.push(`type=gha,scope=${context.scope},mode=max,ignore-error=true`);
  }
  if (!canExport) {
    notes.push(
      `the buildx builder uses the "${context.driver ?? 'unknown'}" driver, which cannot export a ${mode} cache; only importing it. Add docker/setup-buildx-action (docker-container driver) to keep a cache.`,
    );
  }
  return { from, to, notes };
}

/**
 * Whether a failed build failed in its cache import or export rather than in
 * the build itself: an error line (not a progress line such as
 * "#8 exporting cache … done") that is about the cache.
 */
export function isCacheFailure(output: string): boolean {
  return output
    .split('\n')
    .some((line) => /^\s*(ERROR|error)\b|failed to|\berror:/.test(line) && /\bcache\b/i.test(line));
}
