import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseManifest } from '../manifest/index.js';
import { parseCatalog } from './catalog.js';
import { needsBuilder, selectBuilder, selectRuntime } from './select-images.js';

const image = (name: string) => `r.example.com/std/${name}@sha256:${'c'.repeat(64)}`;
const catalog = parseCatalog(
  [
    'apiVersion: pipeline-actions/v1',
    'builders:',
    `  full: { image: ${image('full')}, toolchains: { java: "17.0.9", nodejs: "18", shell: default } }`,
    `  node18: { image: ${image('node18')}, toolchains: { nodejs: "18.20.4", shell: default } }`,
    `  node20: { image: ${image('node20')}, toolchains: { nodejs: "20", shell: default } }`,
    'default_builder: node18',
    'runtimes:',
    `  http_html: { image: ${image('httpd')}, user: "10001:10001", port: 8080 }`,
    '  http_api:',
    `    java: { image: ${image('jvm')}, user: "10001:10001", port: 8080 }`,
    `    nodejs: { image: ${image('node')}, user: "10001:10001", port: 8080 }`,
    '  cronjob:',
    `    python: { image: ${image('python')}, user: "10001:10001" }`,
    `    default: { image: ${image('static')}, user: "10001:10001" }`,
  ].join('\n'),
  'catalog.yaml',
);

function manifest(build: unknown, type = 'http_html') {
  return parseManifest(
    JSON.stringify({
      namespace: 'shop',
      application: { name: 'web', type, version: '1.0.0' },
      build,
    }),
    'default.json',
  );
}

describe('choosing the standard images', () => {
  it.each([
    [{ nodejs: '18' }, 'node18'],
    [{ nodejs: '18.20' }, 'node18'],
    [{ nodejs: '20' }, 'node20'],
    [['nodejs'], 'node18'],
    [{ java: '17', nodejs: '18' }, 'full'],
    [['shell'], 'node18'],
  ])('buildfacts %j choose the builder %s (the most specific that fits)', (buildfacts, name) => {
    expect(selectBuilder(catalog, manifest({ system_setup: { buildfacts } })).name).toBe(name);
  });

  it('takes the default builder when the manifest names no buildfacts', () => {
    expect(selectBuilder(catalog, manifest({ build_steps: [{ shell: 'make' }] })).name).toBe(
      'node18',
    );
  });

  it('names what the builders provide when none fits', () => {
    const error = (() => {
      try {
        return selectBuilder(
          catalog,
          manifest({ system_setup: { buildfacts: { nodejs: '22', python: '3.12' } } }),
        );
      } catch (e) {
        return e;
      }
    })() as UserError;
    expect(error.message).toBe(
      'No standard builder provides nodejs 22 + python 3.12 (build.system_setup.buildfacts).',
    );
    expect(error.fix).toContain(
      'full (java 17.0.9, nodejs 18, shell default); node18 (nodejs 18.20.4, shell default)',
    );
  });

  it('chooses the runtime by application.type, and names the types it has otherwise', () => {
    expect(selectRuntime(catalog, manifest(undefined)).port).toBe(8080);
    expect(() => selectRuntime(catalog, manifest(undefined, 'worker'))).toThrow(
      'The standard-image catalog has no runtime image for application.type "worker" (it has: http_html, http_api, cronjob).',
    );
  });

  it('chooses a per-language runtime by the first buildfact that has one, else the default', () => {
    const pick = (buildfacts: unknown, type = 'http_api') =>
      selectRuntime(catalog, manifest({ system_setup: { buildfacts } }, type));
    expect(pick(['java', 'nodejs']).image.name).toBe('r.example.com/std/jvm');
    expect(pick(['nodejs', 'java']).image.name).toBe('r.example.com/std/node');
    expect(pick({ shell: 'default', java: '17' }).variant).toBe('java');
    expect(pick(['go'], 'cronjob').image.name).toBe('r.example.com/std/static');
    expect(pick(['python'], 'cronjob').variant).toBe('python');
    const error = (() => {
      try {
        pick(['go']);
      } catch (e) {
        return e;
      }
    })() as UserError;
    expect(error.message).toBe(
      'The standard-image catalog has a runtime for application.type "http_api" per language (java, nodejs), and build.system_setup.buildfacts names none of them (it names go).',
    );
    expect(error.fix).toContain('(one of java, nodejs)');
  });

  it('needs a builder only for build steps, a build command or a package', () => {
    expect(needsBuilder(manifest(undefined), 'files')).toBe(false);
    expect(needsBuilder(manifest(undefined), 'deb')).toBe(true);
    expect(needsBuilder(manifest({ build_steps: [{ shell: 'make' }] }), 'files')).toBe(true);
  });
});
