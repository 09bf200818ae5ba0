import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/build/catalog.js';
import { pinCatalog, templateImages } from '../../scripts/pin-catalog.ts';

const ref = (name: string) => `127.0.0.1:5000/standard/${name}@sha256:${'b'.repeat(64)}`;
const TEMPLATE = [
  '# the platform catalog',
  'apiVersion: pipeline-actions/v1',
  'builders:',
  '  nodejs: { image: builder-nodejs, toolchains: { nodejs: "24" } }',
  '  java: { image: builder-java, toolchains: { java: "17" } }',
  'default_builder: java',
  'runtimes:',
  '  http_html: { image: runtime-http, user: "10001:10001", port: 8080 }',
  '  http_api:',
  '    java: { image: runtime-jvm, user: "10001:10001", port: 8080 }',
  `    nodejs: { image: '${ref('already-pinned')}', user: "10001:10001", port: 8080 }`,
  '  worker:',
  '    java: { image: runtime-jvm, user: "10001:10001" }',
].join('\n');

describe('pinning the catalog template (scripts/pin-catalog.ts)', () => {
  it('lists the image definitions it names, each once', () => {
    expect(templateImages(TEMPLATE, 't.yaml')).toEqual([
      'builder-java',
      'builder-nodejs',
      'runtime-http',
      'runtime-jvm',
    ]);
  });

  it('replaces every name with its digest reference, a catalog build-image accepts', () => {
    const names = templateImages(TEMPLATE, 't.yaml');
    const text = pinCatalog(TEMPLATE, Object.fromEntries(names.map((n) => [n, ref(n)])), 't.yaml');
    const catalog = parseCatalog(text, 'pinned.yaml');
    expect(catalog.builders.map((b) => b.image.pinned)).toEqual([
      ref('builder-nodejs'),
      ref('builder-java'),
    ]);
    expect(text).toContain(ref('already-pinned'));
    expect(text).toContain("user: '10001:10001'");
  });

  it('refuses a name without a reference, or leaves its entries out when asked', () => {
    expect(() =>
      pinCatalog(TEMPLATE, { 'builder-nodejs': ref('builder-nodejs') }, 't.yaml'),
    ).toThrow(
      't.yaml names images that have no published reference: builder-java, runtime-http, runtime-jvm.',
    );
    const text = pinCatalog(
      TEMPLATE,
      { 'builder-nodejs': ref('builder-nodejs'), 'runtime-http': ref('runtime-http') },
      't.yaml',
      { dropMissing: true },
    );
    const catalog = parseCatalog(text, 'pinned.yaml');
    expect(catalog.builders.map((b) => b.name)).toEqual(['nodejs']);
    expect(catalog.defaultBuilder).toBeUndefined();
    expect(Object.keys(catalog.runtimes)).toEqual(['http_html', 'http_api']);
  });
});
