import { readFileSync } from 'node:fs';
import { TransientError, UserError, errorMessage } from '../errors.js';
import { retry, type RetryOptions } from '../retry.js';
import { isLoopbackHost } from '../http/proxy.js';
import { RegistryAuth, credentialsFix, repositoryScope, type Credentials } from './auth.js';
import { digestOf, matchesDigest } from './digest.js';
import { dockerConfigCredentials } from './docker-config.js';
import {
  isPlainHttpAnswer,
  networkFailure,
  registryErrorSummary,
  statusFailure,
} from './failures.js';
import { MANIFEST_ACCEPT, isIndexMediaType } from './media-types.js';
import {
  formatName,
  formatReference,
  isDigest,
  manifestReference,
  parseReference,
  registryApiHost,
  validateDigest,
  validateRepository,
  validateTag,
  type ImageReference,
} from './reference.js';
import { HttpTransport, ResponseTooLargeError, type HttpResponse } from '../http/transport.js';

/**
 * A client of the OCI distribution API for one registry host: tags, manifests
 * (by tag or digest, verified against their digest), small blobs, uploads.
 * Every exchange is authenticated as the registry asks (Basic or Bearer),
 * bounded in time and size, and retried through retry() when the failure is
 * transient (429, 5xx, a dropped connection).
 */

export type Scheme = 'https' | 'http' | 'auto';

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

