import type { ManifestDescriptor, RegistryClient } from './client.js';
import { digestOf } from './digest.js';
import { OCI_EMPTY, OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import { validateDigest } from './reference.js';
import { PreconditionFailed } from './tag-write.js';

/**
 * Artifacts that refer to an image (an SBOM, a signature), as the OCI
 * distribution spec 1.1 keeps them: a manifest whose `subject` is the
 * image's descriptor. A registry with the referrers API indexes it itself
 * (and says so with `OCI-Subject`); for one without, the client keeps the
 * referrers tag schema: an index under the tag `sha256-<hex>` of the image's
 * digest, listing the referring manifests.
 */

/** The empty config of an artifact manifest, `{}`. */
const EMPTY_CONFIG = Buffer.from('{}');
/** Read-modify-write rounds of the fallback index before giving up (a concurrent writer won each). */
const TAG_SCHEMA_ROUNDS = 3;

export type ReferrersVia = 'referrers-api' | 'tag-schema';

export interface Artifact {
  readonly artifactType: string;
  /** The one layer: the document. */
  readonly bytes: Buffer;
  /** The document's media type (the artifact type, for a single-document artifact). */
  readonly mediaType: string;
  /** Annotations of the manifest (and of its entry in the index). */
  readonly annotations?: Readonly<Record<string, string>>;
  /** The layer's `org.opencontainers.image.title` (a file name). */
  readonly title?: string;
}

export interface Pushed {
  /** The artifact manifest's digest. */
  readonly digest: string;
  readonly via: ReferrersVia;
}

export interface Referrer {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
  readonly artifactType: string | undefined;
  readonly annotations: Record<string, string>;
}

/** The referrers tag schema's tag for a digest: `sha256-<hex>`, at most 64 characters after the dash. */
export function referrersTag(digest: string): string {
  validateDigest(digest);
  const [algorithm, hex] = digest.split(':') as [string, string];
  return `${algorithm}-${hex.slice(0, 64)}`;
}

/**
 * Pushes an artifact that refers to `subject`: its blobs, then its manifest
 * by digest; then, when the registry did not index it, the fallback index
 * under the referrers tag. Nothing names the manifest before it is complete,
 * and the index never names a manifest that is not there.
 */
export async function pushReferrer(
  client: RegistryClient,
  repository: string,
  subject: ManifestDescriptor,
  artifact: Artifact,
): Promise<Pushed> {
  const configDigest = await client.putBlob(repository, EMPTY_CONFIG);
  const layerDigest = await client.putBlob(repository, artifact.bytes);
  const annotations = artifact.annotations ?? {};
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: artifact.artifactType,
    config: { mediaType: OCI_EMPTY, digest: configDigest, size: EMPTY_CONFIG.length, data: 'e30=' },
    layers: [
      {
        mediaType: artifact.mediaType,
        digest: layerDigest,
        size: artifact.bytes.length,
        ...(artifact.title
          ? { annotations: { 'org.opencontainers.image.title': artifact.title } }
          : {}),
      },
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = digestOf(bytes);
  const pushed = await client.pushManifest(repository, digest, bytes, OCI_MANIFEST);
  // Some registries answer OCI-Subject without serving the API: ask it before trusting it.
  if (
    pushed.subject === subject.digest &&
    (await client.getReferrers(repository, subject.digest)) !== undefined
  ) {
    return { digest, via: 'referrers-api' };
  }
  await addToTagSchemaIndex(client, repository, subject.digest, {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    artifactType: artifact.artifactType,
    annotations,
  });
  return { digest, via: 'tag-schema' };
}

/**
 * The manifests that refer to `digest` (of one artifact type, if given):
 * through the referrers API, or the tag schema's index when the registry
 * has no such API.
 */
export async function listReferrers(
  client: RegistryClient,
  repository: string,
  digest: string,
  artifactType?: string,
): Promise<{ referrers: Referrer[]; via: ReferrersVia }> {
  const fromApi = await client.getReferrers(repository, digest, artifactType);
  if (fromApi) return { referrers: fromApi.map(toReferrer), via: 'referrers-api' };
  const { index } = await readTagSchema(client, repository, digest);
  const referrers = index.manifests
    .map(toReferrer)
    .filter((r) => artifactType === undefined || r.artifactType === artifactType);
  return { referrers, via: 'tag-schema' };
}

interface Index {
  schemaVersion: 2;
  mediaType: string;
  manifests: Record<string, unknown>[];
}

/** The tag schema's index and the digest the tag holds (undefined when there is none yet). */
async function readTagSchema(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<{ index: Index; digest: string | undefined }> {
  const tag = referrersTag(digest);
  if (!(await client.headManifest(repository, tag))) {
    return { index: { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }, digest: undefined };
  }
  const current = await client.getManifest(repository, tag);
  const isIndex = current.mediaType === OCI_INDEX || current.json.mediaType === OCI_INDEX;
  if (!isIndex || !Array.isArray(current.json.manifests)) {
    throw new Error(
      `${client.registry}/${repository}:${tag} is not an OCI image index, so it cannot list the referrers of ${digest}; remove the tag (it belongs to the OCI referrers tag schema).`,
    );
  }
  return { index: current.json as unknown as Index, digest: current.digest };
}

/**
 * Adds an entry to the tag schema's index: read, append, write under the
 * condition that the tag still holds what was read (for registries that
 * honour preconditions, src/oci/tag-write.ts), read back; a round lost to
 * another writer is done again.
 */
async function addToTagSchemaIndex(
  client: RegistryClient,
  repository: string,
  subject: string,
  entry: Record<string, unknown> & { digest: string },
): Promise<void> {
  const tag = referrersTag(subject);
  for (let round = 1; ; round++) {
    const current = await readTagSchema(client, repository, subject);
    if (current.index.manifests.some((m) => m.digest === entry.digest)) return;
    const next = { ...current.index, manifests: [...current.index.manifests, entry] };
    const condition =
      current.digest === undefined ? { free: true as const } : { digest: current.digest };
    try {
      await client.putManifest(
        repository,
        tag,
        Buffer.from(JSON.stringify(next)),
        OCI_INDEX,
        condition,
      );
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error;
    }
    // Two writers may have read the same index; the later PUT wins. Read back.
    const { index: after } = await readTagSchema(client, repository, subject);
    if (after.manifests.some((m) => m.digest === entry.digest)) return;
    if (round >= TAG_SCHEMA_ROUNDS) {
      throw new Error(
        `${client.registry}/${repository}:${tag} lost the entry of ${entry.digest} to concurrent writers ${TAG_SCHEMA_ROUNDS} times.`,
      );
    }
  }
}

function toReferrer(entry: Record<string, unknown>): Referrer {
  const annotations: Record<string, string> = {};
  if (entry.annotations && typeof entry.annotations === 'object') {
    for (const [key, value] of Object.entries(entry.annotations)) {
      if (typeof value === 'string') annotations[key] = value;
    }
  }
  return {
    digest: String(entry.digest),
    mediaType: String(entry.mediaType ?? ''),
    size: Number(entry.size ?? 0),
    artifactType: typeof entry.artifactType === 'string' ? entry.artifactType : undefined,
    annotations,
  };
}
