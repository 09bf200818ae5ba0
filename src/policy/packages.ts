import { gunzipSync } from 'node:zlib';

/**
 * The Debian packages installed in an image, read the way a scanner does:
 * from the dpkg database in the image's layers (`var/lib/dpkg/status`, and
 * the `var/lib/dpkg/status.d/` files of distroless-style images), the last
 * layer that writes it winning, a whiteout removing it.
 */

export interface Layer {
  readonly mediaType: string;
  readonly bytes: Buffer;
}

const STATUS = 'var/lib/dpkg/status';
const STATUS_DIR = 'var/lib/dpkg/status.d/';

/** name → version of every package whose status is "installed". */
export function parseDpkgStatus(text: string): Map<string, string> {
  const packages = new Map<string, string>();
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
    packages.set(name, fields.get('version') ?? '');
  }
  return packages;
}

/** The packages of an image from its layers, bottom first. */
export function installedPackages(layers: readonly Layer[]): Map<string, string> {
  let status: string | undefined;
  const statusD = new Map<string, string>();
  for (const layer of layers) {
    const tar = layerTar(layer);
    if (!tar) continue;
    for (const entry of tarEntries(tar)) {
      const path = entry.name.replace(/^\.?\//, '');
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      const base = path.slice(dir.length);
      if (base.startsWith('.wh.')) {
        const removed = dir + base.slice(4);
        if (removed === STATUS) status = undefined;
        if (removed.startsWith(STATUS_DIR)) statusD.delete(removed);
        if (base === '.wh..wh..opq' && dir === STATUS_DIR) statusD.clear();
        continue;
      }
      if (entry.type !== 'file') continue;
      if (path === STATUS) status = entry.data.toString('utf8');
      else if (path.startsWith(STATUS_DIR)) statusD.set(path, entry.data.toString('utf8'));
    }
  }
  const packages = parseDpkgStatus(status ?? '');
  for (const text of statusD.values()) {
    for (const [name, version] of parseDpkgStatus(text)) packages.set(name, version);
  }
  return packages;
}

function layerTar(layer: Layer): Buffer | undefined {
  if (/gzip/.test(layer.mediaType)) return gunzipSync(layer.bytes);
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
