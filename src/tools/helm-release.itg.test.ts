import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { env, helms, kubectl, scratch, testNamespace } from '../../test/fixtures/deploy/harness.js';
import { writeRevisions } from '../../test/support/helm-storage.js';
import { UserError } from '../errors.js';
import { Helm, HelmHome, type UpgradeRequest } from './helm.js';

/**
 * The release commands of the Helm wrapper against the real helm 3 and helm
 * 4 and the real API server: upgrade --install with the failure flags of
 * each major (each major refuses the other's), a server-side dry run that
 * leaves no revision, and history. The chart holds only a ConfigMap, so
 * nothing waits for pods. Another operation in progress and a lost race
 * for a revision ("release: already exists") are made on demand in Helm's
 * storage: a pending revision written as helm writes it
 * (test/support/helm-storage.ts), and the storage Secret of the next
 * revision created by someone else between helm's read of the history and
 * its write (without helm's labels, so the read does not see it).
 */

const homes: HelmHome[] = [];
afterEach(() => homes.splice(0).forEach((home) => home.dispose()));

let namespace = '';
let remove = async () => {};
let chart = '';
let values = '';
beforeAll(async () => {
  ({ name: namespace, remove } = await testNamespace('helm-release'));
  chart = scratch('release-chart');
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: settings\nversion: 1.2.3\n');
  writeFileSync(
    join(chart, 'templates', 'config.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  );
  values = join(scratch('release-values'), 'values.json');
  writeFileSync(values, '{"greeting":"hello"}');
});
afterAll(() => remove());

async function open(binary: string): Promise<Helm> {
  const home = HelmHome.create();
  homes.push(home);
  const helm = await Helm.open(binary, home);
  helm.useKubeconfig(env().kubeconfig);
  return helm;
}

describe.each(helms())('helm release commands with $name', ({ binary, major }) => {
  const release = `settings-h${major}`;
  const request = (): UpgradeRequest => ({
    release,
    namespace,
    chart: { ref: chart },
    valuesFiles: [values],
    wait: true,
    timeoutSeconds: 60,
    atomic: true,
    description: 'helm-deploy of abc',
  });

  it('history is empty for a release that does not exist', async () => {
    const helm = await open(binary);
    expect(await helm.history(release, namespace)).toEqual([]);
  });

  it('a dry run is server-side and leaves no revision', async () => {
    const helm = await open(binary);
    const planned = await helm.upgradeInstall({ ...request(), dryRun: true });
    expect(planned.manifest).toContain('greeting: "hello"');
    expect(await helm.history(release, namespace)).toEqual([]);
  });

  it('upgrade --install with values, waiting and rolling back on failure by the flags of this major; history sorted', async () => {
    const helm = await open(binary);
    const first = await helm.upgradeInstall(request());
    expect(first).toMatchObject({ name: release, revision: 1, status: 'deployed', hooks: [] });
    expect(first.manifest).toContain('greeting: "hello"');
    await helm.upgradeInstall(request());
    const history = await helm.history(release, namespace);
    expect(history.map((r) => [r.revision, r.status, r.description])).toEqual([
      [1, 'superseded', 'helm-deploy of abc'],
      [2, 'deployed', 'helm-deploy of abc'],
    ]);
  });

  it('explains another operation in progress, changing nothing', async () => {
    const helm = await open(binary);
    const busy = { ...request(), release: `busy-h${major}` };
    await helm.upgradeInstall(busy);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await writeRevisions(env(), namespace, busy.release, [
      { status: 'deployed', updated: hourAgo },
      { status: 'pending-upgrade', updated: hourAgo },
    ]);
    const error = await helm.upgradeInstall(busy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Another operation on release ${busy.release} is in progress (another deploy, or one that was cancelled and left it pending).`,
    );
    expect((await helm.history(busy.release, namespace)).map((r) => r.status)).toEqual([
      'deployed',
      'pending-upgrade',
    ]);
  });

  it.each([
    ['an install', 1],
    ['an upgrade', 2],
  ])('explains %s that lost the race for its revision', async (_, revision) => {
    const helm = await open(binary);
    const raced = { ...request(), release: `raced-h${major}-v${revision}` };
    if (revision > 1) await helm.upgradeInstall(raced);
    // The other deploy's Secret, created after helm read the history.
    await kubectl(
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'helm.sh/release.v1',
        metadata: { name: `sh.helm.release.v1.${raced.release}.v${revision}`, namespace },
        data: { release: '' },
      }),
    );
    const error = await helm.upgradeInstall(raced).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Another deploy of release ${raced.release} created the same revision at the same moment; this one stopped before changing anything.`,
    );
    // Before changing anything: a lost install created none of the chart's objects.
    if (revision === 1) {
      expect(
        await kubectl(['get', 'configmap', raced.release, '-n', namespace, '--ignore-not-found']),
      ).toBe('');
    }
  });
});
