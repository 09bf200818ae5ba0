import { environmentNamespace } from '../manifest/environments.js';
import type { AppManifest, Service } from '../manifest/types.js';
import { PlaceholderContext } from './context.js';

export interface BuildOutputs {
  /** The image build-image produced, `name@sha256:…` (a tag before the digest is allowed). */
  image?: string;
  /** The version build-image resolved. */
  version?: string;
}

export interface ContextSources {
  manifest?: AppManifest;
  /** When there is no manifest: the path it was looked for at, named by the placeholders that need it. */
  manifestPath?: string;
  environment?: string;
  build?: BuildOutputs;
  /** The workflow's variables (`env:`); usually process.env. */
  env?: NodeJS.ProcessEnv;
  /** Variables to mask whatever their name. */
  secretNames?: readonly string[];
  /**
   * The inputs of this step that take the build outputs (helm-deploy: image,
   * build-version): a build placeholder without a value names them.
   */
  buildInputs?: { image: string; version: string };
}

/**
 * The placeholder context every stage fills templates from, built the same
 * way everywhere (helm-deploy values, inspec inputs, drift targets). More
 * specific sources win: default.json and the build outputs are set before the
 * workflow's variables, which cannot override them.
 */
export function buildPlaceholderContext(sources: ContextSources): PlaceholderContext {
  const context = new PlaceholderContext();
  const { manifest, environment, build } = sources;

  if (environment) context.set('ENVIRONMENT', environment, { source: 'environment input' });
  if (manifest) addManifest(context, manifest, environment);
  else if (sources.manifestPath) {
    const path = sources.manifestPath;
    context.noteAbsentSource(
      (name) => MANIFEST_NAMES.test(name),
      (name) =>
        `%%${name}%% comes from default.json, and there is none at ${path}: add it (schema/README.md), or pass ${name} in the step's env:.`,
    );
  }
  if (sources.buildInputs) noteAbsentBuild(context, build ?? {}, sources.buildInputs);
  if (build?.image) addImage(context, build.image);
  if (build?.version)
    context.set('VERSION', build.version, { source: 'build-image output "version"' });
  if (sources.env) context.addEnvironment(sources.env, sources.secretNames);
  return context;
}

/** %%IMAGE%%, %%VERSION%%… without the input that gives them: the fix names that input. */
function noteAbsentBuild(
  context: PlaceholderContext,
  build: BuildOutputs,
  inputs: { image: string; version: string },
): void {
  if (!build.image) {
    context.noteAbsentSource(
      (name) => /^IMAGE(?:_NAME|_TAG|_DIGEST)?$/.test(name),
      (name) =>
        `set the "${inputs.image}" input of this step to the image to deploy (build-image's ref output, such as \${{ steps.build.outputs.ref }}), which fills %%${name}%%.`,
    );
  }
  if (!build.version) {
    context.noteAbsentSource(
      (name) => name === 'VERSION',
      () =>
        `set the "${inputs.version}" input of this step to the version built (build-image's version output, such as \${{ steps.build.outputs.version }}), which fills %%VERSION%%.`,
    );
  }
}

function addManifest(
  context: PlaceholderContext,
  manifest: AppManifest,
  environment: string | undefined,
): void {
  const source = manifest.file;
  context
    .set('APP_NAME', manifest.application.name, { source })
    .set('APP_TYPE', manifest.application.type, { source })
    .set('APP_VERSION', manifest.application.version.value, { source })
    .set('BASE_NAMESPACE', manifest.namespace, { source })
    .set(
      'NAMESPACE',
      environment ? environmentNamespace(manifest, environment) : manifest.namespace,
      { source },
    );

  const primary = primaryService(manifest);
  if (primary) addService(context, '', primary, source);
  for (const service of manifest.services) {
    addService(
      context,
      `SERVICE_${service.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`,
      service,
      source,
    );
  }
}

/** The placeholders default.json provides (addManifest, addService). */
const MANIFEST_NAMES =
  /^(?:APP_NAME|APP_TYPE|APP_VERSION|BASE_NAMESPACE|NAMESPACE|INSTANCES_MIN|INSTANCES_MAX|EXTERNAL_URL|EXTERNAL_HOST|EXTERNAL_PATH|SERVICE_\w+)$/;

/** The service of this application itself, else the first one listed. */
function primaryService(manifest: AppManifest): Service | undefined {
  return (
    manifest.services.find((s) => s.application.name === manifest.application.name) ??
    manifest.services[0]
  );
}

function addService(
  context: PlaceholderContext,
  prefix: string,
  service: Service,
  source: string,
): void {
  context
    .set(`${prefix}INSTANCES_MIN`, service.instances.min, { source })
    .set(`${prefix}INSTANCES_MAX`, service.instances.max, { source });
  if (prefix) context.set(`${prefix}NAME`, service.name, { source });
  if (service.external) {
    context
      .set(`${prefix}EXTERNAL_URL`, service.external.url, { source })
      .set(`${prefix}EXTERNAL_HOST`, service.external.host, { source })
      .set(`${prefix}EXTERNAL_PATH`, service.external.path, { source });
  }
}

function addImage(context: PlaceholderContext, image: string): void {
  const source = 'build-image output "ref"';
  context.set('IMAGE', image, { source });
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repository = colon > lastSlash ? name.slice(0, colon) : name;
  context.set('IMAGE_NAME', repository, { source });
  if (at !== -1) context.set('IMAGE_DIGEST', image.slice(at + 1), { source });
  if (colon > lastSlash) context.set('IMAGE_TAG', name.slice(colon + 1), { source });
}
