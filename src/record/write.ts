import { isAbsolute, relative, resolve, sep } from 'node:path';
import coerce from 'semver/functions/coerce.js';
import gte from 'semver/functions/gte.js';
import type { AppManifest } from '../manifest/types.js';
import { appKey } from './app-key.js';
import { RECORD_VERSION, type DeployRecord } from './record.js';
import { directoryDigest, requestHash } from './request.js';

/** What helm-deploy knows before it renders; the post-renderer adds the pinned images. */
export interface RecordInputs {
  workspace: string;
  /** default.json; without one (release and namespace given), the app is named after the release. */
  manifest: AppManifest | undefined;
  /** The manifest input as given (relative to the workspace). */
  manifestPath: string;
  environment: string;
  release: string;
  namespace: string;
  chart: string;
  version: string | undefined;
  repositoryUrl: string | undefined;
  values: readonly string[];
  set: Record<string, unknown>;
  kustomize: string | undefined;
  allowMutableTags: boolean;
  image: string | undefined;
  buildVersion: string | undefined;
  /** This workflow run's URL. */
  run: string | undefined;
  /** Each values file's text as renderValues read it (in the order of `values`): not read again. */
  valuesText?: readonly string[] | undefined;
}

export function deployRecord(
  inputs: RecordInputs,
  env: NodeJS.ProcessEnv = process.env,
): Omit<DeployRecord, 'images'> {
  const local = inWorkspace(inputs.workspace, inputs.chart);
  const chartDigest = inputs.chart.startsWith('oci://') ? null : directoryDigest(local);
  const hash = requestHash(
    {
      workspace: inputs.workspace,
      manifest: inputs.manifest,
      environment: inputs.environment,
      chart: inputs.chart,
      version: inputs.version,
      repositoryUrl: inputs.repositoryUrl,
      values: inputs.values,
      set: inputs.set,
      kustomize: inputs.kustomize,
      allowMutableTags: inputs.allowMutableTags,
    },
    { valuesText: inputs.valuesText, chartDigest },
  );
  return {
    version: RECORD_VERSION,
    app: appKey(
      inputs.manifest?.application.name ?? inputs.release,
      inputs.workspace,
      inputs.manifestPath,
    ),
    repository: env.GITHUB_REPOSITORY || undefined,
    environment: inputs.environment,
    release: inputs.release,
    namespace: inputs.namespace,
    chart: {
      ref: inputs.chart,
      version: inputs.version,
      digest: chartDigest ?? undefined,
    },
    build: { image: inputs.image, version: inputs.buildVersion },
    commit: env.GITHUB_SHA || undefined,
    run: inputs.run,
    deployedAt: new Date().toISOString(),
    request: {
      hash,
      chart: inputs.chart,
      version: inputs.version,
      repositoryUrl: inputs.repositoryUrl,
      values: [...inputs.values],
      set: inputs.set,
      kustomize: inputs.kustomize,
      allowMutableTags: inputs.allowMutableTags,
      manifest: posix(
        relative(inputs.workspace, inWorkspace(inputs.workspace, inputs.manifestPath)),
      ),
    },
  };
}

/** Release labels came with helm 3.13 (`--labels`); helm 4 has them. */
export function supportsReleaseLabels(helmVersion: string): boolean {
  const version = coerce(helmVersion);
  return version !== null && gte(version, '3.13.0');
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}

function posix(path: string): string {
  return path.split(sep).join('/');
}
