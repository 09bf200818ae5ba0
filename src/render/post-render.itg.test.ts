import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { UserError } from '../errors.js';
import { parseManifestObjects } from '../kube/manifests.js';
import { RegistryPool } from '../oci/pool.js';
import { findRecord } from '../record/record.js';
import { digestKey, knownDigestResolver } from './known-digests.js';
import { postRender } from './post-render.js';
import { prefetchDigests, registryPool } from './registry-pool.js';

/**
 * The post-render chain with the real `kubectl kustomize` (the environment's
 * kubectl) and the real open registry: empty documents dropped, the overlay
 * applied, the image the overlay set pinned to the digest the registry
 * serves, every object annotated, the deploy record appended last; an
 * overlay kustomize cannot build is
 * reported at its kustomization file with kustomize's own words.
 */

const env = loadEnvironment();
const repository = `post-render/r${Date.now().toString(36)}`;
const image = `${env.registry}/${repository}`;
const pool = new RegistryPool({ dockerConfig: false });
let pushed: PushedImage;
let original: PushedImage;

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
          image: ${image}:1.0
`;

function overlay(kustomization: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-overlay-'));
  writeFileSync(join(dir, 'kustomization.yaml'), kustomization);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(async () => {
  original = await pushTestImage({ registry: env.registry, repository, tag: '1.0' });
  pushed = await pushTestImage({ registry: env.registry, repository, tag: '1.1' });
});
afterAll(() => pool.close());

describe('the post-render chain, with the real kustomize and registry', () => {
  it('drops empty documents, runs the overlay, pins images, and annotates, in that order', async () => {
    const dir = overlay('images:\n  - name: ' + image + '\n    newTag: "1.1"\n');
    const output = await postRender(
      CHART,
      {
        kustomize: { overlay: dir, kubectl: env.kubectl },
        allowMutableTags: false,
        registries: {},
        annotations: { 'pipeline-actions.dev/commit': 'abc' },
      },
      { resolver: pool, workDir: mkdtempSync(join(tmpdir(), 'pa-work-')) },
    );
    const [deployment, ...rest] = parseManifestObjects(output.manifests, 'x');
    expect(rest).toEqual([]);
    expect(JSON.stringify(deployment)).toContain(`${image}:1.1@${pushed.digest}`);
    expect(deployment?.metadata?.annotations).toEqual({ 'pipeline-actions.dev/commit': 'abc' });
    expect(output.objects).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' }]);
    expect(output.images.map((each) => each.pinned)).toEqual([`${image}:1.1@${pushed.digest}`]);
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
    const without = await postRender(CHART, config, { resolver: pool, workDir });
    const withRecord = await postRender(CHART, { ...config, record }, { resolver: pool, workDir });
    // Block YAML, as helm's own splitter needs it (a flow-style document after `---` is refused).
    expect(withRecord.manifests).toMatch(/\n---\napiVersion: v1\nkind: Secret\n/);
    const objects = parseManifestObjects(withRecord.manifests, 'x');
    expect(objects.slice(0, -1)).toEqual(parseManifestObjects(without.manifests, 'x'));
    expect(findRecord(objects, 'app')).toEqual({
      ...record,
      images: [{ image: `${image}:1.0`, digest: original.digest }],
    });
  });

  it('explains an overlay kustomize cannot build, at the kustomization file', async () => {
    const dir = overlay('patches:\n  - path: patch.yaml\n', {
      'patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nope\n',
    });
    const error = await postRender(
      CHART,
      {
        kustomize: { overlay: dir, kubectl: env.kubectl },
        allowMutableTags: false,
        registries: {},
        annotations: {},
      },
      { resolver: pool, workDir: mkdtempSync(join(tmpdir(), 'pa-work-')) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /could not be applied to the chart: .*no matches for Id Deployment.v1.apps\/nope/,
    );
    expect((error as UserError).location?.file).toBe(join(dir, 'kustomization.yaml'));
  });

  it('looks digests up ahead, leaving out what it cannot find, for the post-renderer to ask again', async () => {
    const unreachable = '127.0.0.1:9/ghost/app:1.0';
    const known = await prefetchDigests(
      [
        `${image}:1.0`,
        `${image}:1.0`,
        `${image}:nope`,
        `${image}:latest`,
        `${image}@${pushed.digest}`,
        unreachable,
        'Not A Reference',
      ],
      {},
      { allowMutableTags: false },
    );
    expect(known).toEqual({ [`${image}:1.0`]: original.digest });
  });

  it('pins from digests looked up ahead without asking their registry, and asks for the rest', async () => {
    // Its registry cannot be reached: pinned all the same, so it was not asked.
    const ghost = '127.0.0.1:9/ghost/app';
    const ghostDigest = `sha256:${'c'.repeat(64)}`;
    const chart = `${CHART}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ghost
spec:
  template:
    spec:
      containers:
        - name: ghost
          image: ${ghost}:2.0
`;
    const resolver = knownDigestResolver(
      {
        [digestKey({ registry: '127.0.0.1:9', repository: 'ghost/app', tag: '2.0' })]: ghostDigest,
      },
      async () => registryPool({}),
    );
    try {
      const output = await postRender(
        chart,
        { allowMutableTags: false, registries: {}, annotations: {} },
        { resolver, workDir: mkdtempSync(join(tmpdir(), 'pa-work-')) },
      );
      expect(output.images.map((each) => each.pinned).sort()).toEqual(
        [`${ghost}:2.0@${ghostDigest}`, `${image}:1.0@${original.digest}`].sort(),
      );
    } finally {
      resolver.close();
    }
  });
});
