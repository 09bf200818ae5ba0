import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../test/env/fault-proxy.js';
import {
  env,
  exampleWorkspace,
  helms,
  history,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  scratch,
  storefrontInputs,
  testNamespace,
  uniquePath,
  writeFile,
  type AppImage,
  type PublishedChart,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * Every bad input ends in one clear message, and nothing is deployed: no
 * release revision is created. The image checks run inside the
 * post-renderer, which helm 3 starts as an executable and helm 4 as a plugin,
 * so they run with both.
 */

let image: AppImage;
let chart: PublishedChart;
let namespace = '';
let remove = async () => {};
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-bad')}/shop/storefront`, '1.0.0');
  chart = await publishExampleChart(helms()[0]!);
  ({ name: namespace, remove } = await testNamespace('deploy-bad'));
});
afterAll(() => remove());

const workspace = exampleWorkspace();
const inputs = (extra: Record<string, string> = {}) => storefrontInputs(namespace, image, extra);

/** The one error line the action printed, decoded. */
function failure(stdout: string): string {
  const line = stdout.split('\n').find((each) => each.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** A kubeconfig whose server is `server` (the environment's credentials). */
function kubeconfigFor(server: string): string {
  const text = readFileSync(env().kubeconfig, 'utf8').replace(
    /server: \S+/,
    `server: https://${server}`,
  );
  const file = join(scratch('kubeconfig'), 'config');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('values', () => {
  it('every unresolved placeholder of every values file and of set, with file and line, before the cluster is contacted', async () => {
    writeFile(
      workspace,
      'deploy/values-broken.yaml',
      'db:\n  host: "%%DB_HOST%%"\n  password: "%%DB_PASSWORD%%"\n',
    );
    const run = await runDeploy(helms()[0]!, workspace, {
      ...inputs({
        values: 'deploy/values.yaml\ndeploy/values-broken.yaml',
        set: 'region: "%%REGION%%"',
      }),
      kubeconfig: kubeconfigFor('127.0.0.1:1'),
    });
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toMatch(
      /^helm-deploy: 3 placeholders have no value:\n {2}- deploy\/values-broken\.yaml:2:10: %%DB_HOST%% has no value\..*\n {2}- deploy\/values-broken\.yaml:3:14: %%DB_PASSWORD%% has no value\..*\n {2}- input "set" \(region\): %%REGION%% has no value\./,
    );
    expect(
      run.annotations
        .filter((a) => a.properties.file === 'deploy/values-broken.yaml')
        .map((a) => a.properties.line),
    ).toEqual(['2', '3']);
  });

  it('a values file that does not exist is reported before helm is downloaded (the download host here cannot be reached)', async () => {
    const run = await runDeploy(helms()[0]!, workspace, {
      ...inputs({ values: 'deploy/values.yaml\ndeploy/valeus-dev.yaml' }),
      'helm-version': 'v3.99.0',
      'helm-download-url': 'http://127.0.0.1:9',
    });
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toContain('Values file deploy/valeus-dev.yaml does not exist.');
    expect(run.stdout).not.toContain('127.0.0.1:9');
  });
});

describe.each(helms())('images, through the $name post-renderer', (helm) => {
  const release = `bad-images-h${helm.major}`;

  it('an image tag that does not exist in the registry: named with the object and container that use it', async () => {
    const run = await runDeploy(helm, workspace, inputs({ release, image: `${image.name}:9.9.9` }));
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toBe(
      `helm-deploy: Image ${image.name}:9.9.9 does not exist in the registry (used by Deployment/${release}-storefront (container storefront)).\nHow to fix: Check the tag, or push ${image.name}:9.9.9 first.`,
    );
    expect(await history(helm, release, namespace)).toEqual([]);
  });

  it('an image pinned to a digest its registry does not have: named with the objects that use it', async () => {
    const absent = `sha256:${'0'.repeat(64)}`;
    const run = await runDeploy(
      helm,
      workspace,
      inputs({ release, image: `${image.name}@${absent}` }),
    );
    expect(run.exitCode).toBe(1);
    const repository = image.name.slice(`${env().registry}/`.length);
    expect(failure(run.stdout)).toBe(
      `helm-deploy: Image ${image.name}@${absent} is pinned to ${absent}, which ${env().registry} does not have: it answered that ${repository} holds no such manifest (used by Deployment/${release}-storefront (container storefront)).\nHow to fix: deploy a digest that exists (the \`ref\` output of the build-image run you mean), or push that image first; check the repository name as well as the digest.`,
    );
    expect(await history(helm, release, namespace)).toEqual([]);
  });

  it('latest is refused while allow-mutable-tags is false', async () => {
    const run = await runDeploy(
      helm,
      workspace,
      inputs({ release, image: `${image.name}:latest` }),
    );
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toMatch(
      new RegExp(
        `^helm-deploy: Image ${image.name}:latest \\(used by Deployment/${release}-storefront \\(container storefront\\)\\) is given only by the mutable tag "latest", which allow-mutable-tags: false refuses\\.`,
      ),
    );
    expect(await history(helm, release, namespace)).toEqual([]);
  });
});

describe('an image pinned by digest on a registry the runner cannot reach', () => {
  // A dry run: whether pods become ready says nothing about pinning.
  it('is taken as given, and a notice says it was not checked', async () => {
    const helm = helms()[0]!;
    const release = 'pinned-unreachable';
    const proxy = await FaultProxy.start({ target: env().registry });
    try {
      proxy.refuse();
      const pinned = `${proxy.address}/${image.name.slice(`${env().registry}/`.length)}@${image.digest}`;
      const run = await runDeploy(
        helm,
        workspace,
        inputs({ release, image: pinned, 'dry-run': 'true' }),
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.images).toBe(pinned);
      const notices = run.annotations.filter((a) => a.level === 'notice');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.properties.title).toBe('Pinned image not checked');
      expect(notices[0]!.message).toMatch(
        new RegExp(
          `^Image ${pinned} \\(used by Deployment/${release}-storefront \\(container storefront\\)\\) is deployed as pinned, without checking that its registry has that digest: Could not talk to registry ${proxy.address}: connect ECONNREFUSED`,
        ),
      );
      expect(run.summary).toContain(
        `${pinned} (as given, not checked: its registry could not be asked)`,
      );
      expect(run.outputs.status).toBe('dry-run');
    } finally {
      await proxy.close();
    }
  });
});

describe('the cluster and the chart', () => {
  const helm = helms()[0]!;

  it('an API server that cannot be reached is an outage that names it, with what to check', async () => {
    const proxy = await FaultProxy.start({ target: env().apiserver });
    try {
      proxy.refuse();
      const run = await runDeploy(helm, workspace, {
        ...inputs(),
        kubeconfig: kubeconfigFor(proxy.address),
      });
      expect(run.exitCode).toBe(1);
      expect(failure(run.stdout)).toMatch(
        new RegExp(
          `^helm-deploy: the Kubernetes API server https://${proxy.address} \\(.*\\) could not be reached after 4 attempts over \\d+\\.\\d s: connect ECONNREFUSED .*; nothing was deployed\\nThis is an outage or a network problem between this runner and that service, not a problem with your inputs: check the host name`,
        ),
      );
      expect(run.stdout).not.toContain('failed unexpectedly');
    } finally {
      await proxy.close();
    }
  });

  it('a user error while the API server cannot be reached: the step ends on it without waiting out the early check', async () => {
    // The API-server check starts before the values are read; the client would try it
    // 4 times (3 waits). Every connection is reset (transient: retried without the fix).
    const proxy = await FaultProxy.start({ target: env().apiserver });
    try {
      proxy.reset();
      const run = await runDeploy(helm, workspace, {
        ...inputs({ values: 'deploy/values.yaml\ndeploy/valeus-dev.yaml' }),
        kubeconfig: kubeconfigFor(proxy.address),
      });
      expect(run.exitCode).toBe(1);
      expect(failure(run.stdout)).toContain('Values file deploy/valeus-dev.yaml does not exist.');
      // The run has exited: any retry would have connected again before it could. The
      // check may have gone out once before the failure, never a second time.
      expect(proxy.stats().connections).toBeLessThanOrEqual(1);
    } finally {
      await proxy.close();
    }
  });

  it('a namespace that does not exist: said so, with how to create it, before helm runs', async () => {
    const missing = `${namespace}-missing`;
    const run = await runDeploy(helms()[0]!, workspace, inputs({ namespace: missing }));
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toBe(
      `helm-deploy: Namespace ${missing} (input "namespace") does not exist in the cluster ${readFileSync(env().kubeconfig, 'utf8').match(/server: (\S+)/)![1]}.\nHow to fix: create it before the first deploy (kubectl create namespace ${missing}; usually the platform team does), or set create-namespace: true (the kubeconfig's identity then needs the right to create namespaces).`,
    );
    expect(run.stdout).not.toContain('did not become ready');
    expect(await history(helms()[0]!, 'storefront', missing)).toEqual([]);
  });

  it('an OCI chart without a version', async () => {
    const run = await runDeploy(helm, workspace, inputs({ chart: chart.ref }));
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toBe(
      `helm-deploy: Chart ${chart.ref} has no version: input "chart-version" is empty and the reference names none.\nHow to fix: set "chart-version" to the chart version to deploy (the \`version\` output of helm-push); a deploy is pinned, never "the newest".`,
    );
  });

  it('an OCI chart version that was never published, with the versions that were', async () => {
    const run = await runDeploy(
      helm,
      workspace,
      inputs({ chart: chart.ref, 'chart-version': '0.9.0' }),
    );
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toMatch(
      new RegExp(
        `^helm-deploy: Chart ${chart.ref} has no version 0\\.9\\.0 \\(the newest there: ${chart.version.replace(/\./g, '\\.')}\\)\\.`,
      ),
    );
  });

  it('a kustomize overlay without a kustomization', async () => {
    writeFile(workspace, 'deploy/empty-overlay/README.md', 'nothing here\n');
    const run = await runDeploy(helm, workspace, inputs({ kustomize: 'deploy/empty-overlay' }));
    expect(run.exitCode).toBe(1);
    expect(failure(run.stdout)).toMatch(
      /^helm-deploy: \S+deploy\/empty-overlay \(input "kustomize"\) has no kustomization\.yaml\./,
    );
  });

  it('a kubeconfig given as content is masked, used, and removed', async () => {
    const content = readFileSync(env().kubeconfig, 'utf8');
    const run = await runDeploy(helm, workspace, {
      ...inputs({ 'dry-run': 'true' }),
      kubeconfig: content,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const key = /client-key-data: (\S+)/.exec(content)?.[1] ?? /token: (\S+)/.exec(content)?.[1];
    expect(key).toBeTruthy();
    expect(run.masked).toContain(key);
    const logged = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain(key!);
    expect(readdirSync(run.runnerTemp)).toEqual([]);
  });
});
