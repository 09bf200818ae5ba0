import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError, UserErrors } from '../errors.js';
import type { PlaceholderContext } from '../template/context.js';
import { renderString, renderYamlTemplate } from '../template/render.js';
import { KUBERNETES_YAML_SCHEMA } from '../yaml.js';

/**
 * The values a release is deployed with: the values files in order, their
 * `%%NAME%%` placeholders filled from one context at the YAML node level,
 * then the `set` map on top. Every problem of every file (a missing file, an
 * unresolved placeholder) is reported in one pass. The result is a list of
 * files for helm's `-f`: a file without placeholders is passed as it is (helm
 * reads it itself); a templated one and the `set` map are written as JSON
 * (0600, they may hold secrets) into the caller's scratch directory.
 */

export interface ValuesRequest {
  /** Values files as the user wrote them, relative to `workspace`. */
  files: readonly string[];
  /** The `set` input: a YAML map, dotted keys allowed (`image.tag: "1.2"`, `a\.b: x` for a literal dot). */
  set: Record<string, unknown>;
  workspace: string;
  context: PlaceholderContext;
  /** Where rendered files go (private to this run). */
  scratch: string;
}

export interface RenderedValues {
  /** For helm's `-f`, in order. */
  files: string[];
  /** Every placeholder name filled, for the log (values are never listed). */
  placeholders: string[];
  /** Each values file's text as read here, in the order given (the deploy record hashes them). */
  texts: string[];
}

const SET_INPUT = 'input "set"';

export function renderValues(request: ValuesRequest): RenderedValues {
  const problems: UserError[] = [];
  const files: string[] = [];
  const placeholders = new Set<string>();
  const texts: string[] = [];
  for (const [index, given] of request.files.entries()) {
    const path = isAbsolute(given) ? given : resolve(request.workspace, given);
    const shown = displayPath(path, request.workspace);
    if (!existsSync(path) || !statSync(path).isFile()) {
      problems.push(
        new UserError(`Values file ${shown} does not exist.`, {
          fix: 'list values files relative to the repository root, one per line (check the checkout step too).',
        }),
      );
      continue;
    }
    const text = readFileSync(path, 'utf8');
    texts.push(text);
    if (!text.includes('%%')) {
      files.push(path);
      continue;
    }
    try {
      // Read as helm reads values (YAML 1.1), since the result goes to helm as JSON.
      const rendered = renderYamlTemplate(text, shown, request.context, {
        schema: KUBERNETES_YAML_SCHEMA,
      });
      for (const use of rendered.uses) placeholders.add(use.name);
      const out = join(request.scratch, `values-${index + 1}.json`);
      writeFileSync(out, JSON.stringify(rendered.value ?? {}), { mode: 0o600 });
      files.push(out);
    } catch (error) {
      if (error instanceof UserErrors) problems.push(...error.errors);
      else if (error instanceof UserError) problems.push(error);
      else throw error;
    }
  }

  const set = expandSet(request.set, request.context, problems, placeholders);
  if (problems.length > 0) {
    const unresolved = problems.filter((problem) =>
      /^%%\w+%% has no value\.$/.test(problem.message),
    ).length;
    const summary =
      unresolved === problems.length
        ? `${unresolved === 1 ? 'A placeholder has' : `${unresolved} placeholders have`} no value:`
        : `The values cannot be rendered (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
    throw problems.length === 1 && unresolved === 0
      ? (problems[0] as UserError)
      : new UserErrors(summary, problems);
  }
  if (Object.keys(set).length > 0) {
    const out = join(request.scratch, 'values-set.json');
    writeFileSync(out, JSON.stringify(set), { mode: 0o600 });
    files.push(out);
  }
  return { files, placeholders: [...placeholders].sort(), texts };
}

/**
 * The `set` map as nested values: `image.tag: x` becomes `{image: {tag: x}}`,
 * `a\.b: x` keeps the dot. Strings anywhere in it may hold placeholders.
 */
export function expandSet(
  set: Record<string, unknown>,
  context: PlaceholderContext,
  problems: UserError[] = [],
  placeholders: Set<string> = new Set(),
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(set)) {
    const path = splitKey(key);
    if (path.some((part) => part === '')) {
      problems.push(
        new UserError(`${SET_INPUT}: "${key}" is not a values path.`, {
          fix: 'write dotted keys such as image.tag or ingress.annotations.kubernetes\\.io/ingress\\.class.',
        }),
      );
      continue;
    }
    let target = result;
    for (const part of path.slice(0, -1)) {
      const existing = target[part];
      if (
        existing === undefined ||
        existing === null ||
        typeof existing !== 'object' ||
        Array.isArray(existing)
      ) {
        target[part] = {};
      }
      target = target[part] as Record<string, unknown>;
    }
    const leaf = path[path.length - 1] as string;
    const filled = fill(value, context, key, problems, placeholders);
    const existing = target[leaf];
    target[leaf] =
      isPlainObject(existing) && isPlainObject(filled) ? deepMerge(existing, filled) : filled;
  }
  return result;
}

function splitKey(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const char = key[i];
    if (char === '\\' && key[i + 1] === '.') {
      current += '.';
      i++;
    } else if (char === '.') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function fill(
  value: unknown,
  context: PlaceholderContext,
  key: string,
  problems: UserError[],
  placeholders: Set<string>,
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('%%')) return value;
    for (const match of value.matchAll(/%%([A-Za-z_][A-Za-z0-9_]*)%%/g))
      placeholders.add(match[1] ?? '');
    try {
      return renderString(value, context, { file: `${SET_INPUT} (${key})` });
    } catch (error) {
      if (error instanceof UserError) {
        problems.push(error);
        return value;
      }
      throw error;
    }
  }
  if (Array.isArray(value))
    return value.map((item) => fill(item, context, key, problems, placeholders));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fill(v, context, key, problems, placeholders)]),
    );
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = merged[key];
    merged[key] =
      isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return merged;
}

function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
