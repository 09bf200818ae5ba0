import { PackageURL } from 'packageurl-js';
import { errorMessage } from '../errors.js';
import { SBOM_MEDIA_TYPE, type Referrer, type RegistryClient } from '../oci/index.js';
import type { RecordedSystem } from '../policy/facts.js';
import type { DebianPackage, ImageSystem, OsRelease } from '../policy/packages.js';

/**
 * The image system (Debian packages and distribution) read back from an SBOM
 * that build-image wrote, so a run that reuses an image need not download
 * its layers again (src/policy/facts.ts). Only a document that says it
 * records the whole system is read: build-image's tool entry and the
 * FACTS_PROPERTY at the current FACTS_VERSION. An older or foreign SBOM
 * answers why it cannot be used, and the caller reads the layers.
 *
 * This module loads no CycloneDX library: a rerun reads the document as JSON.
 */

/** The tool entry build-image writes into its SBOMs' metadata. */
export const SBOM_TOOL_NAME = 'pipeline-actions build-image';
/**
 * A metadata property: the document lists every installed Debian package
 * with its version and architecture, and the distribution with its
 * os-release ID, VERSION_ID, VERSION_CODENAME and PRETTY_NAME, as read from
 * the layers. Raise FACTS_VERSION when what the layers are read for changes
 * (src/policy/packages.ts): older SBOMs are then no longer trusted for it.
 */
export const FACTS_PROPERTY = 'pipeline-actions:image-facts';
export const FACTS_VERSION = '1';
/**
 * Properties of the operating-system component, one per os-release field the
 * file sets (`pipeline-actions:os-release:VERSION_ID`): exact where the
 * component's own fields are not (CycloneDX drops an empty version).
 */
export const OS_RELEASE_PROPERTY = 'pipeline-actions:os-release:';
/** The os-release fields besides ID, as OsRelease names them. */
export const OS_RELEASE_FIELDS = {
  VERSION_ID: 'versionId',
  VERSION_CODENAME: 'codename',
  PRETTY_NAME: 'prettyName',
} as const satisfies Record<string, keyof OsRelease>;

/** An SBOM document is read whole; a bigger one is not read (the layers are). */
export const MAX_SBOM_BYTES = 64 * 1024 * 1024;
/** SBOMs of one image tried before the layers are read. */
const MAX_SBOMS = 3;

export type SbomSystem = { readonly system: ImageSystem } | { readonly unusable: string };

interface Component {
  type?: unknown;
  name?: unknown;
  version?: unknown;
  description?: unknown;
  purl?: unknown;
  properties?: unknown;
}

/** The system `json` (a parsed CycloneDX document) records for the image `digest`. */
export function systemFromSbom(json: unknown, digest: string): SbomSystem {
  const bom = (json ?? {}) as { metadata?: Record<string, unknown>; components?: unknown };
  const metadata = bom.metadata ?? {};
  const tools = (metadata.tools as { components?: Component[] } | undefined)?.components ?? [];
  if (!Array.isArray(tools) || !tools.some((tool) => tool?.name === SBOM_TOOL_NAME))
    return { unusable: 'it was written by another tool' };
  const recorded = property(metadata.properties, FACTS_PROPERTY);
  if (recorded !== FACTS_VERSION) {
    return {
      unusable:
        recorded === undefined
          ? 'it was written by an older build-image that did not record every fact the policy reads'
          : `it records image facts version ${recorded}, not ${FACTS_VERSION}`,
    };
  }
  const subject = purlOf((metadata.component as Component | undefined)?.purl);
  if (subject?.type !== 'oci' || subject.version !== digest)
    return { unusable: `it describes another image than ${digest}` };
  if (!Array.isArray(bom.components)) return { unusable: 'it has no component list' };

  const packages = new Map<string, DebianPackage>();
  const systems: OsRelease[] = [];
  for (const component of bom.components as Component[]) {
    if (component?.type === 'operating-system' && typeof component.name === 'string') {
      const field = (key: keyof typeof OS_RELEASE_FIELDS) =>
        property(component.properties, OS_RELEASE_PROPERTY + key);
      systems.push({
        id: component.name,
        versionId: field('VERSION_ID'),
        codename: field('VERSION_CODENAME'),
        prettyName: field('PRETTY_NAME'),
      });
      continue;
    }
    const purl = purlOf(component?.purl);
    if (purl?.type !== 'deb' || typeof component.name !== 'string') continue;
    if (packages.has(component.name))
      return { unusable: `it lists the package ${component.name} twice` };
    packages.set(component.name, {
      version: text(component.version) ?? '',
      architecture: purl.qualifiers?.arch ?? '',
    });
  }
  if (systems.length > 1) return { unusable: 'it lists more than one operating system' };
  return { system: { packages, os: systems[0] } };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function property(properties: unknown, name: string): string | undefined {
  if (!Array.isArray(properties)) return undefined;
  const found = (properties as { name?: unknown; value?: unknown }[]).find((p) => p?.name === name);
  return text(found?.value);
}

/** The parsed purl; undefined when it is missing or not one. */
function purlOf(purl: unknown): PackageURL | undefined {
  if (typeof purl !== 'string') return undefined;
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}

/**
 * The system the first usable SBOM of the image `digest` records, or why
 * none was usable. `sboms`: the SBOMs that refer to it (findSbom's answer).
 */
export async function recordedSystem(
  client: RegistryClient,
  repository: string,
  digest: string,
  sboms: Promise<readonly Referrer[]>,
): Promise<RecordedSystem> {
  let found: readonly Referrer[];
  try {
    found = await sboms;
  } catch (error) {
    return { unusable: `its SBOMs could not be listed: ${errorMessage(error)}` };
  }
  if (found.length === 0) return { unusable: 'the image has no SBOM' };
  const reasons: string[] = [];
  for (const referrer of found.slice(0, MAX_SBOMS)) {
    const read = await readSbom(client, repository, digest, referrer.digest).catch(
      (error: unknown) => ({ unusable: errorMessage(error) }),
    );
    if ('system' in read) return { system: read.system, digest: referrer.digest };
    reasons.push(`SBOM ${referrer.digest} not used: ${read.unusable}`);
  }
  return { unusable: reasons.join('; ') };
}

async function readSbom(
  client: RegistryClient,
  repository: string,
  digest: string,
  sbom: string,
): Promise<SbomSystem> {
  const manifest = (await client.getManifest(repository, sbom)).json as {
    subject?: { digest?: string };
    layers?: { digest: string; mediaType: string }[];
  };
  if (manifest.subject?.digest !== digest) return { unusable: 'it refers to another image' };
  const document = manifest.layers?.find((layer) => layer.mediaType === SBOM_MEDIA_TYPE);
  if (!document) return { unusable: 'it has no CycloneDX document' };
  const bytes = await client.getBlob(repository, document.digest, MAX_SBOM_BYTES);
  return systemFromSbom(JSON.parse(bytes.toString('utf8')) as unknown, digest);
}
