import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '../core.js';
import { chartTemplates } from '../helm/chart.js';
import type { ServerCapabilities } from '../kube/client.js';
import type { KubeObject } from '../kube/objects.js';
import type { AppManifest } from '../manifest/types.js';
import { parseReference, type ImageReference } from '../oci/reference.js';
import type { RegistryPool } from '../oci/pool.js';
import type { DeployRecord } from '../record/record.js';
import { scopedAccess, type Login } from '../registry/index.js';
import { maskSecret, secretValuesIn } from '../report/redact.js';
import {
  prepareRelease,
  registryPool,
  renderDesired,
  resolveChart,
  type DigestResolver,
  type ResolvedChart,
} from '../render/index.js';
import { buildPlaceholderContext } from '../template/index.js';
import type { Helm, HelmChartSource } from '../tools/helm.js';
import type { Target } from './targets.js';

/**
 * The desired state rendered from Git now, through the same chain
 * helm-deploy deploys with (values templated, helm renders the chart, then
 * the post-render chain: kustomize, images pinned to digests), for a
 * release whose Git inputs changed since its recorded deploy or one
 * deployed before records (src/drift/states.ts); the deployed state comes
 * from Helm's storage.
 *
 * Rendering is the costly part of a drift check, so one DesiredRenderer
 * serves the whole run:
 *
 * - helm renders client side (`helm template --is-upgrade`) with the
 *   cluster's `.Capabilities` (server version, every group/version/kind it
 *   serves) asked once and given to every render, so a chart sees what a
 *   server dry run shows it. A chart that looks at the cluster itself
 *   (`lookup`, or asks `.Capabilities.APIVersions.Has` for a built-in API
 *   the server does not serve, where helm's built-in list would answer
 *   otherwise) is rendered with `helm upgrade --install --dry-run=server`.
 * - each chart is resolved once (checked in its registry, pulled and
 *   unpacked, dependencies built) however many releases use it;
 * - the post-render chain runs in this process, pinning each image to the
 *   digest the release's record says was deployed (the registry is asked
 *   only for images the record does not name), one registry pool per run.
 */

export interface RenderEnvironment {
  /** helm, started only when a target needs a render. */
  helm: () => Promise<Helm>;
  /** The cluster's capabilities, asked once (src/kube KubeClient.capabilities). */
  capabilities: () => Promise<ServerCapabilities>;
  workspace: string;
  /** This run's private directory. */
  scratch: string;
  manifest: AppManifest | undefined;
  environment: string;
  /** The kubectl that builds kustomize overlays. */
  kubectl: string;
  /** The registry login (src/registry scopes it to the chart's and the image's registry). */
  login: Login | undefined;
  caFile: string | undefined;
  /** Secret values of the placeholder context and of `set:` land here (to keep them out of reports). */
  secrets: Set<string>;
}

export interface HelmStates {
  desired: KubeObject[];
  deployed: KubeObject[];
  /** The deployed revision compared with. */
  revision: { revision: number; status: string };
  chart: string;
}

/** A chart ready to render: resolved, on disk, and whether it needs the server. */
interface PreparedChart {
  resolved: ResolvedChart;
  /** What helm renders: the unpacked directory (or the chart as given, for a server render). */
  source: HelmChartSource;
  /** Why it must be rendered by a server dry run; undefined: client side. */
  server: string | undefined;
}

export interface RenderedState {
  objects: KubeObject[];
  chart: string;
  /** `client`: helm template with the cluster's capabilities; `server`: a server dry run. */
  mode: 'client' | 'server';
}

export class DesiredRenderer {
  private readonly charts = new Map<string, Promise<PreparedChart>>();
  private readonly pools = new Map<string, RegistryPool>();
  private chartCount = 0;

  constructor(private readonly env: RenderEnvironment) {}

  /**
   * A target's desired state as helm-deploy would deploy it. The
   * build-specific context (image, build version) comes from the target,
   * which takes it from the deploy record when Git does not name it.
   */
  async render(target: Target, record?: DeployRecord): Promise<RenderedState> {
    const env = this.env;
    const helm = await env.helm();
    const manifest = target.manifest ?? env.manifest;
    const context = buildPlaceholderContext({
      ...(manifest ? { manifest } : {}),
      environment: env.environment,
      build: {
        ...(target.image ? { image: target.image } : {}),
        ...(target.buildVersion ? { version: target.buildVersion } : {}),
      },
      env: process.env,
    });
    for (const value of context.secretValues()) env.secrets.add(value);
    // `set:` values under a secret-looking key (db.password), from the config or
    // the deploy record, are masked and cut as helm-deploy's are.
    for (const value of secretValuesIn(target.set)) {
      maskSecret(value);
      env.secrets.add(value);
    }
    const chart = await this.chart(helm, target);
    const access = scopedAccess(
      env.login,
      { chart: target.chart, image: target.image },
      env.caFile,
    );
    const scratch = mkdtempSync(join(env.scratch, 'target-'));
    const prepared = prepareRelease({
      helm,
      workspace: env.workspace,
      scratch,
      values: { files: target.values, set: target.set },
      context,
      postRender: {
        ...(target.kustomize
          ? {
              kustomize: {
                overlay: inWorkspace(env.workspace, target.kustomize),
                kubectl: env.kubectl,
              },
            }
          : {}),
        allowMutableTags: target.allowMutableTags,
        registries: access,
        // Traceability annotations change with every run; comparisons ignore them.
        annotations: {},
      },
      // No entry: helm renders, and the post-render chain runs here, in this process.
    });
    try {
      const release = { release: target.release, namespace: target.namespace };
      const resolver = recordedDigests(record, this.pool(access));
      const desired = chart.server
        ? await renderDesired(helm, { ...release, chart: chart.source }, prepared, 'server', {
            resolver,
          })
        : await renderDesired(helm, { ...release, chart: chart.source }, prepared, 'client', {
            capabilities: await env.capabilities(),
            // Only releases with a deployed revision are rendered: helm would upgrade them.
            isUpgrade: true,
            resolver,
          });
      return {
        objects: desired.objects,
        chart: chart.resolved.display,
        mode: chart.server ? 'server' : 'client',
      };
    } finally {
      prepared.dispose();
    }
  }

