import { createHash } from 'node:crypto';
import {
  APPLICATION_TYPES,
  TOOLCHAINS,
  type ApplicationType,
  type Toolchain,
} from '../manifest/index.js';
import { POLICY_MODES, type ImagePolicy, type PolicyMode } from '../policy/policy.js';
import { UserError, type SourceLocation } from '../errors.js';
import { unknownKeyFix } from '../manifest/suggest.js';
import { yamlLocator } from '../yaml-locations.js';
import { parseYaml } from '../yaml.js';
import { Problems, show, type Path, type PinnedImage } from './catalog-values.js';

/**
 * The catalog of standard images, a YAML file the platform team owns: which
 * builder image serves which toolchains (chosen by default.json's
 * `buildfacts`), and which runtime image, port, user and probes go with each
 * `application.type`. Every image is pinned by digest, so a build names the
 * exact bytes it started from. The format is documented in catalog/README.md.
 */

export interface BuilderImage {
  /** The key under `builders:`. */
  readonly name: string;
  readonly image: PinnedImage;
  /** Numeric `uid:gid` the build runs as when the workspace belongs to root. */
  readonly user: string;
  /** Toolchain → the version this image provides ("18", "17.0.9", "default"). */
  readonly toolchains: Readonly<Partial<Record<Toolchain, string>>>;
}

export type Probe =
  | { readonly kind: 'http'; readonly path: string; readonly initialDelaySeconds?: number }
  | { readonly kind: 'tcp'; readonly initialDelaySeconds?: number }
  | {
      readonly kind: 'exec';
      readonly command: readonly string[];
      readonly initialDelaySeconds?: number;
    };

export interface RuntimeImage {
  readonly type: ApplicationType;
  /**
   * For a type whose runtime depends on the language (`http_api: { java: …,
   * nodejs: … }`): the toolchain this one is for, or "default".
   */
  readonly variant?: Toolchain | 'default';
  readonly image: PinnedImage;
  /** Numeric `uid:gid`, never root: the image's USER. */
  readonly user: string;
  /** The port the application listens on; undefined for workers and cron jobs. */
  readonly port: number | undefined;
  /** Where the artifacts go; the image's working directory. */
  readonly appDir: string;
  readonly probes: { readonly liveness?: Probe; readonly readiness?: Probe };
}

export interface Catalog {
  /** Path or URL it was read from, for messages. */
  readonly source: string;
  /** SHA-256 of the catalog text. */
  readonly sha256: string;
  /** In file order; the order breaks ties when two builders fit. */
  readonly builders: readonly BuilderImage[];
  /**
   * By application type: one runtime, or one per toolchain (chosen by the
   * buildfacts, in the order default.json lists them; "default" otherwise).
   */
  readonly runtimes: Readonly<Partial<Record<ApplicationType, RuntimeChoice>>>;
  /** The builder for builds whose manifest names no buildfacts. */
  readonly defaultBuilder: string | undefined;
  /** The platform's rules for every image built on it (src/policy); none when absent. */
  readonly policy: ImagePolicy | undefined;
}

export type RuntimeChoice =
  | RuntimeImage
  | { readonly variants: Readonly<Partial<Record<Toolchain | 'default', RuntimeImage>>> };

export function isVariants(
  choice: RuntimeChoice,
): choice is Extract<RuntimeChoice, { variants: unknown }> {
  return 'variants' in choice;
}

/** Every runtime image of the catalog, variants included, in file order. */
export function allRuntimes(catalog: Pick<Catalog, 'runtimes'>): RuntimeImage[] {
  return Object.values(catalog.runtimes).flatMap((choice) =>
    isVariants(choice) ? Object.values(choice.variants) : [choice],
  );
}

export const MAX_CATALOG_BYTES = 1024 * 1024;
const TOP_KEYS = ['apiVersion', 'builders', 'runtimes', 'default_builder', 'policy'];
const POLICY_KEYS = [
  'mode',
  'non_root',
  'pinned_bases',
  'required_labels',
  'banned_packages',
  'max_size_mib',
];
const BUILDER_KEYS = ['image', 'user', 'toolchains'];
const RUNTIME_KEYS = ['image', 'user', 'port', 'app_dir', 'probes'];
const PROBE_KEYS = ['http', 'tcp', 'exec', 'initial_delay_seconds'];
export const CATALOG_API_VERSION = 'pipeline-actions/v1';

/**
 * Parses and validates a catalog. Every problem is found in one pass and
 * thrown as one UserErrors naming the file and the path of each value.
 */
