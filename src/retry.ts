import {
  errorMessage,
  OutageError,
  TRANSIENT_NETWORK_CODES,
  TransientError,
  UserError,
} from './errors.js';

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Which failures are worth another attempt; by default only transient ones. */
  isRetryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Waits `ms`, or less once `signal` aborts (the default clears its timer then). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * What is being called, in words ("the registry at ghcr.io"). When given, a
   * retryable failure that outlasts every attempt becomes an OutageError that
   * says how many attempts over how long, instead of the last raw error.
   */
  service?: string;
  /** With `service`: what the failure leaves behind, e.g. "nothing was published". */
  consequence?: string;
  /**
   * Once aborted, no further attempt and no wait: the last failure is thrown
   * as it is (or the signal's reason, before the first attempt). For a call
   * started early whose answer may no longer be wanted: its waits must not
   * hold a failed step's process open.
   */
  signal?: AbortSignal;
}

export const DEFAULT_ATTEMPTS = 5;
const MAX_ATTEMPTS = 20;
const MAX_DELAY_CAP_MS = 60_000;

/**
 * Runs `action` until it succeeds, a failure is not retryable, or the attempts
 * run out. Delays grow exponentially with full jitter, are capped, and honour a
 * server's Retry-After (within the cap).
 */
export async function retry<T>(
  action: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.min(Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS), MAX_ATTEMPTS);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = Math.min(options.maxDelayMs ?? 10_000, MAX_DELAY_CAP_MS);
  const isRetryable = options.isRetryable ?? isTransient;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const { signal } = options;
  const started = Date.now();

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await action(attempt);
    } catch (error) {
      if (!isRetryable(error) || signal?.aborted) throw error;
      if (attempt >= attempts) {
        if (options.service === undefined) throw error;
        throw new OutageError(options.service, errorMessage(error), {
          attempts: attempt,
          elapsedMs: Date.now() - started,
          ...(options.consequence === undefined ? {} : { consequence: options.consequence }),
          cause: error,
        });
      }
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const jittered = Math.round(random() * ceiling);
      const serverAsked = error instanceof TransientError ? error.retryAfterMs : undefined;
      const delayMs =
        serverAsked === undefined
          ? jittered
          : Math.min(Math.max(serverAsked, jittered), maxDelayMs);
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs, signal);
      if (signal?.aborted) throw error;
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Transient: an explicit TransientError or a network failure. Never a user error. */
export function isTransient(error: unknown): boolean {
  if (error instanceof UserError) return false;
  if (error instanceof TransientError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code);
}

/** HTTP statuses worth retrying: throttling and server-side failures, never 4xx auth or not-found. */
export function isTransientStatus(status: number): boolean {
  return (
    status === 408 ||
    status === 429 ||
    status === 500 ||
    status === 502 ||
    status === 503 ||
    status === 504
  );
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
