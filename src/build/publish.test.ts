import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { digestOf } from '../oci/index.js';
import { imageSize, tagImmutable, tagMutable, type Registry } from './publish.js';

/** An in-memory repository: tags → digests, digests → manifest bytes. Writes are recorded. */
function fakeRegistry(tags: Record<string, Buffer> = {}, interfere?: (tag: string) => void) {
  const blobs = new Map<string, Buffer>();
  const refs = new Map<string, string>();
  const puts: string[] = [];
  const store = (tag: string, bytes: Buffer) => {
    const digest = digestOf(bytes);
    blobs.set(digest, bytes);
    refs.set(tag, digest);
    return digest;
  };
  for (const [tag, bytes] of Object.entries(tags)) store(tag, bytes);
  const registry: Registry = {
    headManifest: async (_repo, ref) => {
      const digest = ref.startsWith('sha256:') ? ref : refs.get(ref);
      return digest
        ? { digest, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 1 }
        : undefined;
    },
    getManifest: async (_repo, ref) => {
      const digest = ref.startsWith('sha256:') ? ref : refs.get(ref)!;
      const bytes = blobs.get(digest)!;
      return {
        digest,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        bytes,
        json: JSON.parse(bytes.toString()),
      };
    },
    putManifest: async (_repo, tag, bytes) => {
      puts.push(tag);
      const digest = store(tag, bytes);
      interfere?.(tag);
      return digest;
    },
  };
  return { registry, refs, puts, store };
}

const image = (n: number) =>
  Buffer.from(JSON.stringify({ config: { size: 10 }, layers: [{ size: n }, { size: 5 }] }));

describe('tags on the registry', () => {
  it('creates a free version tag by re-tagging the same manifest, and leaves an identical one alone', async () => {
    const { registry, refs, puts } = fakeRegistry({ 'content-x': image(1) });
    const digest = refs.get('content-x')!;
    expect(await tagImmutable(registry, 'shop/web', digest, '1.0.0')).toBe('created');
    expect(refs.get('1.0.0')).toBe(digest);
    expect(await tagImmutable(registry, 'shop/web', digest, '1.0.0')).toBe('existed');
    expect(puts).toEqual(['1.0.0']);
  });

  it('never overwrites a version tag that holds other content', async () => {
    const { registry, refs, puts } = fakeRegistry({ 'content-x': image(1), '1.0.0': image(2) });
    const error = await tagImmutable(registry, 'shop/web', refs.get('content-x')!, '1.0.0').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `shop/web:1.0.0 already exists with other content (${digestOf(image(2))}); version tags are never overwritten.`,
    );
    expect(puts).toEqual([]);
  });

  it('notices another run that wrote the tag between the check and the write', async () => {
    const fake = fakeRegistry({ 'content-x': image(1) }, (tag) => fake.store(tag, image(3)));
    await expect(
      tagImmutable(fake.registry, 'shop/web', fake.refs.get('content-x')!, '1.0.0'),
    ).rejects.toThrow('shop/web:1.0.0 already exists with other content');
  });

  it('moves a channel tag', async () => {
    const { registry, refs } = fakeRegistry({ 'content-x': image(1), stable: image(2) });
    await tagMutable(registry, 'shop/web', refs.get('content-x')!, 'stable');
    expect(refs.get('stable')).toBe(refs.get('content-x'));
  });

  it('measures an image (config and layers) and an index (all its images)', async () => {
    const { registry, refs, store } = fakeRegistry({ a: image(100), b: image(200) });
    expect(await imageSize(registry, 'shop/web', refs.get('a')!)).toBe(115);
    const index = store(
      'index',
      Buffer.from(
        JSON.stringify({ manifests: [{ digest: refs.get('a') }, { digest: refs.get('b') }] }),
      ),
    );
    expect(await imageSize(registry, 'shop/web', index)).toBe(330);
  });
});
