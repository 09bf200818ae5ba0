import { mkdtempSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { AppManifest } from '../manifest/types.js';
import {
  prepareRelease,
  renderDesired,
  resolveChart,
  type PostRendererEntry,
} from '../render/index.js';
import { parseManifestObjects } from '../kube/manifests.js';
import type { KubeObject } from '../kube/objects.js';
import { readRelease } from '../deploy/release.js';
import { buildPlaceholderContext } from '../template/index.js';
import { scopedAccess, type Login } from '../registry/index.js';
import type { Helm, HelmRevision } from '../tools/helm.js';
import type { Target } from './targets.js';

/**
 * The two states Helm knows of a target, through the same code helm-deploy
 * deploys with: the desired state rendered from Git now (values templated,
 * `helm upgrade --install --dry-run=server` through the post-renderer:
 * kustomize, images pinned to digests), and the manifest Helm stored for the
 * release's last deployed revision.
 *
 * This is a thin adapter over src/render and src/deploy; what it repeats
 * of helm-deploy's glue (context, chart resolution) should
 * move into src/render as one "render this release request" function.
 */

export interface RenderEnvironment {
  helm: Helm;
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
  /** How helm starts the post-renderer (this action's own bundle). */
  entry: PostRendererEntry;
  /** Secret values of the placeholder context land here (to keep them out of reports). */
  secrets: Set<string>;
}

export interface HelmStates {
  desired: KubeObject[];
  deployed: KubeObject[];
  revision: HelmRevision;
  chart: string;
}

export async function renderTarget(target: Target, env: RenderEnvironment): Promise<HelmStates> {
  const revision = await deployedRevision(env.helm, target);
  const deployedManifest = await env.helm.getManifest(
    target.release,
    target.namespace,
    revision.revision,
  );
  const deployed = parseManifestObjects(
    deployedManifest ?? '',
    `the manifest of ${target.release} revision ${revision.revision}`,
  );

  const context = buildPlaceholderContext({
    ...(env.manifest ? { manifest: env.manifest } : {}),
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
    helm: env.helm,
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
    entry: env.entry,
  });
  try {
    const chart = await resolveChart(env.helm, {
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
      env.helm,
      { release: target.release, namespace: target.namespace, chart: chart.source },
      prepared,
      'server',
    );
    return { desired: desired.objects, deployed, revision, chart: chart.display };
  } finally {
    prepared.dispose();
  }
}

/** The last revision with status deployed; a release that is missing, pending or never deployed is an error, not "no drift". */
async function deployedRevision(helm: Helm, target: Target): Promise<HelmRevision> {
  const state = await readRelease(helm, target.release, target.namespace);
  const where = `release ${target.release} in namespace ${target.namespace}`;
  if (!state.current) {
    throw new UserError(`There is no ${where}: nothing was deployed to compare with.`, {
      fix: `deploy it first, or correct release/namespace in ${target.where}.`,
    });
  }
  if (state.current.status.startsWith('pending-')) {
    throw new UserError(
      `The ${where} is ${state.current.status} (revision ${state.current.revision}, since ${state.current.updated}): a deploy is running or was cancelled, so its live state proves nothing yet.`,
      {
        fix: "check again after the deploy; a release stuck pending is recovered with helm-deploy's recover-pending.",
      },
    );
  }
  if (!state.deployed) {
    throw new UserError(
      `The ${where} has no deployed revision (the latest is ${state.current.status}).`,
      {
        fix: 'deploy it successfully first; drift is measured against the last deployed revision.',
      },
    );
  }
  return state.deployed;
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
