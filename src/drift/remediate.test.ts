import { describe, expect, it } from 'vitest';
import { KubeApiError, type ApiResource, type KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/objects.js';
import { UserError } from '../errors.js';
import { compareObject, type Difference } from './compare.js';
import { explainFailure, FIELD_MANAGER, remediate } from './remediate.js';

/**
 * What remediation sends: for a release helm applies client-side, a partial
 * apply of the drifted fields as pipeline-actions-drift-check; for one helm
 * applies server-side, the whole deployed object as helm; removals of added
 * fields as guarded JSON patches; nothing for Git-only or unowned objects.
 * A stand-in client records those requests (and fails one on demand) so
 * each can be compared whole; what they do to live objects, and a list-key
 * conflict the real API server refuses, run against the real API server in
 * drift-check's drift.itg.test.ts and correctness.itg.test.ts.
 */

/** A namespaced resource type as discovery describes it. */
const served = (group: string, kind: string, name: string): ApiResource => ({
  group,
  version: 'v1',
  kind,
  name,
  namespaced: true,
  verbs: [],
});
const deployments = served('apps', 'Deployment', 'deployments');
const configmaps = served('', 'ConfigMap', 'configmaps');
const resources = new Map([
  ['apps/Deployment', deployments],
  ['/ConfigMap', configmaps],
]);

const deployed: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'proxy:1' },
          {
            name: 'web',
            image: 'web:1',
            env: [
              { name: 'A', value: '1' },
              { name: 'GREETING', value: 'hello' },
            ],
            ports: [{ name: 'http', containerPort: 8080 }],
          },
        ],
      },
    },
  },
};

function live(operation: 'Update' | 'Apply'): KubeObject {
  const object = structuredClone(deployed) as KubeObject & {
    spec: { replicas: number; template: { spec: { containers: { env?: { value: string }[] }[] } } };
  };
  object.spec.replicas = 5;
  object.spec.template.spec.containers[1]!.env![1]!.value = 'hi';
  object.metadata = {
    ...object.metadata,
    namespace: 'shop',
    labels: { app: 'web', team: 'payments' },
    annotations: { 'meta.helm.sh/release-name': 'shop' },
    managedFields: [
      {
        manager: 'helm',
        operation,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:meta.helm.sh/release-name': {} } } },
      },
      {
        manager: 'kubectl-label',
        operation: 'Update',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } } },
      },
    ],
  };
  return object;
}

const config: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'web-config' },
  data: { a: 'b' },
};

class RecordingClient {
  readonly calls: { kind: string; manager: string; force?: boolean; body: unknown }[] = [];
  failOn: string | undefined;
  async apply(
    resource: ApiResource,
    object: KubeObject,
    options: { fieldManager: string; force: boolean },
  ) {
    if (object.metadata?.name === this.failOn) throw new Error('conflict: the object was modified');
    this.calls.push({
      kind: `apply ${resource.kind}`,
      manager: options.fieldManager,
      force: options.force,
      body: object,
    });
    return object;
  }
  async jsonPatch(
    resource: ApiResource,
    _namespace: string | undefined,
    name: string,
    operations: unknown,
    options: { fieldManager: string },
  ) {
    this.calls.push({
      kind: `patch ${resource.kind} ${name}`,
      manager: options.fieldManager,
      body: operations,
    });
    return {};
  }
}

function differences(running: KubeObject): Difference[] {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
  return [
    ...compareObject(
      { ref, desired: deployed, deployed, live: running },
      { releaseManagers: new Set(['helm']) },
    ),
    ...compareObject(
      {
        ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'web-config', namespace: 'shop' },
        desired: config,
        deployed: config,
        live: undefined,
      },
      { releaseManagers: new Set(['helm']) },
    ),
    {
      class: 'not-deployed',
      ref,
      path: ['spec', 'paused'],
      pointer: '/spec/paused',
      change: 'added',
      desired: true,
      setByRelease: true,
    },
  ];
}

function run(client: RecordingClient, running: KubeObject) {
  return remediate(client as unknown as KubeClient, {
    release: 'shop',
    namespace: 'shop',
    differences: differences(running),
    deployed: new Map([
      ['apps/Deployment/shop/web', deployed],
      ['/ConfigMap/shop/web-config', config],
    ]),
    live: new Map([['apps/Deployment/shop/web', running]]),
    resources,
    concurrency: 1,
  });
}

