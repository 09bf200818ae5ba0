import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVolume,
  exampleWorkspace,
  getObject,
  getWorkload,
  helmRelease,
  helms,
  history,
  kubectl,
  liveImages,
  pushAppImage,
  runDeploy,
  testNamespace,
  uniquePath,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * Customizing an upstream chart without forking it: the ledger test chart (a
 * StatefulSet with a volume claim template, an init container, a CronJob
 * behind a flag) deployed through a kustomize overlay that gives it a bigger
 * volume, more memory and CPU and JVM options. kwok does not provision
 * volumes, so each run brings a PersistentVolume of its own storage class for
 * the claim to bind to (the StatefulSet's pod is only scheduled once its claim
 * is bound). The release stays Helm's: history and rollback work on it.
 */

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-ledger')}/team/ledger`, '2.4.0');
});

describe.each(helms())('a kustomize overlay with $name', (helm) => {
  const workspace = exampleWorkspace();
  const storageClass = uniquePath(`ledger-h${helm.major}`).slice(0, 40);
  let namespace = '';
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const ns = await testNamespace(`deploy-overlay-h${helm.major}`);
    namespace = ns.name;
    cleanups.push(ns.remove, await createVolume(`${storageClass}-pv`, storageClass));
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const inputs = (set: string) => ({
    chart: 'ledger/chart',
    release: 'ledger',
    namespace,
    kustomize: 'ledger/overlay',
    set: `image: "${image.name}:${image.tag}"\npersistence.storageClassName: ${storageClass}\n${set}`,
  });

  it('shows up in the live objects: a bigger volume, more memory and CPU, JAVA_OPTS; every image pinned', async () => {
    const run = await runDeploy(helm, workspace, inputs(''));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ release: 'ledger', revision: '1', status: 'deployed' });

    const { spec } = await getWorkload('statefulset', 'ledger-ledger', namespace);
    const container = spec.template.spec.containers[0];
    expect(container?.resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { memory: '2Gi' },
    });
    expect(container?.env).toEqual([
      { name: 'JAVA_OPTS', value: '-Xms512m -Xmx1536m' },
      { name: 'LEDGER_DATA', value: '/data' },
    ]);
    expect(spec.volumeClaimTemplates?.[0]?.spec.resources.requests.storage).toBe('2Gi');
    // The chart's octal file mode survived the post-renderer as the number it means.
    expect(spec.template.spec.volumes?.[0]?.configMap?.defaultMode).toBe(0o644);

    const claim = await getObject('pvc', 'data-ledger-ledger-0', namespace);
    expect(claim.spec).toMatchObject({
      resources: { requests: { storage: '2Gi' } },
      storageClassName: storageClass,
    });
    expect((claim.status as { phase: string }).phase).toBe('Bound');

    const pinned = `${image.name}:${image.tag}@${image.digest}`;
    const images = await liveImages(namespace);
    expect(images).toMatchObject({
      'StatefulSet/ledger-ledger prepare': pinned,
      'StatefulSet/ledger-ledger ledger': pinned,
      'Pod/ledger-ledger-0 prepare': pinned,
      'Pod/ledger-ledger-0 ledger': pinned,
    });
  });

  it('a second revision adds a CronJob, pinned too; helm history and helm rollback work on the release', async () => {
    const run = await runDeploy(helm, workspace, inputs('migrations.enabled: true'));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ revision: '2', status: 'deployed', changed: 'true' });
    expect(run.summary).toContain('+ CronJob/ledger-ledger-compact (new)');
    expect(await liveImages(namespace)).toMatchObject({
      'CronJob/ledger-ledger-compact compact': `${image.name}:${image.tag}@${image.digest}`,
    });

    await helmRelease(helm, [
      'rollback',
      'ledger',
      '1',
      '-n',
      namespace,
      '--wait',
      '--timeout',
      '90s',
    ]);
    expect((await history(helm, 'ledger', namespace)).map((r) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);
    const cronJobs = await kubectl(['get', 'cronjobs', '-n', namespace, '-o', 'name']);
    expect(cronJobs.trim()).toBe('');
    const [rolledBack] = (await getWorkload('statefulset', 'ledger-ledger', namespace)).spec
      .template.spec.containers;
    expect(rolledBack?.env?.[0]).toEqual({ name: 'JAVA_OPTS', value: '-Xms512m -Xmx1536m' });
  });
});
