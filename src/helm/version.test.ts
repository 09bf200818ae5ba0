import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { checkChartVersion } from './version.js';

describe('chart versions', () => {
  it.each(['0.1.0', '1.2.3-rc.1', '1.2.3+build.7', '10.20.30-alpha.1+sha.5114f85'])(
    'accepts %s',
    (version) => expect(() => checkChartVersion(version, { input: 'version' })).not.toThrow(),
  );

  it.each([
    ['1.2', 'is not a semantic version'],
    ['v1.2.3', 'starts with "v"'],
    ['1.2.3.4', 'is not a semantic version'],
    ['01.2.3', 'is not a semantic version'],
    ['latest', 'is not a semantic version'],
    [`1.0.0+${'a'.repeat(130)}`, 'longer than the 128 characters'],
  ])('refuses %s: it %s', (version, problem) => {
    let error: unknown;
    try {
      checkChartVersion(version, { input: 'version' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(problem);
    expect((error as UserError).fix).toContain('set `version` to an exact semantic version');
  });

  it('points at Chart.yaml when the version comes from there', () => {
    let error: UserError | undefined;
    try {
      checkChartVersion('1.2', { location: { file: 'chart/Chart.yaml', line: 5 } });
    } catch (caught) {
      error = caught as UserError;
    }
    expect(error?.message).toBe(
      'The chart version in Chart.yaml is "1.2", which is not a semantic version (MAJOR.MINOR.PATCH, optionally -prerelease and +build).',
    );
    expect(error?.location).toEqual({ file: 'chart/Chart.yaml', line: 5 });
  });
});
