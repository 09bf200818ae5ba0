import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { UserError } from '../errors.js';
import { RegistryClient, digestOf } from '../oci/index.js';
import { OCI_INDEX } from '../oci/media-types.js';
import { imageSize, tagImmutable, tagMutable, type Registry } from './publish.js';

/**
 * Version and channel tags on the real open registry (distribution 2.8), and
 * two runs publishing the same version with different content at once. The
 * runs' exchanges are put in a fixed order by holding each run's real client
 * at a step until the other run has reached it (no timing involved).
 */

const env = loadEnvironment();
const run = `r${Date.now().toString(36)}`;
const client = new RegistryClient(env.registry, { dockerConfig: false });
afterAll(() => client.close());

let count = 0;
/** A fresh repository with images under content tags `a`, `b`, … */
async function repository(...tags: string[]): Promise<{ repo: string; images: PushedImage[] }> {
  const repo = `publish/${run}-${++count}`;
  const images: PushedImage[] = [];
  for (const tag of tags) {
    images.push(await pushTestImage({ registry: env.registry, repository: repo, tag }));
  }
  return { repo, images };
}

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === parties) open();
    return opened;
  };
}

/** The real client, with a hook awaited before and after each manifest PUT. */
function held(hooks: {
  beforePut?: () => Promise<void>;
  afterPut?: () => Promise<void>;
}): Registry {
  return {
    registry: client.registry,
    headManifest: (repo, ref) => client.headManifest(repo, ref),
    getManifest: (repo, ref) => client.getManifest(repo, ref),
    putManifest: async (repo, ref, bytes, mediaType, condition) => {
      await hooks.beforePut?.();
      const digest = await client.putManifest(repo, ref, bytes, mediaType, condition);
      await hooks.afterPut?.();
      return digest;
    },
  };
}

describe('version tags on a real registry', () => {
  it('creates a free version tag by re-tagging the same manifest, and leaves an identical one alone', async () => {
    const { repo, images } = await repository('content-x');
    const digest = images[0]!.digest;
    expect(await tagImmutable(client, repo, digest, '1.0.0')).toBe('created');
    expect((await client.headManifest(repo, '1.0.0'))?.digest).toBe(digest);
    expect(await tagImmutable(client, repo, digest, '1.0.0')).toBe('existed');
  });

  it('never overwrites a version tag that holds other content', async () => {
    const { repo, images } = await repository('content-x', '1.0.0');
    const [ours, theirs] = images.map((image) => image.digest);
    const error = await tagImmutable(client, repo, ours!, '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `${repo}:1.0.0 already exists with other content (${theirs}); version tags are never overwritten.`,
    );
    expect((await client.headManifest(repo, '1.0.0'))?.digest).toBe(theirs);
  });

  it('two runs publish one version with different content at once: one creates it, the other is told who won', async () => {
    const { repo, images } = await repository('content-a', 'content-b');
    const [a, b] = images.map((image) => image.digest) as [string, string];
    // Both runs have found the tag free and written it before either reads it back.
    const bothReady = barrier(2);
    const bothWritten = barrier(2);
    const hooks = { beforePut: bothReady, afterPut: bothWritten };
    const results = await Promise.allSettled([
      tagImmutable(held(hooks), repo, a, '2.0.0'),
      tagImmutable(held(hooks), repo, b, '2.0.0'),
    ]);
    const created = results.flatMap((r, i) =>
      r.status === 'fulfilled' && r.value === 'created' ? [[a, b][i]!] : [],
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = created[0]!;
    const loser = winner === a ? b : a;
    expect((await client.headManifest(repo, '2.0.0'))?.digest).toBe(winner);
    expect(refused[0]).toBeInstanceOf(UserError);
    expect(refused[0]!.message).toBe(
      `Another run published ${env.registry}/${repo}:2.0.0 at the same time: the tag was free when this run checked it. We wrote ${loser}, but the tag now holds ${winner}; this run did not publish it.`,
    );
    expect((refused[0] as UserError).fix).toMatch(
      /^version tags are never overwritten: run the job again/,
    );
  });

  it('a run whose check found the tag free writes nothing when another run publishes first', async () => {
    const { repo, images } = await repository('content-a', 'content-b');
    const [a, b] = images.map((image) => image.digest) as [string, string];
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    // B has read the tag (free) and holds on its way to the write until A has published.
    let puts = 0;
    let checked!: () => void;
    const lateChecked = new Promise<void>((resolve) => (checked = resolve));
    const late = tagImmutable(
      {
        ...held({}),
        headManifest: async (repo, ref) => {
          const found = await client.headManifest(repo, ref);
          checked();
          return found;
        },
        getManifest: async (repo, ref) => {
          await first;
          return client.getManifest(repo, ref);
        },
        putManifest: (...args) => {
          puts++;
          return client.putManifest(...args);
        },
      },
      repo,
      b,
      '3.0.0',
    );
    await lateChecked;
    const early = tagImmutable(client, repo, a, '3.0.0').finally(firstDone);
    expect(await early).toBe('created');
    const error = await late.catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Another run published ${env.registry}/${repo}:3.0.0 at the same time: the tag was free when this run checked it. It now holds ${a}; this run did not publish it.`,
    );
    expect(puts).toBe(0);
    expect((await client.headManifest(repo, '3.0.0'))?.digest).toBe(a);
  });

  it('moves a channel tag', async () => {
    const { repo, images } = await repository('content-x', 'stable');
    await tagMutable(client, repo, images[0]!.digest, 'stable');
    expect((await client.headManifest(repo, 'stable'))?.digest).toBe(images[0]!.digest);
  });

  it('measures an image (config and layers) and an index (all its images)', async () => {
    const { repo, images } = await repository('a', 'b');
    const sizes = await Promise.all(
      images.map(async (image) => {
        const json = JSON.parse(image.bytes.toString('utf8')) as {
          config: { size: number };
          layers: { size: number }[];
        };
        return json.config.size + json.layers.reduce((sum, l) => sum + l.size, 0);
      }),
    );
    expect(await imageSize(client, repo, images[0]!.digest)).toBe(sizes[0]);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: images.map((image) => ({
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: image.digest,
          size: image.bytes.length,
          platform: { os: 'linux', architecture: 'amd64' },
        })),
      }),
    );
    await client.putManifest(repo, digestOf(index), index, OCI_INDEX);
    expect(await imageSize(client, repo, digestOf(index))).toBe(sizes[0]! + sizes[1]!);
  });
});
