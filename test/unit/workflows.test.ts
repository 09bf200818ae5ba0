import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/runner.js';

// Every workflow is read by GitHub's own parser (@actions/workflow-parser, the
// one behind the Actions language service), and checked for the rules the
// platform promises: nothing a user controls is pasted into a script, every
// third-party action is pinned by commit SHA, every `$/` reference names
// something that exists with inputs it declares, least permissions.

const REUSABLE = ['build', 'publish-chart', 'deploy', 'drift', 'pipeline', 'pr-checks'];
const STARTERS = ['pipeline', 'pr-checks', 'drift'];
/** The platform's own repository, as the starters (and app repositories) name it. */
const PLATFORM = 'pipeline-actions/pipeline-actions/';

function list(dir: string, suffix: string): string[] {
  return readdirSync(join(REPO_ROOT, dir))
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${dir}/${name}`);
}

const workflowFiles = [...list('.github/workflows', '.yml'), ...list('workflows', '.yml')];
const actionFiles = readdirSync(join(REPO_ROOT, 'actions'))
  .filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml')))
  .sort()
  .map((name) => `actions/${name}/action.yml`)
  .concat(
    readdirSync(join(REPO_ROOT, '.github', 'actions')).map(
      (name) => `.github/actions/${name}/action.yml`,
    ),
  );

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

type Mapping = Record<string, unknown>;
interface Step extends Mapping {
  uses?: string;
  run?: string;
  with?: Mapping;
}
interface Job extends Mapping {
  uses?: string;
  steps?: Step[];
  with?: Mapping;
  secrets?: Mapping | 'inherit';
  permissions?: Mapping | string;
}
interface Workflow {
  on: Mapping;
  permissions?: Mapping | string;
  jobs: Record<string, Job>;
}
interface InputSpec {
  required?: boolean;
  default?: unknown;
}

const yaml = (path: string) => load(read(path)) as Workflow;

/** A reusable-workflow or `$/` reference, as this repository resolves it. */
function localPath(ref: FileReference): string | undefined {
  if (!('repository' in ref)) return ref.path;
  if (`${ref.owner}/${ref.repository}/` === PLATFORM && ref.version === 'v1') return ref.path;
  return undefined;
}

async function parse(path: string) {
  const result = parseWorkflow({ name: path, content: read(path) }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return { errors, template: undefined };
  const template = await convertWorkflowTemplate(
    result.context,
    result.value,
    {
      // Calls to this repository's reusable workflows are read from the
      // working tree, so the parser checks their inputs and secrets too.
      getFileContent: async (ref: FileReference) => {
        const local = localPath(ref);
        if (local === undefined)
          throw new Error(`not a workflow of this repository: ${JSON.stringify(ref)}`);
        return { name: local, content: read(local) };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  return {
    errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)],
    template,
  };
}

function allSteps(workflow: Workflow): { job: string; step: Step }[] {
  return Object.entries(workflow.jobs).flatMap(([job, spec]) =>
    (spec.steps ?? []).map((step) => ({ job, step })),
  );
}

/** Whether a job logs in to a cloud (OIDC): itself, or through the workflow it calls. */
function logsIn(path: string, id: string): boolean {
  const job = yaml(path).jobs[id]!;
  if (job.uses?.startsWith('$/')) {
    const called = job.uses.slice(2);
    return Object.keys(yaml(called).jobs).some((name) => logsIn(called, name));
  }
  return (job.steps ?? []).some((step) => step.uses === '$/.github/actions/cloud-login');
}

describe("GitHub's workflow parser", () => {
  it.each(workflowFiles)('%s parses and converts without an error', async (path) => {
    const { errors, template } = await parse(path);
    expect(errors).toEqual([]);
    expect(template?.jobs.length).toBeGreaterThan(0);
  });

  it.each(actionFiles)('%s is a valid action definition', (path) => {
    const result = parseAction({ name: path, content: read(path) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('would catch a reusable-workflow call with an input the called workflow does not declare', async () => {
    const { errors } = await parseText(
      read('workflows/pipeline.yml').replace(
        'profile: compliance/profile',
        'profil: compliance/profile',
      ),
    );
    expect(errors.join('\n')).toMatch(/profil/);
  });
});

async function parseText(content: string) {
  const name = 'workflows/edited.yml';
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(
    result.context,
    result.value!,
    {
      getFileContent: async (ref: FileReference) => {
        const local = localPath(ref)!;
        return { name: local, content: read(local) };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  return {
    errors: [
      ...result.context.errors.getErrors().map((e) => e.message),
      ...(template.errors ?? []).map((e) => e.Message),
    ],
  };
}

describe('no untrusted expression reaches a script', () => {
  it.each(workflowFiles)(
    '%s: run: scripts hold no ${{ }} at all; values come in through env:',
    (path) => {
      const found = allSteps(yaml(path))
        .filter(({ step }) => typeof step.run === 'string' && step.run.includes('${{'))
        .map(
          ({ job, step }) =>
            `${job}: ${String(step.run)
              .split('\n')
              .find((l) => l.includes('${{'))}`,
        );
      expect(found).toEqual([]);
    },
  );

  it('the check itself catches inputs.*, github.event.* and github.head_ref in a script', () => {
    for (const expression of [
      'inputs.chart',
      'github.event.pull_request.title',
      'github.head_ref',
    ]) {
      const workflow: Workflow = {
        on: {},
        jobs: { j: { steps: [{ run: `echo "\${{ ${expression} }}"` }] } },
      };
      expect(allSteps(workflow).some(({ step }) => String(step.run).includes('${{'))).toBe(true);
    }
  });
});

describe('every action and reusable workflow is pinned', () => {
  it.each(workflowFiles)(
    '%s: third-party uses: are full commit SHAs with a version comment',
    (path) => {
      const text = read(path);
      const refs = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map(
        ([, ref = '', rest = '']) => ({
          ref,
          comment: rest.trim(),
        }),
      );
      expect(refs.length).toBeGreaterThan(0);
      for (const { ref, comment } of refs) {
        if (ref.startsWith('$/')) continue; // this repository, at the running commit
        if (ref.startsWith(PLATFORM)) {
          // The starters call the platform's own reusable workflows by release line.
          expect(path, `${ref}: only starters name the platform by tag`).toMatch(/^workflows\//);
          expect(ref).toMatch(
            /^pipeline-actions\/pipeline-actions\/\.github\/workflows\/[a-z-]+\.yml@v\d+$/,
          );
          continue;
        }
        expect(ref, `${path}: ${ref}`).not.toMatch(/^\.\//);
        expect(ref, `${path}: ${ref} is not pinned by commit SHA`).toMatch(
          /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/,
        );
        expect(comment, `${path}: ${ref} needs a "# vX.Y.Z" comment`).toMatch(/^# v\d+(\.\d+)*$/);
      }
    },
  );
});

describe('$/ references (this repository at the running commit)', () => {
  const references = workflowFiles.flatMap((path) => {
    const workflow = yaml(path);
    return [
      ...allSteps(workflow)
        .filter(({ step }) => step.uses?.startsWith('$/'))
        .map(({ job, step }) => ({
          path,
          job,
          uses: step.uses!,
          with: step.with ?? {},
          secrets: {},
        })),
      ...Object.entries(workflow.jobs)
        .filter(([, job]) => job.uses?.startsWith('$/'))
        .map(([job, spec]) => ({
          path,
          job,
          uses: spec.uses!,
          with: spec.with ?? {},
          secrets: (spec.secrets === 'inherit' ? {} : spec.secrets) ?? {},
        })),
    ];
  });

  it('exist in the reusable workflows', () => {
    expect(references.length).toBeGreaterThan(10);
  });

  it.each(references.map((r) => [`${r.path} ${r.job} → ${r.uses}`, r] as const))(
    '%s: target exists, every with: key is a declared input, required inputs are given',
    (_, reference) => {
      const target = reference.uses.slice(2);
      let inputs: Record<string, InputSpec>;
      let secrets: Record<string, InputSpec> = {};
      if (!target.endsWith('.yml')) {
        const file = join(target, 'action.yml');
        expect(existsSync(join(REPO_ROOT, file)), `${file} exists`).toBe(true);
        inputs = (load(read(file)) as { inputs?: Record<string, InputSpec> }).inputs ?? {};
      } else {
        expect(existsSync(join(REPO_ROOT, target)), `${target} exists`).toBe(true);
        const called = (yaml(target).on.workflow_call ?? {}) as {
          inputs?: Record<string, InputSpec>;
          secrets?: Record<string, InputSpec>;
        };
        inputs = called.inputs ?? {};
        secrets = called.secrets ?? {};
        expect(Object.keys(reference.secrets).filter((name) => !(name in secrets))).toEqual([]);
      }
      expect(Object.keys(reference.with).filter((name) => !(name in inputs))).toEqual([]);
      const missing = Object.entries(inputs)
        .filter(
          ([name, spec]) =>
            spec.required && spec.default === undefined && !(name in reference.with),
        )
        .map(([name]) => name);
      expect(missing).toEqual([]);
    },
  );
});

describe('the reusable workflows', () => {
  it.each(REUSABLE)(
    '%s.yml is called with workflow_call, has no permissions by default and least permissions per job',
    (name) => {
      const workflow = yaml(`.github/workflows/${name}.yml`);
      expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
      expect(workflow.permissions).toEqual({});
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job.permissions, `${name}/${id} declares its permissions`).toBeTypeOf('object');
        for (const [scope, level] of Object.entries(job.permissions as Mapping)) {
          expect(['read', 'write', 'none'], `${name}/${id} ${scope}`).toContain(level);
          // Nothing beyond what a stage needs.
          expect([
            'contents',
            'packages',
            'issues',
            'checks',
            'pull-requests',
            'id-token',
          ]).toContain(scope);
        }
        // A cloud identity token only where a cloud login can run.
        expect(
          (job.permissions as Mapping)['id-token'] === 'write',
          `${name}/${id} id-token: write`,
        ).toBe(logsIn(`.github/workflows/${name}.yml`, id));
      }
    },
  );

  it.each(workflowFiles)('%s: every checkout keeps no credentials', (path) => {
    for (const { job, step } of allSteps(yaml(path))) {
      if (!step.uses?.startsWith('actions/checkout@')) continue;
      expect(step.with?.['persist-credentials'], `${path} ${job}`).toBe(false);
    }
  });

  it('deploy runs in the GitHub Environment of its stage, one deploy per app and environment at a time', () => {
    const job = yaml('.github/workflows/deploy.yml').jobs.deploy!;
    expect(job.environment).toMatchObject({ name: '${{ inputs.environment }}' });
    expect(job.concurrency).toEqual({
      group:
        'pipeline-actions-deploy-${{ github.repository }}-${{ inputs.environment }}-${{ inputs.manifest }}-${{ inputs.release }}',
      'cancel-in-progress': false,
    });
    expect(job.steps?.map((s) => s.uses)).toEqual(
      expect.arrayContaining(['$/actions/helm-deploy', '$/actions/inspec-verify']),
    );
  });

  it('pipeline chains build → publish → dev → stage → prod, passing the digest and the chart ref', () => {
    const jobs = yaml('.github/workflows/pipeline.yml').jobs;
    expect(Object.keys(jobs)).toEqual(['changes', 'build', 'publish', 'dev', 'stage', 'prod']);
    expect(jobs.build!.needs).toBe('changes');
    expect(jobs.publish!.needs).toBe('build');
    expect(jobs.dev!.needs).toEqual(['build', 'publish']);
    expect(jobs.stage!.needs).toEqual(['build', 'publish', 'dev']);
    expect(jobs.prod!.needs).toEqual(['build', 'publish', 'stage']);
    for (const stage of ['dev', 'stage', 'prod']) {
      expect(jobs[stage]!.uses).toBe('$/.github/workflows/deploy.yml');
      expect(jobs[stage]!.with).toMatchObject({
        environment: `\${{ inputs.${stage}-environment }}`,
        image: '${{ needs.build.outputs.ref }}',
        chart: '${{ needs.publish.outputs.ref }}',
      });
    }
  });

  it('pr-checks reports every check job through pr-report, even when one failed', () => {
    const jobs = yaml('.github/workflows/pr-checks.yml').jobs;
    const report = jobs.report!;
    expect(report.needs).toEqual(Object.keys(jobs).filter((id) => id !== 'report'));
    expect(report.if).toBe('always()');
    expect(report.permissions).toEqual({ checks: 'write', 'pull-requests': 'write' });
    expect(report.steps?.[0]).toMatchObject({
      uses: '$/actions/pr-report',
      with: { needs: '${{ toJSON(needs) }}' },
    });
    expect(jobs.build!.steps?.find((s) => s.uses === '$/actions/build-image')?.with?.push).toBe(
      false,
    );
    expect(
      jobs['dry-run']!.steps?.find((s) => s.uses === '$/actions/helm-deploy')?.with?.['dry-run'],
    ).toBe(true);
  });
});

describe('starter workflows', () => {
  it.each(STARTERS)('workflows/%s.yml is a few lines that call the reusable workflow', (name) => {
    const workflow = yaml(`workflows/${name}.yml`);
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.uses).toBe(`${PLATFORM}.github/workflows/${name}.yml@v1`);
    expect(workflow.permissions).toEqual({});
    expect(jobs[0]!.secrets).not.toBe('inherit');
    expect(read(`workflows/${name}.yml`).split('\n').length).toBeLessThan(40);
  });

  it.each(STARTERS)(
    'workflows/%s.properties.json has the metadata GitHub workflow templates use',
    (name) => {
      const meta = JSON.parse(read(`workflows/${name}.properties.json`)) as Record<string, unknown>;
      expect(Object.keys(meta).sort()).toEqual([
        'categories',
        'description',
        'filePatterns',
        'iconName',
        'name',
      ]);
      expect(meta.name).toBeTypeOf('string');
      expect(meta.description).toBeTypeOf('string');
      expect(existsSync(join(REPO_ROOT, 'workflows', `${String(meta.iconName)}.svg`))).toBe(true);
      expect(Array.isArray(meta.categories) && meta.categories.length > 0).toBe(true);
      for (const pattern of meta.filePatterns as string[]) {
        expect(new RegExp(pattern).test('default.json')).toBe(true);
      }
    },
  );

  it('every workflow in workflows/ has its metadata file, and nothing else is there', () => {
    const files = readdirSync(join(REPO_ROOT, 'workflows')).sort();
    expect(files).toEqual(
      [
        ...STARTERS.flatMap((n) => [`${n}.yml`, `${n}.properties.json`]),
        'pipeline-actions.svg',
      ].sort(),
    );
  });
});

describe("the platform's publish-images caller (catalog/README.md)", () => {
  const block = /```yaml\n(# Publishes the standard images[\s\S]*?)```/.exec(
    read('catalog/README.md'),
  );
  const caller = block?.[1] ?? '';

  it('is in the README, and GitHub’s parser finds every input and secret in publish-images.yml', async () => {
    expect(caller).toContain('publish-images.yml@v1');
    expect((await parseText(caller)).errors).toEqual([]);
    // and the check bites: a misspelt input is an error
    const misspelt = caller.replace('      fleet: fleet.yaml', '      fleet-file: fleet.yaml');
    expect((await parseText(misspelt)).errors.join('\n')).toMatch(/fleet-file/);
  });

  it('grants at least every permission the jobs of publish-images.yml ask for', () => {
    const granted = (load(caller) as Workflow).jobs.publish?.permissions as Mapping;
    const rank = (level: unknown) => ['none', 'read', 'write'].indexOf(String(level ?? 'none'));
    const missing = Object.entries(yaml('.github/workflows/publish-images.yml').jobs).flatMap(
      ([job, spec]) =>
        Object.entries((spec.permissions ?? {}) as Mapping)
          .filter(([scope, level]) => rank(granted[scope]) < rank(level))
          .map(([scope, level]) => `${job}: ${scope}: ${String(level)}`),
    );
    expect(missing).toEqual([]);
  });
});
