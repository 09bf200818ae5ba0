import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/objects.js';
import { secretCutter } from '../report/redact.js';
import { diffRelease, formatDiff, parseQuantity, withRestored } from './diff.js';

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

  it('a config file held in a ConfigMap: the lines that changed, not two truncated strings', () => {
    const file = (port: number) =>
      `server {\n  listen ${port};\n${'  # a long comment line that pushes the change past any one-line preview\n'.repeat(8)}}\n`;
    const configMap = (port: number, namespace?: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'nginx', ...(namespace ? { namespace } : {}) },
      data: { 'nginx.conf': file(port) },
    });
    const text = formatDiff(
      diffRelease({
        desired: [configMap(9090)],
        current: [configMap(8080, 'shop-dev')],
        namespace: 'shop-dev',
        mode: 'live',
      }),
    );
    expect(text.split('\n')).toEqual([
      '@@ ConfigMap/nginx @@',
      '~ data["nginx.conf"]: (text changed, line by line)',
      '     server {',
      '-      listen 8080;',
      '+      listen 9090;',
      '       # a long comment line that pushes the change past any one-line preview',
    ]);
  });

  it("never shows a field named like a secret either, as drift-check's report does (the stricter rule)", () => {
    const desired = deployment({
      env: [
        { name: 'DB_PASSWORD', value: 'n3w-p4ss' },
        { name: 'MODE', value: 'fast' },
      ],
    });
    const current = live({
      env: [
        { name: 'DB_PASSWORD', value: '0ld-p4ss' },
        { name: 'MODE', value: 'slow' },
      ],
    });
    const text = formatDiff(
      diffRelease({ desired: [desired], current: [current], namespace: 'shop-dev', mode: 'live' }),
    );
    expect(text.split('\n')).toEqual([
      '@@ Deployment/web @@',
      '! spec.template.spec.containers[name=web].env[name=DB_PASSWORD].value: (secret value changed, not shown)',
      '- spec.template.spec.containers[name=web].env[name=MODE].value: "slow"',
      '+ spec.template.spec.containers[name=web].env[name=MODE].value: "fast"',
    ]);
  });

  it('hides whole a change whose value holds a known secret: the value before it held the one before', () => {
    // DB_URL is no secret by name; the password inside it is known (a placeholder's value).
    const url = (password: string) => `postgres://shop:${password}@db:5432/shop`;
    const desired = deployment({ env: [{ name: 'DB_URL', value: url('n3w-p4ss') }] });
    const current = live({ env: [{ name: 'DB_URL', value: url('0ld-p4ss') }] });
    const text = formatDiff(
      diffRelease({
        desired: [desired],
        current: [current],
        namespace: 'shop-dev',
        mode: 'live',
        secrets: secretCutter(['n3w-p4ss']),
      }),
    );
    expect(text.split('\n')).toEqual([
      '@@ Deployment/web @@',
      '! spec.template.spec.containers[name=web].env[name=DB_URL].value: (secret value changed, not shown)',
    ]);
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

describe('what a deploy restored', () => {
  const cronJob = (schedule: string, image = 'job:1'): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cleanup', namespace: 'shop-dev', uid: 'u' },
    spec: {
      schedule,
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image }] } } } },
    },
  });
  const config: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg' },
    data: { a: '1' },
  };

  it('reports a redeploy of the same Git that set a drifted field back, and a deleted object recreated', () => {
    const deployed = [cronJob('0 3 * * *'), config];
    const exact = diffRelease({
      desired: deployed,
      current: deployed,
      namespace: 'shop-dev',
      mode: 'exact',
    });
    expect(exact.changed).toBe(false);
    const diff = withRestored(exact, {
      applied: deployed,
      previous: deployed,
      live: [cronJob('*/5 * * * *')],
      namespace: 'shop-dev',
    });
    expect(diff.changed).toBe(true);
    expect(diff.restored).toEqual([
      {
        ref: expect.objectContaining({ kind: 'CronJob', name: 'cleanup' }),
        action: 'update',
        changes: [
          { path: 'spec.schedule', kind: 'changed', before: '*/5 * * * *', after: '0 3 * * *' },
        ],
      },
      {
        ref: expect.objectContaining({ kind: 'ConfigMap', name: 'cfg' }),
        action: 'create',
        changes: [],
      },
    ]);
    expect(formatDiff(diff)).toBe(
      [
        '@@ CronJob shop-dev/cleanup (restored: changed in the cluster since the last deploy) @@',
        '- spec.schedule: "*/5 * * * *"',
        '+ spec.schedule: "0 3 * * *"',
        '+ ConfigMap/cfg (restored: it was deleted from the cluster since the last deploy)',
      ].join('\n'),
    );
  });

  it('leaves what Git changed to the diff of the revisions, and new objects out', () => {
    const previous = [cronJob('0 3 * * *')];
    const applied = [cronJob('0 4 * * *', 'job:2'), config];
    const exact = diffRelease({
      desired: applied,
      current: previous,
      namespace: 'shop-dev',
      mode: 'exact',
    });
    const diff = withRestored(exact, {
      applied,
      previous,
      live: [cronJob('*/5 * * * *')],
      namespace: 'shop-dev',
    });
    expect(diff.restored).toEqual([]);
    expect(diff.changed).toBe(true);
    const same = withRestored(
      diffRelease({ desired: previous, current: previous, namespace: 'shop-dev', mode: 'exact' }),
      { applied: previous, previous, live: previous, namespace: 'shop-dev' },
    );
    expect(same).toMatchObject({ changed: false, restored: [] });
  });
});
