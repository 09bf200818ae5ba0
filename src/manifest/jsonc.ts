import {
  createScanner,
  parseTree,
  type Node,
  type ParseError,
  type SyntaxKind,
} from 'jsonc-parser';
import type { JsonPath } from './json-path.js';

// jsonc-parser's SyntaxKind is an ambient const enum, which isolatedModules can't read.
export const TOKEN = {
  openBrace: 1 as SyntaxKind,
  closeBrace: 2 as SyntaxKind,
  openBracket: 3 as SyntaxKind,
  closeBracket: 4 as SyntaxKind,
  eof: 17 as SyntaxKind,
};

/**
 * Far deeper than any manifest (which needs about six levels), and far below
 * what makes the recursive parser overflow the stack.
 */
export const MAX_NESTING_DEPTH = 64;

/** A parsed JSON-with-comments text that can map any node or offset back to line and column. */
export interface JsoncDocument {
  readonly text: string;
  /** Undefined when the text holds no value at all (empty, or only comments). */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Offset at which each line starts; lines end at \n, \r\n or \r. */
  readonly lineStarts: readonly number[];
  /** Offset of the first bracket nested deeper than MAX_NESTING_DEPTH; when set, nothing was parsed. */
  readonly tooDeepAt: number | undefined;
}

/** 1-based, as editors and GitHub annotations count; a column counts UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

export function parseJsonc(text: string): JsoncDocument {
  const lineStarts = lineStartOffsets(text);
  const tooDeepAt = firstTooDeepBracket(text);
  if (tooDeepAt !== undefined)
    return { text, root: undefined, syntaxErrors: [], lineStarts, tooDeepAt };
  const syntaxErrors: ParseError[] = [];
  // Comments and trailing commas are how people really write default.json.
  const root = parseTree(text, syntaxErrors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: false,
  });
  return { text, root, syntaxErrors, lineStarts, tooDeepAt };
}

function firstTooDeepBracket(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      if (++depth > MAX_NESTING_DEPTH) return scanner.getTokenOffset();
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (char === 0x0a || char === 0x0d) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(document: JsoncDocument, offset: number): Position {
  const starts = document.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/**
 * The value node at `path`. Where a key repeats, the last one counts, as in
 * JSON.parse; the repetition itself is reported by findDuplicateKeys.
 */
export function findValueNode(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    node =
      typeof segment === 'number'
        ? arrayItem(node, segment)
        : propertyOf(node, segment)?.children?.[1];
  }
  return node;
}

/** The property node (key and value) for the last segment of `path`, when it names an object property. */
export function findPropertyNode(root: Node | undefined, path: JsonPath): Node | undefined {
  const last = path.at(-1);
  if (typeof last !== 'string') return undefined;
  const parent = findValueNode(root, path.slice(0, -1));
  return parent ? propertyOf(parent, last) : undefined;
}

function arrayItem(node: Node, index: number): Node | undefined {
  return node.type === 'array' ? node.children?.[index] : undefined;
}

/** Each object's properties by key, built on first lookup: a file with thousands of errors stays fast. */
const propertiesByKey = new WeakMap<Node, Map<string, Node>>();

function propertyOf(node: Node, key: string): Node | undefined {
  if (node.type !== 'object') return undefined;
  let index = propertiesByKey.get(node);
  if (!index) {
    index = new Map();
    // Later entries overwrite earlier ones: the last of repeated keys counts.
    for (const property of node.children ?? [])
      index.set(String(property.children?.[0]?.value), property);
    propertiesByKey.set(node, index);
  }
  return index.get(key);
}

/**
 * The plain value of a node. Unlike jsonc-parser's getNodeValue, a key such as
 * "__proto__" becomes an ordinary property, so the schema sees it as unknown
 * instead of it silently changing the object's prototype.
 */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        Object.defineProperty(object, String(key.value), {
          value: nodeValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

export interface DuplicateKey {
  /** Path of the repeated property. */
  readonly path: JsonPath;
  /** The repeated key's node, and the first occurrence's. */
  readonly keyNode: Node;
  readonly firstKeyNode: Node;
}

/** Keys that appear twice in one object: valid JSON, but the first value is silently lost. */
export function findDuplicateKeys(root: Node | undefined): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const visit = (node: Node, path: (string | number)[]): void => {
    if (node.type === 'array') {
      node.children?.forEach((child, index) => visit(child, [...path, index]));
      return;
    }
    if (node.type !== 'object') return;
    const firstByKey = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const first = firstByKey.get(key);
      if (first) duplicates.push({ path: [...path, key], keyNode, firstKeyNode: first });
      else firstByKey.set(key, keyNode);
      if (valueNode) visit(valueNode, [...path, key]);
    }
  };
  if (root) visit(root, []);
  return duplicates;
}
