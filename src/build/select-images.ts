import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, UserErrors } from '../errors.js';
import type { AppManifest, BuildStepKind, Buildfacts, Toolchain } from '../manifest/index.js';
import { isVariants, type BuilderImage, type Catalog, type RuntimeImage } from './catalog.js';

/**
 * Choosing the standard images for an application: the runtime by its
 * `application.type`, the builder by its `buildfacts`.
 */

export function selectRuntime(catalog: Catalog, manifest: AppManifest): RuntimeImage {
  const type = manifest.application.type;
  const choice = catalog.runtimes[type];
  if (choice && !isVariants(choice)) return choice;
  if (choice) {
    // One runtime per language: the first buildfact that has one, else the default.
    const wanted = Object.keys(manifest.build.buildfacts) as Toolchain[];
    for (const toolchain of wanted) {
      const runtime = choice.variants[toolchain];
      if (runtime) return runtime;
    }
    if (choice.variants.default) return choice.variants.default;
    const offered = Object.keys(choice.variants);
    throw new UserError(
      `The standard-image catalog has a runtime for application.type "${type}" per language (${offered.join(', ')}), and build.system_setup.buildfacts names none of them${wanted.length ? ` (it names ${wanted.join(', ')})` : ''}.`,
      {
        fix: `add the application's language to "buildfacts" (one of ${offered.join(', ')}), or ask the platform team for a "${type}" runtime for ${wanted[0] ?? 'your language'}.`,
        location: manifest.locate(['build', 'system_setup', 'buildfacts']),
      },
    );
  }
  const known = Object.keys(catalog.runtimes);
  throw new UserError(
    `The standard-image catalog has no runtime image for application.type "${type}" (it has: ${known.join(', ') || 'none'}).`,
    {
      fix: `use one of those types, or ask the platform team to add a "${type}" runtime to the catalog.`,
      location: manifest.locate(['application', 'type']),
    },
  );
}

/** Whether the build needs a builder container at all. */
export function needsBuilder(manifest: AppManifest, packageFormat: string): boolean {
  return (
    manifest.build.steps.length > 0 ||
    manifest.build.command !== undefined ||
    packageFormat === 'deb'
  );
}

/**
 * The builder that provides every toolchain the buildfacts ask for, at the
 * version asked for ("18" matches 18 and 18.x; no version takes any). Of
 * several, the one with the fewest other toolchains wins, then file order.
 * Without buildfacts, the catalog's default builder.
 */
export function selectBuilder(catalog: Catalog, manifest: AppManifest): BuilderImage {
  const wanted = Object.entries(manifest.build.buildfacts) as [Toolchain, string | null][];
  if (wanted.length === 0) {
    const fallback = catalog.builders.find((b) => b.name === catalog.defaultBuilder);
    if (fallback) return fallback;
    throw new UserError(
      `${manifest.file} names no build.system_setup.buildfacts, and the catalog has no default builder.`,
      {
        fix: `add the toolchains the build needs, such as "buildfacts": { "nodejs": "24" }; the catalog's builders provide: ${describeBuilders(catalog)}.`,
        location: manifest.locate(['build']),
      },
    );
  }
  const fits = catalog.builders.filter((builder) =>
    wanted.every(([toolchain, version]) => provides(builder, toolchain, version)),
  );
  if (fits.length > 0) {
    return fits.reduce((best, next) => (toolchainCount(next) < toolchainCount(best) ? next : best));
  }
  throw new UserError(
    `No standard builder provides ${describeWanted(manifest.build.buildfacts)} (build.system_setup.buildfacts).`,
    {
      fix: `ask for what a builder provides — ${describeBuilders(catalog)} — or ask the platform team for a builder with ${describeWanted(manifest.build.buildfacts)}.`,
      location: manifest.locate(['build', 'system_setup', 'buildfacts']),
    },
  );
}

function provides(builder: BuilderImage, toolchain: Toolchain, version: string | null): boolean {
  const has = builder.toolchains[toolchain];
  if (has === undefined) return false;
  if (version === null || version === '' || version === 'default') return true;
  return has === version || has.startsWith(`${version}.`);
}

function toolchainCount(builder: BuilderImage): number {
  return Object.keys(builder.toolchains).length;
}

function describeWanted(buildfacts: Buildfacts): string {
  return Object.entries(buildfacts)
    .map(([toolchain, version]) => (version ? `${toolchain} ${version}` : toolchain))
    .join(' + ');
}

