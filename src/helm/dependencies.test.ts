import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { readChartDirectory } from './chart.js';
import { planDependencies, repositoryName } from './dependencies.js';

const work = mkdtempSync(join(tmpdir(), 'pa-deps-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function chartWith(dependencies: string) {
  const dir = mkdtempSync(join(work, 'c-'));
  writeFileSync(
    join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n${dependencies}`,
  );
  return readChartDirectory(dir);
}

describe('where dependencies come from', () => {
  it('groups OCI registries, HTTP repositories and local charts', () => {
    const plan = planDependencies(
      chartWith(`  - name: a
    version: 1.0.0
    repository: oci://127.0.0.1:5000/charts
  - name: b
    version: 1.0.0
    repository: oci://127.0.0.1:5000/other
  - name: c
    version: 2.x
    repository: https://charts.example.com/stable
  - name: d
    version: 0.1.0
    repository: file://../d
  - name: e
    version: 0.1.0
`),
    );
    expect(plan.registries).toEqual(['127.0.0.1:5000']);
    expect(plan.repositories).toEqual(['https://charts.example.com/stable']);
    expect(plan.local.map((d) => d.name)).toEqual(['d', 'e']);
  });

  it.each(['"@stable"', 'alias:stable', 'git://example.com/x'])(
    'refuses a repository written as %s, at the dependencies line',
    (repository) => {
      const chart = chartWith(
        `  - name: redis\n    version: 1.0.0\n    repository: ${repository}\n`,
      );
      let error: UserError | undefined;
      try {
        planDependencies(chart);
      } catch (caught) {
        error = caught as UserError;
      }
      expect(error).toBeInstanceOf(UserError);
      expect(error?.message).toMatch(/^The repository of dependency "redis" cannot be used: /);
      expect(error?.fix).toContain('oci://registry/path, https://charts.example.com');
      expect(error?.location).toEqual({ file: chart.chartFile, line: 4 });
    },
  );

  it('names each HTTP repository the same way every time', () => {
    expect(repositoryName('https://a.example/x')).toBe(repositoryName('https://a.example/x'));
    expect(repositoryName('https://a.example/x')).not.toBe(repositoryName('https://a.example/y'));
    expect(repositoryName('https://a.example/x')).toMatch(/^dep-[a-f0-9]{12}$/);
  });
});
