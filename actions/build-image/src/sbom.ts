import * as core from '../../../src/core.js';
import { errorMessage } from '../../../src/errors.js';
import {
  listReferrers,
  pushReferrer,
  referrersTag,
  SBOM_MEDIA_TYPE,
  type ReferrersVia,
} from '../../../src/oci/index.js';
import type { ImageFacts } from '../../../src/policy/policy.js';
import { SBOM_TOOL_NAME } from '../../../src/sbom/read.js';
import { annotate } from '../../../src/report/annotations.js';
import { plural } from '../../../src/report/summary.js';
import type { Target } from './target.js';

/**
 * The image's SBOM (CycloneDX JSON), pushed next to it as an OCI artifact
 * whose `subject` is the image: found from the image digest through the
 * referrers API, or the referrers tag schema (`sha256-<hex>`) on registries
 * without it. Pushed after the image policy passed and before any version
 * tag names the image. An image that already has one (a reused image) keeps
 * it. The image is the product: an SBOM that cannot be pushed is a warning
 * (annotation and summary), never a failed build; the next run of the same
 * content pushes it.
 */

export interface SbomOutcome {
  /** `<image>@sha256:…` of the SBOM manifest; undefined when it could not be pushed. */
  readonly ref: string | undefined;
  readonly via: ReferrersVia | undefined;
  /** false when the image already had an SBOM. */
  readonly pushed: boolean;
  readonly osPackages: number | undefined;
  readonly dependencies: number | undefined;
  readonly lockfiles: readonly string[];
  /** Why there is no SBOM (ref undefined). */
  readonly error: string | undefined;
}

export interface SbomSources {
  /** The directory the lock files are read from (the `context`). */
  readonly dir: string;
  /** Its source files, relative to it. */
  readonly files: readonly string[];
  readonly version: string;
}

/** The SBOMs that refer to the image already (read only, so it may run beside the policy check). */
export function findSbom(target: Target, digest: string): ReturnType<typeof listReferrers> {
  return listReferrers(target.client, target.repository, digest, SBOM_MEDIA_TYPE);
}

/** `existing`: findSbom's answer when it was asked before; asked here otherwise. */
export async function publishSbom(
  target: Target,
  digest: string,
  facts: () => Promise<ImageFacts>,
  sources: SbomSources,
  existing?: ReturnType<typeof findSbom>,
): Promise<SbomOutcome> {
  let counts: Pick<SbomOutcome, 'osPackages' | 'dependencies' | 'lockfiles'> = {
    osPackages: undefined,
    dependencies: undefined,
    lockfiles: [],
  };
  try {
    const referring = await (existing ?? findSbom(target, digest));
    const found = referring.referrers[0];
    if (found) {
      core.info(
        `SBOM: the image already has one, ${target.name}@${found.digest} (${referring.via}).`,
      );
      return {
        ref: `${target.name}@${found.digest}`,
        via: referring.via,
        pushed: false,
        ...counts,
        error: undefined,
      };
    }
    // The SBOM library loads only to make one: a reused image usually has its SBOM.
    const [image, { sbomDocument }, { readLockfiles }] = await Promise.all([
      facts(),
      import('../../../src/sbom/document.js'),
      import('../../../src/sbom/lockfiles.js'),
    ]);
    const locks = await readLockfiles(sources.dir, sources.files);
    for (const problem of locks.problems) {
      annotate('warning', `SBOM: a lock file could not be read: ${problem}`, undefined, 'SBOM');
    }
    const document = Buffer.from(
      sbomDocument({
        image: target.name,
        digest,
        version: sources.version,
        os: image.os,
        packages: image.packages,
        dependencies: locks.dependencies,
        // The action's ref on GitHub (`v1`); the major version elsewhere.
        tool: {
          name: SBOM_TOOL_NAME,
          version: process.env.GITHUB_ACTION_REF || '1',
        },
      }),
    );
    counts = {
      osPackages: image.packages.size,
      dependencies: locks.dependencies.length,
      lockfiles: locks.files,
    };
    core.info(
      `SBOM: CycloneDX 1.6, ${plural(image.packages.size, 'OS package')}, ${plural(locks.dependencies.length, 'dependency', 'dependencies')} from ${locks.files.length > 0 ? locks.files.join(', ') : 'no lock file'}.`,
    );
    const subject = await target.client.headManifest(target.repository, digest);
    if (!subject) throw new Error(`${target.name}@${digest} is not in the registry.`);
    const pushed = await pushReferrer(target.client, target.repository, subject, {
      artifactType: SBOM_MEDIA_TYPE,
      mediaType: SBOM_MEDIA_TYPE,
      bytes: document,
      title: 'sbom.cdx.json',
      annotations: { 'org.opencontainers.image.created': new Date().toISOString() },
    });
    const ref = `${target.name}@${pushed.digest}`;
    core.info(
      `SBOM: ${ref} refers to ${digest} (${pushed.via === 'referrers-api' ? "indexed by the registry's referrers API" : `listed in the referrers tag ${target.name}:${referrersTag(digest)}`}).`,
    );
    return { ref, via: pushed.via, pushed: true, ...counts, error: undefined };
  } catch (error) {
    const reason = errorMessage(error);
    annotate(
      'warning',
      `The SBOM of ${target.name}@${digest} could not be pushed: ${reason}\nThe image is published without it; the next run of the same content pushes it (or set "sbom: false").`,
      undefined,
      'SBOM not pushed',
    );
    return { ref: undefined, via: undefined, pushed: false, ...counts, error: reason };
  }
}
