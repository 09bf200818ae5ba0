import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  env,
  helms,
  kubectl,
  scratch,
  testNamespace,
  writeFile,
} from '../../test/fixtures/deploy/harness.js';
import { Exec } from '../exec.js';
import { KubeClient, type ApiResource } from '../kube/client.js';
import { loadKubeconfig } from '../kube/config.js';
import { parseManifestObjects } from '../kube/manifests.js';
import { objectKey, type KubeObject, type ObjectRef } from '../kube/objects.js';
import { ReleaseStorage } from '../release/storage.js';
import { storedReleases } from '../deploy/release.js';
import { compareObject, type Difference } from './compare.js';
import { kindKey } from './live.js';
import { FIELD_MANAGER, remediate } from './remediate.js';

/**
 * What remediation does to a release on the real API server, installed by
 * the real helm 3 (which applies client-side) and helm 4 (server-side), then
 * changed in the cluster by kubectl: replicas scaled, an env value edited, a
 * label added, a ConfigMap deleted. For helm 3 only the drifted fields are
 * applied, as drift-check's own field manager (its managedFields entry holds
 * those fields and nothing else); for helm 4 the whole object as helm last
 * applied it, under helm's manager. Added fields are removed by a JSON patch
 * guarded by a test of their value: a value changed in between makes the API
 * server refuse that object, which is reported, while the others are restored.
 */

