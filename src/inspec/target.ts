import { UserError } from '../errors.js';
import { maskSecret } from '../report/redact.js';

/** Train transports the gate accepts; `local` runs on the runner itself. */
export const TARGET_SCHEMES = ['local', 'docker', 'ssh', 'winrm', 'k8s', 'k8s-container'] as const;
export type TargetScheme = (typeof TARGET_SCHEMES)[number];

export interface Target {
  scheme: TargetScheme;
  /** For logs and summaries: a password in the URL replaced by ***. */
  display: string;
  /** The arguments that select it (none for local, InSpec's default). */
  args: string[];
}

const URL_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(.*)$/s;

/**
 * Checks the `target` input before anything runs: an unknown scheme would
 * otherwise surface as a Train plugin error after the profile was fetched.
 * A password written into the URL is masked at once.
 */
export function parseTarget(text: string): Target {
  const value = text.trim();
  if (value === 'local' || value === 'local://')
    return { scheme: 'local', display: 'local', args: [] };
  const match = URL_FORM.exec(value);
  const scheme = match?.[1]?.toLowerCase();
  // Masked before anything is said of the target, a refusal included.
  const [, , user, password, rest = ''] = match ?? [];
  if (password) {
    maskSecret(password);
    maskSecret(decodeURIComponentSafe(password));
  }
  // What is not a URL may still hold a login (`deploy:pw@host`): never quoted.
  const display = password
    ? `${scheme}://${user ?? ''}:***@${rest}`
    : match
      ? value
      : value.replace(/^[^@]*@/, '***@');
  if (!match || !scheme || !(TARGET_SCHEMES as readonly string[]).includes(scheme)) {
    throw new UserError(
      match
        ? `Target "${display}" uses the scheme "${scheme}", which inspec-verify does not support.`
        : `Target "${display}" is not a target URL.`,
      {
        fix: 'use local, docker://<container>, ssh://<user>@<host>, winrm://<user>@<host>, k8s://<namespace> or k8s-container://<namespace>/<pod>/<container>.',
      },
    );
  }
  return { scheme: scheme as TargetScheme, display, args: ['--target', value] };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
