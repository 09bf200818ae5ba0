import * as core from '../../../src/core.js';
import { traceAnnotations, workflowRunUrl } from '../../../src/render/annotate.js';
import { prefetchDigests } from '../../../src/render/registry-pool.js';
import type { RegistryAccess } from '../../../src/registry/index.js';
import type { RenderedValues } from '../../../src/render/values.js';
import type { Helm } from '../../../src/tools/helm.js';
import type { Inputs } from './inputs.js';
import type { Settings } from './settings.js';

/**
 * The image's digest, looked up while the cluster and the release are read, for the
 * post-renderer helm starts later (it asks the registry only for what this did not find).
 * render-only looks up nothing.
 */
export function prefetchImageDigest(inputs: Inputs, registries: RegistryAccess) {
  return inputs['render-only']
    ? undefined
    : prefetchDigests(inputs.image ? [inputs.image] : [], registries, {
        allowMutableTags: inputs['allow-mutable-tags'],
        log: (message) => core.debug(message),
      }).catch(() => ({}));
}

/**
 * The code that renders, records and diffs a release, loaded once the
 * cluster's first requests are out: the start carries less of it.
 */
export async function loadDeployModules() {
  const [
    { prepareRelease, renderDesired },
    { bundledPostRenderer },
    { resolveChart },
    { deployRecord },
    { diffRelease, formatDiff, withRestored },
  ] = await Promise.all([
    import('../../../src/render/release.js'),
    import('../../../src/render/post-render.js'),
    import('../../../src/render/chart.js'),
    import('../../../src/record/write.js'),
    import('../../../src/deploy/diff.js'),
  ]);
  return {
    prepareRelease,
    renderDesired,
    bundledPostRenderer,
    resolveChart,
    deployRecord,
    diffRelease,
    formatDiff,
    withRestored,
  };
}

export type DeployModules = Awaited<ReturnType<typeof loadDeployModules>>;

interface Prepare {
  helm: Helm;
  workspace: string;
  scratch: string;
  settings: Settings;
  overlay: string | undefined;
  values: RenderedValues | undefined;
  registries: RegistryAccess;
}

/**
 * The release helm renders: the values files, and the post-renderer helm
 * starts (kustomize, pinned digests, annotations, the deploy record).
 */
export function prepareDeploy(modules: DeployModules, inputs: Inputs, given: Prepare) {
  const { helm, workspace, scratch, settings, overlay, values, registries } = given;
  return modules.prepareRelease({
    helm,
    workspace,
    scratch,
    values: { files: inputs.values, set: inputs.set },
    rendered: values,
    context: settings.context,
    postRender: {
      ...(overlay ? { kustomize: { overlay, kubectl: inputs.kubectl } } : {}),
      allowMutableTags: inputs['allow-mutable-tags'],
      // render-only renders a pull request, whose image is not published.
      ...(inputs['render-only'] && inputs.image ? { unpublished: [inputs.image] } : {}),
      registries,
      annotations: traceAnnotations(),
      record: modules.deployRecord({
        workspace,
        manifest: settings.manifest,
        manifestPath: inputs.manifest,
        environment: inputs.environment,
        release: settings.release,
        namespace: settings.namespace,
        chart: inputs.chart,
        version: inputs['chart-version'],
        repositoryUrl: inputs['repository-url'],
        values: inputs.values,
        set: inputs.set,
        kustomize: inputs.kustomize,
        allowMutableTags: inputs['allow-mutable-tags'],
        image: inputs.image,
        buildVersion: inputs['build-version'],
        run: workflowRunUrl(),
        valuesText: values?.texts,
      }),
    },
    entry: modules.bundledPostRenderer(),
  });
}

/** The chart the inputs name, pulled or packaged for helm. */
export function inputChart(
  modules: DeployModules,
  helm: Helm,
  inputs: Inputs,
  given: Pick<Prepare, 'workspace' | 'scratch' | 'settings'>,
) {
  return modules.resolveChart(helm, {
    chart: inputs.chart,
    version: inputs['chart-version'],
    appVersion: inputs['app-version'],
    scratch: given.scratch,
    workspace: given.workspace,
    repositoryUrl: inputs['repository-url'],
    credentials: given.settings.credentials,
    caFile: given.settings.caFile,
  });
}
