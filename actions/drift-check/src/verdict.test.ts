import { describe, expect, it } from 'vitest';
import { OutageError, UserError, UserErrors } from '../../../src/errors.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { judge } from './verdict.js';

/** A report of `targets` targets that could not be checked. */
function failed(targets: number): DriftReport {
  return {
    version: 1,
    environment: 'dev',
    generatedAt: '2026-01-01T00:00:00Z',
    status: 'error',
    count: 0,
    fingerprint: '',
    targets: Array.from({ length: targets }, (_, index) => ({
      release: `shop-${index}`,
      namespace: 'dev',
      status: 'error',
      error: 'x',
      counts: {
        'changed-in-cluster': 0,
        'missing-from-cluster': 0,
        'extra-in-cluster': 0,
        'not-deployed': 0,
      },
      changes: [],
      ignored: [],
      unusedRules: [],
    })) as unknown as DriftReport['targets'],
    rules: [],
    requests: { discovery: 0, list: 0, apply: 0, patch: 0, total: 0 },
    durationMs: 0,
  };
}

const outage = () =>
  new OutageError('the Kubernetes API server https://k8s.example.com (kubeconfig)', 'HTTP 503', {
    attempts: 4,
    elapsedMs: 2100,
    consequence: 'no drift verdict was given',
  });

describe('how a check that could not read the cluster ends', () => {
  it('every target stopped by the same outage: the outage, not a list of user errors', () => {
    const first = outage();
    expect(() => judge(failed(2), [first, outage()], 'report', undefined)).toThrow(first);
  });

  it('targets that failed for different reasons: each listed', () => {
    const run = () =>
      judge(failed(2), [outage(), new UserError('no release shop-1 in dev')], 'report', undefined);
    expect(run).toThrow(UserErrors);
    expect(run).toThrow('2 of 2 targets could not be checked:');
  });
});
