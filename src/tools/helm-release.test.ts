import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Helm, HelmHome } from './helm.js';

/**
 * A stand-in helm, kept for two answers a real helm cannot be made to give on
 * demand: losing an install race to another deploy that created the same
 * revision at the same moment ("release: already exists"), and another
 * operation in progress at the moment of the upgrade (for real it takes a
 * helm killed mid-operation at the right time; failures.itg.test.ts in
 * helm-deploy does that, and accepts either message). Everything else the
 * release commands do runs against the real helm 3 and helm 4 and the real
 * API server in helm-release.itg.test.ts.
 */
function fakeHelm(
  version: string,
  answer = '{"name":"web","namespace":"ns","version":3,"info":{"status":"deployed","description":"Upgrade complete"},"manifest":"---\\n","hooks":null}',
  exitCode = 0,
  stderr = '',
) {
  const dir = mkdtempSync(join(tmpdir(), 'pa-fake-helm-'));
  const log = join(dir, 'calls');
  const binary = join(dir, 'helm');
  writeFileSync(
    binary,
    `#!/bin/sh
if [ "$1" = version ]; then echo ${version}; exit 0; fi
echo "$* KUBECONFIG=$KUBECONFIG HELM_PLUGINS=$HELM_PLUGINS" >> '${log}'
printf '%s' '${answer.replace(/'/g, `'\\''`)}'
printf '%s' '${stderr}' >&2
exit ${exitCode}
`,
  );
  chmodSync(binary, 0o755);
  return { binary, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

const request = {
  release: 'web',
  namespace: 'shop-dev',
  chart: { ref: 'oci://reg.example.com/charts/web', version: '1.2.3', plainHttp: true },
  valuesFiles: ['/t/values-1.json', '/t/values-set.json'],
  wait: true,
  timeoutSeconds: 120,
  atomic: true,
  description: 'helm-deploy of abc',
  postRenderer: {
    helmArgs: ['--post-renderer', 'pipeline-actions-post-render'],
    env: { HELM_PLUGINS: '/t/plugins' },
  },
};

describe('helm release commands', () => {
  it('explain another operation in progress and a lost install race', async () => {
    const inProgress = fakeHelm(
      'v3.17.3',
      '',
      1,
      'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    );
    await expect(
      (await Helm.open(inProgress.binary, HelmHome.create())).upgradeInstall(request),
    ).rejects.toThrow(
      'Another operation on release web is in progress (another deploy, or one that was cancelled and left it pending).',
    );
    const raced = fakeHelm('v3.17.3', '', 1, 'Error: UPGRADE FAILED: release: already exists');
    await expect(
      (await Helm.open(raced.binary, HelmHome.create())).upgradeInstall(request),
    ).rejects.toThrow(/created the same revision at the same moment/);
  });
});
