import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  exampleWorkspace,
  helms,
  pushAppImage,
  scratch,
  testNamespace,
  uniquePath,
  type AppImage,
} from '../../test/fixtures/deploy/harness.js';
import { Helm, HelmHome } from '../tools/helm.js';
import { PlaceholderContext } from '../template/context.js';
import { NODE24, REPO_ROOT } from '../../test/support/runner.js';
import { prepareRelease, renderDesired, type PreparedRelease } from './release.js';
import type { KubeObject } from '../kube/objects.js';

/**
 * The library drift-check builds on: the desired state of a release rendered
 * the three ways the chain can run (helm's server-side dry run through the
 * action's bundle as helm's post-renderer; `helm template` through it; and
 * `helm template` with the chain in process) is one and the same, overlay
 * applied and images pinned, with helm 3 and helm 4.
 */

let image: AppImage;
let namespace = '';
let remove = async () => {};
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('render-lib')}/team/ledger`, '2.4.0');
  ({ name: namespace, remove } = await testNamespace('render-lib'));
});
afterAll(() => remove());

const byName = (objects: KubeObject[]) =>
  Object.fromEntries(objects.map((object) => [`${object.kind}/${object.metadata?.name}`, object]));

describe.each(helms())('renderDesired with $name', (helm) => {
  const workspace = exampleWorkspace();
  const prepared: PreparedRelease[] = [];
  afterAll(() => prepared.forEach((each) => each.dispose()));

  async function setup(inProcess: boolean) {
    const cli = await Helm.open(helm.binary, HelmHome.create());
    cli.useKubeconfig(env().kubeconfig);
    const release = prepareRelease({
      helm: cli,
      workspace,
      scratch: scratch('render'),
      values: {
        files: [],
        set: { image: `${image.name}:${image.tag}`, 'persistence.storageClassName': 'none' },
      },
      context: new PlaceholderContext(),
      postRender: {
        kustomize: { overlay: join(workspace, 'ledger', 'overlay'), kubectl: env().kubectl },
        allowMutableTags: false,
        registries: {},
        annotations: { 'pipeline-actions.dev/commit': 'abc' },
      },
      entry: inProcess
        ? undefined
        : {
            command: NODE24,
            args: [join(REPO_ROOT, 'actions', 'helm-deploy', 'dist', 'index.js')],
          },
    });
    prepared.push(release);
    return { cli, release };
  }

  it('is the same through helm (server and client) and in process: overlay applied, images pinned', async () => {
    const target = {
      release: 'ledger',
      namespace,
      chart: { ref: join(workspace, 'ledger', 'chart') },
    };
    const hooked = await setup(false);
    const server = await renderDesired(hooked.cli, target, hooked.release, 'server');
    const client = await renderDesired(hooked.cli, target, hooked.release, 'client');
    const local = await setup(true);
    const inProcess = await renderDesired(local.cli, target, local.release, 'client');

    const pinned = `${image.name}:${image.tag}@${image.digest}`;
    for (const state of [server, client, inProcess]) {
      expect(state.images.map((each) => each.pinned)).toEqual([pinned]);
      const statefulSet = byName(state.objects)['StatefulSet/ledger-ledger'];
      expect(JSON.stringify(statefulSet)).toContain(pinned);
      expect(JSON.stringify(statefulSet)).toContain('JAVA_OPTS');
      expect(statefulSet?.metadata?.annotations).toEqual({ 'pipeline-actions.dev/commit': 'abc' });
    }
    expect(byName(client.objects)).toEqual(byName(server.objects));
    expect(byName(inProcess.objects)).toEqual(byName(server.objects));
    // The server-side dry run changed nothing.
    expect(server.release?.status).toBe('pending-install');
  });
});
