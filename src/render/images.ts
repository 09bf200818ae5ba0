import type { MappingNode, ScalarNode } from 'js-yaml';
import { errorMessage, isOutage, isUserError, UserError, UserErrors } from '../errors.js';
import { isMutableTag, parseReference, type ImageReference } from '../oci/reference.js';
import type { PinCheck } from '../oci/client.js';
import { mapSettled } from '../limit.js';
import {
  isSequence,
  mappingGet,
  mappingPath,
  objectIdentity,
  scalarText,
} from '../kube/manifests.js';
import { describeObject, type ObjectRef } from '../kube/objects.js';

/**
 * Every container image of every workload, pinned to the digest its registry
 * serves now: each distinct reference is asked for once, with a bound on how
 * many are asked at the same time. A reference that is already pinned is kept,
 * once its registry confirms it has that digest; when the registry cannot be
 * asked, the digest is trusted as given and the image says why (`unchecked`).
 */

/** Where the pod spec sits in each kind that runs containers. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** How many registries lookups run at once. */
export const DEFAULT_PIN_CONCURRENCY = 8;

/** One container's image field. */
export interface ImageUse {
  object: ObjectRef;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: (typeof CONTAINER_LISTS)[number];
  container: string;
  image: string;
  node: ScalarNode;
}

export interface PinnedImage {
  /** As the chart (or the overlay) wrote it. */
  image: string;
  /** What is deployed: `name[:tag]@sha256:…`. */
  pinned: string;
  digest: string;
  /** Whether it was already pinned in the manifests. */
  alreadyPinned: boolean;
  /** `Deployment/storefront (container storefront)`, … */
  usedBy: string[];
  /** A pinned reference whose registry could not be asked: why (the digest was trusted as given). */
  unchecked?: string;
}

/** What resolves a tag to a digest and checks a pinned one; RegistryPool is one. */
export interface DigestResolver {
  resolveDigest(reference: ImageReference): Promise<string>;
  checkPinned(reference: ImageReference): Promise<PinCheck>;
}

export interface PinOptions {
  resolver: DigestResolver;
  /** Accept `latest` (or no tag); they are pinned like any other tag. */
  allowMutableTags: boolean;
  /**
   * References known not to be published (a pull request's image in
   * render-only, pinned to a placeholder digest): deployed as written, their
   * registry not asked.
   */
  unpublished?: readonly string[] | undefined;
  concurrency?: number;
}

/** Every image field of every workload in the manifests. */
export function findImages(objects: readonly MappingNode[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const node of objects) {
    const identity = objectIdentity(node);
    const path = POD_SPEC_PATHS[identity.kind];
    if (!path) continue;
    const podSpec = mappingPath(node, ...path);
    for (const list of CONTAINER_LISTS) {
      const containers = mappingGet(podSpec, list);
      if (!isSequence(containers)) continue;
      for (const [index, container] of containers.items.entries()) {
        const imageNode = mappingGet(container, 'image');
        const image = scalarText(imageNode);
        if (image === undefined || imageNode?.kind !== 'scalar') continue;
        uses.push({
          object: identity,
          list,
          container: scalarText(mappingGet(container, 'name')) ?? `#${index + 1}`,
          image: image.trim(),
          node: imageNode,
        });
      }
    }
  }
  return uses;
}

