import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppManifest } from '../manifest/index.js';
import { mapSettled } from '../limit.js';
import type { BuilderImage, RuntimeImage } from './catalog.js';
import type { BuildRecord } from './labels.js';

/**
 * The content hash names what an image is made of, so that the same inputs
 * are recognised without a rebuild: the sources, the configuration
 * (default.json, the package format, the runtime's settings, how the image
 * is generated) and the exact base images. Each part is hashed on its own
 * and recorded on the image, so a later run can say which part changed.
 */

/**
 * Bumped whenever the image generated from the same inputs changes (the
 * Dockerfile template, the labels), so such a change rebuilds as "config".
 */
export const GENERATOR_VERSION = 1;

/** Files read at once while hashing the sources. */
const HASH_CONCURRENCY = 8;

/**
 * SHA-256 over each file's path, kind, exec bit and content (or link
 * target), one line per file in the order given. Files are read a few at a
 * time; the lines still go into the hash in order, so the value is the same.
 */
export async function sourcesHash(root: string, files: readonly string[]): Promise<string> {
  const lines = await mapSettled(files, HASH_CONCURRENCY, (file) => sourceLine(root, file));
  const hash = createHash('sha256');
  for (const line of lines) {
    if (line.status === 'rejected') throw line.reason;
    if (line.value !== undefined) hash.update(line.value);
  }
  return hash.digest('hex');
}

async function sourceLine(root: string, file: string): Promise<string | undefined> {
  const path = join(root, file);
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined; // listed by git but deleted in the working tree
  if (info.isSymbolicLink()) return `link ${file} ${await readlink(path)}\n`;
  if (info.isFile())
    return `file ${file} ${info.mode & 0o111 ? 'x' : '-'} ${await fileSha256(path)}\n`;
  return undefined;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ConfigInputs {
  readonly manifest: AppManifest;
  readonly packageFormat: string;
  readonly runtime: RuntimeImage;
  readonly builder: BuilderImage | undefined;
}

/** The configuration part: everything but the sources and the base digests. */
export function configHash(inputs: ConfigInputs): string {
  const { runtime, builder } = inputs;
  return sha256(
    stableJson({
      generator: GENERATOR_VERSION,
      manifest: inputs.manifest.sha256,
      package: inputs.packageFormat,
      runtime: {
        type: runtime.type,
        user: runtime.user,
        port: runtime.port ?? null,
        appDir: runtime.appDir,
      },
      builder: builder ? { name: builder.name, user: builder.user } : null,
    }),
  );
}

/** The build record of the image these inputs would make. */
export function buildRecord(
  sources: string,
  config: string,
  runtime: RuntimeImage,
  builder: BuilderImage | undefined,
): BuildRecord {
  const runtimeBase = { name: runtime.image.name, digest: runtime.image.digest };
  const builderBase = builder
    ? { name: builder.image.name, digest: builder.image.digest }
    : undefined;
  const contentHash = sha256(
    [
      'pipeline-actions build-image content',
      `sources ${sources}`,
      `config ${config}`,
      `runtime ${runtimeBase.name}@${runtimeBase.digest}`,
      `builder ${builderBase ? `${builderBase.name}@${builderBase.digest}` : '-'}`,
    ].join('\n'),
  );
  return {
    contentHash,
    sourcesHash: sources,
    configHash: config,
    runtime: runtimeBase,
    builder: builderBase,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with keys sorted at every level, so equal values hash equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
