import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import {
  errorMessage,
  isUserError,
  UserError,
  UserErrors,
  type SourceLocation,
} from '../errors.js';
import type { RegistryAccess } from '../registry/access.js';
import { recordObject, type DeployRecord } from '../record/record.js';
import { annotateObjects } from './annotate.js';
import { pinImages, type DigestResolver, type PinnedImage } from './images.js';
import { knownDigestResolver, type KnownDigests } from './known-digests.js';
import { applyOverlay, type KustomizeBuilder } from './kustomize.js';
import { objectIdentity, parseManifestNodes, presentManifests } from '../kube/manifests.js';
import type { ObjectRef } from '../kube/objects.js';

/**
 * The post-render chain, run by Helm between rendering and applying, so Helm
 * keeps the release (history, rollback) of exactly what was applied:
 *
 *   drop empty documents → kustomize overlay → pin every image → annotate
 *
 * `postRender()` is the chain itself (drift-check and tests call it in
 * process). `HelmPostRenderer` hooks it into Helm: helm 3 runs an executable
 * (`--post-renderer PATH`), helm 4 a `postrenderer/v1` plugin
 * (`--post-renderer NAME`, found in HELM_PLUGINS). Both start this same code
 * in a child process: the action's own bundle with POST_RENDER_FLAG and the
 * path of a config file. The child reports what it did (objects, pinned
 * images, or the error) in a JSON file next to that config, so the action can
 * tell the user "image x:1 does not exist" rather than helm's
 * "error while running post render". The digests the action looked up while
 * it read the cluster (src/render/registry-pool.ts, prefetchDigests) reach
 * the child in a file beside that config: the child loads the registry
 * client, and asks a registry, only for a reference not among them.
 */

export const POST_RENDER_FLAG = '--pipeline-actions-post-render';
export const POST_RENDER_PLUGIN = 'pipeline-actions-post-render';

/** Registry access for digest lookups (src/registry builds it from the inputs). */
export type { RegistryAccess };

export interface PostRenderConfig {
  /** Overlay directory and the kubectl that builds it. */
  kustomize?: { overlay: string; kubectl: string } | undefined;
  allowMutableTags: boolean;
  /** References not published, not to be checked (see PinOptions.unpublished). */
  unpublished?: readonly string[] | undefined;
  registries: RegistryAccess;
  /** Registry lookups at once. */
  concurrency?: number;
  /** Set on every object's metadata (traceability). */
  annotations: Record<string, string>;
  /** The deploy record, completed with the pinned images and appended as its own object (src/record). */
  record?: Omit<DeployRecord, 'images'> | undefined;
}

export interface PostRenderDependencies {
  resolver: DigestResolver;
  /** Builds the overlay; default: the configured kubectl. */
  kustomize?: KustomizeBuilder;
  /** A directory for the overlay's working copy. */
  workDir: string;
}

export interface PostRenderOutput {
  manifests: string;
  objects: ObjectRef[];
  images: PinnedImage[];
}