function describeBuilders(catalog: Catalog): string {
  if (catalog.builders.length === 0) return '(the catalog has no builders)';
  return catalog.builders.map((b) => `${b.name} (${describeToolchains(b)})`).join('; ');
}

/** The toolchain each kind of build step runs; shell and make need none beyond the image's shell. */
export const STEP_TOOLCHAINS: Readonly<Record<BuildStepKind, Toolchain | undefined>> = {
  shell: undefined,
  make: undefined,
  gradle: 'java',
  maven: 'java',
  npm: 'nodejs',
  go: 'go',
  pip: 'python',
};

export interface ChosenImages {
  readonly runtime: RuntimeImage;
  readonly builder: BuilderImage | undefined;
}

/**
 * The standard images for a build, with everything that can be known before
 * a container runs checked up front: the runtime for application.type, the
 * builder for the buildfacts, every build step's tool among the builder's
 * toolchains, and a wrapper script (./gradlew, ./mvnw) present where a step
 * asks for one. Every problem is reported at once, each at its place in
 * default.json.
 */
export function chooseImages(
  catalog: Catalog,
  manifest: AppManifest,
  options: { packageFormat: string; context?: string },
): ChosenImages {
  const errors: UserError[] = [];
  const attempt = <T>(choose: () => T): T | undefined => {
    try {
      return choose();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const runtime = attempt(() => selectRuntime(catalog, manifest));
  const builder = needsBuilder(manifest, options.packageFormat)
    ? attempt(() => selectBuilder(catalog, manifest))
    : undefined;
  if (builder) errors.push(...stepToolProblems(catalog, manifest, builder));
  if (options.context) errors.push(...wrapperProblems(manifest, options.context));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1)
    throw new UserErrors(
      `${manifest.file} asks for what the standard images cannot do (${errors.length} problems); nothing was built:`,
      errors,
    );
  return { runtime: runtime!, builder };
}

function stepToolProblems(
  catalog: Catalog,
  manifest: AppManifest,
  builder: BuilderImage,
): UserError[] {
  const problems: UserError[] = [];
  manifest.build.steps.forEach((step, index) => {
    const toolchain = STEP_TOOLCHAINS[step.kind];
    if (!toolchain || builder.toolchains[toolchain] !== undefined) return;
    const wanted = [
      ...new Set([...(Object.keys(manifest.build.buildfacts) as Toolchain[]), toolchain]),
    ];
    const fitting = catalog.builders.filter((b) =>
      wanted.every((t) => b.toolchains[t] !== undefined),
    );
    const how = fitting.length
      ? `add "${toolchain}" to build.system_setup.buildfacts (${wanted.join(' + ')} chooses the builder "${fitting[0]!.name}")`
      : `no builder of the catalog provides ${wanted.join(' + ')}: ask the platform team for one, or use a shell step with the tools the builder has`;
    problems.push(
      new UserError(
        `$.build.build_steps[${index}]: a ${step.kind} step needs ${toolchain}, and the builder "${builder.name}" chosen for ${Object.keys(manifest.build.buildfacts).join(' + ') || 'this build'} does not provide it (it has ${describeToolchains(builder)}).`,
        {
          fix: `${how}.`,
          location: manifest.locate(['build', 'build_steps', index, step.kind], 'key'),
        },
      ),
    );
  });
  return problems;
}

function wrapperProblems(manifest: AppManifest, context: string): UserError[] {
  const problems: UserError[] = [];
  manifest.build.steps.forEach((step, index) => {
    if ((step.kind !== 'gradle' && step.kind !== 'maven') || !step.useWrapper) return;
    const script = step.kind === 'gradle' ? 'gradlew' : 'mvnw';
    if (existsSync(join(context, script))) return;
    problems.push(
      new UserError(
        `$.build.build_steps[${index}].${step.kind}.useWrapper: the step runs ./${script}, and the repository has no ${script} at its root.`,
        {
          fix: `commit the ${step.kind === 'gradle' ? 'Gradle' : 'Maven'} wrapper (${script} and its ${step.kind === 'gradle' ? 'gradle/wrapper/' : '.mvn/wrapper/'} files), or set "useWrapper": false to use the builder's ${step.kind}.`,
          location: manifest.locate(
            ['build', 'build_steps', index, step.kind, 'useWrapper'],
            'key',
          ),
        },
      ),
    );
  });
  return problems;
}

function describeToolchains(builder: BuilderImage): string {
  return Object.entries(builder.toolchains)
    .map(([t, v]) => `${t} ${v}`)
    .join(', ');
}
