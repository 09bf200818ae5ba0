import { UserError } from '../errors.js';

/**
 * Image and chart references, `host[:port]/path/name[:tag][@algo:hex]`, parsed
 * and validated with the grammar of the OCI distribution spec and the rules
 * docker applies to short names (`nginx` is `docker.io/library/nginx:latest`).
 */
export interface ImageReference {
  /** Registry as people name it, with any port: `docker.io`, `127.0.0.1:5000`, `[::1]:5000`. */
  registry: string;
  /** Repository path inside the registry: `library/nginx`, `team/app`. */
  repository: string;
  /** The tag as written; undefined when none was written (it then means `latest`). */
  tag?: string;
  /** `sha256:<64 hex>` when the reference is pinned. */
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's distribution API does not live on docker.io itself. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
export const DEFAULT_TAG = 'latest';

const EXAMPLE = 'registry.example.com/team/app:1.2.3 (or nginx:1.27, or app@sha256:<64 hex>)';
const FIX = `Write it as host[:port]/path/name[:tag][@sha256:digest], for example ${EXAMPLE}.`;

// Distribution spec: path components are lowercase alphanumerics separated by
// one `.`, one or two `_`, or any number of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Registered algorithms and the exact form of their encoded part. */
const DIGEST_ENCODINGS: Record<string, RegExp> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
};
const HOST_LABEL = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
/** docker's limit on the whole name, registry included. */
const NAME_MAX_LENGTH = 255;

function invalid(text: string, problem: string): UserError {
  return new UserError(`Invalid image reference "${text}": ${problem}.`, { fix: FIX });
}

/** Checks a repository path (`team/app`); throws a UserError that says what is wrong. */
export function validateRepository(repository: string, text = repository): void {
  if (repository === '') throw invalid(text, 'the repository name is empty');
  for (const component of repository.split('/')) {
    if (component === '') {
      throw invalid(text, `the repository "${repository}" has an empty path component`);
    }
    if (PATH_COMPONENT.test(component)) continue;
    if (PATH_COMPONENT.test(component.toLowerCase())) {
      throw invalid(text, `repository names must be lowercase ("${component}")`);
    }
    throw invalid(
      text,
      `"${component}" is not a valid repository path component (lowercase letters and digits, ` +
        'separated by ".", "_", "__" or "-")',
    );
  }
}

/** Checks a tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
export function validateTag(tag: string, text = tag): void {
  if (TAG.test(tag)) return;
  if (tag.includes('+')) {
    throw invalid(
      text,
      `tag "${tag}" contains "+", which OCI tags cannot hold (helm writes "_" instead: ` +
        `"${tag.replaceAll('+', '_')}")`,
    );
  }
  if (tag.length > 128) throw invalid(text, `tag "${tag.slice(0, 20)}…" is longer than 128`);
  throw invalid(
    text,
    `tag "${tag}" must start with a letter, digit or "_" and contain only letters, digits, "_", "." and "-"`,
  );
}

/** Checks a digest; only sha256 and sha512 are accepted (the algorithms registries verify). */
export function validateDigest(digest: string, text = digest): void {
  if (!DIGEST.test(digest)) {
    throw invalid(text, `"${digest}" is not a digest (expected sha256:<64 lowercase hex>)`);
  }
  const [algorithm = '', encoded = ''] = digest.split(':', 2);
  const encoding = DIGEST_ENCODINGS[algorithm];
  if (!encoding) {
    throw invalid(text, `digest algorithm "${algorithm}" is not supported (use sha256 or sha512)`);
  }
  if (!encoding.test(encoded)) {
    throw invalid(
      text,
      `a ${algorithm} digest has ${algorithm === 'sha256' ? 64 : 128} lowercase hex characters, ` +
        `got "${encoded}"`,
    );
  }
}

export function isDigest(value: string): boolean {
  try {
    validateDigest(value);
    return true;
  } catch {
    return false;
  }
}

