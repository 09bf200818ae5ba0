import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../src/drift/report.js';
import { Exec } from '../../../src/exec.js';
import {
  env,
  errorLines,
  exampleWorkspace,
  helms,
  runDeploy,
  scratch,
  setManifestNamespace,
  uniqueNamespace,
  uniquePath,
  writeFile,
} from '../../../test/fixtures/deploy/harness.js';
import { helmBinDir, runHelmPush } from '../../../test/fixtures/helm/harness.js';
import { runBundle } from '../../../test/support/runner.js';

/**
 * drift-check's render when Git changed, on the real cluster with the real
 * helm 3 and helm 4: releases deployed by helm-deploy (with records), then a
 * values file changed in Git (a comment: the same objects come out), so
 * every release is rendered again and must still be clean:
 *
 * - two releases of one OCI chart whose templates show `.Capabilities`
 *   (the server's version, a group/version/kind): rendered client side
 *   (`helm template`) with the cluster's capabilities, the chart pulled once
 *   for both;
 * - a chart that calls `lookup`: rendered by a server dry run, since only
 *   the server can answer it.
 */

const CAPS_TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-caps
data:
  kube: {{ .Capabilities.KubeVersion.Version | quote }}
  hpa: {{ .Capabilities.APIVersions.Has "autoscaling/v2/HorizontalPodAutoscaler" | quote }}
  greeting: {{ .Values.greeting | quote }}
`;

const LOOKUP_TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-seen
data:
  namespace-uid: {{ dig "metadata" "uid" "none" (lookup "v1" "Namespace" "" .Release.Namespace) | quote }}
  greeting: {{ .Values.greeting | quote }}
`;

function chart(name: string, template: string): string {
  const dir = join(scratch(`render-${name}`), name);
  writeFile(dir, 'Chart.yaml', `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  writeFile(dir, 'values.yaml', 'greeting: hello\n');
  writeFile(dir, 'templates/config.yaml', template);
  return dir;
}

describe.each(helms())('drift-check renders a Git change with $name', (helm) => {
  const workspace = exampleWorkspace();
  const base = uniqueNamespace(`rnd-h${helm.major}`);
  const namespace = `${base}-dev`;
  const values = join(workspace, 'deploy', 'render.yaml');
  let capsRef = '';

  beforeAll(async () => {
    setManifestNamespace(workspace, base);
    writeFileSync(values, 'greeting: from Git\n');
    const pushed = await runHelmPush(helm, {
      chart: chart('caps', CAPS_TEMPLATE),
      destination: `oci://${env().registry}/${uniquePath('render-charts')}/charts`,
    });
    expect(pushed.exitCode, pushed.stdout).toBe(0);
    const ref = pushed.outputs.ref ?? '';
    capsRef = ref.slice(0, ref.lastIndexOf(':'));
    const lookupChart = chart('seen', LOOKUP_TEMPLATE);
    const deploys: Record<string, string>[] = [
      { release: 'caps-a', chart: capsRef, 'chart-version': '1.0.0' },
      { release: 'caps-b', chart: capsRef, 'chart-version': '1.0.0' },
      { release: 'seen', chart: lookupChart },
    ];
    for (const inputs of deploys) {
      const run = await runDeploy(helm, workspace, {
        ...inputs,
        values: 'deploy/render.yaml',
        'create-namespace': 'true',
        wait: 'false',
      });
      expect(run.exitCode, errorLines(run.stdout)).toBe(0);
    }
  });
  afterAll(async () => {
    await Exec.run(
      env().kubectl,
      ['delete', 'namespace', namespace, '--wait=false', '--kubeconfig', env().kubeconfig],
      { silent: true },
    );
  });

  it('renders client side with the cluster capabilities, one pull per chart; lookup charts on the server; all clean', async () => {
    writeFileSync(values, 'greeting: from Git\n# a line Git added after the deploy\n');
    const run = await runBundle(
      'drift-check',
      {
        environment: 'dev',
        kubeconfig: env().kubeconfig,
        issue: 'false',
        'helm-version': 'path',
        kubectl: env().kubectl,
      },
      {
        workspace,
        env: {
          PATH: `${helmBinDir(helm.binary)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          HOME: scratch('home'),
          RUNNER_TEMP: scratch('runner-temp'),
        },
      },
    );
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as DriftReport;
    const targets = Object.fromEntries(
      report.targets.map((target) => [
        target.release,
        {
          status: target.status,
          basis: target.basis,
          render: target.render,
          changes: target.changes.map(
            (change) => `${change.path}: ${change.before} → ${change.after}`,
          ),
          error: target.error,
        },
      ]),
    );
    expect(targets).toEqual({
      'caps-a': { status: 'clean', basis: 'rendered', render: 'client', changes: [] },
      'caps-b': { status: 'clean', basis: 'rendered', render: 'client', changes: [] },
      seen: { status: 'clean', basis: 'rendered', render: 'server', changes: [] },
    });
    expect(run.exitCode).toBe(0);
    // The OCI chart: resolved and pulled once for both of its releases.
    const pulls = run.stdout.split('\n').filter((line) => /\[command\]\S*helm pull /.test(line));
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toContain(capsRef);
    expect(run.stdout).toMatch(/calls lookup .*rendered by a server dry run/);
  });
});
