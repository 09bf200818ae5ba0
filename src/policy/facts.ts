import type { RegistryClient } from '../oci/index.js';
import type { ImageFacts } from './policy.js';
import { imageSystem, type Layer } from './packages.js';

/** A layer is read whole to find the dpkg database; bigger ones are refused. */
export const MAX_LAYER_BYTES = 1024 * 1024 * 1024;

/**
 * What the policy checks and the SBOM lists, read back from the registry
 * after the push: the config's user and labels, the packages of the dpkg
 * database in the layers and the distribution, and the compressed size. Each layer is fetched once
 * (the layers side by side) and dropped once its tar has been walked.
 */
export async function readImageFacts(
  client: RegistryClient,
  repository: string,
  reference: string,
): Promise<ImageFacts> {
  const image = await client.getImageConfig(repository, reference);
  const manifest = (await client.getManifest(repository, image.manifestDigest)).json as {
    config?: { size?: number };
    layers?: { digest: string; mediaType: string; size?: number }[];
  };
  const listed = manifest.layers ?? [];
  const size = listed.reduce((sum, layer) => sum + (layer.size ?? 0), manifest.config?.size ?? 0);
  // Fetched side by side (the client's connections per host bound how many
  // at once), each digest once: an image often lists the same empty layer twice.
  const blobs = new Map<string, Promise<Buffer>>();
  const blob = (digest: string) => {
    let read = blobs.get(digest);
    if (!read) blobs.set(digest, (read = client.getBlob(repository, digest, MAX_LAYER_BYTES)));
    return read;
  };
  const layers: Layer[] = await Promise.all(
    listed.map(async (layer) => ({ mediaType: layer.mediaType, bytes: await blob(layer.digest) })),
  );
  const config = (image.config.config ?? {}) as { User?: string };
  const system = imageSystem(layers);
  return {
    user: config.User ?? '',
    labels: image.labels,
    packages: system.packages,
    os: system.os,
    sizeBytes: size,
    manifestDigest: image.manifestDigest,
  };
}
