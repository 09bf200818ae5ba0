import {
  createScanner,
  findNodeAtOffset,
  getLocation,
  getNodePath,
  printParseErrorCode,
  type Node,
  type ParseError,
  type SyntaxKind,
} from 'jsonc-parser';
import { MAX_LISTED_PROBLEMS } from './constants.js';
import { positionAt, TOKEN, type JsoncDocument } from './jsonc.js';
import type { ManifestProblem } from './problem.js';

const VALUE_START = /^["{[0-9tfn-]/;

export interface SyntaxReport {
  readonly problems: ManifestProblem[];
  /** Later parse errors left out because they most likely follow from a reported one. */
  readonly omitted: number;
}

/** Whether the text holds nothing but whitespace and comments. */
export function isBlank(text: string): boolean {
  return createScanner(text, true).scan() === TOKEN.eof;
}

/**
 * Syntax errors as problems. A missing comma between two values leaves the
 * rest of the file readable, so every one is reported; after any other error
 * the parser is guessing, so reporting stops there rather than listing noise.
 */
export function syntaxProblems(document: JsoncDocument): SyntaxReport {
  const errors = [...document.syntaxErrors].sort((a, b) => a.offset - b.offset);
  const problems: ManifestProblem[] = [];
  for (const [index, error] of errors.entries()) {
    const found = document.text.slice(error.offset, error.offset + error.length);
    const isMissingComma =
      printParseErrorCode(error.error) === 'CommaExpected' && VALUE_START.test(found);
    problems.push(
      isMissingComma ? missingComma(document, error) : describeSyntaxError(document, error, found),
    );
    const isLast = !isMissingComma || problems.length === MAX_LISTED_PROBLEMS;
    if (isLast) return { problems, omitted: errors.length - index - 1 };
  }
  return { problems, omitted: 0 };
}

function missingComma(document: JsoncDocument, error: ParseError): ManifestProblem {
  // The value after the missing comma: a property's key, or a list item.
  const next = document.root ? findNodeAtOffset(document.root, error.offset) : undefined;
  const parent = next?.parent;
  const container = parent?.type === 'property' ? parent.parent : parent;
  const what =
    parent?.type === 'property'
      ? `the property ${JSON.stringify(parent.children?.[0]?.value)}`
      : `item ${parent?.children?.indexOf(next as Node) ?? '?'}`;
  const nextLine = positionAt(document, error.offset).line;
  // Point where the comma belongs, right after the previous value, not at the next one.
  const insertAt = scanUpTo(document.text, error.offset).previousTokenEnd;
  const { line, column } = positionAt(document, insertAt);
  return {
    path: container
      ? getNodePath(container)
      : cleanPath(getLocation(document.text, error.offset).path),
    span: { offset: insertAt, length: 0 },
    message: `missing "," before ${what} on line ${nextLine}.`,
    fix: `add "," at line ${line}, column ${column}, right after the previous value.`,
  };
}

function describeSyntaxError(
  document: JsoncDocument,
  error: ParseError,
  found: string,
): ManifestProblem {
  const path = cleanPath(getLocation(document.text, error.offset).path);
  const span = { offset: error.offset, length: error.length };
  const shown = found === '' ? 'the end of the file' : JSON.stringify(truncate(found));
  const code = printParseErrorCode(error.error);
  switch (code) {
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return unclosed(document, error, path, shown);
    case 'InvalidSymbol':
      if (found.startsWith("'")) {
        return {
          path,
          span,
          message: `${shown} is in single quotes, which JSON does not allow.`,
          fix: `use double quotes: ${JSON.stringify(found.replace(/^'|'$/g, ''))}.`,
        };
      }
      if (/^[A-Za-z_$][\w$-]{0,40}$/.test(found)) {
        return {
          path,
          span,
          message: `unexpected word ${found}: names and text must be in double quotes.`,
          fix: `write ${JSON.stringify(found)}.`,
        };
      }
      return {
        path,
        span,
        message: `unexpected ${shown}.`,
        fix: 'remove it, or put text in double quotes.',
      };
    case 'PropertyNameExpected':
      return {
        path,
        span,
        message: `expected a property name in double quotes, found ${shown}.`,
        fix: 'write the name in double quotes, such as "name": "value".',
      };
    case 'ValueExpected':
      return {
        path,
        span,
        message: `expected a value, found ${shown}.`,
        fix: 'write a value: a string in double quotes, a number, true, false, null, an object or a list.',
      };
    case 'ColonExpected':
      return {
        path,
        span,
        message: `expected ":" after the property name, found ${shown}.`,
        fix: 'put ":" between the property name and its value.',
      };
    case 'EndOfFileExpected':
      return {
        path: [],
        span,
        message: `unexpected ${shown} after the end of the top-level object.`,
        fix: 'the file holds one object: remove what follows its closing "}" or move it inside.',
      };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return {
        path,
        span,
        message: `${shown} is not a valid number.`,
        fix: 'write numbers like 1, 0.5 or 1e3, and versions as strings such as "1.10".',
      };
    case 'UnexpectedEndOfString':
      return {
        path,
        span,
        message: 'the string is not closed before the end of the line.',
        fix: 'close it with a double quote; write a line break inside a string as \\n.',
      };
    case 'InvalidCharacter':
      return {
        path,
        span,
        message: 'a string contains a control character such as a tab or a line break.',
        fix: 'write a tab as \\t and a line break as \\n.',
      };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return {
        path,
        span,
        message: `${shown} is not a valid escape in a string.`,
        fix: 'write a backslash as \\\\ (or use "/" in paths) and Unicode escapes as \\u followed by four hex digits.',
      };
    case 'UnexpectedEndOfComment':
    case 'InvalidCommentToken':
      return {
        path,
        span,
        message: 'a /* comment is not closed.',
        fix: 'close it with */.',
      };
    default:
      return { path, span, message: `${code} at ${shown}.`, fix: 'correct the JSON syntax here.' };
  }
}

/** A bracket that is never closed, or closed by the wrong kind. */
function unclosed(
  document: JsoncDocument,
  error: ParseError,
  path: (string | number)[],
  shown: string,
): ManifestProblem {
  const open = scanUpTo(document.text, error.offset).openBrackets.at(-1);
  const span = { offset: error.offset, length: error.length };
  if (!open) {
    return { path, span, message: `unexpected ${shown}.`, fix: 'correct the brackets here.' };
  }
  const where = positionAt(document, open.offset);
  const kind = open.token === TOKEN.openBrace ? 'object' : 'list';
  const closer = open.token === TOKEN.openBrace ? '}' : ']';
  const openNode = document.root ? findNodeAtOffset(document.root, open.offset) : undefined;
  return {
    path: openNode ? getNodePath(openNode) : path,
    span,
    message: `the ${kind} opened at line ${where.line}, column ${where.column} is not closed: expected "," or "${closer}", found ${shown}.`,
    fix: `add the missing "${closer}"; when several are missing, the indentation shows where each belongs.`,
  };
}

interface ScanResult {
  /** Where the last token before the offset ends (comments and whitespace skipped). */
  previousTokenEnd: number;
  /** Brackets opened before the offset and not yet closed, outermost first. */
  openBrackets: { token: SyntaxKind; offset: number }[];
}

function scanUpTo(text: string, offset: number): ScanResult {
  const scanner = createScanner(text, true);
  const result: ScanResult = { previousTokenEnd: 0, openBrackets: [] };
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (scanner.getTokenOffset() >= offset) break;
    result.previousTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      result.openBrackets.push({ token, offset: scanner.getTokenOffset() });
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      const opener = token === TOKEN.closeBrace ? TOKEN.openBrace : TOKEN.openBracket;
      const index = result.openBrackets.findLastIndex((open) => open.token === opener);
      if (index >= 0) result.openBrackets.splice(index);
    }
  }
  return result;
}

/** jsonc-parser ends a path with "" while it waits for a property name; that segment says nothing. */
function cleanPath(path: (string | number)[]): (string | number)[] {
  return path.at(-1) === '' ? path.slice(0, -1) : path;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