export function parseCatalog(
  text: string,
  source: string,
  options: { role?: string } = {},
): Catalog {
  const value = parseYaml(text, source, { maxBytes: MAX_CATALOG_BYTES });
  const locate = yamlLocator(text, source);
  const problems = new Problems(source, { locate, role: options.role });
  const root = problems.object(value, []);
  if (!root) throw problems.toError();
  const template = unpublishedTemplate(root);
  if (template)
    throw unpublishedTemplateError(source, options.role, template.value, locate(template.path));
  problems.onlyKeys(root, [], TOP_KEYS);
  if (root.apiVersion !== CATALOG_API_VERSION) {
    problems.add(
      ['apiVersion'],
      `must be "${CATALOG_API_VERSION}", not ${show(root.apiVersion)}.`,
      `start the file with \`apiVersion: ${CATALOG_API_VERSION}\`.`,
    );
  }

  const builders: BuilderImage[] = [];
  const builderMap =
    root.builders === undefined ? {} : (problems.object(root.builders, ['builders']) ?? {});
  for (const [name, raw] of Object.entries(builderMap)) {
    const builder = readBuilder(problems, name, raw);
    if (builder) builders.push(builder);
  }

  const runtimes: Partial<Record<ApplicationType, RuntimeChoice>> = {};
  const runtimeMap = problems.object(root.runtimes, ['runtimes']) ?? {};
  for (const [type, raw] of Object.entries(runtimeMap)) {
    if (!(APPLICATION_TYPES as readonly string[]).includes(type)) {
      problems.add(
        ['runtimes', type],
        `"${type}" is not an application type.`,
        `use one of: ${APPLICATION_TYPES.join(', ')}.`,
      );
      continue;
    }
    const choice = readRuntimeChoice(problems, type as ApplicationType, raw);
    if (choice) runtimes[type as ApplicationType] = choice;
  }

  let defaultBuilder: string | undefined;
  if (root.default_builder !== undefined) {
    if (
      typeof root.default_builder === 'string' &&
      builders.some((b) => b.name === root.default_builder)
    ) {
      defaultBuilder = root.default_builder;
    } else if (typeof root.default_builder === 'string' && root.default_builder in builderMap) {
      // A builder of that name is written, with problems of its own (reported above).
    } else {
      problems.add(
        ['default_builder'],
        `${show(root.default_builder)} is not one of the builders.`,
        typeof root.default_builder === 'string' && Object.keys(builderMap).length > 0
          ? unknownKeyFix(root.default_builder, Object.keys(builderMap), 'name one of:')
          : `name one of: ${Object.keys(builderMap).join(', ') || '(none defined)'}.`,
      );
    }
  }

  const policy = root.policy === undefined ? undefined : readPolicy(problems, root.policy);

  problems.throwIfAny();
  return {
    source,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    builders,
    runtimes,
    defaultBuilder,
    policy,
  };
}

/**
 * The path of the first image of the unpublished template
 * (catalog/standard-images.yaml): every image there is a bare folder name of
 * test/env/images/ (no registry, no digest), which pinning replaces.
 */
function unpublishedTemplate(
  root: Record<string, unknown>,
): { path: Path; value: string } | undefined {
  const images: { path: Path; value: string }[] = [];
  const visit = (node: unknown, path: Path) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'image' && typeof child === 'string')
        images.push({ path: [...path, key], value: child });
      else visit(child, [...path, key]);
    }
  };
  visit(root.builders, ['builders']);
  visit(root.runtimes, ['runtimes']);
  const bare = /^[a-z0-9][a-z0-9._-]*$/;
  return images.length > 0 && images.every((image) => bare.test(image.value))
    ? images[0]
    : undefined;
}

function unpublishedTemplateError(
  source: string,
  role: string | undefined,
  image: string,
  location: SourceLocation,
): UserError {
  return new UserError(
    `The standard-image catalog ${source}${role ? ` (${role})` : ''} is the unpublished template (catalog/standard-images.yaml): its images are names of image folders, such as "${image}", not references pinned by digest.`,
    {
      fix: 'pass the pinned catalog the platform team publishes (its URL, the organization variable STANDARD_IMAGES_CATALOG), or pin this template to the digests of the images you pushed: `npx node scripts/pin-catalog.ts catalog/standard-images.yaml <name>=<registry/path@sha256:…> …` (catalog/README.md, "Publishing").',
      location,
    },
  );
}

