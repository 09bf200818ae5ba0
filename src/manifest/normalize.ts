import { DEFAULT_ENVIRONMENTS, type ApplicationType, type Toolchain } from './constants.js';
import type {
  AppManifest,
  Buildfacts,
  BuildStep,
  EnvironmentSettings,
  ExternalEndpoint,
  Service,
  VersionSpec,
} from './types.js';

/** default.json as the schema allows it to be written, before normalization. */
export interface RawManifest {
  namespace: string;
  application: { name: string; type: ApplicationType; version: string };
  build?: {
    system_setup?: { buildfacts?: Partial<Record<Toolchain, string>> | Toolchain[] };
    build_steps?: RawBuildStep[];
  };
  build_command?: string;
  artifacts?: string | string[];
  services?: RawService[];
  environments?: Record<string, { namespace?: string }>;
}

type RawBuildStep =
  | { shell: string }
  | { gradle: { tasks: string; useWrapper?: boolean } }
  | { maven: { goals: string; useWrapper?: boolean } }
  | { npm: { script: string } | { command: string } }
  | { go: { command: string } }
  | { pip: { command: string } }
  | { make: { targets?: string } };

interface RawService {
  name: string;
  external_url?: string;
  application?: string;
  instances?: { min?: number; max?: number };
}

/** The one shape consumers see; `raw` has passed the schema and the cross-field checks. */
export function normalizeManifest(
  raw: RawManifest,
  file: string,
  sha256: string,
): Omit<AppManifest, 'locate'> {
  const steps = (raw.build?.build_steps ?? []).map(normalizeStep);
  return {
    file,
    sha256,
    namespace: raw.namespace,
    application: {
      name: raw.application.name,
      type: raw.application.type,
      version: versionSpec(raw.application.version),
    },
    build: {
      buildfacts: normalizeBuildfacts(raw.build?.system_setup?.buildfacts),
      steps,
      command: steps.length === 0 ? raw.build_command : undefined,
    },
    artifacts: raw.artifacts === undefined ? [] : [raw.artifacts].flat(),
    services: (raw.services ?? []).map((service) => normalizeService(service, raw)),
    environments: normalizeEnvironments(raw),
  };
}

function versionSpec(version: string): VersionSpec {
  // The schema allows exactly two shapes; three numbers first means an exact version.
  return { kind: /^\d+\.\d+\.\d+(?:[-+]|$)/.test(version) ? 'exact' : 'range', value: version };
}

function normalizeBuildfacts(
  buildfacts: Partial<Record<Toolchain, string>> | Toolchain[] | undefined,
): Buildfacts {
  if (buildfacts === undefined) return {};
  if (Array.isArray(buildfacts)) return Object.fromEntries(buildfacts.map((name) => [name, null]));
  return { ...buildfacts };
}

function normalizeStep(step: RawBuildStep): BuildStep {
  if ('shell' in step) return { kind: 'shell', command: step.shell };
  if ('gradle' in step)
    return {
      kind: 'gradle',
      tasks: step.gradle.tasks,
      useWrapper: step.gradle.useWrapper ?? false,
    };
  if ('maven' in step)
    return { kind: 'maven', goals: step.maven.goals, useWrapper: step.maven.useWrapper ?? false };
  if ('npm' in step) {
    return {
      kind: 'npm',
      command: 'script' in step.npm ? `run ${step.npm.script}` : step.npm.command,
    };
  }
  if ('go' in step) return { kind: 'go', command: step.go.command };
  if ('pip' in step) return { kind: 'pip', command: step.pip.command };
  return { kind: 'make', targets: step.make.targets };
}

function normalizeService(service: RawService, raw: RawManifest): Service {
  const [namespace = raw.namespace, name = raw.application.name] =
    service.application?.split('/') ?? [];
  const min = service.instances?.min ?? 1;
  return {
    name: service.name,
    external:
      service.external_url === undefined ? undefined : externalEndpoint(service.external_url),
    application: { namespace, name },
    instances: { min, max: service.instances?.max ?? Math.max(min, 1) },
  };
}

function externalEndpoint(url: string): ExternalEndpoint {
  const withoutScheme = url.replace(/^https:\/\//, '');
  const slash = withoutScheme.indexOf('/');
  return slash < 0
    ? { url, host: withoutScheme, path: '/' }
    : { url, host: withoutScheme.slice(0, slash), path: withoutScheme.slice(slash) };
}

function normalizeEnvironments(raw: RawManifest): Record<string, EnvironmentSettings> {
  const configured = raw.environments ?? {};
  const names = [...new Set([...DEFAULT_ENVIRONMENTS, ...Object.keys(configured)])];
  return Object.fromEntries(
    names.map((name) => [
      name,
      { namespace: configured[name]?.namespace ?? `${raw.namespace}-${name}` },
    ]),
  );
}
