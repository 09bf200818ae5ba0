import type { AppManifest } from '../manifest/index.js';

/**
 * `package: deb`: the artifacts as a Debian package with the standard
 * install layout, as the practice this product comes from did it. The files
 * go under /opt/<namespace>/<application>/, the package is named
 * <namespace>-<application> and carries the image's version; the image
 * installs it from a build stage on the builder image (dpkg-deb), so the
 * runtime image needs no dpkg of its own.
 */
export interface DebPackage {
  readonly name: string;
  /** The Debian form of the version: a semver pre-release `-rc.1` becomes `~rc.1`. */
  readonly version: string;
  /** Where the package installs the application, and the image's working directory. */
  readonly installDir: string;
  /** DEBIAN/control. */
  readonly control: string;
}

export function debPackage(manifest: AppManifest, version: string): DebPackage {
  const { namespace } = manifest;
  const { name, type } = manifest.application;
  const packageName = `${namespace}-${name}`;
  const control = [
    `Package: ${packageName}`,
    `Version: ${debianVersion(version)}`,
    'Architecture: all',
    `Maintainer: ${namespace} team`,
    'Section: misc',
    'Priority: optional',
    `Description: ${name} (${type}) of team ${namespace}`,
    ` Built from default.json by pipeline-actions build-image; installs into`,
    ` /opt/${namespace}/${name}.`,
    '',
  ].join('\n');
  return {
    name: packageName,
    version: debianVersion(version),
    installDir: `/opt/${namespace}/${name}`,
    control,
  };
}

/** semver → Debian version: the pre-release separator `-` would mean a Debian revision. */
export function debianVersion(version: string): string {
  const plus = version.indexOf('+');
  const core = plus < 0 ? version : version.slice(0, plus);
  const build = plus < 0 ? '' : version.slice(plus);
  const dash = core.indexOf('-');
  return (
    (dash < 0 ? core : `${core.slice(0, dash)}~${core.slice(dash + 1).replace(/-/g, '.')}`) + build
  );
}