function readPolicy(problems: Problems, raw: unknown): ImagePolicy | undefined {
  const path = ['policy'];
  const entry = problems.object(raw, path);
  if (!entry) return undefined;
  problems.onlyKeys(entry, path, POLICY_KEYS);
  const mode = entry.mode ?? 'enforce';
  if (!(POLICY_MODES as readonly unknown[]).includes(mode)) {
    problems.add(
      [...path, 'mode'],
      `must be enforce or warn, not ${show(mode)}.`,
      'write `mode: enforce` or `mode: warn`.',
    );
  }
  const flag = (key: string): boolean => {
    const value = entry[key] ?? true;
    if (typeof value === 'boolean') return value;
    problems.add(
      [...path, key],
      `must be true or false, not ${show(value)}.`,
      `write \`${key}: true\`.`,
    );
    return true;
  };
  const names = (key: string): string[] => {
    const value = entry[key] ?? [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== ''))
      return value as string[];
    problems.add(
      [...path, key],
      `must be a list of names, not ${show(value)}.`,
      `write e.g. \`${key}: [name, other]\`.`,
    );
    return [];
  };
  let maxSizeMiB: number | undefined;
  if (entry.max_size_mib !== undefined) {
    if (typeof entry.max_size_mib === 'number' && entry.max_size_mib > 0)
      maxSizeMiB = entry.max_size_mib;
    else
      problems.add(
        [...path, 'max_size_mib'],
        `must be a positive number of MiB, not ${show(entry.max_size_mib)}.`,
        'write e.g. `max_size_mib: 512`.',
      );
  }
  return {
    mode: mode as PolicyMode,
    nonRoot: flag('non_root'),
    pinnedBases: flag('pinned_bases'),
    requiredLabels: names('required_labels'),
    bannedPackages: names('banned_packages'),
    maxSizeMiB,
  };
}

function readBuilder(problems: Problems, name: string, raw: unknown): BuilderImage | undefined {
  const path = ['builders', name];
  const entry = problems.object(raw, path);
  if (!entry) return undefined;
  problems.onlyKeys(entry, path, BUILDER_KEYS);
  const image = problems.pinnedImage(entry.image, [...path, 'image']);
  const user = problems.user(entry.user ?? '10001:10001', [...path, 'user']);
  const toolchains: Partial<Record<Toolchain, string>> = {};
  const rawToolchains = problems.object(entry.toolchains, [...path, 'toolchains']);
  for (const [toolchain, version] of Object.entries(rawToolchains ?? {})) {
    if (!(TOOLCHAINS as readonly string[]).includes(toolchain)) {
      problems.add(
        [...path, 'toolchains', toolchain],
        `"${toolchain}" is not a toolchain default.json can ask for.`,
        `use one of: ${TOOLCHAINS.join(', ')}.`,
      );
    } else if (typeof version !== 'string' && typeof version !== 'number') {
      problems.add(
        [...path, 'toolchains', toolchain],
        `the version must be a string such as "18", not ${show(version)}.`,
        'quote the version.',
      );
    } else {
      toolchains[toolchain as Toolchain] = String(version);
    }
  }
  if (rawToolchains && Object.keys(rawToolchains).length === 0) {
    problems.add(
      [...path, 'toolchains'],
      'lists no toolchain, so no build could choose this builder.',
      'list the toolchains the image provides, such as `nodejs: "18"`.',
    );
  }
  if (!image || !user) return undefined;
  return { name, image, user, toolchains };
}

/** One runtime (a mapping with `image:`), or one per toolchain. */
function readRuntimeChoice(
  problems: Problems,
  type: ApplicationType,
  raw: unknown,
): RuntimeChoice | undefined {
  const path = ['runtimes', type];
  const entry = problems.object(raw, path);
  if (!entry) return undefined;
  if ('image' in entry) return readRuntime(problems, type, raw, path);
  const variants: Partial<Record<Toolchain | 'default', RuntimeImage>> = {};
  const names = [...TOOLCHAINS, 'default'] as const;
  for (const [name, value] of Object.entries(entry)) {
    if (!(names as readonly string[]).includes(name)) {
      problems.add(
        [...path, name],
        `"${name}" is neither a runtime key (image, user, port, app_dir, probes) nor a toolchain.`,
        `write one runtime (with image:), or one per toolchain keyed by ${TOOLCHAINS.join(', ')} or default.`,
      );
      continue;
    }
    const variant = name as Toolchain | 'default';
    const runtime = readRuntime(problems, type, value, [...path, name], variant);
    if (runtime) variants[variant] = runtime;
  }
  if (Object.keys(entry).length === 0) {
    problems.add(
      path,
      'names no runtime image.',
      "write `image:` and the runtime's settings, or one runtime per toolchain.",
    );
  }
  return { variants };
}

