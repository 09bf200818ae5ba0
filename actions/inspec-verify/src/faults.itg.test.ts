import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPackageServer,
  type PackageServer,
} from '../../../test/fixtures/inspec/package-server.js';
import { expectOutage, serviceFaults, throughFault } from '../../../test/support/faults.js';
import { runBundle } from '../../../test/support/runner.js';

/**
 * inspec-verify's download of CINC Auditor (the package service's metadata,
 * then the archive) through the fault proxy, facing the faults a registry is
 * tested with: each is waited out (installed from the download, the profile
 * run) or ends in the outage message, before anything runs.
 */

let server: PackageServer;
beforeAll(async () => {
  server = await startPackageServer();
});
afterAll(async () => server.close());

// Every request is longer than 100 bytes: the first is cut mid-request.
describe.each(serviceFaults(100))('inspec-verify installing through $name', (fault) => {
  it(`ends in ${fault.outcome}`, async () => {
    const { result: run, stats } = await throughFault(
      server.baseUrl.replace(/^http:\/\//, ''),
      fault,
      (address) =>
        runBundle(
          'inspec-verify',
          {
            profile: 'test/fixtures/inspec/profiles/passing',
            'inspec-download-url': `http://${address}`,
            'inspec-version': '6.8.24',
          },
          // No cinc-auditor on PATH: the one downloaded runs (the runner gives a fresh tool cache).
          { env: { PATH: `${join(process.execPath, '..')}:/usr/bin:/bin` } },
        ),
    );
    expect(fault.happened(stats), JSON.stringify(stats)).toBe(true);
    if (fault.outcome === 'success') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.stdout).toMatch(/Using CINC Auditor 6\.8\.24 \(\S+, from download\)\./);
      expect(run.outputs.ok).toBe('true');
    } else {
      expectOutage(run);
      expect(run.stdout).not.toMatch(/\[command\]\S+cinc-auditor exec/);
    }
  });
});
