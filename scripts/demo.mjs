// npm run demo: the whole pipeline on examples/, on this machine.
//
// Brings up the local environment (test/env/up: docker, registries, helm,
// a Kubernetes control plane with kwok nodes), copies examples/ into a fresh
// git repository (what an application repository looks like after checkout),
// then runs the committed bundles one after the other exactly as a GitHub
// runner would (INPUT_* with action.yml defaults, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY; test/support/runner.ts), passing each stage's outputs
// to the next:
//
//   build-image → helm-push → helm-deploy (dev) → inspec-verify → drift-check
//
// One line per stage, and the path of its job summary. Exits non-zero on the
// first stage that fails, saying which and why; the later stages are listed as
// not run. Node 24 runs this file as is and strips the types of the .ts
// helpers it imports.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const { runBundle } = await import(join(ROOT, 'test/support/runner.ts'));
const { loadEnvironment, stateDir } = await import(join(ROOT, 'test/env/environment.ts'));
const { localCatalog } = await import(join(ROOT, 'test/support/catalog.ts'));

const started = Date.now();
const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

// ---- 1. the environment -------------------------------------------------------
say('==> environment: test/env/up (reuses whatever already runs; progress below)');
if (process.env.PA_DEMO_SKIP_ENV === '1') {
  say('    PA_DEMO_SKIP_ENV=1: not starting it');
} else {
  const up = spawnSync('bash', [join(ROOT, 'test/env/up')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (up.status !== 0) {
    say(`demo: test/env/up failed (exit ${up.status ?? up.signal}); see its last lines above`);
    process.exit(1);
  }
}
const env = loadEnvironment();

// ---- 2. the application repository -------------------------------------------
const runDir = join(stateDir(), 'demo', new Date().toISOString().replace(/[:.]/g, '-'));
const workspace = join(runDir, 'workspace');
const summaries = join(runDir, 'summaries');
mkdirSync(summaries, { recursive: true });
cpSync(join(ROOT, 'examples'), workspace, {
  recursive: true,
  filter: (src) => !/\/(node_modules|dist)(\/|$)/.test(src.slice(ROOT.length)),
});
// The platform's catalog of standard images, pinned to what test/env/up built.
writeFileSync(join(workspace, 'catalog.yaml'), localCatalog(env));
const git = (...args) =>
  spawnSync(
    'git',
    [
      '-c',
      'safe.directory=*',
      '-c',
      'user.name=demo',
      '-c',
      'user.email=demo@example.invalid',
      ...args,
    ],
    { cwd: workspace, stdio: 'pipe' },
  );
git('init', '-q');
git('add', '-A');
git('commit', '-q', '-m', 'the example app');
say(`==> application: examples/ copied to ${workspace} (a git checkout)`);

// helm, kubectl and the CINC Auditor stand-in as a runner would find them on PATH.
const PATH = [dirname(env.helm3), dirname(env.kubectl), process.env.PATH].join(':');
const registry = `${env.registry}/demo`;
const standIn = join(ROOT, 'test/fixtures/inspec/bin/cinc-auditor');

// ---- 3. the stages -----------------------------------------------------------
const stages = [
  {
    name: 'build-image',
    inputs: () => ({ registry, catalog: 'catalog.yaml', cache: 'none' }),
    line: (o) =>
      `${o.ref} (version ${o.version}, ${o.rebuilt === 'true' ? `built: ${o.reason}` : 'reused: same content'})`,
  },
  {
    name: 'helm-push',
    inputs: ({ build }) => ({
      chart: 'chart',
      destination: `oci://${registry}/charts`,
      'chart-version': build.version,
      'app-version': build.version,
      'helm-version': 'path',
    }),
    line: (o) =>
      `${o.ref} ${o.digest} (${o.pushed === 'true' ? 'pushed' : 'already there, same content'})`,
  },
  {
    name: 'helm-deploy',
    label: 'helm-deploy (dev)',
    inputs: ({ build, chart }) => ({
      chart: chart.ref,
      environment: 'dev',
      values: 'deploy/values.yaml\ndeploy/values-dev.yaml',
      kustomize: 'deploy/kustomize',
      image: build.ref,
      'build-version': build.version,
      'create-namespace': 'true',
      kubeconfig: env.kubeconfig,
      kubectl: env.kubectl,
      'helm-version': 'path',
    }),
    line: (o) =>
      `release ${o.release} in ${o.namespace}: revision ${o.revision}, ${o.status}${o.changed === 'true' ? '' : ' (nothing changed)'}; images ${o.images}`,
  },
  {
    name: 'inspec-verify',
    inputs: () => ({
      profile: 'compliance/profile',
      environment: 'dev',
      'inputs-file': 'compliance/inputs.yml',
      threshold: 'compliance/threshold.yml',
      'waiver-file': 'compliance/waivers.yml',
      executable: standIn,
      install: 'false',
    }),
    env: {
      API_TOKEN: 'demo-token-not-a-secret',
      // InSpec cannot be installed here (RubyGems and vendor downloads are
      // out of reach): a stand-in replays a report in InSpec's JSON format.
      INSPEC_STAND_IN_REPORT: join(ROOT, 'scripts/demo.inspec-report.json'),
    },
    line: (o) =>
      `${o.ok === 'true' ? 'thresholds met' : 'thresholds NOT met'}: ${o.compliance}% compliant, ${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped, ${o.errors} errors — CINC Auditor stand-in (test/fixtures/inspec/bin), replaying scripts/demo.inspec-report.json`,
  },
  {
    name: 'drift-check',
    label: 'drift-check (dev)',
    // Nothing but the environment and cluster access: the deploy record on the
    // release says what was deployed and from what (no targets, no image).
    inputs: () => ({
      environment: 'dev',
      mode: 'fail',
      issue: 'false',
      kubeconfig: env.kubeconfig,
      'helm-version': 'path',
    }),
    line: (o) =>
      o.drifted === 'false'
        ? 'no drift: the cluster runs what Git says'
        : `DRIFT: ${o.count} difference(s), report ${o.report}`,
    ok: (o) => o.drifted === 'false',
  },
];

const outputs = {};
const keys = {
  'build-image': 'build',
  'helm-push': 'chart',
  'helm-deploy': 'deploy',
  'inspec-verify': 'verify',
  'drift-check': 'drift',
};
const results = [];
let failed;
for (const [index, stage] of stages.entries()) {
  const label = stage.label ?? stage.name;
  if (failed) {
    results.push(`  ${label.padEnd(22)} not run (${failed} failed)`);
    continue;
  }
  const summary = join(summaries, `${index + 1}-${stage.name}.md`);
  writeFileSync(summary, '');
  say(`==> ${label}`);
  let run;
  try {
    run = await runBundle(stage.name, stage.inputs(outputs), {
      workspace,
      env: { PATH, GITHUB_STEP_SUMMARY: summary, ...(stage.env ?? {}) },
      timeoutMs: 900_000,
    });
  } catch (error) {
    run = {
      exitCode: 1,
      outputs: {},
      annotations: [{ level: 'error', message: String(error), properties: {} }],
      stdout: '',
      stderr: '',
      durationMs: 0,
    };
  }
  outputs[keys[stage.name]] = run.outputs;
  const ok = run.exitCode === 0 && (stage.ok ? stage.ok(run.outputs) : true);
  if (ok) {
    const line = `  ${label.padEnd(22)} ok  ${seconds(run.durationMs).padStart(6)}  ${stage.line(run.outputs)}`;
    say(line);
    results.push(line, `  ${''.padEnd(22)}          summary: ${summary}`);
  } else {
    failed = label;
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    const why =
      errors.length > 0
        ? errors.join('\n')
        : run.exitCode === 0
          ? stage.line(run.outputs)
          : `exit ${run.exitCode}\n${(run.stderr || run.stdout).split('\n').slice(-15).join('\n')}`;
    const line = `  ${label.padEnd(22)} FAILED ${seconds(run.durationMs).padStart(6)}`;
    say(line);
    say(why.replace(/^/gm, '      '));
    results.push(
      line,
      `  ${''.padEnd(22)}          summary: ${summary}`,
      why.replace(/^/gm, '      '),
    );
  }
}

say('');
say(
  `pipeline-actions demo — examples/ through the committed bundles (${seconds(Date.now() - started)})`,
);
for (const line of results) say(line);
say(`  workspace: ${workspace}`);
if (failed) {
  say(`demo: FAILED at ${failed}`);
  process.exit(1);
}
say('demo: the example app is deployed to dev, verified, and shows no drift');
