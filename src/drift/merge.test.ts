import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReports } from './merge.js';
import { emptyCounts, type DriftReport, type TargetReport } from './report.js';

function target(release: string, status: TargetReport['status']): TargetReport {
  return {
    release,
    namespace: 'ns',
    chart: 'chart',
    status,
    counts: emptyCounts(),
    changes: [],
    ignored: [],
    unusedRules: [],
  };
}

function report(shard: string, targets: TargetReport[]): DriftReport {
  return {
    version: 1,
    environment: 'dev',
    app: 'shop',
    shard,
    generatedAt: '',
    status: 'clean',
    count: 0,
    fingerprint: '',
    targets,
    rules: [{ id: 'r', reason: '', builtIn: true, suppressed: 1 }],
    requests: { discovery: 1, list: 2, apply: 0, patch: 0, total: 3 },
    durationMs: 10,
  };
}

function dirWith(reports: DriftReport[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'merge-'));
  for (const [index, each] of reports.entries()) {
    mkdirSync(join(dir, `shard-${index}`));
    writeFileSync(join(dir, `shard-${index}`, 'drift-report-dev.json'), JSON.stringify(each));
  }
  return dir;
}

describe('mergeReports', () => {
  it('merges every shard of an app and environment into one report', () => {
    const merged = mergeReports(
      dirWith([report('1/2', [target('b', 'clean')]), report('2/2', [target('a', 'clean')])]),
      'dev',
      'shop',
    );
    expect(merged.status).toBe('clean');
    expect(merged.targets.map((each) => each.release)).toEqual(['a', 'b']);
    expect(merged.requests.total).toBe(6);
    expect(merged.rules[0]?.suppressed).toBe(2);
  });

  it('a missing shard, or a shard with an error, is an error: never "no drift"', () => {
    const missing = mergeReports(dirWith([report('1/2', [target('a', 'clean')])]), 'dev');
    expect(missing).toMatchObject({ status: 'error', missingShards: ['2/2'] });
    const failed = mergeReports(
      dirWith([report('1/2', [target('a', 'error')]), report('2/2', [])]),
      'dev',
    );
    expect(failed.status).toBe('error');
  });
});
