import type { ErrorObject } from 'ajv';
import { MINIMAL_MANIFEST_EXAMPLE } from './constants.js';
import { explainFormat, formatDefinitionAt } from './field-formats.js';
import {
  describeJsonType,
  formatJsonPath,
  inlineJson,
  isPlainObject,
  jsonPointerToPath,
  pathMatches,
  previewValue,
  type JsonPath,
} from './json-path.js';
import type { ManifestProblem } from './problem.js';
import { MANIFEST_SCHEMA, matchesDefinition, schemaDefinition } from './published-schema.js';
import { closestMatch } from './suggest.js';
// Compiled ahead of time from schema/default.schema.json (scripts/gen-validators.mjs).
import { validate as check } from './validate-manifest.generated.js';

/** Everything in `manifest` the schema rejects, in words a person can act on. */
export function schemaProblems(
  manifest: unknown,
  sourceText: (path: JsonPath) => string | undefined,
): ManifestProblem[] {
  if (check(manifest)) return [];
  const errors = check.errors ?? [];
  // A value of the wrong type also fails its enum or pattern; the type is the problem to report.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors
    .filter(
      (error) =>
        error.keyword === 'type' ||
        error.propertyName !== undefined ||
        !wrongType.has(error.instancePath),
    )
    .flatMap((error) => {
      const problem = explain(error, manifest, sourceText);
      return problem ? [problem] : [];
    });
}

function explain(
  error: ErrorObject,
  manifest: unknown,
  sourceText: (path: JsonPath) => string | undefined,
): ManifestProblem | undefined {
  const path = jsonPointerToPath(error.instancePath, manifest);
  const value: unknown = error.data;
  const schema: Record<string, unknown> = isPlainObject(error.parentSchema)
    ? error.parentSchema
    : {};
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    // Both only wrap errors reported on their own: the propertyNames' inner
    // error names the key; the if/then/else branch's errors name the value.
    case 'if':
    case 'propertyNames':
      return undefined;

    case 'required': {
      const missing = String(params.missingProperty);
      const example = firstExample(propertySchema(schema, missing));
      const such =
        example === undefined ? '' : `, such as ${JSON.stringify(missing)}: ${inlineJson(example)}`;
      return {
        path,
        message: `the required property ${JSON.stringify(missing)} is missing.`,
        fix: `add it${such}.`,
      };
    }

    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys(isPlainObject(schema.properties) ? schema.properties : {});
      return {
        path: [...path, unknown],
        at: 'key',
        message: `unknown property ${JSON.stringify(unknown)}.`,
        fix: unknownPropertyFix(unknown, path, known),
      };
    }

    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const title = typeof schema.title === 'string' ? schema.title.toLowerCase() : 'value';
      const guess =
        typeof value === 'string'
          ? closestMatch(value, params.allowedValues as string[])
          : undefined;
      const list = allowed.join(', ');
      return {
        path,
        message: `${previewValue(value)} is not a known ${title}.`,
        fix: guess
          ? `did you mean ${JSON.stringify(guess)}? The allowed values are ${list}.`
          : `use one of ${list}.`,
      };
    }

    case 'type':
      return typeProblem(path, value, schema, typeNames(params.type), sourceText(path), manifest);

    case 'pattern':
    case 'minLength':
    case 'maxLength': {
      const isKey = error.propertyName !== undefined;
      const text = isKey ? String(error.propertyName) : String(value);
      const at = isKey ? [...path, text] : path;
      const explanation = explainFormat(at, text, manifest, isKey);
      if (explanation) return { path: at, at: isKey ? 'key' : 'value', ...explanation };
      if (error.keyword === 'minLength') {
        return {
          path,
          message: 'the value is empty.',
          fix: 'write a value, or leave the property out.',
        };
      }
      const description = typeof schema.description === 'string' ? ` ${schema.description}` : '';
      return {
        path: at,
        at: isKey ? 'key' : 'value',
        message: `${previewValue(text)} is not valid here.`,
        fix: `follow the format:${description}`,
      };
    }

    case 'minimum':
      return {
        path,
        message: `${previewValue(value)} is below the minimum, ${String(params.limit)}.`,
        fix: `use a whole number of at least ${String(params.limit)}.`,
      };

    case 'minItems':
      return {
        path,
        message: 'the list is empty.',
        fix: 'list at least one item, or leave the property out.',
      };

    case 'uniqueItems': {
      const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      const item = Array.isArray(value) ? value[second ?? 0] : undefined;
      return {
        path: [...path, second ?? 0],
        message: `${previewValue(item)} is listed twice (items ${first} and ${second}).`,
        fix: 'remove one of them.',
      };
    }

    case 'minProperties':
    case 'maxProperties':
      return propertyCountProblem(path, value, error.keyword);

    default:
      return {
        path,
        message: `${previewValue(value)}: ${error.message ?? 'is not valid'}.`,
        fix: 'see this property in schema/default.schema.json.',
      };
  }
}

