import { describe, expect, it } from 'vitest';
import { InfrastructureFailure } from './failures.js';
import { exitMeaning, type ScanResult } from './tool.js';
import { judgeScan } from './verdict.js';

function scan(exitCode: number, stderr = ''): ScanResult {
  return { exitCode, meaning: exitMeaning(exitCode), stderr };
}

const control = (id: string, results: object[]) => ({ id, impact: 0.5, results });
const report = (profiles: object[]) => JSON.stringify({ profiles, version: '6.8.24' });
const loaded = (controls: object[], extra = {}) => ({
  name: 'p',
  status: 'loaded',
  controls,
  ...extra,
});

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InfrastructureFailure);
    return (error as Error).message.replace(
      'Infrastructure failure, compliance was not evaluated: ',
      '',
    );
  }
  throw new Error('expected an infrastructure failure');
}

describe('whether a scan produced something to judge', () => {
  const ok = report([loaded([control('a', [{ status: 'failed' }])])]);

  it('judges a report after exit 0, 100 or 101 by its content, not by the code', () => {
    for (const code of [0, 100, 101]) {
      expect(
        judgeScan(scan(code), ok, 'CINC Auditor').collected.controls.map((c) => c.status),
      ).toEqual(['failed']);
    }
  });

  it.each([
    [
      'exit 1 (bad target or usage)',
      scan(1, 'Train::ClientError: bad'),
      ok,
      'CINC Auditor could not run the profile on the target (exit code 1):\nTrain::ClientError: bad',
    ],
    [
      'exit 102',
      scan(102, 'boom'),
      report([loaded([], { status: 'failed', status_message: 'syntax error' })]),
      'the profile "p" failed to load (exit code 102): syntax error',
    ],
    [
      'a failed profile even with exit 0',
      scan(0),
      report([loaded([], { status: 'failed', status_message: 'x' })]),
      'the profile "p" failed to load (exit code 0): x',
    ],
    [
      'an unexpected exit code',
      scan(3, 'deprecation is fatal'),
      ok,
      'CINC Auditor exited with code 3:\ndeprecation is fatal',
    ],
    ['no report', scan(0), undefined, 'CINC Auditor exited with code 0 but wrote no JSON report.'],
    [
      'a profile skipped on this platform',
      scan(101),
      report([
        loaded([], {
          status: 'skipped',
          skip_message: "Skipping profile: 'p' on unsupported platform: 'mac_os_x/14'.",
        }),
      ]),
      "the profile was skipped on this target (p: Skipping profile: 'p' on unsupported platform: 'mac_os_x/14'.).",
    ],
    [
      'no controls',
      scan(0),
      report([loaded([])]),
      'the report has no controls: nothing was verified.',
    ],
    [
      'no results at all',
      scan(0),
      report([loaded([control('a', []), control('b', [])])]),
      'none of the 2 controls produced a result: nothing ran on the target.',
    ],
  ])('%s is an infrastructure failure', (_, result, text, message) => {
    expect(failure(() => judgeScan(result, text, 'CINC Auditor'))).toBe(message);
  });

  it('a report that ends early is the tool dying, not a configuration error', () => {
    const truncated = ok.slice(0, Math.floor(ok.length / 2));
    let thrown: unknown;
    try {
      judgeScan(scan(100, 'Killed'), truncated, 'CINC Auditor');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InfrastructureFailure);
    const error = thrown as InfrastructureFailure;
    expect(error.message).toMatch(
      new RegExp(
        `^Infrastructure failure, compliance was not evaluated: CINC Auditor exited with code 100 and left an unreadable report \\(${truncated.length} bytes; it ends early .*is not valid JSON.*\\):\nKilled$`,
        's',
      ),
    );
    // Nothing points the user at a file: the action chose where the report went.
    expect(error.location).toBeUndefined();
    expect(error.fix).toMatch(/stopped while writing its report/);
    expect(error.fix).not.toMatch(/--reporter json:PATH/);
  });

  it('does not fail a wrapper because one of its dependencies was skipped on this platform', () => {
    const wrapper = report([
      loaded([control('a', [{ status: 'passed' }])], {
        name: 'wrapper',
        depends: [{ name: 'win', status: 'skipped' }],
      }),
      { name: 'win', parent_profile: 'wrapper', status: 'skipped', controls: [] },
    ]);
    expect(judgeScan(scan(101), wrapper, 'CINC Auditor').collected.controls).toHaveLength(1);
  });
});
