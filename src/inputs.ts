import * as core from './core.js';
import { UserError } from './errors.js';
import { parseYaml } from './yaml.js';

/**
 * Typed access to action inputs. Every problem is a UserError that names the
 * input and says what would be accepted, so a wrong workflow file is fixed
 * from the message alone.
 */

/** The raw value the runner passed, trimmed; '' when unset. */
function raw(name: string): string {
  return core.getInput(name, { trimWhitespace: true });
}

export function getRequired(name: string): string {
  const value = raw(name);
  if (value === '') {
    throw new UserError(`Input "${name}" is required but was not set.`, {
      fix: `add \`${name}: …\` under \`with:\` in the step that uses this action.`,
    });
  }
  return value;
}

/** undefined for an empty string, as codeql-action's getOptionalInput does. */
export function getOptional(name: string): string | undefined {
  const value = raw(name);
  return value === '' ? undefined : value;
}

/** A secret input: masked in the log before anything else can print it. */
export function getSecret(name: string): string | undefined {
  const value = core.getInput(name, { trimWhitespace: false });
  if (value === '') return undefined;
  core.setSecret(value);
  const trimmed = value.trim();
  if (trimmed !== value && trimmed !== '') core.setSecret(trimmed);
  return trimmed;
}

const TRUE_VALUES = new Set(['true', 'True', 'TRUE']);
const FALSE_VALUES = new Set(['false', 'False', 'FALSE']);

export function getBoolean(name: string, defaultValue: boolean): boolean {
  const value = raw(name);
  if (value === '') return defaultValue;
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  throw new UserError(`Input "${name}" must be true or false, not "${value}".`, {
    fix: `set \`${name}: true\` or \`${name}: false\`.`,
  });
}

export function getEnum<T extends string>(name: string, allowed: readonly T[], defaultValue: T): T {
  const value = raw(name);
  if (value === '') return defaultValue;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(
    `Input "${name}" is "${value}", which is not one of: ${allowed.join(', ')}.`,
    { fix: `use one of the allowed values (default: ${defaultValue}).` },
  );
}

export interface IntegerBounds {
  min?: number;
  max?: number;
}

export function getInteger(name: string, defaultValue: number, bounds: IntegerBounds = {}): number {
  const value = raw(name);
  if (value === '') return defaultValue;
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UserError(
      `Input "${name}" must be a whole number from ${min} to ${max}, not "${value}".`,
      {
        fix: `set \`${name}\` to a number in that range (default: ${defaultValue}).`,
      },
    );
  }
  return number;
}

/** Go-style durations as helm takes them: 300s, 5m, 1h30m; a bare number means seconds. */
export function getDurationSeconds(name: string, defaultSeconds: number): number {
  const value = raw(name);
  if (value === '') return defaultSeconds;
  const seconds = parseDurationSeconds(value);
  if (seconds === undefined || seconds <= 0) {
    throw new UserError(`Input "${name}" is not a duration: "${value}".`, {
      fix: 'write it like 90s, 5m or 1h30m.',
    });
  }
  return seconds;
}

export function parseDurationSeconds(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export interface ListOptions {
  /** Split on commas too (the default); off for items that may contain commas. */
  commas?: boolean;
}

/** One item per line (and per comma unless told not to); blank items and `#` comment lines dropped. */
export function getList(name: string, options: ListOptions = {}): string[] {
  const value = raw(name);
  if (value === '') return [];
  const lines = value.split(/\r?\n/).filter((line) => !line.trim().startsWith('#'));
  const items = options.commas === false ? lines : lines.flatMap((line) => line.split(','));
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** A YAML input (a map for `set`, a list of targets…), parsed with the same bounds as files. */
export function getYaml(name: string): unknown {
  const value = raw(name);
  if (value === '') return undefined;
  return parseYaml(value, `input "${name}"`, { maxBytes: 1024 * 1024 });
}

/** A YAML input that must be a mapping of strings to scalars or nested values. */
export function getYamlMap(name: string): Record<string, unknown> {
  const value = getYaml(name);
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`Input "${name}" must be a YAML mapping (key: value lines).`, {
      fix: `write it as a block, e.g.\n  ${name}: |\n    image.tag: "1.2.3"\n    replicaCount: 2`,
    });
  }
  return value as Record<string, unknown>;
}