function unknownPropertyFix(
  unknown: string,
  parentPath: JsonPath,
  known: readonly string[],
): string {
  const allowed = known.length > 0 ? ` The properties allowed here are ${known.join(', ')}.` : '';
  const guess = closestMatch(unknown, known);
  const homes =
    propertyHomes()
      .get(unknown)
      ?.filter((home) => !pathMatches(parentPath, home)) ?? [];
  const elsewhere = homes.map(formatHome).join(' or ');
  if (guess && homes.length > 0) {
    return `did you mean ${JSON.stringify(guess)}? Or move ${JSON.stringify(unknown)} to ${elsewhere}, where it belongs.`;
  }
  if (guess) return `did you mean ${JSON.stringify(guess)}?${allowed}`;
  if (homes.length > 0) {
    return `${JSON.stringify(unknown)} belongs in ${elsewhere}, not in ${formatJsonPath(parentPath)}: move it there.`;
  }
  return `remove it or correct its name.${allowed}`;
}

function typeProblem(
  path: JsonPath,
  value: unknown,
  schema: Record<string, unknown>,
  expected: string[],
  source: string | undefined,
  manifest: unknown,
): ManifestProblem {
  if (path.length === 0) {
    return {
      path,
      message: `the manifest must be an object, not ${describeJsonType(value)}.`,
      fix: `write one object, such as ${MINIMAL_MANIFEST_EXAMPLE}.`,
    };
  }
  const wanted = expected.map(describeExpectedType).join(' or ');
  const message = `expected ${wanted}, got ${describeActual(value, source)}.`;
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    // Quote the text as written: the number 3.10 has already lost its 0.
    const quoted = source ?? String(value);
    const definition = formatDefinitionAt(path);
    if (definition && !matchesDefinition(definition, quoted)) {
      const explanation = explainFormat(path, quoted, manifest);
      if (explanation)
        return { path, message, fix: `write a string in double quotes, and ${explanation.fix}` };
    }
    return { path, message, fix: `put it in double quotes: ${JSON.stringify(quoted)}.` };
  }
  if (expected.includes('boolean') && (value === 'true' || value === 'false')) {
    return { path, message, fix: `write ${value} without quotes.` };
  }
  if (
    expected.some((t) => t === 'integer' || t === 'number') &&
    typeof value === 'string' &&
    /^-?\d+(\.\d+)?$/.test(value.trim())
  ) {
    return { path, message, fix: `write ${value.trim()} without quotes.` };
  }
  if (pathMatches(path, ['build', 'build_steps', '*']) && typeof value === 'string') {
    return { path, message, fix: `write it as a shell step: ${inlineJson({ shell: value })}.` };
  }
  if (expected.includes('integer') && typeof value === 'number') {
    return { path, message, fix: `use a whole number such as ${Math.max(0, Math.round(value))}.` };
  }
  if (expected.includes('array') && isPlainObject(value)) {
    return { path, message, fix: 'put the object in a list: [ { … } ].' };
  }
  const example = firstExample(schema);
  const such = example === undefined ? '' : `, such as ${inlineJson(example)}`;
  return { path, message, fix: `write ${wanted} here${such}.` };
}

