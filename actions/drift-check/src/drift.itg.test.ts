import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedChange } from '../../../src/drift/report.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  brief,
  changes,
  everythingShown,
  helms,
  kubectlIn,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';
import type { AppImage } from '../../../test/fixtures/deploy/harness.js';

/**
 * drift-check on a release helm-deploy deployed (the shop chart: Deployments
 * with and without an autoscaler, a StatefulSet with a volume claim
 * template, a CronJob, Services, an Ingress, a ConfigMap, a Secret, an HPA),
 * with the real helm 3 and helm 4, the real API server, and the GitHub
 * double (every request checked against GitHub's OpenAPI description):
 *
 *   deploy → no drift → kubectl changes → each reported once, with its
 *   manager → same drift, issue untouched → remediate → clean, issue closed
 *   → a values change not deployed → the next deploy still works.
 */

const SECRET = 's3cr3t-rotated-by-hand';

let image: AppImage;
beforeAll(async () => {
  image = await shopImage();
});

/** A change of Deployment/web, as brief() shows it. */
function web(
  cls: ReportedChange['class'],
  path: string,
  before: string,
  after: string,
  manager?: string,
) {
  return {
    class: cls,
    object: 'Deployment/web',
    path,
    before,
    after,
    ...(manager ? { manager } : {}),
  };
}

const GREETING = 'spec.template.spec.containers[name=web].env[name=GREETING].value';

