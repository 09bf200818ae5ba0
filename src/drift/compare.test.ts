import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/objects.js';
import { compareObject, type Difference } from './compare.js';
import { formatPath } from './paths.js';

/**
 * The three-way comparison of one object: only the fields Git sets are
 * compared (server defaults are not drift), values as Kubernetes means them,
 * lists by merge key, fields others added found through managedFields, and
 * every difference classed and attributed.
 */

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
const managers = { releaseManagers: new Set(['helm']) };

function deployment(
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      template: { spec: { containers: [{ name: 'web', image: 'web:1', ...container }] } },
    },
    ...extra,
  };
}

/** A live object: defaults filled in, helm's fields, and whatever `entries` say others own. */
function live(object: KubeObject, entries: Record<string, unknown>[] = []): KubeObject {
  const copy = structuredClone(object);
  copy.metadata = {
    ...copy.metadata,
    namespace: 'shop',
    uid: 'u',
    resourceVersion: '7',
    generation: 3,
    creationTimestamp: '2026-01-01T00:00:00Z',
    annotations: { 'meta.helm.sh/release-name': 'shop', 'deployment.kubernetes.io/revision': '4' },
    managedFields: [
      {
        manager: 'helm',
        operation: 'Update',
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': {
            'f:annotations': { 'f:meta.helm.sh/release-name': {} },
            'f:labels': { 'f:app': {} },
          },
        },
      },
      ...entries.map((entry) => ({ fieldsType: 'FieldsV1', operation: 'Update', ...entry })),
    ],
  };
  const spec = copy.spec as Record<string, unknown>;
  spec.progressDeadlineSeconds = 600;
  copy.status = { replicas: 2 };
  return copy;
}

function brief(differences: Difference[]) {
  return differences.map((difference) => ({
    class: difference.class,
    path: formatPath(difference.path),
    ...(difference.deployed !== undefined ? { deployed: difference.deployed } : {}),
    ...(difference.live !== undefined ? { live: difference.live } : {}),
    ...(difference.desired !== undefined ? { desired: difference.desired } : {}),
    ...(difference.manager ? { manager: difference.manager.manager } : {}),
  }));
}

