import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startPackageServer,
  type PackageServer,
} from '../../test/fixtures/inspec/package-server.js';
import { UserError } from '../errors.js';
import { InfrastructureFailure } from './failures.js';
import { installTool, type InstallRequest } from './install.js';
import { Inspec } from './tool.js';

// The download → sha256 → extract → cache path of @actions/tool-cache,
// against a real local HTTP server serving real .tar.gz archives (see
// test/fixtures/inspec/package-server.ts for what each version serves).

let server: PackageServer;
let toolCache: string;
let temp: string;

beforeAll(async () => {
  server = await startPackageServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'inspec-install-'));
  toolCache = join(root, 'tool-cache');
  temp = join(root, 'temp');
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = temp;
  server.requests.length = 0;
});

function request(version: string): InstallRequest {
  return {
    product: 'cinc-auditor',
    version,
    baseUrl: server.baseUrl,
    platform: { p: 'ubuntu', pv: '24.04', m: 'x86_64' },
  };
}

function leftovers(): string[] {
  return existsSync(temp) ? readdirSync(temp, { recursive: true }).map(String) : [];
}

describe('installing from an omnitruck-compatible service', () => {
  it('downloads, verifies, extracts and caches the archive; the installed tool runs', async () => {
    const installed = await installTool(request('6.8.24'));
    expect(installed).toEqual({
      executable: join(toolCache, 'cinc-auditor', '6.8.24', 'x64', 'bin', 'cinc-auditor'),
      version: '6.8.24',
      from: 'download',
    });
    expect(server.requests).toEqual([
      '/stable/cinc-auditor/metadata?v=6.8.24&p=ubuntu&pv=24.04&m=x86_64',
      '/files/stable/cinc-auditor/6.8.24/cinc-auditor-6.8.24.tar.gz',
    ]);
    expect(await new Inspec(installed.executable, 'cinc-auditor').version()).toBe('6.8.24');
  });

  it('uses the tool cache the second time, without asking the server', async () => {
    await installTool(request('6.8.24'));
    server.requests.length = 0;
    const again = await installTool(request('6.8.24'));
    expect(again.from).toBe('tool-cache');
    expect(again.version).toBe('6.8.24');
    expect(server.requests).toEqual([]);
  });

  it('refuses an archive whose sha256 is not the published one, and caches nothing', async () => {
    const failure = await installTool(request('6.8.1')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toMatch(
      /^The download of cinc-auditor 6\.8\.1 from http:\/\/127\.0\.0\.1:\d+\/files\/stable\/cinc-auditor\/6\.8\.1\/cinc-auditor-6\.8\.1\.tar\.gz has sha256 [0-9a-f]{64}, but the pinned checksum says [0-9a-f]{64}; it was not installed\.$/,
    );
    expect((failure as UserError).fix).toMatch(/^retry the job/);
    expect(tc.find('cinc-auditor', '6.8.1')).toBe('');
    expect(leftovers()).toEqual([]);
  });

  it("refuses a truncated file served in full under the whole archive's checksum", async () => {
    const failure = await installTool(request('6.8.3')).catch((e: unknown) => e);
    expect((failure as Error).message).toContain(
      `but the pinned checksum says ${server.archiveSha256}; it was not installed.`,
    );
    expect(tc.find('cinc-auditor', '6.8.3')).toBe('');
    expect(leftovers()).toEqual([]);
  });

  it('fails clearly when the transfer stops halfway (after three attempts)', async () => {
    const failure = await installTool(request('6.8.2')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InfrastructureFailure);
    expect((failure as Error).message).toMatch(
      /^Infrastructure failure, compliance was not evaluated: installing CINC Auditor 6\.8\.2 failed: Could not download cinc-auditor 6\.8\.2 from http:\/\/127\.0\.0\.1:\d+\/\S+ \(3 attempts\): /,
    );
    // tool-cache tried three times before giving up.
    expect(server.requests.filter((r) => r.startsWith('/files/'))).toHaveLength(3);
    expect(tc.find('cinc-auditor', '6.8.2')).toBe('');
  });

  it('says which version and platform do not exist when the service answers 404', async () => {
    await expect(installTool(request('1.2.3'))).rejects.toThrow(
      /^No CINC Auditor 1\.2\.3 package for ubuntu 24\.04 x86_64 \(http:\/\/127\.0\.0\.1:\d+\/stable\/cinc-auditor\/metadata\?v=1\.2\.3&p=ubuntu&pv=24\.04&m=x86_64 answered HTTP 404\)\.$/,
    );
  });

  it('refuses a plain-http service that is not this machine', async () => {
    await expect(
      installTool({ ...request('6.8.24'), baseUrl: 'http://omnitruck.example.com' }),
    ).rejects.toThrow(
      'inspec-download-url must be an https:// URL, not http://omnitruck.example.com.',
    );
  });
});
