import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import { checkReleaseName } from '../../../src/deploy/release.js';
import { prepareKubeconfig } from '../../../src/deploy/kubeconfig.js';
import {
  environmentNamespace,
  loadManifest,
  type AppManifest,
} from '../../../src/manifest/index.js';
import { readRegistryInputs } from '../../../src/registry/index.js';
import { findKustomization } from '../../../src/render/kustomize.js';
import { renderValues } from '../../../src/render/values.js';
import { buildPlaceholderContext } from '../../../src/template/index.js';
import type { Inputs } from './inputs.js';

/**
 * What the deploy is about, read from the inputs and the workspace before
 * anything is asked of the cluster or downloaded: the kubeconfig, default.json,
 * the release and its namespace, the placeholders and the registry login.
 */
export async function readSettings(inputs: Inputs, workspace: string, scratch: string) {
  // First, so a kubeconfig given as content is masked before anything else runs.
  const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
  const manifest = await optionalManifest(inputs, workspace);
  const release = inputs.release ?? manifest!.application.name;
  const namespace = inputs.namespace ?? environmentNamespace(manifest!, inputs.environment);
  checkReleaseName(release);
  const context = buildPlaceholderContext({
    ...(manifest ? { manifest } : { manifestPath: inputs.manifest }),
    environment: inputs.environment,
    build: {
      ...(inputs.image ? { image: inputs.image } : {}),
      ...(inputs['build-version'] ? { version: inputs['build-version'] } : {}),
    },
    env: process.env,
    buildInputs: { image: 'image', version: 'build-version' },
  });
  const { login: credentials, ca } = readRegistryInputs(inputs, { workspace, scratch });
  if (inputs['render-only'] && inputs.kubeconfig) {
    throw new UserError('render-only renders without the cluster: it takes no kubeconfig.', {
      fix: 'remove the kubeconfig input; compare the rendered objects in another job (the rendered input).',
    });
  }
  return { kubeconfig, manifest, release, namespace, context, credentials, caFile: ca?.file };
}

export type Settings = Awaited<ReturnType<typeof readSettings>>;

/**
 * The local files helm renders with (the kustomize overlay, the values files
 * with their placeholders filled), checked before helm is downloaded: a typo
 * in a values file is not hidden behind a download host that cannot be
 * reached. Neither is needed to compare objects rendered in another job.
 */
export function readLocalFiles(
  inputs: Inputs,
  workspace: string,
  scratch: string,
  context: Settings['context'],
) {
  const overlay =
    inputs.kustomize && inputs.rendered === undefined
      ? resolve(workspace, inputs.kustomize)
      : undefined;
  const values =
    inputs.rendered === undefined
      ? renderValues({ files: inputs.values, set: inputs.set, workspace, context, scratch })
      : undefined;
  if (overlay) findKustomization(overlay);
  return { overlay, values };
}

/**
 * default.json, which an upstream chart deployed with both \`release\` and
 * \`namespace\` does not need: then a missing file is no error (placeholders
 * that need it say so). Otherwise it must be there.
 */
async function optionalManifest(
  inputs: Inputs,
  workspace: string,
): Promise<AppManifest | undefined> {
  const path = resolve(workspace, inputs.manifest);
  if (inputs.release !== undefined && inputs.namespace !== undefined && !existsSync(path)) {
    core.info(
      `No ${inputs.manifest}: deploying release ${inputs.release} into ${inputs.namespace} without it.`,
    );
    return undefined;
  }
  return loadManifest(path, { displayPath: inputs.manifest });
}

/** Where the namespace came from, for messages. */
export function namespaceSource(inputs: Inputs): string {
  if (inputs.namespace !== undefined) return 'input "namespace"';
  return `from ${inputs.manifest} for environment ${inputs.environment}`;
}
