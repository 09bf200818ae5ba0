/**
 * Two kinds of failure, reported differently (as github/codeql-action does):
 * a UserError is something the user can fix (bad input, broken default.json,
 * a missing chart, rejected credentials) and says how; anything else is a
 * failure of ours or of the infrastructure and is reported with its cause.
 */

/** Where in a user's file a problem is; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface UserErrorOptions {
  /** One sentence on how to fix it. */
  fix?: string;
  location?: SourceLocation;
  cause?: unknown;
}

export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly fix: string | undefined;
  readonly location: SourceLocation | undefined;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fix = options.fix;
    this.location = options.location;
  }
}

/** Several user errors found in one pass (every unresolved placeholder, every schema violation). */
export class UserErrors extends UserError {
  override readonly name = 'UserErrors';
  readonly errors: readonly UserError[];

  constructor(summary: string, errors: readonly UserError[]) {
    // No location of its own: each entry carries one, and a heading with the
    // first entry's position would read as if it were the only problem.
    super(`${summary}\n${errors.map((e) => `  - ${formatUserError(e)}`).join('\n')}`);
    this.errors = errors;
  }
}

/** An external tool exited non-zero; carries what is needed to understand why. */
export class ToolError extends Error {
  override readonly name = 'ToolError';

  constructor(
    readonly tool: string,
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`${tool} ${args.join(' ')} exited with code ${exitCode}${tailSuffix(stderr)}`);
  }
}

/** A failure that may go away if tried again (HTTP 429/5xx, a reset connection). */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * A service this step depends on (a registry, the API server, a download host)
 * could not be reached or kept failing: an outage of someone else's service,
 * neither the user's mistake nor a bug of ours.
 */
export class OutageError extends Error {
  override readonly name = 'OutageError';

  constructor(
    /** What could not be reached, in words: "the registry at ghcr.io". */
    readonly service: string,
    /** Why, from the last attempt. */
    readonly reason: string,
    readonly options: {
      attempts?: number;
      elapsedMs?: number;
      /** What this left behind, e.g. "nothing was published". */
      consequence?: string;
      cause?: unknown;
    } = {},
  ) {
    const tries =
      options.attempts === undefined
        ? ''
        : ` after ${options.attempts} attempt${options.attempts === 1 ? '' : 's'}` +
          (options.elapsedMs === undefined
            ? ''
            : ` over ${(options.elapsedMs / 1000).toFixed(1)} s`);
    const consequence = options.consequence ? `; ${options.consequence}` : '';
    super(
      `${service} could not be reached${tries}: ${reason}${consequence}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

/**
 * Network error codes worth another attempt: the connection failed or broke
 * (retry's `isTransient` uses this list).
 */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Could not reach it: the transient codes, and a host name that does not resolve (not worth a retry). */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([...TRANSIENT_NETWORK_CODES, 'ENOTFOUND']);

/**
 * What Go tools (helm, kubectl, docker) print when a connection failed or
 * broke: the one list both the outage check below and helm's retry
 * classifier (src/tools/helm/failures.ts) build on.
 */
export const GO_CONNECTION_FAILURE =
  /connection refused|connection reset by peer|use of closed network connection|broken pipe|i\/o timeout|TLS handshake timeout|server misbehaving|network is unreachable/i;

/** What Go tools print when a server is down or unreachable. */
const UNREACHABLE_TEXT = new RegExp(
  `${GO_CONNECTION_FAILURE.source}|no such host|503 Service Unavailable|502 Bad Gateway|504 Gateway Time-?out|dial tcp [^:]+:\\d+`,
  'i',
);

/**
 * Whether `error` (or anything in its cause chain) is a failure to reach a
 * service: an OutageError, a TransientError, a network error code, or a tool
 * whose output says the server was unreachable. User errors never are.
 */
export function isOutage(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (e instanceof UserError) return false;
    if (e instanceof OutageError || e instanceof TransientError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (e instanceof ToolError && UNREACHABLE_TEXT.test(e.stderr)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** `file:line:col: message` plus the fix, the one-line form used in logs and lists. */
/** Orders problems found in one file as a reader meets them: by line, then column. */
export function byLocation(a: UserError, b: UserError): number {
  return (
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
}

export function formatUserError(error: UserError): string {
  const where = formatLocation(error.location);
  const fix = error.fix ? ` Fix: ${error.fix}` : '';
  return `${where ? `${where}: ` : ''}${error.message}${fix}`;
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/** Any thrown value as text: the template's `instanceof Error` guard loses the rest. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

const STDERR_TAIL_LINES = 20;

function tailSuffix(stderr: string): string {
  const lines = stderr
    .trimEnd()
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return '';
  const tail = lines.slice(-STDERR_TAIL_LINES);
  const skipped = lines.length - tail.length;
  return `:\n${skipped > 0 ? `  … ${skipped} earlier lines\n` : ''}${tail.map((l) => `  ${l}`).join('\n')}`;
}
