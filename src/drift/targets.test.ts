import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../errors.js';
import { parseManifest } from '../manifest/index.js';
import { buildPlaceholderContext } from '../template/index.js';
import { loadDriftConfig, parseDriftConfig, selectTargets } from './targets.js';

/** The targets config: templated, bounded, every mistake at its line, targets chosen per environment. */

const manifest = parseManifest(
  JSON.stringify({
    namespace: 'shop',
    application: { name: 'storefront', type: 'http_html', version: '1.2.3' },
    build: { system_setup: { buildfacts: { nodejs: '18' } } },
    build_command: 'true',
    artifacts: ['dist'],
    services: [],
  }),
  'default.json',
);
const context = buildPlaceholderContext({ manifest, environment: 'prod', env: { REGION: 'eu' } });

describe('the targets config', () => {
  it('reads targets with their values, templated from default.json, the environment and env:', () => {
    const config = parseDriftConfig(
      [
        'targets:',
        '  - chart: deploy/chart',
        '    values: ["deploy/values.yaml", "deploy/values-%%ENVIRONMENT%%.yaml"]',
        '    set: { region: "%%REGION%%" }',
        '    image: "registry.example.com/shop/%%APP_NAME%%:%%APP_VERSION%%"',
        '  - release: worker',
        '    namespace: batch',
        '    environment: [stage]',
        '    chart: oci://registry.example.com/charts/worker',
        '    version: 2.0.0',
        '    allow-mutable-tags: true',
      ].join('\n'),
      '.github/drift.yml',
      context,
      false,
    );
    expect(config.targets[0]).toMatchObject({
      chart: 'deploy/chart',
      values: ['deploy/values.yaml', 'deploy/values-prod.yaml'],
      set: { region: 'eu' },
      image: 'registry.example.com/shop/storefront:1.2.3',
      where: '.github/drift.yml targets[0]',
    });
    const prod = selectTargets(config, 'prod', manifest);
    expect(prod.map((target) => [target.release, target.namespace])).toEqual([
      ['storefront', 'shop-prod'],
    ]);
    expect(selectTargets(config, 'stage', manifest).map((target) => target.release)).toEqual([
      'storefront',
      'worker',
    ]);
  });

  it('takes a bare list inline, and adds the ignore input to the rules', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'drift-targets-'));
    const config = loadDriftConfig({
      inline: '- chart: chart\n  release: web\n  namespace: web',
      file: '.github/drift.yml',
      fileExplicit: false,
      ignore: '- pointer: /spec/replicas\n  kind: Deployment',
      workspace,
      context,
    });
    expect(config.targets).toHaveLength(1);
    expect(config.ignore).toEqual([
      { id: 'input ignore[0]', spec: { pointer: '/spec/replicas', kind: 'Deployment' } },
    ]);
  });

  it('says what to do when there is nothing to check', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'drift-targets-'));
    const load = () =>
      loadDriftConfig({
        inline: undefined,
        file: '.github/drift.yml',
        fileExplicit: false,
        ignore: undefined,
        workspace,
        context,
      });
    expect(load).toThrow(
      'There is nothing to check: the input "targets" is empty and .github/drift.yml does not exist.',
    );
    writeFileSync(join(workspace, 'drift.yml'), 'targets:\n  - chart: c\n    environment: dev\n');
    const config = loadDriftConfig({
      inline: undefined,
      file: 'drift.yml',
      fileExplicit: true,
      ignore: undefined,
      workspace,
      context,
    });
    expect(() => selectTargets(config, 'prod', manifest)).toThrow(
      'drift.yml has no target for environment "prod".',
    );
    expect(() =>
      selectTargets(
        { ...config, targets: [{ ...config.targets[0]!, environments: undefined }] },
        'prod',
        undefined,
      ),
    ).toThrow('drift.yml targets[0] has no release, and there is no default.json to take it from.');
  });

  it('reports every mistake in one pass, each at its line and column, with a fix', () => {
    const text = [
      'targets:', // 1
      '  - chart: chart', // 2
      '    valuess: [a.yaml]', // 3
      '    release: Not_A_Name', // 4
      '  - set: [1]', // 5
      'ignore:', // 6
      '  - pointer: spec/replicas', // 7
      'extra: true', // 8
    ].join('\n');
    let caught: unknown;
    try {
      parseDriftConfig(text, '.github/drift.yml', context, false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserErrors);
    const problems = (caught as UserErrors).errors.map((error) => [
      error.message,
      error.location?.line,
      error.location?.column,
      error.fix,
    ]);
    expect(problems).toEqual([
      ['extra: unknown key "extra".', 8, 1, 'use only: targets, ignore.'],
      ['targets[0].valuess: unknown key "valuess".', 3, 5, 'did you mean "values"?'],
      [
        'targets[0].release: "Not_A_Name" is not a release name.',
        4,
        5,
        'helm takes lowercase letters, digits and "-", at most 53 characters.',
      ],
      [
        'targets[1].chart: the chart is missing.',
        5,
        5,
        'give the chart directory, an oci:// reference or repo/name.',
      ],
      [
        'targets[1].set: must be a mapping of values, not a list.',
        5,
        5,
        'write set: { image.tag: "1.2.3" }.',
      ],
      [
        'ignore[0].pointer: "spec/replicas" is not a JSON pointer: it must start with "/"',
        7,
        5,
        'write a JSON pointer such as /metadata/labels/team (~1 for a "/" in a key).',
      ],
    ]);
  });

  it('refuses set: written as a string without quoting it (it may hold a password)', () => {
    expect(() =>
      parseDriftConfig(
        'targets:\n  - chart: c\n    release: web\n    namespace: web\n    set: "db.password=pw-sentinel-6a3b"\n',
        'drift.yml',
        context,
        false,
      ),
    ).toThrow(/^targets\[0\]\.set: must be a mapping of values, not a string\.$/);
  });

  it('names a placeholder without a value, and refuses a runaway file', () => {
    expect(() =>
      parseDriftConfig('targets:\n  - chart: "%%NOPE%%"\n', 'drift.yml', context, false),
    ).toThrow(UserError);
    expect(() =>
      parseDriftConfig(`targets:\n${'  - chart: c\n'.repeat(30_000)}`, 'drift.yml', context, false),
    ).toThrow(/bytes of YAML, more than/);
  });
});
