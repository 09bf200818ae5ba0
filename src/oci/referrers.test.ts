import { describe, expect, it } from 'vitest';
import type { ManifestDescriptor, RegistryClient } from './client.js';
import { digestOf } from './digest.js';
import { OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import { listReferrers, pushReferrer, referrersTag } from './referrers.js';

/**
 * The referrers-API branch of pushReferrer and listReferrers. The suite
 * against real registries (referrers.itg.test.ts) can only run the tag
 * schema: no registry this machine can install (distribution 2.8 from
 * Debian; zot is not served by the Go module proxy here) implements OCI 1.1
 * referrers. So a registry that answers `OCI-Subject` is stood in for here
 * by an in-memory client, for this one decision: trust the registry's index,
 * or keep the tag schema's.
 */

const SBOM = 'application/vnd.cyclonedx+json';
const IMAGE = `sha256:${'1'.repeat(64)}`;
const subject: ManifestDescriptor = { digest: IMAGE, mediaType: OCI_MANIFEST, size: 500 };

/** Manifests and blobs in memory; `api` says whether GET …/referrers/ answers, `subjectHeader` whether a PUT answers OCI-Subject. */
function registry(options: { api: boolean; subjectHeader: boolean }) {
  const manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  const tags = new Map<string, string>();
  const blobs = new Set<string>();
  const client = {
    registry: 'r.example.com',
    async putBlob(_repository: string, bytes: Buffer) {
      const digest = digestOf(bytes);
      blobs.add(digest);
      return digest;
    },
    async pushManifest(_repository: string, reference: string, bytes: Buffer, mediaType: string) {
      const digest = digestOf(bytes);
      manifests.set(digest, { bytes, mediaType });
      if (!reference.startsWith('sha256:')) tags.set(reference, digest);
      const json = JSON.parse(bytes.toString()) as { subject?: { digest: string } };
      return { digest, subject: options.subjectHeader ? json.subject?.digest : undefined };
    },
    async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string) {
      return (await client.pushManifest(repository, reference, bytes, mediaType)).digest;
    },
    async headManifest(_repository: string, reference: string) {
      const digest = tags.get(reference) ?? (manifests.has(reference) ? reference : undefined);
      if (!digest) return undefined;
      const found = manifests.get(digest)!;
      return { digest, mediaType: found.mediaType, size: found.bytes.length };
    },
    async getManifest(_repository: string, reference: string) {
      const digest = tags.get(reference) ?? reference;
      const found = manifests.get(digest)!;
      return { digest, ...found, json: JSON.parse(found.bytes.toString()) };
    },
    async getReferrers(_repository: string, digest: string, artifactType?: string) {
      if (!options.api) return undefined;
      return [...manifests]
        .map(([d, m]) => ({
          digest: d,
          json: JSON.parse(m.bytes.toString()),
          size: m.bytes.length,
        }))
        .filter(({ json }) => json.subject?.digest === digest)
        .filter(({ json }) => !artifactType || json.artifactType === artifactType)
        .map(({ digest: d, json, size }) => ({
          mediaType: OCI_MANIFEST,
          digest: d,
          size,
          artifactType: json.artifactType,
        }));
    },
  };
  return { client: client as unknown as RegistryClient, tags, blobs };
}

const artifact = { artifactType: SBOM, mediaType: SBOM, bytes: Buffer.from('{"bom":1}') };

describe('referrers on a registry with the OCI 1.1 referrers API', () => {
  it('leaves the index to the registry: no referrers tag is written', async () => {
    const { client, tags, blobs } = registry({ api: true, subjectHeader: true });
    const pushed = await pushReferrer(client, 'team/app', subject, artifact);
    expect(pushed.via).toBe('referrers-api');
    expect(tags.has(referrersTag(IMAGE))).toBe(false);
    expect(blobs).toContain(digestOf(artifact.bytes));
    expect(await listReferrers(client, 'team/app', IMAGE, SBOM)).toEqual({
      via: 'referrers-api',
      referrers: [
        expect.objectContaining({
          digest: pushed.digest,
          artifactType: SBOM,
          mediaType: OCI_MANIFEST,
        }),
      ],
    });
  });

  it('keeps the tag schema when a registry answers OCI-Subject but serves no referrers API', async () => {
    const { client, tags } = registry({ api: false, subjectHeader: true });
    const pushed = await pushReferrer(client, 'team/app', subject, artifact);
    expect(pushed.via).toBe('tag-schema');
    const index = await client.getManifest('team/app', referrersTag(IMAGE));
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(tags.get(referrersTag(IMAGE))).toBe(index.digest);
    expect((await listReferrers(client, 'team/app', IMAGE, SBOM)).referrers).toEqual([
      expect.objectContaining({ digest: pushed.digest, artifactType: SBOM }),
    ]);
  });
});
