import { UserError } from '../errors.js';
import { writeTagIfUnchanged, type RegistryClient } from '../oci/index.js';

/**
 * Tags on a registry, the immutable way: an image is pushed under its
 * content tag first; a version tag is then made by a manifest PUT of the
 * very same bytes (a re-tag, no rebuild), only while the tag is free, and
 * read back (src/oci/tag-write.ts). A version tag that holds other content is
 * never overwritten.
 * Channel tags (`3`, `stable`) are the only ones that move.
 */

export type Registry = Pick<
  RegistryClient,
  'registry' | 'headManifest' | 'getManifest' | 'putManifest'
>;

/** Where `tag` points now; undefined when it does not exist. */
export async function tagDigest(
  client: Registry,
  repository: string,
  tag: string,
): Promise<string | undefined> {
  return (await client.headManifest(repository, tag))?.digest;
}

/**
 * Points a free tag at `digest`. Nothing is written when the tag already
 * points there; a tag that points elsewhere is an error.
 */
export async function tagImmutable(
  client: Registry,
  repository: string,
  digest: string,
  tag: string,
): Promise<'created' | 'existed'> {
  const current = await tagDigest(client, repository, tag);
  if (current === digest) return 'existed';
  if (current !== undefined) throw tagTaken(repository, tag, current);
  const manifest = await client.getManifest(repository, digest);
  await writeTagIfUnchanged({
    client,
    repository,
    tag,
    expected: undefined,
    write: (condition) =>
      client.putManifest(repository, tag, manifest.bytes, manifest.mediaType, condition),
  });
  return 'created';
}

/** Points a channel tag at `digest`, wherever it pointed before. */
export async function tagMutable(
  client: Registry,
  repository: string,
  digest: string,
  tag: string,
): Promise<void> {
  if ((await tagDigest(client, repository, tag)) === digest) return;
  const manifest = await client.getManifest(repository, digest);
  await client.putManifest(repository, tag, manifest.bytes, manifest.mediaType);
}

/** Compressed size of an image: its config and layers as the manifest lists them (all platforms of an index). */
export async function imageSize(
  client: Registry,
  repository: string,
  digest: string,
): Promise<number> {
  const manifest = await client.getManifest(repository, digest);
  const json = manifest.json as {
    config?: { size?: number };
    layers?: { size?: number }[];
    manifests?: { digest?: string }[];
  };
  if (Array.isArray(json.manifests)) {
    let total = 0;
    for (const entry of json.manifests) {
      if (typeof entry.digest === 'string')
        total += await imageSize(client, repository, entry.digest);
    }
    return total;
  }
  return (
    (json.config?.size ?? 0) +
    (json.layers ?? []).reduce((sum, layer) => sum + (layer.size ?? 0), 0)
  );
}

function tagTaken(repository: string, tag: string, current: string): UserError {
  return new UserError(
    `${repository}:${tag} already exists with other content (${current}); version tags are never overwritten.`,
    {
      fix: 'another build published this version first: run the build again to get the next free version, or raise application.version in default.json.',
    },
  );
}
