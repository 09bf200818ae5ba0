import { join } from 'node:path';
import type { PlaceholderContext } from '../template/context.js';
import type { Helm, HelmChartSource, HelmRelease, TemplateRequest } from '../tools/helm.js';
import type { DigestResolver, PinnedImage } from './images.js';
import { parseManifestObjects } from '../kube/manifests.js';
import type { KubeObject } from '../kube/objects.js';
import {
  HelmPostRenderer,
  postRender,
  type PostRenderConfig,
  type PostRendererEntry,
} from './post-render.js';
import { registryPool } from './registry-pool.js';
import { renderValues, type RenderedValues } from './values.js';

/**
 * The whole rendering chain for one release, shared by helm-deploy (its
 * deploys and dry runs) and drift-check (the desired state, exactly as a
 * deploy would apply it):
 *
 *   prepareRelease(): values files templated; the post-render chain hooked
 *                     into helm (given an entry: how to start this code as
 *                     helm's post-renderer), or kept to run in process
 *   renderDesired():  helm renders the chart, the chain post-renders it
 *                     (kustomize → pinned images → annotations)
 *
 * helm-deploy hands the same values files and post-renderer to
 * `helm upgrade --install`, so what it applies is what renderDesired()
 * shows. A caller that never upgrades (drift-check) can leave the entry out:
 * the chain then runs in process on what helm rendered, with the same result.
 */

export interface PrepareOptions {
  helm: Pick<Helm, 'major'>;
  workspace: string;
  /** A private directory of this run (removed by the caller). */
  scratch: string;
  values: { files: readonly string[]; set: Record<string, unknown> };
  /** The values already templated (renderValues), by a caller that checks them before helm is set up. */
  rendered?: RenderedValues | undefined;
  context: PlaceholderContext;
  postRender: PostRenderConfig;
  /** How helm starts the post-renderer (the action's bundle); without it the chain runs in process. */
  entry?: PostRendererEntry | undefined;
}

export interface PreparedRelease {
  valuesFiles: string[];
  placeholders: string[];
  config: PostRenderConfig;
  /** The chain hooked into helm; undefined when it runs in process. */
  postRenderer: HelmPostRenderer | undefined;
  /** A directory for the chain's working files. */
  workDir: string;
  dispose(): void;
}

export function prepareRelease(options: PrepareOptions): PreparedRelease {
  const values =
    options.rendered ??
    renderValues({
      files: options.values.files,
      set: options.values.set,
      workspace: options.workspace,
      context: options.context,
      scratch: options.scratch,
    });
  const dir = join(options.scratch, 'post-render');
  const postRenderer = options.entry
    ? HelmPostRenderer.install(dir, options.helm.major, options.postRender, options.entry)
    : undefined;
  return {
    valuesFiles: values.files,
    placeholders: values.placeholders,
    config: options.postRender,
    postRenderer,
    workDir: join(dir, 'work'),
    dispose: () => postRenderer?.dispose(),
  };
}

export interface RenderTarget {
  release: string;
  namespace: string;
  chart: HelmChartSource;
}

export interface DesiredState {
  /** The objects a deploy applies (hooks excluded), post-rendered. */
  objects: KubeObject[];
  /** Hook objects (helm 4 post-renders them; helm 3 does not). */
  hooks: KubeObject[];
  manifest: string;
  images: PinnedImage[];
  /** The release helm simulated (server mode). */
  release?: HelmRelease;
}

/** What a client render is told instead of asking the cluster, and what the in-process chain shares. */
export interface RenderOptions {
  /** `.Capabilities` of the cluster, asked once by the caller (helm's built-in defaults otherwise). */
  capabilities?: TemplateRequest['capabilities'];
  /** Render as an upgrade of an existing release (`.Release.IsUpgrade`). */
  isUpgrade?: boolean;
  /** Digest lookups of the in-process chain (shared across renders); a fresh pool otherwise. */
  resolver?: DigestResolver | undefined;
}

/**
 * The desired state. `server`: `helm upgrade --install --dry-run=server`,
 * rendered against the live cluster (lookups, capabilities, the release's
 * next revision) and changing nothing; `client`: `helm template`, no cluster
 * needed (given the cluster's capabilities, it renders what the server mode
 * does for a chart that looks nothing up).
 */
export async function renderDesired(
  helm: Helm,
  target: RenderTarget,
  prepared: PreparedRelease,
  mode: 'server' | 'client' = 'server',
  options: RenderOptions = {},
): Promise<DesiredState> {
  const hook = prepared.postRenderer;
  hook?.resetReport();
  let manifest: string;
  let hooks: string[] = [];
  let release: HelmRelease | undefined;
  try {
    if (mode === 'server') {
      release = await helm.upgradeInstall({
        ...target,
        valuesFiles: prepared.valuesFiles,
        wait: false,
        timeoutSeconds: 300,
        atomic: false,
        dryRun: true,
        postRenderer: hook,
      });
      manifest = release.manifest;
      hooks = release.hooks;
    } else {
      manifest = await helm.template({
        ...target,
        valuesFiles: prepared.valuesFiles,
        postRenderer: hook,
        capabilities: options.capabilities,
        ...(options.isUpgrade ? { isUpgrade: true } : {}),
      });
    }
  } catch (error) {
    throw hook?.failure() ?? error;
  }
  let images = hook?.report()?.images ?? [];
  if (!hook) {
    const pool = options.resolver ? undefined : registryPool(prepared.config.registries);
    try {
      const output = await postRender(manifest, prepared.config, {
        resolver: options.resolver ?? (pool as DigestResolver),
        workDir: prepared.workDir,
      });
      manifest = output.manifests;
      images = output.images;
    } finally {
      pool?.close();
    }
  }
  return {
    objects: parseManifestObjects(manifest, 'the rendered release'),
    hooks: hooks.flatMap((text) => parseManifestObjects(text, 'a rendered hook')),
    manifest,
    images,
    ...(release ? { release } : {}),
  };
}
