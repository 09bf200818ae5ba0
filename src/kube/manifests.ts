import {
  eventsToAst,
  loadAll,
  parseEvents,
  present,
  YAMLException,
  type Document,
  type MappingNode,
  type Node,
  type ScalarNode,
  type SequenceNode,
} from 'js-yaml';
import { UserError } from '../errors.js';
import { KUBERNETES_YAML_SCHEMA } from '../yaml.js';
import type { KubeObject, ObjectRef } from './objects.js';

/**
 * Rendered Kubernetes manifests as YAML nodes. The post-renderer edits them
 * at the node level (an image, an annotation) and writes every other scalar
 * back exactly as the chart wrote it, so `defaultMode: 0644` or `enabled: on`
 * keep the meaning Kubernetes gives them.
 *
 * Values (for diffs and reports) are read the way Kubernetes reads YAML:
 * YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where `0644` is octal and `on`
 * is true, and where timestamps stay text.
 */

const STR = 'tag:yaml.org,2002:str';
const MAP = 'tag:yaml.org,2002:map';
const NULL = 'tag:yaml.org,2002:null';
const PLAIN = 1;
const BLOCK = 1;

/** Rendered charts are bounded by the 1 MiB release secret; kustomize output can be a little larger. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 100;
const MAX_ALIASES = 100;

/**
 * The objects of a multi-document stream as mapping nodes. Empty documents
 * (what a chart renders for a disabled template: only a `# Source:` comment)
 * are dropped; anything else that is not a mapping is an error.
 */
export function parseManifestNodes(text: string, source: string): MappingNode[] {
  checkSize(text, source);
  let documents: Document[];
  try {
    const events = parseEvents(text, { filename: source, maxDepth: MAX_DEPTH });
    documents = eventsToAst(events, { source: text, schema: KUBERNETES_YAML_SCHEMA });
  } catch (error) {
    throw manifestYamlError(error, source);
  }
  const nodes: MappingNode[] = [];
  for (const [index, document] of documents.entries()) {
    const contents = document.contents;
    if (isEmpty(contents)) continue;
    if (contents.kind !== 'mapping') {
      throw new UserError(
        `${source}: document ${index + 1} is a ${contents.kind}, not a Kubernetes object.`,
        { fix: 'every rendered document must be a mapping with apiVersion, kind and metadata.' },
      );
    }
    nodes.push(contents);
  }
  return nodes;
}

/** The stream back as text, `---` between objects. */
export function presentManifests(nodes: readonly MappingNode[]): string {
  if (nodes.length === 0) return '';
  const documents: Document[] = nodes.map((node) => ({
    contents: node,
    explicitStart: true,
    directives: [],
  }));
  return present(documents, { schema: KUBERNETES_YAML_SCHEMA, lineWidth: -1 });
}

/** The objects of a stream as values, read as Kubernetes reads them; empty documents dropped. */
export function parseManifestObjects(text: string, source: string): KubeObject[] {
  checkSize(text, source);
  let documents: unknown[];
  try {
    documents = loadAll(text, {
      filename: source,
      schema: KUBERNETES_YAML_SCHEMA,
      maxDepth: MAX_DEPTH,
      maxAliases: MAX_ALIASES,
    });
  } catch (error) {
    throw manifestYamlError(error, source);
  }
  const objects: KubeObject[] = [];
  for (const document of documents) {
    if (document === null || document === undefined) continue;
    if (typeof document !== 'object' || Array.isArray(document)) {
      throw new UserError(`${source}: a document is not a Kubernetes object.`, {
        fix: 'every rendered document must be a mapping with apiVersion, kind and metadata.',
      });
    }
    const object = document as KubeObject;
    // `kind: List` (what `kubectl get -o yaml` writes) stands for its items.
    if (
      typeof object.kind === 'string' &&
      object.kind.endsWith('List') &&
      Array.isArray(object.items)
    ) {
      objects.push(...(object.items as KubeObject[]));
    } else {
      objects.push(object);
    }
  }
  return objects;
}

function isEmpty(node: Node | null): node is null {
  return node === null || (node.kind === 'scalar' && node.tag === NULL && node.value.trim() === '');
}

function checkSize(text: string, source: string): void {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_MANIFEST_BYTES) {
    throw new UserError(
      `${source} is ${size} bytes, more than the ${MAX_MANIFEST_BYTES} bytes a release can hold.`,
      { fix: 'split the chart into several releases.' },
    );
  }
}

function manifestYamlError(error: unknown, source: string): unknown {
  if (!(error instanceof YAMLException)) return error;
  const mark = error.mark;
  return new UserError(`${source} is not valid YAML: ${error.reason}`, {
    fix: 'check the template that renders this part of the manifest.',
    location: {
      file: source,
      ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
    },
    cause: error,
  });
}

// --- node helpers -----------------------------------------------------------

export function isMapping(node: Node | undefined): node is MappingNode {
  return node?.kind === 'mapping';
}

export function isSequence(node: Node | undefined): node is SequenceNode {
  return node?.kind === 'sequence';
}

/** The text of a scalar node; undefined for anything else (or a null scalar). */
export function scalarText(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.tag === NULL) return undefined;
  return node.value;
}

/** The value under `key` in a mapping node. */
export function mappingGet(node: Node | undefined, key: string): Node | undefined {
  if (!isMapping(node)) return undefined;
  return node.items.find((item) => scalarText(item.key) === key)?.value;
}

/** Follows a path of keys through mapping nodes. */
export function mappingPath(node: Node | undefined, ...keys: string[]): Node | undefined {
  let current = node;
  for (const key of keys) current = mappingGet(current, key);
  return current;
}

/** Sets `key` to `value` in a mapping node, replacing an existing entry. */
export function mappingSet(node: MappingNode, key: string, value: Node): void {
  const existing = node.items.find((item) => scalarText(item.key) === key);
  if (existing) existing.value = value;
  else node.items.push({ key: stringNode(key), value });
}

/** The mapping under `key`, created (block style) when missing or null. */
export function mappingChild(node: MappingNode, key: string): MappingNode {
  const existing = mappingGet(node, key);
  if (isMapping(existing)) return existing;
  const created: MappingNode = {
    kind: 'mapping',
    tag: MAP,
    tagged: false,
    style: BLOCK,
    items: [],
  };
  mappingSet(node, key, created);
  return created;
}

/** A string scalar; the presenter quotes it when plain text would read as another type. */
export function stringNode(value: string): ScalarNode {
  return { kind: 'scalar', tag: STR, tagged: false, style: PLAIN, value };
}

/** kind, apiVersion, namespace and name of an object node, for messages and reports. */
export function objectIdentity(node: MappingNode): ObjectRef {
  const metadata = mappingGet(node, 'metadata');
  const namespace = scalarText(mappingGet(metadata, 'namespace'));
  return {
    apiVersion: scalarText(mappingGet(node, 'apiVersion')) ?? '',
    kind: scalarText(mappingGet(node, 'kind')) ?? '',
    name: scalarText(mappingGet(metadata, 'name')) ?? '',
    ...(namespace ? { namespace } : {}),
  };
}
