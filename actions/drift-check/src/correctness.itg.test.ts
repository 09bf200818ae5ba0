import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  changes,
  helms,
  kubectlIn,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';
import type { AppImage } from '../../../test/fixtures/deploy/harness.js';

/**
 * Out-of-band changes on the real cluster that drift-check once got wrong,
 * each checked on a release helm-deploy deployed (helm 3 and helm 4), the
 * real API server, and the GitHub double:
 *
 *   - a container port edited and set back: the protocol the server
 *     defaulted in the re-created item is no drift, whoever owns it now;
 *   - a restore refused for a list-key conflict (that edit, remediated)
 *     names the conflict and how to undo it, not permissions;
 *   - `kubectl rollout restart` adds one key to a map the chart does not
 *     set: a rule for that key matches, and the rest of the map is watched;
 *   - two apps of one repository keep their own issue per environment.
 */

const WEB_PORT = '/spec/template/spec/containers/0/ports/0/containerPort';
const RESTARTED_AT = 'spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]';

let image: AppImage;
beforeAll(async () => {
  image = await shopImage();
});

/** `kubectl patch` with a JSON patch: the way a person edits one field. */
function jsonPatch(namespace: string, object: string, operations: unknown[]) {
  return kubectlIn(namespace, 'patch', object, '--type=json', '-p', JSON.stringify(operations));
}

