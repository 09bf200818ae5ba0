import { DEFAULT_TAG, type ImageReference } from '../oci/reference.js';
import type { DigestResolver } from './images.js';

/**
 * Digests the action looked up before helm started the post-renderer
 * (src/render/registry-pool.ts, prefetchDigests), and the resolver the
 * post-renderer answers from them, opening a registry pool only for the rest.
 */

/** Digests looked up ahead, by `registry/repository:tag` (digestKey). */
export type KnownDigests = Record<string, string>;

/** The key of a tag reference among known digests: `127.0.0.1:5000/shop/app:1.0.0`. */
export function digestKey(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}:${reference.tag ?? DEFAULT_TAG}`;
}

/**
 * A resolver that answers from known digests first and opens `fallback` (a
 * registry pool, loaded on first use) for anything else; close() closes it.
 */
export function knownDigestResolver(
  known: KnownDigests,
  fallback: () => Promise<DigestResolver & { close(): void }>,
): DigestResolver & { close(): void } {
  let opened: Promise<DigestResolver & { close(): void }> | undefined;
  const open = () => (opened ??= fallback());
  return {
    resolveDigest: async (reference) =>
      (reference.digest === undefined ? known[digestKey(reference)] : undefined) ??
      (await open()).resolveDigest(reference),
    checkPinned: async (reference) => (await open()).checkPinned(reference),
    close: () =>
      void opened?.then(
        (resolver) => resolver.close(),
        () => undefined,
      ),
  };
}
