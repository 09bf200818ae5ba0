import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSystem, installedPackages, parseDpkgStatus } from './packages.js';
import { evaluatePolicy, type ImagePolicy } from './policy.js';

const POLICY: ImagePolicy = {
  mode: 'enforce',
  nonRoot: true,
  pinnedBases: true,
  requiredLabels: ['org.opencontainers.image.source'],
  bannedPackages: ['telnetd', 'sudo'],
  maxSizeMiB: 1,
};
const DIGEST = `sha256:${'a'.repeat(64)}`;
const GOOD = {
  user: '10001:10001',
  labels: {
    'org.opencontainers.image.source': 'https://github.com/acme/app',
    'org.opencontainers.image.base.name': 'r.example.com/std/runtime',
    'org.opencontainers.image.base.digest': DIGEST,
  },
  packages: new Map([['libc6', { version: '2.36-9', architecture: 'amd64' }]]),
  sizeBytes: 1000,
};

const STATUS = `Package: libc6
Status: install ok installed
Architecture: amd64
Version: 2.36-9+deb12u9

Package: telnetd
Status: deinstall ok config-files
Version: 0.17-44

Package: sudo
Status: install ok installed
Version: 1.9.13p3-1+deb12u1
`;

describe('the image policy', () => {
  it('passes an image that meets every rule', () => {
    expect(evaluatePolicy(POLICY, GOOD)).toEqual([]);
  });

  it('reports one violation per broken rule, naming what breaks it', () => {
    const violations = evaluatePolicy(POLICY, {
      user: '',
      labels: { 'org.opencontainers.image.base.name': 'r.example.com/std/runtime' },
      packages: parseDpkgStatus(STATUS),
      sizeBytes: 3 * 1024 * 1024,
    });
    expect(violations.map((v) => [v.rule, v.message])).toEqual([
      ['non-root', 'the image runs as root (no USER set).'],
      ['pinned-bases', 'bases not recorded with a digest: r.example.com/std/runtime.'],
      ['required-labels', 'labels missing or empty: org.opencontainers.image.source.'],
      ['banned-packages', 'banned packages installed: sudo 1.9.13p3-1+deb12u1.'],
      ['size', 'the image is 3.0 MiB compressed, over the budget of 1 MiB.'],
    ]);
    expect(evaluatePolicy(POLICY, { ...GOOD, user: 'root' })[0]?.rule).toBe('non-root');
    expect(evaluatePolicy(POLICY, { ...GOOD, user: '0:0' })[0]?.rule).toBe('non-root');
  });

  it('reads the installed packages from the dpkg database in gzip layers, the last layer winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-policy-'));
    const layer = (name: string, files: Record<string, string>) => {
      const root = join(dir, name);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      execFileSync('tar', ['-czf', `${root}.tgz`, '-C', root, '.']);
      return {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        bytes: readFileSync(`${root}.tgz`),
      };
    };
    const base = layer('base', { 'var/lib/dpkg/status': STATUS, 'etc/hostname': 'x' });
    const app = layer('app', { 'srv/app/index.html': '<h1>hi</h1>' });
    const versions = (layers: Parameters<typeof installedPackages>[0]) =>
      [...installedPackages(layers)].map(([name, found]) => [name, found.version]);
    expect([...installedPackages([base, app])]).toEqual([
      ['libc6', { version: '2.36-9+deb12u9', architecture: 'amd64' }],
      ['sudo', { version: '1.9.13p3-1+deb12u1', architecture: '' }],
    ]);
    const removed = layer('removed', {
      'var/lib/dpkg/status': 'Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n',
    });
    expect(versions([base, removed])).toEqual([['libc6', '2.36-9']]);
    const distroless = layer('distroless', {
      'var/lib/dpkg/status.d/base': 'Package: base-files\nVersion: 12.4\n',
    });
    expect(versions([distroless])).toEqual([['base-files', '12.4']]);
    const osRelease =
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n';
    const system = layer('system', { 'usr/lib/os-release': osRelease });
    expect(imageSystem([base, system]).os).toEqual({
      id: 'debian',
      versionId: '12',
      codename: 'bookworm',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
    });
    const wiped = layer('wiped', { 'var/lib/.wh.dpkg': '', 'usr/lib/.wh.os-release': '' });
    expect(imageSystem([base, system, wiped])).toEqual({ packages: new Map(), os: undefined });
    expect(imageSystem([app]).os).toBeUndefined();
  });
});
