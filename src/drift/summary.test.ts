import { describe, expect, it } from 'vitest';
import type { DriftReport, ReportedChange, TargetReport } from './report.js';
import { code, headline, renderMarkdown } from './summary.js';

/** The job summary and issue body: values from the cluster can neither mention nor inject; the text fits. */

function report(changes: ReportedChange[], extra: Partial<TargetReport> = {}): DriftReport {
  return {
    version: 1,
    environment: 'prod',
    generatedAt: '2026-01-01T00:00:00Z',
    status: changes.length > 0 ? 'drifted' : 'clean',
    count: changes.length,
    fingerprint: 'abc',
    targets: [
      {
        release: 'shop',
        namespace: 'shop-prod',
        chart: 'deploy/chart',
        status: changes.length > 0 ? 'drifted' : 'clean',
        deployedRevision: 4,
        counts: {
          'changed-in-cluster': changes.length,
          'missing-from-cluster': 0,
          'extra-in-cluster': 0,
          'not-deployed': 0,
        },
        changes,
        ignored: [],
        unusedRules: [],
        ...extra,
      },
    ],
    rules: [{ id: 'hpa-replicas', reason: 'autoscaled', builtIn: true, suppressed: 0 }],
    requests: { discovery: 5, list: 8, apply: 0, patch: 0, total: 13 },
    durationMs: 1234,
  };
}

const label = (value: string): ReportedChange => ({
  class: 'changed-in-cluster',
  object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop-prod' },
  path: 'metadata.labels.team',
  pointer: '/metadata/labels/team',
  change: 'added',
  after: JSON.stringify(value),
  manager: { manager: 'kubectl-label', operation: 'Update', time: '2026-01-02T03:04:05Z' },
});

describe('the drift summary', () => {
  it('shows each change with its values and who made it, values as code', () => {
    const text = renderMarkdown(report([label('payments')]));
    expect(headline(report([label('payments')]))).toBe(
      'Drift in prod: 1 difference (1 changed in the cluster)',
    );
    expect(text).toContain(
      '| Deployment shop-prod/web | `metadata.labels.team` | (not set) | `"payments"` | kubectl-label at 2026-01-02T03:04:05Z |',
    );
    expect(text).toContain('13 API requests (5 discovery, 8 list) in 1.2 s');
  });

  it('keeps mentions and HTML from the cluster inert', () => {
    const text = renderMarkdown(report([label('@octocat <img src=x onerror=alert(1)> `tick`')]));
    expect(text).toContain('``"@octocat <img src=x onerror=alert(1)> `tick`"``');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(
      renderMarkdown(report([], { status: 'error', error: 'ping @admins <b>now</b>' })),
    ).toContain('**Not checked:** ping @\u200badmins &lt;b&gt;now&lt;/b&gt;');
  });

  it('shrinks its tables to fit, saying how many more there are', () => {
    const many = Array.from({ length: 2000 }, (_, index) => ({
      ...label('x'.repeat(200)),
      path: `metadata.labels.l${index}`,
    }));
    const text = renderMarkdown(report(many), 60_000);
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(text).toMatch(/… and \d+ more \(see the JSON report\)/);
  });
});
