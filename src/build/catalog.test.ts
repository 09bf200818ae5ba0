import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatUserError, UserError, UserErrors } from '../errors.js';
import { pinCatalog, templateImages } from '../../scripts/pin-catalog.ts';
import { allRuntimes, isVariants, parseCatalog } from './catalog.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const TEMPLATE = fileURLToPath(new URL('../../catalog/standard-images.yaml', import.meta.url));

function problems(text: string): string[] {
  try {
    parseCatalog(text, 'catalog.yaml');
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError);
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('the standard-image catalog', () => {
  it("the repository's catalog, pinned, has a builder per language and a runtime per type and language", () => {
    const template = readFileSync(TEMPLATE, 'utf8');
    const refs = Object.fromEntries(
      templateImages(template, TEMPLATE).map((name) => [
        name,
        `ghcr.io/acme/standard/${name}@${DIGEST}`,
      ]),
    );
    const catalog = parseCatalog(pinCatalog(template, refs, TEMPLATE), TEMPLATE);
    expect(catalog.builders.map((b) => b.name)).toEqual([
      'nodejs',
      'java',
      'java-nodejs',
      'python',
      'go',
    ]);
    expect(catalog.defaultBuilder).toBe('nodejs');
    expect(catalog.runtimes.http_html).toMatchObject({
      user: '10001:10001',
      port: 8080,
      appDir: '/srv/app',
    });
    const api = catalog.runtimes.http_api;
    expect(api && isVariants(api) ? Object.keys(api.variants) : []).toEqual([
      'java',
      'nodejs',
      'python',
      'go',
    ]);
    for (const runtime of allRuntimes(catalog)) expect(runtime.user).not.toMatch(/^0:/);
    for (const image of [
      ...catalog.builders.map((b) => b.image),
      ...allRuntimes(catalog).map((r) => r.image),
    ]) {
      expect(image.pinned).toMatch(/^ghcr\.io\/acme\/standard\/[a-z-]+@sha256:[0-9a-f]{64}$/);
    }
  });

  it("the repository's catalog is not usable unpinned: recognized as the unpublished template, with how to get a pinned one", () => {
    let error: unknown;
    try {
      parseCatalog(readFileSync(TEMPLATE, 'utf8'), 'catalog/standard-images.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(formatUserError(error as UserError)).toMatch(
      /^catalog\/standard-images\.yaml:\d+:5: The standard-image catalog catalog\/standard-images\.yaml is the unpublished template \(catalog\/standard-images\.yaml\): its images are names of image folders, such as "builder-nodejs", not references pinned by digest\. Fix: pass the pinned catalog the platform team publishes \(its URL, the organization variable STANDARD_IMAGES_CATALOG\), or pin this template .*scripts\/pin-catalog\.ts/,
    );
  });

  it('a broken builder that default_builder names is reported once, not again as "not one of the builders"; a mistyped key gets "did you mean"', () => {
    expect(
      problems(
        [
          'apiVersion: pipeline-actions/v1',
          'builders:',
          '  node:',
          '    image: registry.example.com/std/builder-node:18',
          '    toolchains: { nodejs: "18" }',
          'default_builder: node',
          'runtimes:',
          '  worker:',
          `    image: registry.example.com/std/runtime@${DIGEST}`,
          '    usr: "10001:10001"',
        ].join('\n'),
      ),
    ).toEqual([
      'catalog.yaml:4:5: $.builders.node.image: "registry.example.com/std/builder-node:18" is not pinned by digest. Fix: append @sha256:<digest>: standard images are always pinned, so a build names the exact base it used.',
      'catalog.yaml:10:5: $.runtimes.worker.usr: "usr" is not a known key here. Fix: did you mean "user"?',
      'catalog.yaml:8:3: $.runtimes.worker.user: must be a numeric uid:gid such as "10001:10001", not nothing. Fix: use numbers: a name may not exist in every image.',
    ]);
  });

  it('a role names the file in the message only: the location stays a path GitHub can attach an annotation to', () => {
    let error: unknown;
    try {
      parseCatalog('apiVersion: v0\n', 'previous/catalog.yaml', { role: 'the previous catalog' });
    } catch (caught) {
      error = caught;
    }
    expect((error as UserErrors).message).toContain(
      'The standard-image catalog previous/catalog.yaml (the previous catalog) is not valid',
    );
    expect((error as UserErrors).errors[0]!.location).toEqual({
      file: 'previous/catalog.yaml',
      line: 1,
      column: 1,
    });
  });

  it('reads builders, runtimes, probes and the pinned references', () => {
    const catalog = parseCatalog(
      [
        'apiVersion: pipeline-actions/v1',
        'builders:',
        '  jvm:',
        `    image: registry.example.com/std/builder-java:17@${DIGEST}`,
        '    toolchains: { java: "17", shell: default }',
        'runtimes:',
        '  worker:',
        `    image: registry.example.com/std/runtime-jre@${DIGEST}`,
        '    user: "10001:10001"',
        '    probes: { liveness: { exec: [cat, /tmp/alive], initial_delay_seconds: 3 } }',
      ].join('\n'),
      'catalog.yaml',
    );
    expect(catalog.builders[0]).toEqual({
      name: 'jvm',
      user: '10001:10001',
      toolchains: { java: '17', shell: 'default' },
      image: {
        reference: `registry.example.com/std/builder-java:17@${DIGEST}`,
        name: 'registry.example.com/std/builder-java:17',
        digest: DIGEST,
        pinned: `registry.example.com/std/builder-java@${DIGEST}`,
      },
    });
    expect(catalog.runtimes.worker).toMatchObject({
      port: undefined,
      appDir: '/srv/app',
      probes: {
        liveness: { kind: 'exec', command: ['cat', '/tmp/alive'], initialDelaySeconds: 3 },
      },
    });
  });

  it('reports every problem in one pass, each with its path and a fix', () => {
    expect(
      problems(
        [
          'apiVersion: v0',
          'builders:',
          '  node:',
          '    image: registry.example.com/std/builder-node:18',
          '    user: builder',
          '    toolchains: { nodejs: 18, cobol: "85" }',
          'default_builder: java',
          'runtimes:',
          '  http_html:',
          `    image: registry.example.com/std/runtime@${DIGEST}`,
          '    user: "0:0"',
          '    port: 80800',
          '    app_dir: ../srv',
          '    probes: { liveness: { http: healthz } }',
          '  website:',
          `    image: registry.example.com/std/runtime@${DIGEST}`,
          'extra: true',
        ].join('\n'),
      ),
    ).toEqual([
      'catalog.yaml:17:1: $.extra: "extra" is not a known key here. Fix: use only: apiVersion, builders, runtimes, default_builder, policy.',
      'catalog.yaml:1:1: $.apiVersion: must be "pipeline-actions/v1", not "v0". Fix: start the file with `apiVersion: pipeline-actions/v1`.',
      'catalog.yaml:4:5: $.builders.node.image: "registry.example.com/std/builder-node:18" is not pinned by digest. Fix: append @sha256:<digest>: standard images are always pinned, so a build names the exact base it used.',
      'catalog.yaml:5:5: $.builders.node.user: must be a numeric uid:gid such as "10001:10001", not "builder". Fix: use numbers: a name may not exist in every image.',
      'catalog.yaml:6:31: $.builders.node.toolchains.cobol: "cobol" is not a toolchain default.json can ask for. Fix: use one of: java, nodejs, go, python, dotnet, ruby, rust, php, shell.',
      'catalog.yaml:11:5: $.runtimes.http_html.user: is root (uid 0); application images never run as root. Fix: use the non-root uid:gid the runtime image defines, such as "10001:10001".',
      'catalog.yaml:12:5: $.runtimes.http_html.port: must be a port number (1-65535), not 80800. Fix: write the port the runtime listens on, such as 8080.',
      'catalog.yaml:13:5: $.runtimes.http_html.app_dir: must be an absolute path without "..", not "../srv". Fix: write the directory the runtime serves or runs from, such as /srv/app.',
      'catalog.yaml:14:15: $.runtimes.http_html.probes.liveness: is an http or tcp probe, but the runtime has no port. Fix: set `port:` on the runtime, or use an exec probe.',
      'catalog.yaml:15:3: $.runtimes.website: "website" is not an application type. Fix: use one of: http_html, http_api, worker, static_html, cronjob.',
      'catalog.yaml:7:1: $.default_builder: "java" is not one of the builders. Fix: name one of: node.',
    ]);
  });

  it('reports YAML syntax errors at their line and column', () => {
    let error: unknown;
    try {
      parseCatalog(
        'apiVersion: pipeline-actions/v1\nruntimes:\n  http_html: [unclosed\n',
        'catalog.yaml',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({
      file: 'catalog.yaml',
      line: 3,
      column: 14,
    });
    expect((error as UserError).message).toMatch(/^catalog\.yaml is not valid YAML/);
  });
});
