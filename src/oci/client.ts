import { errorMessage, isOutage, isUserError, UserError } from '../errors.js';
import { digestOf, matchesDigest } from './digest.js';
import { MANIFEST_ACCEPT, OCI_INDEX, isIndexMediaType } from './media-types.js';
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
import {
  RegistrySession,
  SMALL_BODY_MAX_BYTES,
  header,
  type RegistryClientOptions,
} from './session.js';
import { PreconditionFailed, conditionHeaders, type TagCondition } from './tag-write.js';

/**
 * A client of the OCI distribution API for one registry host: tags,
 * manifests (by tag or digest, verified against their digest), small blobs,
 * manifest uploads. How each exchange reaches the registry (scheme,
 * authentication, retries, redirects, failures) is RegistrySession's
 * (src/oci/session.ts); this file is the API calls.
 */

export type { RegistryClientOptions, Scheme } from './session.js';

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

/** What a registry said about a pinned reference (see RegistryClient.checkPinned). */
export type PinCheck =
  { status: 'found' } | { status: 'missing' } | { status: 'unchecked'; reason: string };

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
const DEFAULT_TAG_PAGE_SIZE = 1000;
const DEFAULT_MAX_TAG_PAGES = 100;
const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };
/** Bytes of manifests and config blobs a client keeps by digest (content-addressed, so never stale). */
const KEPT_BY_DIGEST_MAX_BYTES = 2 * 1024 * 1024;

export class RegistryClient {
  /** The registry as people name it: `docker.io`, `127.0.0.1:5000`. */
  readonly registry: string;
  /** Where its API lives: `registry-1.docker.io` for Docker Hub. */
  readonly host: string;
  private readonly session: RegistrySession;
  private readonly resolved = new Map<string, Promise<string>>();
  private readonly checked = new Map<string, Promise<PinCheck>>();
  /**
   * Manifests and config blobs already read, by `repository@digest`: what a
   * digest names never changes, so one run reads each once (a reused image's
   * manifest is read to plan, to check the policy and to size it).
   */
  private readonly kept = new KeptByDigest(KEPT_BY_DIGEST_MAX_BYTES);

