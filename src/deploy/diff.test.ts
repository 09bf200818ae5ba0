import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/objects.js';
import { diffRelease, formatDiff, parseQuantity } from './diff.js';

const deployment = (
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', annotations: { 'pipeline-actions.dev/run': 'https://x/runs/2' } },
  spec: {
    replicas: 2,
    template: { spec: { containers: [{ name: 'web', ...container }] } },
    ...extra,
  },
});

/** What the API server returns for a deployment: defaults, status, helm's and our annotations. */
const live = (container: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop-dev',
    uid: 'u',
    resourceVersion: '7',
    generation: 3,
    annotations: {
      'meta.helm.sh/release-name': 'web',
      'deployment.kubernetes.io/revision': '3',
      'pipeline-actions.dev/run': 'https://x/runs/1',
    },
    labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  },
  spec: {
    replicas: 2,
    progressDeadlineSeconds: 600,
    template: {
      metadata: { creationTimestamp: null },
      spec: {
        containers: [
          {
            name: 'web',
            terminationMessagePath: '/dev/termination-log',
            imagePullPolicy: 'IfNotPresent',
            ...container,
          },
        ],
        dnsPolicy: 'ClusterFirst',
      },
    },
  },
  status: { readyReplicas: 2 },
});

describe('the diff of a dry run against what is live', () => {
  it('sees no change where the server only added defaults, canonicalized quantities, or our run changed', () => {
    const desired = deployment({
      image: 'app@sha256:aa',
      resources: { requests: { cpu: '0.5', memory: '1024Mi' } },
      ports: [{ containerPort: '8080' }],
      env: [],
    });
    const current = live({
      image: 'app@sha256:aa',
      resources: { requests: { cpu: '500m', memory: '1Gi' } },
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
    });
    const diff = diffRelease({
      desired: [desired],
      current: [current],
      namespace: 'shop-dev',
      mode: 'live',
    });
    expect(diff.changed).toBe(false);
    expect(formatDiff(diff)).toBe('');
  });

  it('reports exactly the fields that change, matching env and containers by name', () => {
    const desired = deployment({
      image: 'app@sha256:bb',
      env: [
        { name: 'B', value: '2' },
        { name: 'A', value: 'new' },
      ],
    });
    const current = live({
      image: 'app@sha256:aa',
      env: [
        { name: 'A', value: 'old' },
        { name: 'B', value: '2' },
        { name: 'GONE', value: 'x' },
      ],
    });
    const diff = diffRelease({
      desired: [desired],
      current: [current],
      namespace: 'shop-dev',
      mode: 'live',
    });
    expect(formatDiff(diff).split('\n')).toEqual([
      '@@ Deployment/web @@',
      '- spec.template.spec.containers[name=web].image: "app@sha256:aa"',
      '+ spec.template.spec.containers[name=web].image: "app@sha256:bb"',
      '- spec.template.spec.containers[name=web].env[name=A].value: "old"',
      '+ spec.template.spec.containers[name=web].env[name=A].value: "new"',
      '- spec.template.spec.containers[name=web].env[name=GONE]: {"name":"GONE","value":"x"}',
    ]);
  });

  it('reports new objects and, from the previous revision, removed ones', () => {
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'extra' },
      data: { a: '1' },
    };
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
    };
    const diff = diffRelease({
      desired: [deployment({}), configMap],
      current: [live({})],
      previous: [deployment({}), hpa],
      namespace: 'shop-dev',
      mode: 'live',
    });
    expect(formatDiff(diff).split('\n')).toEqual([
      '+ ConfigMap/extra (new)',
      '- HorizontalPodAutoscaler/web (removed)',
    ]);
  });

  it('never shows Secret values, stringData compared as the data it becomes', () => {
    const desired: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db' },
      stringData: { password: 'n3w-p4ss', user: 'app' },
    };
    const current: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'shop-dev' },
      data: {
        password: Buffer.from('0ld-p4ss').toString('base64'),
        user: Buffer.from('app').toString('base64'),
      },
      type: 'Opaque',
    };
    const text = formatDiff(
      diffRelease({ desired: [desired], current: [current], namespace: 'shop-dev', mode: 'live' }),
    );
    expect(text.split('\n')).toEqual([
      '@@ Secret/db @@',
      '! data.password: (secret value changed, not shown)',
    ]);
    expect(text).not.toContain(Buffer.from('n3w-p4ss').toString('base64'));
  });

  it('compares two revisions both ways in exact mode', () => {
    const before = deployment({ image: 'a', args: ['--x'] });
    const after = deployment({ image: 'a' });
    const diff = diffRelease({
      desired: [after],
      current: [before],
      namespace: 'ns',
      mode: 'exact',
    });
    expect(formatDiff(diff).split('\n')).toEqual([
      '@@ Deployment/web @@',
      '- spec.template.spec.containers[name=web].args: ["--x"]',
    ]);
  });

  it('reads quantities as Kubernetes does', () => {
    expect([
      parseQuantity('500m'),
      parseQuantity('1Gi'),
      parseQuantity('1e3'),
      parseQuantity(2),
    ]).toEqual([0.5, 2 ** 30, 1000, 2]);
    expect(parseQuantity('abc')).toBeUndefined();
  });
});
