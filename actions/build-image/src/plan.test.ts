import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { parseManifest } from '../../../src/manifest/index.js';
import type { RegistryClient } from '../../../src/oci/index.js';
import { imageLabels, type BuildRecord } from '../../../src/build/labels.js';
import { planImage } from './plan.js';
import type { Target } from './target.js';

const RUNTIME = { name: 'r/std/runtime-http', digest: `sha256:${'1'.repeat(64)}` };
const NEW_RUNTIME = { name: 'r/std/runtime-http', digest: `sha256:${'9'.repeat(64)}` };
const record = (over: Partial<BuildRecord> = {}): BuildRecord => ({
  contentHash: 'c'.repeat(64),
  sourcesHash: 's'.repeat(64),
  configHash: 'k'.repeat(64),
  runtime: RUNTIME,
  builder: undefined,
  ...over,
});

/** Images in a repository: tag → digest and labels (as build-image writes them). */
function target(
  images: Record<string, { digest: string; record: BuildRecord; version: string }>,
): Target {
  const labels = (image: { record: BuildRecord; version: string }) =>
    imageLabels(image.record, { ...image.record.runtime, reference: '', pinned: '' }, undefined, {
      title: 'web',
      version: image.version,
      namespace: 'shop',
      applicationType: 'http_html',
      manifestSha256: 'm',
      source: undefined,
      revision: undefined,
    });
  const client = {
    getImageConfig: async (_repo: string, tag: string) => ({
      digest: images[tag]!.digest,
      labels: labels(images[tag]!),
    }),
    headManifest: async (_repo: string, tag: string) =>
      images[tag] ? { digest: images[tag].digest, mediaType: '', size: 0 } : undefined,
  } as unknown as RegistryClient;
  return {
    name: 'r/shop/web',
    registry: 'r',
    repository: 'shop/web',
    client,
    reference: { registry: 'r', repository: 'shop/web' },
    login: undefined,
    ca: undefined,
  };
}

const manifest = (version: string) =>
  parseManifest(
    JSON.stringify({ namespace: 'shop', application: { name: 'web', type: 'http_html', version } }),
    'default.json',
  );

describe('what a run does, decided before building', () => {
  it('reuses the image whose content tag matches, with the tags that point at it', async () => {
    const image = { digest: 'sha256:aa', record: record(), version: '1.0.0' };
    const repo = target({ [`content-${'c'.repeat(64)}`]: image, '1.0.0': image });
    expect(
      await planImage(repo, manifest('1.0.x'), [`content-${'c'.repeat(64)}`, '1.0.0'], record()),
    ).toEqual({
      kind: 'reuse',
      digest: 'sha256:aa',
      version: '1.0.0',
      tags: ['1.0.0'],
      restore: [],
    });
  });

  it('reuses an identical image that has no content tag yet, adding it', async () => {
    const image = { digest: 'sha256:aa', record: record(), version: '1.0.0' };
    const plan = await planImage(
      target({ '1.0.0': image }),
      manifest('1.0.x'),
      ['1.0.0'],
      record(),
    );
    expect(plan).toMatchObject({
      kind: 'reuse',
      tags: ['1.0.0'],
      restore: [`content-${'c'.repeat(64)}`],
    });
  });

  it('restores the version tag when a run stopped after pushing its content tag', async () => {
    const image = { digest: 'sha256:aa', record: record(), version: '1.0.4' };
    const content = `content-${'c'.repeat(64)}`;
    const plan = await planImage(
      target({ [content]: image }),
      manifest('1.0.x'),
      [content],
      record(),
    );
    expect(plan).toMatchObject({ kind: 'reuse', version: '1.0.4', tags: [], restore: ['1.0.4'] });
  });

  it('builds the next free version of a range, for the reason that changed', async () => {
    const old = {
      digest: 'sha256:aa',
      record: record({ contentHash: 'o'.repeat(64), configHash: 'x'.repeat(64) }),
      version: '1.0.0',
    };
    expect(
      await planImage(target({ '1.0.0': old }), manifest('1.0.x'), ['1.0.0'], record()),
    ).toEqual({
      kind: 'build',
      version: '1.0.1',
      reason: 'config',
      tags: ['1.0.1'],
      previous: 'r/shop/web:1.0.0',
    });
  });

  it('gives an existing exact version rebuilt on a new base only a tag naming the base', async () => {
    const old = {
      digest: 'sha256:aa',
      record: record({ contentHash: 'o'.repeat(64) }),
      version: '2.0.0',
    };
    const plan = await planImage(
      target({ '2.0.0': old }),
      manifest('2.0.0'),
      ['2.0.0'],
      record({ runtime: NEW_RUNTIME }),
    );
    expect(plan).toEqual({
      kind: 'build',
      version: '2.0.0',
      reason: 'base',
      tags: ['2.0.0-runtime-http.999999999999'],
      previous: 'r/shop/web:2.0.0',
    });
  });

  it('refuses an existing exact version with other sources, naming the next free one', async () => {
    const old = {
      digest: 'sha256:aa',
      record: record({ contentHash: 'o'.repeat(64), sourcesHash: 'x'.repeat(64) }),
      version: '2.0.0',
    };
    const error = await planImage(
      target({ '2.0.0': old }),
      manifest('2.0.0'),
      ['2.0.0', '2.0.1'],
      record(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'Version 2.0.0 of r/shop/web already exists with other content: its sources differ from this build. Version tags are never overwritten; nothing was built or pushed.',
    );
    expect((error as UserError).fix).toBe(
      'raise application.version (2.0.2 is free), or write an X-range such as "2.0.x" to publish the next free version.',
    );
  });
});
