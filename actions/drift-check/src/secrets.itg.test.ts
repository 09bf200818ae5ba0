import { appendFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import { leaks } from '../../../test/support/sentinels.js';
import {
  env,
  helms,
  kubectlIn,
  scratch,
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
 * token — is masked and appears in no log line, summary, output, annotation,
 * report, issue or webhook message: when drift is found and reported, when
 * the webhook fails, and when the API server refuses the token.
 */

const SENTINELS = {
  github: 'ghs_sentinelGithubToken4c1d',
  webhook: 'sentinel-webhook-path-6e2a',
  registry: 'sentinel-registry-drift-1b7f',
  kubeconfigToken: 'sentinel-kubeconfig-token-drift-9d3c',
};

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
    // Masked as given (the webhook URL whole).
    expect(
      run.masked.some((mask) => mask.includes(secret)),
      `${secret} masked`,
    ).toBe(true);
    expect(leaks(run, secret, run.outputs.report ? [run.outputs.report] : []), secret).toEqual([]);
    expect(JSON.stringify(github.openIssues()), `${secret} in an issue`).not.toContain(secret);
    expect(webhook.bodies.join('\n'), `${secret} in a webhook message`).not.toContain(secret);
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
    expectNoLeak(run, [SENTINELS.github, SENTINELS.webhook, SENTINELS.registry]);
  });

  it('the webhook fails: the warning names no secret', async () => {
    webhook.status = 500;
    // A second drift, so the issue changes and the webhook is called again.
    await kubectlIn(shop.namespace, 'label', 'deployment/web', 'owner=ops');
    const run = await shop.check(inputs());
    webhook.status = 200;
    expect(run.outputs.status, run.stdout.slice(-3000)).toBe('drifted');
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(/webhook notification failed/);
    expectNoLeak(run, [SENTINELS.github, SENTINELS.webhook, SENTINELS.registry]);
  });

  it('the API server refuses the kubeconfig token: nothing shown either', async () => {
    // The same user (the context names it), with a token the API server does not know.
    const config = readFileSync(env().kubeconfig, 'utf8').replace(
      /users:\n- name: (\S+)[\s\S]*$/,
      `users:\n- name: $1\n  user:\n    token: ${SENTINELS.kubeconfigToken}\n`,
    );
    const kubeconfig = writeFile(scratch('kubeconfig'), 'config', config);
    const run = await shop.check(inputs({ kubeconfig }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expectNoLeak(run, Object.values(SENTINELS));
  });
});
