import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import type { Environment } from '../env/environment.js';
// A .ts path: scripts (demo, act-pipeline) load this file with node itself.
import { pinCatalog } from '../../scripts/pin-catalog.ts';

/**
 * A standard-image catalog for the local environment: the repository's
 * catalog/standard-images.yaml pinned to the images test/env built
 * (test/env/images/<name>, by the digests it recorded). Builders and runtimes
 * whose image was not built are left out: `up` skips the heavy images, which
 * a suite builds with standardImage() (test/support/standard-images.ts) and
 * passes in `images`. Tests pass other references to simulate a platform team
 * changing a base image.
 */
export interface LocalCatalogOptions {
  /** Replaces runtime-http. */
  runtime?: string;
  /** Replaces builder-nodejs. */
  builder?: string;
  /** More images by name (the lazy ones), or replacements. */
  images?: Readonly<Record<string, string>>;
  /** Replaces the catalog's `policy:` section (null: none). */
  policy?: Record<string, unknown> | null;
}

export const CATALOG_TEMPLATE = new URL('../../catalog/standard-images.yaml', import.meta.url)
  .pathname;

export function localCatalog(
  env: Pick<Environment, 'images'>,
  options: LocalCatalogOptions = {},
): string {
  const refs: Record<string, string> = { ...env.images, ...options.images };
  if (options.runtime) refs['runtime-http'] = options.runtime;
  if (options.builder) refs['builder-nodejs'] = options.builder;
  for (const name of ['builder-nodejs', 'runtime-http']) {
    if (!refs[name])
      throw new Error(
        `test/env/up did not build the standard image "${name}" (test/env/images/${name}); run test/env/up`,
      );
  }
  let template = readFileSync(CATALOG_TEMPLATE, 'utf8');
  if (options.policy !== undefined) {
    const catalog = load(template) as Record<string, unknown>;
    if (options.policy === null) delete catalog.policy;
    else catalog.policy = options.policy;
    template = dump(catalog);
  }
  return pinCatalog(template, refs, 'catalog/standard-images.yaml', {
    dropMissing: true,
    header: 'The local environment: catalog/standard-images.yaml pinned to what test/env built.',
  });
}

export function writeLocalCatalog(
  dir: string,
  env: Pick<Environment, 'images'>,
  options: LocalCatalogOptions = {},
): string {
  const path = join(dir, 'catalog.yaml');
  writeFileSync(path, localCatalog(env, options));
  return path;
}
