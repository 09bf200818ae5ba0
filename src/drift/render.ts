import { mkdtempSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppManifest } from '../manifest/types.js';
import { prepareRelease, renderDesired, resolveChart } from '../render/index.js';
import type { KubeObject } from '../kube/objects.js';
import { buildPlaceholderContext } from '../template/index.js';
import { scopedAccess, type Login } from '../registry/index.js';
import type { Helm } from '../tools/helm.js';
import type { Target } from './targets.js';

/**
 * The desired state rendered from Git now, through the same code
 * helm-deploy deploys with (values templated, `helm upgrade --install
 * --dry-run=server`, then the post-render chain: kustomize, images pinned to
 * digests). drift-check renders only a release whose Git inputs changed
 * since its recorded deploy, or one deployed before records
 * (src/drift/states.ts); the deployed state comes from Helm's storage.
 *
 * This is a thin adapter over src/render; what it repeats of helm-deploy's
 * glue (context, chart resolution) should move into src/render as one
 * "render this release request" function.
 */

export interface RenderEnvironment {
  /** helm, started only when a target needs a render. */
  helm: () => Promise<Helm>;
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
  /** Secret values of the placeholder context land here (to keep them out of reports). */
  secrets: Set<string>;
}

export interface HelmStates {
  desired: KubeObject[];
  deployed: KubeObject[];
  /** The deployed revision compared with. */
  revision: { revision: number; status: string };
  chart: string;
}

/**
 * A target's desired state as helm-deploy would deploy it. The
 * build-specific context (image, build version) comes from the target,
 * which takes it from the deploy record when Git does not name it.
 */
export async function renderDesiredState(
  target: Target,
  env: RenderEnvironment,
): Promise<{ objects: KubeObject[]; chart: string }> {
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
      registries: scopedAccess(env.login, { chart: target.chart, image: target.image }, env.caFile),
      // Traceability annotations change with every run; comparisons ignore them.
      annotations: {},
    },
    // No entry: helm renders, and the post-render chain runs here, in this process
    // (the chain helm-deploy hands helm), so a render starts no second Node.
  });
  try {
    const chart = await resolveChart(helm, {
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
    const desired = await renderDesired(
      helm,
      { release: target.release, namespace: target.namespace, chart: chart.source },
      prepared,
      'server',
    );
    return { objects: desired.objects, chart: chart.display };
  } finally {
    prepared.dispose();
  }
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
