import { getScalarValue, parseEvents, type Event } from 'js-yaml';
import { UserError, UserErrors, type SourceLocation } from '../errors.js';
import { DEFAULT_YAML_LIMITS, parseYaml, type YamlLimits } from '../yaml.js';
import type { PlaceholderContext } from './context.js';

/** `%%NAME%%`; names are letters, digits and underscores. */
const PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;
const WHOLE_PLACEHOLDER = /^%%([A-Za-z_][A-Za-z0-9_]*)%%$/;
const SCALAR_EVENT = 4;

export interface PlaceholderUse {
  name: string;
  location: SourceLocation;
}

export interface RenderedYaml {
  value: unknown;
  /** Every placeholder found, with where it stands. */
  uses: PlaceholderUse[];
}

/**
 * Fills `%%NAME%%` placeholders in a YAML document at the node level: the
 * document is parsed first and only scalar values change, so a value holding
 * `:`, `#` or a newline can never alter the document's structure. A scalar
 * that is exactly one placeholder takes the value's type (a number stays a
 * number); one inside longer text is interpolated as text. Every placeholder
 * without a value is reported at once, each with its file, line and column.
 */
export function renderYamlTemplate(
  text: string,
  file: string,
  context: PlaceholderContext,
  limits: YamlLimits = {},
): RenderedYaml {
  const uses = findPlaceholders(text, file, limits);
  const missing = uses.filter((use) => !context.has(use.name));
  if (missing.length > 0) {
    throw new UserErrors(
      `${missing.length === 1 ? 'A placeholder has' : `${missing.length} placeholders have`} no value in ${file}:`,
      missing.map(
        (use) =>
          new UserError(`%%${use.name}%% has no value.`, {
            location: use.location,
            fix:
              context.absentFix(use.name) ??
              `pass ${use.name} in the step's env:, or fix the name (${knownNames(context)}).`,
          }),
      ),
    );
  }
  const value = substitute(parseYaml(text, file, limits), context);
  return { value, uses };
}

/** Placeholders in a plain string (a single `set` value, a target field). */
export function renderString(
  text: string,
  context: PlaceholderContext,
  where: SourceLocation,
): string | number | boolean {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  const lookup = (name: string) => {
    const entry = context.get(name);
    if (!entry) {
      throw new UserError(`%%${name}%% has no value.`, {
        location: where,
        fix: context.absentFix(name) ?? `pass ${name} in the step's env:.`,
      });
    }
    return entry.value;
  };
  if (whole?.[1]) return lookup(whole[1]);
  return text.replace(PLACEHOLDER, (_, name: string) => String(lookup(name)));
}

/** The standard names, for the hint; the workflow's own variables would drown them. */
function knownNames(context: PlaceholderContext): string {
  const names = context.standardNames();
  if (names.length === 0) return 'no standard values are set here';
  return `known: ${names.slice(0, 16).join(', ')}${names.length > 16 ? ', …' : ''}`;
}

function substitute(node: unknown, context: PlaceholderContext): unknown {
  if (typeof node === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(node);
    if (whole?.[1]) return context.get(whole[1])?.value;
    return node.replace(PLACEHOLDER, (_, name: string) => String(context.get(name)?.value));
  }
  if (Array.isArray(node)) return node.map((item) => substitute(item, context));
  if (node !== null && typeof node === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      result[substitute(key, context) as string] = substitute(value, context);
    }
    return result;
  }
  return node;
}

/** Walks the scalar events, which carry source offsets, to place every placeholder. */
function findPlaceholders(text: string, file: string, limits: YamlLimits): PlaceholderUse[] {
  let events: Event[];
  try {
    events = parseEvents(text, {
      filename: file,
      maxDepth: limits.maxDepth ?? DEFAULT_YAML_LIMITS.maxDepth,
    });
  } catch (error) {
    const hint = unquotedPlaceholderError(text, file);
    if (hint) throw hint;
    parseYaml(text, file, limits); // throws the positioned UserError for the same problem
    throw error;
  }
  const lines = lineStarts(text);
  const uses: PlaceholderUse[] = [];
  for (const event of events) {
    if (event.type !== SCALAR_EVENT) continue;
    const value = getScalarValue(text, event);
    for (const match of value.matchAll(PLACEHOLDER)) {
      const token = match[0];
      // Offsets are in the source; for quoted or block scalars the decoded
      // text may differ, so find the token in the scalar's source span.
      const inSource = text.indexOf(token, event.valueStart);
      const offset = inSource !== -1 && inSource < event.valueEnd ? inSource : event.valueStart;
      uses.push({ name: match[1] ?? '', location: { file, ...position(lines, offset) } });
    }
  }
  return uses;
}

/** `key: %%X%%` is not YAML (`%` cannot start a plain scalar); say so instead of "bad indentation". */
function unquotedPlaceholderError(text: string, file: string): UserError | undefined {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const match =
      /^(\s*(?:-\s+)?(?:[^#\s][^:#]*:\s+)?)(%%[A-Za-z_][A-Za-z0-9_]*%%\S*)\s*(#.*)?$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) {
      return new UserError(`a value that starts with %% must be quoted in YAML: ${match[2]}`, {
        location: { file, line: index + 1, column: (match[1]?.length ?? 0) + 1 },
        fix: `write it as "${match[2]}" (quotes keep it valid YAML; a whole-value placeholder still takes its value's type).`,
      });
    }
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
