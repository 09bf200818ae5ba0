import type { Catalog } from '../build/catalog.js';
import { allRuntimes } from '../build/catalog.js';
import type { PinnedImage } from '../build/catalog-values.js';
import { formatName, parseReference } from '../oci/index.js';

/**
 * Which standard images a newly published catalog changed: the previous
 * catalog and the new one compared image by image. An image is known by its
 * repository (`ghcr.io/acme/standard/runtime-http`, tag left out: a publish
 * may name the same image under a new tag), so an image whose digest differs
 * is a change, one the previous catalog did not name is an addition, and one
 * the new catalog no longer names is a removal. Applications are due for a
 * rebuild only through changes: nothing can be built on an added image yet.
 */

export interface ImageChange {
  /** `registry/repository`, without tag or digest. */
  readonly repository: string;
  /** The digest(s) the previous catalog named; empty for an added image. */
  readonly previous: readonly string[];
  /** The digest(s) the new catalog names; empty for a removed image. */
  readonly digests: readonly string[];
  /** Where the new (or, for a removal, the old) catalog uses it: `builder java`, `runtime http_api/java`. */
  readonly uses: readonly string[];
  readonly kind: 'changed' | 'added' | 'removed';
}

interface CatalogImage {
  digests: Set<string>;
  uses: string[];
}

/** `registry/repository` of a reference or a recorded name, tag and digest left out. */
export function imageRepository(reference: string): string {
  return formatName(parseReference(reference));
}

/** Every image of a catalog by repository, with the digests and the entries that use it. */
export function catalogImages(catalog: Catalog): Map<string, CatalogImage> {
  const images = new Map<string, CatalogImage>();
  const add = (image: PinnedImage, use: string) => {
    const repository = imageRepository(image.pinned);
    const entry = images.get(repository) ?? { digests: new Set<string>(), uses: [] };
    entry.digests.add(image.digest);
    if (!entry.uses.includes(use)) entry.uses.push(use);
    images.set(repository, entry);
  };
  for (const builder of catalog.builders) add(builder.image, `builder ${builder.name}`);
  for (const runtime of allRuntimes(catalog)) {
    add(runtime.image, `runtime ${runtime.type}${runtime.variant ? `/${runtime.variant}` : ''}`);
  }
  return images;
}

/** The registry hosts a catalog's images live on (where the platform's login belongs). */
export function catalogRegistries(catalog: Catalog): Set<string> {
  return new Set([...catalogImages(catalog).keys()].map((name) => parseReference(name).registry));
}

/**
 * The images that differ between two catalogs, changed ones first, each
 * group sorted by repository. Without a previous catalog (the first
 * publish) every image is an addition.
 */
export function compareCatalogs(previous: Catalog | undefined, next: Catalog): ImageChange[] {
  const before = previous ? catalogImages(previous) : new Map<string, CatalogImage>();
  const after = catalogImages(next);
  const changes: ImageChange[] = [];
  for (const [repository, image] of after) {
    const old = before.get(repository);
    if (!old) {
      changes.push(change(repository, [], image.digests, image.uses, 'added'));
    } else if (!sameSet(old.digests, image.digests)) {
      changes.push(change(repository, old.digests, image.digests, image.uses, 'changed'));
    }
  }
  for (const [repository, image] of before) {
    if (!after.has(repository))
      changes.push(change(repository, image.digests, [], image.uses, 'removed'));
  }
  const order = { changed: 0, added: 1, removed: 2 } as const;
  return changes.sort(
    (a, b) => order[a.kind] - order[b.kind] || a.repository.localeCompare(b.repository),
  );
}

function change(
  repository: string,
  previous: Iterable<string>,
  digests: Iterable<string>,
  uses: readonly string[],
  kind: ImageChange['kind'],
): ImageChange {
  return { repository, previous: [...previous].sort(), digests: [...digests].sort(), uses, kind };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}
