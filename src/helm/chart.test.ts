import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { readChartDirectory } from './chart.js';

const FIXTURES = new URL('../../test/fixtures/helm/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pa-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function chart(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'c-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function failure(dir: string): UserError {
  try {
    readChartDirectory(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('reading a chart directory', () => {
  it('reads name, version, appVersion and declared dependencies', () => {
    const read = readChartDirectory(join(FIXTURES, 'umbrella'));
    expect(read).toMatchObject({ name: 'umbrella', version: '0.3.0', appVersion: '0.3.0' });
    expect(read.dependencies).toEqual([
      { name: 'oci-dependency', version: '1.0.0', repository: '%%OCI_REPOSITORY%%' },
      { name: 'http-dependency', version: '~2.1.0', repository: '%%HTTP_REPOSITORY%%' },
    ]);
    expect(read.lineOf('dependencies')).toBe(8);
  });

  it('says a directory without Chart.yaml is not a chart, and where charts are', () => {
    const error = failure(join(FIXTURES, 'no-chart'));
    expect(error.message).toBe('This directory has no Chart.yaml, so it is not a Helm chart.');
    expect(error.location).toEqual({ file: join(FIXTURES, 'no-chart') });
    expect(error.fix).toMatch(/point `chart:` at the directory that holds Chart.yaml/);
    const parent = failure(FIXTURES);
    expect(parent.fix).toMatch(/\(found: .*test\/fixtures\/helm\//);
  });

  it('says a missing directory does not exist', () => {
    expect(failure(join(work, 'nope')).message).toMatch(
      /The chart directory .*nope does not exist\./,
    );
  });

  it('reports broken YAML at its line: an unclosed [ where it opened', () => {
    const error = failure(chart({ 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: [1\n' }));
    expect(error.location).toMatchObject({
      file: expect.stringMatching(/Chart\.yaml$/),
      line: 3,
      column: 10,
    });
  });

  it('names a missing field', () => {
    expect(failure(chart({ 'Chart.yaml': 'apiVersion: v2\nname: x\n' })).message).toBe(
      'Chart.yaml has no `version`.',
    );
  });

  it('keeps a version YAML reads as a number as written', () => {
    const dir = chart({ 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.10\n' });
    expect(readChartDirectory(dir).version).toBe('1.10');
  });

  it('reads the dependencies of an apiVersion v1 chart from requirements.yaml', () => {
    const dir = chart({
      'Chart.yaml': 'apiVersion: v1\nname: old\nversion: 1.0.0\n',
      'requirements.yaml':
        'dependencies:\n  - name: redis\n    version: 1.x\n    repository: https://charts.example.com\n',
    });
    const read = readChartDirectory(dir);
    expect(read.dependenciesFile).toBe(join(dir, 'requirements.yaml'));
    expect(read.dependencies[0]?.repository).toBe('https://charts.example.com');
  });
});
