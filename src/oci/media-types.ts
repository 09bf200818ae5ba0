/** Manifest media types a registry may store; asked for in this order of preference. */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** A CycloneDX JSON document: the SBOM build-image pushes next to an image. */
export const SBOM_MEDIA_TYPE = 'application/vnd.cyclonedx+json';

/**
 * Every manifest type is accepted, so the registry answers with what it stores
 * and its digest; with a narrower Accept it may convert (a different digest)
 * or answer 404, as distribution 2.8 does for OCI manifests.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST];

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
