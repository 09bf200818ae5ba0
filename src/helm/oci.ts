import type { RegistryClient } from '../oci/client.js';
import { isLoopbackHost } from '../http/proxy.js';
import { isPlainHttpAnswer } from '../oci/failures.js';
import { HttpTransport } from '../http/transport.js';
import { registryApiHost } from '../oci/reference.js';
import { retry } from '../retry.js';

/**
 * Helm charts in an OCI registry: a manifest whose layer of media type
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip` is the packaged
 * chart (and, when signed, a `…provenance.v1.prov` layer).
 */

export const HELM_CHART_CONTENT = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const HELM_CHART_PROVENANCE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
const CHART_MAX_BYTES = 20 * 1024 * 1024;

export interface PublishedOciChart {
  /** Digest of the manifest the tag points to. */
  digest: string;
  /** The chart archive (the content layer), digest-verified. */
  archive(): Promise<Buffer>;
}

/** The chart a tag points to, or undefined when the tag does not exist. */
export async function findOciChart(
  client: RegistryClient,
  repository: string,
  tag: string,
): Promise<PublishedOciChart | undefined> {
  const head = await client.headManifest(repository, tag);
  if (!head) return undefined;
  return {
    digest: head.digest,
    archive: async () => {
      const manifest = await client.getManifest(repository, head.digest);
      const layers = Array.isArray(manifest.json.layers) ? manifest.json.layers : [];
      const layer = layers.find(
        (entry: { mediaType?: unknown }) => entry?.mediaType === HELM_CHART_CONTENT,
      ) as { digest?: unknown } | undefined;
      if (typeof layer?.digest !== 'string') {
        throw new Error(
          `${client.registry}/${repository}:${tag} is not a Helm chart (its manifest has no ${HELM_CHART_CONTENT} layer).`,
        );
      }
      return client.getBlob(repository, layer.digest, CHART_MAX_BYTES);
    },
  };
}

/**
 * Whether a registry speaks plain HTTP, which helm 4 must be told with
 * --plain-http. Only loopback registries may (as docker allows); anything else
 * is HTTPS.
 */
export async function speaksPlainHttp(registry: string, timeoutMs = 10_000): Promise<boolean> {
  const host = registryApiHost(registry);
  if (!isLoopbackHost(new URL(`http://${host}`).hostname)) return false;
  const transport = new HttpTransport({ userAgent: 'pipeline-actions', timeoutMs });
  try {
    // A dropped connection says nothing about the scheme: ask again.
    await retry(
      () =>
        transport.request({
          method: 'GET',
          url: new URL(`https://${host}/v2/`),
          maxBodyBytes: 64 * 1024,
        }),
      { attempts: 4, baseDelayMs: 200 },
    );
    return false;
  } catch (error) {
    // A certificate we do not trust still means TLS; only a plain answer means HTTP.
    return isPlainHttpAnswer(error);
  } finally {
    transport.close();
  }
}