describe.each(helms())('drift-check on out-of-band changes, with $name', (helm) => {
  let github: GitHubDouble;
  let shop: ShopRelease;

  beforeAll(async () => {
    github = await GitHubDouble.start({ token: 'ghs_correct' });
    shop = await shopRelease(helm, github, image);
    const deployed = await shop.deploy();
    expect(deployed.exitCode, deployed.stdout).toBe(0);
    const clean = await shop.check();
    expect(clean.outputs, clean.stdout).toMatchObject({ status: 'clean', count: '0' });
  });
  afterEach(() => github.assertNoViolations());
  afterAll(async () => {
    await shop?.remove();
    await github?.close();
  });

  it('a container port edited in the cluster is reported; a restore refused as a list-key conflict says so and how to undo it', async () => {
    const ns = shop.namespace;
    await jsonPatch(ns, 'deployment/web', [{ op: 'replace', path: WEB_PORT, value: 9090 }]);
    const run = await shop.check();
    expect(changes(run)).toEqual([
      {
        class: 'changed-in-cluster',
        object: 'Deployment/web',
        path: 'spec.template.spec.containers[name=web].ports[name=http].containerPort',
        before: '8080',
        after: '9090',
        manager: 'kubectl-patch',
      },
    ]);

    // Server-side apply knows ports by containerPort and protocol: the deployed
    // port is another item to it, and the API server refuses two named http.
    const remediated = await shop.check({ mode: 'remediate' });
    expect(remediated.exitCode).toBe(1);
    const failed = remediated.report?.targets[0]?.remediation?.failed ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toContain('list-key conflict');
    expect(failed[0]?.error).toContain('Duplicate value: "http"');
    expect(failed[0]?.error).toContain(
      'spec.template.spec.containers[name=web].ports[name=http].containerPort 8080 → 9090',
    );
    const message = remediated.annotations
      .filter((annotation) => annotation.level === 'error')
      .map((annotation) => annotation.message)
      .join('\n');
    expect(message).toContain('Duplicate value: "http"');
    expect(message).toContain(
      `How to fix: set the value back in place, e.g. kubectl patch deployment/web -n ${ns} --type=json -p '[{"op":"replace","path":"${WEB_PORT}","value":8080}]'`,
    );
    expect(message).not.toMatch(/permission|needs patch/);
    expect(remediated.summary).toContain('Duplicate value: "http"');
    // Nothing was changed by the refused restore.
    const web = JSON.parse(await kubectlIn(ns, 'get', 'deployment/web', '-o', 'json'));
    expect(web.spec.template.spec.containers[0].ports).toEqual([
      { name: 'http', containerPort: 9090, protocol: 'TCP' },
    ]);
  });

  it('the port set back is no drift: the protocol the server defaulted is not a change, whoever owns it now', async () => {
    const ns = shop.namespace;
    // The fix the refusal gave, as given.
    await jsonPatch(ns, 'deployment/web', [{ op: 'replace', path: WEB_PORT, value: 8080 }]);
    const web = JSON.parse(
      await kubectlIn(ns, 'get', 'deployment/web', '-o', 'json', '--show-managed-fields'),
    );
    // The item was made anew: kubectl-patch owns all of it now, protocol included.
    const patched = (web.metadata.managedFields as { manager: string; fieldsV1: unknown }[]).find(
      (entry) => entry.manager === 'kubectl-patch',
    );
    const port = [
      'f:spec',
      'f:template',
      'f:spec',
      'f:containers',
      'k:{"name":"web"}',
      'f:ports',
      'k:{"containerPort":8080,"protocol":"TCP"}',
    ].reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      patched?.fieldsV1,
    );
    expect(Object.keys(port ?? {})).toContain('f:protocol');
    const run = await shop.check();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(changes(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'clean', count: '0' });
  });

  it('kubectl rollout restart is ignored by the per-key rule for its annotation; another key of that map is still drift', async () => {
    const ns = shop.namespace;
    await kubectlIn(ns, 'rollout', 'restart', 'deployment/web');
    const run = await shop.check();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'clean', count: '0' });
    expect(run.report?.targets[0]?.ignored).toEqual([
      {
        rule: 'ignore[0]',
        class: 'changed-in-cluster',
        object: expect.objectContaining({ kind: 'Deployment', name: 'web' }),
        path: RESTARTED_AT,
        reason: 'rollout restarts recycle pods on purpose',
      },
    ]);
    expect(run.report?.targets[0]?.unusedRules).toEqual([]);

    await kubectlIn(
      ns,
      'patch',
      'deployment/web',
      '-p',
      JSON.stringify({
        spec: { template: { metadata: { annotations: { 'debug/trace': 'on' } } } },
      }),
    );
    const watched = await shop.check();
    expect(changes(watched)).toEqual([
      {
        class: 'changed-in-cluster',
        object: 'Deployment/web',
        path: 'spec.template.metadata.annotations["debug/trace"]',
        after: '"on"',
        manager: 'kubectl-patch',
      },
    ]);
    expect(watched.report?.targets[0]?.ignored.map((item) => item.path)).toEqual([RESTARTED_AT]);
  });

  it("two apps of one repository keep an issue each: the clean one never closes the other one's", async () => {
    // A second app next to the first, checking in the same environment.
    const ledger = join(shop.workspace, 'ledger');
    mkdirSync(ledger, { recursive: true });
    const manifest = JSON.parse(
      readFileSync(join(shop.workspace, 'default.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    );
    manifest.application.name = 'ledger';
    writeFileSync(join(ledger, 'default.json'), JSON.stringify(manifest, null, 2));
    cpSync(join(shop.workspace, '.github', 'drift.yml'), join(ledger, 'drift.yml'));
    const asLedger = { manifest: 'ledger/default.json', config: 'ledger/drift.yml' };

    // The drift left by the test above (debug/trace): each app reports it in its own issue.
    const storefront = await shop.check();
    expect(storefront.outputs).toMatchObject({ status: 'drifted', count: '1' });
    const other = await shop.check(asLedger);
    expect(other.outputs).toMatchObject({ status: 'drifted', count: '1' });
    expect(
      github
        .openIssues()
        .map((issue) => issue.title)
        .sort(),
    ).toEqual([
      // The application key: the name, with its directory when not at the root.
      'Drift in dev (ledger/ledger): 1 difference',
      'Drift in dev (storefront): 1 difference',
    ]);
    expect(other.outputs.issue).not.toBe(storefront.outputs.issue);

    await jsonPatch(shop.namespace, 'deployment/web', [
      { op: 'remove', path: '/spec/template/metadata/annotations/debug~1trace' },
    ]);
    const cleanLedger = await shop.check(asLedger);
    expect(cleanLedger.outputs).toMatchObject({ status: 'clean', count: '0' });
    // Only the ledger's issue is closed; the storefront's waits for its own run.
    expect(github.openIssues().map((issue) => issue.title)).toEqual([
      'Drift in dev (storefront): 1 difference',
    ]);
    const cleanStorefront = await shop.check();
    expect(cleanStorefront.outputs).toMatchObject({ status: 'clean', count: '0' });
    expect(github.openIssues()).toEqual([]);
  });
});
