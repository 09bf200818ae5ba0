import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/index.js';
import {
  buildImageSuite,
  registrySnapshot,
  sbomOfImage,
  succeeded,
  type AppRepo,
} from '../../../test/support/build-image.js';
import { localCatalog } from '../../../test/support/catalog.js';
import type { ActionRun } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * The example application (examples/default.json and examples/app) built by
 * the committed bundle against the real docker engine and both local
 * registries: it builds in the standard builder, runs as a container that
 * answers its port, is pushed to the open and the TLS + basic-auth registry,
 * is reused unchanged on a second run, and is rebuilt with reason `base`
 * when the catalog's runtime digest changes.
 */

const suite = buildImageSuite('itg-example');
const { env, prefix } = suite;
const exec = promisify(execFile);
const dockerConfig = mkdtempSync(join(tmpdir(), 'pa-itg-docker-'));
const docker = (...args: string[]) =>
  exec('docker', args, { env: { ...process.env, DOCKER_CONFIG: dockerConfig } });
let repo: AppRepo;
let first: ActionRun;

const build = (inputs: Record<string, string> = {}): Promise<ActionRun> =>
  suite.build(repo, inputs);

beforeAll(async () => {
  repo = suite.repo();
  first = succeeded(await build());
});

afterAll(() => rmSync(dockerConfig, { recursive: true, force: true }));

