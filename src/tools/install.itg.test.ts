import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { HelmDownloadServer } from '../../test/fixtures/helm/harness.js';
import { HelmHome, setupHelm } from './helm.js';

/**
 * Installing helm the way a runner without it does: download from a
 * get.helm.sh stand-in that serves real archives (the environment's helm
 * binaries packed as helm ships them), sha256 verified before anything is
 * extracted, then cached and put on PATH. Bad downloads end in one message
 * and leave nothing in the tool cache.
 */

let server: HelmDownloadServer;
const saved = { ...process.env };
const homes: HelmHome[] = [];

beforeAll(async () => {
  server = await HelmDownloadServer.start();
});
afterAll(async () => {
  await server.close();
});

let toolCache = '';
let base = '';
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'pa-install-'));
  toolCache = join(base, 'tool-cache');
  process.env.RUNNER_TEMP = join(base, 'temp');
  process.env.RUNNER_TOOL_CACHE = toolCache;
  delete process.env.GITHUB_PATH;
});
afterEach(() => {
  process.env = { ...saved };
  homes.splice(0).forEach((home) => home.dispose());
  rmSync(base, { recursive: true, force: true });
});

function home(): HelmHome {
  const made = HelmHome.create();
  homes.push(made);
  return made;
}

function cachedVersions(): string[] {
  const dir = join(toolCache, 'helm');
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.endsWith('.complete')) : [];
}

describe('installing a pinned helm', () => {
  it.each(['v3.17.3', 'v4.1.4'])(
    'installs %s, verified and cached, then reuses the cache',
    async (version) => {
      const before = server.requests.length;
      const helm = await setupHelm(
        { kind: 'release', version },
        { downloadUrl: `${server.url}/good`, home: home() },
      );
      expect(helm.version).toBe(version);
      expect(helm.major).toBe(Number(version[1]));
      expect(helm.binary).toBe(
        join(toolCache, 'helm', version.slice(1), 'x64', 'linux-amd64', 'helm'),
      );
      expect(process.env.PATH?.split(':')[0]).toBe(
        join(toolCache, 'helm', version.slice(1), 'x64', 'linux-amd64'),
      );
      expect(server.requests.slice(before)).toEqual([
        `/good/helm-${version}-linux-amd64.tar.gz.sha256sum`,
        `/good/helm-${version}-linux-amd64.tar.gz`,
      ]);

      const again = await setupHelm(
        { kind: 'release', version },
        { downloadUrl: `${server.url}/good`, home: home() },
      );
      expect(again.binary).toBe(helm.binary);
      expect(server.requests.length).toBe(before + 2);
    },
  );

  it.each([
    ['a wrong checksum', 'wrong-checksum'],
    ['a truncated archive', 'truncated'],
  ])('refuses %s and caches nothing', async (_, mode) => {
    const error = await setupHelm(
      { kind: 'release', version: 'v3.17.3' },
      { downloadUrl: `${server.url}/${mode}`, downloadInput: 'helm-download-url', home: home() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(
        `^The download of helm v3\\.17\\.3 from ${server.url}/${mode}/helm-v3\\.17\\.3-linux-amd64\\.tar\\.gz has sha256 [a-f0-9]{64}, but ${server.url}/${mode}/helm-v3\\.17\\.3-linux-amd64\\.tar\\.gz\\.sha256sum says [a-f0-9]{64}; it was not installed\\.$`,
      ),
    );
    expect((error as UserError).fix).toContain(
      `check the helm-download-url input, ${server.url}/${mode}`,
    );
    expect(cachedVersions()).toEqual([]);
  });

  it('retries a transfer cut halfway three times, then says so', async () => {
    const before = server.requests.length;
    const error = await setupHelm(
      { kind: 'release', version: 'v3.17.3' },
      { downloadUrl: `${server.url}/cut`, home: home() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^Could not download helm v3\.17\.3 from http:\/\/127\.0\.0\.1:\d+\/cut\/helm-v3\.17\.3-linux-amd64\.tar\.gz \(3 attempts\): /,
    );
    const archiveRequests = server.requests
      .slice(before)
      .filter((path) => path.endsWith('.tar.gz'));
    expect(archiveRequests).toHaveLength(3);
    expect(cachedVersions()).toEqual([]);
  });

  it('says a version that was never released does not exist', async () => {
    const error = await setupHelm(
      { kind: 'release', version: 'v3.99.0' },
      { downloadUrl: `${server.url}/good`, downloadInput: 'helm-download-url', home: home() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `${server.url}/good/helm-v3.99.0-linux-amd64.tar.gz.sha256sum does not exist (HTTP 404).`,
    );
    expect((error as UserError).fix).toContain('check that helm v3.99.0 is a released version');
  });
});
