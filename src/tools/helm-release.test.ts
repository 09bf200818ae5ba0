import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolError } from '../errors.js';
import { Helm, HelmHome } from './helm.js';

/**
 * The release commands' argv for each major, against a stand-in helm that
 * reports its version, records its arguments and environment, and answers
 * like helm does.
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
  it.each([
    [3, 'v3.17.3', '--wait --atomic'],
    [4, 'v4.1.4', '--wait=watcher --rollback-on-failure'],
  ])(
    'helm %i: upgrade --install with values reset, the post-renderer, and the failure flags of that major',
    async (_major, version, flags) => {
      const fake = fakeHelm(version);
      const helm = await Helm.open(fake.binary, HelmHome.create());
      helm.useKubeconfig('/t/kubeconfig');
      const release = await helm.upgradeInstall(request);
      expect(release).toMatchObject({
        name: 'web',
        revision: 3,
        status: 'deployed',
        manifest: '---\n',
        hooks: [],
      });
      const [call] = fake.calls();
      expect(call).toMatch(
        new RegExp(
          `^upgrade web oci://reg\\.example\\.com/charts/web --install --namespace shop-dev --reset-values --output json --version 1\\.2\\.3 --plain-http --values /t/values-1\\.json --values /t/values-set\\.json --description helm-deploy of abc --timeout 120s ${flags} --post-renderer pipeline-actions-post-render --registry-config .* KUBECONFIG=/t/kubeconfig HELM_PLUGINS=/t/plugins$`,
        ),
      );
    },
  );

  it('a dry run is server-side and neither waits nor rolls back', async () => {
    const fake = fakeHelm('v4.1.4');
    const helm = await Helm.open(fake.binary, HelmHome.create());
    await helm.upgradeInstall({ ...request, dryRun: true });
    expect(fake.calls()[0]).toContain('--dry-run=server --post-renderer');
    expect(fake.calls()[0]).not.toMatch(/--wait|--rollback-on-failure|--timeout/);
  });

  it('explains another operation in progress and a lost race; anything else is left to the caller', async () => {
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
    const timeout = fakeHelm('v3.17.3', '', 1, 'Error: UPGRADE FAILED: context deadline exceeded');
    await expect(
      (await Helm.open(timeout.binary, HelmHome.create())).upgradeInstall(request),
    ).rejects.toBeInstanceOf(ToolError);
  });

  it('history is empty for a release that does not exist, sorted otherwise', async () => {
    const missing = fakeHelm('v3.17.3', '', 1, 'Error: release: not found');
    expect(await (await Helm.open(missing.binary, HelmHome.create())).history('web', 'ns')).toEqual(
      [],
    );
    const some = fakeHelm(
      'v3.17.3',
      '[{"revision":2,"status":"deployed"},{"revision":1,"status":"superseded"}]',
    );
    expect(
      (await (await Helm.open(some.binary, HelmHome.create())).history('web', 'ns')).map(
        (r) => r.revision,
      ),
    ).toEqual([1, 2]);
  });
});