function validateRegistry(registry: string, text: string): void {
  const portAt = registry.startsWith('[') ? registry.indexOf(']:') + 1 : registry.lastIndexOf(':');
  const host = portAt > 0 ? registry.slice(0, portAt) : registry;
  const port = portAt > 0 ? registry.slice(portAt + 1) : undefined;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) {
    throw invalid(text, `"${port}" is not a port number`);
  }
  if (IPV6.test(host)) return;
  if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
    throw invalid(text, `"${host}" is not a valid registry host name`);
  }
}

/**
 * Whether the first path component names a registry: docker's rule is that it
 * contains a `.` or a `:`, is `localhost`, or is not lowercase.
 */
function looksLikeRegistry(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component !== component.toLowerCase()
  );
}

/**
 * Parses an image or chart reference. Accepts an `oci://` prefix (helm's chart
 * form) and, for those, turns `+` in the tag into `_` as helm does, since OCI
 * tags cannot hold `+`. Throws a UserError naming the problem.
 */
export function parseReference(input: string): ImageReference {
  const text = input.trim();
  let rest = text;
  const isOci = rest.startsWith('oci://');
  if (isOci) rest = rest.slice('oci://'.length);
  if (rest === '') throw invalid(text, 'it is empty');
  if (/\s/.test(rest)) throw invalid(text, 'it contains whitespace');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    throw invalid(text, 'only the oci:// scheme is accepted; leave out any other scheme');
  }

  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    validateDigest(digest, text);
  }

  // A colon after the last slash separates the tag (earlier colons are ports).
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (isOci) tag = tag.replaceAll('+', '_');
    validateTag(tag, text);
  }

  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry: string;
  let repository: string;
  if (slash >= 0 && looksLikeRegistry(first)) {
    registry = first;
    repository = rest.slice(slash + 1);
  } else {
    registry = DOCKER_HUB;
    repository = rest;
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST) registry = DOCKER_HUB;
  validateRegistry(registry, text);
  // Docker Hub's official images live under library/.
  if (registry === DOCKER_HUB && repository !== '' && !repository.includes('/')) {
    repository = `library/${repository}`;
  }
  validateRepository(repository, text);
  if (registry.length + 1 + repository.length > NAME_MAX_LENGTH) {
    throw invalid(text, `the name is longer than ${NAME_MAX_LENGTH} characters`);
  }

  const reference: ImageReference = { registry, repository };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/**
 * The canonical text: `docker.io/library/nginx:latest`, `host/app:1.0@sha256:…`.
 * With neither tag nor digest, `:latest` is written out.
 */
export function formatReference(ref: ImageReference): string {
  const tag = ref.tag ?? (ref.digest ? undefined : DEFAULT_TAG);
  return `${ref.registry}/${ref.repository}${tag ? `:${tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The name without tag or digest: `127.0.0.1:5000/team/app`. */
export function formatName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** What to ask the registry for: the digest when pinned, else the tag (`latest` by default). */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}

export function isDigestPinned(ref: ImageReference): boolean {
  return ref.digest !== undefined;
}

/**
 * A mutable tag is one that is expected to move: `latest`, or no tag at all.
 * A digest-pinned reference is never mutable.
 */
export function isMutableTag(ref: ImageReference): boolean {
  return ref.digest === undefined && (ref.tag === undefined || ref.tag === DEFAULT_TAG);
}

/** The same reference pinned to `digest`; the tag is kept for readers (`app:1.2@sha256:…`). */
export function withDigest(ref: ImageReference, digest: string): ImageReference {
  validateDigest(digest);
  return { ...ref, digest };
}

/** The same repository under another tag (and no digest). */
export function withTag(ref: ImageReference, tag: string): ImageReference {
  validateTag(tag);
  return { registry: ref.registry, repository: ref.repository, tag };
}

/** The tag helm uses for a chart version: OCI tags cannot hold `+`, so it becomes `_`. */
export function chartVersionTag(version: string): string {
  const tag = version.replaceAll('+', '_');
  validateTag(tag);
  return tag;
}

/** The host that serves the distribution API for a registry name. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB || registry === 'index.docker.io' ? DOCKER_HUB_API_HOST : registry;
}
