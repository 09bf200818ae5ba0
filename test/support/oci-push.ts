// Images pushed into the local registries by a real registry client
// (skopeo), for suites that need content to read: the product pushes images
// through docker (build-image) and charts through helm (helm-push); the OCI
// client uploads only small artifacts of its own (an image's SBOM).
//
//   const image = await pushTestImage(target(env.registry, 'team/app', '1.0.0'), { labels });
//   await copyImage(`${env.registry}/busybox@sha256:…`, target(env.registry, 'team/app', 'v1'));

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface PushTarget {
  /** `127.0.0.1:5000`, `registry-tls.pipeline-actions.test:5443` */
  registry: string;
  repository: string;
  tag: string;
  /** For a TLS registry: its CA (a PEM file) and `user:password`. */
  caFile?: string;
  creds?: string;
}

export interface PushedImage {
  /** The manifest digest the registry stores. */
  digest: string;
  /** The manifest bytes as pushed. */
  bytes: Buffer;
  configDigest: string;
}

export const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

/**
 * A small single-layer image with its own config (labels included), written
 * as an OCI image layout and pushed with `skopeo copy`; `docker` pushes it
 * as a Docker v2 schema 2 manifest instead.
 */
export async function pushTestImage(
  target: PushTarget,
  content: { labels?: Record<string, string>; docker?: boolean; layerText?: string } = {},
): Promise<PushedImage> {
  const dir = mkdtempSync(join(tmpdir(), 'oci-layout-'));
  try {
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    const blob = (bytes: Buffer) => {
      const hex = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(dir, 'blobs', 'sha256', hex), bytes);
      return { digest: `sha256:${hex}`, size: bytes.length };
    };
    const layer = blob(
      Buffer.from(
        content.layerText ?? `layer of ${target.repository}:${target.tag} ${Math.random()}\n`,
      ),
    );
    const config = blob(
      Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: { Labels: content.labels ?? {} },
          rootfs: { type: 'layers', diff_ids: [layer.digest] },
        }),
      ),
    );
    const manifest = blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST_TYPE,
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
        }),
      ),
    );
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: OCI_MANIFEST_TYPE,
            ...manifest,
            annotations: { 'org.opencontainers.image.ref.name': target.tag },
          },
        ],
      }),
    );
    const digest = await skopeoCopy(
      `oci:${dir}:${target.tag}`,
      target,
      content.docker ? ['--format', 'v2s2'] : [],
    );
    // skopeo compresses the layer (and converts, for `docker`): read back what it stored.
    const bytes = await rawManifest(target, digest);
    const stored = JSON.parse(bytes.toString('utf8')) as { config: { digest: string } };
    return { digest, bytes, configDigest: stored.config.digest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies an image (manifest and blobs) from the open registry to `target`, as if it had been pushed there. */
export async function copyImage(source: string, target: PushTarget): Promise<string> {
  return skopeoCopy(`docker://${source}`, target, ['--src-tls-verify=false']);
}

async function skopeoCopy(source: string, target: PushTarget, extra: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'skopeo-'));
  try {
    const digestFile = join(dir, 'digest');
    if (target.caFile) copyFileSync(target.caFile, join(dir, 'ca.crt'));
    await execFileAsync(
      'skopeo',
      [
        'copy',
        '--quiet',
        '--digestfile',
        digestFile,
        ...extra,
        ...(target.caFile
          ? ['--dest-cert-dir', dir, ...(target.creds ? ['--dest-creds', target.creds] : [])]
          : ['--dest-tls-verify=false']),
        source,
        `docker://${target.registry}/${target.repository}:${target.tag}`,
      ],
      { maxBuffer: 8 * 1024 * 1024 },
    );
    return readFileSync(digestFile, 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rawManifest(target: PushTarget, digest: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'skopeo-'));
  try {
    if (target.caFile) copyFileSync(target.caFile, join(dir, 'ca.crt'));
    const access = target.caFile
      ? ['--cert-dir', dir, ...(target.creds ? ['--creds', target.creds] : [])]
      : ['--tls-verify=false'];
    const { stdout } = await execFileAsync(
      'skopeo',
      ['inspect', '--raw', ...access, `docker://${target.registry}/${target.repository}@${digest}`],
      { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
