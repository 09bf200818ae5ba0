import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import {
  buildImageSuite,
  failureMessage,
  registrySnapshot,
  runBuildImage,
} from '../../../test/support/build-image.js';
import type { ActionRun } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * Each bad input ends in one clear message and leaves the registry as it
 * was; a registry that fails transiently is retried (and says so) until it
 * recovers. All through the committed bundle, the real docker engine and
 * the real registries.
 */

const suite = buildImageSuite('itg-bad');
const { env, prefix } = suite;
const repoWith = suite.repo;
const build = suite.build;

/** The run failed with one message, and the registry has nothing under the suite's path. */
async function failedCleanly(run: ActionRun): Promise<string> {
  expect(run.exitCode).toBe(1);
  const message = failureMessage(run);
  expect(await registrySnapshot(env.registry, suite.repository)).toEqual({});
  return message;
}

describe('bad inputs end in one clear message and leave the registry untouched', () => {
  it('broken JSON: file, line, column and JSON path', async () => {
    const repo = repoWith((r) =>
      r.writeManifestText(
        readFileSync(join(r.dir, 'default.json'), 'utf8').replace(
          '"type": "http_html",',
          '"type": "http_html"',
        ),
      ),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toMatch(/^build-image: The manifest is not valid JSON/);
    expect(message).toContain(
      'default.json:6:24: $.application: missing "," before the property "version" on line 7. Fix: add "," at line 6, column 24, right after the previous value.',
    );
  });

  it('an unknown buildfact', async () => {
    const repo = repoWith((r) =>
      r.editManifest((m) => {
        (m.build as { system_setup: unknown }).system_setup = {
          buildfacts: { nodejs: '18', cobol: '85' },
        };
      }),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toMatch(
      /default\.json:\d+:\d+: \$\.build\.system_setup\.buildfacts\.cobol: .*cobol/,
    );
  });

  it('a buildfact no standard builder provides', async () => {
    const repo = repoWith((r) =>
      r.editManifest((m) => {
        (m.build as { system_setup: unknown }).system_setup = { buildfacts: { java: '8' } };
      }),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toMatch(
      /^build-image: default\.json:\d+:\d+: No standard builder provides java 8 \(build\.system_setup\.buildfacts\)\./,
    );
    expect(message).toContain('nodejs (nodejs 24, shell default)');
  });

  it('an artifact outside the repository', async () => {
    const repo = repoWith((r) =>
      r.editManifest((m) => void (m.artifacts = ['app/dist', '../secrets'])),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toMatch(
      /default\.json:\d+:\d+: \$\.artifacts\[1\]: "\.\.\/secrets" goes through "\.\."/,
    );
  });

  it('an artifact that is a symbolic link out of the repository, made by the build', async () => {
    const repo = repoWith((r) =>
      r.editManifest((m) => {
        (m.build as { build_steps: unknown[] }).build_steps.push({
          shell: 'ln -s /etc/passwd app/dist/passwd',
        });
      }),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toContain(
      'build-image: default.json: Artifact "app/dist" contains app/dist/passwd, a symbolic link to /etc/passwd, outside the repository.',
    );
  });

  it('an application name that is not a DNS-1123 label', async () => {
    const repo = repoWith((r) =>
      r.editManifest((m) => void ((m.application as { name: string }).name = 'Store_Front')),
    );
    const message = await failedCleanly(await build(repo));
    expect(message).toMatch(/default\.json:\d+:\d+: \$\.application\.name: .*Store_Front/);
  });

  it('a registry that answers 401 to the credentials', async () => {
    const repo = repoWith();
    const run = await build(repo, {
      registry: `${env.registryTls}/${prefix}`,
      'registry-username': env.registryTlsUser,
      'registry-password': 'not-the-password',
      'registry-ca': env.caFile,
    });
    expect(run.exitCode).toBe(1);
    expect(failureMessage(run)).toMatch(
      new RegExp(
        `^build-image: Registry ${env.registryTls.replace(/\./g, '\\.')} rejected the credentials \\(HTTP 401.*\\) to read ${prefix}/shop/storefront\\.\\nHow to fix: Check the registry credentials`,
      ),
    );
    expect(run.stdout).not.toContain('docker buildx build');
    expect(run.stdout).not.toContain('retrying'); // a 401 is never retried
    expect(run.masked).toContain('not-the-password');
    expect(leaks(run, 'not-the-password')).toEqual([]);
    const snapshot = await registrySnapshot(env.registryTls, `${prefix}/shop/storefront`, {
      credentials: { username: env.registryTlsUser, password: env.registryTlsPassword },
      caFile: env.caFile,
    });
    expect(snapshot).toEqual({});
  });

  it('a build step that fails: its exit code and the end of its log', async () => {
    // A workspace owned by a runner-like user (1001): the steps run as that user, on the mounted workspace.
    const repo = repoWith(
      (r) =>
        r.editManifest((m) => {
          (m.build as { build_steps: unknown[] }).build_steps.push({
            shell:
              'echo compiling the storefront; echo "error: missing semicolon at app/src/x.js:3" >&2; exit 3',
          });
        }),
      { owner: 1001 },
    );
    const run = await build(repo);
    const message = await failedCleanly(run);
    expect(message).toContain(
      'build-image: default.json: Build step 3 of 3 ($.build.build_steps[2], shell) failed with exit code 3: echo compiling the storefront;',
    );
    expect(message).toMatch(
      /Last lines of its log:\n(.*\n)* {2}compiling the storefront\n {2}error: missing semicolon at app\/src\/x\.js:3/,
    );
    expect(run.stdout).toContain('as 1001:1001 with the workspace mounted');
  });
});

describe('a registry that answers 503 three times, then recovers', () => {
  it('succeeds, and the log shows the retries', async () => {
    const proxy = await FaultProxy.start({ target: env.registry });
    try {
      proxy.http503({ count: 3, retryAfterSeconds: 1 });
      const path = `${prefix}-503`;
      const repo = repoWith();
      const run = await runBuildImage(repo, `${proxy.address}/${path}`, { retries: '5' });
      expect(run.exitCode, run.stdout.slice(-4000)).toBe(0);
      expect(proxy.stats().http503).toBe(3);
      const retries = run.stdout
        .split('\n')
        .filter((line) =>
          /^Registry 127\.0\.0\.1:\d+: attempt \d of 5 failed: .*; retrying in \d+ ms\.$/.test(
            line,
          ),
        );
      expect(retries.length).toBeGreaterThanOrEqual(2);
      expect(retries.join('\n')).toContain('503');
      expect(run.outputs).toMatchObject({ version: '1.0.0', rebuilt: 'true', reason: 'commit' });
      expect((await registrySnapshot(env.registry, `${path}/shop/storefront`))['1.0.0']).toBe(
        run.outputs.digest,
      );
    } finally {
      await proxy.close();
    }
  });
});
