import { UserError, type SourceLocation } from '../errors.js';

/**
 * Chart versions are exact SemVer 2 (`1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`):
 * helm sorts and resolves them as semver, and an OCI tag is derived from
 * them (`+` becomes `_`, tags hold at most 128 characters).
 */

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const OCI_TAG_MAX = 128;

/** Where a version came from: an input, or a line of Chart.yaml. */
export type VersionSource = { input: string } | { location: SourceLocation };

export function checkChartVersion(version: string, source: VersionSource): void {
  const problem = versionProblem(version);
  if (!problem) return;
  const where = 'input' in source ? `Input "${source.input}"` : 'The chart version in Chart.yaml';
  const fix =
    'input' in source
      ? `set \`${source.input}\` to an exact semantic version such as 1.4.0, 1.4.0-rc.1 or 1.4.0+build.7.`
      : 'set `version:` in Chart.yaml to an exact semantic version such as 1.4.0 (or pass the version input).';
  throw new UserError(`${where} is "${version}", which ${problem}.`, {
    fix,
    ...('location' in source ? { location: source.location } : {}),
  });
}

function versionProblem(version: string): string | undefined {
  if (/^[vV]\d/.test(version) && SEMVER.test(version.slice(1))) {
    return 'starts with "v"; chart versions are plain semver';
  }
  if (!SEMVER.test(version)) {
    return 'is not a semantic version (MAJOR.MINOR.PATCH, optionally -prerelease and +build)';
  }
  if (version.length > OCI_TAG_MAX) {
    return `is longer than the ${OCI_TAG_MAX} characters an OCI tag can hold`;
  }
  return undefined;
}
