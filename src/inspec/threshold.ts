import { byLocation, UserError, UserErrors, type SourceLocation } from '../errors.js';
import { closestMatch } from '../manifest/suggest.js';
import { yamlLocations } from '../yaml-locations.js';
import { parseYaml } from '../yaml.js';
import { readNamedFile } from './read-file.js';
import type { Severity } from './controls.js';

/**
 * Threshold files in the MITRE SAF format (`saf validate threshold -T`):
 *
 *   compliance: {min: 80, max: 100}
 *   failed: {critical: {max: 0}, total: {max: 2}}
 *   passed: {high: {controls: [SV-1]}}     # exactly these controls
 *   error: {total: 0}                      # a number alone means "equals"
 *
 * or the same keys flattened (`failed.critical.max: 0`). Unlike the SAF CLI
 * this reader fails closed: an unknown or misspelt key, a bound that is not
 * a whole number, or an empty file is an error at file:line, and `min` and
 * `max` given together are both kept.
 */

export const THRESHOLD_STATUSES = ['passed', 'failed', 'skipped', 'no_impact', 'error'] as const;
export type ThresholdStatus = (typeof THRESHOLD_STATUSES)[number];
export type ThresholdScope = Severity | 'total';

const SCOPES: readonly ThresholdScope[] = ['critical', 'high', 'medium', 'low', 'total'];
/** `none` is a severity only not-applicable controls can have a bound on, as in SAF. */
const NO_IMPACT_SCOPES: readonly ThresholdScope[] = [...SCOPES, 'none'];
const BOUNDS = ['min', 'max', 'controls'] as const;

interface RuleBase {
  /** The dotted key as written in SAF's flat form, e.g. failed.critical.max. */
  key: string;
  where: SourceLocation;
}

export type ThresholdRule = RuleBase &
  (
    | { kind: 'compliance-min' | 'compliance-max'; value: number }
    | {
        kind: 'min' | 'max' | 'equals';
        status: ThresholdStatus;
        scope: ThresholdScope;
        value: number;
      }
    | { kind: 'controls'; status: ThresholdStatus; scope: ThresholdScope; ids: string[] }
  );

export interface Threshold {
  source: string;
  rules: ThresholdRule[];
}

const MAX_THRESHOLD_BYTES = 1024 * 1024;

/**
 * Used when no threshold file is given: nothing may fail or error, and at
 * least one control must pass (a run where everything was skipped checked
 * nothing, which InSpec reports as a success with exit code 101).
 */
export function defaultThreshold(): Threshold {
  const where = { file: 'the default threshold (no `threshold` input)' };
  return {
    source: where.file,
    rules: [
      { kind: 'max', status: 'failed', scope: 'total', value: 0, key: 'failed.total.max', where },
      { kind: 'max', status: 'error', scope: 'total', value: 0, key: 'error.total.max', where },
      { kind: 'min', status: 'passed', scope: 'total', value: 1, key: 'passed.total.min', where },
    ],
  };
}

export async function readThresholdFile(path: string, displayPath = path): Promise<Threshold> {
  const text = await readNamedFile(
    path,
    displayPath,
    'threshold file',
    'check the `threshold` input: it is a path relative to the repository root.',
  );
  return parseThreshold(text, displayPath);
}

export function parseThreshold(text: string, source: string): Threshold {
  const blank = text.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
  const value = blank ? undefined : parseYaml(text, source, { maxBytes: MAX_THRESHOLD_BYTES });
  if (value === null || value === undefined || isEmptyMapping(value)) {
    throw new UserError(`The threshold file ${source} is empty.`, {
      fix: 'write at least one threshold (e.g. `failed: {total: {max: 0}}`), or drop the `threshold` input to use the default; an empty gate would pass every report.',
      location: { file: source, line: 1 },
    });
  }
  if (!isMapping(value)) {
    throw new UserError(
      `The threshold file ${source} must be a YAML mapping of statuses to bounds.`,
      {
        fix: 'write it like `failed: {critical: {max: 0}}`.',
        location: { file: source, line: 1 },
      },
    );
  }
  const locations = yamlLocations(text, source);
  const problems: UserError[] = [];
  const rules: ThresholdRule[] = [];
  for (const leaf of leaves(expandFlatKeys(value, source, locations, problems))) {
    const rule = toRule(
      leaf.path,
      leaf.value,
      (depth) => locate(leaf.path.slice(0, depth), leaf.path, locations, source),
      problems,
    );
    if (rule) rules.push(rule);
  }
  if (problems.length > 0) {
    problems.sort(byLocation);
    throw new UserErrors(
      `${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the threshold file ${source} (nothing was evaluated):`,
      problems,
    );
  }
  return { source, rules };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyMapping(value: unknown): boolean {
  return isMapping(value) && Object.keys(value).length === 0;
}

/**
 * SAF's flat form and the nested form mixed at any level:
 * `failed.critical.max: 0` becomes `failed: {critical: {max: 0}}`.
 */
function expandFlatKeys(
  value: Record<string, unknown>,
  source: string,
  locations: Map<string, SourceLocation>,
  problems: UserError[],
  prefix: string[] = [],
): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, ...key.split('.')];
    const inner = isMapping(child)
      ? expandFlatKeys(child, source, locations, problems, path)
      : child;
    if (!mergeAt(expanded, key.split('.'), inner)) {
      problems.push(
        new UserError(`"${path.join('.')}" is given twice (flattened and nested).`, {
          location: locate(path, path, locations, source),
          fix: 'keep one of them.',
        }),
      );
    }
  }
  return expanded;
}

