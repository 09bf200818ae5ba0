import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUrl } from '../../../src/build/catalog-source.js';

/**
 * The catalog of this release: catalog/standard-images.yaml. ncc sees this
 * `new URL(…, import.meta.url)`, copies the file next to the bundle
 * (dist/standard-images.yaml, kept fresh by check:dist) and turns the
 * expression into that file's path, so the bundle needs nothing else from
 * the repository; run from source, it is the repository's file.
 */
export function bundledCatalogPath(): string {
  const asset: URL | string = new URL('../../../catalog/standard-images.yaml', import.meta.url);
  return asset instanceof URL ? fileURLToPath(asset) : asset;
}

/** The "catalog" input as a location: a URL as is, a path relative to the workspace. */
export function catalogLocation(input: string | undefined, workspace: string): string {
  if (!input) return bundledCatalogPath();
  if (isUrl(input)) return input;
  return isAbsolute(input) ? input : resolve(workspace, input);
}
