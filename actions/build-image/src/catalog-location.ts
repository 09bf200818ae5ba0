import { isAbsolute, resolve } from 'node:path';
import { isUrl } from '../../../src/build/catalog-source.js';
import { UserError } from '../../../src/errors.js';

/**
 * The "catalog" input as a location: a URL as is, a path relative to the
 * workspace. build-image bundles no catalog: the standard images are the
 * platform team's, published from its own repository with their digests
 * (catalog/README.md), so there is no default that could name real images.
 */
export function catalogLocation(input: string | undefined, workspace: string): string {
  if (!input) {
    throw new UserError(
      'Input "catalog" is empty: build-image needs the catalog of standard images your platform team publishes, and ships none of its own (no image could be named by a digest that exists on every registry).',
      {
        fix: 'set "catalog" to the pinned catalog file in the workspace or its https URL; a platform team publishes one by pushing its standard images and pinning catalog/standard-images.yaml with scripts/pin-catalog.ts (see catalog/README.md).',
      },
    );
  }
  if (isUrl(input)) return input;
  return isAbsolute(input) ? input : resolve(workspace, input);
}
