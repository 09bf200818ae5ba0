import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import {
  mappingChild,
  mappingSet,
  objectIdentity,
  parseManifestNodes,
  parseManifestObjects,
  presentManifests,
  stringNode,
} from './manifests.js';
import { objectKey } from './objects.js';

const HELM_OUTPUT = `---
# Source: ledger/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: ledger
data:
  flag: "on"
---
# Source: ledger/templates/disabled.yaml
---
# Source: ledger/templates/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
spec:
  template:
    spec:
      containers:
        - name: ledger
          image: "ledger:2.4"
          args: [--verbose, "yes"]
      volumes:
        - name: config
          configMap:
            name: ledger
            defaultMode: 0644
      enableServiceLinks: off
`;

describe('rendered manifests are edited at the node level', () => {
  it('drops the empty documents charts render for disabled templates', () => {
    const nodes = parseManifestNodes(HELM_OUTPUT, 'the rendered chart');
    expect(nodes.map((node) => objectIdentity(node))).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'ledger' },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ledger' },
    ]);
  });

  it('writes every untouched scalar back as the chart wrote it (0644 stays octal, off stays a YAML 1.1 bool)', () => {
    const nodes = parseManifestNodes(HELM_OUTPUT, 'the rendered chart');
    const text = presentManifests(nodes);
    expect(text).toContain('defaultMode: 0644');
    expect(text).toContain('enableServiceLinks: off');
    expect(text).toContain('flag: "on"');
    expect(text).toContain('args: [--verbose, "yes"]');
    expect(text).not.toContain('Source:');
  });

  it('reads values the way Kubernetes does: YAML 1.1, timestamps as text', () => {
    const [, statefulSet] = parseManifestObjects(
      HELM_OUTPUT.replace(
        'enableServiceLinks: off',
        'enableServiceLinks: off\n      date: 2001-12-14',
      ),
      'x',
    );
    const spec = (statefulSet?.spec as { template: { spec: Record<string, unknown> } }).template
      .spec;
    expect(spec.enableServiceLinks).toBe(false);
    expect(spec.date).toBe('2001-12-14');
    expect(
      (spec.volumes as { configMap: { defaultMode: number } }[])[0]?.configMap.defaultMode,
    ).toBe(0o644);
  });

  it('quotes a new string that would otherwise read as another type', () => {
    const [node] = parseManifestNodes(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      'x',
    );
    const annotations = mappingChild(mappingChild(node!, 'metadata'), 'annotations');
    mappingSet(annotations, 'example.com/enabled', stringNode('on'));
    mappingSet(annotations, 'example.com/mode', stringNode('0644'));
    const [value] = parseManifestObjects(presentManifests([node!]), 'x');
    expect(value?.metadata?.annotations).toEqual({
      'example.com/enabled': 'on',
      'example.com/mode': '0644',
    });
  });

  it('expands kind: List into its items', () => {
    const objects = parseManifestObjects(
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: a}}\n- {apiVersion: v1, kind: Service, metadata: {name: b}}\n',
      'x',
    );
    expect(objects.map((object) => object.metadata?.name)).toEqual(['a', 'b']);
  });

  it('reports YAML errors and non-objects as user errors', () => {
    expect(() => parseManifestNodes('a: [1\n', 'the rendered chart')).toThrow(/not valid YAML/);
    expect(() => parseManifestNodes('- a\n- b\n', 'the rendered chart')).toThrow(UserError);
  });

  it('identifies an object by group, kind, namespace and name, whatever its version', () => {
    expect(
      objectKey({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', name: 'x' }, 'ns'),
    ).toBe(
      objectKey({
        apiVersion: 'autoscaling/v1',
        kind: 'HorizontalPodAutoscaler',
        name: 'x',
        namespace: 'ns',
      }),
    );
  });
});
