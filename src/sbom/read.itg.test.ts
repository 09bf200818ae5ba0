import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RegistryClient,
  listReferrers,
  pushReferrer,
  referrersTag,
  SBOM_MEDIA_TYPE,
  type ManifestDescriptor,
} from '../oci/index.js';
import { sbomDocument } from './document.js';
import { SBOM_TOOL_NAME, recordedSystem } from './read.js';
import { loadEnvironment } from '../../test/env/environment.js';
import { uniquePath } from '../../test/support/build-image.js';
import { copyImage, pushTestImage } from '../../test/support/oci-push.js';
import { standardImages } from '../../test/support/standard-images.js';
import { readImageFacts } from '../policy/facts.js';
import { evaluatePolicy, type ImageFacts, type ImagePolicy } from '../policy/policy.js';

/**
 * The facts the image policy reads, taken from the SBOM build-image writes,
 * against the same facts read from the layers, on the real standard images
 * of the local environment (Debian ones with a dpkg database, distroless-style
 * ones with status.d, busybox ones with neither): the same user, labels,
 * size, packages (name, version, architecture) and distribution, and so the
 * same policy outcome. Each image is copied into a repository of its own
 * first, so the SBOMs pushed here never touch the shared standard images.
 * The app image build-image itself makes is compared in
 * actions/build-image/src/sbom.itg.test.ts.
 */

const env = loadEnvironment();
const client = new RegistryClient(env.registry, { dockerConfig: false });
const prefix = uniquePath('itg-facts');
const RUNTIMES = ['runtime-http', 'runtime-node', 'runtime-static', 'debian'];
let images: Record<string, string>;

beforeAll(() => {
  images = {
    ...Object.fromEntries(RUNTIMES.map((name) => [name, env.images[name]!])),
    ...standardImages('runtime-python', 'runtime-jvm'),
  };
}, 45 * 60_000);

afterAll(() => client.close());

/** A copy of a standard image in its own repository: its repository, digest and descriptor. */
async function copy(
  name: string,
  path = name,
): Promise<{ repository: string; subject: ManifestDescriptor }> {
  const repository = `${prefix}/${path}`;
  const digest = await copyImage(images[name]!, {
    registry: env.registry,
    repository,
    tag: 'copy',
  });
  const subject = await client.headManifest(repository, digest);
  if (!subject) throw new Error(`${repository}@${digest} is not in the registry after the copy`);
  return { repository, subject };
}

/** Pushes a CycloneDX document as an SBOM of the image; returns its manifest digest. */
async function pushSbom(
  repository: string,
  subject: ManifestDescriptor,
  document: string,
): Promise<string> {
  const bytes = Buffer.from(document);
  return (
    await pushReferrer(client, repository, subject, {
      artifactType: SBOM_MEDIA_TYPE,
      mediaType: SBOM_MEDIA_TYPE,
      bytes,
      title: 'sbom.cdx.json',
    })
  ).digest;
}

/** The document build-image writes for an image, from the facts its layers gave. */
function ourSbom(repository: string, digest: string, facts: ImageFacts): string {
  return sbomDocument({
    image: `${env.registry}/${repository}`,
    digest,
    version: '1.0.0',
    os: facts.os,
    packages: facts.packages,
    dependencies: [],
    tool: { name: SBOM_TOOL_NAME, version: '1' },
  });
}

/** What the image's SBOMs record, as build-image reads it for a reused image. */
const recordedOf = (repository: string, digest: string) =>
  recordedSystem(
    client,
    repository,
    digest,
    listReferrers(client, repository, digest, SBOM_MEDIA_TYPE).then((found) => found.referrers),
  );

