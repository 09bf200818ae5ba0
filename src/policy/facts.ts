import type { RegistryClient } from '../oci/index.js';
import { plural } from '../report/summary.js';
import type { FactsSource, ImageFacts } from './policy.js';
import { imageSystem, type ImageSystem, type Layer } from './packages.js';

/** A layer is read whole to find the dpkg database; bigger ones are refused. */
export const MAX_LAYER_BYTES = 1024 * 1024 * 1024;
/**
 * The Debian packages and the distribution as the image's own SBOM records
 * them (src/sbom/read.ts `recordedSystem`), with the SBOM's manifest digest;
 * or why no SBOM of the image could be used.
 */
export type RecordedSystem =
  { readonly system: ImageSystem; readonly digest: string } | { readonly unusable: string };

export interface ReadFactsOptions {
  /**
   * Given for an image that is reused: its packages and distribution are
   * taken from here instead of from the layers, unless it says why not (no
   * SBOM, a foreign or older one, a failed listing): then the layers are read.
   */
  readonly recorded?: Promise<RecordedSystem>;
}

/**
 * What the policy checks and the SBOM lists, read back from the registry
 * after the push: the config's user and labels, the compressed size (from
 * the manifest), and the packages of the dpkg database and the distribution:
 * from the image's own SBOM when one is given and usable, from the layers
 * otherwise. Each layer is fetched once (the layers side by side) and dropped
 * once its tar has been walked. `source` says which was read.
 */
export async function readImageFacts(
  client: RegistryClient,
  repository: string,
  reference: string,
  options: ReadFactsOptions = {},
): Promise<ImageFacts & { source: FactsSource }> {
  const [image, recorded] = await Promise.all([
    client.getImageConfig(repository, reference),
    options.recorded,
  ]);
  const manifest = (await client.getManifest(repository, image.manifestDigest)).json as {
    config?: { size?: number };
    layers?: { digest: string; mediaType: string; size?: number }[];
  };
  const listed = manifest.layers ?? [];
  const config = (image.config.config ?? {}) as { User?: string };
  const facts = {
    user: config.User ?? '',
    labels: image.labels,
    sizeBytes: listed.reduce((sum, layer) => sum + (layer.size ?? 0), manifest.config?.size ?? 0),
    manifestDigest: image.manifestDigest,
  };
  if (recorded && 'system' in recorded) {
    const { packages, os } = recorded.system;
    return { ...facts, packages, os, source: { from: 'sbom', digest: recorded.digest } };
  }
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
  const { packages, os } = imageSystem(layers);
  return {
    ...facts,
    packages,
    os,
    source: {
      from: 'layers',
      layers: blobs.size,
      ...(recorded ? { sbomUnused: recorded.unusable } : {}),
    },
  };
}

/** "read from the image's SBOM sha256:…", "read from 7 layers (the image has no SBOM)": for the log and summary. */
export function describeSource(source: FactsSource): string {
  if (source.from === 'sbom') return `read from the image's SBOM ${source.digest}`;
  const layers = `read from ${plural(source.layers, 'layer')}`;
  return source.sbomUnused ? `${layers} (${source.sbomUnused})` : layers;
}
