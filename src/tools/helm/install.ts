import { UserError } from '../../errors.js';
import { installTool } from '../install.js';
import { findOnPath } from '../path.js';
import type { HelmHome } from './home.js';

/**
 * Which helm an action runs: the `helm-version` input read, and the binary
 * found on PATH or installed from get.helm.sh (or a mirror) through the
 * verified, cached download of src/tools/install.ts.
 */

/** The helm an action uses unless its `helm-version` input says otherwise. */
export const DEFAULT_HELM_VERSION = 'v3.17.3';
/** Helm's official download location: `<base>/helm-<version>-<os>-<arch>.tar.gz` and `.sha256sum`. */
export const HELM_DOWNLOAD_URL = 'https://get.helm.sh';

/** Where to get helm: `path` (the helm on PATH) or an exact version to install. */
export type HelmSource = { kind: 'path' } | { kind: 'release'; version: string };

/** Parses a `helm-version` input: `path`, or an exact version `v3.17.3` / `3.17.3`. */
export function parseHelmVersion(value: string, input = 'helm-version'): HelmSource {
  const text = value.trim();
  if (text === 'path') return { kind: 'path' };
  const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(text);
  if (!match) {
    throw new UserError(
      `Input "${input}" is "${value}", which is neither an exact helm version nor "path".`,
      {
        fix: `write an exact release such as ${DEFAULT_HELM_VERSION} or v4.1.4 (ranges and "latest" are not pinned), or "path" for the helm on PATH.`,
      },
    );
  }
  const version = `v${match[1]}`;
  const major = Number(version.slice(1).split('.')[0]);
  if (major !== 3 && major !== 4) {
    throw new UserError(
      `Input "${input}" asks for helm ${version}; helm 3 and helm 4 are supported.`,
      {
        fix: `use a helm 3 or helm 4 release, such as ${DEFAULT_HELM_VERSION} or v4.1.4.`,
      },
    );
  }
  return { kind: 'release', version };
}

/** The inputs of every action that installs helm (the naming table's helm rows). */
export interface HelmInputs {
  /** Empty: DEFAULT_HELM_VERSION, the helm this release pins. */
  'helm-version': string | undefined;
  /** Empty: HELM_DOWNLOAD_URL. */
  'helm-download-url': string | undefined;
}

/** Where the helm an action's inputs ask for comes from (checked before any work). */
export function helmSourceOf(inputs: HelmInputs): HelmSource {
  return parseHelmVersion(inputs['helm-version'] ?? DEFAULT_HELM_VERSION);
}

/** The setup options an action's helm inputs give. */
export function helmSetupOptions(inputs: HelmInputs, home: HelmHome): HelmSetupOptions {
  const downloadUrl = inputs['helm-download-url'];
  return { home, ...(downloadUrl ? { downloadUrl } : {}), downloadInput: 'helm-download-url' };
}

export interface HelmSetupOptions {
  /** Base of the download location (a mirror of get.helm.sh); default the official one. */
  downloadUrl?: string;
  /** Name of the input that sets downloadUrl, for messages. */
  downloadInput?: string;
  /** The private home the helm is opened in; default a fresh one. */
  home?: HelmHome;
}

/** The helm binary a `helm-version` input names: the one on PATH, or that release installed. */
export async function locateHelm(
  source: HelmSource,
  options: HelmSetupOptions = {},
): Promise<string> {
  if (source.kind === 'path') {
    const binary = findOnPath(process.platform === 'win32' ? 'helm.exe' : 'helm');
    if (!binary) {
      throw new UserError('helm-version is "path", but there is no helm on PATH.', {
        fix: 'install helm in an earlier step, or set helm-version to a release such as v3.17.3 to have it installed.',
      });
    }
    return binary;
  }
  const { os, arch } = helmPlatform();
  const base = (options.downloadUrl ?? HELM_DOWNLOAD_URL).replace(/\/+$/, '');
  const windows = os === 'windows';
  const file = `helm-${source.version}-${os}-${arch}.${windows ? 'zip' : 'tar.gz'}`;
  const installed = await installTool({
    tool: 'helm',
    version: source.version,
    url: `${base}/${file}`,
    checksumUrl: `${base}/${file}.sha256sum`,
    archive: windows ? 'zip' : 'tar.gz',
    binary: `${os}-${arch}/helm${windows ? '.exe' : ''}`,
    ...(options.downloadUrl
      ? { locationHint: `check the ${options.downloadInput ?? 'download URL'} input, ${base}` }
      : {}),
  });
  return installed.path;
}

/** Helm's names for this machine: linux/darwin/windows and amd64/arm64/…. */
export function helmPlatform(
  platform: NodeJS.Platform = process.platform,
  cpu: string = process.arch,
): { os: string; arch: string } {
  const os = platform === 'win32' ? 'windows' : platform;
  const arches: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
  };
  const arch = arches[cpu];
  if (!arch || !['linux', 'darwin', 'windows'].includes(os)) {
    throw new UserError(`helm publishes no binary for ${platform}/${cpu}.`, {
      fix: 'install helm yourself in an earlier step and set helm-version: path.',
    });
  }
  return { os, arch };
}
