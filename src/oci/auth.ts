import { TransientError, UserError } from '../errors.js';
import { isTransientStatus, parseRetryAfter } from '../retry.js';
import { isLoopbackHost } from '../http/proxy.js';
import { registryErrorSummary } from './failures.js';

/**
 * Registry authentication as the distribution spec and docker do it: the
 * registry answers 401 with a `WWW-Authenticate` challenge; Basic means send
 * the username and password with every request, Bearer means fetch a token
 * for a scope (`repository:team/app:pull,push`) from the realm and send that.
 * Secrets never go into messages or logs.
 */

/** Username and password (sent as Basic, or to the token realm), or a ready bearer token. */
export type Credentials = { username: string; password: string } | { token: string };

export interface Challenge {
  /** Lowercased: `bearer`, `basic`. */
  scheme: string;
  /** Parameter names lowercased: `realm`, `service`, `scope`, `error`. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 9110 §11.6.1):
 * `Bearer realm="https://auth.example/token",service="registry",scope="…"`,
 * `Basic realm="Registry"`, or several separated by commas.
 */
export function parseWwwAuthenticate(header: string | undefined): Challenge[] {
  const challenges: Challenge[] = [];
  if (!header) return challenges;
  let current: Challenge | undefined;
  let i = 0;
  const skipSpaces = () => {
    while (i < header.length && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  while (i < header.length) {
    skipSpaces();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const token = TOKEN.exec(header.slice(i))?.[0];
    if (!token) {
      i++; // not a token character: skip it rather than give up on the rest
      continue;
    }
    i += token.length;
    skipSpaces();
    if (header[i] === '=' && current) {
      i++;
      skipSpaces();
      current.params[token.toLowerCase()] = readValue();
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      challenges.push(current);
    }
  }
  return challenges;

  function readValue(): string {
    if (header![i] !== '"') {
      const start = i;
      while (i < header!.length && header![i] !== ',' && header![i] !== ' ') i++;
      return header!.slice(start, i);
    }
    let value = '';
    for (i++; i < header!.length && header![i] !== '"'; i++) {
      if (header![i] === '\\' && i + 1 < header!.length) i++;
      value += header![i];
    }
    i++; // closing quote
    return value;
  }
}

/** The challenge to answer: Bearer when offered (it is what registries prefer), else Basic. */
export function pickChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer' && c.params.realm) ??
    challenges.find((c) => c.scheme === 'basic')
  );
}

/** `repository:team/app:pull` or `repository:team/app:pull,push`. */
export function repositoryScope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export interface TokenHttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GETs a token URL; the client supplies it so the realm is reached with the same TLS settings. */
export type TokenFetcher = (
  url: URL,
  headers: Record<string, string>,
) => Promise<TokenHttpResponse>;

/** Tokens are dropped this long before they expire so none expires in flight. */
const EXPIRY_MARGIN_MS = 5_000;
/** The token spec's default lifetime when the server gives none. */
const DEFAULT_TOKEN_SECONDS = 60;

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * Authentication state for one registry host: the challenge it answered with,
 * and bearer tokens cached by scope until they expire.
 */
export class RegistryAuth {
  private challenge: Challenge | undefined;
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly registry: string,
    private readonly credentials: Credentials | undefined,
    private readonly fetchToken: TokenFetcher,
    private readonly now: () => number = Date.now,
  ) {}

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** The Authorization header for a request in `scope`, once the registry's challenge is known. */
  async authorization(scope: string): Promise<string | undefined> {
    const credentials = this.credentials;
    if (credentials && 'token' in credentials) return `Bearer ${credentials.token}`;
    const challenge = this.challenge;
    if (!challenge) return undefined;
    if (challenge.scheme === 'basic') {
      return credentials
        ? basicAuthorization(credentials.username, credentials.password)
        : undefined;
    }
    return `Bearer ${await this.bearerToken(challenge, scope)}`;
  }

