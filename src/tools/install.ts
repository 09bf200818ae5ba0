import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '../core.js';
import { errorMessage, UserError } from '../errors.js';
import { HttpTransport, transientStatus } from '../http/transport.js';
import { retry } from '../retry.js';

/**
 * Installs a released tool binary the way a runner should: from the tool
 * cache when this version is already there; otherwise download the archive
 * through the one HTTP transport (the runner's proxy settings; 5xx, 408, 429
 * and broken transfers retried by src/retry.ts, three attempts), verify its sha256 against the published checksum BEFORE extracting
 * anything, extract, cache the directory under the tool's name and version,
 * and put the binary's directory on PATH. Used for helm now; the same path
 * serves kubectl and inspec later (a checksum file or a pinned sha256).
 */

export interface ToolRelease {
  /** Name in the tool cache (`helm`). */
  tool: string;
  /** Exact version (`v3.17.3` or `3.17.3`); the cache keys it without the `v`. */
  version: string;
  /** URL of the archive (or of the bare binary). */
  url: string;
  /** Where the expected sha256 comes from: a pinned value, or a checksum file next to the archive. */
  sha256?: string;
  checksumUrl?: string;
  archive: 'tar.gz' | 'zip' | 'binary';
  /** Path of the executable inside the extracted archive (`linux-amd64/helm`), or its file name for `binary`. */
  binary: string;
  /** What to tell the user when the download location is theirs (a mirror input). */
  locationHint?: string;
}

export interface InstalledTool {
  /** Absolute path of the executable. */
  path: string;
  /** Whether it came from the tool cache rather than a download. */
  cached: boolean;
}

/** @actions/tool-cache, and the HTTP client it loads, only once something is downloaded or extracted. */
function toolCache() {
  return import('@actions/tool-cache');
}

/**
 * The tool cache's folder of a tool at an exact version (`3.17.3`), as
 * `tc.find` gives it (RUNNER_TOOL_CACHE/<tool>/<version>/<arch>, complete),
 * without loading the tool cache library; undefined when it is not there.
 */
export async function findCached(tool: string, version: string): Promise<string | undefined> {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root || !/^\d+\.\d+\.\d+$/.test(version)) {
    return (await toolCache()).find(tool, version) || undefined;
  }
  const dir = join(root, tool, version, arch());
  return existsSync(dir) && existsSync(`${dir}.complete`) ? dir : undefined;
}

export async function installTool(release: ToolRelease): Promise<InstalledTool> {
  const version = cacheVersion(release.version);
  const cachedDir = await findCached(release.tool, version);
  if (cachedDir && existsSync(join(cachedDir, release.binary))) {
    const path = join(cachedDir, release.binary);
    core.addPath(dirname(path));
    core.info(`${release.tool} ${release.version}: from the tool cache (${cachedDir})`);
    return { path, cached: true };
  }

  const expected = release.sha256 ?? (await fetchChecksum(release));
  core.info(`${release.tool} ${release.version}: downloading ${release.url}`);
  const file = await download(release.url, release);
  try {
    const actual = await sha256File(file);
    if (actual !== expected) {
      throw new UserError(
        `The download of ${release.tool} ${release.version} from ${release.url} has sha256 ${actual}, but ${
          release.sha256 ? 'the pinned checksum' : release.checksumUrl
        } says ${expected}; it was not installed.`,
        {
          fix: `retry the job; if it fails again the file or its checksum was changed at the source${
            release.locationHint ? ` (${release.locationHint})` : ''
          }.`,
        },
      );
    }
    core.info(`${release.tool} ${release.version}: sha256 ${actual} verified`);
    const extracted = await extract(file, release);
    const inside = join(extracted, release.binary);
    if (!existsSync(inside) || !statSync(inside).isFile()) {
      throw new Error(
        `The ${release.tool} ${release.version} archive from ${release.url} has no ${release.binary}.`,
      );
    }
    chmodSync(inside, 0o755);
    const cachedAt = await (await toolCache()).cacheDir(extracted, release.tool, version);
    rmSync(extracted, { recursive: true, force: true });
    const path = join(cachedAt, release.binary);
    core.addPath(dirname(path));
    return { path, cached: false };
  } finally {
    rmSync(file, { force: true });
  }
}

