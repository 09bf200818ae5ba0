import { GO_CONNECTION_FAILURE, ToolError, TransientError, UserError } from '../../errors.js';
import type { ExecResult } from '../../exec.js';

/**
 * What a failed helm command means for the user, read from helm's output:
 * chart and registry commands (helmFailure) and release commands
 * (releaseFailure) fail in different ways, so each has its classifier.
 */

/** Worth another attempt: a broken connection, a cut body, throttling, a gateway or server outage. */
const TRANSIENT = new RegExp(
  `${GO_CONNECTION_FAILURE.source}|unexpected EOF|: EOF\\b|no such host.*temporary|\\b(?:429|502|503|504)\\b|Too Many Requests|Service Unavailable|Bad Gateway|Gateway Timeout|context deadline exceeded`,
  'i',
);
const AUTH =
  /\b401\b|\bunauthorized\b|authentication required|\b403\b|\bforbidden\b|access (?:to the resource )?(?:is )?denied|denied: requested access/i;
const CERTIFICATE =
  /x509:|certificate signed by unknown authority|tls: failed to verify certificate/i;

/** A failed helm command as the error a user should see. */
export function helmFailure(
  what: string,
  args: readonly string[],
  result: ExecResult,
  binary = 'helm',
): Error {
  const text = (result.stderr || result.stdout).trim();
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('Error:'))
      .pop() ??
    text.split('\n').pop() ??
    '';
  if (CERTIFICATE.test(text)) {
    return new UserError(
      `helm ${what} failed: the server's TLS certificate is not trusted (${line}).`,
      {
        fix: "pass the CA that signed the server's certificate (the registry-ca input).",
      },
    );
  }
  if (AUTH.test(text)) {
    return new UserError(`helm ${what} was refused: ${line}`, {
      fix: 'check the username and password (or token) and that they may access this repository.',
    });
  }
  if (TRANSIENT.test(text)) return new TransientError(`helm ${what} failed: ${line}`);
  return new ToolError(binary, args, result.exitCode, text);
}

const IN_PROGRESS = /another operation \(install\/upgrade\/rollback\) is in progress/i;
/**
 * The API server failed helm past client-go's own retries (it retries 429
 * and 5xx that carry Retry-After ten times), or the connection broke
 * (Go's `Post "https://…": EOF`; not a bare "unexpected EOF", which a
 * template's YAML error can say). Not helm's "context deadline exceeded": a
 * wait that timed out is a failed deploy.
 */
const API_OUTAGE = new RegExp(
  `${GO_CONNECTION_FAILURE.source}|"https?://[^"\\s]+": (?:unexpected )?EOF\\b|the server is currently unable to handle the request|the server has received too many requests|http2: server sent GOAWAY`,
  'i',
);
const UNREACHABLE_CLUSTER = /Kubernetes cluster unreachable/i;
/** Two upgrades raced for one revision: helm's storage refuses the second (the revision's Secret exists). */
const RACED =
  /(?:UPGRADE|INSTALLATION) FAILED: .*release: already exists|^Error: release: already exists/im;

/**
 * A failed release command. Another operation in progress and an
 * unreachable cluster are explained; anything else is a ToolError with
 * helm's output, for the caller to explain (helm's "context deadline
 * exceeded" on a wait is a failed deploy, never something to retry).
 */
export function releaseFailure(
  release: string,
  args: readonly string[],
  result: ExecResult,
  binary = 'helm',
): Error {
  const text = (result.stderr || result.stdout).trim();
  if (RACED.test(text)) {
    return new UserError(
      `Another deploy of release ${release} created the same revision at the same moment; this one stopped before changing anything.`,
      {
        fix: 'run deploys of one release one at a time: a `concurrency:` group per release in the workflow.',
      },
    );
  }
  if (IN_PROGRESS.test(text)) {
    return new UserError(
      `Another operation on release ${release} is in progress (another deploy, or one that was cancelled and left it pending).`,
      {
        fix: 'let the other deploy finish (use a `concurrency:` group per release in the workflow); if none is running, deploy again with recover-pending: true.',
      },
    );
  }
  if (UNREACHABLE_CLUSTER.test(text)) {
    const line = text.split('\n').find((l) => UNREACHABLE_CLUSTER.test(l)) ?? text;
    return new TransientError(line.replace(/^Error:\s*/, ''));
  }
  if (API_OUTAGE.test(text)) {
    const line = text.split('\n').findLast((l) => API_OUTAGE.test(l)) ?? text;
    return new TransientError(`helm ${args[0] ?? ''}: ${line.trim().replace(/^Error:\s*/, '')}`);
  }
  return new ToolError(binary, args, result.exitCode, text);
}