function readRuntime(
  problems: Problems,
  type: ApplicationType,
  raw: unknown,
  path: Path,
  variant?: Toolchain | 'default',
): RuntimeImage | undefined {
  const entry = problems.object(raw, path);
  if (!entry) return undefined;
  problems.onlyKeys(entry, path, RUNTIME_KEYS);
  const image = problems.pinnedImage(entry.image, [...path, 'image']);
  const user = problems.user(entry.user, [...path, 'user']);
  if (user && user.startsWith('0:')) {
    problems.add(
      [...path, 'user'],
      'is root (uid 0); application images never run as root.',
      'use the non-root uid:gid the runtime image defines, such as "10001:10001".',
    );
  }
  let port: number | undefined;
  if (entry.port !== undefined && entry.port !== null) {
    if (
      Number.isInteger(entry.port) &&
      (entry.port as number) >= 1 &&
      (entry.port as number) <= 65535
    )
      port = entry.port as number;
    else
      problems.add(
        [...path, 'port'],
        `must be a port number (1-65535), not ${show(entry.port)}.`,
        'write the port the runtime listens on, such as 8080.',
      );
  }
  const appDir = entry.app_dir ?? '/srv/app';
  if (
    typeof appDir !== 'string' ||
    !/^\/[\w.\-/]*$/.test(appDir) ||
    appDir.split('/').includes('..')
  ) {
    problems.add(
      [...path, 'app_dir'],
      `must be an absolute path without "..", not ${show(appDir)}.`,
      'write the directory the runtime serves or runs from, such as /srv/app.',
    );
  }
  const probes: { liveness?: Probe; readiness?: Probe } = {};
  const rawProbes =
    entry.probes === undefined ? {} : problems.object(entry.probes, [...path, 'probes']);
  for (const [kind, rawProbe] of Object.entries(rawProbes ?? {})) {
    if (kind !== 'liveness' && kind !== 'readiness') {
      problems.add(
        [...path, 'probes', kind],
        `"${kind}" is not a probe kind.`,
        'use liveness or readiness.',
      );
      continue;
    }
    const probe = readProbe(problems, [...path, 'probes', kind], rawProbe, port);
    if (probe) probes[kind] = probe;
  }
  if (!image || !user || typeof appDir !== 'string') return undefined;
  return {
    type,
    ...(variant ? { variant } : {}),
    image,
    user,
    port,
    appDir: appDir.replace(/\/+$/, '') || '/',
    probes,
  };
}

function readProbe(
  problems: Problems,
  path: Path,
  raw: unknown,
  port: number | undefined,
): Probe | undefined {
  const entry = problems.object(raw, path);
  if (!entry) return undefined;
  problems.onlyKeys(entry, path, PROBE_KEYS);
  const kinds = ['http', 'tcp', 'exec'].filter((k) => entry[k] !== undefined);
  if (kinds.length !== 1) {
    problems.add(
      path,
      `needs exactly one of http, tcp or exec${kinds.length ? ` (has ${kinds.join(' and ')})` : ''}.`,
      'write e.g. `http: /healthz`, `tcp: true` or `exec: [cat, /tmp/ready]`.',
    );
    return undefined;
  }
  let delay: number | undefined;
  if (entry.initial_delay_seconds !== undefined) {
    if (
      Number.isInteger(entry.initial_delay_seconds) &&
      (entry.initial_delay_seconds as number) >= 0
    )
      delay = entry.initial_delay_seconds as number;
    else
      problems.add(
        [...path, 'initial_delay_seconds'],
        `must be a whole number of seconds, not ${show(entry.initial_delay_seconds)}.`,
        'write e.g. 5.',
      );
  }
  const extra = delay === undefined ? {} : { initialDelaySeconds: delay };
  if (entry.http !== undefined || entry.tcp !== undefined) {
    if (port === undefined) {
      problems.add(
        path,
        'is an http or tcp probe, but the runtime has no port.',
        'set `port:` on the runtime, or use an exec probe.',
      );
      return undefined;
    }
  }
  if (entry.http !== undefined) {
    if (typeof entry.http === 'string' && entry.http.startsWith('/'))
      return { kind: 'http', path: entry.http, ...extra };
    problems.add(
      [...path, 'http'],
      `must be a path starting with "/", not ${show(entry.http)}.`,
      'write e.g. `http: /healthz`.',
    );
    return undefined;
  }
  if (entry.tcp !== undefined) {
    if (entry.tcp === true) return { kind: 'tcp', ...extra };
    problems.add([...path, 'tcp'], `must be true, not ${show(entry.tcp)}.`, 'write `tcp: true`.');
    return undefined;
  }
  if (
    Array.isArray(entry.exec) &&
    entry.exec.length > 0 &&
    entry.exec.every((a) => typeof a === 'string')
  ) {
    return { kind: 'exec', command: entry.exec as string[], ...extra };
  }
  problems.add(
    [...path, 'exec'],
    `must be a non-empty list of strings, not ${show(entry.exec)}.`,
    'write e.g. `exec: [cat, /tmp/ready]`.',
  );
  return undefined;
}
