import { readFileSync } from 'node:fs';
import { TransientError, UserError, errorMessage } from '../errors.js';
import { HttpTransport, ResponseTooLargeError, type HttpResponse } from '../http/transport.js';
import { retry, type RetryOptions } from '../retry.js';
import { RegistryAuth, credentialsFix, repositoryScope, type Credentials } from './auth.js';
import { dockerConfigCredentials } from './docker-config.js';
import { networkFailure, registryErrorSummary, statusFailure } from './failures.js';
import { registryApiHost } from './reference.js';
import { RegistryScheme, type Scheme } from './scheme.js';

/**
 * One registry host as the OCI client talks to it: exchanges over the HTTP
 * transport in the scheme it speaks (src/oci/scheme.ts), authenticated as the
 * registry asks (answering its challenge once), redirects followed with
 * credentials kept to the registry, transient failures retried through
 * retry(), and every failure turned into the error a user should see. The
 * API calls themselves are RegistryClient's (src/oci/client.ts).
 */

export type { Scheme } from './scheme.js';

export interface RegistryClientOptions {
  /** Credentials for this registry; without them docker's config.json is consulted. */
  credentials?: Credentials | undefined;
  /** Path of docker's config.json to read credentials from, or false to never read it. */
  dockerConfig?: string | false | undefined;
  /** PEM file of a CA to trust for this registry (added to the default CAs). */
  caFile?: string | undefined;
  /** The CA itself, PEM text; wins over caFile. */
  ca?: string | Buffer | undefined;
  /**
   * `auto` (the default) is https, except that a loopback registry
   * (127.0.0.1, localhost, ::1) that answers in plain HTTP is then spoken to
   * in plain HTTP, as docker does for localhost registries.
   */
  scheme?: Scheme | undefined;
  userAgent?: string | undefined;
  /** Deadline of one HTTP exchange; default 30 s. */
  timeoutMs?: number | undefined;
  /** Attempts and delays for transient failures; tests keep them short. */
  retry?: RetryOptions | undefined;
  /** Tags asked for per page (`n`); default 1000. */
  tagPageSize?: number | undefined;
  /** Most tag pages followed before giving up; default 100. */
  maxTagPages?: number | undefined;
  /** Debug lines (retries, scheme choice); never carries secrets. */
  log?: ((message: string) => void) | undefined;
}

/** Answers that should carry no body (HEAD, upload steps) still get a bound. */
export const SMALL_BODY_MAX_BYTES = 64 * 1024;
const TOKEN_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;

export interface Exchange {
  method: string;
  repository: string;
  /** Whether the exchange writes (the token scope then includes push). */
  push?: boolean;
  /** A path on the registry (`/v2/…`) or an absolute URL it gave us (Link, Location). */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer;
  maxBodyBytes: number;
}

export class RegistrySession {
  /** Where its API lives: `registry-1.docker.io` for Docker Hub. */
  readonly host: string;
  private readonly transport: HttpTransport;
  private readonly auth: RegistryAuth;
  private readonly caGiven: boolean;
  private readonly scheme: RegistryScheme;

