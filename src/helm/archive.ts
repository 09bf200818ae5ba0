import { gunzip } from '../gunzip.js';
import { UserError } from '../errors.js';

/**
 * Reads a packaged chart (`<name>-<version>.tgz`) in memory: gzip, then tar
 * (ustar, with the PAX and GNU long-name records Go's archive/tar writes).
 * Only regular files are kept, keyed by their path inside the chart (the
 * top-level `<name>/` directory removed). Everything is bounded, so a hostile
 * archive downloaded from a repository cannot exhaust memory.
 */

export interface ArchiveLimits {
  /** Size of the archive once ungzipped. Helm's own limit is 100 MiB. */
  maxUnpackedBytes?: number;
  maxFiles?: number;
}

export interface ChartArchive {
  /** The top-level directory: the chart's name. */
  name: string;
  /** Regular files by their path inside the chart (`templates/service.yaml`). */
  files: Map<string, Buffer>;
}

const DEFAULT_LIMITS: Required<ArchiveLimits> = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxFiles: 10_000,
};
const BLOCK = 512;

export function readChartArchive(
  tgz: Buffer,
  source: string,
  limits: ArchiveLimits = {},
): ChartArchive {
  const bounds = { ...DEFAULT_LIMITS, ...limits };
  let tar: Buffer;
  try {
    tar = gunzip(tgz, { maxOutputLength: bounds.maxUnpackedBytes });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw notAChart(
      source,
      tooLarge
        ? `it unpacks to more than ${bounds.maxUnpackedBytes} bytes`
        : 'it is not a gzip file (or it is truncated)',
      error,
    );
  }
  const entries = readTar(tar, source, bounds.maxFiles);
  const tops = new Set(entries.map((entry) => entry.path.split('/')[0] ?? ''));
  if (entries.length === 0 || tops.size !== 1 || tops.has('')) {
    throw notAChart(source, 'it does not hold exactly one top-level chart directory');
  }
  const [name = ''] = tops;
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    const inside = entry.path.slice(name.length + 1);
    if (inside !== '') files.set(inside, entry.data);
  }
  if (!files.has('Chart.yaml')) throw notAChart(source, `${name}/Chart.yaml is missing`);
  return { name, files };
}

interface TarEntry {
  path: string;
  data: Buffer;
}

function readTar(tar: Buffer, source: string, maxFiles: number): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break; // end of archive
    if (!checksumMatches(header))
      throw notAChart(source, `a tar header at byte ${offset} is corrupt`);
    const size = readSize(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw notAChart(source, 'it is truncated');
    const data = tar.subarray(dataStart, dataEnd);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'L') {
      longName = cString(data);
      continue;
    }
    if (type === 'x') {
      paxPath = paxRecords(data).get('path') ?? paxPath;
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    const path = normalizePath(paxPath ?? longName ?? ustarName(header));
    longName = undefined;
    paxPath = undefined;
    if (type !== '0' && type !== '\0' && type !== '7') continue; // directories, links, devices
    if (entries.length >= maxFiles) throw notAChart(source, `it holds more than ${maxFiles} files`);
    entries.push({ path, data: Buffer.from(data) });
  }
  return entries;
}

function ustarName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const magic = header.subarray(257, 262).toString('latin1');
  const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function normalizePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

/** Octal digits, or base-256 (high bit set) for sizes above 8 GiB. */
function readSize(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  const stored = parseInt(cString(header.subarray(148, 156)).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return stored === sum;
}

/** PAX records: `<length> <key>=<value>\n`, repeated. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}

function notAChart(source: string, why: string, cause?: unknown): UserError {
  return new UserError(`${source} is not a readable chart archive: ${why}.`, {
    fix: 'check that it is a chart packaged by `helm package` (a .tgz), and that it downloaded completely.',
    cause,
  });
}
