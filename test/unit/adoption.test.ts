import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/runner.js';

// What an application team meets when it adopts the starters, read from the
// workflow files: the breaks issue 15 lists, each pinned by a check that
// failed on the files before the fix. The end-to-end behaviour runs under act
// in test/consumer/consumer.itg.test.ts.

type Mapping = Record<string, unknown>;
interface Step extends Mapping {
  if?: string;
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job extends Mapping {
  permissions?: Mapping;
  uses?: string;
  steps?: Step[];
  with?: Mapping;
  secrets?: Mapping;
  environment?: unknown;
  concurrency?: unknown;
}
interface Workflow {
  on: Mapping;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const workflow = (path: string) => load(read(path)) as Workflow;
const steps = (path: string) =>
  Object.entries(workflow(path).jobs).flatMap(([job, spec]) =>
    (spec.steps ?? []).map((step) => ({ job, step })),
  );

/** The value a `${{ }}` expression evaluates to, with the given contexts (GitHub's own evaluator). */
function evaluate(text: string, given: Record<string, Record<string, string>>): string {
  const contexts: Record<string, Record<string, string>> = { steps: {}, ...given };
  const match = /^\$\{\{(.*)\}\}$/s.exec(text.trim());
  if (!match) return text;
  const lexed = new Lexer(match[1]!).lex();
  const expression = new Parser(lexed.tokens, Object.keys(contexts), []).parse();
  const dictionary = new data.Dictionary(
    ...Object.entries(contexts).map(([key, values]) => ({
      key,
      value: new data.Dictionary(
        ...Object.entries(values).map(([name, value]) => ({
          key: name,
          value: new data.StringData(value),
        })),
      ),
    })),
  );
  return new Evaluator(expression, dictionary).evaluate().coerceString();
}

describe('pipelines of several apps and environments do not block each other', () => {
  it('the pipeline starter holds no run-wide concurrency group (a pending prod approval would hold dev)', () => {
    expect(workflow('workflows/pipeline.yml').concurrency).toBeUndefined();
  });

  it('a deploy waits only for another deploy of the same app (default.json, release) to the same environment', () => {
    const job = workflow('.github/workflows/deploy.yml').jobs.deploy!;
    const group = (job.concurrency as { group: string }).group;
    for (const part of [
      'github.repository',
      'inputs.environment',
      'inputs.manifest',
      'inputs.release',
    ]) {
      expect(group).toContain(part);
    }
  });

  it('the compliance artifact is named per environment, namespace and release (upload-artifact v4 rejects a repeated name)', () => {
    const upload = steps('.github/workflows/deploy.yml').find(({ step }) =>
      step.uses?.startsWith('actions/upload-artifact@'),
    )!.step;
    const name = (app: string) =>
      upload
        .with!.name!.replaceAll('${{ inputs.environment }}', 'dev')
        .replaceAll('${{ steps.deploy.outputs.namespace }}', `${app}-dev`)
        .replaceAll('${{ steps.deploy.outputs.release }}', app);
    expect(name('storefront')).not.toContain('${{');
    expect(name('storefront')).not.toBe(name('ledger'));
  });
});

describe('the job token goes to ghcr.io only', () => {
  const TOKEN = 'ghs_job_token';
  const places = [
    { path: '.github/workflows/build.yml', input: 'registry-password', target: 'registry' },
    // Both steps of pr-checks (build-image and the dry-run deploy) are checked by this one row.
    { path: '.github/workflows/pr-checks.yml', input: 'registry-password', target: 'registry' },
    {
      path: '.github/workflows/publish-chart.yml',
      input: 'registry-password',
      target: 'destination',
    },
    { path: '.github/workflows/deploy.yml', input: 'registry-password', target: 'chart' },
  ];
  const cases: Record<string, [string, string][]> = {
    registry: [
      ['ghcr.io/acme', TOKEN],
      ['docker.io/acme', ''],
      ['registry.example.com/ghcr.io/acme', ''],
    ],
    destination: [
      ['oci://ghcr.io/acme/charts', TOKEN],
      ['oci://docker.io/acme', ''],
      ['https://charts.example.com', ''],
      ['oci://ghcr.io/acme/charts\noci://registry.example.com/charts', ''],
    ],
    chart: [
      ['oci://ghcr.io/acme/charts/shop:1.0.0|ghcr.io/acme/shop@sha256:1', TOKEN],
      ['chart|ghcr.io/acme/shop@sha256:1', TOKEN],
      ['oci://ghcr.io/acme/charts/shop:1.0.0|docker.io/acme/shop@sha256:1', ''],
      ['oci://registry-1.docker.io/bitnamicharts/nginx|', ''],
      ['https://charts.example.com/nginx|', ''],
    ],
  };

  it('every fallback to github.token is one of the places checked here', () => {
    const found = ['build', 'pr-checks', 'publish-chart', 'deploy', 'drift', 'pipeline'].flatMap(
      (name) =>
        steps(`.github/workflows/${name}.yml`).flatMap(({ step }) =>
          Object.entries(step.with ?? {})
            .filter(
              ([key, value]) => key !== 'github-token' && String(value).includes('github.token'),
            )
            .map(([key]) => `.github/workflows/${name}.yml ${key}`),
        ),
    );
    expect([...new Set(found)].sort()).toEqual(places.map((p) => `${p.path} ${p.input}`).sort());
  });

  it.each(places)(
    '$path $input: the job token only for ghcr.io, never for another registry',
    (place) => {
      const matches = steps(place.path).filter(({ step }) =>
        String(step.with?.[place.input] ?? '').includes('github.token'),
      );
      expect(matches.length).toBeGreaterThan(0);
      for (const { step } of matches) {
        for (const [value, expected] of cases[place.target]!) {
          const [first = '', image = ''] = value.split('|');
          const inputs: Record<string, string> =
            place.target === 'chart' ? { chart: first, image } : { [place.target]: first };
          const evaluated = evaluate(step.with![place.input]!, {
            secrets: {},
            inputs,
            github: { token: TOKEN },
          });
          expect(evaluated, `${place.target} ${JSON.stringify(value)}`).toBe(expected);
          // A password the team gives always wins.
          expect(
            evaluate(step.with![place.input]!, {
              secrets: { 'registry-password': 'given' },
              inputs,
              github: { token: TOKEN },
            }),
          ).toBe('given');
        }
      }
    },
  );
});

describe('the user name goes with a password, or neither goes (src/registry: both or neither)', () => {
  const ACTOR = 'octocat';
  const places = [
    { path: '.github/workflows/build.yml', target: 'registry' },
    { path: '.github/workflows/pr-checks.yml', target: 'registry' },
    { path: '.github/workflows/publish-chart.yml', target: 'destination' },
    { path: '.github/workflows/deploy.yml', target: 'chart' },
  ];
  const values: Record<string, string[]> = {
    registry: ['ghcr.io/acme', 'registry.example.com/acme'],
    destination: ['oci://ghcr.io/acme/charts', 'oci://registry.example.com/charts'],
    chart: ['oci://ghcr.io/acme/charts/shop:1.0.0|', 'oci://registry.example.com/c/shop:1|'],
  };

  it.each(places)('$path', (place) => {
    const matches = steps(place.path).filter(({ step }) => step.with?.['registry-password']);
    expect(matches.length).toBeGreaterThan(0);
    for (const { step } of matches) {
      for (const value of values[place.target]!) {
        const [first = '', image = ''] = value.split('|');
        const target =
          place.target === 'chart' ? { chart: first, image } : { [place.target]: first };
        for (const secrets of [{}, { 'registry-password': 'given' }] as Record<string, string>[]) {
          for (const named of [{}, { 'registry-username': 'team' }] as Record<string, string>[]) {
            const contexts: Record<string, Record<string, string>> = {
              secrets,
              inputs: { ...target, ...named },
              github: { token: 'ghs_job_token', actor: ACTOR },
            };
            const password = evaluate(step.with!['registry-password']!, contexts);
            const username = evaluate(step.with!['registry-username'] ?? '', contexts);
            const where = `${value} ${JSON.stringify(secrets)} ${JSON.stringify(named)}`;
            if (password === '') {
              // Nothing, unless the team named a user without a password (then the action says so).
              expect(username, where).toBe('registry-username' in named ? 'team' : '');
            } else {
              expect(username, where).toBe('registry-username' in named ? 'team' : ACTOR);
            }
          }
        }
      }
    }
  });
});

describe('drift needs no approval', () => {
  it('no drift job runs in a GitHub Environment (their required reviewers would hold every scheduled run)', () => {
    const jobs = workflow('.github/workflows/drift.yml').jobs;
    for (const job of Object.values(jobs)) expect(job.environment).toBeUndefined();
  });

  it('the drift starter passes one read-only kubeconfig, a repository secret', () => {
    const job = Object.values(workflow('workflows/drift.yml').jobs)[0]!;
    expect(job.secrets).toEqual({ kubeconfig: '${{ secrets.DRIFT_KUBECONFIG }}' });
  });
});

describe('pr-checks: no workflow command from pull-request text', () => {
  const work = mkdtempSync(join(tmpdir(), 'pa-prchecks-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The workflow commands the runner would act on in a step's output (stop-commands honoured). */
  function commands(output: string): string[] {
    const acted: string[] = [];
    let stopped: string | undefined;
    for (const line of output.split('\n')) {
      if (stopped !== undefined) {
        if (line.trim() === `::${stopped}::`) stopped = undefined;
        continue;
      }
      const match = /^\s*::([^\s:]+)(?: [^:]*)?::(.*)$/.exec(line);
      if (!match) continue;
      if (match[1] === 'stop-commands') stopped = match[2];
      else acted.push(line.trim());
    }
    return acted;
  }

  function runStep(job: string, name: string, env: Record<string, string>) {
    const step = workflow('.github/workflows/pr-checks.yml').jobs[job]!.steps!.find(
      (s) => s.name === name,
    )!;
    const output = join(work, 'output');
    writeFileSync(output, '');
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        HOME: work,
        PATH: `${join(work, 'bin')}:${process.env.PATH ?? ''}`,
        RUNNER_TEMP: work,
        GITHUB_OUTPUT: output,
        ...env,
      },
    });
    return { ...result, acted: commands(result.stdout) };
  }

  it('cinc-auditor check output (profile text) is printed inert; each error is one escaped annotation', () => {
    const evil = 'bad control\n::add-mask::leak\n::set-output name=valid::true';
    mkdirSync(join(work, 'bin'), { recursive: true });
    const report = {
      summary: { valid: false, controls: 1 },
      errors: [{ file: 'controls/a,b.rb', line: 3, msg: evil }],
      warnings: [{ msg: '::warning::from the pull request' }],
    };
    writeFileSync(join(work, 'check.out'), JSON.stringify(report));
    const fake = join(work, 'bin', 'cinc-auditor');
    // A stand-in for `cinc-auditor check` that prints what a pull request can make it print.
    writeFileSync(fake, `#!/bin/sh\ncat '${join(work, 'check.out')}'\nexit 1\n`);
    chmodSync(fake, 0o755);
    const result = runStep('compliance', 'cinc-auditor check', { PROFILE: 'compliance/profile' });
    expect(result.status).not.toBe(0);
    expect(result.acted).toEqual([
      '::error file=controls/a%2Cb.rb,line=3::bad control%0A::add-mask::leak%0A::set-output name=valid::true',
    ]);
  });

  it('helm lint output (chart text) is printed inert', () => {
    mkdirSync(join(work, 'bin'), { recursive: true });
    const helm = join(work, 'bin', 'helm');
    writeFileSync(
      helm,
      '#!/bin/sh\ncase "$1" in lint) printf "==> Linting\\n::add-mask::x\\n[WARNING] templates: ::warning::y\\n";; package) echo packaged;; show) printf "name: shop\\nversion: 1.0.0\\n";; esac\n',
    );
    chmodSync(helm, 0o755);
    mkdirSync(join(work, 'chart'), { recursive: true });
    writeFileSync(join(work, 'chart', 'Chart.yaml'), 'name: shop\nversion: 1.0.0\n');
    const result = runStep('chart', 'helm lint and helm package', { CHART: join(work, 'chart') });
    expect(result.status).toBe(0);
    expect(result.acted).toEqual([]);
  });
});

describe('cloud identity (OIDC) through the well-known login actions', () => {
  const reusable = ['build', 'publish-chart', 'deploy', 'drift'].map(
    (name) => `.github/workflows/${name}.yml`,
  );

  it.each(reusable)(
    '%s logs in only when cloud is set, never under act, before the step that uses it',
    (path) => {
      const found = steps(path).filter(({ step }) => step.uses === '$/.github/actions/cloud-login');
      expect(found).toHaveLength(1);
      expect(found[0]!.step.if).toBe("inputs.cloud != '' && !env.ACT");
      expect(found[0]!.step.id).toBe('cloud');
      const job = workflow(path).jobs[found[0]!.job]!;
      expect((job.permissions as Mapping)['id-token']).toBe('write');
    },
  );

  it('the login actions are pinned by commit SHA', () => {
    const text = read('.github/actions/cloud-login/action.yml');
    const refs = [...text.matchAll(/uses:\s*(\S+)\s*(#.*)?$/gm)];
    expect(refs.map((m) => m[1]!.split('@')[0])).toEqual([
      'aws-actions/configure-aws-credentials',
      'google-github-actions/auth',
      'azure/login',
    ]);
    for (const [, ref, comment] of refs) {
      expect(ref).toMatch(/@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^# v\d+\.\d+\.\d+$/);
    }
  });

  it('pr-checks, which runs pull-request code, gets no cloud identity', () => {
    for (const job of Object.values(workflow('.github/workflows/pr-checks.yml').jobs)) {
      expect((job.permissions as Mapping | undefined)?.['id-token']).toBeUndefined();
    }
  });
});

describe("README's adoption section", () => {
  const readme = read('README.md');
  const section = readme.slice(
    readme.indexOf('## Adopting the pipeline'),
    readme.indexOf('\n## ', readme.indexOf('## Adopting the pipeline') + 1),
  );
  const blocks = [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

  it.each(['pipeline', 'pr-checks', 'drift'])('shows workflows/%s.yml line for line', (name) => {
    expect(blocks).toContain(read(`workflows/${name}.yml`));
  });

  it('the starters stay short: a few inputs, no logic', () => {
    for (const name of ['pipeline', 'pr-checks', 'drift']) {
      const text = read(`workflows/${name}.yml`);
      expect(text.split('\n').length, name).toBeLessThan(40);
      expect(text).not.toMatch(/^\s+(run|steps|if):/m);
    }
  });
});

describe('pr-checks: pull-request code never meets cluster credentials', () => {
  const jobs = workflow('.github/workflows/pr-checks.yml').jobs;
  const checksOut = (job: Job) =>
    (job.steps ?? []).some((step) => step.uses?.startsWith('actions/checkout@'));
  const credentials = (job: Job) =>
    job.environment !== undefined || JSON.stringify(job.steps ?? []).includes('secrets.kubeconfig');

  it('no job both checks out the pull request and gets a kubeconfig or an environment', () => {
    const both = Object.entries(jobs)
      .filter(([, job]) => checksOut(job) && credentials(job))
      .map(([id]) => id);
    expect(both).toEqual([]);
  });

  it('the templates are rendered with render-only, the live comparison takes only the rendered objects', () => {
    const render = jobs.render!.steps!.find((s) => s.uses === '$/actions/helm-deploy')!;
    expect(render.with).toMatchObject({ 'render-only': true });
    expect(render.with).not.toHaveProperty('kubeconfig');
    const compare = jobs['dry-run']!.steps!.find((s) => s.uses === '$/actions/helm-deploy')!;
    expect(compare.with).toMatchObject({
      'dry-run': true,
      rendered: '${{ needs.render.outputs.manifest }}',
    });
    expect(checksOut(jobs['dry-run']!)).toBe(false);
  });
});

describe('the pull-request dry run renders what the pipeline would deploy', () => {
  /** Every `${{ }}` in a multi-line text evaluated; the non-empty lines trimmed. */
  const lines = (text: string, given: Record<string, Record<string, string>>) =>
    text
      .replace(/\$\{\{(.*?)\}\}/g, (whole) => evaluate(whole, given))
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const starter = (name: string) =>
    workflow(`workflows/${name}.yml`).jobs[name === 'pipeline' ? 'delivery' : 'checks']!
      .with as Record<string, string>;

  it('the starters pass the same values files for every environment', () => {
    const pipeline = starter('pipeline');
    const pr = starter('pr-checks');
    for (const input of ['values', 'values-dev', 'values-stage', 'values-prod']) {
      expect(pr[input], input).toBe(pipeline[input]);
    }
  });

  it('an image the build reused (published already) is rendered by its digest, as the pipeline deploys it', () => {
    const jobs = workflow('.github/workflows/pr-checks.yml').jobs;
    expect(jobs.build!.outputs).toMatchObject({ ref: '${{ steps.build.outputs.ref }}' });
    const render = jobs.render!.steps!.find((step) => step.uses === '$/actions/helm-deploy')!;
    expect(render.with!.image).toMatch(/^\$\{\{ needs\.build\.outputs\.ref \|\| /);
  });

  it.each(['dev', 'stage', 'prod'])(
    'pr-checks renders %s with the values files, chart version and appVersion its deploy gets',
    (environment) => {
      const inputs = {
        values: 'deploy/values.yaml',
        'values-dev': 'deploy/values-dev.yaml',
        'values-stage': 'deploy/values-stage.yaml',
        'values-prod': 'deploy/values-prod.yaml',
        [`${environment}-environment`]: environment,
        environment,
      };
      const deploy = workflow('.github/workflows/pipeline.yml').jobs[environment]!.with as Record<
        string,
        string
      >;
      const publish = workflow('.github/workflows/pipeline.yml').jobs.publish!.with as Record<
        string,
        string
      >;
      const render = workflow('.github/workflows/pr-checks.yml').jobs.render!.steps!.find(
        (step) => step.uses === '$/actions/helm-deploy',
      )!.with!;
      const withBuild = (text: string) => text.replaceAll('needs.build.outputs.version', "'1.0.1'");
      expect(lines(render.values!, { inputs })).toEqual(lines(deploy.values!, { inputs }));
      expect(evaluate(withBuild(render['chart-version']!), { inputs })).toBe(
        evaluate(withBuild(publish['chart-version']!), { inputs }),
      );
      expect(evaluate(withBuild(render['app-version']!), { inputs })).toBe(
        evaluate(withBuild(publish['app-version']!), { inputs }),
      );
    },
  );
});

describe('verify looks at what was deployed', () => {
  it('by default the compliance target is a running pod of the release the job just deployed', () => {
    const deploy = workflow('.github/workflows/deploy.yml');
    const spec = (deploy.on.workflow_call as { inputs: Record<string, { default: string }> })
      .inputs;
    expect(spec['compliance-target']!.default).toBe('');
    const verify = steps('.github/workflows/deploy.yml').find(
      ({ step }) => step.uses === '$/actions/inspec-verify',
    )!.step;
    expect(verify.with!.target).toBe(
      '${{ inputs.compliance-target || steps.target.outputs.target }}',
    );
    const target = steps('.github/workflows/deploy.yml').find(
      ({ step }) => step.id === 'target',
    )!.step;
    expect(target.env).toMatchObject({
      NAMESPACE: '${{ steps.deploy.outputs.namespace }}',
      RELEASE: '${{ steps.deploy.outputs.release }}',
    });
    expect(target.run).toContain('k8s-container://$NAMESPACE/$pod');
  });
});

describe('the build cache is written', () => {
  it('build.yml sets up a docker-container builder (which can export type=gha) before build-image, unless the cache is off', () => {
    const list = steps('.github/workflows/build.yml').map(({ step }) => step);
    const builder = list.findIndex((step) => step.uses?.startsWith('docker/setup-buildx-action@'));
    const build = list.findIndex((step) => step.uses === '$/actions/build-image');
    expect(builder).toBeGreaterThan(-1);
    expect(builder).toBeLessThan(build);
    expect(list[builder]!.with).toMatchObject({ driver: 'docker-container' });
    expect(list[builder]!.if).toBe("inputs.cache != 'none' && !env.ACT");
    const spec = (
      workflow('.github/workflows/build.yml').on.workflow_call as {
        inputs: Record<string, { default: string }>;
      }
    ).inputs;
    expect(spec.cache!.default).toBe('gha');
  });
});
