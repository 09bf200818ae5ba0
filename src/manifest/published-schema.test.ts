import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseJsonc } from 'jsonc-parser';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../test/fixtures/manifest/helpers.js';
import { DNS_1123_LABEL, MAX_NAMESPACE_LENGTH } from './constants.js';
import { EXPLAINED_DEFINITIONS } from './field-formats.js';
import {
  APPLICATION_TYPES,
  BUILD_STEP_KINDS,
  DEFAULT_ENVIRONMENTS,
  MANIFEST_SCHEMA,
  MANIFEST_SCHEMA_ID,
  parseManifest,
  TOOLCHAINS,
} from './index.js';

// Read from disk, not through the loader's import: this is the file editors download.
const published = JSON.parse(
  readFileSync(new URL('../../schema/default.schema.json', import.meta.url), 'utf8'),
) as Record<
  string,
  any // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a JSON document
>;

/** A fresh validator, as an editor or another tool would build one from the published file. */
function freshValidator() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addSchema(published);
  return ajv;
}

/** Every subschema under `properties`, with where it sits. */
function allProperties(
  schema: unknown,
  at = '$',
): { at: string; name: string; schema: Record<string, unknown> }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const found: { at: string; name: string; schema: Record<string, unknown> }[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'properties' && typeof child === 'object' && child !== null) {
      for (const [name, property] of Object.entries(child)) {
        found.push(
          { at, name, schema: property as Record<string, unknown> },
          ...allProperties(property, `${at}.${name}`),
        );
      }
    } else if (
      typeof child === 'object' &&
      child !== null &&
      key !== 'examples' &&
      key !== 'enum'
    ) {
      found.push(...allProperties(child, `${at}/${key}`));
    }
  }
  return found;
}

const SHOULD_LOAD = [
  'best-known.json',
  'buildfacts-list.json',
  'build-command.json',
  'prebuilt.json',
];
const SCHEMA_REJECTS = [
  'wrong-types.json',
  'unknown-keys.json',
  'bad-version.json',
  'artifacts-outside-repo.json',
  'many-problems.json',
];
/** Valid by the schema; rejected by rules it can't express (two fields compared, repeated keys). */
const ONLY_LOADER_REJECTS = ['min-greater-than-max.json', 'duplicate-key.json'];

