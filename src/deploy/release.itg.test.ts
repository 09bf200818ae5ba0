import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  getObject,
  helms,
  scratch,
  testNamespace,
  writeFile,
} from '../../test/fixtures/deploy/harness.js';
import { Exec } from '../exec.js';
import { KubeClient } from '../kube/client.js';
import { loadKubeconfig } from '../kube/config.js';
import { Helm, HelmHome } from '../tools/helm.js';
import { helmReleases, releaseReader, storedReleases } from './release.js';
import { ReleaseStorage } from '../release/storage.js';

/**
 * helm-deploy reads a release's history and manifests from Helm's storage
 * in process: against the real helm 3 and helm 4, with both drivers that
 * keep releases in the cluster, the reader gives exactly what `helm history`
 * and `helm get manifest` give; the client's reads of live objects give
 * what `kubectl get` gives, leaving out what does not exist.
 */

const chart = scratch('reader-chart');
writeFile(chart, 'Chart.yaml', 'apiVersion: v2\nname: notes\nversion: 0.1.0\nappVersion: "2.0"\n');
writeFile(
  chart,
  'templates/configmap.yaml',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  note: {{ .Values.note | quote }}\n',
);

const helmHome = scratch('reader-helm-home');
const client = new KubeClient(loadKubeconfig(env().kubeconfig));
const homes: HelmHome[] = [];
afterAll(() => client.close());
afterEach(() => homes.splice(0).forEach((home) => home.dispose()));

async function install(binary: string, namespace: string, driver: string, note: string) {
  await Exec.check(
    binary,
    ['upgrade', 'notes', chart, '--install', '-n', namespace, '--set', `note=${note}`],
    {
      silent: true,
      env: { KUBECONFIG: env().kubeconfig, HELM_DRIVER: driver, HELM_CONFIG_HOME: helmHome },
    },
  );
}

describe.each(helms())('the release read in process, $name', (helm) => {
  let namespace = '';
  let remove = async () => {};
  beforeAll(async () => {
    ({ name: namespace, remove } = await testNamespace(`reader-h${helm.major}`));
  });
  afterAll(() => remove());

  it.each(['secret', 'configmap'] as const)(
    'driver %s: the history and every manifest are those helm reads',
    async (driver) => {
      const ns = namespace;
      const release = 'notes';
      for (const note of ['one', 'two', 'three']) await install(helm.binary, ns, driver, note);
      const home = HelmHome.create();
      homes.push(home);
      const wrapper = await Helm.open(helm.binary, home);
      wrapper.useKubeconfig(env().kubeconfig);
      const previous = process.env.HELM_DRIVER;
      process.env.HELM_DRIVER = driver;
      try {
        const byHelm = helmReleases(wrapper);
        const inProcess = storedReleases(new ReleaseStorage(client, driver));
        const history = await byHelm.history(release, ns);
        expect(history.map((revision) => revision.status)).toEqual([
          'superseded',
          'superseded',
          'deployed',
        ]);
        expect(await inProcess.history(release, ns)).toEqual(history);
        // What helm-deploy picks for the driver helm uses.
        expect(await releaseReader(wrapper, client).history(release, ns)).toEqual(history);
        for (const { revision } of history) {
          // helm prints the stored manifest and a newline.
          expect(`${await inProcess.manifest(release, ns, revision)}\n`).toBe(
            await byHelm.manifest(release, ns, revision),
          );
        }
        // Read on its own (no history listed first): one GET, the same manifest.
        const fresh = storedReleases(new ReleaseStorage(client, driver));
        expect(`${await fresh.manifest(release, ns, 2)}\n`).toBe(
          await byHelm.manifest(release, ns, 2),
        );
        expect(await inProcess.history('absent', ns)).toEqual([]);
        expect(await inProcess.manifest('absent', ns, 1)).toBeUndefined();
      } finally {
        if (previous === undefined) delete process.env.HELM_DRIVER;
        else process.env.HELM_DRIVER = previous;
        await Exec.run(helm.binary, ['uninstall', 'notes', '-n', ns], {
          silent: true,
          env: { KUBECONFIG: env().kubeconfig, HELM_DRIVER: driver, HELM_CONFIG_HOME: helmHome },
        });
      }
    },
  );

  it('live objects as kubectl gets them; missing ones and unserved kinds left out', async () => {
    await install(helm.binary, namespace, 'secret', 'live');
    const live = await client.getObjects(
      [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'notes' },
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'absent' },
        { apiVersion: 'v1', kind: 'Namespace', name: namespace },
        { apiVersion: 'example.com/v1', kind: 'Widget', name: 'notes' },
      ],
      namespace,
    );
    expect(live).toEqual([
      await getObject('ConfigMap', 'notes', namespace),
      await getObject('Namespace', namespace, namespace),
    ]);
  });
});
