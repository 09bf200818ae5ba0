// GitHub's REST API contract, from the OpenAPI description GitHub publishes
// (npm @octokit/openapi, api.github.com.json): which operation a request is,
// and whether its method, path, query parameters and JSON body are what
// that operation accepts. The GitHub double checks every request it gets
// (and every answer it gives) here, so it cannot drift from the real API.
//
// Stricter than the description in one way: a body property the operation
// does not declare is a violation (GitHub ignores some and rejects others;
// either way the client is wrong to send it).

import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

export interface Operation {
  operationId: string;
  method: string;
  /** The template: `/repos/{owner}/{repo}/issues/{issue_number}`. */
  path: string;
  params: Record<string, string>;
}

export interface Checked {
  operation: Operation | undefined;
  violations: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

type Schema = Record<string, unknown>;

interface RawOperation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> } | { $ref: string }>;
}

interface Route {
  method: string;
  path: string;
  regex: RegExp;
  names: string[];
  literals: number;
  operation: RawOperation;
  pointer: string;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const SPEC_ID = 'github';

export class GitHubOpenApi {
  private static loaded: GitHubOpenApi | undefined;
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(
    private readonly spec: {
      paths: Record<string, Record<string, RawOperation>>;
      components: Schema;
    },
  ) {
    for (const [path, item] of Object.entries(spec.paths)) {
      const names: string[] = [];
      const pattern = path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        this.routes.push({
          method: method.toUpperCase(),
          path,
          regex: new RegExp(`^${pattern}$`),
          names,
          literals: path.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
          operation,
          pointer: `/paths/${escape(path)}/${method}`,
        });
      }
    }
    // More literal segments first: /issues/comments before /issues/{issue_number}.
    this.routes.sort((a, b) => b.literals - a.literals);
    this.ajv = new Ajv({
      strict: false,
      validateFormats: false,
      validateSchema: false,
      allErrors: true,
    });
    this.ajv.addSchema(spec, SPEC_ID);
  }

  /** GitHub's description, loaded and converted once per process (about a second). */
  static load(): GitHubOpenApi {
    if (!GitHubOpenApi.loaded) {
      const require = createRequire(import.meta.url);
      const raw =
        require('@octokit/openapi/generated/api.github.com.json') as GitHubOpenApi['spec'];
      GitHubOpenApi.loaded = new GitHubOpenApi(
        toJsonSchema(structuredClone(raw)) as GitHubOpenApi['spec'],
      );
    }
    return GitHubOpenApi.loaded;
  }

