import type { ObjectRef } from '../kube/objects.js';
import { isSecretChange, secretCutter, type Cutter } from '../report/redact.js';
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

/**
 * `knownSecrets` is read as it is when a value is shown, not when the
 * redactor is made: a target's secrets (its masked placeholders, its `set:`
 * values under secret-looking keys) are only known once it is rendered,
 * after its check began.
 */
export function redactor(knownSecrets: ReadonlySet<string> | readonly string[] = []): Redactor {
  const count = () => ('size' in knownSecrets ? knownSecrets.size : knownSecrets.length);
  let cutter = secretCutter(knownSecrets);
  let cut = count();
  const current = (): Cutter => {
    if (count() !== cut) {
      cutter = secretCutter(knownSecrets);
      cut = count();
    }
    return cutter;
  };
  return {
    isSecret: (ref, path, value) => isSecretChange(ref.kind, path, [value], current()),
    scrub: (text) => current().cut(text),
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
