/**
 * The vocabulary of default.json. schema/default.schema.json lists the same
 * values; published-schema.test.ts fails when the two drift apart.
 */

/** Where the manifest is looked for when the action's `manifest` input is not set. */
export const DEFAULT_MANIFEST_PATH = 'default.json';

/** The name of the action input that points at another manifest file. */
export const MANIFEST_INPUT = 'manifest';

/** Where editors fetch the published schema from (the moving v1 tag, served raw). */
export const MANIFEST_SCHEMA_ID =
  'https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json';

/** A manifest is a few kilobytes; anything past this is the wrong file. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** More problems than this are counted, not listed: a long list buries the first, often the cause. */
export const MAX_LISTED_PROBLEMS = 50;

/** The smallest valid manifest, offered when a file is empty or not an object. */
export const MINIMAL_MANIFEST_EXAMPLE =
  '{ "namespace": "my-team", "application": { "name": "my-app", "type": "http_api", "version": "1.0.x" } }';

/** Application types; each chooses a standard chart profile, probes and runtime image. */
export const APPLICATION_TYPES = [
  'http_html',
  'http_api',
  'worker',
  'static_html',
  'cronjob',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/** Toolchains `build.system_setup.buildfacts` may ask for; they choose the builder image. */
export const TOOLCHAINS = [
  'java',
  'nodejs',
  'go',
  'python',
  'dotnet',
  'ruby',
  'rust',
  'php',
  'shell',
] as const;
export type Toolchain = (typeof TOOLCHAINS)[number];

/** The kinds of `build.build_steps` items; each item has exactly one of these keys. */
export const BUILD_STEP_KINDS = ['shell', 'gradle', 'maven', 'npm', 'go', 'pip', 'make'] as const;
export type BuildStepKind = (typeof BUILD_STEP_KINDS)[number];

/** Environments every application has, deployed to `<namespace>-<environment>` by default. */
export const DEFAULT_ENVIRONMENTS = ['dev', 'stage', 'prod'] as const;

/** Kubernetes' limit for a namespace name (a DNS-1123 label). */
export const MAX_NAMESPACE_LENGTH = 63;

/** DNS-1123 label: what Kubernetes accepts as a namespace name. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
