import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../../test/env/environment.js';
import { runBundle, type ActionRun } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * The registry password standard-images takes to read the fleet's images
 * (a standard image changed, so each application's image is read on the
 * local TLS registry with basic auth) is masked and appears in no log line,
 * summary, output, annotation or file left in RUNNER_TEMP: when the
 * registry refuses it (a sentinel) and when it accepts it (the registry's
 * own password).
 */

const SENTINEL = 'sentinel-standard-images-registry-6d2e';
const env = loadEnvironment();

const catalog = (digit: string) => `apiVersion: pipeline-actions/v1
runtimes:
  http_html:
    image: ${env.registryTls}/standard/runtime-http@sha256:${digit.repeat(64)}
    user: '10001:10001'
    port: 8080
`;

const workspace = mkdtempSync(join(tmpdir(), 'pa-standard-images-secrets-'));
writeFileSync(join(workspace, 'catalog.yaml'), catalog('a'));
writeFileSync(join(workspace, 'previous.yaml'), catalog('b'));
writeFileSync(
  join(workspace, 'fleet.yaml'),
  `apiVersion: pipeline-actions/v1\nref: main\napps:\n  - repository: acme/storefront\n    image: ${env.registryTls}/shop/sentinel-storefront\n`,
);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const publish = (password: string) =>
  runBundle(
    'standard-images',
    {
      catalog: 'catalog.yaml',
      'previous-catalog': 'previous.yaml',
      fleet: 'fleet.yaml',
      'dry-run': 'true',
      'registry-username': env.registryTlsUser,
      'registry-password': password,
      'registry-ca': env.caFile,
    },
    { workspace },
  );

/** The password, and the basic-auth header value made of it, masked and shown nowhere. */
function expectHidden(run: ActionRun, password: string): void {
  expect(run.masked, run.stdout.slice(-2500)).toContain(password);
  const basic = Buffer.from(`${env.registryTlsUser}:${password}`).toString('base64');
  for (const secret of [password, basic]) expect(leaks(run, secret), secret).toEqual([]);
}

describe('standard-images keeps the registry password out of everything it writes', () => {
  it('refused by the registry: masked, shown nowhere', async () => {
    const run = await publish(SENTINEL);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `Registry ${env.registryTls} rejected the credentials (HTTP 401: UNAUTHORIZED: authentication required) to read shop/sentinel-storefront.`,
    );
    expectHidden(run, SENTINEL);
  });

  it('accepted by the registry: masked, shown nowhere', async () => {
    const run = await publish(env.registryTlsPassword);
    expect(run.exitCode, run.stdout.slice(-2500)).toBe(0);
    // Read with the login: the application has no image there yet.
    expect(run.stdout).toContain(
      'acme/storefront (pipeline.yml): nothing to rebuild: no release image yet',
    );
    expectHidden(run, env.registryTlsPassword);
  });
});
