import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * What a Go program records about its own build (what `go version -m`
 * prints), read from the `.go.buildinfo` section of an ELF executable without
 * running it: the ELF header, the section headers and their names, then that
 * one section, each a bounded read. Anything else (not ELF, no such section,
 * the pointer-based layout of Go before 1.18, a truncated file) is undefined:
 * the caller asks the program instead.
 */

export interface GoBuildInfo {
  /** `go1.23.7` */
  goVersion: string;
  /** The main package (`helm.sh/helm/v3/cmd/helm`). */
  path: string | undefined;
  /** The main module and its version (`(devel)` for a build from a checkout before Go 1.24). */
  main: { path: string; version: string } | undefined;
  /** The `build` lines: `vcs.revision`, `vcs.modified`, `CGO_ENABLED`… */
  settings: Record<string, string>;
}

const SECTION = '.go.buildinfo';
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** Go 1.18 and later store the two strings inline after a 32-byte header. */
const FLAG_INLINE_STRINGS = 0x2;
/** Generous bounds: helm's section is 12 KiB, a section table a few KiB. */
const MAX_SECTION_BYTES = 4 * 1024 * 1024;
const MAX_SECTION_HEADERS = 4096;

export function readGoBuildInfo(file: string): GoBuildInfo | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const section = buildInfoSection(fd);
    return section ? parseBuildInfo(section) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads exactly `length` bytes at `position`, or undefined when the file is shorter. */
function readAt(fd: number, position: number, length: number): Buffer | undefined {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) return undefined;
    done += read;
  }
  return buffer;
}

function buildInfoSection(fd: number): Buffer | undefined {
  const size = fstatSync(fd).size;
  const ident = readAt(fd, 0, 64);
  if (!ident || ident.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const wide = ident[4] === 2; // ELFCLASS64
  if (!wide && ident[4] !== 1) return undefined;
  const little = ident[5] === 1; // ELFDATA2LSB
  if (!little && ident[5] !== 2) return undefined;
  const u16 = (buffer: Buffer, at: number) =>
    little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
  const u32 = (buffer: Buffer, at: number) =>
    little ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
  const word = (buffer: Buffer, at: number) =>
    wide
      ? Number(little ? buffer.readBigUInt64LE(at) : buffer.readBigUInt64BE(at))
      : u32(buffer, at);

  const tableOffset = word(ident, wide ? 0x28 : 0x20);
  const entrySize = u16(ident, wide ? 0x3a : 0x2e);
  const count = u16(ident, wide ? 0x3c : 0x30);
  const namesIndex = u16(ident, wide ? 0x3e : 0x32);
  if (count === 0 || count > MAX_SECTION_HEADERS || namesIndex >= count) return undefined;
  if (entrySize < (wide ? 0x40 : 0x28) || tableOffset + count * entrySize > size) return undefined;
  const table = readAt(fd, tableOffset, count * entrySize);
  if (!table) return undefined;
  const header = (index: number) => {
    const at = index * entrySize;
    return {
      name: u32(table, at),
      offset: word(table, at + (wide ? 0x18 : 0x10)),
      size: word(table, at + (wide ? 0x20 : 0x14)),
    };
  };
  const readSection = (entry: { offset: number; size: number }) =>
    entry.size <= MAX_SECTION_BYTES && entry.offset + entry.size <= size
      ? readAt(fd, entry.offset, entry.size)
      : undefined;

  const names = readSection(header(namesIndex));
  if (!names) return undefined;
  const wanted = Buffer.from(`${SECTION}\0`, 'latin1');
  for (let index = 0; index < count; index++) {
    const entry = header(index);
    if (names.subarray(entry.name, entry.name + wanted.length).equals(wanted)) {
      return readSection(entry);
    }
  }
  return undefined;
}

/** The section's content: magic, pointer size, flags, then (inline layout) two length-prefixed strings. */
export function parseBuildInfo(section: Buffer): GoBuildInfo | undefined {
  if (section.length < 32 || !section.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (((section[15] ?? 0) & FLAG_INLINE_STRINGS) === 0) return undefined;
  const goVersion = readBytes(section, 32);
  if (!goVersion) return undefined;
  const modules = readBytes(section, goVersion.end);
  if (!modules) return undefined;
  return parseModuleInfo(goVersion.bytes.toString('utf8'), stripSentinels(modules.bytes));
}

/** A uvarint length and that many bytes. */
function readBytes(buffer: Buffer, at: number): { bytes: Buffer; end: number } | undefined {
  let length = 0;
  let shift = 0;
  let position = at;
  for (;;) {
    const byte = buffer[position++];
    if (byte === undefined || shift > 28) return undefined;
    length += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
  }
  if (position + length > buffer.length) return undefined;
  return { bytes: buffer.subarray(position, position + length), end: position + length };
}

/** The module text is framed by 16 marker bytes on each side. */
function stripSentinels(bytes: Buffer): string {
  const framed = bytes.length >= 33 && bytes[bytes.length - 17] === 0x0a;
  return (framed ? bytes.subarray(16, bytes.length - 16) : bytes).toString('utf8');
}

function parseModuleInfo(goVersion: string, text: string): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, path: undefined, main: undefined, settings: {} };
  for (const line of text.split('\n')) {
    const [kind, first = '', second = ''] = line.split('\t');
    if (kind === 'path') info.path = first;
    else if (kind === 'mod') info.main = { path: first, version: second };
    else if (kind === 'build') {
      const equals = first.indexOf('=');
      if (equals > 0) info.settings[first.slice(0, equals)] = first.slice(equals + 1);
    }
  }
  return info;
}
