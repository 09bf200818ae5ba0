import { describe, expect, it } from 'vitest';
import type { Difference } from './compare.js';
import { redactor } from './redact.js';
import { fingerprint, reportChange, type TargetReport } from './report.js';
import type { Segment } from './paths.js';

/** What a report shows of a difference (never a secret), and the fingerprint that decides whether the issue changes. */

function difference(
  kind: string,
  path: Segment[],
  deployed: unknown,
  live: unknown,
  time = '2026-01-01T00:00:00Z',
): Difference {
  return {
    class: 'changed-in-cluster',
    ref: { apiVersion: 'v1', kind, name: 'web', namespace: 'shop' },
    path,
    pointer: '',
    change: 'changed',
    deployed,
    live,
    manager: { manager: 'kubectl-edit', operation: 'Update', time },
    setByRelease: false,
  };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const none = redactor();

describe('reported changes', () => {
  it("show a Secret's data only as sizes, decoded", () => {
    const change = reportChange(
      difference('Secret', ['data', 'password'], b64('change-me'), b64('hunter22')),
      none,
    );
    expect(change).toMatchObject({ path: 'data.password', redacted: { before: 9, after: 8 } });
    expect(change.before).toBeUndefined();
    expect(change.after).toBeUndefined();
  });

  it('hide values under secret-like names, and any value holding a known secret, but not references to secrets', () => {
    const env = (name: string, ...rest: Segment[]): Segment[] => [
      'spec',
      'containers',
      { key: 'name', value: 'web', index: 0 },
      'env',
      { key: 'name', value: name, index: 0 },
      ...rest,
    ];
    expect(
      reportChange(difference('Pod', env('DB_PASSWORD', 'value'), 'a', 'b'), none).redacted,
    ).toEqual({ before: 1, after: 1 });
    expect(
      reportChange(difference('ConfigMap', ['data', 'api-key'], 'a', 'b'), none).redacted,
    ).toBeDefined();
    const reference = reportChange(
      difference('Pod', env('DB_PASSWORD', 'valueFrom', 'secretKeyRef', 'key'), 'password', 'pw'),
      none,
    );
    expect(reference.redacted).toBeDefined(); // the env var's name is secret-like: hidden all the same
    const mount = reportChange(
      difference(
        'Pod',
        ['spec', 'volumes', { key: 'name', value: 'tls', index: 0 }, 'secret', 'secretName'],
        'a',
        'b',
      ),
      none,
    );
    expect(mount).toMatchObject({ before: '"a"', after: '"b"' });
    const known = redactor(['s3cr3t-value']);
    expect(
      reportChange(
        difference('ConfigMap', ['data', 'url'], 'postgres://u:s3cr3t-value@db', 'x'),
        known,
      ).redacted,
    ).toBeDefined();
    expect(known.scrub('token s3cr3t-value here')).toBe('token *** here');
  });

  it('hide a secret learned after the redactor was made (a target renders during its check)', () => {
    const secrets = new Set<string>();
    const live = redactor(secrets);
    secrets.add('rendered-secret-value');
    expect(
      reportChange(
        difference('ConfigMap', ['data', 'url'], 'x', 'postgres://u:rendered-secret-value@db'),
        live,
      ).redacted,
    ).toBeDefined();
    expect(live.scrub('was rendered-secret-value')).toBe('was ***');
  });

  it('show other values as one line of JSON, cut at 240 characters', () => {
    const change = reportChange(
      difference('ConfigMap', ['data', 'big'], 'x'.repeat(1000), 2),
      none,
    );
    expect(change.before).toHaveLength(241);
    expect(change.before?.endsWith('…')).toBe(true);
    expect(change.after).toBe('2');
  });
});

describe('the fingerprint', () => {
  const target = (changes: Difference[]): TargetReport => ({
    release: 'shop',
    namespace: 'shop',
    chart: 'chart',
    status: 'drifted',
    counts: {
      'changed-in-cluster': changes.length,
      'missing-from-cluster': 0,
      'extra-in-cluster': 0,
      'not-deployed': 0,
    },
    changes: changes.map((change) => reportChange(change, none)),
    ignored: [],
    unusedRules: [],
  });
  const replicas = difference('Deployment', ['spec', 'replicas'], 2, 3);
  const label = difference('Deployment', ['metadata', 'labels', 'team'], undefined, 'payments');

  it('stays the same for the same drift, in any order, whenever it was seen', () => {
    const later = difference('Deployment', ['spec', 'replicas'], 2, 3, '2026-06-01T00:00:00Z');
    expect(fingerprint([target([replicas, label])])).toBe(fingerprint([target([label, later])]));
    expect(fingerprint([target([])])).toBe('clean');
  });

  it('changes with a value, and for a secret with when it was changed (never from its content)', () => {
    expect(fingerprint([target([replicas])])).not.toBe(
      fingerprint([target([difference('Deployment', ['spec', 'replicas'], 2, 4)])]),
    );
    const secret = (value: string, time: string) =>
      difference('Secret', ['data', 'password'], b64('a'), b64(value), time);
    expect(fingerprint([target([secret('one', 't1')])])).toBe(
      fingerprint([target([secret('two', 't1')])]),
    );
    expect(fingerprint([target([secret('one', 't1')])])).not.toBe(
      fingerprint([target([secret('one', 't2')])]),
    );
  });
});