  constructor(
    registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.session = new RegistrySession(registry, options);
    this.registry = registry;
    this.host = this.session.host;
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
      const response = await this.session.call(
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
    const response = await this.session.call(
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
    const kept = isDigest(reference) ? this.kept.get(`${repository}@${reference}`) : undefined;
    if (kept) return kept as Manifest;
    const target = `/v2/${repository}/manifests/${reference}`;
    const response = await this.session.call(
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
    const manifest = { digest, mediaType, bytes, json };
    this.kept.set(`${repository}@${digest}`, manifest, bytes.length);
    return manifest;
  }

  /** A blob of at most maxBytes (config blobs and the like), its digest verified. */
  async getBlob(repository: string, digest: string, maxBytes: number): Promise<Buffer> {
    validateRepository(repository);
    validateDigest(digest);
    const target = `/v2/${repository}/blobs/${digest}`;
    const response = await this.session.call(
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
   * Stores manifest bytes under a tag (or their digest). Re-tagging is a GET of
   * the manifest and a PUT of the same bytes under the new tag; no rebuild.
   * A `condition` is sent as an HTTP precondition; a registry that refuses it
   * (412) makes this throw PreconditionFailed (see tag-write.ts).
   */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
    condition?: TagCondition,
  ): Promise<string> {
    return (await this.pushManifest(repository, reference, bytes, mediaType, condition)).digest;
  }

  /**
   * putManifest, also telling whether the registry indexed the manifest's
   * `subject` for the referrers API (its `OCI-Subject` answer header).
   */
  async pushManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
    condition?: TagCondition,
  ): Promise<{ digest: string; subject: string | undefined }> {
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
    const response = await this.session.call(
      `PUT ${repository}:${reference}`,
      {
        method: 'PUT',
        repository,
        push: true,
        target,
        headers: { 'content-type': mediaType, ...conditionHeaders(condition) },
        body: bytes,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      },
      condition ? [201, 412] : [201],
    );
    if (response.status === 412) {
      throw new PreconditionFailed(
        `Registry ${this.registry} refused to write ${repository}:${reference}: its precondition (${Object.values(conditionHeaders(condition)).join('')}) no longer holds.`,
      );
    }
    const stored = header(response, 'docker-content-digest');
    if (stored && !matchesDigest(bytes, stored)) {
      throw new Error(
        `Registry ${this.registry} stored the manifest for ${repository}:${reference} as ${stored}, but its bytes hash to ${digest}.`,
      );
    }
    return { digest, subject: header(response, 'oci-subject') };
  }

  /**
   * Uploads a blob (monolithic: POST, then PUT with its digest) unless the
   * repository has it already. Returns its digest.
   */
  async putBlob(repository: string, bytes: Buffer): Promise<string> {
    validateRepository(repository);
    const digest = digestOf(bytes);
    const blobPath = `/v2/${repository}/blobs/${digest}`;
    const existing = await this.session.call(
      `HEAD blob ${repository}@${digest}`,
      { method: 'HEAD', repository, target: blobPath, maxBodyBytes: SMALL_BODY_MAX_BYTES },
      [200, 404],
    );
    if (existing.status === 200) return digest;
    // An upload that fails half-way is started again as a whole.
    await this.session.withRetry(`upload blob ${digest} to ${repository}`, async () => {
      const uploads = `/v2/${repository}/blobs/uploads/`;
      const started = await this.session.send({
        method: 'POST',
        repository,
        push: true,
        target: uploads,
        body: Buffer.alloc(0),
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      });
      if (started.status !== 202) this.session.unexpected(started, 'POST', repository, uploads);
      const location = header(started, 'location');
      if (!location) {
        throw new Error(
          `Registry ${this.registry} started a blob upload to ${repository} without a Location.`,
        );
      }
      const url = new URL(location, `${this.session.baseUrl()}${uploads}`);
      url.searchParams.set('digest', digest);
      const done = await this.session.send({
        method: 'PUT',
        repository,
        push: true,
        target: url.href,
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
        maxBodyBytes: SMALL_BODY_MAX_BYTES,
      });
      if (done.status !== 201) this.session.unexpected(done, 'PUT', repository, url.href);
    });
    return digest;
  }

  /**
   * The referrers API (OCI distribution 1.1): the index of manifests whose
   * `subject` is `digest`, optionally filtered by artifact type (here, when
   * the registry did not filter). undefined when the registry has no
   * referrers API (it answers 404; the tag schema is then the way).
   */
  async getReferrers(
    repository: string,
    digest: string,
    artifactType?: string,
  ): Promise<Record<string, unknown>[] | undefined> {
    validateRepository(repository);
    validateDigest(digest);
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const target = `/v2/${repository}/referrers/${digest}${query}`;
    const response = await this.session.call(
      `GET referrers of ${repository}@${digest}`,
      {
        method: 'GET',
        repository,
        target,
        headers: { accept: OCI_INDEX },
        maxBodyBytes: MANIFEST_MAX_BYTES,
      },
      [200, 404],
    );
    if (response.status === 404) return undefined;
    const index = parseJson(
      response.body,
      `the referrers of ${repository}@${digest}`,
      this.registry,
    );
    const manifests = Array.isArray(index.manifests)
      ? (index.manifests as unknown[]).filter(
          (m): m is Record<string, unknown> => m !== null && typeof m === 'object',
        )
      : [];
    return artifactType ? manifests.filter((m) => m.artifactType === artifactType) : manifests;
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
   * Whether the registry has the manifest a pinned reference names:
   * `found`, `missing` (it answered that it has none), or `unchecked` with
   * the reason it could not be asked (unreachable, or it refused without a
   * login): a caller then trusts the digest as given. Asked once per client.
   */
  checkPinned(reference: ImageReference | string): Promise<PinCheck> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    if (!ref.digest) throw new Error(`${formatReference(ref)} is not pinned by digest.`);
    const key = `${ref.repository}@${ref.digest}`;
    let pending = this.checked.get(key);
    if (!pending) {
      pending = this.headManifest(ref.repository, ref.digest).then(
        (found): PinCheck => (found ? { status: 'found' } : { status: 'missing' }),
        (error: unknown): PinCheck => {
          if (isOutage(error) || isUserError(error)) {
            return { status: 'unchecked', reason: errorMessage(error) };
          }
          throw error;
        },
      );
      this.checked.set(key, pending);
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
    const key = `${repository}@${config.digest}`;
    const blob =
      (this.kept.get(key) as Buffer | undefined) ??
      (await this.getBlob(repository, config.digest, CONFIG_MAX_BYTES));
    this.kept.set(key, blob, blob.length);
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
    this.session.close();
  }
}

function validateManifestReference(reference: string): void {
  if (reference.includes(':')) validateDigest(reference);
  else validateTag(reference);
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

/**
 * Values read by digest, up to a total size: the oldest go first. Callers
 * treat what they get as read-only (it is shared).
 */
class KeptByDigest {
  private readonly entries = new Map<string, { value: unknown; size: number }>();
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): unknown {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: unknown, size: number): void {
    if (size > this.maxBytes || this.entries.has(key)) return;
    this.entries.set(key, { value, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
  }
}
