import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as core from '../core.js';
import { errorMessage, UserError } from '../errors.js';
import { isLoopbackHost } from '../http/proxy.js';
import { HttpTransport, transientStatus } from '../http/transport.js';
import { retry } from '../retry.js';
import { findCached, installTool as installRelease } from '../tools/install.js';
import { InfrastructureFailure } from './failures.js';
import { PackageInstaller } from './package-installer.js';
import type { Platform } from './platform.js';
import { PRODUCT_LABEL, type Product } from './tool.js';

/**
 * Installs CINC Auditor or Chef InSpec from the vendor's package service.
 *
 * Both vendors run an "omnitruck" service (docs.chef.io/api_omnitruck):
 * `GET <base>/<channel>/<product>/metadata?v=&p=&pv=&m=` answers with the
 * package URL and its sha256, as `key value` lines. CINC's is
 * omnitruck.cinc.sh (packages on downloads.cinc.sh); Chef's commercial one is
 * chefdownload-commercial.chef.io and also needs `license_id`. Downloading,
 * checking that sha256 and caching by version is the shared tool installer's
 * job (src/tools/install.ts: the HTTP transport, then @actions/tool-cache).
 *
 * Omnibus packages (.deb, .rpm) embed a Ruby built for /opt/<product> (no
 * --enable-load-relative), so they cannot run from the tool cache: the
 * verified package is cached and installed with dpkg or rpm. A .tar.gz (a
 * mirror's relocatable build with bin/<product> at its top, and the install
 * tests) is extracted into the tool cache and run from there.
 */

/** The CINC Auditor / InSpec version inspec-verify installs unless its `inspec-version` input says otherwise. */
export const DEFAULT_INSPEC_VERSION = '6.8.24';

export const DEFAULT_DOWNLOAD_URLS: Record<Product, string> = {
  'cinc-auditor': 'https://omnitruck.cinc.sh',
  inspec: 'https://chefdownload-commercial.chef.io',
};

export interface InstallRequest {
  product: Product;
  /** Exact (6.8.24) or partial (6) version, as omnitruck accepts it. */
  version: string;
  /** Base URL of an omnitruck-compatible service (a mirror, or a test server). */
  baseUrl: string;
  platform: Platform;
  licenseKey?: string;
  channel?: string;
}

export interface PackageMetadata {
  url: string;
  sha256: string;
  version: string;
}

export interface Installed {
  executable: string;
  version: string;
  from: 'tool-cache' | 'download';
}

const METADATA_TIMEOUT_MS = 30_000;
const METADATA_MAX_BYTES = 1024 * 1024;

export function metadataUrl(request: InstallRequest): string {
  const url = new URL(
    `${request.channel ?? 'stable'}/${request.product}/metadata`,
    request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`,
  );
  const { p, pv, m } = request.platform;
  for (const [key, value] of Object.entries({ v: request.version, p, pv, m })) {
    url.searchParams.set(key, value);
  }
  if (request.licenseKey) url.searchParams.set('license_id', request.licenseKey);
  return url.toString();
}

/** `sha256 <hex>` / `url <url>` / `version <v>` lines, or the same keys as JSON. */
export function parseMetadata(body: string, source: string): PackageMetadata {
  let fields: Record<string, unknown> = {};
  if (body.trimStart().startsWith('{')) {
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      fields = {};
    }
  } else {
    for (const line of body.split('\n')) {
      const [key, ...rest] = line.trim().split(/\s+/);
      if (key) fields[key] = rest.join(' ');
    }
  }
  const { url, sha256, version } = fields;
  if (typeof url !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new InfrastructureFailure(
      `the package service answered without a package URL and sha256 (${source}).`,
      {
        fix: 'check `inspec-download-url`: it must be an omnitruck-compatible service.',
      },
    );
  }
  return { url, sha256: sha256.toLowerCase(), version: typeof version === 'string' ? version : '' };
}

export async function fetchMetadata(request: InstallRequest): Promise<PackageMetadata> {
  const url = metadataUrl(request);
  requireSecureUrl(url, 'inspec-download-url');
  const shown = url.replace(/license_id=[^&]+/, 'license_id=***');
  const transport = new HttpTransport({
    userAgent: 'pipeline-actions/inspec-verify',
    timeoutMs: METADATA_TIMEOUT_MS,
  });
  const body = await retry(async () => {
    const response = await transport.requestFollowing({
      method: 'GET',
      url: new URL(url),
      headers: { accept: 'text/plain' },
      maxBodyBytes: METADATA_MAX_BYTES,
    });
    const status = response.status;
    if (status === 200) return response.body.toString('utf8');
    const transient = transientStatus(response, `${shown} answered HTTP ${status}`);
    if (transient) throw transient;
    throw new UserError(
      `No ${PRODUCT_LABEL[request.product]} ${request.version} package for ${request.platform.p} ${request.platform.pv} ${request.platform.m} (${shown} answered HTTP ${status}).`,
      {
        fix:
          status === 401 || status === 403
            ? 'Chef InSpec downloads need a valid `license-key`; or use `tool: cinc-auditor`.'
            : `check \`inspec-version\` (an existing release, e.g. ${DEFAULT_INSPEC_VERSION}) and \`inspec-download-url\`.`,
      },
    );
  }).finally(() => transport.close());
  return parseMetadata(body, shown);
}

