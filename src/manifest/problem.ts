import type { Node } from 'jsonc-parser';
import { UserError, type SourceLocation } from '../errors.js';
import { formatJsonPath, type JsonPath } from './json-path.js';
import { findPropertyNode, findValueNode, positionAt, type JsoncDocument } from './jsonc.js';

/** One thing wrong with a manifest, before it is placed at a line and column. */
export interface ManifestProblem {
  /** Where in the document; also printed, as `$.services[0].name`. */
  readonly path: JsonPath;
  /** What is wrong, naming the offending value. */
  readonly message: string;
  /** One sentence on how to fix it. */
  readonly fix: string;
  /**
   * What to point at: the property's key (unknown or repeated keys) or its
   * value (the default). When the path doesn't exist, its nearest existing
   * ancestor is pointed at instead.
   */
  readonly at?: 'key' | 'value';
  /** An exact place in the text, for syntax errors, which have no node to point at. */
  readonly span?: { readonly offset: number; readonly length: number };
}

interface Span {
  offset: number;
  length: number;
}

export interface PlacedErrors {
  /** The first `limit` problems in file order, as UserErrors with file:line:column. */
  readonly errors: UserError[];
  /** How many distinct problems there are in all. */
  readonly total: number;
}

/** The problems in the order they appear in the file; only the listed ones become errors. */
export function toUserErrors(
  problems: readonly ManifestProblem[],
  document: JsoncDocument,
  file: string,
  limit: number,
): PlacedErrors {
  const placed = problems.map((problem) => ({
    span: locate(problem, document),
    message: `${formatJsonPath(problem.path)}: ${problem.message}`,
    fix: problem.fix,
  }));
  placed.sort((a, b) => a.span.offset - b.span.offset);
  const seen = new Set<string>();
  const distinct = placed.filter(({ span, message }) => {
    const key = `${span.offset}\0${message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const errors = distinct
    .slice(0, limit)
    .map(
      ({ span, message, fix }) =>
        new UserError(message, { fix, location: sourceLocation(document, file, span) }),
    );
  return { errors, total: distinct.length };
}

/**
 * Where a JSON path is in the text, as file:line:column: for checks made
 * after loading (against the catalog of standard images, say) that must
 * point into default.json like the loader's own problems do.
 */
export function locatePath(
  document: JsoncDocument,
  file: string,
  path: JsonPath,
  at: 'key' | 'value' = 'value',
): SourceLocation {
  return sourceLocation(document, file, locate({ path, at, message: '', fix: '' }, document));
}

function locate(problem: ManifestProblem, document: JsoncDocument): Span {
  if (problem.span) return problem.span;
  if (problem.at === 'key') {
    const key = findPropertyNode(document.root, problem.path)?.children?.[0];
    if (key) return key;
  }
  // A missing property is reported on its parent: walk up until something exists.
  for (let depth = problem.path.length; depth >= 0; depth--) {
    const path = problem.path.slice(0, depth);
    const node = findValueNode(document.root, path);
    if (!node) continue;
    // Point at an object's or list's key when it has one: `"build": {` reads better than `{`.
    const key = isContainer(node)
      ? findPropertyNode(document.root, path)?.children?.[0]
      : undefined;
    return key ?? valueSpan(node);
  }
  return { offset: 0, length: 0 };
}

function isContainer(node: Node): boolean {
  return node.type === 'object' || node.type === 'array';
}

/** A scalar's whole text; for an object or list just its opening bracket, not fifty lines. */
function valueSpan(node: Node): Span {
  return { offset: node.offset, length: isContainer(node) ? 1 : node.length };
}

function sourceLocation(document: JsoncDocument, file: string, span: Span): SourceLocation {
  const start = positionAt(document, span.offset);
  const end = positionAt(document, span.offset + span.length);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