  /**
   * Learns from a 401. True when another attempt with fresh authorization can
   * succeed; false when it would only repeat a refusal (wrong credentials).
   */
  challenged(header: string | undefined, scope: string, sent: string | undefined): boolean {
    const challenge = pickChallenge(parseWwwAuthenticate(header));
    if (!challenge) return false;
    this.challenge = challenge;
    if (this.credentials && 'token' in this.credentials) return false;
    if (challenge.scheme === 'basic') return sent === undefined && this.credentials !== undefined;
    // A cached bearer token may have expired or lack the scope: fetch one more.
    const key = this.tokenKey(challenge, scope);
    const hadToken = this.tokens.delete(key);
    return sent === undefined || hadToken;
  }

  private tokenKey(challenge: Challenge, scope: string): string {
    return `${challenge.params.realm ?? ''} ${challenge.params.service ?? ''} ${scope}`;
  }

  private async bearerToken(challenge: Challenge, scope: string): Promise<string> {
    const key = this.tokenKey(challenge, scope);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.token;
    // Concurrent requests in one scope share a single token fetch.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.requestToken(challenge, scope).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async requestToken(challenge: Challenge, scope: string): Promise<string> {
    const realm = parseRealm(challenge.params.realm ?? '', this.registry);
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.append('scope', scope);
    // The registry may ask for more than we planned (another repository on mount).
    const asked = challenge.params.scope;
    if (asked && asked !== scope) url.searchParams.append('scope', asked);

    const headers: Record<string, string> = { accept: 'application/json' };
    const credentials = this.credentials;
    if (credentials && 'username' in credentials) {
      if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
        throw new UserError(
          `Registry ${this.registry} asks for credentials at ${url.origin} over plain HTTP; they were not sent.`,
          { fix: 'Use a registry whose token service is served over HTTPS.' },
        );
      }
      headers.authorization = basicAuthorization(credentials.username, credentials.password);
    }

    const response = await this.fetchToken(url, headers);
    const start = this.now();
    if (response.status === 401 || response.status === 403) {
      throw new UserError(
        `The token service of registry ${this.registry} (${url.origin}) refused ${
          credentials ? 'the credentials' : 'an anonymous token'
        } for ${scope} (HTTP ${response.status}${registryErrorSummary(response.body, ': ')}).`,
        { fix: credentialsFix(this.registry, credentials !== undefined) },
      );
    }
    if (isTransientStatus(response.status)) {
      throw new TransientError(
        `The token service of registry ${this.registry} answered HTTP ${response.status}.`,
        { retryAfterMs: parseRetryAfter(headerValue(response.headers['retry-after']), start) },
      );
    }
    if (response.status !== 200) {
      throw new Error(
        `The token service of registry ${this.registry} (${url.origin}) answered HTTP ${
          response.status
        }${registryErrorSummary(response.body, ': ')}`,
      );
    }
    const { token, expiresInSeconds } = parseTokenResponse(response.body, this.registry);
    const lifetimeMs = expiresInSeconds * 1000;
    this.tokens.set(this.tokenKey(challenge, scope), {
      token,
      expiresAt: start + Math.max(0, lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2)),
    });
    return token;
  }
}

/** Reads `token` (or the OAuth2 `access_token`) and its lifetime from a token response body. */
export function parseTokenResponse(
  body: Buffer,
  registry: string,
): { token: string; expiresInSeconds: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Error(
      `The token service of registry ${registry} answered with something that is not JSON.`,
    );
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const token = [record.token, record.access_token].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (!token) {
    throw new Error(`The token service of registry ${registry} answered without a token.`);
  }
  const expiresIn = record.expires_in;
  const expiresInSeconds =
    typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
      ? expiresIn
      : DEFAULT_TOKEN_SECONDS;
  return { token, expiresInSeconds };
}

function parseRealm(realm: string, registry: string): URL {
  try {
    const url = new URL(realm);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw new Error(`Registry ${registry} named an unusable token realm "${realm}".`);
}

export function credentialsFix(registry: string, given: boolean): string {
  return given
    ? `Check the registry credentials (the username/password inputs or the secret they come from) for ${registry}, and that they may access this repository.`
    : `Pass credentials for ${registry} (the registry username/password inputs, from a secret) or log in with docker login.`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