/** Everything the policy reads, in a form toEqual compares whole (packages sorted by name). */
function policyView(facts: ImageFacts) {
  return {
    manifestDigest: facts.manifestDigest,
    user: facts.user,
    labels: facts.labels,
    sizeBytes: facts.sizeBytes,
    os: facts.os,
    packages: [...facts.packages].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** A policy every rule of which reads the facts: it bans every package the image has. */
function strictPolicy(facts: ImageFacts): ImagePolicy {
  return {
    mode: 'enforce',
    nonRoot: true,
    pinnedBases: true,
    requiredLabels: ['org.opencontainers.image.version', 'com.example.cost-center'],
    bannedPackages: [...facts.packages.keys(), 'telnetd'].sort(),
    maxSizeMiB: 1,
  };
}

describe("the policy facts from the image's own SBOM", () => {
  it.each([...RUNTIMES, 'runtime-python', 'runtime-jvm'])(
    'are those its layers give, for %s',
    async (name) => {
      const { repository, subject } = await copy(name);
      const layers = await readImageFacts(client, repository, subject.digest);
      expect(layers.source).toEqual({ from: 'layers', layers: expect.any(Number) as number });
      const sbom = await pushSbom(repository, subject, ourSbom(repository, subject.digest, layers));

      const recorded = await readImageFacts(client, repository, subject.digest, {
        recorded: recordedOf(repository, subject.digest),
      });
      expect(recorded.source).toEqual({ from: 'sbom', digest: sbom });
      expect(policyView(recorded)).toEqual(policyView(layers));
      expect(evaluatePolicy(strictPolicy(layers), recorded)).toEqual(
        evaluatePolicy(strictPolicy(layers), layers),
      );
    },
  );

  it('the Debian images do list their packages and distribution (the comparison is not empty)', async () => {
    const { repository, subject } = await copy('runtime-python', 'python-listed');
    const facts = await readImageFacts(client, repository, subject.digest);
    expect(facts.packages.size).toBeGreaterThan(20);
    expect(facts.os).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm' });
  });

  it('reads the layers when the image has no SBOM, a foreign one or one of an older build-image', async () => {
    const { repository, subject } = await copy('runtime-node', 'node-fallback');
    const { digest } = subject;
    const read = () =>
      readImageFacts(client, repository, digest, { recorded: recordedOf(repository, digest) });

    const none = await read();
    expect(none.source).toEqual({
      from: 'layers',
      layers: expect.any(Number) as number,
      sbomUnused: 'the image has no SBOM',
    });

    // Another tool's SBOM of the image: a valid CycloneDX document that says nothing of ours.
    const foreignDocument = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { tools: { components: [{ type: 'application', name: 'syft', version: '1.0' }] } },
      components: [],
    });
    const foreign = await pushSbom(repository, subject, foreignDocument);
    // build-image's SBOM as earlier versions wrote it: no record that every fact is in it.
    const olderDocument = JSON.parse(ourSbom(repository, digest, none)) as {
      metadata: { properties?: unknown };
    };
    delete olderDocument.metadata.properties;
    const older = await pushSbom(repository, subject, JSON.stringify(olderDocument));

    const fallback = await read();
    expect(fallback.source).toEqual({
      from: 'layers',
      layers: none.source.from === 'layers' ? none.source.layers : -1,
      sbomUnused: `SBOM ${foreign} not used: it was written by another tool; SBOM ${older} not used: it was written by an older build-image that did not record every fact the policy reads`,
    });
    expect(policyView(fallback)).toEqual(policyView(none));
  });

  it('reads the layers when the SBOMs cannot be listed', async () => {
    const { repository, subject } = await copy('runtime-static', 'static-squatted');
    // The referrers tag holds an image, not an index: a real registry state the listing refuses.
    await pushTestImage({ registry: env.registry, repository, tag: referrersTag(subject.digest) });
    const facts = await readImageFacts(client, repository, subject.digest, {
      recorded: recordedOf(repository, subject.digest),
    });
    expect(facts.source).toMatchObject({ from: 'layers' });
    expect(facts.source.from === 'layers' && facts.source.sbomUnused).toMatch(
      /^its SBOMs could not be listed: .* is not an OCI image index/,
    );
  });
});
