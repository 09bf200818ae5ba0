import type { ObjectRef } from '../kube/objects.js';
import { isSecretName, secretCutter } from '../report/redact.js';
import { isKeyed, type Segment } from './paths.js';

/**
 * Secret values never leave the run: not in the log, the job summary, the
 * JSON report, the issue or the webhook. A Secret's data, anything under a
 * key (or an env var) named like a secret, and any value that contains a
 * known secret (a masked placeholder value) is reported as changed, with its
 * size, never its content. The names and the cutting are src/report/redact.ts's;
 * this file knows where secrets sit in a Kubernetes object.
 */

const REFERENCES =
  /^(secretKeyRef|secretRef|secretName|secret|imagePullSecrets|serviceAccountName|automountServiceAccountToken|tokenSecretRef|projected)$/;

export interface Redactor {
  /** Whether the value at this path must not be shown. */
  isSecret(ref: ObjectRef, path: readonly Segment[], value: unknown): boolean;
  /** Known secret strings replaced by *** in any text (a belt to the braces above). */
  scrub(text: string): string;
}

export function redactor(knownSecrets: readonly string[] = []): Redactor {
  const cutter = secretCutter(knownSecrets);
  return {
    isSecret(ref, path, value) {
      if (
        ref.kind === 'Secret' &&
        (path.length === 0 || path[0] === 'data' || path[0] === 'stringData')
      )
        return true;
      for (const segment of path) {
        // A reference to a secret (secretKeyRef, secretName…) names it; what follows is not its content.
        if (typeof segment === 'string' && REFERENCES.test(segment)) break;
        if (isSecretSegment(segment)) return true;
      }
      const text =
        typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
      return cutter.holds(text);
    },
    scrub: cutter.cut,
  };
}

function isSecretSegment(segment: Segment): boolean {
  if (typeof segment === 'number') return false;
  if (isKeyed(segment)) return segment.key === 'name' && isSecretName(segment.value);
  return isSecretName(segment);
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
