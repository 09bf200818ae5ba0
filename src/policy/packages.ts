import { gunzip } from '../gunzip.js';

/**
 * The Debian packages installed in an image, read the way a scanner does:
 * from the dpkg database in the image's layers (`var/lib/dpkg/status`, and
 * the `var/lib/dpkg/status.d/` files of distroless-style images), the last
 * layer that writes it winning, a whiteout removing it; and the
 * distribution it belongs to, from `etc/os-release`. The image policy
 * (banned packages) and the SBOM (its OS packages) both read them here.
 */

export interface Layer {
  readonly mediaType: string;
  readonly bytes: Buffer;
}

export interface DebianPackage {
  readonly version: string;
  /** `amd64`, `all`; "" when the database does not say. */
  readonly architecture: string;
}

/** The image's distribution, from os-release (`ID`, `VERSION_ID`, `VERSION_CODENAME`). */
export interface OsRelease {
  readonly id: string;
  readonly versionId: string | undefined;
  readonly codename: string | undefined;
  readonly prettyName: string | undefined;
}

/** What the layers say about the system in the image. */
export interface ImageSystem {
  /** name → package, every package whose status is "installed". */
  readonly packages: Map<string, DebianPackage>;
  /** undefined when the image has no os-release (scratch-based images). */
  readonly os: OsRelease | undefined;
}

const STATUS = 'var/lib/dpkg/status';
const STATUS_DIR = 'var/lib/dpkg/status.d/';
const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release'];

/** name → package of every package whose status is "installed". */
export function parseDpkgStatus(text: string): Map<string, DebianPackage> {
  const packages = new Map<string, DebianPackage>();
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const name = fields.get('package');
    const status = fields.get('status');
    if (!name) continue;
    // status.d files have no Status field: each one is an installed package.
    if (status !== undefined && !/\binstalled$/.test(status)) continue;
    packages.set(name, {
      version: fields.get('version') ?? '',
      architecture: fields.get('architecture') ?? '',
    });
  }
  return packages;
}

/** os-release's fields (`KEY=value`, values optionally quoted); undefined without an ID. */
export function parseOsRelease(text: string): OsRelease | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) fields.set(match[1]!, match[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  const id = fields.get('ID');
  if (!id) return undefined;
  return {
    id,
    versionId: fields.get('VERSION_ID'),
    codename: fields.get('VERSION_CODENAME'),
    prettyName: fields.get('PRETTY_NAME'),
  };
}

/** The packages of an image from its layers, bottom first. */
export function installedPackages(layers: readonly Layer[]): Map<string, DebianPackage> {
  return imageSystem(layers).packages;
}

/** Packages and distribution of an image from its layers, bottom first. */
export function imageSystem(layers: readonly Layer[]): ImageSystem {
  const files = finalFiles(
    layers,
    (path) => path === STATUS || path.startsWith(STATUS_DIR) || OS_RELEASE.includes(path),
  );
  const packages = parseDpkgStatus(files.get(STATUS) ?? '');
  for (const [path, text] of files) {
    if (!path.startsWith(STATUS_DIR)) continue;
    for (const [name, found] of parseDpkgStatus(text)) packages.set(name, found);
  }
  const osRelease = OS_RELEASE.map((path) => files.get(path)).find((text) => text !== undefined);
  return { packages, os: osRelease === undefined ? undefined : parseOsRelease(osRelease) };
}

/**
 * The regular files `wanted` selects, as the image's file system holds them
 * after every layer (bottom first): a later layer replaces a file, a
 * whiteout (`.wh.<name>`) removes it, an opaque whiteout empties its directory.
 */
function finalFiles(
  layers: readonly Layer[],
  wanted: (path: string) => boolean,
): Map<string, string> {
  const files = new Map<string, string>();
  for (const layer of layers) {
    const tar = layerTar(layer);
    if (!tar) continue;
    for (const entry of tarEntries(tar)) {
      const path = entry.name.replace(/^\.?\//, '');
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      const base = path.slice(dir.length);
      if (base === '.wh..wh..opq') {
        for (const known of [...files.keys()]) if (known.startsWith(dir)) files.delete(known);
        continue;
      }
      if (base.startsWith('.wh.')) {
        const removed = dir + base.slice(4);
        for (const known of [...files.keys()]) {
          if (known === removed || known.startsWith(`${removed}/`)) files.delete(known);
        }
        continue;
      }
      if (!wanted(path)) continue;
      // A link or directory in a later layer hides the file as well.
      if (entry.type === 'file') files.set(path, entry.data.toString('utf8'));
      else files.delete(path);
    }
  }
  return files;
}

function layerTar(layer: Layer): Buffer | undefined {
  if (/gzip/.test(layer.mediaType)) return gunzip(layer.bytes);
  if (/tar$/.test(layer.mediaType)) return layer.bytes;
  return undefined; // zstd and foreign layers: not read
}

interface TarEntry {
  readonly name: string;
  readonly type: 'file' | 'other';
  readonly data: Buffer;
}

/** The entries of a tar stream (ustar, GNU long names, PAX paths). */
export function* tarEntries(tar: Buffer): Generator<TarEntry> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return;
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(header[156] ?? 0);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (flag === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (path) longName = path[1];
      continue;
    }
    if (flag === 'g') continue;
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    yield { name, type: flag === '0' || flag === '\0' ? 'file' : 'other', data };
  }
}

function text(buffer: Buffer, start: number, length: number): string {
  const raw = buffer.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}
