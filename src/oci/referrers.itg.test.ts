import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { OCI_MANIFEST_TYPE, pushTestImage } from '../../test/support/oci-push.js';
import { RegistryClient } from './client.js';
import { OCI_INDEX } from './media-types.js';
import { listReferrers, pushReferrer, referrersTag } from './referrers.js';

/**
 * Artifacts that refer to an image, on the real registries of test/env
 * (distribution 2.8, open and TLS + basic auth). Neither has the OCI 1.1
 * referrers API (it answers 404), so these run the referrers tag schema:
 * the artifact's blobs and manifest uploaded by the client, and the index
 * under `sha256-<hex>` kept up to date. The referrers-API branch (a
 * registry that answers `OCI-Subject`) has no registry on this machine.
 */

const env = loadEnvironment();
const run = `referrers-${process.pid}-${Date.now().toString(36)}`;
const clients: RegistryClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

const SBOM = 'application/vnd.cyclonedx+json';
const SIGNATURE = 'application/vnd.example.signature.v1+json';

describe.each([
  { name: 'open registry', tls: false },
  { name: 'TLS registry with basic auth', tls: true },
])('referrers on the $name (tag schema)', ({ tls }) => {
  const registry = tls ? env.registryTls : env.registry;
  const client = new RegistryClient(registry, {
    dockerConfig: false,
    ...(tls
      ? {
          caFile: env.caFile,
          credentials: { username: env.registryTlsUser, password: env.registryTlsPassword },
        }
      : {}),
  });
  clients.push(client);
  const repository = `${run}/app`;

  it('pushes artifacts that refer to an image and finds them from its digest, by type', async () => {
    const image = await pushTestImage({
      registry,
      repository,
      tag: '1.0.0',
      ...(tls
        ? { caFile: env.caFile, creds: `${env.registryTlsUser}:${env.registryTlsPassword}` }
        : {}),
    });
    const subject = (await client.headManifest(repository, image.digest))!;
    expect(subject.mediaType).toBe(OCI_MANIFEST_TYPE);
    expect(await client.getReferrers(repository, image.digest)).toBeUndefined();
    expect(await listReferrers(client, repository, image.digest)).toEqual({
      referrers: [],
      via: 'tag-schema',
    });

    const document = Buffer.from('{"bomFormat":"CycloneDX"}');
    const sbom = await pushReferrer(client, repository, subject, {
      artifactType: SBOM,
      mediaType: SBOM,
      bytes: document,
      title: 'sbom.cdx.json',
      annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
    });
    expect(sbom.via).toBe('tag-schema');
    const signature = await pushReferrer(client, repository, subject, {
      artifactType: SIGNATURE,
      mediaType: SIGNATURE,
      bytes: Buffer.from('{"sig":1}'),
    });

    // The artifact manifest: its subject is the image, its layer the document.
    const manifest = await client.getManifest(repository, sbom.digest);
    expect(manifest.json).toMatchObject({
      artifactType: SBOM,
      subject: { digest: image.digest, mediaType: OCI_MANIFEST_TYPE },
      config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2 },
    });
    const layer = (manifest.json.layers as { digest: string }[])[0]!;
    expect((await client.getBlob(repository, layer.digest, 1024)).equals(document)).toBe(true);

    // The tag schema's index lists both; a type filter finds one.
    const index = await client.getManifest(repository, referrersTag(image.digest));
    expect(index.mediaType).toBe(OCI_INDEX);
    expect((index.json.manifests as { digest: string }[]).map((m) => m.digest)).toEqual([
      sbom.digest,
      signature.digest,
    ]);
    const found = await listReferrers(client, repository, image.digest, SBOM);
    expect(found.via).toBe('tag-schema');
    expect(found.referrers).toEqual([
      {
        digest: sbom.digest,
        mediaType: OCI_MANIFEST_TYPE,
        size: manifest.bytes.length,
        artifactType: SBOM,
        annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
      },
    ]);

    // Pushing the same artifact again adds no second entry.
    await pushReferrer(client, repository, subject, {
      artifactType: SBOM,
      mediaType: SBOM,
      bytes: document,
      title: 'sbom.cdx.json',
      annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
    });
    expect((await listReferrers(client, repository, image.digest)).referrers).toHaveLength(2);
  });
});

describe('a referrers tag that is not an index', () => {
  it('is reported and left as it is, with no entry written anywhere', async () => {
    const client = new RegistryClient(env.registry, { dockerConfig: false });
    clients.push(client);
    const repository = `${run}/squatted`;
    const image = await pushTestImage({ registry: env.registry, repository, tag: '1.0.0' });
    // Someone pushed an image under the tag the schema reserves.
    const other = await pushTestImage({
      registry: env.registry,
      repository,
      tag: referrersTag(image.digest),
    });
    const subject = (await client.headManifest(repository, image.digest))!;
    await expect(
      pushReferrer(client, repository, subject, {
        artifactType: SBOM,
        mediaType: SBOM,
        bytes: Buffer.from('{}'),
      }),
    ).rejects.toThrow(/is not an OCI image index, so it cannot list the referrers of sha256:/);
    expect((await client.headManifest(repository, referrersTag(image.digest)))?.digest).toBe(
      other.digest,
    );
  });
});
