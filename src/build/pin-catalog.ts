import { dump, load } from 'js-yaml';

/**
 * Pinning a catalog template: in catalog/standard-images.yaml every `image:`
 * names an image definition (a folder of test/env/images/ or of a platform
 * repository), because a digest exists only once the image is published. The
 * platform's publish workflow, the local environment and the tests all turn
 * it into a catalog build-image accepts the same way: each name replaced by
 * the published `registry/repository@sha256:…`. build-image checks the
 * result when it reads it (the unit test does too).
 *
 * It imports packages only, so scripts/pin-catalog.ts (run by node itself,
 * type stripping) can import it too; the standard-images action runs it in
 * the platform's publishing workflow.
 */

/** An unpublished image: a definition's name, without registry, tag or digest. */
const DEFINITION = /^[a-z0-9][a-z0-9._-]*$/;

export interface PinOptions {
  /**
   * Leave out the builders and runtimes whose image has no reference (the
   * tests build the heavy images only when they need them). Otherwise a
   * missing reference is an error.
   */
  readonly dropMissing?: boolean;
  /** Written at the top of the pinned file. */
  readonly header?: string;
}

type Entry = Record<string, unknown>;

/** The image definitions a template names, sorted, each once. */
export function templateImages(template: string, source: string): string[] {
  const names = new Set<string>();
  forEachImage(readTemplate(template, source), (entry) => {
    if (typeof entry.image === 'string' && DEFINITION.test(entry.image)) names.add(entry.image);
    return true;
  });
  return [...names].sort();
}

/**
 * The template with every definition name replaced by its reference from
 * `refs` (name → `registry/repository@sha256:…`); already pinned references
 * stay as they are. Returns the catalog's text, validated.
 */
export function pinCatalog(
  template: string,
  refs: Readonly<Record<string, string>>,
  source: string,
  options: PinOptions = {},
): string {
  const root = readTemplate(template, source);
  const missing = new Set<string>();
  forEachImage(
    root,
    (entry) => {
      const image = entry.image;
      if (typeof image !== 'string' || !DEFINITION.test(image)) return true;
      const ref = refs[image];
      if (ref) {
        entry.image = ref;
        return true;
      }
      missing.add(image);
      return false;
    },
    options.dropMissing === true,
  );
  if (missing.size > 0 && !options.dropMissing) {
    throw new Error(
      `${source} names images that have no published reference: ${[...missing].sort().join(', ')}. Build and push them first, and pass each one as NAME=registry/repository@sha256:… .`,
    );
  }
  if (typeof root.default_builder === 'string') {
    const builders = (root.builders ?? {}) as Entry;
    if (!(root.default_builder in builders)) delete root.default_builder;
  }
  const header = (options.header ?? `Pinned from ${source}; every image by digest.`)
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${header}\n${dump(root, { lineWidth: -1, noRefs: true, forceQuotes: true })}`;
}

function readTemplate(template: string, source: string): Entry {
  // The platform's own file: plain js-yaml (YAML 1.2 core), no aliases expected.
  const value = load(template, { filename: source, maxAliases: 0 } as object);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(
      `${source} is not a catalog: its top level is not a mapping (start from catalog/standard-images.yaml).`,
    );
  }
  return value as Entry;
}

/**
 * Calls `visit` on every builder and runtime entry (variants included); when
 * `drop` is set, an entry it returns false for is removed, and so is a
 * runtime type left without variants.
 */
function forEachImage(root: Entry, visit: (entry: Entry) => boolean, drop = false): void {
  const isEntry = (value: unknown): value is Entry =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  const walk = (map: Entry, nested: boolean) => {
    for (const [key, value] of Object.entries(map)) {
      if (!isEntry(value)) continue;
      if (nested && !('image' in value)) {
        walk(value, false);
        if (drop && Object.keys(value).length === 0) delete map[key];
        continue;
      }
      if (!visit(value) && drop) delete map[key];
    }
  };
  if (isEntry(root.builders)) walk(root.builders, false);
  if (isEntry(root.runtimes)) walk(root.runtimes, true);
}