export async function installTool(request: InstallRequest): Promise<Installed> {
  const label = PRODUCT_LABEL[request.product];
  const cached = await findCached(request.product, request.version);
  if (cached && existsSync(join(cached, 'bin', request.product))) {
    core.info(`Using ${label} from the tool cache: ${cached}`);
    return {
      executable: join(cached, 'bin', request.product),
      version: basename(dirname(cached)),
      from: 'tool-cache',
    };
  }
  const metadata = await fetchMetadata(request);
  requireSecureUrl(metadata.url, 'the package URL');
  const version = metadata.version || request.version;
  const file = basename(new URL(metadata.url).pathname);
  const release = {
    version,
    url: metadata.url,
    sha256: metadata.sha256,
    locationHint: 'check `inspec-download-url` and `inspec-version`',
  };
  try {
    if (/\.(tar\.gz|tgz)$/i.test(file)) {
      const installed = await installRelease({
        ...release,
        tool: request.product,
        archive: 'tar.gz',
        binary: `bin/${request.product}`,
      });
      return {
        executable: installed.path,
        version,
        from: installed.cached ? 'tool-cache' : 'download',
      };
    }
    const manager = /\.deb$/i.test(file) ? 'dpkg' : /\.rpm$/i.test(file) ? 'rpm' : undefined;
    if (!manager) {
      throw new UserError(`The package ${metadata.url} is neither a .tar.gz, a .deb nor an .rpm.`, {
        fix: 'install the tool in an earlier step and give its path in `executable`.',
      });
    }
    // The verified package is what is cached; dpkg/rpm put the tool in /opt.
    const verified = await installRelease({
      ...release,
      tool: `${request.product}-package`,
      archive: 'binary',
      binary: file,
    });
    await new PackageInstaller(manager).install(verified.path, label);
    const executable = `/opt/${request.product}/bin/${request.product}`;
    if (!existsSync(executable)) {
      throw new InfrastructureFailure(
        `the ${manager} package installed, but ${executable} is missing.`,
      );
    }
    return { executable, version, from: 'download' };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new InfrastructureFailure(
      `installing ${label} ${version} failed: ${errorMessage(error)}`,
      {
        fix: 'retry the job; if it persists, the package service or a proxy in between is failing.',
        cause: error,
      },
    );
  }
}

/** Only https, except plain http to this machine (a local mirror, the tests). */
export function requireSecureUrl(url: string, what: string): void {
  const parsed = new URL(url);
  if (
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))
  )
    return;
  throw new UserError(`${what} must be an https:// URL, not ${parsed.protocol}//${parsed.host}.`, {
    fix: 'use the https address of the package service or mirror.',
  });
}