describe('the example app', () => {
  it('builds with its two steps in the standard builder and pushes version 1.0.0 of the 1.0.x range', async () => {
    const image = `${env.registry}/${prefix}/shop/storefront`;
    expect(first.outputs).toMatchObject({
      image,
      version: '1.0.0',
      rebuilt: 'true',
      reason: 'commit',
      'base-ref': env.images['runtime-http'],
    });
    expect(first.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.outputs.ref).toBe(`${image}@${first.outputs.digest}`);
    expect(first.outputs.tags).toMatch(/^1\.0\.0,content-[0-9a-f]{64}$/);
    expect(first.stdout).toContain('::group::Build step 1/2 (npm): npm --prefix app run build');
    expect(first.stdout).toContain(
      '::group::Build step 2/2 (shell): sh app/scripts/stamp.sh app/dist',
    );
    expect(first.stdout).toContain('storefront: rendered 3 products');
    expect(first.summary).toContain('| Reason | commit: the first image of this app |');
    expect(first.summary).toMatch(/\| Size \| [\d.]+ (KiB|MiB) \|/);
    // runtime-http is Debian's busybox-static on scratch, recorded in status.d; the app
    // has no dependencies (the Python suite, sbom.itg.test.ts, has both kinds).
    expect(first.outputs['sbom-ref']).toMatch(
      new RegExp(`^${image.replace(/\./g, '\\.')}@sha256:[0-9a-f]{64}$`),
    );
    expect(first.summary).toContain('CycloneDX 1.6, 1 OS package, 0 dependencies (no lock file)');

    const client = new RegistryClient(env.registry, { dockerConfig: false });
    try {
      const { bom } = await sbomOfImage(client, `${prefix}/shop/storefront`, first.outputs.digest!);
      // What the image runs on (Debian's package, from its status.d record), and no libraries.
      const packages = bom.components.filter((c) => c.purl?.startsWith('pkg:deb/'));
      expect(packages.map((c) => [c.name, c.purl?.split('?')[0]])).toEqual([
        ['busybox-static', expect.stringMatching(/^pkg:deb\/debian\/busybox-static@1:1\.\d+/)],
      ]);
      expect(bom.components.filter((c) => c.type === 'library')).toEqual(packages);
      const config = await client.getImageConfig(`${prefix}/shop/storefront`, '1.0.0');
      expect(config.digest).toBe(first.outputs.digest);
      expect(config.labels).toMatchObject({
        'org.opencontainers.image.base.name': env.images['runtime-http']!.split('@')[0],
        'org.opencontainers.image.base.digest': env.images['runtime-http']!.split('@')[1],
        'org.opencontainers.image.source': 'https://github.com/acme/storefront',
        'org.opencontainers.image.revision': '0123456789abcdef0123456789abcdef01234567',
        'org.opencontainers.image.version': '1.0.0',
      });
      expect(config.labels['io.github.pipeline-actions.content-hash']).toMatch(/^[0-9a-f]{64}$/);
      expect((config.config as { config: { User: string } }).config.User).toBe('10001:10001');
    } finally {
      client.close();
    }
  });

  it('runs as a non-root container that answers on port 8080 with the built page', async () => {
    const { stdout } = await docker(
      'run',
      '-d',
      '--rm',
      '-p',
      '127.0.0.1::8080',
      first.outputs.ref!,
    );
    const container = stdout.trim();
    try {
      const port = (await docker('port', container, '8080/tcp')).stdout.trim().split(':').pop();
      const page = await waitForHttp(`http://127.0.0.1:${port}/`);
      expect(page).toContain('<h1>Storefront</h1>');
      expect(page).toContain('Enamel mug');
      expect(JSON.parse(await waitForHttp(`http://127.0.0.1:${port}/version.json`))).toEqual({
        application: 'shop/storefront',
        version: '1.0.0',
      });
      expect((await docker('exec', container, 'id', '-u')).stdout.trim()).toBe('10001');
    } finally {
      await docker('rm', '-f', container).catch(() => undefined);
    }
  });

  it('pushes to the TLS registry with basic auth and its CA, masking the password', async () => {
    const run = succeeded(
      await build({
        registry: `${env.registryTls}/${prefix}`,
        'registry-username': env.registryTlsUser,
        'registry-password': env.registryTlsPassword,
        'registry-ca': env.caFile,
      }),
    );
    expect(run.outputs).toMatchObject({ version: '1.0.0', rebuilt: 'true', reason: 'commit' });
    expect(run.masked).toContain(env.registryTlsPassword);
    expect(leaks(run, env.registryTlsPassword)).toEqual([]);
    const snapshot = await registrySnapshot(env.registryTls, `${prefix}/shop/storefront`, {
      credentials: { username: env.registryTlsUser, password: env.registryTlsPassword },
      caFile: env.caFile,
    });
    expect(snapshot['1.0.0']).toBe(run.outputs.digest);
  });

  it("pushes with the credentials of the runner's docker login (docker config) when none are given", async () => {
    const config = mkdtempSync(join(tmpdir(), 'pa-itg-login-'));
    const auth = Buffer.from(`${env.registryTlsUser}:${env.registryTlsPassword}`).toString(
      'base64',
    );
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [env.registryTls]: { auth } } }),
    );
    try {
      const registry = `${env.registryTls}/${prefix}-login`;
      const run = succeeded(
        await suite.build(repo, { registry, 'registry-ca': env.caFile }, { DOCKER_CONFIG: config }),
      );
      expect(run.outputs).toMatchObject({ version: '1.0.0', rebuilt: 'true' });
      // the run's own docker config is gone; the user's is as it was
      expect(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8'))).toEqual({
        auths: { [env.registryTls]: { auth } },
      });
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('pushes nothing new on a second run without changes (reason none)', async () => {
    const repository = `${prefix}/shop/storefront`;
    const before = await registrySnapshot(env.registry, repository);
    const run = succeeded(await build());
    expect(run.outputs).toMatchObject({
      rebuilt: 'false',
      reason: 'none',
      version: '1.0.0',
      digest: first.outputs.digest,
      tags: first.outputs.tags,
      'sbom-ref': first.outputs['sbom-ref'],
    });
    expect(run.stdout).not.toContain('docker buildx build');
    expect(run.stdout).not.toContain('docker run');
    expect(await registrySnapshot(env.registry, repository)).toEqual(before);
  });

  it('rebuilds with reason base, and a tag naming the new base, when the catalog changes the runtime digest', async () => {
    const variant = await pushRuntimeVariant();
    writeFileSync(
      join(repo.dir, 'catalog.yaml'),
      localCatalog(env, { runtime: variant.reference }),
    );
    const run = succeeded(await build());
    const short = variant.digest.slice('sha256:'.length, 'sha256:'.length + 12);
    expect(run.outputs).toMatchObject({
      rebuilt: 'true',
      reason: 'base',
      version: '1.0.1',
      'base-ref': variant.reference,
    });
    expect(run.outputs.tags?.split(',').slice(0, 2)).toEqual([
      '1.0.1',
      `1.0.1-runtime-http.${short}`,
    ]);
    expect(run.summary).toContain('| Reason | base: a standard image changed since');
    const snapshot = await registrySnapshot(env.registry, `${prefix}/shop/storefront`);
    expect(snapshot['1.0.0']).toBe(first.outputs.digest);
    expect(snapshot['1.0.1']).toBe(run.outputs.digest);
  });

  it('rebuilds with reason commit when a source changes, and moves the channel tags asked for', async () => {
    repo.write('app/src/styles.css', 'body { color: #222; }\n');
    // The docker driver cannot export a registry cache: a warning, never a failed build.
    const run = succeeded(await build({ 'channel-tags': '1, stable', cache: 'registry' }));
    expect(run.outputs).toMatchObject({ rebuilt: 'true', reason: 'commit', version: '1.0.2' });
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^Build cache: the buildx builder uses the "docker" driver, which cannot export a registry cache/,
        ),
      }),
    );
    const snapshot = await registrySnapshot(env.registry, `${prefix}/shop/storefront`);
    expect(snapshot['1']).toBe(run.outputs.digest);
    expect(snapshot.stable).toBe(run.outputs.digest);
    expect(snapshot['1.0.1']).not.toBe(run.outputs.digest);
  });
});