/** Sets `value` at `path`, merging mappings; false when a value is already there. */
function mergeAt(root: Record<string, unknown>, path: string[], value: unknown): boolean {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    node[segment] ??= {};
    const next = node[segment];
    if (!isMapping(next)) return false;
    node = next;
  }
  const last = path.at(-1) ?? '';
  const existing = node[last];
  if (existing === undefined) {
    node[last] = value;
    return true;
  }
  if (isMapping(existing) && isMapping(value)) {
    return Object.entries(value).every(([key, child]) => mergeAt(existing, [key], child));
  }
  return false;
}

interface Leaf {
  path: string[];
  value: unknown;
}

/** Scalars, lists and empty mappings with their paths; a `controls` list is one leaf. */
function* leaves(node: Record<string, unknown>, path: string[] = []): Generator<Leaf> {
  for (const [key, value] of Object.entries(node)) {
    if (isMapping(value) && Object.keys(value).length > 0) yield* leaves(value, [...path, key]);
    else yield { path: [...path, key], value };
  }
}

/**
 * Where the first segments of a path are written. A flattened key
 * (`failed.critcal.max: 0`) is only known by its full text, so a longer
 * path stands in when the prefix itself was never written.
 */
function locate(
  path: readonly string[],
  full: readonly string[],
  locations: Map<string, SourceLocation>,
  source: string,
): SourceLocation {
  for (let length = path.length; length <= full.length; length++) {
    const found = locations.get(full.slice(0, length).join('.'));
    if (found) return found;
  }
  return { file: source };
}

/** `locateAt(n)` is where the first n segments of the path are written. */
function toRule(
  path: string[],
  value: unknown,
  locateAt: (depth: number) => SourceLocation,
  problems: UserError[],
): ThresholdRule | undefined {
  const key = path.join('.');
  const where = locateAt(path.length);
  const problemAt = (depth: number) => (message: string, fix: string) => {
    problems.push(new UserError(message, { location: locateAt(depth), fix }));
    return undefined;
  };
  const problem = problemAt(path.length);
  const [first = '', second, third, ...rest] = path;

  if (first === 'compliance') {
    if ((second === 'min' || second === 'max') && third === undefined) {
      if (!isCount(value, 100)) {
        return problem(
          `${key} must be a whole percentage from 0 to 100, not ${show(value)}.`,
          `write e.g. \`${key}: 80\`.`,
        );
      }
      return { kind: second === 'min' ? 'compliance-min' : 'compliance-max', value, key, where };
    }
    return unknownKey(key, 'did you mean compliance.min or compliance.max?', problemAt(2));
  }

  if (!isStatus(first)) {
    const guess = closestMatch(first, [...THRESHOLD_STATUSES, 'compliance']);
    return unknownKey(
      key,
      guess ? `did you mean ${guess}.…?` : 'the first part must be compliance or a status.',
      problemAt(1),
    );
  }
  const scopes = first === 'no_impact' ? NO_IMPACT_SCOPES : SCOPES;
  if (second === undefined || !(scopes as readonly string[]).includes(second)) {
    const guess = second === undefined ? undefined : closestMatch(second, scopes);
    const hint =
      second === 'none'
        ? 'severity "none" has bounds only under no_impact, as in SAF (no_impact.none.max).'
        : `did you mean ${first}.${guess ?? `<${scopes.join('|')}>`}?`;
    return unknownKey(key, hint, problemAt(2));
  }
  const status = first;
  const scope = second as ThresholdScope;

  if (third === undefined) {
    if (!isCount(value)) {
      return problem(
        `${key} must be a whole number (it means "exactly"), or a mapping of min, max and controls; got ${show(value)}.`,
        `write e.g. \`${key}: 0\` or \`${key}: {max: 0}\`.`,
      );
    }
    return { kind: 'equals', status, scope, value, key, where };
  }
  if (rest.length > 0 || !(BOUNDS as readonly string[]).includes(third)) {
    const guess = closestMatch(third, BOUNDS);
    return unknownKey(
      key,
      `did you mean ${first}.${second}.${guess ?? '<min|max|controls>'}?`,
      problemAt(3),
    );
  }
  if (third === 'controls') {
    if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id !== '')) {
      return problem(
        `${key} must be a list of control ids, not ${show(value)}.`,
        `write e.g. \`${key}: [SV-230221]\`.`,
      );
    }
    return { kind: 'controls', status, scope, ids: [...new Set(value as string[])], key, where };
  }
  if (!isCount(value)) {
    return problem(
      `${key} must be a whole number of controls, not ${show(value)}.`,
      `write e.g. \`${key}: 0\`.`,
    );
  }
  return { kind: third as 'min' | 'max', status, scope, value, key, where };
}

function unknownKey(
  key: string,
  suggestion: string,
  problem: (message: string, fix: string) => undefined,
): undefined {
  return problem(
    `Unknown threshold key "${key}".`,
    `${suggestion} Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses ${THRESHOLD_STATUSES.join(', ')}.`,
  );
}

function isStatus(value: string): value is ThresholdStatus {
  return (THRESHOLD_STATUSES as readonly string[]).includes(value);
}

function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function show(value: unknown): string {
  return value === null ? 'nothing' : JSON.stringify(value);
}
