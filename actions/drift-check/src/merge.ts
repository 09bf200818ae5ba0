import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../../../src/errors.js';
import { mergeReports } from '../../../src/drift/merge.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { appKey, appKeyText } from '../../../src/record/app-key.js';
import type { Inputs } from './inputs.js';
import type { Checked } from './stage.js';

/** The shards' reports as one: the issue of an app and environment is kept from all of them. */
export async function mergeShards(inputs: Inputs): Promise<Checked> {
  const environment = inputs.environment;
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const file = resolve(workspace, inputs.manifest);
  const manifest = existsSync(file)
    ? await loadManifest(file, { displayPath: inputs.manifest })
    : undefined;
  const report = mergeReports(
    inputs['merge-reports'] ?? '',
    environment,
    manifest
      ? appKeyText(appKey(manifest.application.name, workspace, inputs.manifest))
      : undefined,
  );
  const reportPath = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `drift-report-${environment.replace(/[^\w.-]/g, '_')}.json`,
  );
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const errors: unknown[] = report.targets
    .filter((target) => target.status === 'error')
    .map(
      (target) => new UserError(`${target.release} in ${target.namespace}: ${target.error ?? ''}`),
    );
  if (report.missingShards?.length) {
    errors.push(
      new UserError(`No report from shard ${report.missingShards.join(', ')}.`, {
        fix: 'see the failed shard jobs; their releases were not checked.',
      }),
    );
  }
  return { report, reportPath, errors };
}
