import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { fingerprint, type DriftReport } from './report.js';

/**
 * The reports of the shards of one app and environment, merged into the one
 * report its single issue is kept from. A shard that is missing (its job
 * failed before writing a report) or that could not check everything makes
 * the whole an error: a merge never turns a gap into "no drift".
 */

export function mergeReports(dir: string, environment: string, app?: string): DriftReport {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`merge-reports names ${dir}, which is not a directory.`, {
      fix: 'download the shard jobs’ drift reports into one directory and pass its path.',
    });
  }
  const files = walk(dir).filter((file) => file.endsWith('.json'));
  const reports = files.map((file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as DriftReport;
    } catch (error) {
      throw new UserError(`${file} is not a drift report (not JSON).`, { cause: error });
    }
  });
  const mine = reports.filter(
    (report) => report.environment === environment && (app === undefined || report.app === app),
  );
  if (mine.length === 0) {
    throw new UserError(
      `${dir} holds no drift report of environment "${environment}"${app ? ` and app ${app}` : ''}.`,
      {
        fix: "check that every shard job uploaded its report (drift-check's report output).",
      },
    );
  }
  const count = mine[0]?.shard ? Number(mine[0].shard.split('/')[1]) : 1;
  const seen = new Set(mine.map((report) => report.shard ?? '1/1'));
  const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter(
    (shard) => !seen.has(shard),
  );
  const targets = mine
    .flatMap((report) => report.targets)
    .sort((a, b) => `${a.namespace}/${a.release}`.localeCompare(`${b.namespace}/${b.release}`));
  const rules = new Map<string, DriftReport['rules'][number]>();
  for (const rule of mine.flatMap((report) => report.rules)) {
    const known = rules.get(rule.id);
    rules.set(rule.id, known ? { ...known, suppressed: known.suppressed + rule.suppressed } : rule);
  }
  const requests = { discovery: 0, list: 0, apply: 0, patch: 0, total: 0 };
  for (const report of mine)
    for (const key of Object.keys(requests) as (keyof typeof requests)[])
      requests[key] += report.requests[key] ?? 0;
  const total = targets.reduce((sum, target) => sum + target.changes.length, 0);
  const error =
    missing.length > 0 ||
    mine.some((report) => report.status === 'error') ||
    targets.some((target) => target.status === 'error');
  const first = mine[0] as DriftReport;
  return {
    ...first,
    shard: undefined,
    status: error ? 'error' : total > 0 ? 'drifted' : 'clean',
    count: total,
    fingerprint: fingerprint(targets),
    targets,
    rules: [...rules.values()],
    requests,
    durationMs: Math.max(...mine.map((report) => report.durationMs)),
    generatedAt: new Date().toISOString(),
    ...(missing.length > 0 ? { missingShards: missing } : {}),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
