import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APPLICATION_TYPES, TOOLCHAINS } from '../manifest/index.js';
import { pinCatalog, templateImages } from '../../scripts/pin-catalog.ts';

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const schema = JSON.parse(readFileSync(file('schema/catalog.schema.json'), 'utf8'));
const template = readFileSync(file('catalog/standard-images.yaml'), 'utf8');

describe('the published schema of the catalog (schema/catalog.schema.json)', () => {
  const validate = new Ajv2020({
    strict: true,
    // probe's oneOf names properties its parent defines
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  }).compile(schema);

  it("accepts the repository's catalog once pinned, and refuses it unpinned", () => {
    const refs = Object.fromEntries(
      templateImages(template, 'standard-images.yaml').map((name) => [
        name,
        `ghcr.io/acme/standard/${name}@sha256:${'d'.repeat(64)}`,
      ]),
    );
    expect(validate(load(pinCatalog(template, refs, 'standard-images.yaml')))).toBe(true);
    expect(validate(load(template))).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/builders/nodejs/image');
  });

  it('refuses a runtime that runs as root', () => {
    const image = `r.example.com/x@sha256:${'e'.repeat(64)}`;
    const catalog = {
      apiVersion: 'pipeline-actions/v1',
      runtimes: { worker: { image, user: '0:0' } },
    };
    expect(validate(catalog)).toBe(false);
  });

  it("names the loader's toolchains and application types", () => {
    expect(schema.$defs.builder.properties.toolchains.propertyNames.enum).toEqual([...TOOLCHAINS]);
    expect(schema.properties.runtimes.propertyNames.enum).toEqual([...APPLICATION_TYPES]);
  });
});
