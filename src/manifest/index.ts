/** default.json: the application manifest, loaded, validated and normalized. */
export { loadManifest, parseManifest, type LoadManifestOptions } from './load.js';
export { environmentNames, environmentNamespace } from './environments.js';
export { MANIFEST_SCHEMA } from './published-schema.js';
export {
  APPLICATION_TYPES,
  BUILD_STEP_KINDS,
  DEFAULT_ENVIRONMENTS,
  DEFAULT_MANIFEST_PATH,
  MANIFEST_INPUT,
  MANIFEST_SCHEMA_ID,
  MAX_MANIFEST_BYTES,
  TOOLCHAINS,
  type ApplicationType,
  type BuildStepKind,
  type Toolchain,
} from './constants.js';
export type * from './types.js';
