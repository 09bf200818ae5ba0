import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  recordLabels,
  recordObject,
  RECORD_VERSION,
  type DeployRecord,
} from '../../src/record/record.js';

/**
 * The arguments of a `helm install` that stores a release with the deploy
 * record helm-deploy writes (src/record): the record object appended to the
 * manifest by a post-renderer, its short keys as release labels. For tests
 * and benchmarks that need recorded releases without running helm-deploy.
 * `dir` holds the post-renderer and one record file per release.
 */
export function recordedInstallArgs(
  record: DeployRecord,
  options: { chart: string; kubeconfig: string; dir: string },
): string[] {
  const postRenderer = join(options.dir, 'append-record.sh');
  if (!existsSync(postRenderer)) {
    writeFileSync(postRenderer, '#!/bin/sh\ncat\nprintf \'\\n---\\n\'\ncat "$1"\n', {
      mode: 0o755,
    });
  }
  const file = join(options.dir, `${record.namespace}-${record.release}.json`);
  writeFileSync(file, JSON.stringify(recordObject(record)));
  const labels = Object.entries(recordLabels(record))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return [
    'install',
    record.release,
    options.chart,
    '-n',
    record.namespace,
    '--labels',
    labels,
    '--post-renderer',
    postRenderer,
    '--post-renderer-args',
    file,
    '--kubeconfig',
    options.kubeconfig,
  ];
}

/** A deploy record of app `shop` from the chart directory `chart`, for tests that need one. */
export function shopRecord(release: string, namespace: string, environment: string): DeployRecord {
  return {
    version: RECORD_VERSION,
    app: { name: 'shop', dir: '.' },
    environment,
    release,
    namespace,
    chart: { ref: 'chart' },
    images: [],
    build: {},
    deployedAt: '2026-01-01T00:00:00Z',
    request: {
      hash: 'h',
      chart: 'chart',
      values: [],
      set: {},
      allowMutableTags: false,
      manifest: 'default.json',
    },
  };
}
