import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from '../../../test/support/runner.js';
import {
  EXAMPLE_CHART,
  HelmDownloadServer,
  env,
  scratch,
  uniquePath,
} from '../../../test/fixtures/helm/harness.js';

/**
 * Without `helm-version: path`, the bundle installs helm itself: the pinned
 * default (or the version asked for) from helm-download-url, checksum
 * verified, into the runner's tool cache. A stand-in for get.helm.sh serves
 * real archives of the environment's helm binaries.
 */

let server: HelmDownloadServer;
beforeAll(async () => {
  server = await HelmDownloadServer.start();
});
afterAll(() => server.close());

// A PATH without any helm on it.
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

describe('helm-push installs helm', () => {
  it.each([
    ['the pinned default, v3.17.3', {}, 'v3.17.3', 3],
    ['v4.1.4 when asked', { 'helm-version': 'v4.1.4' }, 'v4.1.4', 4],
  ])('%s, and publishes with it', async (_, inputs, version, major) => {
    const toolCache = scratch('tool-cache');
    const run = await runBundle(
      'helm-push',
      {
        chart: EXAMPLE_CHART,
        destination: `oci://${env().registry}/${uniquePath(`installed-h${major}`)}`,
        'helm-download-url': `${server.url}/good`,
        ...inputs,
      },
      { env: { PATH, HOME: scratch('home'), RUNNER_TOOL_CACHE: toolCache } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.pushed).toBe('true');
    expect(run.stdout).toContain(`sha256 `);
    expect(run.stdout).toContain(
      `helm ${version} (helm ${major}) at ${toolCache}/helm/${version.slice(1)}/x64/linux-amd64/helm`,
    );
    expect(run.summary).toContain(`helm ${version}`);
  });

  it('fails with one message when the archive does not match its checksum', async () => {
    const run = await runBundle(
      'helm-push',
      {
        chart: EXAMPLE_CHART,
        destination: `oci://${env().registry}/${uniquePath('badsum')}`,
        'helm-download-url': `${server.url}/wrong-checksum`,
      },
      { env: { PATH, HOME: scratch('home'), RUNNER_TOOL_CACHE: scratch('tool-cache') } },
    );
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^helm-push: The download of helm v3\.17\.3 from .* has sha256 [a-f0-9]{64}, but .*\.sha256sum says 0{64}; it was not installed\.\nHow to fix: retry the job; if it fails again the file or its checksum was changed at the source \(check the helm-download-url input, /,
    );
  });
});
