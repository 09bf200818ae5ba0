import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../build/catalog.js';
import { pinCatalog, templateImages } from '../build/pin-catalog.js';
import { catalogRegistries, compareCatalogs } from './changes.js';

const TEMPLATE_PATH = fileURLToPath(new URL('../../catalog/standard-images.yaml', import.meta.url));
const TEMPLATE = readFileSync(TEMPLATE_PATH, 'utf8');
const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** The repository's catalog pinned with every image at `base`, and some at other digests. */
function catalog(
  base: string,
  overrides: Record<string, string> = {},
  registry = 'ghcr.io/acme/standard',
) {
  const refs = Object.fromEntries(
    templateImages(TEMPLATE, TEMPLATE_PATH).map((name) => [
      name,
      overrides[name] ?? `${registry}/${name}@${digest(base)}`,
    ]),
  );
  return parseCatalog(pinCatalog(TEMPLATE, refs, TEMPLATE_PATH), 'catalog.yaml');
}

describe('which standard images a new catalog changed (old vs new digests)', () => {
  it('the same catalog published again changes nothing', () => {
    expect(compareCatalogs(catalog('a'), catalog('a'))).toEqual([]);
  });

  it('an image with a new digest is a change, with every entry that uses it', () => {
    const next = catalog('a', {
      'runtime-node': `ghcr.io/acme/standard/runtime-node@${digest('b')}`,
    });
    expect(compareCatalogs(catalog('a'), next)).toEqual([
      {
        repository: 'ghcr.io/acme/standard/runtime-node',
        previous: [digest('a')],
        digests: [digest('b')],
        uses: ['runtime http_api/nodejs', 'runtime worker/nodejs'],
        kind: 'changed',
      },
    ]);
  });

  it('a tag next to the digest does not make another image: the repository is compared', () => {
    const before = catalog('a', {
      'builder-go': `ghcr.io/acme/standard/builder-go:0f3c2a@${digest('a')}`,
    });
    const after = catalog('a', {
      'builder-go': `ghcr.io/acme/standard/builder-go:9e1d7b@${digest('c')}`,
    });
    expect(compareCatalogs(before, after)).toMatchObject([
      { repository: 'ghcr.io/acme/standard/builder-go', kind: 'changed', uses: ['builder go'] },
    ]);
  });

  it('images moved to another registry are added and removed, not changed; changes come first', () => {
    const before = catalog('a');
    const after = catalog('a', {
      'runtime-http': `registry.example.test/standard/runtime-http@${digest('a')}`,
      'builder-java': `ghcr.io/acme/standard/builder-java@${digest('d')}`,
    });
    expect(compareCatalogs(before, after).map((c) => `${c.kind} ${c.repository}`)).toEqual([
      'changed ghcr.io/acme/standard/builder-java',
      'added registry.example.test/standard/runtime-http',
      'removed ghcr.io/acme/standard/runtime-http',
    ]);
  });

  it('without a previous catalog (the first publish) every image is an addition', () => {
    const changes = compareCatalogs(undefined, catalog('a'));
    expect(new Set(changes.map((c) => c.kind))).toEqual(new Set(['added']));
    expect(changes).toHaveLength(templateImages(TEMPLATE, TEMPLATE_PATH).length);
  });
});

describe("the standard images' registry (the only host the platform's login goes to)", () => {
  it('is the host of every catalog image, nothing else', () => {
    expect([...catalogRegistries(catalog('a'))]).toEqual(['ghcr.io']);
    const mixed = catalog('a', {
      'runtime-node': `registry.example:5000/std/runtime-node@${digest('b')}`,
    });
    expect([...catalogRegistries(mixed)].sort()).toEqual(['ghcr.io', 'registry.example:5000']);
  });
});
