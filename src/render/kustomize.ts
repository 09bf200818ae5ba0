import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { UserError } from '../errors.js';
import { parseYaml } from '../yaml.js';

/**
 * A kustomize overlay applied to what the chart rendered, the way one
 * customizes an upstream chart without forking it. The overlay directory is
 * the user's own kustomization (patches, labels, images, …) without any
 * resources: a copy of it gets the rendered chart added as its first resource
 * and is built. The overlay must be self-contained (nothing from `../`).
 */

/** The file the rendered chart is written to inside the copied overlay. */
export const RENDERED_CHART_FILE = 'rendered-chart.yaml';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What builds a kustomization directory: `kubectl kustomize DIR` (see src/tools/kubectl.ts). */
export interface KustomizeBuilder {
  kustomize(dir: string): Promise<string>;
}

/** The overlay's kustomization file; a UserError naming the input when there is none. */
export function findKustomization(overlay: string, input = 'kustomize'): string {
  if (!existsSync(overlay) || !statSync(overlay).isDirectory()) {
    throw new UserError(`Input "${input}" names ${overlay}, which is not a directory.`, {
      fix: 'give the directory that holds kustomization.yaml, relative to the repository root.',
    });
  }
  const file = KUSTOMIZATION_FILES.map((name) => join(overlay, name)).find((path) =>
    existsSync(path),
  );
  if (!file) {
    throw new UserError(`${overlay} (input "${input}") has no kustomization.yaml.`, {
      fix: 'add a kustomization.yaml with the patches to apply to the rendered chart.',
    });
  }
  return file;
}

/**
 * Builds the overlay over `manifests` in `workDir` (a fresh directory the
 * caller owns and removes).
 */
export async function applyOverlay(
  manifests: string,
  overlay: string,
  builder: KustomizeBuilder,
  workDir: string,
): Promise<string> {
  const file = findKustomization(overlay);
  const copy = join(workDir, 'overlay');
  cpSync(overlay, copy, { recursive: true, dereference: true });
  const copiedFile = join(copy, file.slice(overlay.length + 1));
  const kustomization = parseYaml(readFileSync(file, 'utf8'), file);
  if (kustomization === null || typeof kustomization !== 'object' || Array.isArray(kustomization)) {
    throw new UserError(`${file} is not a kustomization (a YAML mapping).`, {
      location: { file },
      fix: 'write it as a mapping with patches:, labels:, images: and the like.',
    });
  }
  const fields = kustomization as Record<string, unknown>;
  const resources = fields.resources ?? [];
  if (!Array.isArray(resources)) {
    throw new UserError(`${file}: "resources" must be a list.`, { location: { file } });
  }
  fields.resources = [RENDERED_CHART_FILE, ...resources];
  writeFileSync(copiedFile, dump(fields, { lineWidth: -1 }));
  writeFileSync(join(copy, RENDERED_CHART_FILE), manifests);
  try {
    return await builder.kustomize(copy);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const detail = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new UserError(
      `The kustomize overlay ${overlay} could not be applied to the chart: ${lastErrorLine(detail)}`,
      {
        location: { file },
        fix: 'check that every patch targets an object the chart renders (kind and name) and that the overlay is self-contained.',
        cause: error,
      },
    );
  }
}

function lastErrorLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return (
    lines.find((line) => line.startsWith('error:')) ??
    lines.pop() ??
    'kustomize failed'
  ).replace(/^error:\s*/, '');
}
