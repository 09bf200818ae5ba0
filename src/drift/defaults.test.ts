import { describe, expect, it } from 'vitest';
import { isServerDefault } from './defaults.js';

/** The values the API server fills in, by kind and path; some depend on a sibling field. */

const container = (image: string) => ({
  spec: { template: { spec: { containers: [{ name: 'web', image }] } } },
});
const pullPolicy = [
  'spec',
  'template',
  'spec',
  'containers',
  { key: 'name', value: 'web', index: 0 },
  'imagePullPolicy',
];

describe('server defaults', () => {
  it('knows fixed defaults at any list item, and nothing of kinds or paths it has no table for', () => {
    const port = ['spec', 'template', 'spec', 'containers', 0, 'ports', 2, 'protocol'];
    expect(isServerDefault('Deployment', port, 'TCP', {})).toBe(true);
    expect(isServerDefault('Deployment', port, 'UDP', {})).toBe(false);
    expect(
      isServerDefault(
        'CronJob',
        [
          'spec',
          'jobTemplate',
          'spec',
          'template',
          'spec',
          'containers',
          0,
          'ports',
          0,
          'protocol',
        ],
        'TCP',
        {},
      ),
    ).toBe(true);
    expect(isServerDefault('Deployment', ['spec', 'revisionHistoryLimit'], 10, {})).toBe(true);
    expect(isServerDefault('Deployment', ['spec', 'replicas'], 1, {})).toBe(false);
    expect(isServerDefault('Widget', port, 'TCP', {})).toBe(false);
  });

  it("derives a container's pull policy from its image, and a service port's target from its port", () => {
    expect(isServerDefault('Deployment', pullPolicy, 'IfNotPresent', container('web:1.0'))).toBe(
      true,
    );
    expect(isServerDefault('Deployment', pullPolicy, 'Always', container('web:1.0'))).toBe(false);
    expect(isServerDefault('Deployment', pullPolicy, 'Always', container('host:5000/web'))).toBe(
      true,
    );
    expect(isServerDefault('Deployment', pullPolicy, 'Always', container('web:latest'))).toBe(true);
    expect(
      isServerDefault('Deployment', pullPolicy, 'IfNotPresent', container('web@sha256:ab')),
    ).toBe(true);
    const service = { spec: { ports: [{ name: 'http', port: 80, targetPort: 80 }] } };
    const target = ['spec', 'ports', { key: 'name', value: 'http', index: 0 }, 'targetPort'];
    expect(isServerDefault('Service', target, 80, service)).toBe(true);
    expect(isServerDefault('Service', target, 8080, service)).toBe(false);
  });
});