  constructor(
    /** The registry as people name it: `docker.io`, `127.0.0.1:5000`. */
    readonly registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.host = registryApiHost(registry);
    const ca = options.ca ?? (options.caFile ? readCaFile(options.caFile) : undefined);
    this.caGiven = ca !== undefined;
    this.scheme = new RegistryScheme(this.host, options.scheme);
    this.transport = new HttpTransport({
      ca,
      userAgent: options.userAgent ?? 'pipeline-actions',
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const credentials =
      options.credentials ??
      (options.dockerConfig === false
        ? undefined
        : dockerConfigCredentials(registry, options.dockerConfig));
    this.auth = new RegistryAuth(registry, credentials, async (url, headers) => {
      try {
        const response = await this.transport.request({
          method: 'GET',
          url,
          headers,
          maxBodyBytes: TOKEN_MAX_BYTES,
        });
        this.logExchange('GET', url, response.status);
        return response;
      } catch (error) {
        throw networkFailure(error, `${registry} (token service ${url.host})`, this.caGiven);
      }
    });
  }

  /** Closes idle connections so the process can exit. */
  close(): void {
    this.transport.close();
  }

  /** Whether a URL points at this registry's API host (any scheme). */
  isRegistryUrl(url: URL): boolean {
    const own = new URL(`http://${this.host}`);
    if (url.hostname !== own.hostname) return false;
    if (own.port === '') return url.port === '';
    return (url.port || (url.protocol === 'https:' ? '443' : '80')) === own.port;
  }

  /** `https://host`, or `http://host` for a plain-HTTP registry. */
  baseUrl(): string {
    return this.scheme.baseUrl();
  }

  /** `action`, retried through retry() while it fails transiently; each retry logged. */
  async withRetry<T>(what: string, action: () => Promise<T>): Promise<T> {
    let attempts = 0;
    const options = this.options.retry ?? {};
    try {
      return await retry(
        (attempt) => {
          attempts = attempt;
          return action();
        },
        {
          ...options,
          onRetry: (error, attempt, delayMs) => {
            this.options.log?.(
              `${this.registry}: ${what} failed (attempt ${attempt}): ${errorMessage(error)}; retrying in ${delayMs} ms`,
            );
            options.onRetry?.(error, attempt, delayMs);
          },
        },
      );
    } catch (error) {
      if (error instanceof TransientError && attempts > 1) {
        throw new TransientError(`${error.message} (gave up after ${attempts} attempts)`, {
          cause: error,
          retryAfterMs: error.retryAfterMs,
        });
      }
      throw error;
    }
  }

  /** One exchange with the registry, answering its authentication challenge once. */
  async send(exchange: Exchange): Promise<HttpResponse> {
    const scope = repositoryScope(exchange.repository, exchange.push ?? false);
    for (let round = 1; ; round++) {
      const authorization = await this.auth.authorization(scope);
      const response = await this.request(exchange, authorization);
      if (response.status === 401) {
        const challenge = header(response, 'www-authenticate');
        if (round === 1 && this.auth.challenged(challenge, scope, authorization)) continue;
        throw this.refused(exchange, response, authorization !== undefined);
      }
      if (response.status === 403)
        throw this.refused(exchange, response, authorization !== undefined);
      return response;
    }
  }

  /** GET that follows redirects (blob storage); credentials only go to the registry itself. */
  private async followRedirects(exchange: Exchange): Promise<HttpResponse> {
    let response = await this.send(exchange);
    let url = new URL(exchange.target, this.baseUrl());
    for (let hops = 0; [301, 302, 303, 307, 308].includes(response.status); hops++) {
      const location = header(response, 'location');
      if (!location || hops >= MAX_REDIRECTS) {
        throw new Error(
          `Registry ${this.registry} redirected ${exchange.method} ${url.pathname} ${
            location ? `more than ${MAX_REDIRECTS} times` : 'without a Location'
          }.`,
        );
      }
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && url.protocol === 'https:') {
        throw new Error(
          `Registry ${this.registry} redirected to plain HTTP (${next.host}); refused.`,
        );
      }
      url = next;
      response = this.isRegistryUrl(next)
        ? await this.send({ ...exchange, target: next.href })
        : await this.transport
            .request({ method: 'GET', url: next, maxBodyBytes: exchange.maxBodyBytes })
            .catch((error: unknown) => {
              throw networkFailure(
                error,
                `${this.registry} (redirect to ${next.host})`,
                this.caGiven,
              );
            });
    }
    return response;
  }

  /** Sends one request, choosing the scheme; transport failures become user-facing errors. */
  private async request(
    exchange: Exchange,
    authorization: string | undefined,
  ): Promise<HttpResponse> {
    const url = new URL(exchange.target, this.baseUrl());
    const headers: Record<string, string> = { ...exchange.headers };
    // Credentials go to the registry only, never to a host named by Link or Location.
    if (authorization && this.isRegistryUrl(url)) headers.authorization = authorization;
    const send = (to: URL) =>
      this.transport.request({
        method: exchange.method,
        url: to,
        headers,
        ...(exchange.body ? { body: exchange.body } : {}),
        maxBodyBytes: exchange.maxBodyBytes,
      });
    try {
      const response = await send(url);
      this.scheme.answered(url);
      this.logExchange(exchange.method, url, response.status);
      return response;
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      if (this.scheme.fallsBack(url, error)) {
        if (this.scheme.useHttp()) {
          this.options.log?.(`${this.registry} answers in plain HTTP; using http:// from now on`);
        }
        url.protocol = 'http:';
        try {
          const response = await send(url);
          this.logExchange(exchange.method, url, response.status);
          return response;
        } catch (fallbackError) {
          throw networkFailure(fallbackError, this.registry, this.caGiven);
        }
      }
      throw networkFailure(error, this.registry, this.caGiven);
    }
  }

  /** One line per exchange, without query (upload state) or headers (credentials). */
  private logExchange(method: string, url: URL, status: number): void {
    this.options.log?.(`${method} ${url.protocol}//${url.host}${url.pathname} -> ${status}`);
  }

  private refused(exchange: Exchange, response: HttpResponse, authenticated: boolean): UserError {
    const action = exchange.push ? 'push to' : 'read';
    const detail = registryErrorSummary(response.body, ': ');
    const given = this.auth.hasCredentials;
    const problem =
      response.status === 403
        ? `denied access (HTTP 403${detail}) to ${action} ${exchange.repository}`
        : authenticated
          ? `rejected the credentials (HTTP 401${detail}) to ${action} ${exchange.repository}`
          : `requires authentication (HTTP 401${detail}) to ${action} ${exchange.repository}`;
    return new UserError(`Registry ${this.registry} ${problem}.`, {
      fix: credentialsFix(this.registry, given),
    });
  }

  /**
   * One exchange, retried while it fails transiently (429 and 5xx included);
   * an answer with a status in `accepted` is returned, any other is an error.
   */
  call(
    what: string,
    exchange: Exchange,
    accepted: number[],
    followRedirects = false,
  ): Promise<HttpResponse> {
    return this.withRetry(what, async () => {
      const response = followRedirects
        ? await this.followRedirects(exchange)
        : await this.send(exchange);
      if (!accepted.includes(response.status)) {
        this.unexpected(response, exchange.method, exchange.repository, exchange.target);
      }
      return response;
    });
  }

  unexpected(response: HttpResponse, method: string, repository: string, target: string): never {
    const path = target.startsWith('/') ? target : new URL(target).pathname;
    const failure = statusFailure({
      registry: this.registry,
      method,
      path: path.split('?')[0] ?? path,
      status: response.status,
      retryAfter: header(response, 'retry-after'),
      body: response.body,
    });
    if (!(failure instanceof TransientError)) failure.message += ` (repository ${repository})`;
    throw failure;
  }
}

function readCaFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UserError(`The CA file ${path} cannot be read: ${errorMessage(error)}.`, {
      fix: 'Pass the path of a PEM file holding the CA certificate of the registry.',
      cause: error,
    });
  }
}

export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