export interface ManifestDescriptor {
  /** The digest the registry stores the manifest under (`Docker-Content-Digest`). */
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest {
  digest: string;
  mediaType: string;
  /** The exact bytes, as needed to PUT the manifest under another tag. */
  bytes: Buffer;
  json: Record<string, unknown>;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface ImageConfig {
  /** Digest of the manifest the reference named (an index for multi-platform images). */
  digest: string;
  /** Digest of the platform's image manifest (equal to `digest` for single-platform images). */
  manifestDigest: string;
  configDigest: string;
  /** The config blob, parsed. */
  config: Record<string, unknown>;
  /** `config.Labels`: `org.opencontainers.image.base.digest` and the like. */
  labels: Record<string, string>;
}

export const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const TAG_PAGE_MAX_BYTES = 4 * 1024 * 1024;
const CONFIG_MAX_BYTES = 8 * 1024 * 1024;
/** Answers that should carry no body (HEAD, upload steps) still get a bound. */
const SMALL_BODY_MAX_BYTES = 64 * 1024;
const TOKEN_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_TAG_PAGE_SIZE = 1000;
const DEFAULT_MAX_TAG_PAGES = 100;
const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

interface Exchange {
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

export class RegistryClient {
  /** The registry as people name it: `docker.io`, `127.0.0.1:5000`. */
  readonly registry: string;
  /** Where its API lives: `registry-1.docker.io` for Docker Hub. */
  readonly host: string;
  private readonly transport: HttpTransport;
  private readonly auth: RegistryAuth;
  private readonly caGiven: boolean;
  /** Decided scheme; undefined while `auto` has not yet learned it. */
  private scheme: 'https' | 'http' | undefined;
  private readonly loopbackFallback: boolean;
  private readonly resolved = new Map<string, Promise<string>>();

  constructor(
    registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.registry = registry;
    this.host = registryApiHost(registry);
    const ca = options.ca ?? (options.caFile ? readCaFile(options.caFile) : undefined);
    this.caGiven = ca !== undefined;
    const scheme = options.scheme ?? 'auto';
    this.scheme = scheme === 'auto' ? undefined : scheme;
    this.loopbackFallback =
      scheme === 'auto' && isLoopbackHost(new URL(`http://${this.host}`).hostname);
    if (scheme === 'auto' && !this.loopbackFallback) this.scheme = 'https';
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

  /**
   * Every tag of a repository, following `Link` pagination. A repository that
   * does not exist yet has no tags.
   */
  async listTags(repository: string): Promise<string[]> {
    validateRepository(repository);
    const pageSize = this.options.tagPageSize ?? DEFAULT_TAG_PAGE_SIZE;
    const maxPages = this.options.maxTagPages ?? DEFAULT_MAX_TAG_PAGES;
    const tags = new Set<string>();
    let target: string | undefined = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; target !== undefined; page++) {
      if (page >= maxPages) {
        throw new Error(
          `Registry ${this.registry} still had more tags of ${repository} after ${maxPages} pages of ${pageSize}; not all were read.`,
        );
      }
      const url: string = target;
      const response = await this.call(
        `list tags of ${repository}`,
        { method: 'GET', repository, target: url, maxBodyBytes: TAG_PAGE_MAX_BYTES },
        [200, 404],
      );
      if (response.status === 404) return [];
      const body = parseJson(response.body, `the tag list of ${repository}`, this.registry);
      const pageTags = (body as { tags?: unknown }).tags;
      if (Array.isArray(pageTags)) {
        for (const tag of pageTags) if (typeof tag === 'string') tags.add(tag);
      }
      target = nextLink(header(response, 'link'));
    }
    return [...tags];
  }

  /**
   * Digest, media type and size of a manifest, as the registry stores it
   * (an index stays an index); undefined when there is none.
   */
  async headManifest(
    repository: string,
    reference: string,
  ): Promise<ManifestDescriptor | undefined> {
    validateRepository(repository);
    validateManifestReference(reference);
    const target = `/v2/${repository}/manifests/${reference}`;
    const response = await this.call(
      `HEAD ${repository}:${reference}`,
      {
        method: 'HEAD',
        repository,
        target,
        headers: { accept: MANIFEST_ACCEPT.join(', ') },
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      },
      [200, 404],
    );
    if (response.status === 404) return undefined;
    const digest = header(response, 'docker-content-digest');
    if (!digest) {
      // Some registries leave the digest out of HEAD answers: read the manifest.
      const manifest = await this.getManifest(repository, reference);
      return {
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        size: manifest.bytes.length,
      };
    }
    if (isDigest(reference) && digest !== reference) {
      throw new Error(
        `Registry ${this.registry} answered digest ${digest} for ${repository}@${reference}.`,
      );
    }
    return {
      digest,
      mediaType: mediaTypeOf(header(response, 'content-type')) ?? '',
      size: Number(header(response, 'content-length') ?? 0),
    };
  }

  /** A manifest's bytes and JSON, its digest verified. Throws a UserError when there is none. */
  async getManifest(repository: string, reference: string): Promise<Manifest> {
    validateRepository(repository);
    validateManifestReference(reference);
    const target = `/v2/${repository}/manifests/${reference}`;
    const response = await this.call(
      `GET ${repository}:${reference}`,
      {
        method: 'GET',
        repository,
        target,
        headers: { accept: MANIFEST_ACCEPT.join(', ') },
        maxBodyBytes: MANIFEST_MAX_BYTES,
      },
      [200, 404],
    );
    if (response.status === 404) {
      throw new UserError(
        `${this.registry}/${repository}${isDigest(reference) ? '@' : ':'}${reference} does not exist (no such manifest in the registry).`,
        { fix: 'Check the image or chart name and its tag or digest.' },
      );
    }
    const bytes = response.body;
    const headerDigest = header(response, 'docker-content-digest');
    const what = `manifest ${repository}:${reference} from ${this.registry}`;
    for (const expected of [headerDigest, isDigest(reference) ? reference : undefined]) {
      if (expected !== undefined && !matchesDigest(bytes, expected)) {
        throw new Error(`The ${what} does not match its digest ${expected}.`);
      }
    }
    const json = parseJson(bytes, `the ${what}`, this.registry);
    const mediaType =
      mediaTypeOf(header(response, 'content-type')) ??
      (typeof json.mediaType === 'string' ? json.mediaType : '');
    const digest = isDigest(reference) ? reference : (headerDigest ?? digestOf(bytes));
    return { digest, mediaType, bytes, json };
  }

  /** A blob of at most maxBytes (config blobs and the like), its digest verified. */
  async getBlob(repository: string, digest: string, maxBytes: number): Promise<Buffer> {
    validateRepository(repository);
    validateDigest(digest);
    const target = `/v2/${repository}/blobs/${digest}`;
    const response = await this.call(
      `GET blob ${repository}@${digest}`,
      { method: 'GET', repository, target, maxBodyBytes: maxBytes },
      [200, 404],
      true,
    );
    if (response.status === 404) {
      throw new Error(`Registry ${this.registry} has no blob ${digest} in ${repository}.`);
    }
    if (!matchesDigest(response.body, digest)) {
      throw new Error(
        `Blob ${digest} of ${repository} from ${this.registry} does not match its digest.`,
      );
    }
    return response.body;
  }

  /**
   * Uploads a blob in one piece (POST, then PUT with the digest); a blob the
   * repository already has is not sent again. Returns its digest.
   */
  async pushBlob(repository: string, bytes: Buffer): Promise<string> {
    validateRepository(repository);
    const digest = digestOf(bytes);
    const blobPath = `/v2/${repository}/blobs/${digest}`;
    return this.withRetry(`push blob ${repository}@${digest}`, async () => {
      const existing = await this.send({
        method: 'HEAD',
        repository,
        push: true,
        target: blobPath,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      });
      if (existing.status === 200) return digest;
      if (existing.status !== 404) this.unexpected(existing, 'HEAD', repository, blobPath);

      const uploads = `/v2/${repository}/blobs/uploads/`;
      const started = await this.send({
        method: 'POST',
        repository,
        push: true,
        target: uploads,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      });
      if (started.status !== 202) this.unexpected(started, 'POST', repository, uploads);
      const location = header(started, 'location');
      if (!location) {
        throw new Error(`Registry ${this.registry} started an upload without a Location.`);
      }
      const url = new URL(location, this.baseUrl());
      url.searchParams.set('digest', digest);
      const finished = await this.send({
        method: 'PUT',
        repository,
        push: true,
        target: url.href,
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      });
      if (finished.status !== 201) this.unexpected(finished, 'PUT', repository, url.pathname);
      const stored = header(finished, 'docker-content-digest');
      if (stored && stored !== digest) {
        throw new Error(`Registry ${this.registry} stored blob ${digest} as ${stored}.`);
      }
      return digest;
    });
  }

  /**
   * Stores manifest bytes under a tag (or their digest). Re-tagging is a GET of
   * the manifest and a PUT of the same bytes under the new tag; no rebuild.
   */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<string> {
    validateRepository(repository);
    validateManifestReference(reference);
    const digest = digestOf(bytes);
    if (isDigest(reference) && !matchesDigest(bytes, reference)) {
      throw new UserError(
        `The manifest pushed to ${repository}@${reference} has digest ${digest}, not ${reference}.`,
        { fix: 'Push the manifest under a tag, or under the digest of its bytes.' },
      );
    }
    const target = `/v2/${repository}/manifests/${reference}`;
    const response = await this.call(
      `PUT ${repository}:${reference}`,
      {
        method: 'PUT',
        repository,
        push: true,
        target,
        headers: { 'content-type': mediaType },
        body: bytes,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      },
      [201],
    );
    const stored = header(response, 'docker-content-digest');
    if (stored && !matchesDigest(bytes, stored)) {
      throw new Error(
        `Registry ${this.registry} stored the manifest for ${repository}:${reference} as ${stored}, but its bytes hash to ${digest}.`,
      );
    }
    return digest;
  }

  /**
   * The digest an image reference points to now. Pinned references are
   * returned as they are; each other reference is asked for once per client,
   * concurrent callers sharing the answer.
   */
  async resolveDigest(reference: ImageReference | string): Promise<string> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    if (registryApiHost(ref.registry) !== this.host) {
      throw new Error(`The client for ${this.registry} cannot resolve ${formatReference(ref)}.`);
    }
    if (ref.digest) return ref.digest;
    const key = `${ref.repository}:${manifestReference(ref)}`;
    let pending = this.resolved.get(key);
    if (!pending) {
      pending = this.headManifest(ref.repository, manifestReference(ref)).then((found) => {
        if (found) return found.digest;
        throw new UserError(`Image ${formatReference(ref)} does not exist in the registry.`, {
          fix: `Check the tag, or push ${formatName(ref)}:${manifestReference(ref)} first.`,
        });
      });
      pending.catch(() => this.resolved.delete(key));
      this.resolved.set(key, pending);
    }
    return pending;
  }

  /**
   * The config blob of an image (its labels, such as
   * `org.opencontainers.image.base.digest`). For a multi-platform index the
   * manifest of `platform` (default linux/amd64) is read.
   */
  async getImageConfig(
    repository: string,
    reference: string,
    platform: Platform = DEFAULT_PLATFORM,
  ): Promise<ImageConfig> {
    const top = await this.getManifest(repository, reference);
    let manifest = top;
    if (isIndexMediaType(top.mediaType) || Array.isArray(top.json.manifests)) {
      const chosen = choosePlatform(top.json, platform);
      if (!chosen) {
        throw new UserError(
          `${this.registry}/${repository}:${reference} has no image for ${formatPlatform(platform)}.`,
          { fix: 'Build the image for that platform, or read another platform.' },
        );
      }
      manifest = await this.getManifest(repository, chosen);
    }
    const config = manifest.json.config as { digest?: unknown } | undefined;
    if (typeof config?.digest !== 'string') {
      throw new Error(
        `The manifest ${manifest.digest} of ${repository} in ${this.registry} names no config blob.`,
      );
    }
    const blob = await this.getBlob(repository, config.digest, CONFIG_MAX_BYTES);
    const parsed = parseJson(blob, `the config of ${repository}:${reference}`, this.registry);
    const rawLabels = (parsed.config as { Labels?: unknown } | undefined)?.Labels;
    const labels: Record<string, string> = {};
    if (rawLabels && typeof rawLabels === 'object') {
      for (const [key, value] of Object.entries(rawLabels)) {
        if (typeof value === 'string') labels[key] = value;
      }
    }
    return {
      digest: top.digest,
      manifestDigest: manifest.digest,
      configDigest: config.digest,
      config: parsed,
      labels,
    };
  }

  /** Closes idle connections so the process can exit. */
  close(): void {
    this.transport.close();
  }

  /** Whether a URL points at this registry's API host (any scheme). */
  private isRegistryUrl(url: URL): boolean {
    const own = new URL(`http://${this.host}`);
    if (url.hostname !== own.hostname) return false;
    if (own.port === '') return url.port === '';
    return (url.port || (url.protocol === 'https:' ? '443' : '80')) === own.port;
  }

  private baseUrl(): string {
    return `${this.scheme ?? 'https'}://${this.host}`;
  }

  private async withRetry<T>(what: string, action: () => Promise<T>): Promise<T> {
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
  private async send(exchange: Exchange): Promise<HttpResponse> {
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
      if (this.scheme === undefined && url.protocol === 'https:') this.scheme = 'https';
      this.logExchange(exchange.method, url, response.status);
      return response;
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      // A loopback registry without TLS, as docker allows for localhost. Every
      // request that went out over https before the scheme was learned falls
      // back, not only the first: concurrent first lookups all meet this.
      const learning = this.scheme === undefined || this.scheme === 'http';
      if (
        learning &&
        url.protocol === 'https:' &&
        this.loopbackFallback &&
        isPlainHttpAnswer(error)
      ) {
        if (this.scheme === undefined) {
          this.options.log?.(`${this.registry} answers in plain HTTP; using http:// from now on`);
        }
        this.scheme = 'http';
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
  private call(
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

  private unexpected(
    response: HttpResponse,
    method: string,
    repository: string,
    target: string,
  ): never {
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

function validateManifestReference(reference: string): void {
  if (reference.includes(':')) validateDigest(reference);
  else validateTag(reference);
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

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim();
  return type ? type : undefined;
}

function parseJson(bytes: Buffer, what: string, registry: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`Registry ${registry} answered ${what} with something that is not JSON.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`Registry ${registry} answered ${what} with JSON that is not an object.`);
  }
  return parsed as Record<string, unknown>;
}

/** The `rel="next"` target of a Link header: `</v2/app/tags/list?n=100&last=x>; rel="next"`. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel="?next"?(?:\s|;|$)/i.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

/** The manifest of an index for a platform; attestation entries (`unknown/unknown`) never match. */
export function choosePlatform(
  index: Record<string, unknown>,
  platform: Platform,
): string | undefined {
  const manifests = Array.isArray(index.manifests) ? index.manifests : [];
  const candidates = manifests.filter(
    (m): m is { digest: string; platform?: Partial<Platform> } =>
      typeof (m as { digest?: unknown })?.digest === 'string',
  );
  const matches = candidates.filter(
    (m) => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture,
  );
  const exact = matches.find(
    (m) => platform.variant === undefined || m.platform?.variant === platform.variant,
  );
  return (exact ?? matches[0])?.digest;
}

function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
