import { UserError } from '../errors.js';
import type { AppManifest, Buildfacts, Toolchain } from '../manifest/index.js';
import type { BuilderImage, Catalog, RuntimeImage } from './catalog.js';

/**
 * Choosing the standard images for an application: the runtime by its
 * `application.type`, the builder by its `buildfacts`.
 */

export function selectRuntime(catalog: Catalog, manifest: AppManifest): RuntimeImage {
  const type = manifest.application.type;
  const runtime = catalog.runtimes[type];
  if (runtime) return runtime;
  const known = Object.keys(catalog.runtimes);
  throw new UserError(
    `The standard-image catalog has no runtime image for application.type "${type}" (it has: ${known.join(', ') || 'none'}).`,
    {
      fix: `use one of those types in ${manifest.file}, or ask the platform team to add a "${type}" runtime to the catalog.`,
      location: { file: manifest.file },
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
        fix: `add the toolchains the build needs, such as "buildfacts": { "nodejs": "18" }; the catalog's builders provide: ${describeBuilders(catalog)}.`,
        location: { file: manifest.file },
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
      location: { file: manifest.file },
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
  return catalog.builders
    .map(
      (b) =>
        `${b.name} (${Object.entries(b.toolchains)
          .map(([t, v]) => `${t} ${v}`)
          .join(', ')})`,
    )
    .join('; ');
}
