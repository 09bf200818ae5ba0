import { load, loadAll, Schema, YAML11_SCHEMA, YAMLException } from 'js-yaml';
import { UserError } from './errors.js';
import { unclosedFlowCollection } from './yaml-locations.js';

/** Bounds for any YAML we read: inputs, values files, rendered manifests. */
export interface YamlLimits {
  maxBytes?: number;
  /** Aliases per document; a few are normal, thousands are a billion-laughs attack. */
  maxAliases?: number;
  maxDepth?: number;
  maxDocuments?: number;
  /**
   * Nodes the parsed value may expand to. Few aliases can still nest into an
   * exponential tree (billion laughs) once anything walks the value.
   */
  maxExpandedNodes?: number;
  /** How scalars are typed; js-yaml's YAML 1.2 core schema unless given. */
  schema?: Schema;
}

/**
 * YAML as Kubernetes and Helm read it (sigs.k8s.io/yaml on go-yaml v2): YAML
 * 1.1, where `0644` is octal and `on` is true, with timestamps left as text.
 * Values files and manifests must be read this way or they change meaning.
 */
export const KUBERNETES_YAML_SCHEMA = new Schema(
  YAML11_SCHEMA.tags.filter((tag) => tag.tagName !== 'tag:yaml.org,2002:timestamp'),
);

export const DEFAULT_YAML_LIMITS: Required<Omit<YamlLimits, 'schema'>> = {
  maxBytes: 8 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 64,
  maxDocuments: 10_000,
  maxExpandedNodes: 1_000_000,
};

/** Parses one YAML document; `source` names the file or input in errors. */
export function parseYaml(text: string, source: string, limits: YamlLimits = {}): unknown {
  const bounds = checkSize(text, source, limits);
  let value: unknown;
  try {
    value = load(text, {
      filename: source,
      maxAliases: bounds.maxAliases,
      maxDepth: bounds.maxDepth,
      ...(limits.schema ? { schema: limits.schema } : {}),
    });
  } catch (error) {
    throw yamlUserError(error, source, text);
  }
  checkExpandedSize(value, source, bounds.maxExpandedNodes);
  return value;
}

/** Parses a multi-document stream; empty documents are dropped. */
export function parseYamlDocuments(
  text: string,
  source: string,
  limits: YamlLimits = {},
): unknown[] {
  const bounds = checkSize(text, source, limits);
  const documents: unknown[] = [];
  try {
    loadAll(
      text,
      (document) => {
        if (documents.length >= bounds.maxDocuments) {
          throw new UserError(`${source} has more than ${bounds.maxDocuments} YAML documents.`, {
            fix: 'split the file, or check that it is the file you meant.',
            location: { file: source },
          });
        }
        if (document === null || document === undefined) return;
        checkExpandedSize(document, source, bounds.maxExpandedNodes);
        documents.push(document);
      },
      {
        filename: source,
        maxAliases: bounds.maxAliases,
        maxDepth: bounds.maxDepth,
        ...(limits.schema ? { schema: limits.schema } : {}),
      },
    );
  } catch (error) {
    throw yamlUserError(error, source, text);
  }
  return documents;
}

/** Walks the value as a consumer would (aliases expanded), stopping at the budget. */
function checkExpandedSize(value: unknown, source: string, maxNodes: number): void {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    const node = pending.pop();
    if (++seen > maxNodes) {
      throw new UserError(
        `${source} expands to more than ${maxNodes} YAML nodes through its aliases.`,
        {
          fix: 'write the repeated parts out, or use fewer nested aliases (this shape is how "billion laughs" attacks look).',
          location: { file: source },
        },
      );
    }
    if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node as Record<string, unknown>)) pending.push(child);
    }
  }
}

function checkSize(
  text: string,
  source: string,
  limits: YamlLimits,
): Required<Omit<YamlLimits, 'schema'>> {
  const bounds = { ...DEFAULT_YAML_LIMITS, ...limits };
  const size = Buffer.byteLength(text, 'utf8');
  if (size > bounds.maxBytes) {
    throw new UserError(
      `${source} is ${size} bytes of YAML, more than the ${bounds.maxBytes} bytes allowed.`,
      {
        fix: 'check that this is the file you meant; values files are rarely this large.',
        location: { file: source },
      },
    );
  }
  return bounds;
}

/** What js-yaml says when a `[` or `{` is never closed: at the line after it, or at the end. */
const UNCLOSED_FLOW =
  /deficient indentation|end of the stream within a flow collection|missed comma between flow collection entries|expected the node content|end of the stream or a document separator is expected/;

function yamlUserError(error: unknown, source: string, text?: string): unknown {
  if (error instanceof UserError) return error;
  if (!(error instanceof YAMLException)) return error;
  const mark = error.mark;
  const unclosed =
    text !== undefined && mark && UNCLOSED_FLOW.test(error.reason ?? '')
      ? unclosedFlowCollection(text, mark.position)
      : undefined;
  if (unclosed) {
    const [kind, close] = unclosed.bracket === '[' ? ['sequence', ']'] : ['mapping', '}'];
    return new UserError(
      `${source} is not valid YAML: the flow ${kind} "${unclosed.bracket}" opened at line ${unclosed.line}, column ${unclosed.column} is not closed.`,
      {
        fix: `close it with "${close}" (a flow ${kind} written over several lines must close before the next key), or write it as a block ${kind}.`,
        location: { file: source, line: unclosed.line, column: unclosed.column },
        cause: error,
      },
    );
  }
  return new UserError(`${source} is not valid YAML: ${error.reason}`, {
    fix: 'correct the YAML at that position (indentation, quoting, or a missing colon).',
    location: {
      file: source,
      ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
    },
    cause: error,
  });
}