const chart = scratch('remediate-chart');
writeFile(chart, 'Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 1.0.0\n');
writeFile(
  chart,
  'templates/objects.yaml',
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: sidecar, image: "proxy:1"}
        - name: web
          image: "web:1"
          env: [{name: A, value: "1"}, {name: GREETING, value: hello}]
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config}
data: {a: b}
`,
);

const client = new KubeClient(loadKubeconfig(env().kubeconfig));
afterAll(() => client.close());

interface Drifted {
  differences: Difference[];
  deployed: Map<string, KubeObject>;
  live: Map<string, KubeObject>;
  resources: Map<string, ApiResource>;
}

describe.each(helms())('remediation of a release helm $major deployed', ({ binary, major }) => {
  // Each test a namespace of its own (the chart's objects have fixed names).
  let namespace = '';
  const removals: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    const made = await testNamespace(`remediate-h${major}`);
    namespace = made.name;
    removals.push(made.remove);
  });
  afterAll(() => Promise.all(removals.map((remove) => remove())));

  /** Installs `release`, changes it in the cluster, and compares the three states as drift-check does. */
  async function drifted(release: string): Promise<Drifted> {
    await Exec.check(binary, ['install', release, chart, '-n', namespace], {
      silent: true,
      env: { KUBECONFIG: env().kubeconfig, HELM_CONFIG_HOME: scratch('helm-config') },
    });
    const ns = ['-n', namespace];
    await kubectl(['scale', 'deployment', 'web', '--replicas=3', ...ns]);
    await kubectl(['set', 'env', 'deployment/web', '-c', 'web', 'GREETING=hi', ...ns]);
    await kubectl(['label', 'deployment', 'web', 'team=payments', ...ns]);
    await kubectl(['delete', 'configmap', 'web-config', ...ns]);
    const manifest = await storedReleases(new ReleaseStorage(client)).manifest(
      release,
      namespace,
      1,
    );
    const deployed = new Map<string, KubeObject>();
    const live = new Map<string, KubeObject>();
    const resources = new Map<string, ApiResource>();
    const differences: Difference[] = [];
    for (const object of parseManifestObjects(manifest ?? '', 'release')) {
      const ref: ObjectRef = {
        apiVersion: object.apiVersion ?? '',
        kind: object.kind ?? '',
        name: object.metadata?.name ?? '',
        namespace,
      };
      const resource = (await client.resource(ref.apiVersion, ref.kind)) as ApiResource;
      resources.set(kindKey(ref), resource);
      // As drift-check reads it: with its managedFields.
      const running = await client.get(resource, namespace, ref.name);
      deployed.set(objectKey(ref), object);
      if (running) live.set(objectKey(ref), running);
      // Git also pauses the Deployment: not deployed yet, so not remediation's to do.
      const desired =
        ref.kind === 'Deployment'
          ? { ...object, spec: { ...(object.spec as object), paused: true } }
          : object;
      differences.push(
        ...compareObject(
          { ref, desired, deployed: object, live: running },
          { releaseManagers: new Set(['helm']) },
        ),
      );
    }
    return { differences, deployed, live, resources };
  }

  const run = (release: string, state: Drifted) =>
    remediate(client, { release, namespace, ...state, concurrency: 1 });

  async function web(): Promise<KubeObject & { spec: Record<string, unknown> }> {
    const resource = (await client.resource('apps/v1', 'Deployment')) as ApiResource;
    return (await client.get(resource, namespace, 'web')) as KubeObject & {
      spec: Record<string, unknown>;
    };
  }

  const greeting = (object: KubeObject) =>
    (
      object.spec as {
        template: {
          spec: { containers: { name: string; env?: { name: string; value: string }[] }[] };
        };
      }
    ).template.spec.containers
      .find((container) => container.name === 'web')
      ?.env?.find((entry) => entry.name === 'GREETING')?.value;

  it('restores what changed in the cluster, skipping what is only in Git', async () => {
    const report = await run('shop', await drifted('shop'));
    expect(report.failed).toEqual([]);
    expect(
      Object.fromEntries(report.restored.map((item) => [item.object.name, item.fields])),
    ).toEqual({
      web: [
        'spec.replicas',
        'spec.template.spec.containers[name=web].env[name=GREETING].value',
        'metadata.labels.team',
      ],
      'web-config': ['(the whole object)'],
    });
    expect(report.skipped).toEqual([
      {
        object: expect.objectContaining({ name: 'web' }),
        path: 'spec.paused',
        why: 'only in Git: the next deploy brings it',
      },
    ]);
    const restored = await web();
    expect(restored.spec.replicas).toBe(2);
    expect(greeting(restored)).toBe('hello');
    expect(restored.metadata?.labels).toEqual({
      app: 'web',
      'app.kubernetes.io/managed-by': 'Helm',
    });
    expect(restored.spec.paused).toBeUndefined();
    const [config] = await client.getObjects(
      [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-config' }],
      namespace,
    );
    expect((config as { data?: unknown }).data).toEqual({ a: 'b' });
    expect(config?.metadata?.annotations).toMatchObject({
      'meta.helm.sh/release-name': 'shop',
      'meta.helm.sh/release-namespace': namespace,
    });

    const managed = (restored.metadata?.managedFields ?? []) as {
      manager: string;
      operation: string;
      fieldsV1?: unknown;
    }[];
    const applied = managed.filter((entry) => entry.operation === 'Apply');
    if (major === 3) {
      // Only the drifted fields, as drift-check's own manager.
      expect(report.method).toContain(`as field manager "${FIELD_MANAGER}"`);
      expect(applied?.map((entry) => entry.manager)).toEqual([FIELD_MANAGER]);
      const fields = JSON.stringify(applied?.[0]?.fieldsV1);
      expect(fields).toContain('"f:replicas"');
      expect(fields).toContain('"f:value"');
      expect(fields).not.toContain('f:image');
      expect(fields).not.toContain('f:selector');
    } else {
      // The whole object as helm last applied it, under helm's own manager.
      expect(report.method).toContain('as field manager "helm"');
      expect(applied?.map((entry) => entry.manager)).toEqual(['helm']);
      const fields = JSON.stringify(applied?.[0]?.fieldsV1);
      expect(fields).toContain('"f:replicas"');
      expect(fields).toContain('f:image');
    }
  });

  it('reports an object it could not restore, and restores the others', async () => {
    const state = await drifted('shop');
    // Changed in between: the guarded removal of the label is refused, the new value kept.
    await kubectl(['label', '--overwrite', 'deployment', 'web', 'team=checkout', '-n', namespace]);
    const report = await run('shop', state);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.object.name).toBe('web');
    // The guarded patch was refused (the apply before it went through).
    expect(report.failed[0]?.error).toMatch(
      /^Deployment .*\/web: not restored: metadata\.labels\.team changed in the cluster after drift-check compared it, so the removal guarded by its value was refused and the new value kept \(Could not patch Deployment web: .* HTTP 422 /,
    );
    expect(report.failed[0]?.fix).toMatch(/^run drift-check again/);
    const restored = await web();
    expect(restored.spec.replicas).toBe(2);
    expect(greeting(restored)).toBe('hello');
    expect(report.restored.map((item) => item.object.name)).toEqual(['web-config']);
    expect(restored.metadata?.labels?.team).toBe('checkout');
  });
});
