import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  env,
  exampleWorkspace,
  getObject,
  helms,
  pushAppImage,
  runDeploy,
  testNamespace,
  uniquePath,
  writeFile,
  type AppImage,
} from '../../../test/fixtures/deploy/harness.js';
import {
  kubeconfigCredentials,
  kubeconfigWithToken,
  leaks,
  sentinelName,
} from '../../../test/support/sentinels.js';

/**
 * A sentinel secret passed every way a user can pass one to helm-deploy — a
 * secret-looking placeholder from the workflow's env: (also inside a value
 * named like no secret, a connection string), a `set:` value under a
 * secret-looking key, the registry password, the kubeconfig's client key
 * and certificate, token, token file, exec-plugin token or basic-auth password — is masked and
 * appears in no output, summary, annotation, log line or file left in
 * RUNNER_TEMP (only in the `::add-mask::` command that masks it), through
 * an install, a dry run whose diff changes (rotates) each secret, and runs
 * that fail.
 */

const SENTINELS = {
  placeholder: 'sentinel-placeholder-7f3a',
  placeholderRotated: 'sentinel-placeholder-rotated-8c2b',
  set: 'sentinel-set-9b1c',
  setChanged: 'sentinel-set-changed-2d4e',
  registry: 'sentinel-registry-5e6f',
  kubeconfigToken: 'sentinel-kubeconfig-token-3a9d',
  tokenFile: 'sentinel-token-file-6b0c',
  execToken: 'sentinel-exec-token-7c5a',
  password: 'sentinel-kubeconfig-password-deploy-4e6b',
};

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-secrets')}/shop/storefront`, '1.0.0');
});

describe.each(helms())(
  'helm-deploy with $name keeps secrets out of everything it writes',
  (helm) => {
    const workspace = exampleWorkspace();
    writeFile(
      workspace,
      'deploy/values-secret.yaml',
      "env:\n  DB_PASSWORD: '%%DB_PASSWORD%%'\n  DB_URL: 'postgres://shop:%%DB_PASSWORD%%@db:5432/shop'\n",
    );
    let namespace = '';
    let remove = async () => {};
    beforeAll(async () => {
      ({ name: namespace, remove } = await testNamespace(`deploy-secrets-h${helm.major}`));
    });
    afterAll(() => remove());

    const inputs = (token: string, extra: Record<string, string> = {}) => ({
      chart: 'chart',
      namespace,
      values: 'deploy/values.yaml\ndeploy/values-dev.yaml\ndeploy/values-secret.yaml',
      image: `${image.name}:${image.tag}`,
      'build-version': '1.0.0',
      set: `env.API_TOKEN: ${token}`,
      'registry-username': 'ci',
      'registry-password': SENTINELS.registry,
      // What is checked is text, not a rollout: no wait for pods the shared cluster may not schedule.
      wait: 'false',
      atomic: 'false',
      ...extra,
    });
    const secretEnv = { DB_PASSWORD: SENTINELS.placeholder };

    it('an install: every sentinel masked, none shown anywhere, the values reach the cluster', async () => {
      const run = await runDeploy(helm, workspace, inputs(SENTINELS.set), secretEnv);
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      for (const secret of [
        SENTINELS.placeholder,
        SENTINELS.set,
        SENTINELS.registry,
        ...kubeconfigCredentials(env().kubeconfig),
      ]) {
        expect(run.masked, `${sentinelName(secret)} masked`).toContain(secret);
        expect(leaks(run, secret), sentinelName(secret)).toEqual([]);
      }
      // Masked, not lost: the deployed pod template holds both values.
      const deployment = await getObject('deployment', 'storefront', namespace);
      const container = (deployment.spec as any).template.spec.containers[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const values = Object.fromEntries(
        (container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
      );
      expect(values).toMatchObject({
        DB_PASSWORD: SENTINELS.placeholder,
        API_TOKEN: SENTINELS.set,
      });
    });

    it('a dry run whose diff changes every secret: the diff says each changed, never to or from what', async () => {
      const run = await runDeploy(
        helm,
        workspace,
        // The kubeconfig as content this time (written 0600 into RUNNER_TEMP, removed after).
        inputs(SENTINELS.setChanged, {
          'dry-run': 'true',
          kubeconfig: readFileSync(env().kubeconfig, 'utf8'),
        }),
        { DB_PASSWORD: SENTINELS.placeholderRotated },
      );
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      // DB_URL is named like no secret: the diff hides it because it holds one (the old one too).
      for (const name of ['API_TOKEN', 'DB_PASSWORD', 'DB_URL']) {
        expect(run.summary).toMatch(
          new RegExp(`env\\[name=${name}\\]\\.value: \\(secret value changed, not shown\\)`),
        );
      }
      for (const credential of kubeconfigCredentials(env().kubeconfig)) {
        expect(run.masked, `${sentinelName(credential)} masked`).toContain(credential);
      }
      for (const secret of [
        ...Object.values(SENTINELS),
        ...kubeconfigCredentials(env().kubeconfig),
      ]) {
        expect(leaks(run, secret), sentinelName(secret)).toEqual([]);
      }
    });

    it.each([
      ['the kubeconfig token', 'token', SENTINELS.kubeconfigToken],
      ['the token of a tokenFile', 'tokenFile', SENTINELS.tokenFile],
      ['the token an exec credential plugin prints', 'exec', SENTINELS.execToken],
      ['a basic-auth password', 'password', SENTINELS.password],
    ] as const)(
      'a run that fails (the API server refuses %s): nothing shown either',
      async (_, how, token) => {
        const kubeconfig = kubeconfigWithToken(env().kubeconfig, token, how);
        const run = await runDeploy(
          helm,
          workspace,
          inputs(SENTINELS.set, { kubeconfig }),
          secretEnv,
        );
        expect(run.exitCode).toBe(1);
        expect(run.stdout).toMatch(/Unauthorized|401|forbidden/);
        expect(run.masked, run.stdout.slice(-2500)).toContain(token);
        for (const secret of Object.values(SENTINELS)) {
          expect(leaks(run, secret), secret).toEqual([]);
        }
      },
    );
  },
);
