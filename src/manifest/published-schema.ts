import manifestSchema from '../../schema/default.schema.json' with { type: 'json' };
import { isPlainObject } from './json-path.js';

/** schema/default.schema.json, the published schema, as the loader uses it. */
export const MANIFEST_SCHEMA: Readonly<Record<string, unknown>> = manifestSchema;

/** A definition under `$defs`, such as "version" or "artifactPath". */
export function schemaDefinition(name: string): Record<string, unknown> | undefined {
  const defs = MANIFEST_SCHEMA.$defs;
  const definition = isPlainObject(defs) ? defs[name] : undefined;
  return isPlainObject(definition) ? definition : undefined;
}

/** Whether `value` satisfies the string rules (pattern, length) of a `$defs` definition. */
export function matchesDefinition(name: string, value: string): boolean {
  const definition = schemaDefinition(name);
  if (!definition) return false;
  // JSON Schema counts length in code points; the schema's patterns use Unicode mode, as Ajv does.
  const length = [...value].length;
  const { pattern, minLength, maxLength } = definition;
  return (
    (typeof minLength !== 'number' || length >= minLength) &&
    (typeof maxLength !== 'number' || length <= maxLength) &&
    (typeof pattern !== 'string' || new RegExp(pattern, 'u').test(value))
  );
}
