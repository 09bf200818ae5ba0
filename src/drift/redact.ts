import type { ObjectRef } from '../kube/objects.js';
import { isSecretChange, secretCutter } from '../report/redact.js';
import type { Segment } from './paths.js';

/**
 * Secret values never leave the run: not in the log, the job summary, the
 * JSON report, the issue or the webhook. A Secret's data, anything under a
 * key (or an env var) named like a secret, and any value that contains a
 * known secret (a masked placeholder value) is reported as changed, with its
 * size, never its content. Which fields are secret, and the cutting, are
 * src/report/redact.ts's (helm-deploy's diff asks the same questions).
 */

export interface Redactor {
  /** Whether the value at this path must not be shown. */
  isSecret(ref: ObjectRef, path: readonly Segment[], value: unknown): boolean;
  /** Known secret strings replaced by *** in any text (a belt to the braces above). */
  scrub(text: string): string;
}

export function redactor(knownSecrets: readonly string[] = []): Redactor {
  const cutter = secretCutter(knownSecrets);
  return {
    isSecret: (ref, path, value) => isSecretChange(ref.kind, path, [value], cutter),
    scrub: cutter.cut,
  };
}

/** The size a value takes, in bytes: a Secret's data decoded from base64, anything else as text. */
export function sizeOf(value: unknown, base64: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string')
    return base64 ? Buffer.from(value, 'base64').length : Buffer.byteLength(value);
  if (value !== null && typeof value === 'object' && base64) {
    return Object.values(value).reduce<number>(
      (total, item) => total + (sizeOf(item, true) ?? 0),
      0,
    );
  }
  return Buffer.byteLength(JSON.stringify(value));
}