/** The version as the tool cache keys it: `3.17.3`. */
export function cacheVersion(version: string): string {
  return version.replace(/^v/, '');
}

async function fetchChecksum(release: ToolRelease): Promise<string> {
  if (!release.checksumUrl) {
    throw new Error(`No sha256 nor checksum URL for ${release.tool} ${release.version}.`);
  }
  const file = await download(release.checksumUrl, release);
  try {
    return parseChecksumFile(readFileSync(file, 'utf8'), release.checksumUrl);
  } finally {
    rmSync(file, { force: true });
  }
}

/** `<64 hex>` alone (`.sha256`) or followed by the file name (`.sha256sum`, sha256sum's output). */
export function parseChecksumFile(text: string, source: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (!/^[a-fA-F0-9]{64}$/.test(first)) {
    throw new UserError(`${source} does not hold a sha256 checksum.`, {
      fix: 'check that the download location serves the official checksum files next to the archives.',
    });
  }
  return first.toLowerCase();
}

const DOWNLOAD_ATTEMPTS = 3;
/** Per attempt: the largest packages (InSpec's omnibus) are a few hundred MB. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const DOWNLOAD_MAX_BYTES = 2 * 1024 ** 3;

async function download(url: string, release: ToolRelease): Promise<string> {
  const file = join(process.env.RUNNER_TEMP || tmpdir(), randomUUID());
  mkdirSync(dirname(file), { recursive: true });
  const transport = new HttpTransport({
    userAgent: 'pipeline-actions',
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
  });
  let attempts = 0;
  try {
    await retry(
      async (attempt) => {
        attempts = attempt;
        const response = await transport.download(
          { url: new URL(url), maxBodyBytes: DOWNLOAD_MAX_BYTES },
          file,
        );
        const status = response.status;
        if (status >= 200 && status < 300) return;
        const transient = transientStatus(response, `${url} answered HTTP ${status}`);
        if (transient) throw transient;
        throw refusedDownload(url, status, release);
      },
      { attempts: DOWNLOAD_ATTEMPTS, baseDelayMs: 1000, maxDelayMs: 10_000 },
    );
    return file;
  } catch (error) {
    rmSync(file, { force: true });
    if (error instanceof UserError) throw error;
    throw new Error(
      `Could not download ${release.tool} ${release.version} from ${url} (${attempts === 1 ? '1 attempt' : `${attempts} attempts`}): ${errorMessage(error)}`,
      { cause: error },
    );
  } finally {
    transport.close();
  }
}

function refusedDownload(url: string, status: number, release: ToolRelease): Error {
  if (status === 404) {
    return new UserError(`${url} does not exist (HTTP 404).`, {
      fix: `check that ${release.tool} ${release.version} is a released version${
        release.locationHint ? ` and ${release.locationHint}` : ''
      }.`,
    });
  }
  if (status === 401 || status === 403) {
    return new UserError(`${url} refused the download (HTTP ${status}).`, {
      fix: `use a download location that serves ${release.tool} without credentials${
        release.locationHint ? ` (${release.locationHint})` : ''
      }.`,
    });
  }
  return new Error(`${url} answered HTTP ${status}`);
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function extract(file: string, release: ToolRelease): Promise<string> {
  try {
    const tc = await toolCache();
    if (release.archive === 'tar.gz') return await tc.extractTar(file, undefined, 'xz');
    if (release.archive === 'zip') return await tc.extractZip(file);
  } catch (error) {
    throw new Error(
      `The ${release.tool} ${release.version} archive from ${release.url} could not be extracted: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  // A bare binary: give it its own directory, as the archive case has.
  const dir = join(
    dirname(file),
    `${release.tool}-${cacheVersion(release.version)}-${process.pid}`,
  );
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, release.binary));
  return dir;
}
