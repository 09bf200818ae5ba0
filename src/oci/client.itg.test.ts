import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { FaultProxy } from '../../test/env/fault-proxy.js';
import { UserError } from '../errors.js';
import type { RetryOptions } from '../retry.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';
import { digestOf } from './digest.js';
import { RegistryPool } from './pool.js';
import { DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST } from './media-types.js';
import { formatReference, parseReference, withDigest } from './reference.js';

/**
 * The client against the real registries test/env/up starts: distribution
 * 2.8 open on plain HTTP, and the same with TLS (our CA) and htpasswd basic
 * auth; faults come from a TCP proxy put in front of them.
 */

const env = loadEnvironment();
const run = `r${Date.now().toString(36)}`;
const execFileAsync = promisify(execFile);

/** Short delays so retry paths run in a test's time; three attempts in all. */
const FAST_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 };

const clients: RegistryClient[] = [];
function client(registry: string, options: RegistryClientOptions = {}): RegistryClient {
  const made = new RegistryClient(registry, { dockerConfig: false, retry: FAST_RETRY, ...options });
  clients.push(made);
  return made;
}
afterAll(() => clients.forEach((c) => c.close()));

/** Records the exchanges a client makes (its debug log). */
function recorder() {
  const lines: string[] = [];
  return { lines, log: (line: string) => void lines.push(line) };
}

type Pushed = PushedImage;

/**
 * Pushes a small single-layer image with its own config (and labels) with
 * skopeo, a real registry client: the OCI client itself uploads manifests
 * only (images come from docker, charts from helm).
 */
function pushImage(
  registry: string,
  repository: string,
  tag: string,
  labels: Record<string, string> = {},
  mediaType = OCI_MANIFEST,
): Promise<Pushed> {
  const secure =
    registry === env.registryTls
      ? { caFile: env.caFile, creds: `${env.registryTlsUser}:${env.registryTlsPassword}` }
      : {};
  return pushTestImage(
    { registry, repository, tag, ...secure },
    { labels, docker: mediaType === DOCKER_MANIFEST },
  );
}

let certDirPath: string | undefined;
/** A directory with the environment's CA as ca.crt, as skopeo's --cert-dir wants it. */
function certDir(): string {
  if (!certDirPath) {
    certDirPath = mkdtempSync(join(tmpdir(), 'oci-certs-'));
    copyFileSync(env.caFile, join(certDirPath, 'ca.crt'));
  }
  return certDirPath;
}
afterAll(() => {
  if (certDirPath) rmSync(certDirPath, { recursive: true, force: true });
});

/** The manifest bytes as skopeo (another client) reads them, and their digest. */
async function skopeoDigest(reference: string, extra: string[] = []): Promise<string> {
  const { stdout } = await execFileAsync(
    'skopeo',
    ['inspect', '--raw', ...extra, `docker://${reference}`],
    { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 },
  );
  return digestOf(stdout);
}