/** "the number 3.10" (as written), "the string \"17\"", "an object", "null". */
function describeActual(value: unknown, source: string | undefined): string {
  if (typeof value === 'number') return `the number ${source ?? String(value)}`;
  if (typeof value === 'string') return `the string ${previewValue(value)}`;
  if (typeof value === 'boolean') return String(value);
  return describeJsonType(value);
}

function propertyCountProblem(path: JsonPath, value: unknown, keyword: string): ManifestProblem {
  const keys = isPlainObject(value) ? Object.keys(value).map((k) => JSON.stringify(k)) : [];
  if (pathMatches(path, ['build', 'build_steps', '*', 'npm'])) {
    return keyword === 'maxProperties'
      ? {
          path,
          message: 'the npm step has both "script" and "command".',
          fix: 'keep one of them; use two npm steps to run both.',
        }
      : {
          path,
          message: 'the npm step is empty.',
          fix: 'add "script" (npm run <script>) or "command" (npm <command>), such as "script": "build".',
        };
  }
  if (pathMatches(path, ['build', 'build_steps', '*'])) {
    return keyword === 'maxProperties'
      ? {
          path,
          message: `a build step has exactly one kind, but this one has ${keys.join(' and ')}.`,
          fix: 'split it into one step per kind, in the order they should run.',
        }
      : {
          path,
          message: 'the build step is empty.',
          fix: 'give it one kind (shell, gradle, maven, npm, go, pip or make), such as { "shell": "./build.sh" }.',
        };
  }
  return {
    path,
    message: `the object has the wrong number of properties (${keys.length}).`,
    fix: 'see this property in schema/default.schema.json.',
  };
}

function typeNames(type: unknown): string[] {
  return Array.isArray(type) ? type.map(String) : [String(type)];
}

function describeExpectedType(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    null: 'null',
  };
  return names[type] ?? type;
}

function propertySchema(schema: Record<string, unknown>, name: string): unknown {
  return isPlainObject(schema.properties) ? schema.properties[name] : undefined;
}

function firstExample(schema: unknown): unknown {
  return isPlainObject(schema) && Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}

/** A place a property name is allowed: object keys, with `*` for any list item or map entry. */
type Home = readonly string[];

let homesByName: Map<string, Home[]> | undefined;

/** Every property name in the schema and where it may appear, to say where a misplaced key belongs. */
function propertyHomes(): Map<string, Home[]> {
  if (homesByName) return homesByName;
  const homes = new Map<string, Home[]>();
  const visit = (node: unknown, at: Home, depth: number): void => {
    if (!isPlainObject(node) || depth > 12) return;
    const target = typeof node.$ref === 'string' ? resolveLocalRef(node.$ref) : undefined;
    if (target) visit(target, at, depth + 1);
    if (isPlainObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        if (name === '$schema') continue;
        homes.set(name, [...(homes.get(name) ?? []), at]);
        visit(child, [...at, name], depth + 1);
      }
    }
    for (const branch of [node.items, node.additionalProperties])
      visit(branch, [...at, '*'], depth + 1);
    for (const branch of [node.then, node.else]) visit(branch, at, depth + 1);
  };
  visit(MANIFEST_SCHEMA, [], 0);
  homesByName = homes;
  return homes;
}

function resolveLocalRef(ref: string): unknown {
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  return name ? schemaDefinition(name) : undefined;
}

function formatHome(home: Home): string {
  return home.length === 0
    ? '$ (the top level)'
    : home.reduce<string>(
        (text, segment) => `${text}${segment === '*' ? '[*]' : `.${segment}`}`,
        '$',
      );
}
