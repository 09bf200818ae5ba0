import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
import type { ActionRun } from '../../../test/support/runner.js';

/**
 * A sentinel secret passed every way a user can pass one to helm-deploy — a
 * secret-looking placeholder from the workflow's env:, a `set:` value under a
 * secret-looking key, the registry password — is masked and appears in no
 * output, summary, annotation or log line (only in the `::add-mask::` command
 * that masks it), through an install and a dry run whose diff changes it.
 */

const SENTINELS = {
  placeholder: 'sentinel-placeholder-7f3a',
  set: 'sentinel-set-9b1c',
  setChanged: 'sentinel-set-changed-2d4e',
  registry: 'sentinel-registry-5e6f',
};

/** Every place a run can show text, except the add-mask commands themselves. */
function leaks(run: ActionRun, secret: string): string[] {
  const found: string[] = [];
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    if (line.includes(secret) && !line.startsWith('::add-mask::')) found.push(`log: ${line}`);
  }
  if (run.summary.includes(secret)) found.push('job summary');
  for (const [name, value] of Object.entries(run.outputs)) {
    if (value.includes(secret)) found.push(`output ${name}`);
  }
  for (const annotation of run.annotations) {
    if (JSON.stringify(annotation).includes(secret))
      found.push(`annotation: ${annotation.message}`);
  }
  return found;
}

let image: AppImage;
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-secrets')}/shop/storefront`, '1.0.0');
});

describe.each(helms())(
  'helm-deploy with $name keeps secrets out of everything it writes',
  (helm) => {
    const workspace = exampleWorkspace();
    writeFile(workspace, 'deploy/values-secret.yaml', "env:\n  DB_PASSWORD: '%%DB_PASSWORD%%'\n");
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
      ...extra,
    });
    const secretEnv = { DB_PASSWORD: SENTINELS.placeholder };

    it('an install: every sentinel masked, none shown anywhere, the values reach the cluster', async () => {
      const run = await runDeploy(helm, workspace, inputs(SENTINELS.set), secretEnv);
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      for (const secret of [SENTINELS.placeholder, SENTINELS.set, SENTINELS.registry]) {
        expect(run.masked, `${secret} masked`).toContain(secret);
        expect(leaks(run, secret), secret).toEqual([]);
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

    it('a dry run whose diff changes the secret: the diff says it changed, never to or from what', async () => {
      const run = await runDeploy(
        helm,
        workspace,
        inputs(SENTINELS.setChanged, { 'dry-run': 'true' }),
        secretEnv,
      );
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.summary).toContain('API_TOKEN');
      for (const secret of Object.values(SENTINELS)) {
        expect(leaks(run, secret), secret).toEqual([]);
      }
    });
  },
);
