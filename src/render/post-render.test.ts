import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { HelmPostRenderer, POST_RENDER_FLAG, POST_RENDER_PLUGIN } from './post-render.js';

/**
 * How the post-render chain is hooked into helm 3 and helm 4 (files written,
 * modes). The chain itself runs with the real kustomize and registry in
 * post-render.itg.test.ts.
 */

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
