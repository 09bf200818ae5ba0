import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import type { DigestResolver } from './images.js';
import { RENDERED_CHART_FILE, type KustomizeBuilder } from './kustomize.js';
import { parseManifestObjects } from '../kube/manifests.js';
import { findRecord } from '../record/record.js';
import {
  HelmPostRenderer,
  POST_RENDER_FLAG,
  POST_RENDER_PLUGIN,
  postRender,
} from './post-render.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const resolver: DigestResolver = {
  resolveDigest: async () => DIGEST,
  checkPinned: async () => ({ status: 'found' }),
};

const CHART = `---
# Source: app/templates/empty.yaml
---
# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: reg.example.com/app:1.0
`;

/** A stand-in for `kubectl kustomize`: records what it was given, returns the overlay's result. */
function fakeKustomize(
  output: (dir: string) => string,
): KustomizeBuilder & { seen: Record<string, string> } {
  const builder = {
    seen: {} as Record<string, string>,
    async kustomize(dir: string) {
      builder.seen.kustomization = readFileSync(join(dir, 'kustomization.yaml'), 'utf8');
      builder.seen.rendered = readFileSync(join(dir, RENDERED_CHART_FILE), 'utf8');
      return output(dir);
    },
  };
  return builder;
}

describe('the post-render chain', () => {
  it('drops empty documents, runs the overlay, pins images, and annotates, in that order', async () => {
    const overlay = mkdtempSync(join(tmpdir(), 'pa-overlay-'));
    await import('node:fs').then((fs) =>
      fs.writeFileSync(join(overlay, 'kustomization.yaml'), 'patches:\n  - path: patch.yaml\n'),
    );
    const builder = fakeKustomize(() =>
      CHART.replace('image: reg.example.com/app:1.0', 'image: reg.example.com/app:1.1'),
    );
    const output = await postRender(
      CHART,
      {
        kustomize: { overlay, kubectl: 'kubectl' },
        allowMutableTags: false,
        registries: {},
        annotations: { 'pipeline-actions.dev/commit': 'abc' },
      },
      { resolver, kustomize: builder, workDir: mkdtempSync(join(tmpdir(), 'pa-work-')) },
    );
    // The overlay got the rendered chart, empty documents gone, as its first resource.
    expect(load(builder.seen.kustomization!)).toEqual({
      patches: [{ path: 'patch.yaml' }],
      resources: [RENDERED_CHART_FILE],
    });
    expect(builder.seen.rendered).not.toContain('empty.yaml');
    // The image the overlay set is the one pinned.
    const [deployment] = parseManifestObjects(output.manifests, 'x');
    expect(JSON.stringify(deployment)).toContain(`reg.example.com/app:1.1@${DIGEST}`);
    expect(deployment?.metadata?.annotations).toEqual({ 'pipeline-actions.dev/commit': 'abc' });
    expect(output.objects).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' }]);
    expect(output.images.map((image) => image.pinned)).toEqual([
      `reg.example.com/app:1.1@${DIGEST}`,
    ]);
  });

  it('appends the deploy record last, with the pinned images, and changes no object of the chart', async () => {
    const record = {
      version: 1 as const,
      app: { name: 'app', dir: '.' },
      environment: 'dev',
      release: 'app',
      namespace: 'ns',
      chart: { ref: 'chart' },
      build: {},
      deployedAt: '2026-01-01T00:00:00Z',
      request: {
        hash: 'a'.repeat(64),
        chart: 'chart',
        values: [],
        set: {},
        allowMutableTags: false,
        manifest: 'default.json',
      },
    };
    const config = { allowMutableTags: false, registries: {}, annotations: {} };
    const workDir = mkdtempSync(join(tmpdir(), 'pa-work-'));
    const without = await postRender(CHART, config, { resolver, workDir });
    const withRecord = await postRender(CHART, { ...config, record }, { resolver, workDir });
    // Block YAML, as helm's own splitter needs it (a flow-style document after `---` is refused).
    expect(withRecord.manifests).toMatch(/\n---\napiVersion: v1\nkind: Secret\n/);
    const objects = parseManifestObjects(withRecord.manifests, 'x');
    expect(objects.slice(0, -1)).toEqual(parseManifestObjects(without.manifests, 'x'));
    expect(findRecord(objects, 'app')).toEqual({
      ...record,
      images: [{ image: 'reg.example.com/app:1.0', digest: DIGEST }],
    });
  });

  it('explains an overlay kustomize cannot build, at the kustomization file', async () => {
    const overlay = mkdtempSync(join(tmpdir(), 'pa-overlay-'));
    await import('node:fs').then((fs) =>
      fs.writeFileSync(join(overlay, 'kustomization.yaml'), 'patches: []\n'),
    );
    const failing: KustomizeBuilder = {
      kustomize: async () => {
        throw Object.assign(new Error('kubectl failed'), {
          stderr:
            'error: no matches for Id apps_v1_Deployment|~X|nope; failed to find unique target for patch\n',
        });
      },
    };
    const error = await postRender(
      CHART,
      {
        kustomize: { overlay, kubectl: 'kubectl' },
        allowMutableTags: false,
        registries: {},
        annotations: {},
      },
      { resolver, kustomize: failing, workDir: tmpdir() },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /could not be applied to the chart: no matches for Id/,
    );
    expect((error as UserError).location?.file).toBe(join(overlay, 'kustomization.yaml'));
  });
});

describe('hooked into helm', () => {
  const entry = { command: '/usr/bin/node', args: ["/opt/it's/dist/index.js"] };
  const config = {
    allowMutableTags: false,
    registries: { credentials: { 'ghcr.io': { username: 'u', password: 'p' } } },
    annotations: {},
  };

  it('helm 3: an executable that starts the bundle in post-render mode; the config (with credentials) 0600', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pa-pr-')), 'post-render');
    const hook = HelmPostRenderer.install(dir, 3, config, entry);
    expect(hook.helmArgs).toEqual(['--post-renderer', join(dir, 'post-render')]);
    expect(hook.env).toEqual({});
    expect(readFileSync(join(dir, 'post-render'), 'utf8')).toBe(
      `#!/bin/sh\nexec '/usr/bin/node' '/opt/it'\\''s/dist/index.js' '${POST_RENDER_FLAG}' '${join(dir, 'post-render.json')}'\n`,
    );
    expect(statSync(join(dir, 'post-render')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'post-render.json')).mode & 0o777).toBe(0o600);
    hook.dispose();
  });

  it('helm 4: a postrenderer/v1 plugin in a private HELM_PLUGINS', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pa-pr-')), 'post-render');
    const hook = HelmPostRenderer.install(dir, 4, config, entry);
    expect(hook.helmArgs).toEqual(['--post-renderer', POST_RENDER_PLUGIN]);
    expect(hook.env).toEqual({ HELM_PLUGINS: join(dir, 'plugins') });
    expect(
      load(readFileSync(join(dir, 'plugins', POST_RENDER_PLUGIN, 'plugin.yaml'), 'utf8')),
    ).toEqual({
      apiVersion: 'v1',
      type: 'postrenderer/v1',
      name: POST_RENDER_PLUGIN,
      version: '1.0.0',
      runtime: 'subprocess',
      runtimeConfig: {
        platformCommand: [
          {
            command: '/usr/bin/node',
            args: ["/opt/it's/dist/index.js", POST_RENDER_FLAG, join(dir, 'post-render.json')],
          },
        ],
      },
    });
    expect(hook.report()).toBeUndefined();
    expect(hook.failure()).toBeUndefined();
    hook.dispose();
  });
});
