import { createHash } from 'node:crypto';

/** `sha256:<hex>` (or sha512) of some bytes. */
export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Recomputes `expected` with its own algorithm; false when the bytes differ or the algorithm is unknown. */
export function matchesDigest(bytes: Uint8Array, expected: string): boolean {
  const algorithm = expected.slice(0, expected.indexOf(':'));
  if (algorithm !== 'sha256' && algorithm !== 'sha512') return false;
  return digestOf(bytes, algorithm) === expected;
}
