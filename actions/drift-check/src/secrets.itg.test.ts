import { appendFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  kubeconfigCredentials as credentialsOf,
  kubeconfigWithToken,
  leaks,
  sentinelName,
} from '../../../test/support/sentinels.js';
import {
  env,
  helms,
  kubectlIn,
  shopImage,
  shopRelease,
  type DriftRun,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';
import { writeFile } from '../../../test/fixtures/deploy/harness.js';

/**
 * A sentinel secret passed every way a user can pass one to drift-check —
 * the GitHub token, the webhook URL (its path is the secret of an incoming
 * webhook), the registry password (used as it renders), the kubeconfig's
 * client key and certificate, token, token file, exec-plugin token or basic-auth password, a
 * `set:` value of its own config under a secret-looking key, a
 * secret-looking placeholder from the workflow's env: (both also inside a
 * value named like no secret, a connection string) — is masked and appears
 * in no log line, summary, output, annotation, report, issue, webhook
 * message or file left in RUNNER_TEMP: when drift is found and reported,
 * when the webhook fails, when Git's render holds the secrets, and when the
 * API server refuses the credentials.
 */

const SENTINELS = {
  github: 'ghs_sentinelGithubToken4c1d',
  webhook: 'sentinel-webhook-path-6e2a',
  registry: 'sentinel-registry-drift-1b7f',
  kubeconfigToken: 'sentinel-kubeconfig-token-drift-9d3c',
  tokenFile: 'sentinel-token-file-drift-5f8e',
  execToken: 'sentinel-exec-token-drift-3f9b',
  password: 'sentinel-kubeconfig-password-drift-4e6b',
  set: 'sentinel-set-drift-2a7c',
  placeholder: 'sentinel-placeholder-drift-8e1b',
};

const kubeconfigCredentials = () => credentialsOf(env().kubeconfig);

/** An incoming-webhook receiver (its path holds the secret): records each body, answers `status`. */
class Webhook {
  bodies: string[] = [];
  status = 200;
  url = '';
  private server: Server | undefined;

  static async start(): Promise<Webhook> {
    const hook = new Webhook();
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        hook.bodies.push(body);
        response.writeHead(hook.status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    hook.server = server;
    hook.url = `http://127.0.0.1:${port}/hooks/${SENTINELS.webhook}`;
    return hook;
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

let github: GitHubDouble;
let webhook: Webhook;
let shop: ShopRelease;

beforeAll(async () => {
  github = await GitHubDouble.start({ token: SENTINELS.github });
  webhook = await Webhook.start();
  shop = await shopRelease(helms()[0]!, github, await shopImage());
  // No wait: what is compared is the objects, not their pods.
  const deployed = await shop.deploy({ wait: 'false', atomic: 'false' });
  expect(deployed.exitCode, deployed.stdout.slice(-3000)).toBe(0);
  // Drift to report, and a change to Git so the check renders (with the registry login).
  await kubectlIn(shop.namespace, 'label', 'deployment/web', 'team=payments');
  appendFileSync(join(shop.workspace, 'deploy', 'values.yaml'), '# reviewed\n');
});
afterAll(async () => {
  await shop?.remove();
  await webhook?.close();
  await github?.close();
});

const inputs = (extra: Record<string, string> = {}) => ({
  'webhook-url': webhook.url,
  'registry-username': 'ci',
  'registry-password': SENTINELS.registry,
  ...extra,
});

function expectNoLeak(run: DriftRun, secrets: readonly string[]): void {
  for (const secret of secrets) {
    const name = sentinelName(secret);
    // Masked as given (the webhook URL whole).
    expect(
      run.masked.some((mask) => mask.includes(secret)),
      `${name} masked`,
    ).toBe(true);
    // RUNNER_TEMP holds the report (the `report` output) and anything else the run left.
    expect(run.outputs.report ?? run.runnerTemp).toContain(run.runnerTemp);
    expect(leaks(run, secret), name).toEqual([]);
    expect(JSON.stringify(github.openIssues()), `${name} in an issue`).not.toContain(secret);
    expect(webhook.bodies.join('\n'), `${name} in a webhook message`).not.toContain(secret);
  }
}

describe('drift-check keeps secrets out of everything it writes', () => {
  it('drift found, an issue opened, the webhook told: no sentinel anywhere', async () => {
    const run = await shop.check(inputs());
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'drifted', drifted: 'true' });
    expect(run.report?.targets[0]?.basis).toBe('rendered');
    expect(github.openIssues()).toHaveLength(1);
    expect(webhook.bodies).toHaveLength(1);
    expectNoLeak(run, [
      SENTINELS.github,
      SENTINELS.webhook,
      SENTINELS.registry,
      ...kubeconfigCredentials(),
    ]);
  });

  it('the webhook fails: the warning names no secret', async () => {
    webhook.status = 500;
    // A second drift, so the issue changes and the webhook is called again.
    await kubectlIn(shop.namespace, 'label', 'deployment/web', 'owner=ops');
    const run = await shop.check(inputs());
    webhook.status = 200;
    expect(run.outputs.status, run.stdout.slice(-3000)).toBe('drifted');
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(/webhook notification failed/);
    expectNoLeak(run, [
      SENTINELS.github,
      SENTINELS.webhook,
      SENTINELS.registry,
      ...kubeconfigCredentials(),
    ]);
  });

  it("Git's render holds a set: secret and an env: placeholder secret, also inside a connection string: each shown only as changed", async () => {
    // The fixture's drift config, with secrets passed in set: and through the workflow's env.
    writeFile(
      shop.workspace,
      '.github/drift-secrets.yml',
      readFileSync(join(shop.workspace, '.github', 'drift.yml'), 'utf8').replace(
        '    set:\n',
        [
          '    set:',
          `      password: ${SENTINELS.set}`,
          `      config.DB_URL: "postgres://shop:${SENTINELS.set}@db:5432/shop"`,
          '      config.REPLICA_URL: "postgres://shop:%%DB_PASSWORD%%@replica:5432/shop"',
          '',
        ].join('\n'),
      ),
    );
    const run = await shop.check(
      // The kubeconfig as content this time (written 0600 into RUNNER_TEMP, removed after).
      inputs({
        config: '.github/drift-secrets.yml',
        kubeconfig: readFileSync(env().kubeconfig, 'utf8'),
      }),
      { DB_PASSWORD: SENTINELS.placeholder },
    );
    expect(run.outputs.status, run.stdout.slice(-3000)).toBe('drifted');
    const target = run.report?.targets[0];
    expect(target?.basis).toBe('rendered');
    // Git adds both URLs to the ConfigMap: reported, their values not shown.
    for (const key of ['DB_URL', 'REPLICA_URL']) {
      const change = target?.changes.find(
        (c) => c.object.name === 'web-config' && c.path.endsWith(key),
      );
      expect(change, `${key} in ${JSON.stringify(target?.changes)}`).toBeDefined();
      expect(change?.redacted, key).toBeDefined();
    }
    expectNoLeak(run, [
      SENTINELS.github,
      SENTINELS.webhook,
      SENTINELS.registry,
      SENTINELS.set,
      SENTINELS.placeholder,
      ...kubeconfigCredentials(),
    ]);
  });

  it.each([
    ['the kubeconfig token', 'token', SENTINELS.kubeconfigToken],
    ['the token of a tokenFile', 'tokenFile', SENTINELS.tokenFile],
    ['the token an exec credential plugin prints', 'exec', SENTINELS.execToken],
    ['a basic-auth password', 'password', SENTINELS.password],
  ] as const)('the API server refuses %s: nothing shown either', async (_, how, token) => {
    const kubeconfig = kubeconfigWithToken(env().kubeconfig, token, how);
    const run = await shop.check(inputs({ kubeconfig }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expectNoLeak(run, [SENTINELS.github, SENTINELS.webhook, SENTINELS.registry, token]);
  });
});