describe('the published schema, schema/default.schema.json', () => {
  it('is a valid draft 2020-12 schema that compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(published)).toBe(true);
    expect(() => ajv.compile(published)).not.toThrow();
  });

  it('is the schema the loader uses, under the $id editors fetch it from', () => {
    expect(MANIFEST_SCHEMA).toEqual(published);
    expect(published.$id).toBe(MANIFEST_SCHEMA_ID);
  });

  it('lists the same application types, toolchains and step kinds as the code', () => {
    const buildfacts = published.properties.build.properties.system_setup.properties.buildfacts;

    expect(published.properties.application.properties.type.enum).toEqual([...APPLICATION_TYPES]);
    expect(Object.keys(buildfacts.properties)).toEqual([...TOOLCHAINS]);
    expect(buildfacts.items.enum).toEqual([...TOOLCHAINS]);
    expect(Object.keys(published.$defs.buildStep.properties)).toEqual([...BUILD_STEP_KINDS]);
    expect(published.$defs.dnsLabel.pattern).toBe(DNS_1123_LABEL.source);
  });

  it("keeps every derived namespace within Kubernetes' 63 characters", () => {
    const longestSuffix = Math.max(
      ...DEFAULT_ENVIRONMENTS.map((environment) => `-${environment}`.length),
    );

    expect(published.$defs.namespace.maxLength + longestSuffix).toBe(MAX_NAMESPACE_LENGTH);
    expect(published.$defs.dnsLabel.maxLength).toBe(MAX_NAMESPACE_LENGTH);
  });

  it('gives every property a title and a description, for editors to show', () => {
    const missing = allProperties(published)
      .filter(
        ({ schema }) => typeof schema.title !== 'string' || typeof schema.description !== 'string',
      )
      .map(({ at, name }) => `${at}.${name}`);

    expect(missing).toEqual([]);
  });

  it('gives every required property an example, which fix messages quote', () => {
    const withoutExample: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const name of (schema.required as string[] | undefined) ?? []) {
        if (!Array.isArray(schema.properties?.[name]?.examples))
          withoutExample.push(`${at}.${name}`);
      }
      for (const [key, child] of Object.entries(schema))
        if (key !== 'examples') visit(child, `${at}/${key}`);
    };
    visit(published, '$');

    expect(withoutExample).toEqual([]);
  });

  it('has only valid examples', () => {
    const ajv = freshValidator();
    const invalid = allProperties(published)
      .filter(({ schema }) => Array.isArray(schema.examples))
      .flatMap(({ at, name, schema }) => {
        const check = ajv.compile({ $ref: `${MANIFEST_SCHEMA_ID}#${pointerOf(at, name)}` });
        return (schema.examples as unknown[])
          .filter((example) => !check(example))
          .map((e) => `${at}.${name}: ${JSON.stringify(e)}`);
      });

    expect(invalid).toEqual([]);
  });

  it('has a human explanation for every format (pattern) it defines', () => {
    const patterned = Object.entries(published.$defs as Record<string, { pattern?: string }>)
      .filter(([, definition]) => definition.pattern !== undefined)
      .map(([name]) => name);

    expect(patterned.filter((name) => !EXPLAINED_DEFINITIONS.includes(name))).toEqual([]);
  });

  it('documents a complete example in schema/README.md that loads', () => {
    const readme = readFileSync(new URL('../../schema/README.md', import.meta.url), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

    const manifest = parseManifest(example, 'README.md');

    expect(manifest.build.buildfacts).toEqual({ java: '17', nodejs: '24' });
    expect(manifest.environments.prod).toEqual({ namespace: 'payments' });
  });

  it('ships every fixture in test/fixtures/manifest as should-load or should-fail', () => {
    const fixtures = readdirSync(fixturePath('.')).filter((name) => name.endsWith('.json'));

    expect(fixtures.sort()).toEqual(
      [...SHOULD_LOAD, ...SCHEMA_REJECTS, ...ONLY_LOADER_REJECTS].sort(),
    );
  });

  describe('agrees with the loader on the fixtures', () => {
    const validate = freshValidator().getSchema(MANIFEST_SCHEMA_ID);

    it.each(SHOULD_LOAD)('%s: valid for both', (name) => {
      expect(validate?.(parseJsonc(readFixture(name), [], { allowTrailingComma: true }))).toBe(
        true,
      );
      expect(() => parseManifest(readFixture(name), name)).not.toThrow();
    });

    it.each(SCHEMA_REJECTS)('%s: invalid for both', (name) => {
      expect(validate?.(parseJsonc(readFixture(name), [], { allowTrailingComma: true }))).toBe(
        false,
      );
      expect(() => parseManifest(readFixture(name), name)).toThrow();
    });

    it.each(ONLY_LOADER_REJECTS)('%s: valid for the schema, rejected by the loader', (name) => {
      expect(validate?.(parseJsonc(readFixture(name), [], { allowTrailingComma: true }))).toBe(
        true,
      );
      expect(() => parseManifest(readFixture(name), name)).toThrow();
    });
  });

  describe('version pattern', () => {
    const versionPattern = new RegExp(published.$defs.version.pattern, 'u');

    it.each([
      '0.0.0',
      '3.2.1',
      '10.20.30',
      '1.0.0-rc.1',
      '1.0.0-0.3.7',
      '1.0.0-x-y-z.--',
      '1.0.0+build.1',
      '1.0.0-alpha+001',
    ])('accepts %s, which semver reads as the same exact version', (version) => {
      expect(versionPattern.test(version)).toBe(true);
      expect(semver.valid(version)).toBe(semver.clean(version));
    });

    it.each(['3.x', '3.x.x', '3.2.x', '3.X', '3.*.*'])(
      'accepts the X-range %s, which semver reads as a range',
      (version) => {
        expect(versionPattern.test(version)).toBe(true);
        expect(semver.validRange(version)).not.toBeNull();
      },
    );

    it.each([
      '1.2',
      '3',
      'v1.2.3',
      '01.2.3',
      '1.02.3',
      '1.2.3-01',
      '1.2.3.4',
      'x.x.x',
      '3.x.2',
      '^1.2.3',
      '~1.2',
      '>=1.0.0',
      'latest',
      ' 1.2.3',
    ])('rejects %j', (version) => {
      expect(versionPattern.test(version)).toBe(false);
    });
  });
});

/** `$.build.system_setup/items` + `buildfacts` → a JSON pointer into the schema. */
function pointerOf(at: string, name: string): string {
  const steps = `${at}.${name}`
    .slice(1)
    .split(/(?=[./])/)
    .filter(Boolean);
  return steps
    .map((step) => (step.startsWith('.') ? `/properties/${step.slice(1)}` : step))
    .join('');
}
