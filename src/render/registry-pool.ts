import { errorMessage } from '../errors.js';
import { RegistryPool } from '../oci/pool.js';
import { isMutableTag, parseReference } from '../oci/reference.js';
import type { RegistryAccess } from '../registry/access.js';
import { digestKey, type KnownDigests } from './known-digests.js';

/**
 * The registry side of the rendering chain, kept out of the post-renderer's
 * start: the post-renderer loads it (and the HTTP and TLS modules under it)
 * only for a reference the action did not look up before helm started it.
 */

/** A RegistryPool for the configured access (call close() when done). */
export function registryPool(
  access: RegistryAccess,
  options: { prefetch?: boolean } = {},
): RegistryPool {
  return new RegistryPool({
    credentials: access.credentials,
    ...(access.caFile ? { caFile: access.caFile } : {}),
    userAgent: 'pipeline-actions/helm-deploy',
    // A look-up ahead of time is tried once, briefly: the post-renderer asks
    // again, with every retry, for whatever this did not find.
    ...(options.prefetch ? { retry: { attempts: 1 }, timeoutMs: PREFETCH_TIMEOUT_MS } : {}),
  });
}

const PREFETCH_TIMEOUT_MS = 5000;

/**
 * Tags looked up while the action does its other work (the cluster and the
 * release read), for the post-renderer helm starts later: what a deploy of
 * these images pins, without a registry request in helm's critical path.
 * Only what the post-renderer would ask for is looked up (no digest given,
 * no mutable tag unless allowed); a look-up that fails is left out, so the
 * post-renderer asks again and reports it as it always has.
 */
export async function prefetchDigests(
  images: readonly string[],
  access: RegistryAccess,
  options: { allowMutableTags: boolean; log?: (message: string) => void },
): Promise<KnownDigests> {
  const references = new Map<string, ReturnType<typeof parseReference>>();
  for (const image of images) {
    try {
      const reference = parseReference(image);
      if (reference.digest !== undefined) continue;
      if (isMutableTag(reference) && !options.allowMutableTags) continue;
      references.set(digestKey(reference), reference);
    } catch {
      // the post-renderer reports an unreadable reference where it is used
    }
  }
  if (references.size === 0) return {};
  // Ahead, never in the way: the requests already started (the API server's
  // version) are written first. The registry's first exchange sets up TLS, some
  // 10 ms of CPU on the main thread that would otherwise hold them back, with
  // the memory it takes.
  await new Promise((resolve) => setImmediate(resolve));
  const pool = registryPool(access, { prefetch: true });
  try {
    const known: KnownDigests = {};
    await Promise.all(
      [...references].map(async ([key, reference]) => {
        try {
          known[key] = await pool.resolveDigest(reference);
        } catch (error) {
          options.log?.(
            `${key}: not looked up ahead (${errorMessage(error)}); the post-renderer asks`,
          );
        }
      }),
    );
    return known;
  } finally {
    pool.close();
  }
}
