import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { stableJson } from '../build/content-hash.js';
import type { AppManifest } from '../manifest/types.js';
import { buildPlaceholderContext } from '../template/index.js';

/**
 * The request hash: one sha256 over everything Git contributes to a
 * release, and nothing the build or the runner does. drift-check computes it
 * from the repository as it is now and compares it with the record's:
 * equal means the deployed manifest is still what Git asks for, so no
 * render is needed.
 *
 * - the chart: a directory of the repository by its content (every file,
 *   by path); a remote chart by its reference and version (published charts
 *   are immutable);
 * - each values file by its text, plus the value of every `%%NAME%%` it
 *   uses that comes from Git (default.json and the environment's name):
 *   that is "the values after templating, minus the build-specific
 *   context" (the image, the build version and the workflow's variables
 *   change without Git changing, so they do not count);
 * - the `set` map as given, and the Git values its placeholders take;
 * - the kustomize overlay's directory by its content;
 * - the post-render options (mutable tags allowed or not).
 */

export interface RequestInputs {
  workspace: string;
  manifest: AppManifest | undefined;
  environment: string;
  chart: string;
  version: string | undefined;
  repositoryUrl?: string | undefined;
  values: readonly string[];
  set: Record<string, unknown>;
  kustomize: string | undefined;
  allowMutableTags: boolean;
}

/** What the caller has read already (helm-deploy, before its first request): not read again. */
export interface RequestReads {
  /** Each values file's text, in the order of `values`. */
  valuesText?: readonly string[] | undefined;
  /** directoryDigest() of the chart directory (null: not a directory of the workspace). */
  chartDigest?: string | null | undefined;
}

/** Bumped whenever what the hash covers changes (every record then reads as "Git changed" once). */
export const REQUEST_HASH_VERSION = 1;
const MAX_FILES = 5000;
const PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;

export function requestHash(inputs: RequestInputs, read: RequestReads = {}): string {
  const gitContext = buildPlaceholderContext({
    ...(inputs.manifest ? { manifest: inputs.manifest } : {}),
    environment: inputs.environment,
  });
  const used = new Set<string>();
  const values = inputs.values.map((file, index) => {
    const text = read.valuesText?.[index] ?? readText(inWorkspace(inputs.workspace, file));
    if (text) for (const match of text.matchAll(PLACEHOLDER)) used.add(match[1] as string);
    return { file, sha256: text === null ? null : sha256(text) };
  });
  const setText = stableJson(inputs.set);
  for (const match of setText.matchAll(PLACEHOLDER)) used.add(match[1] as string);
  const context: Record<string, string> = {};
  for (const name of [...used].sort()) {
    const entry = gitContext.get(name);
    if (entry) context[name] = String(entry.value);
  }
  const local = inWorkspace(inputs.workspace, inputs.chart);
  const chartDigest = inputs.chart.startsWith('oci://')
    ? null
    : read.chartDigest !== undefined
      ? read.chartDigest
      : directoryDigest(local);
  const chart =
    chartDigest !== null
      ? { dir: relative(inputs.workspace, local), content: chartDigest }
      : {
          ref: inputs.chart,
          version: inputs.version ?? null,
          repository: inputs.repositoryUrl ?? null,
        };
  const kustomize = inputs.kustomize
    ? {
        dir: inputs.kustomize,
        content: directoryDigest(inWorkspace(inputs.workspace, inputs.kustomize)),
      }
    : null;
  return sha256(
    stableJson({
      v: REQUEST_HASH_VERSION,
      chart,
      values,
      set: setText,
      context,
      kustomize,
      postRender: { allowMutableTags: inputs.allowMutableTags },
    }),
  );
}

/** `sha256:<hex>` over every regular file under a directory, by relative path and content. */
export function directoryDigest(dir: string): string | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const lines: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        if (lines.length >= MAX_FILES)
          throw new Error(`${dir} holds more than ${MAX_FILES} files.`);
        lines.push(`${sha256(readFileSync(path))}  ${relative(dir, path).split(sep).join('/')}`);
      }
    }
  };
  walk(dir);
  return `sha256:${sha256(lines.sort().join('\n'))}`;
}

function readText(path: string): string | null {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