describe('remediation', () => {
  it('of a release helm applies client-side: only the drifted fields, as our own field manager', async () => {
    const client = new RecordingClient();
    const report = await run(client, live('Update'));
    expect(client.calls).toEqual([
      {
        kind: 'apply Deployment',
        manager: FIELD_MANAGER,
        force: true,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: {
            replicas: 2,
            template: {
              spec: { containers: [{ name: 'web', env: [{ name: 'GREETING', value: 'hello' }] }] },
            },
          },
        },
      },
      {
        kind: 'patch Deployment web',
        manager: FIELD_MANAGER,
        body: [
          { op: 'test', path: '/metadata/labels/team', value: 'payments' },
          { op: 'remove', path: '/metadata/labels/team' },
        ],
      },
      {
        kind: 'apply ConfigMap',
        manager: FIELD_MANAGER,
        force: true,
        body: {
          ...config,
          metadata: {
            name: 'web-config',
            namespace: 'shop',
            labels: { 'app.kubernetes.io/managed-by': 'Helm' },
            annotations: {
              'meta.helm.sh/release-name': 'shop',
              'meta.helm.sh/release-namespace': 'shop',
            },
          },
        },
      },
    ]);
    expect(report.restored.map((item) => [item.object.name, item.fields])).toEqual([
      [
        'web',
        [
          'spec.replicas',
          'spec.template.spec.containers[name=web].env[name=GREETING].value',
          'metadata.labels.team',
        ],
      ],
      ['web-config', ['(the whole object)']],
    ]);
    expect(report.skipped).toEqual([
      {
        object: expect.objectContaining({ name: 'web' }),
        path: 'spec.paused',
        why: 'only in Git: the next deploy brings it',
      },
    ]);
  });

  it("of a release helm applies server-side: the whole object as helm last applied it, under helm's own manager", async () => {
    const client = new RecordingClient();
    const report = await run(client, live('Apply'));
    expect(report.method).toContain('as field manager "helm"');
    const apply = client.calls[0];
    expect(apply).toMatchObject({ kind: 'apply Deployment', manager: 'helm', force: true });
    expect((apply?.body as KubeObject).spec).toEqual(deployed.spec);
    expect((apply?.body as KubeObject).metadata).toEqual({
      name: 'web',
      namespace: 'shop',
      labels: { app: 'web', 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'meta.helm.sh/release-name': 'shop',
        'meta.helm.sh/release-namespace': 'shop',
      },
    });
    // Fields others added are not helm's to drop: they are removed explicitly.
    expect(client.calls[1]).toMatchObject({ kind: 'patch Deployment web', manager: FIELD_MANAGER });
  });

  it('reports an object it could not restore, and restores the others', async () => {
    const client = new RecordingClient();
    client.failOn = 'web';
    const report = await run(client, live('Update'));
    expect(report.failed).toEqual([
      {
        object: expect.objectContaining({ name: 'web' }),
        error: 'Deployment shop/web: conflict: the object was modified',
      },
    ]);
    expect(report.restored.map((item) => item.object.name)).toEqual(['web-config']);
  });
});

describe('a refused restore', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
  const rekeyed: Difference = {
    class: 'changed-in-cluster',
    ref,
    path: [
      'spec',
      'template',
      'spec',
      'containers',
      { key: 'name', value: 'web', index: 0 },
      'ports',
      { key: 'name', value: 'http', index: 0 },
      'containerPort',
    ],
    pointer: '/spec/template/spec/containers/0/ports/0/containerPort',
    change: 'changed',
    deployed: 8080,
    live: 9090,
    setByRelease: false,
  };

  it('names a list-key conflict, the edit that caused it and the patch that undoes it, not permissions', () => {
    // The Status the API server sends for the apply (as in the real-cluster test).
    const error = new KubeApiError(
      'Could not apply Deployment web: … answered HTTP 422 (…).',
      422,
      'Invalid',
      [
        // The API server names the duplicate twice.
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: "http"',
          field: 'spec.template.spec.containers[0].ports[1].name',
        },
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: "http"',
          field: 'spec.template.spec.containers[0].ports[1].name',
        },
      ],
    );
    const failed = explainFailure({ ref, differences: [rekeyed] }, error, 'shop');
    expect(failed.error).toBe(
      'Deployment shop/web: the API server refused the restore as a list-key conflict (spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"). The cluster\'s edit changed a field that identifies a list item to server-side apply (spec.template.spec.containers[name=web].ports[name=http].containerPort 8080 → 9090), so applying the deployed item adds it next to the edited one instead of replacing it.',
    );
    expect(failed.fix).toBe(
      `set the value back in place, e.g. kubectl patch deployment/web -n shop --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]', or deploy the release again; then run drift-check again.`,
    );
    expect(failed.fix).not.toMatch(/permission/);
  });

  it('keeps the fix of a refusal for permissions, and says nothing it does not know', () => {
    const denied = new UserError('Could not apply Deployment web: … does not allow it.', {
      fix: 'grant patch',
    });
    expect(explainFailure({ ref, differences: [rekeyed] }, denied, 'shop').fix).toBe('grant patch');
    const other = explainFailure({ ref, differences: [] }, new Error('socket hang up'), 'shop');
    expect(other).toEqual({
      object: ref,
      error: 'Deployment shop/web: socket hang up',
    });
  });
});
