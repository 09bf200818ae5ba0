import { randomUUID } from 'node:crypto';
// The subpaths, not the package's index: it also loads its schema files from
// beside itself (__dirname), which an ES module bundle does not have.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { PackageURL } from 'packageurl-js';
import type { DebianPackage, OsRelease } from '../policy/packages.js';
import type { Dependency } from './lockfiles.js';
import { FACTS_PROPERTY, FACTS_VERSION, OS_RELEASE_FIELDS, OS_RELEASE_PROPERTY } from './read.js';

/**
 * The SBOM of an image as a CycloneDX 1.6 JSON document, written with the
 * OWASP CycloneDX library: the image itself (a container, by digest), its
 * distribution and every installed Debian package (from the image's dpkg
 * database), and the language dependencies its sources' lock files declare
 * (development ones with scope "excluded": used to build, not shipped).
 * Its metadata says (FACTS_PROPERTY) that the packages and distribution are
 * recorded whole, so a later run may read them back (./read.ts).
 */

export { SBOM_MEDIA_TYPE } from '../oci/media-types.js';
/** The property that names the lock file a dependency comes from. */
export const LOCKFILE_PROPERTY = 'pipeline-actions:lockfile';

export interface SbomInput {
  /** `registry/path/app`, without tag. */
  readonly image: string;
  /** The manifest digest the SBOM describes. */
  readonly digest: string;
  readonly version: string;
  readonly os: OsRelease | undefined;
  readonly packages: ReadonlyMap<string, DebianPackage>;
  readonly dependencies: readonly Dependency[];
  /** The tool that wrote it: name and version. */
  readonly tool: { readonly name: string; readonly version: string };
  /** Defaults to now; tests fix it. */
  readonly timestamp?: Date;
  readonly serialNumber?: string;
}

export function sbomDocument(input: SbomInput): string {
  const bom = new Models.Bom({
    serialNumber: input.serialNumber ?? `urn:uuid:${randomUUID()}`,
  });
  const imagePurl = containerPurl(input.image, input.digest);
  bom.metadata.timestamp = input.timestamp ?? new Date();
  bom.metadata.component = new Models.Component(
    Enums.ComponentType.Container,
    input.image.slice(input.image.lastIndexOf('/') + 1),
    { bomRef: imagePurl, purl: imagePurl, version: input.version },
  );
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, input.tool.name, {
      version: input.tool.version,
    }),
  );

  bom.metadata.properties.add(new Models.Property(FACTS_PROPERTY, FACTS_VERSION));

  if (input.os) {
    const os = input.os;
    const system = new Models.Component(Enums.ComponentType.OperatingSystem, os.id, {
      bomRef: `os:${os.id}@${os.versionId ?? 'unknown'}`,
      ...(os.versionId ? { version: os.versionId } : {}),
      ...(os.prettyName ? { description: os.prettyName } : {}),
    });
    for (const [key, field] of Object.entries(OS_RELEASE_FIELDS)) {
      const value = os[field];
      if (value !== undefined)
        system.properties.add(new Models.Property(OS_RELEASE_PROPERTY + key, value));
    }
    bom.components.add(system);
  }
  const distro = input.os?.versionId ? `${input.os.id}-${input.os.versionId}` : undefined;
  const namespace = input.os?.id ?? 'debian';
  for (const [name, found] of input.packages) {
    const qualifiers: Record<string, string> = {};
    if (found.architecture) qualifiers.arch = found.architecture;
    if (distro) qualifiers.distro = distro;
    const purl = new PackageURL(
      'deb',
      namespace,
      name,
      found.version,
      qualifiers,
      undefined,
    ).toString();
    bom.components.add(
      new Models.Component(Enums.ComponentType.Library, name, {
        bomRef: purl,
        purl,
        version: found.version,
      }),
    );
  }

  const seen = new Set<string>();
  for (const dependency of input.dependencies) {
    // The same package in two lock files (or twice in one) is one component.
    if (seen.has(dependency.purl)) continue;
    seen.add(dependency.purl);
    const component = new Models.Component(Enums.ComponentType.Library, dependency.name, {
      bomRef: dependency.purl,
      purl: dependency.purl,
      ...(dependency.group ? { group: dependency.group } : {}),
      ...(dependency.version ? { version: dependency.version } : {}),
      ...(dependency.development ? { scope: Enums.ComponentScope.Excluded } : {}),
    });
    component.properties.add(new Models.Property(LOCKFILE_PROPERTY, dependency.file));
    bom.components.add(component);
  }

  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6),
  );
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}

/** `pkg:oci/<name>@<digest>?repository_url=<registry/path/name>`, the purl of an OCI image. */
export function containerPurl(image: string, digest: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  return new PackageURL(
    'oci',
    undefined,
    name,
    digest,
    { repository_url: image },
    undefined,
  ).toString();
}
