import { UserError } from '../../../src/errors.js';
import { chartVersionTag, validateRepository } from '../../../src/oci/index.js';

/**
 * A `destination` line: `oci://host[:port][/path]` (an OCI registry, where the
 * chart becomes `host/path/<chart>:<version>`) or `https://…` (a
 * ChartMuseum-compatible repository).
 */
const REGISTRY = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;

export type Destination =
  | { kind: 'oci'; text: string; registry: string; path: string }
  | { kind: 'http'; text: string; url: string };

export function parseDestination(text: string): Destination {
  const value = text.trim().replace(/\/+$/, '');
  if (value.startsWith('oci://')) {
    const rest = value.slice('oci://'.length);
    const slash = rest.indexOf('/');
    const registry = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? '' : rest.slice(slash + 1);
    if (!REGISTRY.test(registry) || /[@\s]/.test(rest) || path.includes(':')) {
      throw invalid(
        text,
        'an OCI destination is oci://host[:port]/path, without a chart name, tag or digest',
      );
    }
    if (path !== '') {
      try {
        validateRepository(path);
      } catch (error) {
        throw invalid(
          text,
          `"${path}" is not a valid repository path (${(error as Error).message})`,
        );
      }
    }
    return { kind: 'oci', text: value, registry, path };
  }
  if (/^https?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw invalid(text, 'it is not a valid URL');
    }
    if (url.username || url.password) {
      throw invalid(text, 'it carries credentials; pass them in the username and password inputs');
    }
    if (url.search || url.hash) throw invalid(text, 'a repository URL has no query or fragment');
    return { kind: 'http', text: value, url: url.href.replace(/\/+$/, '') };
  }
  throw invalid(
    text,
    'it must start with oci:// (an OCI registry) or https:// (a chart repository)',
  );
}

/** `path/<chart>` inside the registry. */
export function ociRepository(
  destination: Extract<Destination, { kind: 'oci' }>,
  chart: string,
): string {
  return destination.path === '' ? chart : `${destination.path}/${chart}`;
}

/**
 * The published reference: `oci://host/path/chart:<tag>`. A `+` in the version
 * is `_` in the tag (OCI tags cannot hold `+`); helm maps it back when pulling
 * with `--version`.
 */
export function ociRef(
  destination: Extract<Destination, { kind: 'oci' }>,
  chart: string,
  version: string,
): string {
  return `oci://${destination.registry}/${ociRepository(destination, chart)}:${chartVersionTag(version)}`;
}

function invalid(text: string, why: string): UserError {
  // Never repeat credentials written into a URL.
  const shown = text.replace(/\/\/[^/@\s]*@/, '//***@');
  return new UserError(`Destination "${shown}" cannot be used: ${why}.`, {
    fix: 'write one destination per line: oci://registry.example.com/team/charts or https://charts.example.com/team.',
  });
}
