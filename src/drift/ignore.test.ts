import { describe, expect, it } from 'vitest';
import type { Difference } from './compare.js';
import { applyIgnores, builtInRules, glob, userRule } from './ignore.js';
import type { Segment } from './paths.js';

/** Built-in and user ignore rules: what each suppresses, and why. */

function difference(
  kind: string,
  name: string,
  path: Segment[],
  extra: Partial<Difference> = {},
): Difference {
  return {
    class: 'changed-in-cluster',
    ref: { apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1', kind, name, namespace: 'shop' },
    path,
    pointer: '',
    change: 'changed',
    setByRelease: false,
    ...extra,
  };
}

const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'keda-hpa-api', namespace: 'shop' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' } },
};

describe('ignore rules', () => {
  it('suppress the replicas of the workload an autoscaler targets, by its scaleTargetRef, and nothing else', () => {
    const outcome = applyIgnores(
      [
        difference('Deployment', 'api', ['spec', 'replicas']),
        difference('Deployment', 'web', ['spec', 'replicas']),
        difference('Deployment', 'api', [
          'spec',
          'template',
          'spec',
          'containers',
          { key: 'name', value: 'api', index: 0 },
          'image',
        ]),
      ],
      builtInRules([hpa], 'shop'),
    );
    expect(outcome.suppressed).toEqual([
      {
        rule: 'hpa-replicas',
        reason:
          'HorizontalPodAutoscaler shop/keda-hpa-api scales Deployment/api (its scaleTargetRef)',
        difference: expect.objectContaining({ ref: expect.objectContaining({ name: 'api' }) }),
      },
    ]);
    expect(outcome.kept.map((kept) => `${kept.ref.name} ${kept.path.length}`)).toEqual([
      'web 2',
      'api 6',
    ]);
  });

  it('suppress injected webhook CA bundles and fields Git leaves empty that the server fills in', () => {
    const outcome = applyIgnores(
      [
        difference('MutatingWebhookConfiguration', 'inject', [
          'webhooks',
          { key: 'name', value: 'a.example.com', index: 0 },
          'clientConfig',
          'caBundle',
        ]),
        difference('Service', 'web', ['spec', 'clusterIP'], {
          deployed: '',
          live: '10.96.0.7',
          setByRelease: true,
        }),
        difference('Service', 'web', ['spec', 'clusterIP'], {
          deployed: '',
          live: '10.96.0.7',
          setByRelease: false,
        }),
      ],
      builtInRules([], 'shop'),
    );
    expect(outcome.suppressed.map((item) => item.rule)).toEqual(['webhook-ca-bundle', 'defaulted']);
    // Someone else set it: that is drift.
    expect(outcome.kept).toHaveLength(1);
  });

  it("match a user's JSON pointer by key, list item name or index, and *, with kind, name, namespace and manager selectors", () => {
    const container = (field: string): Segment[] => [
      'spec',
      'template',
      'spec',
      'containers',
      { key: 'name', value: 'web', index: 1 },
      field,
    ];
    const differences = [
      difference('Deployment', 'web', container('image')),
      difference('Deployment', 'web-canary', container('image')),
      difference(
        'Deployment',
        'web',
        ['metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'],
        { manager: { manager: 'kubectl-rollout', operation: 'Update' } },
      ),
      difference('Deployment', 'web', [
        'spec',
        'template',
        'spec',
        'containers',
        { key: 'name', value: 'web', index: 1 },
        'resources',
        'limits',
        'cpu',
      ]),
      difference('ConfigMap', 'web', ['data', 'x']),
    ];
    const rules = [
      userRule('ignore[0]', {
        pointer: '/spec/template/spec/containers/web/image',
        kind: 'Deployment',
        name: 'web',
        reason: 'images roll out separately',
      }),
      userRule('ignore[1]', {
        pointer: '/metadata/annotations/kubectl.kubernetes.io~1restartedAt',
        manager: 'kubectl-*',
      }),
      userRule('ignore[2]', {
        pointer: '/spec/template/spec/containers/1/resources',
        namespace: 'sh*',
      }),
      userRule('ignore[3]', { pointer: '/data/*', kind: 'Secret' }),
    ];
    const outcome = applyIgnores(differences, rules);
    expect(
      outcome.suppressed.map((item) => [item.rule, item.difference.ref.name, item.reason]),
    ).toEqual([
      ['ignore[0]', 'web', 'images roll out separately'],
      ['ignore[1]', 'web', 'ignored by rule ignore[1]'],
      ['ignore[2]', 'web', 'ignored by rule ignore[2]'],
    ]);
    expect(outcome.kept.map((kept) => kept.ref.name)).toEqual(['web-canary', 'web']);
    expect(outcome.unused).toEqual(['ignore[3]']);
  });

  it('a pointer of "" covers whole objects', () => {
    const whole = difference('Job', 'migrate-1', [], { class: 'extra-in-cluster' });
    expect(
      applyIgnores([whole], [userRule('jobs', { pointer: '', kind: 'Job', name: 'migrate-*' })])
        .kept,
    ).toEqual([]);
  });

  it('globs are anchored and literal but for *', () => {
    expect(glob('web*', 'web-canary')).toBe(true);
    expect(glob('web', 'web-canary')).toBe(false);
    expect(glob('a.b', 'axb')).toBe(false);
  });
});
