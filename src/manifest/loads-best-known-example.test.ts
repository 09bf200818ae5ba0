import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

describe('loading the best-known default.json', () => {
  it('accepts it as people write it, comment inside buildfacts and trailing comma included', async () => {
    const text = readFixture('best-known.json');
    expect(text).toContain('"buildfacts": { // Configure the Jenkins server');
    expect(text).toMatch(/},\n\s*]/); // the trailing comma after the last step

    const manifest = await loadManifest(fixturePath('best-known.json'), {
      displayPath: 'default.json',
    });

    expect(manifest).toEqual({
      locate: expect.any(Function),
      file: 'default.json',
      sha256: createHash('sha256')
        .update(readFileSync(fixturePath('best-known.json')))
        .digest('hex'),
      namespace: 'payments',
      application: {
        name: 'checkout-api',
        type: 'http_api',
        version: { kind: 'range', value: '3.2.x' },
      },
      build: {
        buildfacts: { java: '17', nodejs: '20' },
        steps: [
          { kind: 'shell', command: './scripts/generate-sources.sh' },
          { kind: 'gradle', tasks: 'clean build', useWrapper: true },
        ],
        command: undefined,
      },
      artifacts: ['build/libs/checkout-api.jar', 'config/'],
      services: [
        {
          name: 'checkout',
          external: { url: 'checkout.example.com', host: 'checkout.example.com', path: '/' },
          application: { namespace: 'payments', name: 'checkout-api' },
          instances: { min: 2, max: 6 },
        },
        {
          name: 'checkout-admin',
          external: {
            url: 'https://admin.example.com/checkout',
            host: 'admin.example.com',
            path: '/checkout',
          },
          application: { namespace: 'payments', name: 'checkout-api' },
          instances: { min: 1, max: 2 },
        },
      ],
      environments: {
        dev: { namespace: 'payments-dev' },
        stage: { namespace: 'payments-stage' },
        prod: { namespace: 'payments-prod' },
      },
    });
  });

  it('reads the same manifest from Windows line endings and a byte-order mark', () => {
    const text = readFixture('best-known.json');
    const windows = `\uFEFF${text.replaceAll('\n', '\r\n')}`;

    const { sha256, locate, ...fromWindows } = parseManifest(windows, 'default.json');
    const {
      sha256: unixSha256,
      locate: unixLocate,
      ...fromUnix
    } = parseManifest(text, 'default.json');

    expect(fromWindows).toEqual(fromUnix);
    expect(locate(['application', 'name'])).toEqual(unixLocate(['application', 'name']));
    // The hash is of the exact text, so any byte that changes changes it.
    expect(sha256).not.toBe(unixSha256);
  });
});

describe('normalizing the other ways people write it', () => {
  it('turns a list of toolchains into a map to the builder default (null), a single artifact into a list, and npm scripts into commands', async () => {
    const manifest = await loadManifest(fixturePath('buildfacts-list.json'));

    expect(manifest.application.version).toEqual({ kind: 'range', value: '1.x' });
    expect(manifest.build.buildfacts).toEqual({ nodejs: null, go: null });
    expect(manifest.build.steps).toEqual([
      { kind: 'npm', command: 'ci' },
      { kind: 'npm', command: 'run build' },
      { kind: 'go', command: 'build -o bin/server ./cmd/server' },
      { kind: 'maven', goals: '-B package', useWrapper: false },
      { kind: 'make', targets: undefined },
    ]);
    expect(manifest.artifacts).toEqual(['dist']);
    // min 0 scales to zero; max defaults to at least one instance.
    expect(manifest.services).toEqual([
      {
        name: 'web',
        external: undefined,
        application: { namespace: 'storefront', name: 'web' },
        instances: { min: 0, max: 1 },
      },
    ]);
    expect(manifest.environments).toEqual({
      dev: { namespace: 'storefront-dev' },
      stage: { namespace: 'storefront-stage' },
      prod: { namespace: 'storefront' },
      qa: { namespace: 'storefront-qa' },
    });
  });

  it('keeps build_command when there are no steps', async () => {
    const manifest = await loadManifest(fixturePath('build-command.json'));

    expect(manifest.application.version).toEqual({ kind: 'range', value: '0.4.x' });
    expect(manifest.build).toEqual({
      buildfacts: { python: '3.12' },
      steps: [],
      command: 'make wheel',
    });
  });

  it('accepts a manifest with nothing to build: prebuilt artifacts are copied as they are', async () => {
    const manifest = await loadManifest(fixturePath('prebuilt.json'));

    expect(manifest.application).toEqual({
      name: 'handbook',
      type: 'static_html',
      version: { kind: 'exact', value: '2.0.0' },
    });
    expect(manifest.build).toEqual({ buildfacts: {}, steps: [], command: undefined });
    expect(manifest.artifacts).toEqual(['public/']);
    expect(manifest.services).toEqual([]);
  });

  it.each([
    ['3.2.1', 'exact'],
    ['3.2.1-rc.1', 'exact'],
    ['3.2.1+build.7', 'exact'],
    ['1.0.0-x.7', 'exact'],
    ['3.x.x', 'range'],
    ['3.2.x', 'range'],
    ['3.x', 'range'],
    ['3.X.X', 'range'],
    ['3.2.*', 'range'],
  ])('reads version %s as %s', (version, kind) => {
    const manifest = parseManifest(
      JSON.stringify({ namespace: 'a', application: { name: 'b', type: 'worker', version } }),
      'default.json',
    );

    expect(manifest.application.version).toEqual({ kind, value: version });
  });
});
