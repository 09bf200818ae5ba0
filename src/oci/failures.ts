import { TransientError, UserError, errorMessage } from '../errors.js';
import { isTransientStatus, parseRetryAfter } from '../retry.js';

/**
 * Turning what a registry (or the network on the way) answered into the error
 * a user should see: throttling and server failures are transient and carry
 * Retry-After; certificate problems say which CA to pass; anything else keeps
 * the status and the registry's own error codes, truncated.
 */

const SUMMARY_MAX_CHARS = 300;

/**
 * The registry's error body as one line: `MANIFEST_UNKNOWN: manifest unknown`
 * from `{"errors":[{"code","message"}]}`, else the text itself; truncated.
 * Empty when there is nothing to say, otherwise prefixed with `prefix`.
 */
export function registryErrorSummary(body: Buffer | undefined, prefix = ''): string {
  if (!body || body.length === 0) return '';
  const text = body
    .subarray(0, 16 * 1024)
    .toString('utf8')
    .trim();
  let summary = text.replace(/\s+/g, ' ');
  try {
    const errors = (JSON.parse(text) as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      summary = errors
        .map((e: { code?: unknown; message?: unknown }) =>
          [e?.code, e?.message].filter((part) => typeof part === 'string' && part).join(': '),
        )
        .filter(Boolean)
        .join('; ');
    }
  } catch {
    // not JSON: keep the text
  }
  if (summary === '') return '';
  if (summary.length > SUMMARY_MAX_CHARS) summary = `${summary.slice(0, SUMMARY_MAX_CHARS)}…`;
  return `${prefix}${summary}`;
}

export interface FailedExchange {
  registry: string;
  method: string;
  /** Path and query, never a full URL that could carry credentials. */
  path: string;
  status: number;
  retryAfter?: string | undefined;
  body?: Buffer | undefined;
}

/** An unexpected status as an error: transient (retried) for 408/429/5xx, otherwise final. */
export function statusFailure(exchange: FailedExchange, now = Date.now()): Error {
  const what = `Registry ${exchange.registry} answered HTTP ${exchange.status} to ${exchange.method} ${exchange.path}`;
  const detail = registryErrorSummary(exchange.body, ': ');
  if (isTransientStatus(exchange.status)) {
    return new TransientError(`${what}${detail}`, {
      retryAfterMs: parseRetryAfter(exchange.retryAfter, now),
    });
  }
  return new Error(`${what}${detail}`);
}

const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const INVALID_CERTIFICATE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
]);
const TRANSIENT_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A TLS client that reached a plain-HTTP server: OpenSSL reads the HTTP answer as a bad record. */
export function isPlainHttpAnswer(error: unknown): boolean {
  const message = errorMessage(error);
  return (
    errorCode(error) === 'EPROTO' ||
    errorCode(error) === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    /wrong version number|packet length too long|http request/i.test(message)
  );
}

/** A failure below HTTP (connection, DNS, TLS) as the error a user should see. */
export function networkFailure(error: unknown, registry: string, caGiven: boolean): Error {
  if (error instanceof UserError || error instanceof TransientError) return error;
  const code = errorCode(error);
  // Node appends advice about --use-system-ca; ours follows in `fix`.
  const message = errorMessage(error).split('; if the root CA')[0] ?? '';
  if (code && UNTRUSTED_CERTIFICATE.has(code)) {
    return new UserError(
      `TLS verification of registry ${registry} failed: ${message} (${code}). Its certificate is not signed by a trusted CA.`,
      {
        cause: error,
        fix: caGiven
          ? `The CA certificate that was passed did not sign ${registry}'s certificate; pass the CA that did.`
          : `Pass the registry's CA certificate (the CA file input, a PEM file) so its certificate can be verified.`,
      },
    );
  }
  if (code && INVALID_CERTIFICATE.has(code)) {
    return new UserError(
      `TLS certificate of registry ${registry} is not valid: ${message} (${code}).`,
      {
        cause: error,
        fix: `Fix the registry's certificate (its validity dates and that it names ${registry}).`,
      },
    );
  }
  if (code === 'ENOTFOUND') {
    return new UserError(`Registry host ${registry} was not found (DNS lookup failed).`, {
      cause: error,
      fix: 'Check the registry host name in the image or chart reference.',
    });
  }
  if (code && TRANSIENT_NETWORK.has(code)) {
    const suffix = message.includes(code) ? '' : ` (${code})`;
    return new TransientError(`Could not talk to registry ${registry}: ${message}${suffix}.`, {
      cause: error,
    });
  }
  if (isPlainHttpAnswer(error)) {
    return new UserError(`Registry ${registry} did not answer with TLS: ${message}.`, {
      cause: error,
      fix: 'If the registry serves plain HTTP, use the http scheme (insecure registries are allowed on loopback hosts only with the auto scheme).',
    });
  }
  return new Error(`Request to registry ${registry} failed: ${message}`, { cause: error });
}
