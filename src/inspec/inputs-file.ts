import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { UserError } from '../errors.js';
import { maskSecret } from '../report/redact.js';
import { renderYamlTemplate, type PlaceholderContext } from '../template/index.js';
import { parseYaml } from '../yaml.js';
import { readNamedFile } from './read-file.js';

export interface RenderedInputs {
  /** The rendered file InSpec reads (`--input-file`), private to this job. */
  path: string;
  names: string[];
  /** Inputs whose values are secret: listed in `sensitive-inputs`, or filled from a secret placeholder. */
  sensitiveNames: Set<string>;
  /** Their values, masked in the log and cut out of every artifact. */
  secretValues: string[];
}

const PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;

/**
 * Renders the inputs template with the same placeholder context and rules
 * as helm-deploy's values files (src/template), then writes it where only
 * this job can read it. An input is sensitive when the workflow names it in
 * `sensitive-inputs` or when any placeholder in its value is a secret.
 */
export async function renderInputsFile(
  templatePath: string,
  displayPath: string,
  context: PlaceholderContext,
  sensitiveInputs: readonly string[],
  scratch: string,
): Promise<RenderedInputs> {
  const text = await readNamedFile(
    templatePath,
    displayPath,
    'inputs file',
    'check the `inputs-file` input: a path relative to the repository root.',
  );
  const rendered = renderYamlTemplate(text, displayPath, context).value ?? {};
  if (typeof rendered !== 'object' || Array.isArray(rendered)) {
    throw new UserError(
      `The inputs file ${displayPath} must be a mapping of input names to values.`,
      {
        fix: 'write one `input_name: value` per line, as InSpec reads --input-file.',
        location: { file: displayPath, line: 1 },
      },
    );
  }
  const inputs = rendered as Record<string, unknown>;
  const template = (parseYaml(text, displayPath) ?? {}) as Record<string, unknown>;
  const sensitiveNames = new Set(sensitiveInputs);
  for (const [name, raw] of Object.entries(template)) {
    if (placeholdersIn(raw).some((p) => context.get(p)?.secret)) sensitiveNames.add(name);
  }
  const secretValues: string[] = [];
  for (const name of sensitiveNames) {
    for (const value of leafValues(inputs[name])) {
      maskSecret(value);
      secretValues.push(value);
    }
  }
  const path = join(scratch, 'inputs.rendered.yml');
  // 'wx': a new file, so the mode applies and nothing else's file is reused.
  await writeFile(path, dump(inputs), { mode: 0o600, flag: 'wx' });
  return { path, names: Object.keys(inputs), sensitiveNames, secretValues };
}

function placeholdersIn(node: unknown): string[] {
  return leafValues(node).flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
}

/** Every scalar under a value, as text (nested hashes and lists included). */
function leafValues(node: unknown): string[] {
  if (node === null || node === undefined) return [];
  if (typeof node === 'object') return Object.values(node).flatMap(leafValues);
  return [String(node)];
}