  /** Which operation `METHOD /path` is; undefined when GitHub has none. */
  match(method: string, path: string): Operation | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return { operationId: route.operation.operationId, method, path: route.path, params };
    }
    return undefined;
  }

  /** Every way the request is not one GitHub accepts. */
  checkRequest(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    contentType: string | undefined,
  ): Checked {
    const operation = this.match(method, path);
    if (!operation)
      return {
        operation,
        violations: [`${method} ${path}: GitHub's REST API has no such operation`],
      };
    const route = this.route(operation);
    const where = `${method} ${operation.path} (${operation.operationId})`;
    const violations: string[] = [];
    const parameters = (route.operation.parameters ?? []).map((parameter) =>
      '$ref' in parameter ? (this.resolve(parameter.$ref) as Parameter) : parameter,
    );
    const declared = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const parameter of parameters) {
      if (parameter.in === 'header') continue;
      const raw =
        parameter.in === 'path'
          ? operation.params[parameter.name]
          : query.getAll(parameter.name).join(',') || undefined;
      if (raw === undefined) {
        if (parameter.required)
          violations.push(
            `${where}: the required ${parameter.in} parameter "${parameter.name}" is missing`,
          );
        continue;
      }
      const schema = parameter.schema ?? {};
      const value = coerce(raw, schema);
      const validate = this.validator(
        schema,
        `${route.pointer} param ${parameter.in} ${parameter.name}`,
      );
      if (!validate(value))
        violations.push(
          `${where}: ${parameter.in} parameter ${parameter.name}=${JSON.stringify(raw)} ${describe(validate)}`,
        );
    }
    for (const name of new Set(query.keys())) {
      if (!declared.has(name))
        violations.push(`${where}: query parameter "${name}" is not one the operation takes`);
    }
    const requestBody = route.operation.requestBody;
    const hasBody = body !== undefined;
    if (!requestBody) {
      if (hasBody) violations.push(`${where}: the operation takes no body`);
      return { operation, violations };
    }
    if (!hasBody) {
      if (requestBody.required) violations.push(`${where}: the body is required`);
      return { operation, violations };
    }
    if (!contentType?.startsWith('application/json'))
      violations.push(
        `${where}: the body must be application/json, not ${contentType ?? 'untyped'}`,
      );
    const schema = requestBody.content?.['application/json']?.schema;
    if (schema) {
      const validate = this.validator(
        { $ref: `${SPEC_ID}#${route.pointer}/requestBody/content/application~1json/schema` },
        `${route.pointer} body`,
      );
      if (!validate(body)) violations.push(`${where}: body ${describe(validate)}`);
      const properties = this.properties(schema);
      if (properties && body !== null && typeof body === 'object' && !Array.isArray(body)) {
        for (const key of Object.keys(body)) {
          if (!properties.has(key))
            violations.push(`${where}: body property "${key}" is not one the operation declares`);
        }
      }
    }
    return { operation, violations };
  }

  /** Whether an answer matches what GitHub documents for that status (the double's own honesty). */
  checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const route = this.route(operation);
    const response = route.operation.responses?.[String(status)];
    const where = `${operation.method} ${operation.path} (${operation.operationId}) → ${status}`;
    if (!response) return [`${where}: GitHub does not document this status for the operation`];
    const resolved =
      '$ref' in response
        ? (this.resolve(response.$ref as string) as { content?: Record<string, unknown> })
        : response;
    if (!resolved.content?.['application/json']) return [];
    const pointer =
      '$ref' in response
        ? `${(response.$ref as string).slice(1)}`
        : `${route.pointer}/responses/${status}`;
    const validate = this.validator(
      { $ref: `${SPEC_ID}#${pointer}/content/application~1json/schema` },
      `${pointer} response`,
    );
    return validate(body) ? [] : [`${where}: the answer ${describe(validate)}`];
  }

  private route(operation: Operation): Route {
    const route = this.routes.find(
      (candidate) => candidate.method === operation.method && candidate.path === operation.path,
    );
    if (!route) throw new Error(`no route ${operation.method} ${operation.path}`);
    return route;
  }

  private validator(schema: Schema, key: string): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(inlineRefs(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** The declared top-level properties of a body schema (through $ref and allOf); undefined when open. */
  private properties(schema: Schema): Set<string> | undefined {
    const resolved = schema.$ref ? (this.resolve(schema.$ref as string) as Schema) : schema;
    if (Array.isArray(resolved.allOf)) {
      const all = (resolved.allOf as Schema[]).map((part) => this.properties(part));
      if (all.some((part) => part === undefined)) return undefined;
      return new Set(all.flatMap((part) => [...(part as Set<string>)]));
    }
    if (resolved.type !== 'object' || !resolved.properties || resolved.additionalProperties)
      return undefined;
    return new Set(Object.keys(resolved.properties as Schema));
  }

  private resolve(ref: string): unknown {
    let node: unknown = this.spec;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }
}

/** References inside an inline schema point into the description. */
function inlineRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inlineRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${SPEC_ID}${value}`
        : inlineRefs(value),
    ]),
  );
}

/**
 * OpenAPI 3.0 schemas as JSON Schema: `nullable: true` becomes a null type
 * (or an anyOf with null where there is no type), which Ajv understands.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const object: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) object[key] = toJsonSchema(value);
  if (object.nullable !== true) return object;
  delete object.nullable;
  if (typeof object.type === 'string') {
    object.type = [object.type, 'null'];
    if (Array.isArray(object.enum) && !object.enum.includes(null))
      object.enum = [...object.enum, null];
    return object;
  }
  return { anyOf: [object, { type: 'null' }] };
}

/** A query or path string as the type its schema wants. */
function coerce(raw: string, schema: Schema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number')
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (type === 'array') return raw.split(',');
  return raw;
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (error) =>
        `${error.instancePath || '(value)'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    )
    .join('; ');
}

function escape(path: string): string {
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}
