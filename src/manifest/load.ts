import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError, UserErrors } from '../errors.js';
import { crossFieldProblems } from './checks.js';
import {
  DEFAULT_MANIFEST_PATH,
  MANIFEST_INPUT,
  MAX_LISTED_PROBLEMS,
  MAX_MANIFEST_BYTES,
  MINIMAL_MANIFEST_EXAMPLE,
} from './constants.js';
import { formatJsonPath, type JsonPath } from './json-path.js';
import {
  findDuplicateKeys,
  findValueNode,
  MAX_NESTING_DEPTH,
  nodeValue,
  parseJsonc,
  positionAt,
  type JsoncDocument,
} from './jsonc.js';
import { normalizeManifest, type RawManifest } from './normalize.js';
import { locatePath, toUserErrors, type ManifestProblem } from './problem.js';
import { schemaProblems } from './schema.js';
import { isBlank, syntaxProblems } from './syntax.js';
import type { AppManifest } from './types.js';

export interface LoadManifestOptions {
  /**
   * The name used in messages and annotations, such as the path relative to
   * the workspace when `file` is absolute. Defaults to `file` as given.
   */
  displayPath?: string;
}

/**
 * Reads and validates a default.json. Throws a UserError when the file can't
 * be read, and a UserErrors listing every problem when its content is wrong.
 */
export async function loadManifest(
  file: string,
  options: LoadManifestOptions = {},
): Promise<AppManifest> {
  const displayPath = options.displayPath ?? file;
  return parseManifest(readBoundedText(file, displayPath), displayPath);
}

/**
 * Validates manifest text; `file` is only used in messages and locations.
 * Every problem is found in one pass and thrown as one UserErrors, each entry
 * located at file:line:column with its JSON path and a fix.
 */
export function parseManifest(text: string, file: string): AppManifest {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MANIFEST_BYTES) throw tooLarge(file, bytes);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  // Editors on Windows may save a byte-order mark; it is not a column anyone sees.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const document = parseJsonc(body);

  if (isBlank(body)) {
    throw invalid(file, document, [
      {
        path: [],
        span: { offset: 0, length: 0 },
        message: body.trim() === '' ? 'the file is empty.' : 'the file has only comments.',
        fix: `write the manifest object, such as ${MINIMAL_MANIFEST_EXAMPLE}.`,
      },
    ]);
  }

  if (document.tooDeepAt !== undefined) {
    throw invalid(file, document, [
      {
        path: [],
        span: { offset: document.tooDeepAt, length: 1 },
        message: `objects and lists are nested more than ${MAX_NESTING_DEPTH} levels deep here.`,
        fix: 'a manifest needs only a few levels: look for brackets that are opened and never closed.',
      },
    ]);
  }

  if (document.syntaxErrors.length > 0) {
    const { problems, omitted } = syntaxProblems(document);
    const note =
      omitted > 0
        ? ` (${omitted} more syntax ${plural(omitted, 'error')} not shown; fix these first)`
        : '';
    throw invalid(file, document, problems, `The manifest is not valid JSON${note}:`);
  }

  const manifest = document.root ? nodeValue(document.root) : undefined;
  const fromSchema = schemaProblems(manifest, (path) => sourceText(document, path));
  const schemaPaths = new Set(fromSchema.map((problem) => formatJsonPath(problem.path)));
  const problems = [
    ...duplicateKeyProblems(document),
    ...fromSchema,
    // One problem per value: a value the schema rejects is not checked against others.
    ...crossFieldProblems(manifest).filter(
      (problem) => !schemaPaths.has(formatJsonPath(problem.path)),
    ),
  ];
  if (problems.length > 0) throw invalid(file, document, problems);

  const locate = (path: JsonPath, at?: 'key' | 'value') => locatePath(document, file, path, at);
  return { ...normalizeManifest(manifest as RawManifest, file, sha256), locate };
}

function duplicateKeyProblems(document: JsoncDocument): ManifestProblem[] {
  return findDuplicateKeys(document.root).map(({ path, keyNode, firstKeyNode }) => {
    const first = positionAt(document, firstKeyNode.offset);
    return {
      path,
      span: { offset: keyNode.offset, length: keyNode.length },
      message: `${JSON.stringify(path.at(-1))} appears twice in the same object (first at line ${first.line}, column ${first.column}); only the last value would count.`,
      fix: 'keep one of them.',
    };
  });
}

function sourceText(document: JsoncDocument, path: JsonPath): string | undefined {
  const node = findValueNode(document.root, path);
  return node ? document.text.slice(node.offset, node.offset + node.length) : undefined;
}

function invalid(
  file: string,
  document: JsoncDocument,
  problems: readonly ManifestProblem[],
  summary?: string,
): UserErrors {
  const { errors, total } = toUserErrors(problems, document, file, MAX_LISTED_PROBLEMS);
  const count = `${total} ${plural(total, 'problem')}`;
  const heading =
    summary ??
    (errors.length < total
      ? `The manifest is not valid (${count}; the first ${errors.length} are listed):`
      : `The manifest is not valid (${count}):`);
  return new UserErrors(heading, errors);
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

/**
 * The file as text, never reading more than the size limit, even if the file
 * grows meanwhile. Read synchronously, as the other local files of a step are:
 * default.json is read before a step's first request, and the first
 * asynchronous file operation would start libuv's thread pool (four threads)
 * for a file of a few KiB.
 */
function readBoundedText(file: string, displayPath: string): string {
  const fullPath = resolve(file);
  let fd: number;
  try {
    fd = openSync(fullPath, 'r');
  } catch (error) {
    throw unreadable(error, fullPath, displayPath);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new UserError(`The manifest path ${fullPath} is not a file.`, {
        fix: `point the "${MANIFEST_INPUT}" input at the manifest file itself, such as "${DEFAULT_MANIFEST_PATH}".`,
        location: { file: displayPath },
      });
    }
    if (stats.size > MAX_MANIFEST_BYTES) throw tooLarge(displayPath, stats.size);
    // Read up to one byte past the bound (the file may grow after stat), in
    // pieces the size the file claims: a buffer of the whole bound would be
    // zero-filled memory that the process keeps for its lifetime's peak.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= MAX_MANIFEST_BYTES) {
      const want = Math.min(
        Math.max(stats.size + 1 - length, 4096),
        MAX_MANIFEST_BYTES + 1 - length,
      );
      const chunk = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, chunk, 0, want, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > MAX_MANIFEST_BYTES) throw tooLarge(displayPath, length);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
        Buffer.concat(chunks, length),
      );
    } catch (error) {
      throw new UserError(`${displayPath} is not valid UTF-8 text.`, {
        fix: 'save the file as UTF-8.',
        location: { file: displayPath },
        cause: error,
      });
    }
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown, fullPath: string, displayPath: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UserError(`No manifest found at ${fullPath}.`, {
      fix: `add a ${DEFAULT_MANIFEST_PATH} at the repository root, or set the action's "${MANIFEST_INPUT}" input to the path of yours.`,
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError(`The manifest ${fullPath} can't be read: permission denied.`, {
      fix: 'make the file readable by the user the runner runs as.',
      location: { file: displayPath },
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function tooLarge(file: string, bytes: number): UserError {
  return new UserError(
    `${file} is ${bytes} bytes; a manifest may be at most ${MAX_MANIFEST_BYTES} bytes (1 MiB).`,
    {
      fix: `check that the "${MANIFEST_INPUT}" input points at default.json and not at another file.`,
      location: { file },
    },
  );
}
