import type { SourceLocation } from '../errors.js';
import type { ApplicationType, Toolchain } from './constants.js';
import type { JsonPath } from './json-path.js';

/**
 * A loaded default.json, normalized so that consumers never deal with the
 * alternative spellings the file allows: buildfacts is always a map, artifacts
 * always a list, steps a discriminated union, defaults filled in.
 */
export interface AppManifest {
  /** The path the manifest was loaded from, as given (used in messages and annotations). */
  readonly file: string;
  /** SHA-256 (hex) of the file's exact text: changes whenever the manifest does. */
  readonly sha256: string;
  /** The team's base namespace. */
  readonly namespace: string;
  readonly application: ApplicationInfo;
  readonly build: BuildPlan;
  /** Paths relative to the repository root (globs allowed); empty when none are given. */
  readonly artifacts: readonly string[];
  readonly services: readonly Service[];
  /** dev, stage and prod, plus any other environment the file names, each with its namespace. */
  readonly environments: Readonly<Record<string, EnvironmentSettings>>;
  /**
   * Where a JSON path (`['build', 'build_steps', 0]`) is in the file, for
   * problems found after loading; the property's key or (default) its value.
   * A path that does not exist points at its nearest existing ancestor.
   */
  readonly locate: (path: JsonPath, at?: 'key' | 'value') => SourceLocation;
}

export interface ApplicationInfo {
  readonly name: string;
  readonly type: ApplicationType;
  readonly version: VersionSpec;
}

/**
 * `exact`: the version to publish, as written ("3.2.1").
 * `range`: an X-range ("3.x.x", "3.2.x", "3.x"); the next free version in it is published.
 */
export interface VersionSpec {
  readonly kind: 'exact' | 'range';
  readonly value: string;
}

/**
 * Toolchain → version. `null` means the builder image's default version (the
 * file listed the toolchain by name only).
 */
export type Buildfacts = { readonly [T in Toolchain]?: string | null };

export interface BuildPlan {
  readonly buildfacts: Buildfacts;
  /** The steps in order; empty when the file has none. */
  readonly steps: readonly BuildStep[];
  /** `build_command`, only ever set when there are no steps. */
  readonly command: string | undefined;
}

/** `sh -c <command>` in the repository root. */
export interface ShellStep {
  readonly kind: 'shell';
  readonly command: string;
}

/** `gradle <tasks>`, or `./gradlew <tasks>` when useWrapper. */
export interface GradleStep {
  readonly kind: 'gradle';
  readonly tasks: string;
  readonly useWrapper: boolean;
}

/** `mvn <goals>`, or `./mvnw <goals>` when useWrapper. */
export interface MavenStep {
  readonly kind: 'maven';
  readonly goals: string;
  readonly useWrapper: boolean;
}

/** `npm <command>`; `{ "script": "build" }` in the file arrives here as command "run build". */
export interface NpmStep {
  readonly kind: 'npm';
  readonly command: string;
}

/** `go <command>`. */
export interface GoStep {
  readonly kind: 'go';
  readonly command: string;
}

/** `python3 -m pip <command>`, non-interactive. */
export interface PipStep {
  readonly kind: 'pip';
  readonly command: string;
}

/** `make <targets>`; no targets runs the Makefile's default target. */
export interface MakeStep {
  readonly kind: 'make';
  readonly targets: string | undefined;
}

export type BuildStep = ShellStep | GradleStep | MavenStep | NpmStep | GoStep | PipStep | MakeStep;

export interface Service {
  readonly name: string;
  /** Where the service is reached from outside the cluster; undefined for internal services. */
  readonly external: ExternalEndpoint | undefined;
  /** The application behind the service (`<namespace>/<name>` in the file). */
  readonly application: { readonly namespace: string; readonly name: string };
  readonly instances: { readonly min: number; readonly max: number };
}

export interface ExternalEndpoint {
  /** `external_url` as written. */
  readonly url: string;
  /** The ingress host, such as "checkout.example.com" or "*.example.com". */
  readonly host: string;
  /** The ingress path, "/" when the file gave none. */
  readonly path: string;
}

export interface EnvironmentSettings {
  readonly namespace: string;
}
