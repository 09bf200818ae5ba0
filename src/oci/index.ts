export {
  DEFAULT_TAG,
  DOCKER_HUB,
  DOCKER_HUB_API_HOST,
  chartVersionTag,
  formatName,
  formatReference,
  isDigest,
  isDigestPinned,
  isMutableTag,
  manifestReference,
  parseReference,
  registryApiHost,
  validateDigest,
  validateRepository,
  validateTag,
  withDigest,
  withTag,
  type ImageReference,
} from './reference.js';
export {
  RegistryAuth,
  parseWwwAuthenticate,
  pickChallenge,
  repositoryScope,
  type Challenge,
  type Credentials,
} from './auth.js';
export { dockerConfigCredentials, dockerConfigPath, parseDockerConfig } from './docker-config.js';
export {
  RegistryClient,
  type ImageConfig,
  type Manifest,
  type PinCheck,
  type ManifestDescriptor,
  type Platform,
  type RegistryClientOptions,
  type Scheme,
} from './client.js';
export { RegistryPool, type RegistryPoolOptions } from './pool.js';
export { digestOf, matchesDigest } from './digest.js';
export * from './media-types.js';
export {
  PreconditionFailed,
  conditionHeaders,
  tagConflict,
  writeTagIfUnchanged,
  type TagCondition,
  type TagWrite,
} from './tag-write.js';
export {
  listReferrers,
  pushReferrer,
  referrersTag,
  type Artifact,
  type Pushed,
  type Referrer,
  type ReferrersVia,
} from './referrers.js';
