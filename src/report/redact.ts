import * as core from '../core.js';

/**
 * Secrets, in one place: which names look like secrets, masking a value with
 * the runner (the log), and cutting values out of everything the runner does
 * not mask (job summaries, JSON reports, diffs, issues, webhooks, SARIF).
 * The drift and InSpec reports decide which of their fields are secret with
 * these; they never keep a list or a cutter of their own.
 */

export const REDACTED = '***';

/**
 * Shorter values are never cut out of text: replacing "on" or "42" inside
 * every message would garble the report (a field known to be secret is
 * replaced whole, whatever its length).
 */
export const MIN_CUT_LENGTH = 4;

/**
 * Names that look like secrets: environment variables (`DB_PASSWORD`,
 * `API_KEY`), keys in a manifest (`password`, `tls.key`, `client-secret`),
 * inputs of a profile (`api_token`).
 */
const SECRET_NAME =
  /(secret|passw(or)?d|token|private|credential|api[-_.]?key|[-_.]key$|^key$|cert(ificate)?-?key|\.pem$)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A reference to a secret (secretKeyRef, secretName…) names it; what follows is not its content. */
const SECRET_REFERENCE =
  /^(secretKeyRef|secretRef|secretName|secret|imagePullSecrets|serviceAccountName|automountServiceAccountToken|tokenSecretRef|projected)$/;

/** A step into a Kubernetes object: a key, a list index, or a list item by its key (`env[name=DB_PASSWORD]`). */
export type FieldSegment = string | number | { key: string; value: string };

/**
 * Whether a field of a Kubernetes object holds a secret: a Secret's data,
 * anything under a key named like a secret, or a list item whose name is
 * (an env var `DB_PASSWORD`); never the name of a referenced secret.
 */
export function isSecretField(kind: string, path: readonly FieldSegment[]): boolean {
  if (kind === 'Secret' && (path.length === 0 || path[0] === 'data' || path[0] === 'stringData'))
    return true;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    if (typeof segment === 'object') {
      if (segment.key === 'name' && isSecretName(segment.value)) return true;
      continue;
    }
    if (SECRET_REFERENCE.test(segment)) return false;
    if (isSecretName(segment)) return true;
  }
  return false;
}

/**
 * Whether a change to a field of a Kubernetes object must not be shown: a
 * secret field, or a value (before or after) that holds a known secret. A
 * value that holds today's secret held the one before it too, which no
 * cutter knows (a rotated password inside a connection string): the whole
 * change is hidden, never cut.
 */
export function isSecretChange(
  kind: string,
  path: readonly FieldSegment[],
  values: readonly unknown[],
  secrets: Cutter | undefined,
): boolean {
  if (isSecretField(kind, path)) return true;
  if (!secrets || secrets.values.length === 0) return false;
  return values.some(
    (value) =>
      value !== undefined &&
      secrets.holds(typeof value === 'string' ? value : JSON.stringify(value)),
  );
}

/**
 * The values of a nested map (helm's `set`, a values tree) that sit under a
 * secret-looking key at any depth (`db.password`, `auth.apiToken.value`):
 * what to mask and to cut. Keys with dots count segment by segment, as helm
 * reads `a.b.c`.
 */
export function secretValuesIn(map: unknown, underSecret = false): string[] {
  if (map === null || map === undefined) return [];
  if (Array.isArray(map)) return map.flatMap((item) => secretValuesIn(item, underSecret));
  if (typeof map === 'object') {
    return Object.entries(map as Record<string, unknown>).flatMap(([key, value]) =>
      secretValuesIn(value, underSecret || key.split('.').some(isSecretName)),
    );
  }
  return underSecret ? [String(map)] : [];
}

/**
 * Masks a secret and the forms it commonly leaks in: each line of a
 * multi-line value (keys, kubeconfigs) and its base64 encoding (basic-auth
 * headers, docker config.json, Kubernetes Secret data).
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return;
  const forms = new Set<string>([value, value.trim()]);
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().length >= MIN_CUT_LENGTH) forms.add(line.trim());
  }
  forms.add(Buffer.from(value, 'utf8').toString('base64'));
  for (const form of forms) {
    if (form.length > 0) core.setSecret(form);
  }
}

/** The fields of a kubeconfig user that are credentials. */
const KUBECONFIG_CREDENTIALS = new Set([
  'token',
  'password',
  'client-key-data',
  'client-certificate-data',
]);

/**
 * Masks each credential of a kubeconfig's text (a token, a password, a
 * client key and certificate, their base64 and line forms, and the key as
 * PEM); the server address and the names stay readable in the log.
 */
export function maskKubeconfigCredentials(text: string): void {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*-?\s*([\w-]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (match && KUBECONFIG_CREDENTIALS.has(match[1] ?? '')) {
      const value = (match[2] ?? '').replace(/^["']|["']$/g, '');
      maskSecret(value);
      // The client key itself (PEM), as a tool that decoded it would print it.
      if (match[1] === 'client-key-data') maskSecret(Buffer.from(value, 'base64').toString('utf8'));
    }
  }
}

/** Masks the base64 of `user:password`, the form registries and docker see. */
export function maskBasicAuth(username: string, password: string): void {
  maskSecret(password);
  core.setSecret(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
}

/** Cuts known secret values out of text. */
export interface Cutter {
  /** The values it cuts: long enough, each once, longest first (a secret inside another is never half cut). */
  readonly values: readonly string[];
  /** Whether the text holds any of them. */
  holds(text: string): boolean;
  /** The text with every value replaced by `***`. */
  cut(text: string): string;
  /** A copy of a JSON-like value with every string cut. */
  cutDeep<T>(node: T): T;
}

export function secretCutter(values: Iterable<string | number | boolean>): Cutter {
  const list = [...new Set([...values].map(String))]
    .filter((value) => value.length >= MIN_CUT_LENGTH)
    .sort((a, b) => b.length - a.length);
  const holds = (text: string) => list.some((value) => text.includes(value));
  const cut = (text: string) => {
    let result = text;
    for (const value of list) {
      if (result.includes(value)) result = result.split(value).join(REDACTED);
    }
    return result;
  };
  const cutDeep = (node: unknown): unknown => {
    if (typeof node === 'string') return list.length > 0 ? cut(node) : node;
    if (Array.isArray(node)) return node.map(cutDeep);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, cutDeep(value)]));
    }
    return node;
  };
  return { values: list, holds, cut, cutDeep: <T>(node: T) => cutDeep(node) as T };
}