describe('the example app, other ways', () => {
  it('builds without pushing when push is false, leaving the registry as it was', async () => {
    const repository = `${prefix}/shop/storefront`;
    const before = await registrySnapshot(env.registry, repository);
    repo.write(
      'app/src/index.html',
      '<!doctype html><title>Storefront</title><h1>Storefront</h1>\n',
    );
    const run = succeeded(await build({ push: 'false' }));
    expect(run.outputs).toMatchObject({ rebuilt: 'true', reason: 'commit', digest: '', ref: '' });
    expect(run.stdout).toContain('--load');
    expect(await registrySnapshot(env.registry, repository)).toEqual(before);
  });

  it('packages the artifacts as a Debian package (package: deb) installed under /opt/<namespace>/<app>', async () => {
    const run = succeeded(
      await build({ registry: `${env.registry}/${prefix}-deb`, package: 'deb' }),
    );
    expect(run.stdout).toContain(
      'Packaged as shop-storefront 1.0.0 (Architecture: all), installed into /opt/shop/storefront.',
    );
    const { stdout } = await docker('run', '-d', '--rm', '-p', '127.0.0.1::8080', run.outputs.ref!);
    const container = stdout.trim();
    try {
      const port = (await docker('port', container, '8080/tcp')).stdout.trim().split(':').pop();
      expect(await waitForHttp(`http://127.0.0.1:${port}/`)).toContain('<h1>Storefront</h1>');
      expect((await docker('exec', container, 'pwd')).stdout.trim()).toBe('/opt/shop/storefront');
      expect(
        (await docker('exec', container, 'stat', '-c', '%u:%g %a', 'index.html')).stdout.trim(),
      ).toBe('0:0 644');
    } finally {
      await docker('rm', '-f', container).catch(() => undefined);
    }
  });
});

/** runtime-http with one more label, pushed under this suite's path: a new digest, the same behaviour. */
async function pushRuntimeVariant(): Promise<{ reference: string; digest: string }> {
  const context = mkdtempSync(join(tmpdir(), 'pa-itg-variant-'));
  const name = `${env.registry}/${prefix}/standard/runtime-http`;
  try {
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${env.images['runtime-http']}\nLABEL variant="${prefix}"\n`,
    );
    await docker(
      'buildx',
      'build',
      '--quiet',
      '--provenance=false',
      '--push',
      '-t',
      `${name}:variant`,
      context,
    );
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  const client = new RegistryClient(env.registry, { dockerConfig: false });
  try {
    const digest = (await client.headManifest(`${prefix}/standard/runtime-http`, 'variant'))!
      .digest;
    return { reference: `${name}@${digest}`, digest };
  } finally {
    client.close();
  }
}

async function waitForHttp(url: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
