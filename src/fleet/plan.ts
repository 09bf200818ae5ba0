import { readBuildRecord, type BuildRecord } from '../build/labels.js';
import { baseTag, releaseVersions } from '../build/versions.js';
import { errorMessage } from '../errors.js';
import { parseReference, type RegistryPool } from '../oci/index.js';
import { imageRepository, type ImageChange } from './changes.js';
import type { FleetApp } from './fleet-file.js';

/**
 * Which applications of the fleet a catalog change concerns: an app is due
 * for a rebuild when its newest image (its highest release version tag)
 * records, in the labels build-image writes, a runtime or builder whose
 * repository the new catalog changed, at a digest the new catalog no longer
 * names. An app with no image yet, or whose image was not built by
 * build-image, has nothing to rebuild: its next build starts from the new
 * catalog anyway. An exact version (`1.4.2`) rebuilt on a new base keeps
 * its version tag and gets a base tag (`1.4.2-runtime-http.<digest12>`),
 * which is how an app already rebuilt is told apart.
 */

export interface AppImage {
  /** `registry/repository:tag`. */
  readonly reference: string;
  readonly digest: string;
  readonly record: BuildRecord | undefined;
  /** Every tag of the app's repository: a base rebuild of an exact version only adds a base tag. */
  readonly tags: readonly string[];
  /** The release version the image is tagged with. */
  readonly version: string;
}

export interface BaseChange {
  readonly role: 'runtime' | 'builder';
  readonly repository: string;
  /** The digest the app's image was built on. */
  readonly from: string;
  /** The digest(s) the new catalog names. */
  readonly to: readonly string[];
}

export type Verdict =
  | { readonly kind: 'rebuild'; readonly image: AppImage; readonly bases: readonly BaseChange[] }
  | { readonly kind: 'current'; readonly image: AppImage }
  | { readonly kind: 'skipped'; readonly image: AppImage | undefined; readonly why: string }
  | { readonly kind: 'unreadable'; readonly why: string };

export function judgeApp(image: AppImage | undefined, changes: readonly ImageChange[]): Verdict {
  if (!image) return { kind: 'skipped', image, why: 'no release image yet' };
  if (!image.record)
    return { kind: 'skipped', image, why: 'its image carries no build-image labels' };
  const changed = new Map(
    changes.filter((change) => change.kind === 'changed').map((c) => [c.repository, c]),
  );
  const bases: BaseChange[] = [];
  const consider = (role: BaseChange['role'], base: { name: string; digest: string }) => {
    let repository: string;
    try {
      repository = imageRepository(base.name);
    } catch {
      return; // a label that names no image: not one of the catalog's
    }
    const change = changed.get(repository);
    if (!change || change.digests.includes(base.digest)) return;
    // An exact version rebuilt on the new base keeps its version tag on the
    // old image and gets a base tag: that rebuild is done already.
    const rebuilt = change.digests.some((digest) =>
      image.tags.includes(baseTag(image.version, { name: repository, digest })),
    );
    if (!rebuilt) bases.push({ role, repository, from: base.digest, to: change.digests });
  };
  consider('runtime', image.record.runtime);
  if (image.record.builder) consider('builder', image.record.builder);
  return bases.length > 0 ? { kind: 'rebuild', image, bases } : { kind: 'current', image };
}

/** The newest release image of an app and its build record; undefined when it has none. */
export async function latestAppImage(
  pool: RegistryPool,
  app: Pick<FleetApp, 'image'>,
): Promise<AppImage | undefined> {
  const ref = parseReference(app.image);
  const client = pool.client(ref.registry);
  const tags = await client.listTags(ref.repository);
  const tag = releaseVersions(tags)[0];
  if (!tag) return undefined;
  const config = await client.getImageConfig(ref.repository, tag);
  return {
    reference: `${app.image}:${tag}`,
    digest: config.digest,
    record: readBuildRecord(config.labels),
    tags,
    version: tag,
  };
}

/** judgeApp on the app's newest image; a registry that cannot be read makes the app `unreadable`. */
export async function planApp(
  pool: RegistryPool,
  app: FleetApp,
  changes: readonly ImageChange[],
): Promise<Verdict> {
  let image: AppImage | undefined;
  try {
    image = await latestAppImage(pool, app);
  } catch (error) {
    return { kind: 'unreadable', why: errorMessage(error) };
  }
  return judgeApp(image, changes);
}
