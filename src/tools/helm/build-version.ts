import { readGoBuildInfo, type GoBuildInfo } from '../go-buildinfo.js';

/**
 * The version of a helm binary from what Go recorded when it was built
 * (src/tools/go-buildinfo.ts), so no `helm version` process is needed:
 *
 * - a build from a clean checkout of a release tag with Go 1.24 or later
 *   records the tag as the main module's version (`mod helm.sh/helm/v4 v4.1.4`);
 * - an older Go records `(devel)` and the commit: a release is then known by
 *   its commit (the table below, each entry checked against `helm version` of
 *   that release's official binary).
 *
 * A modified checkout, an untagged commit, a build without VCS stamps (a
 * `go install` from the module proxy, whose `helm version` is set by linker
 * flags that build info does not record) or any other program is undefined:
 * the caller asks the binary.
 */

/** Release commits whose builds record `(devel)`: commit → the version `helm version` reports. */
const RELEASE_COMMITS: Readonly<Record<string, string>> = {
  e4da49785aa6e6ee2b86efd5dd9e43400318262b: 'v3.17.3',
  '05fa37973dc9e42b76e1d2883494c87174b6074f': 'v4.1.4',
};

export function helmVersionFromBuild(info: GoBuildInfo | undefined): string | undefined {
  const major = /^helm\.sh\/helm\/v([34])\/cmd\/helm$/.exec(info?.path ?? '')?.[1];
  const revision = info?.settings['vcs.revision'];
  if (!info || !major || !revision || info.settings['vcs.modified'] !== 'false') return undefined;
  const sameMajor = (version: string | undefined) =>
    version !== undefined && new RegExp(`^v${major}\\.\\d+\\.\\d+$`).test(version)
      ? version
      : undefined;
  if (info.main?.path === `helm.sh/helm/v${major}`) {
    const tagged = sameMajor(info.main.version);
    if (tagged) return tagged;
  }
  return sameMajor(RELEASE_COMMITS[revision]);
}

/** The version of the helm at `binary` from its build info; undefined when it cannot be told. */
export function helmBinaryVersion(binary: string): string | undefined {
  return helmVersionFromBuild(readGoBuildInfo(binary));
}