describe('open registry (plain HTTP on loopback)', () => {
  const repository = `oci-client/${run}/app`;
  let registry: RegistryClient;
  let v1: Pushed;

  beforeAll(async () => {
    registry = client(env.registry, { scheme: 'http' });
    v1 = await pushImage(env.registry, repository, '1.0.0', {
      'org.opencontainers.image.base.digest': `sha256:${'0'.repeat(64)}`,
      'io.pipeline-actions.content-hash': 'abc123',
    });
  });

  test('lists every tag when there are more than a page of them', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `1.1.${i}`);
    for (const tag of tags) await registry.putManifest(repository, tag, v1.bytes, OCI_MANIFEST);
    const paged = client(env.registry, { scheme: 'http', tagPageSize: 5 });
    expect((await paged.listTags(repository)).sort()).toEqual(['1.0.0', ...tags].sort());
  });

  test('a repository that was never pushed has no tags', async () => {
    expect(await registry.listTags(`oci-client/${run}/never-pushed`)).toEqual([]);
  });

  test('HEAD and GET give the digest the registry stores, as another client sees it', async () => {
    const head = await registry.headManifest(repository, '1.0.0');
    expect(head).toEqual({ digest: v1.digest, mediaType: OCI_MANIFEST, size: v1.bytes.length });
    const got = await registry.getManifest(repository, '1.0.0');
    expect(got.digest).toBe(v1.digest);
    expect(got.bytes.equals(v1.bytes)).toBe(true);
    expect(got.mediaType).toBe(OCI_MANIFEST);
    expect(await skopeoDigest(`${env.registry}/${repository}:1.0.0`, ['--tls-verify=false'])).toBe(
      v1.digest,
    );
    const byDigest = await registry.getManifest(repository, v1.digest);
    expect(byDigest.digest).toBe(v1.digest);
  });

  test('an index is answered as the index, with the index digest', async () => {
    const amd64 = await pushImage(env.registry, repository, 'amd64-only', { arch: 'amd64' });
    const arm64 = await pushImage(env.registry, repository, 'arm64-only', { arch: 'arm64' });
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: arm64.digest,
            size: arm64.bytes.length,
            platform: { os: 'linux', architecture: 'arm64' },
          },
          {
            mediaType: OCI_MANIFEST,
            digest: amd64.digest,
            size: amd64.bytes.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    );
    const digest = await registry.putManifest(repository, 'multi', index, OCI_INDEX);
    expect(await registry.headManifest(repository, 'multi')).toEqual({
      digest,
      mediaType: OCI_INDEX,
      size: index.length,
    });
    expect(await skopeoDigest(`${env.registry}/${repository}:multi`, ['--tls-verify=false'])).toBe(
      digest,
    );
    // The config of the platform's image, through the index.
    const config = await registry.getImageConfig(repository, 'multi', {
      os: 'linux',
      architecture: 'arm64',
    });
    expect(config).toMatchObject({
      digest,
      manifestDigest: arm64.digest,
      labels: { arch: 'arm64' },
    });
  });

  test('Docker v2 manifests and manifest lists keep their own media type and digest', async () => {
    const docker = await pushImage(env.registry, repository, 'docker-v2', {}, DOCKER_MANIFEST);
    expect(await registry.headManifest(repository, 'docker-v2')).toMatchObject({
      digest: docker.digest,
      mediaType: DOCKER_MANIFEST,
    });
    const list = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: DOCKER_MANIFEST_LIST,
        manifests: [
          {
            mediaType: DOCKER_MANIFEST,
            digest: docker.digest,
            size: docker.bytes.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    );
    const listDigest = await registry.putManifest(
      repository,
      'docker-list',
      list,
      DOCKER_MANIFEST_LIST,
    );
    expect(await registry.headManifest(repository, 'docker-list')).toMatchObject({
      digest: listDigest,
      mediaType: DOCKER_MANIFEST_LIST,
    });
  });

  test('a tag that does not exist is undefined on HEAD and a UserError on GET', async () => {
    expect(await registry.headManifest(repository, '9.9.9')).toBeUndefined();
    await expect(registry.getManifest(repository, '9.9.9')).rejects.toThrow(UserError);
    await expect(registry.resolveDigest(`${env.registry}/${repository}:9.9.9`)).rejects.toThrow(
      /does not exist in the registry/,
    );
  });

  test('reads the config blob and its labels', async () => {
    const blob = await registry.getBlob(repository, v1.configDigest, 64 * 1024);
    expect(digestOf(blob)).toBe(v1.configDigest);
    await expect(registry.getBlob(repository, v1.configDigest, 10)).rejects.toThrow(
      /larger than the 10 bytes accepted/,
    );
    const config = await registry.getImageConfig(repository, '1.0.0');
    expect(config.labels).toEqual({
      'org.opencontainers.image.base.digest': `sha256:${'0'.repeat(64)}`,
      'io.pipeline-actions.content-hash': 'abc123',
    });
  });

  test('re-tags by putting the same manifest bytes under another tag', async () => {
    const manifest = await registry.getManifest(repository, '1.0.0');
    const digest = await registry.putManifest(
      repository,
      'stable',
      manifest.bytes,
      manifest.mediaType,
    );
    expect(digest).toBe(v1.digest);
    expect((await registry.headManifest(repository, 'stable'))?.digest).toBe(v1.digest);
  });

  test('resolves references to digests, once per reference for concurrent callers', async () => {
    const rec = recorder();
    const resolver = client(env.registry, { scheme: 'http', log: rec.log });
    const ref = `${env.registry}/${repository}:1.0.0`;
    const digests = await Promise.all([1, 2, 3, 4].map(() => resolver.resolveDigest(ref)));
    expect(new Set(digests)).toEqual(new Set([v1.digest]));
    expect(rec.lines.filter((l) => l.startsWith('HEAD '))).toHaveLength(1);
    const pinned = withDigest(parseReference(ref), v1.digest);
    expect(await resolver.resolveDigest(pinned)).toBe(v1.digest);
    expect(formatReference(pinned)).toBe(`${ref}@${v1.digest}`);
  });

  test('the standard images built by docker resolve to their pinned digests', async () => {
    for (const image of [env.imageBusybox, env.imageDebian]) {
      const ref = parseReference(image);
      expect(ref.digest).toBeDefined();
      const own = client(ref.registry, { scheme: 'http' });
      const head = await own.headManifest(ref.repository, ref.digest!);
      expect(head?.digest).toBe(ref.digest);
      expect([OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST]).toContain(
        head?.mediaType,
      );
      const config = await own.getImageConfig(ref.repository, ref.digest!);
      expect(config.digest).toBe(ref.digest);
    }
  });

  test('auto scheme: a loopback registry without TLS is spoken to in plain HTTP', async () => {
    const port = env.registry.split(':').pop();
    for (const host of [env.registry, `localhost:${port}`]) {
      const rec = recorder();
      const auto = client(host, { log: rec.log });
      expect((await auto.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
      expect(await auto.listTags(repository)).toContain('1.0.0');
      expect(rec.lines).toContain(`${host} answers in plain HTTP; using http:// from now on`);
      expect(rec.lines.filter((l) => l.includes('plain HTTP'))).toHaveLength(1);
    }
  });

  test('auto scheme: concurrent first lookups on a fresh client all fall back to plain HTTP', async () => {
    // helm-deploy pins every image of a release at once through a fresh client:
    // each first request meets the plain-HTTP answer, not only the first one.
    const rec = recorder();
    const auto = client(env.registry, { log: rec.log });
    const references = ['1.0.0', '1.0.0', v1.digest, '1.0.0', v1.digest, '1.0.0', '1.0.0', '1.0.0'];
    const heads = await Promise.all(references.map((ref) => auto.headManifest(repository, ref)));
    expect(heads.map((head) => head?.digest)).toEqual(references.map(() => v1.digest));
    expect(rec.lines.filter((l) => l.includes('plain HTTP'))).toHaveLength(1);
  });

  test('https asked of a plain-HTTP registry is a clear error', async () => {
    const strict = client(env.registry, { scheme: 'https' });
    const error = await strict.listTags(repository).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(`Registry ${env.registry} did not answer with TLS`),
    );
  });
});

