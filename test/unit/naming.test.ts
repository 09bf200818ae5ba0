import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSPEC_VERSION } from '../../src/inspec/install.js';
import { DEFAULT_HELM_VERSION } from '../../src/tools/helm.js';
import { REPO_ROOT } from '../support/runner.js';
// @ts-expect-error plain .mjs script without type declarations
import { interfaceNames, namingProblems, readNaming } from '../../scripts/naming.mjs';

// naming.yml is the one table of names (README.md's copy is generated from
// it). Every action.yml and every reusable workflow is read here, and a
// concept under another name fails with the file and the name to use.

interface Row {
  concept: string;
  names: string[];
  aliases?: string[];
}
interface Naming {
  family: string[];
  concepts: Row[];
}
interface Used {
  name: string;
  kind: 'input' | 'secret';
  where: string;
}
interface Problem {
  name: string;
  where: string;
  message: string;
}

const naming = readNaming() as Naming;
const used = interfaceNames() as Used[];
const problems = (names: Partial<Used>[]) =>
  (namingProblems(naming, names) as Problem[]).map((p) => p.message);

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const workflowFiles = readdirSync(join(REPO_ROOT, '.github', 'workflows')).map(
  (file) => `.github/workflows/${file}`,
);
const actionFiles = [...new Set(used.map((u) => u.where))]
  .filter((where) => where.startsWith('actions/'))
  .map((where) => `${where}/action.yml`);

describe('the naming table', () => {
  it('reads every action and every reusable workflow', () => {
    const places = new Set(used.map((u) => u.where));
    for (const action of [
      'build-image',
      'helm-push',
      'helm-deploy',
      'inspec-verify',
      'drift-check',
    ]) {
      expect(places).toContain(`actions/${action}`);
    }
    for (const workflow of ['build', 'publish-chart', 'deploy', 'pipeline', 'pr-checks', 'drift']) {
      expect(places).toContain(`.github/workflows/${workflow}.yml`);
    }
  });

  it('is followed by every action input and every reusable-workflow input and secret', () => {
    expect(problems(used)).toEqual([]);
  });

  it('gives each name to one concept, and never lists a name as its own alias', () => {
    const all = naming.concepts.flatMap((row) => [...row.names, ...(row.aliases ?? [])]);
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
  });

  it('has no row nobody uses', () => {
    const names = new Set(used.map((u) => u.name));
    const unused = naming.concepts.flatMap((row) => row.names).filter((n) => !names.has(n));
    expect(unused).toEqual([]);
  });

  it('names the place and the name to use for a concept under another name', () => {
    expect(
      problems([
        { name: 'tool-version', where: 'actions/inspec-verify' },
        { name: 'version', where: '.github/workflows/deploy.yml' },
        { name: 'password', where: 'actions/helm-push' },
      ]),
    ).toEqual([
      'actions/inspec-verify: "tool-version" is the CINC Auditor / InSpec version concept; call it "inspec-version" (naming.yml).',
      '.github/workflows/deploy.yml: "version" is the Chart version concept; call it "chart-version" (naming.yml).',
      'actions/helm-push: "password" is the Registry credentials concept; call it "registry-password" (naming.yml).',
    ]);
  });

  it('refuses a new version, credential or CA name that has no row', () => {
    expect(
      problems([
        { name: 'kubectl-version', where: 'actions/helm-deploy' },
        { name: 'oci-password', where: '.github/workflows/pipeline.yml' },
        { name: 'webhook-url', where: 'actions/drift-check' },
      ]),
    ).toEqual([
      'actions/helm-deploy: "kubectl-version" looks like a version, credential, CA, token, download location or Kubernetes tool, but naming.yml has no row for it; use a name from naming.yml or add a row.',
      '.github/workflows/pipeline.yml: "oci-password" looks like a version, credential, CA, token, download location or Kubernetes tool, but naming.yml has no row for it; use a name from naming.yml or add a row.',
    ]);
  });
});

describe('tool versions defined once, in the code', () => {
  const TOOL_INPUTS = [
    'helm-version',
    'helm-download-url',
    'inspec-version',
    'inspec-download-url',
  ];

  it('default to empty (the version this release pins) in every action and reusable workflow', () => {
    const pinned: string[] = [];
    for (const file of actionFiles) {
      const inputs = (load(read(file)) as { inputs?: Record<string, { default?: string }> }).inputs;
      for (const name of TOOL_INPUTS) {
        const value = inputs?.[name]?.default;
        if (value !== undefined && value !== '') pinned.push(`${file}: ${name}: ${value}`);
      }
    }
    for (const file of workflowFiles) {
      const on = (load(read(file)) as { on?: Record<string, unknown> }).on;
      const call = on?.workflow_call as { inputs?: Record<string, { default?: string }> } | null;
      for (const name of TOOL_INPUTS) {
        const value = call?.inputs?.[name]?.default;
        if (value !== undefined && value !== '') pinned.push(`${file}: ${name}: ${value}`);
      }
    }
    expect(pinned).toEqual([]);
  });

  it('never write the default helm version into an action or workflow', () => {
    const files = [
      ...actionFiles,
      ...workflowFiles,
      ...readdirSync(join(REPO_ROOT, 'workflows')).map((f) => `workflows/${f}`),
    ];
    expect(files.filter((file) => read(file).includes(DEFAULT_HELM_VERSION))).toEqual([]);
  });

  it('install the CINC Auditor inspec-verify pins where a workflow installs one itself', () => {
    // pr-checks installs CINC Auditor in a run: step (it only runs `check`),
    // so the default is written there once, and kept equal to the code here.
    expect(read('.github/workflows/pr-checks.yml')).toContain(
      `CINC_VERSION: \${{ inputs.inspec-version || '${DEFAULT_INSPEC_VERSION}' }}`,
    );
    const versions = workflowFiles.flatMap((file) =>
      [...read(file).matchAll(/CINC_VERSION: '([^']+)'/g)].map((m) => `${file}: ${m[1]}`),
    );
    for (const found of versions)
      expect(found).toMatch(new RegExp(`: ${DEFAULT_INSPEC_VERSION.replace(/\./g, '\\.')}$`));
  });
});
