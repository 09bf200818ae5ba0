import { EVENT_ID, getScalarValue, parseEvents } from 'js-yaml';
import type { SourceLocation } from './errors.js';

interface Frame {
  kind: 'document' | 'mapping' | 'sequence';
  path: string[];
  expectKey: boolean;
  key: string;
  index: number;
}

/**
 * Where each mapping key and each list item stands in a YAML text, by its
 * dotted path (`failed.critical.max` → line 3, column 5; `targets.1` → the
 * second item of `targets`), so a problem in a small configuration file can
 * be reported at file:line:column. Call it on text that already parsed: it
 * relies on the parser having accepted it.
 */
export function yamlLocations(text: string, file: string): Map<string, SourceLocation> {
  const locations = new Map<string, SourceLocation>();
  const stack: Frame[] = [];
  const at = (path: string[], offset: number) =>
    locations.set(path.join('.'), { file, ...lineAndColumn(text, offset) });
  const valueDone = () => {
    const top = stack.at(-1);
    if (top?.kind === 'mapping') top.expectKey = true;
    else if (top?.kind === 'sequence') top.index++;
  };
  const childPath = (top: Frame | undefined): string[] => {
    if (top?.kind === 'mapping') return [...top.path, top.key];
    if (top?.kind === 'sequence') return [...top.path, String(top.index)];
    return [];
  };

  for (const event of parseEvents(text, { filename: file })) {
    const top = stack.at(-1);
    switch (event.type) {
      case EVENT_ID.SCALAR:
        if (top?.kind === 'mapping' && top.expectKey) {
          top.key = getScalarValue(text, event);
          top.expectKey = false;
          at([...top.path, top.key], event.valueStart);
        } else {
          if (top?.kind === 'sequence') at(childPath(top), event.valueStart);
          valueDone();
        }
        break;
      case EVENT_ID.ALIAS:
        if (top?.kind === 'mapping' && top.expectKey) top.expectKey = false;
        else valueDone();
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (top?.kind === 'mapping' && top.expectKey) top.expectKey = false; // a complex key
        if (top?.kind === 'sequence') at(childPath(top), event.start);
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence',
          path: childPath(top),
          expectKey: true,
          key: '',
          index: 0,
        });
        break;
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: 'document', path: [], expectKey: false, key: '', index: 0 });
        break;
      case EVENT_ID.POP:
        if (stack.pop()?.kind !== 'document') valueDone();
        break;
    }
  }
  return locations;
}

/**
 * Where a path of a YAML text stands (`['apps', 0, 'image']`), or its nearest
 * parent that is written there (a missing key is reported at its mapping);
 * line 1 when nothing is. The locations are read once, on the first call.
 */
export function yamlLocator(
  text: string,
  file: string,
): (path: readonly (string | number)[]) => SourceLocation {
  let locations: Map<string, SourceLocation> | undefined;
  return (path) => {
    try {
      locations ??= yamlLocations(text, file);
    } catch {
      locations = new Map(); // text that does not parse has no locations
    }
    for (let depth = path.length; depth > 0; depth--) {
      const found = locations.get(path.slice(0, depth).join('.'));
      if (found) return found;
    }
    return { file, line: 1, column: 1 };
  };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The flow collection (`[` or `{`) still open at `end` (an offset into
 * `text`), outermost first: where a YAML error that js-yaml reports later
 * ("deficient indentation" on the line after, or at the end of the file)
 * really started. Quoted scalars and comments are skipped; a quote counts
 * only where a scalar can start, so `it's` in a plain scalar does not.
 */
export function unclosedFlowCollection(
  text: string,
  end: number,
): { bracket: '[' | '{'; line: number; column: number } | undefined {
  const open: { bracket: '[' | '{'; offset: number }[] = [];
  let previous = '\n'; // the last character that is not a space or tab
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const char = text[i] as string;
    if (char === '#' && (i === 0 || /[\s]/.test(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
      previous = '\n';
      continue;
    }
    if ((char === '"' || char === "'") && /[\n[{,:-]/.test(previous)) {
      for (i++; i < text.length; i++) {
        if (char === '"' && text[i] === '\\') i++;
        else if (text[i] === char) {
          if (char === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
      previous = char;
      continue;
    }
    if (char === '[' || char === '{') open.push({ bracket: char, offset: i });
    else if ((char === ']' || char === '}') && open.length > 0) open.pop();
    if (char !== ' ' && char !== '\t') previous = char;
  }
  const first = open[0];
  return first && { bracket: first.bracket, ...lineAndColumn(text, first.offset) };
}