export async function postRender(
  manifests: string,
  config: PostRenderConfig,
  dependencies: PostRenderDependencies,
): Promise<PostRenderOutput> {
  let nodes = parseManifestNodes(manifests, 'the rendered chart');
  if (config.kustomize) {
    const builder =
      dependencies.kustomize ??
      new (await import('../tools/kubectl.js')).Kubectl(config.kustomize.kubectl);
    mkdirSync(dependencies.workDir, { recursive: true });
    const work = mkdtempSync(join(dependencies.workDir, 'kustomize-'));
    try {
      const built = await applyOverlay(
        presentManifests(nodes),
        config.kustomize.overlay,
        builder,
        work,
      );
      nodes = parseManifestNodes(
        built,
        `the output of the kustomize overlay ${config.kustomize.overlay}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const images = await pinImages(nodes, {
    resolver: dependencies.resolver,
    allowMutableTags: config.allowMutableTags,
    unpublished: config.unpublished,
    ...(config.concurrency ? { concurrency: config.concurrency } : {}),
  });
  annotateObjects(nodes, config.annotations);
  if (config.record) {
    const record: DeployRecord = {
      ...config.record,
      images: uniqueImages(images).map((image) => ({ image: image.image, digest: image.digest })),
    };
    nodes.push(
      ...parseManifestNodes(dump(recordObject(record), { lineWidth: -1 }), 'the deploy record'),
    );
  }
  return { manifests: presentManifests(nodes), objects: nodes.map(objectIdentity), images };
}

function uniqueImages(images: readonly PinnedImage[]): PinnedImage[] {
  const seen = new Map<string, PinnedImage>();
  for (const image of images) if (!seen.has(image.pinned)) seen.set(image.pinned, image);
  return [...seen.values()];
}

// --- the report the child writes --------------------------------------------

interface SerializedError {
  user: boolean;
  message: string;
  fix?: string | undefined;
  location?: SourceLocation | undefined;
  errors?: SerializedError[];
}

export interface PostRenderReport {
  objects: ObjectRef[];
  images: PinnedImage[];
  error?: SerializedError;
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof UserErrors) {
    return {
      user: true,
      message: error.message.split('\n')[0] ?? '',
      errors: error.errors.map(serializeError),
    };
  }
  if (isUserError(error)) {
    return { user: true, message: error.message, fix: error.fix, location: error.location };
  }
  return { user: false, message: errorMessage(error) };
}

function deserializeError(error: SerializedError): Error {
  if (!error.user) return new Error(`The post-renderer failed: ${error.message}`);
  if (error.errors) {
    return new UserErrors(
      error.message,
      error.errors.map((each) => deserializeError(each) as UserError),
    );
  }
  return new UserError(error.message, {
    ...(error.fix ? { fix: error.fix } : {}),
    ...(error.location ? { location: error.location } : {}),
  });
}

// --- the child process --------------------------------------------------------

interface ChildConfig {
  config: PostRenderConfig;
  report: string;
  workDir: string;
  /** KnownDigests as JSON, written before each helm command when the action has any. */
  digests: string;
}

/**
 * The post-renderer's main: manifests on stdin, the result on stdout, the
 * report into the file the config names. Only the result may reach stdout
 * (helm reads it as the manifests), so anything else written there, logs of
 * the libraries included, goes to stderr. Returns the exit code.
 */
export async function runPostRenderer(configFile: string): Promise<number> {
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    (process.stderr.write as (...args: unknown[]) => boolean)(
      chunk,
      ...rest,
    )) as typeof process.stdout.write;
  let child: ChildConfig | undefined;
  let resolver: ReturnType<typeof knownDigestResolver> | undefined;
  try {
    child = JSON.parse(readFileSync(configFile, 'utf8')) as ChildConfig;
    const input = await readStdin();
    const registries = child.config.registries;
    resolver = knownDigestResolver(readKnownDigests(child.digests), async () =>
      (await import('./registry-pool.js')).registryPool(registries),
    );
    const output = await postRender(input, child.config, {
      resolver,
      workDir: child.workDir,
    });
    writeReport(child.report, { objects: output.objects, images: output.images });
    await new Promise<void>((resolve, reject) =>
      stdoutWrite(output.manifests, (error) => (error ? reject(error) : resolve())),
    );
    return 0;
  } catch (error) {
    if (child) writeReport(child.report, { objects: [], images: [], error: serializeError(error) });
    process.stderr.write(`pipeline-actions post-renderer: ${errorMessage(error)}\n`);
    return 1;
  } finally {
    resolver?.close();
  }
}

function readKnownDigests(file: string | undefined): KnownDigests {
  if (!file || !existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as KnownDigests;
}

function writeReport(file: string, report: PostRenderReport): void {
  writeFileSync(file, JSON.stringify(report), { mode: 0o600 });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// --- wiring into helm -----------------------------------------------------------

/** How to start the post-renderer: usually `process.execPath` and the action's bundle. */
export interface PostRendererEntry {
  command: string;
  args: string[];
}

/** The post-renderer's own bundle, built next to each action bundle that renders (scripts/build.mjs). */
export const POST_RENDER_BUNDLE = 'post-render.js';

/**
 * How helm starts the post-renderer from a running action bundle: the small
 * post-render.js beside it, or (run from elsewhere) the bundle itself in
 * post-render mode, which its index.ts also understands.
 */
export function bundledPostRenderer(bundle = process.argv[1] ?? ''): PostRendererEntry {
  const own = join(dirname(bundle), POST_RENDER_BUNDLE);
  return { command: process.execPath, args: [existsSync(own) ? own : bundle] };
}

/**
 * The chain installed for one helm in a private directory: a config file
 * (0600: it may hold registry credentials), an executable for helm 3, a
 * plugin for helm 4, and the report the child writes. dispose() removes it all.
 */
export class HelmPostRenderer {
  private constructor(
    readonly dir: string,
    /** Flags for helm upgrade/template. */
    readonly helmArgs: readonly string[],
    /** Environment helm needs to find it (HELM_PLUGINS for helm 4). */
    readonly env: Readonly<Record<string, string>>,
    private readonly reportFile: string,
    private readonly digestsFile: string,
  ) {}

  static install(
    dir: string,
    major: 3 | 4,
    config: PostRenderConfig,
    entry: PostRendererEntry,
  ): HelmPostRenderer {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const configFile = join(dir, 'post-render.json');
    const reportFile = join(dir, 'post-render-report.json');
    const digestsFile = join(dir, 'post-render-digests.json');
    const child: ChildConfig = {
      config,
      report: reportFile,
      workDir: join(dir, 'work'),
      digests: digestsFile,
    };
    writeFileSync(configFile, JSON.stringify(child), { mode: 0o600 });
    const args = [...entry.args, POST_RENDER_FLAG, configFile];
    if (major === 3) {
      const script = join(dir, 'post-render');
      const line = [entry.command, ...args].map(shellQuote).join(' ');
      writeFileSync(script, `#!/bin/sh\nexec ${line}\n`, { mode: 0o700 });
      chmodSync(script, 0o700);
      return new HelmPostRenderer(dir, ['--post-renderer', script], {}, reportFile, digestsFile);
    }
    const plugins = join(dir, 'plugins');
    const plugin = join(plugins, POST_RENDER_PLUGIN);
    mkdirSync(plugin, { recursive: true, mode: 0o700 });
    writeFileSync(join(plugin, 'plugin.yaml'), pluginYaml(entry.command, args), { mode: 0o600 });
    return new HelmPostRenderer(
      dir,
      ['--post-renderer', POST_RENDER_PLUGIN],
      { HELM_PLUGINS: plugins },
      reportFile,
      digestsFile,
    );
  }

  /** What the last run of the child reported; undefined when it did not run. */
  report(): PostRenderReport | undefined {
    if (!existsSync(this.reportFile)) return undefined;
    return JSON.parse(readFileSync(this.reportFile, 'utf8')) as PostRenderReport;
  }

  /** The child's failure as the error to show, when it failed. */
  failure(): Error | undefined {
    const error = this.report()?.error;
    return error ? deserializeError(error) : undefined;
  }

  /** Digests the child takes as looked up (it asks a registry for the others only). */
  useDigests(known: KnownDigests): void {
    writeFileSync(this.digestsFile, JSON.stringify(known), { mode: 0o600 });
  }

  /** Forget the last report (before the next helm command). */
  resetReport(): void {
    rmSync(this.reportFile, { force: true });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** helm 4's plugin.yaml for a `postrenderer/v1` plugin run as a subprocess. */
function pluginYaml(command: string, args: readonly string[]): string {
  const quoted = (text: string) => JSON.stringify(text);
  return [
    'apiVersion: v1',
    'type: postrenderer/v1',
    `name: ${POST_RENDER_PLUGIN}`,
    'version: 1.0.0',
    'runtime: subprocess',
    'runtimeConfig:',
    '  platformCommand:',
    `    - command: ${quoted(command)}`,
    `      args: [${args.map(quoted).join(', ')}]`,
    '',
  ].join('\n');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
