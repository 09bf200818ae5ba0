import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBuildInfo, readGoBuildInfo } from './go-buildinfo.js';
import { helmBinaryVersion, helmVersionFromBuild } from './helm/build-version.js';

/**
 * The build-info reader on files made here: an ELF64 with a `.go.buildinfo`
 * section laid out as Go 1.18+ writes it, and files that are not Go
 * programs. The real helm 3 and helm 4 binaries are read in
 * go-buildinfo.itg.test.ts.
 */

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function file(name: string, content: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-buildinfo-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

function uvarint(value: number): Buffer {
  const bytes: number[] = [];
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

const SENTINEL = Buffer.alloc(16, 0xe6);

/** The section's bytes: header, then the Go version and the framed module text. */
function section(goVersion: string, modules: string): Buffer {
  const header = Buffer.alloc(32);
  header.write('\xff Go buildinf:', 0, 'latin1');
  header[14] = 8;
  header[15] = 0x2;
  const text = Buffer.concat([SENTINEL, Buffer.from(modules), SENTINEL]);
  return Buffer.concat([
    header,
    uvarint(goVersion.length),
    Buffer.from(goVersion),
    uvarint(text.length),
    text,
  ]);
}

/** A little-endian ELF64 whose only sections are a name table and the given ones. */
function elf(sections: Record<string, Buffer>): Buffer {
  const names = ['', '.shstrtab', ...Object.keys(sections)];
  const nameTable = Buffer.from(names.map((name) => `${name}\0`).join(''), 'latin1');
  const bodies = [Buffer.alloc(0), nameTable, ...Object.values(sections)];
  let offset = 64;
  const offsets = bodies.map((body) => {
    const at = offset;
    offset += body.length;
    return at;
  });
  const tableOffset = offset;
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = 2;
  header[5] = 1;
  header[6] = 1;
  header.writeBigUInt64LE(BigInt(tableOffset), 0x28);
  header.writeUInt16LE(64, 0x3a);
  header.writeUInt16LE(bodies.length, 0x3c);
  header.writeUInt16LE(1, 0x3e);
  const table = Buffer.alloc(64 * bodies.length);
  let nameOffset = 0;
  bodies.forEach((body, index) => {
    table.writeUInt32LE(nameOffset, index * 64);
    nameOffset += Buffer.byteLength(names[index] ?? '', 'latin1') + 1;
    table.writeBigUInt64LE(BigInt(offsets[index] ?? 0), index * 64 + 0x18);
    table.writeBigUInt64LE(BigInt(body.length), index * 64 + 0x20);
  });
  return Buffer.concat([header, ...bodies, table]);
}

const HELM3_MODULES = [
  'path\thelm.sh/helm/v3/cmd/helm',
  'mod\thelm.sh/helm/v3\t(devel)\t',
  'dep\tdario.cat/mergo\tv1.0.1\th1:Ra4+bf83h2ztPIQYNP99R6m+Y7KfnARDfID+a+vLl4s=',
  'build\t-trimpath=true',
  'build\tvcs=git',
  'build\tvcs.revision=e4da49785aa6e6ee2b86efd5dd9e43400318262b',
  'build\tvcs.modified=false',
  '',
].join('\n');

describe('Go build info', () => {
  it('is read from the .go.buildinfo section of an ELF file', () => {
    const binary = file(
      'helm',
      elf({ '.text': Buffer.alloc(100), '.go.buildinfo': section('go1.23.7', HELM3_MODULES) }),
    );
    expect(readGoBuildInfo(binary)).toEqual({
      goVersion: 'go1.23.7',
      path: 'helm.sh/helm/v3/cmd/helm',
      main: { path: 'helm.sh/helm/v3', version: '(devel)' },
      settings: {
        '-trimpath': 'true',
        vcs: 'git',
        'vcs.revision': 'e4da49785aa6e6ee2b86efd5dd9e43400318262b',
        'vcs.modified': 'false',
      },
    });
    expect(helmBinaryVersion(binary)).toBe('v3.17.3');
  });

  it.each([
    ['a script', () => file('helm', '#!/bin/sh\necho v3.17.3\n')],
    ['an empty file', () => file('helm', '')],
    ['an ELF file that is no Go program', () => process.execPath],
    ['an ELF file without the section', () => file('helm', elf({ '.text': Buffer.alloc(8) }))],
    [
      'an ELF file cut short',
      () => file('helm', elf({ '.text': Buffer.alloc(8) }).subarray(0, 80)),
    ],
    ['a missing file', () => join(tmpdir(), 'pa-no-such-helm')],
  ])('is undefined for %s', (_, make) => {
    expect(readGoBuildInfo(make())).toBeUndefined();
  });

  it('is undefined for the pointer layout of Go before 1.18 and a section too short', () => {
    const old = section('go1.17', HELM3_MODULES);
    old[15] = 0;
    expect(parseBuildInfo(old)).toBeUndefined();
    expect(parseBuildInfo(section('go1.23.7', HELM3_MODULES).subarray(0, 40))).toBeUndefined();
  });
});

describe("helm's version from its build info", () => {
  const info = (main: string, settings: Record<string, string>, major = 3) => ({
    goVersion: 'go1.25.9',
    path: `helm.sh/helm/v${major}/cmd/helm`,
    main: { path: `helm.sh/helm/v${major}`, version: main },
    settings: { vcs: 'git', 'vcs.modified': 'false', ...settings },
  });

  it('is the tag Go 1.24+ records for a clean release checkout', () => {
    expect(helmVersionFromBuild(info('v4.1.4', { 'vcs.revision': 'a'.repeat(40) }, 4))).toBe(
      'v4.1.4',
    );
  });

  it('is the release of a known commit when Go recorded (devel)', () => {
    expect(
      helmVersionFromBuild(
        info('(devel)', { 'vcs.revision': 'e4da49785aa6e6ee2b86efd5dd9e43400318262b' }),
      ),
    ).toBe('v3.17.3');
  });

  it.each([
    ['an unknown commit', info('(devel)', { 'vcs.revision': 'b'.repeat(40) })],
    [
      'a modified checkout',
      info('v3.17.3', { 'vcs.revision': 'b'.repeat(40), 'vcs.modified': 'true' }),
    ],
    ['no VCS stamp (go install from the module proxy)', info('v3.17.3', { 'vcs.modified': '' })],
    [
      'an untagged commit (pseudo-version)',
      info('v3.17.4-0.20250501000000-0123456789ab', { 'vcs.revision': 'b'.repeat(40) }),
    ],
    [
      'a known commit of the other major',
      info('(devel)', { 'vcs.revision': '05fa37973dc9e42b76e1d2883494c87174b6074f' }),
    ],
    [
      'another program',
      {
        ...info('v1.34.10', { 'vcs.revision': 'b'.repeat(40) }),
        path: 'k8s.io/kubernetes/cmd/kubectl',
      },
    ],
    ['no build info', undefined],
  ])('is undefined for %s', (_, given) => {
    expect(helmVersionFromBuild(given)).toBeUndefined();
  });
});