describe('TLS registry with basic auth', () => {
  const repository = `oci-client/${run}/secure`;
  const credentials = { username: env.registryTlsUser, password: env.registryTlsPassword };
  let v1: Pushed;

  beforeAll(async () => {
    v1 = await pushImage(env.registryTls, repository, '1.0.0');
  });

  test('pushes and reads with the CA and the credentials', async () => {
    const rec = recorder();
    const secure = client(env.registryTls, { caFile: env.caFile, credentials, log: rec.log });
    expect(await secure.listTags(repository)).toEqual(['1.0.0']);
    expect((await secure.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
    expect(
      rec.lines.every((l) => l.startsWith('GET https://') || l.startsWith('HEAD https://')),
    ).toBe(true);
    // One unauthenticated request learns the challenge; the rest carry credentials.
    expect(rec.lines.filter((l) => l.endsWith('-> 401'))).toHaveLength(1);
    expect(
      await skopeoDigest(`${env.registryTls}/${repository}:1.0.0`, [
        '--cert-dir',
        certDir(),
        '--creds',
        `${env.registryTlsUser}:${env.registryTlsPassword}`,
      ]),
    ).toBe(v1.digest);
  });

  test('the auto scheme does not fall back to HTTP on a TLS registry', async () => {
    const rec = recorder();
    const secure = client(env.registryTls, { caFile: env.caFile, credentials, log: rec.log });
    expect((await secure.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
    expect(rec.lines.some((l) => l.includes('http://'))).toBe(false);
  });

  test('credentials from docker config.json are used when none are given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-docker-config-'));
    try {
      const path = join(dir, 'config.json');
      const auth = Buffer.from(`${env.registryTlsUser}:${env.registryTlsPassword}`).toString(
        'base64',
      );
      writeFileSync(path, JSON.stringify({ auths: { [`https://${env.registryTls}`]: { auth } } }));
      const fromConfig = client(env.registryTls, { caFile: env.caFile, dockerConfig: path });
      expect(await fromConfig.listTags(repository)).toEqual(['1.0.0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a credential helper named by credsStore gives the password, which is nowhere else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-cred-helper-'));
    const path = process.env.PATH;
    try {
      // The test's own helper, a real executable on PATH, speaking docker's protocol.
      const answer = JSON.stringify({
        Username: env.registryTlsUser,
        Secret: env.registryTlsPassword,
      });
      const helper = join(dir, 'docker-credential-itg');
      writeFileSync(
        helper,
        `#!/bin/sh\nread -r host\n[ "$1" = get ] && [ "$host" = '${env.registryTls}' ] || { echo "credentials not found"; exit 1; }\ncat <<'EOF'\n${answer}\nEOF\n`,
      );
      chmodSync(helper, 0o755);
      process.env.PATH = `${dir}:${path}`;
      const config = join(dir, 'config.json');
      writeFileSync(
        config,
        JSON.stringify({ auths: { [env.registryTls]: {} }, credsStore: 'itg' }),
      );
      const fromHelper = client(env.registryTls, { caFile: env.caFile, dockerConfig: config });
      expect(await fromHelper.listTags(repository)).toEqual(['1.0.0']);
    } finally {
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a wrong password is a UserError that names registry and repository, without a retry storm', async () => {
    const rec = recorder();
    let retries = 0;
    const wrong = client(env.registryTls, {
      caFile: env.caFile,
      credentials: { username: env.registryTlsUser, password: 'not-the-password' },
      log: rec.log,
      retry: { ...FAST_RETRY, onRetry: () => void retries++ },
    });
    const error = await wrong.listTags(repository).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Registry ${env.registryTls} rejected the credentials (HTTP 401: UNAUTHORIZED: authentication required) to read ${repository}.`,
    );
    expect((error as UserError).fix).toMatch(/Check the registry credentials.*secret/);
    expect((error as UserError).message).not.toContain('not-the-password');
    // The challenge, then one attempt with the credentials: nothing more.
    expect(rec.lines).toEqual([
      `GET https://${env.registryTls}/v2/${repository}/tags/list -> 401`,
      `GET https://${env.registryTls}/v2/${repository}/tags/list -> 401`,
    ]);
    expect(retries).toBe(0);
  });

  test('no credentials is a UserError that says to pass them', async () => {
    const anonymous = client(env.registryTls, { caFile: env.caFile });
    const error = await anonymous.headManifest(repository, '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/requires authentication \(HTTP 401\) to read/);
    expect((error as UserError).fix).toMatch(/Pass credentials/);
  });

  test('without the CA the TLS error says to pass it, and is not retried', async () => {
    let retries = 0;
    const noCa = client(env.registryTls, {
      credentials,
      retry: { ...FAST_RETRY, onRetry: () => void retries++ },
    });
    const error = await noCa.listTags(repository).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(
        `^TLS verification of registry ${env.registryTls} failed: .*not signed by a trusted CA`,
      ),
    );
    expect((error as UserError).fix).toMatch(/Pass the registry's CA certificate/);
    expect(retries).toBe(0);
  });

  test('a connection reset on the way to the TLS registry is retried', async () => {
    const proxy = await FaultProxy.start({ target: env.registryTls });
    try {
      const port = proxy.port;
      const secure = client(`127.0.0.1:${port}`, {
        caFile: env.caFile,
        credentials,
        retry: { ...FAST_RETRY, onRetry: () => proxy.heal() },
      });
      proxy.reset();
      expect((await secure.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
      expect(proxy.stats().reset).toBe(1);
      expect(proxy.stats().forwarded).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
  });
});

test('a pool resolves references on several registries, each with its own CA and credentials', async () => {
  const open = await pushImage(env.registry, `oci-client/${run}/pool`, '1.0.0');
  const secure = await pushImage(env.registryTls, `oci-client/${run}/pool`, '1.0.0');
  const pool = new RegistryPool({
    dockerConfig: false,
    retry: FAST_RETRY,
    credentials: {
      [env.registryTls]: { username: env.registryTlsUser, password: env.registryTlsPassword },
    },
    registries: { [env.registryTls]: { caFile: env.caFile } },
  });
  try {
    const refs = [
      `${env.registry}/oci-client/${run}/pool:1.0.0`,
      `${env.registryTls}/oci-client/${run}/pool:1.0.0`,
      `${env.registry}/oci-client/${run}/pool:1.0.0`,
    ];
    expect(await Promise.all(refs.map((ref) => pool.resolveDigest(ref)))).toEqual([
      open.digest,
      secure.digest,
      open.digest,
    ]);
    expect(pool.client(env.registry)).toBe(pool.client(env.registry));
  } finally {
    pool.close();
  }
});