describe.each(helms())('drift-check with $name', (helm) => {
  let github: GitHubDouble;
  let shop: ShopRelease;
  let pinned = '';

  beforeAll(async () => {
    github = await GitHubDouble.start({ token: 'ghs_drift' });
    shop = await shopRelease(helm, github, image);
    const deployed = await shop.deploy();
    expect(deployed.exitCode, deployed.stdout).toBe(0);
    pinned = deployed.outputs.images ?? '';
    expect(pinned).toBe(`${image.name}:${image.tag}@${image.digest}`);
  });
  afterEach(() => github.assertNoViolations());
  afterAll(async () => {
    await shop?.remove();
    await github?.close();
  });

  it('right after a deploy, reports no difference, from one LIST per kind and namespace', async () => {
    const run = await shop.check();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'clean', drifted: 'false', count: '0' });
    expect(run.outputs.issue).toBeUndefined();
    const target = run.report?.targets[0];
    expect(target).toMatchObject({
      release: 'shop',
      namespace: shop.namespace,
      status: 'clean',
      changes: [],
      ignored: [],
    });
    // Deployment ×2, HPA, StatefulSet, Service ×2, CronJob, Ingress, ConfigMap, Secret.
    expect(target?.objects).toMatchObject({ desired: 10, deployed: 10 });
    // 8 kinds in one namespace: 8 LISTs, no GET of any object; discovery of the 5 group-versions in use.
    expect(target?.requests).toEqual({ discovery: 5, list: 8, apply: 0, patch: 0, total: 13 });
    // And /version, once, to prove the server answers before anything else, and one LIST of
    // Helm's release storage in the namespace (no helm process: Git is what was deployed).
    expect(run.report?.requests.total).toBe(15);
    expect(target?.basis).toBe('deployed');
    expect(run.report?.rules.find((rule) => rule.id === 'ignore[0]')).toMatchObject({
      suppressed: 0,
    });
    expect(run.summary).toContain('No drift in dev');
    // Nothing to report, no issue: one look for an existing one, no writes.
    expect(github.writes()).toEqual([]);
  });

  it('reports each change made with kubectl once, with its path, values and manager; never a secret', async () => {
    const ns = shop.namespace;
    await kubectlIn(ns, 'scale', 'deployment/web', '--replicas=3');
    await kubectlIn(ns, 'set', 'env', 'deployment/web', 'GREETING=hi');
    await kubectlIn(ns, 'set', 'image', 'deployment/web', `web=${image.name}:hotfix`);
    await kubectlIn(ns, 'label', 'deployment/web', 'team=payments');
    await kubectlIn(ns, 'delete', 'configmap/web-config');
    await kubectlIn(ns, 'create', 'configmap', 'debug-flags', '--from-literal=trace=on');
    await kubectlIn(ns, 'label', 'configmap/debug-flags', 'app.kubernetes.io/instance=shop');
    await kubectlIn(
      ns,
      'patch',
      'secret/web-secret',
      '-p',
      JSON.stringify({ stringData: { password: SECRET } }),
    );
    // The autoscaler owns api's replicas: not drift.
    await kubectlIn(ns, 'scale', 'deployment/api', '--replicas=3');

    const run = await shop.check();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'drifted', drifted: 'true', count: '7' });
    expect(changes(run)).toEqual([
      {
        class: 'extra-in-cluster',
        object: 'ConfigMap/debug-flags',
        path: '',
        manager: 'kubectl-create',
      },
      { class: 'missing-from-cluster', object: 'ConfigMap/web-config', path: '' },
      {
        class: 'changed-in-cluster',
        object: 'Secret/web-secret',
        path: 'data.password',
        redacted: { before: 'change-me'.length, after: SECRET.length },
        manager: 'kubectl-patch',
      },
      {
        class: 'changed-in-cluster',
        object: 'Deployment/web',
        path: 'metadata.labels.team',
        after: '"payments"',
        manager: 'kubectl-label',
      },
      web('changed-in-cluster', 'spec.replicas', '2', '3', 'kubectl/scale'),
      web('changed-in-cluster', GREETING, '"hello"', '"hi"', 'kubectl-set'),
      web(
        'changed-in-cluster',
        'spec.template.spec.containers[name=web].image',
        JSON.stringify(pinned),
        JSON.stringify(`${image.name}:hotfix`),
        'kubectl-set',
      ),
    ]);
    const changed = run.report?.targets[0]?.changes.find(
      (change) => change.path === 'spec.replicas',
    );
    expect(changed?.manager?.time ?? '').toBe(''); // a scale subresource update records no time
    expect(
      run.report?.targets[0]?.changes.find((change) => change.path === 'metadata.labels.team')
        ?.manager?.time,
    ).toMatch(/^\d{4}-/);
    expect(run.report?.targets[0]?.ignored).toEqual([
      {
        rule: 'hpa-replicas',
        class: 'changed-in-cluster',
        object: expect.objectContaining({ kind: 'Deployment', name: 'api' }),
        path: 'spec.replicas',
        reason: `HorizontalPodAutoscaler ${shop.namespace}/api scales Deployment/api (its scaleTargetRef)`,
      },
    ]);
    expect(run.summary).toContain('| hpa-replicas | Deployment');

    // One issue for the app and environment, found again later by its hidden marker.
    expect(github.writes()).toEqual(['POST /repos/acme/storefront/issues']);
    const issue = github.openIssues()[0];
    expect(issue?.title).toBe('Drift in dev (storefront): 7 differences');
    expect(issue?.labels).toEqual(['drift']);
    expect(issue?.body).toContain(
      `<!-- pipeline-actions:drift-check app="storefront" key="dev" fingerprint="${run.report?.fingerprint}"`,
    );
    expect(run.outputs.issue).toBe(`https://github.com/acme/storefront/issues/${issue?.number}`);

    const shown = `${everythingShown(run)}\n${issue?.body}`;
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(shown).toContain('(secret, 22 bytes)');
  });

  it('leaves the issue alone while the drift stays the same', async () => {
    const before = github.writes().length;
    const run = await shop.check();
    expect(run.outputs).toMatchObject({ status: 'drifted', count: '7' });
    expect(github.writes()).toHaveLength(before);
    expect(run.outputs.issue).toBe(
      `https://github.com/acme/storefront/issues/${github.openIssues()[0]?.number}`,
    );
  });

  it('remediate restores what changed in the cluster; a second run reports no drift and closes the issue', async () => {
    const run = await shop.check({ mode: 'remediate' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'drifted', count: '7', remediated: '3' });
    const target = run.report?.targets[0];
    expect(
      target?.remediation?.restored.map((item) => `${item.object.kind}/${item.object.name}`).sort(),
    ).toEqual(['ConfigMap/web-config', 'Deployment/web', 'Secret/web-secret']);
    expect(target?.remediation?.method).toContain(
      helm.major === 4 ? 'field manager "helm"' : 'field manager "pipeline-actions-drift-check"',
    );
    // Someone created it; remediation does not delete it.
    expect(target?.after?.changes.map(brief)).toEqual([
      {
        class: 'extra-in-cluster',
        object: 'ConfigMap/debug-flags',
        path: '',
        manager: 'kubectl-create',
      },
    ]);
    const ns = shop.namespace;
    const web = JSON.parse(await kubectlIn(ns, 'get', 'deployment/web', '-o', 'json'));
    expect(web.spec.replicas).toBe(2);
    expect(web.spec.template.spec.containers[0].image).toBe(pinned);
    expect(web.spec.template.spec.containers[0].env[0]).toEqual({
      name: 'GREETING',
      value: 'hello',
    });
    expect(web.metadata.labels.team).toBeUndefined();
    const secret = JSON.parse(await kubectlIn(ns, 'get', 'secret/web-secret', '-o', 'json'));
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe('change-me');
    // The issue now says what is left.
    expect(github.writes().slice(-2)).toEqual([
      `PATCH /repos/acme/storefront/issues/${github.openIssues()[0]?.number}`,
      `POST /repos/acme/storefront/issues/${github.openIssues()[0]?.number}/comments`,
    ]);

    await kubectlIn(ns, 'delete', 'configmap/debug-flags');
    const again = await shop.check();
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ status: 'clean', drifted: 'false', count: '0' });
    expect(github.openIssues()).toEqual([]);
    const closed = [...github.issues.values()][0];
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(closed?.comments.at(-1)?.body).toMatch(/^No drift in dev \(storefront\) any more/);
  });

  it('a values change committed but not deployed is reported as not deployed, and fails mode: fail as drift', async () => {
    const values = join(shop.workspace, 'deploy', 'values.yaml');
    writeFileSync(
      values,
      readFileSync(values, 'utf8').replace('greeting: hello', 'greeting: hey\n  replicas: 1'),
    );
    const run = await shop.check({ mode: 'fail' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'drifted', drifted: 'true', count: '2' });
    expect(changes(run)).toEqual([
      web('not-deployed', 'spec.replicas', '2', '1'),
      web('not-deployed', GREETING, '"hello"', '"hey"'),
    ]);
    const failure = run.annotations.filter((annotation) => annotation.level === 'error');
    expect(failure.map((annotation) => annotation.message)).toEqual([
      expect.stringMatching(
        /^drift-check: Drift in dev: 2 differences \(2 not deployed yet\)\.\nHow to fix: /,
      ),
    ]);
    expect(github.openIssues().map((issue) => issue.title)).toEqual([
      'Drift in dev (storefront): 2 differences',
    ]);
  });

  it('the next deploy works after remediation (the restored fields belong to the deploy again), and leaves no drift', async () => {
    // As the autoscaler would at rest. Helm 4 refuses to apply the chart's
    // replicas of api over kubectl's different value (a field conflict): that
    // is the chart's doing, not remediation's, and why charts leave them out.
    await kubectlIn(shop.namespace, 'scale', 'deployment/api', '--replicas=1');
    const deployed = await shop.deploy();
    expect(deployed.exitCode, deployed.stdout).toBe(0);
    const run = await shop.check();
    expect(run.outputs).toMatchObject({ status: 'clean', count: '0' });
    expect(run.report?.targets[0]?.deployedRevision).toBe(2);
    expect(github.openIssues()).toEqual([]);
  });
});