  close(): void {
    for (const pool of this.pools.values()) pool.close();
    this.pools.clear();
  }

  /** The chart of a target, resolved and unpacked once for every release that uses it. */
  private chart(helm: Helm, target: Target): Promise<PreparedChart> {
    const key = JSON.stringify([target.chart, target.version ?? '', target.repositoryUrl ?? '']);
    let chart = this.charts.get(key);
    if (!chart) {
      chart = this.prepareChart(helm, target);
      this.charts.set(key, chart);
    }
    return chart;
  }

  private async prepareChart(helm: Helm, target: Target): Promise<PreparedChart> {
    const env = this.env;
    const resolved = await resolveChart(helm, {
      chart: target.chart,
      version: target.version,
      workspace: env.workspace,
      repositoryUrl: target.repositoryUrl,
      credentials: env.login,
      caFile: env.caFile,
      inputs: {
        chart: `${target.where}.chart`,
        version: `${target.where}.version`,
        repositoryUrl: `${target.where}.repository-url`,
      },
    });
    let dir = resolved.source.ref;
    if (resolved.kind !== 'local') {
      const destination = join(env.scratch, 'charts', String(this.chartCount++));
      mkdirSync(destination, { recursive: true });
      await helm.pull(
        resolved.source.ref,
        {
          ...(resolved.source.version ? { version: resolved.source.version } : {}),
          destination,
          untar: true,
        },
        { plainHttp: resolved.source.plainHttp ?? false, caFile: resolved.source.caFile },
      );
      const [unpacked] = readdirSync(destination, { withFileTypes: true }).filter((entry) =>
        entry.isDirectory(),
      );
      if (!unpacked) throw new Error(`helm pull ${resolved.display} left no chart directory.`);
      dir = join(destination, unpacked.name);
    }
    const server = needsServer(chartTemplates(dir), await env.capabilities());
    if (server) {
      core.info(`${resolved.display}: ${server}, so it is rendered by a server dry run.`);
    }
    return {
      resolved,
      // A server render takes the chart as helm-deploy gave it; a client one, the unpacked copy.
      source: server ? resolved.source : { ref: dir },
      server,
    };
  }

  private pool(access: ReturnType<typeof scopedAccess>): RegistryPool {
    const key = JSON.stringify(access);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = registryPool(access);
      this.pools.set(key, pool);
    }
    return pool;
  }
}

/** `lookup` called as a template function (its arguments follow). */
const LOOKUP = /(?<![\w.$-])lookup\s+[("$.\w]/;
/** `.Capabilities.APIVersions.Has "group/version[/Kind]"`, the version written out. */
const HAS_API = /APIVersions\.Has\s+"([^"]+)"/g;

/**
 * Why a chart's render depends on the cluster beyond its capabilities;
 * undefined when `helm template` with them renders what a server dry run
 * would.
 */
export function needsServer(
  templates: ReadonlyMap<string, string>,
  capabilities: ServerCapabilities,
): string | undefined {
  const served = new Set(capabilities.apiVersions);
  for (const [path, text] of templates) {
    if (LOOKUP.test(text)) return `${path} calls lookup (it reads the cluster)`;
    for (const match of text.matchAll(HAS_API)) {
      const api = match[1] as string;
      // helm template answers yes for every built-in API it knows, served or not.
      if (!served.has(api) && isBuiltInGroup(api)) {
        return `${path} asks whether the cluster serves ${api}, which it does not`;
      }
    }
  }
  return undefined;
}

function isBuiltInGroup(api: string): boolean {
  const parts = api.split('/');
  const group = parts.length === 1 || /^v\d/.test(parts[0] as string) ? '' : (parts[0] as string);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * Pins each image to the digest the release's record says was deployed
 * (the same reference as written); anything else is asked of the registry.
 */
function recordedDigests(record: DeployRecord | undefined, pool: DigestResolver): DigestResolver {
  const known = new Map<string, string>();
  for (const image of record?.images ?? []) {
    try {
      known.set(referenceKey(parseReference(image.image)), image.digest);
    } catch {
      // A reference the record holds but this parser refuses: ask the registry instead.
    }
  }
  return {
    resolveDigest: (reference) =>
      Promise.resolve(known.get(referenceKey(reference))).then(
        (digest) => digest ?? pool.resolveDigest(reference),
      ),
    // Drift is what differs from what was deployed: a pinned digest stays as
    // written, whether or not its registry still has it.
    checkPinned: async () => ({
      status: 'unchecked',
      reason: 'drift-check compares references as written',
    }),
  };
}

function referenceKey(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}:${reference.tag ?? 'latest'}`;
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
