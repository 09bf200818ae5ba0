import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserErrors } from '../errors.js';
import { readChartDirectory } from './chart.js';
import { parseLintOutput } from '../tools/helm/lint-output.js';
import { findingLocation, lintErrors } from './lint.js';

// The outputs below are what helm v3.17.3 and v4.1.4 really print for the
// same broken charts (test/fixtures/helm/lint-error and variations).
const FIXTURES = new URL('../../test/fixtures/helm/', import.meta.url).pathname;

const HELM3_TEMPLATE = `==> Linting lint-error
[INFO] Chart.yaml: icon is recommended
[ERROR] templates/: template: lint-error/templates/configmap.yaml:7:18: executing "lint-error/templates/configmap.yaml" at <.Values.settings.database.host>: nil pointer evaluating interface {}.host

Error: 1 chart(s) linted, 1 chart(s) failed
`;

const HELM4_TEMPLATE = `==> Linting lint-error
[INFO] Chart.yaml: icon is recommended
[ERROR] templates/: lint-error/templates/configmap.yaml:7:18
  executing "lint-error/templates/configmap.yaml" at <.Values.settings.database.host>:
    nil pointer evaluating interface {}.host

Error: 1 chart(s) linted, 1 chart(s) failed
`;

const YAML_AND_SEMVER = `==> Linting bad
[ERROR] Chart.yaml: version 'notsemver' is not a valid SemVer
[INFO] Chart.yaml: icon is recommended
[WARNING] Chart.yaml: version 'notsemver' is not a valid SemVerV2
[ERROR] values.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 124: did not find expected node content
[ERROR] templates/cm2.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'
[ERROR] : unable to load chart
	cannot load values.yaml: error converting YAML to JSON: yaml: line 124: did not find expected node content
[ERROR] templates/: parse error at (demo/templates/_helpers.tpl:2): missing value for if
[WARNING] templates/cm3.yaml: object name does not conform to Kubernetes naming requirements: "Bad_Name"
[ERROR] templates/: template: demo/charts/sub/templates/x.yaml:3:5: executing "x" at <.Values.a.b>: nil pointer

Error: 1 chart(s) linted, 1 chart(s) failed
`;

describe('helm lint findings', () => {
  it.each([
    ['helm 3', HELM3_TEMPLATE],
    ['helm 4', HELM4_TEMPLATE],
  ])('puts a %s template error at its file, line and column', (_, output) => {
    const errors = parseLintOutput(output).filter((f) => f.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'templates/',
      file: 'templates/configmap.yaml',
      line: 7,
      column: 18,
    });
    expect(errors[0]?.message).toContain('nil pointer evaluating interface {}.host');
  });

  it('keeps helm 4 continuation lines in the message', () => {
    const [, error] = parseLintOutput(HELM4_TEMPLATE);
    expect(error?.message.split('\n')).toHaveLength(3);
  });

  it('reads levels, YAML lines, parse errors and subchart templates', () => {
    const findings = parseLintOutput(YAML_AND_SEMVER);
    expect(findings.map((f) => [f.level, f.file, f.line])).toEqual([
      ['error', 'Chart.yaml', undefined],
      ['info', 'Chart.yaml', undefined],
      ['warning', 'Chart.yaml', undefined],
      ['error', 'values.yaml', 124],
      ['error', 'templates/cm2.yaml', 6],
      ['error', undefined, undefined],
      ['error', 'templates/_helpers.tpl', 2],
      ['warning', 'templates/cm3.yaml', undefined],
      ['error', 'charts/sub/templates/x.yaml', 3],
    ]);
    expect(findings[5]?.message).toContain('cannot load values.yaml');
  });

  it('finds nothing in a clean run', () => {
    expect(parseLintOutput('==> Linting .\n\n1 chart(s) linted, 0 chart(s) failed\n')).toEqual([]);
  });
});

describe('lint errors as user errors', () => {
  const chart = readChartDirectory(join(FIXTURES, 'lint-error'));

  it('annotates each error at the file of the chart and its line', () => {
    const error = lintErrors(parseLintOutput(HELM3_TEMPLATE), chart);
    expect(error).toBeInstanceOf(UserErrors);
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]?.location).toEqual({
      file: join(chart.dir, 'templates/configmap.yaml'),
      line: 7,
      column: 18,
    });
    expect(error.message).toMatch(
      /^helm lint found 1 error in chart lint-error; nothing was packaged or pushed:/,
    );
    expect(error.errors[0]?.fix).toMatch(/correct the template/);
  });

  it('points a Chart.yaml finding at the key it names', () => {
    const [finding] = parseLintOutput("[ERROR] Chart.yaml: version 'x' is not a valid SemVer\n");
    expect(findingLocation(finding!, chart)).toEqual({
      file: join(chart.dir, 'Chart.yaml'),
      line: 5,
    });
  });

  it('still fails clearly when helm named no error', () => {
    const error = lintErrors([], chart);
    expect(error.errors[0]?.message).toContain('without naming a problem');
  });
});