describe('comparing desired, deployed and live', () => {
  it('finds nothing when the cluster runs what was deployed, defaults, server metadata and quantities aside', () => {
    const git = deployment({
      resources: { requests: { cpu: '0.5', memory: '1024Mi' } },
      ports: [{ name: 'http', containerPort: 8080 }],
    });
    const running = live(
      deployment({
        resources: { requests: { cpu: '500m', memory: '1Gi' } },
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        imagePullPolicy: 'IfNotPresent',
      }),
    );
    expect(compareObject({ ref, desired: git, deployed: git, live: running }, managers)).toEqual(
      [],
    );
  });

  it('matches list items by merge key, so a reordered list is no change', () => {
    const git = deployment({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    });
    const running = live(
      deployment({
        env: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
      }),
    );
    expect(compareObject({ ref, desired: git, deployed: git, live: running }, managers)).toEqual(
      [],
    );
  });

  it('classes a cluster change, names who made it, and notes when Git changes the same field', () => {
    const deployed = deployment({ env: [{ name: 'GREETING', value: 'hello' }] });
    const desired = deployment({ env: [{ name: 'GREETING', value: 'hey' }] });
    const running = live(deployment({ env: [{ name: 'GREETING', value: 'hi' }] }), [
      {
        manager: 'kubectl-edit',
        time: '2026-03-01T10:00:00Z',
        fieldsV1: {
          'f:spec': {
            'f:template': {
              'f:spec': {
                'f:containers': {
                  'k:{"name":"web"}': { 'f:env': { 'k:{"name":"GREETING"}': { 'f:value': {} } } },
                },
              },
            },
          },
        },
      },
    ]);
    const [difference] = compareObject({ ref, desired, deployed, live: running }, managers);
    expect(difference).toMatchObject({
      class: 'changed-in-cluster',
      change: 'changed',
      deployed: 'hello',
      live: 'hi',
      desired: 'hey',
      gitChanged: true,
      manager: { manager: 'kubectl-edit', operation: 'Update', time: '2026-03-01T10:00:00Z' },
      pointer: '/spec/template/spec/containers/0/env/0/value',
    });
    expect(formatPath(difference?.path ?? [])).toBe(
      'spec.template.spec.containers[name=web].env[name=GREETING].value',
    );
  });

  it('classes Git changes the cluster does not run yet as not deployed, object and field', () => {
    const deployed = deployment({});
    const desired = deployment({ args: ['--fast'] }, {});
    const running = live(deployed);
    expect(brief(compareObject({ ref, desired, deployed, live: running }, managers))).toEqual([
      {
        class: 'not-deployed',
        path: 'spec.template.spec.containers[name=web].args',
        desired: ['--fast'],
      },
    ]);
    expect(
      compareObject({ ref, desired, deployed: undefined, live: undefined }, managers),
    ).toMatchObject([{ class: 'not-deployed', change: 'added', path: [] }]);
    expect(
      compareObject({ ref, desired: undefined, deployed, live: running }, managers),
    ).toMatchObject([
      {
        class: 'not-deployed',
        change: 'removed',
        note: 'removed from Git; the next deploy deletes it',
      },
    ]);
  });

  it('takes a server default for what was deployed when Git starts to set the field', () => {
    const deployed = deployment({});
    const running = live(deployment({ imagePullPolicy: 'IfNotPresent' }));
    const same = deployment({ imagePullPolicy: 'IfNotPresent' });
    expect(compareObject({ ref, desired: same, deployed, live: running }, managers)).toEqual([]);
    const other = deployment({ imagePullPolicy: 'Always' });
    expect(
      brief(compareObject({ ref, desired: other, deployed, live: running }, managers)),
    ).toEqual([
      {
        class: 'not-deployed',
        path: 'spec.template.spec.containers[name=web].imagePullPolicy',
        deployed: 'IfNotPresent',
        live: 'IfNotPresent',
        desired: 'Always',
      },
    ]);
  });

  it('finds what others added (a label, an env var) through managedFields, and not what the release or a controller wrote', () => {
    const git = deployment({ env: [{ name: 'A', value: '1' }] });
    const running = live(
      deployment({
        env: [
          { name: 'A', value: '1' },
          { name: 'DEBUG', value: 'true' },
        ],
      }),
      [
        {
          manager: 'kubectl-label',
          time: '2026-03-02T00:00:00Z',
          fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } } },
        },
        {
          manager: 'kubectl-set',
          time: '2026-03-03T00:00:00Z',
          fieldsV1: {
            'f:spec': {
              'f:template': {
                'f:spec': {
                  'f:containers': {
                    'k:{"name":"web"}': {
                      'f:env': { 'k:{"name":"DEBUG"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
                    },
                  },
                },
              },
            },
          },
        },
        {
          manager: 'kube-controller-manager',
          subresource: 'status',
          fieldsV1: { 'f:status': { 'f:replicas': {} } },
        },
        {
          manager: 'helm',
          operation: 'Apply',
          fieldsV1: { 'f:metadata': { 'f:labels': { 'f:helm-owned': {} } } },
        },
      ],
    );
    (running.metadata?.labels as Record<string, string>).team = 'payments';
    (running.metadata?.labels as Record<string, string>)['helm-owned'] = 'x';
    expect(
      brief(compareObject({ ref, desired: git, deployed: git, live: running }, managers)),
    ).toEqual([
      {
        class: 'changed-in-cluster',
        path: 'spec.template.spec.containers[name=web].env[name=DEBUG]',
        live: { name: 'DEBUG', value: 'true' },
        manager: 'kubectl-set',
      },
      {
        class: 'changed-in-cluster',
        path: 'metadata.labels.team',
        live: 'payments',
        manager: 'kubectl-label',
      },
    ]);
  });

  it('reports a deleted object as missing, and an object nobody deployed as extra, with its creator', () => {
    const git = deployment({});
    expect(
      compareObject({ ref, desired: git, deployed: git, live: undefined }, managers),
    ).toMatchObject([{ class: 'missing-from-cluster', change: 'removed', path: [] }]);
    const stray = live(git, [
      { manager: 'kubectl-create', time: '2025-12-31T00:00:00Z', fieldsV1: { 'f:spec': {} } },
    ]);
    expect(
      compareObject({ ref, desired: undefined, deployed: undefined, live: stray }, managers),
    ).toMatchObject([{ class: 'extra-in-cluster', manager: { manager: 'kubectl-create' } }]);
  });

  it("compares a Secret's stringData as the data the server stores", () => {
    const secretRef = { apiVersion: 'v1', kind: 'Secret', name: 's', namespace: 'shop' };
    const git: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: 'change-me' },
    };
    const running: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
      data: { password: Buffer.from('change-me').toString('base64') },
    };
    expect(
      compareObject({ ref: secretRef, desired: git, deployed: git, live: running }, managers),
    ).toEqual([]);
    const changed = { ...running, data: { password: Buffer.from('other').toString('base64') } };
    expect(
      brief(
        compareObject({ ref: secretRef, desired: git, deployed: git, live: changed }, managers),
      ),
    ).toMatchObject([{ class: 'changed-in-cluster', path: 'data.password' }]);
  });

  it('treats an empty map, an empty list and null as no value, and "80" as 80', () => {
    const git = deployment(
      { env: [], ports: [{ name: 'http', containerPort: '8080' }] },
      { metadata: { name: 'web', labels: { app: 'web' }, annotations: {} } },
    );
    const running = live(deployment({ ports: [{ name: 'http', containerPort: 8080 }] }));
    expect(compareObject({ ref, desired: git, deployed: git, live: running }, managers)).toEqual(
      [],
    );
  });
  it('does not take a value the API server defaults for drift, whoever owns it after an edit re-keyed the item', () => {
    const git = deployment({ ports: [{ name: 'http', containerPort: 8080 }] });
    // kubectl edit set the port to 9090 and back: the item was made anew, and the
    // editor owns all of it, the protocol the server filled in included.
    const edited = (protocol: string) =>
      live(deployment({ ports: [{ name: 'http', containerPort: 8080, protocol }] }), [
        {
          manager: 'kubectl-edit',
          time: '2026-03-04T00:00:00Z',
          fieldsV1: {
            'f:spec': {
              'f:template': {
                'f:spec': {
                  'f:containers': {
                    'k:{"name":"web"}': {
                      'f:ports': {
                        'k:{"containerPort":8080,"protocol":"TCP"}': {
                          '.': {},
                          'f:containerPort': {},
                          'f:name': {},
                          'f:protocol': {},
                        },
                        'k:{"containerPort":8080,"protocol":"UDP"}': {
                          '.': {},
                          'f:containerPort': {},
                          'f:name': {},
                          'f:protocol': {},
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ]);
    expect(
      compareObject({ ref, desired: git, deployed: git, live: edited('TCP') }, managers),
    ).toEqual([]);
    // Git now says TCP too: still the same thing.
    const explicit = deployment({
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    });
    expect(
      compareObject({ ref, desired: explicit, deployed: git, live: edited('TCP') }, managers),
    ).toEqual([]);
    // Not the default: someone chose it.
    expect(
      brief(compareObject({ ref, desired: git, deployed: git, live: edited('UDP') }, managers)),
    ).toEqual([
      {
        class: 'changed-in-cluster',
        path: 'spec.template.spec.containers[name=web].ports[name=http].protocol',
        live: 'UDP',
        manager: 'kubectl-edit',
      },
    ]);
  });

  it('reports a map Git does not set key by key, so one key can be ignored and the others stay watched', () => {
    const git = deployment({});
    const running = live(git, [
      {
        manager: 'kubectl-rollout',
        time: '2026-03-05T00:00:00Z',
        fieldsV1: {
          'f:spec': {
            'f:template': {
              'f:metadata': {
                'f:annotations': {
                  '.': {},
                  'f:kubectl.kubernetes.io/restartedAt': {},
                  'f:team': {},
                },
              },
            },
          },
        },
      },
    ]);
    const template = (running.spec as { template: Record<string, unknown> }).template;
    template.metadata = {
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-03-05T00:00:00Z', team: 'a' },
    };
    const found = compareObject({ ref, desired: git, deployed: git, live: running }, managers);
    expect(brief(found)).toEqual([
      {
        class: 'changed-in-cluster',
        path: 'spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]',
        live: '2026-03-05T00:00:00Z',
        manager: 'kubectl-rollout',
      },
      {
        class: 'changed-in-cluster',
        path: 'spec.template.metadata.annotations.team',
        live: 'a',
        manager: 'kubectl-rollout',
      },
    ]);
    expect(found.map((difference) => difference.pointer)).toEqual([
      '/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt',
      '/spec/template/metadata/annotations/team',
    ]);
  });
});