/** Pins every image in place; returns what was pinned, one entry per distinct image. */
export async function pinImages(
  objects: readonly MappingNode[],
  options: PinOptions,
): Promise<PinnedImage[]> {
  const byImage = new Map<string, ImageUse[]>();
  for (const use of findImages(objects)) {
    const list = byImage.get(use.image) ?? [];
    list.push(use);
    byImage.set(use.image, list);
  }
  const images = [...byImage.keys()].sort();

  const problems: UserError[] = [];
  const references = new Map<string, ImageReference>();
  for (const image of images) {
    const uses = byImage.get(image) ?? [];
    try {
      const reference = parseReference(image);
      references.set(image, reference);
      if (isMutableTag(reference) && !options.allowMutableTags) {
        problems.push(
          new UserError(
            `Image ${image} (used by ${usedBy(uses)}) is given only by ${reference.tag ? `the mutable tag "${reference.tag}"` : 'its name (that is the mutable tag "latest")'}, which allow-mutable-tags: false refuses.`,
            {
              fix: 'deploy an immutable version tag or a digest (the `ref` output of build-image), or set allow-mutable-tags: true.',
            },
          ),
        );
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(
        new UserError(`${error.message} It is used by ${usedBy(uses)}.`, { fix: error.fix }),
      );
    }
  }
  if (problems.length > 0)
    throw combine(problems, 'image cannot be deployed', 'images cannot be deployed');

  const settled = await mapSettled(
    images,
    options.concurrency ?? DEFAULT_PIN_CONCURRENCY,
    async (image) => {
      const reference = references.get(image) as ImageReference;
      if (reference.digest !== undefined && options.unpublished?.includes(image)) {
        return { digest: reference.digest };
      }
      return lookUp(reference, options.resolver);
    },
  );
  const pinned: PinnedImage[] = [];
  const failures: Failure[] = [];
  for (const [index, image] of images.entries()) {
    const uses = byImage.get(image) ?? [];
    const result = settled[index];
    if (result?.status === 'rejected') {
      failures.push({ image, uses, error: result.reason });
      continue;
    }
    const found = result?.value ?? { digest: '' };
    const reference = references.get(image);
    if (found.check?.status === 'missing') {
      failures.push({
        image,
        uses,
        error: pinnedDigestMissing(image, reference as ImageReference),
      });
      continue;
    }
    const alreadyPinned = reference?.digest !== undefined;
    const text = alreadyPinned ? image : `${image}@${found.digest}`;
    for (const use of uses) use.node.value = text;
    pinned.push({
      image,
      pinned: text,
      digest: found.digest,
      alreadyPinned,
      usedBy: uses.map(describeUse),
      ...(found.check?.status === 'unchecked' ? { unchecked: found.check.reason } : {}),
    });
  }
  if (failures.length > 0) throw pinningFailure(failures);
  return pinned;
}

/** A tag's digest, or a pinned reference's digest and what its registry said of it. */
async function lookUp(
  reference: ImageReference,
  resolver: DigestResolver,
): Promise<{ digest: string; check?: PinCheck }> {
  if (reference.digest === undefined) return { digest: await resolver.resolveDigest(reference) };
  return { digest: reference.digest, check: await resolver.checkPinned(reference) };
}

function pinnedDigestMissing(image: string, reference: ImageReference): UserError {
  return new UserError(
    `Image ${image} is pinned to ${reference.digest}, which ${reference.registry} does not have: it answered that ${reference.repository} holds no such manifest.`,
    {
      fix: 'deploy a digest that exists (the `ref` output of the build-image run you mean), or push that image first; check the repository name as well as the digest.',
    },
  );
}

interface Failure {
  image: string;
  uses: ImageUse[];
  error: unknown;
}

/** Where README explains the ways forward when an image's registry cannot be reached. */
export const UNREACHABLE_REGISTRY_FIX =
  "if the runner cannot reach this registry, deploy from a mirror it can reach (the image input or the chart's values) or with references already pinned by digest; see helm-deploy's README, \"When the runner cannot reach an image's registry\".";

/**
 * One error for every reference that could not be pinned: a cause shared by
 * several references (a registry that is not found, refuses the login or is
 * down) is said once, followed by each reference and the objects using it.
 * A failure that is not the user's (an outage, a bug) keeps its class.
 */
function pinningFailure(failures: readonly Failure[]): Error {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = isUserError(failure.error)
      ? `user\0${failure.error.message}\0${failure.error.fix ?? ''}`
      : `other\0${errorMessage(failure.error)}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const problems: UserError[] = [];
  const others: { message: string; cause: unknown }[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Failure;
    const message = describeFailure(group);
    if (isUserError(first.error)) {
      const unreachable = isOutage(first.error.cause);
      const fix = unreachable
        ? `${first.error.fix ? `${first.error.fix.replace(/\.$/, '')}; ` : ''}${UNREACHABLE_REGISTRY_FIX}`
        : first.error.fix;
      problems.push(new UserError(message, { fix, cause: first.error }));
    } else {
      others.push({ message, cause: first.error });
    }
  }
  if (others.length > 0) {
    // Not the user's: the first cause keeps its class (an outage is reported as one).
    const text = others.map((o) => o.message).join('\n');
    return new Error(
      problems.length > 0
        ? `${text}\n${problems.map((p) => `${p.message}${p.fix ? ` (${p.fix})` : ''}`).join('\n')}`
        : text,
      { cause: others[0]?.cause },
    );
  }
  return combine(
    problems,
    'image could not be pinned to a digest',
    'images could not be pinned to a digest',
  );
}

/** A reason and the references it stopped; a reason that names its one image keeps its words. */
function describeFailure(group: readonly Failure[]): string {
  const first = group[0] as Failure;
  const reason = errorMessage(first.error).replace(/\.$/, '');
  if (group.length === 1 && reason.includes(first.image)) {
    return `${reason} (used by ${usedBy(first.uses)}).`;
  }
  if (group.length === 1) {
    return `Image ${first.image} (used by ${usedBy(first.uses)}) could not be pinned to a digest: ${reason}.`;
  }
  const lines = group.map((f) => `\n    - ${f.image}, used by ${usedBy(f.uses)}`);
  return `${group.length} images could not be pinned to a digest: ${reason}.${lines.join('')}`;
}

function describeUse(use: ImageUse): string {
  const kind =
    use.list === 'containers'
      ? 'container'
      : use.list === 'initContainers'
        ? 'init container'
        : 'ephemeral container';
  return `${describeObject(use.object)} (${kind} ${use.container})`;
}

function usedBy(uses: readonly ImageUse[]): string {
  const described = uses.map(describeUse);
  return described.length > 3
    ? `${described.slice(0, 3).join(', ')} and ${described.length - 3} more`
    : described.join(', ');
}

function combine(problems: UserError[], one: string, many: string): UserError {
  if (problems.length === 1) return problems[0] as UserError;
  return new UserErrors(`${problems.length} ${many}:`, problems);
}
