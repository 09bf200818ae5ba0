import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSPEC_FIXTURES, REPO_ROOT } from '../../test/fixtures/inspec/reports.js';
import { InfrastructureFailure } from './failures.js';
import { exitMeaning, Inspec, licenceRefusal, parseCheckOutput } from './tool.js';

const CINC = join(INSPEC_FIXTURES, 'bin', 'cinc-auditor');
const INSPEC = join(INSPEC_FIXTURES, 'bin', 'inspec');
const profile = (name: string) => `test/fixtures/inspec/profiles/${name}`;

// InSpec / CINC Auditor cannot be installed here: the stand-in replays
// reports in InSpec's JSON reporter format, with InSpec's exit codes (CI's
// e2e job runs the real one).
describe('the InSpec wrapper, driving the stand-in executable', () => {
  it('reads the version', async () => {
    expect(await new Inspec(CINC, 'cinc-auditor').version()).toBe('6.8.24');
  });

  it('checks a profile with `check PATH --format json`', async () => {
    const tool = new Inspec(CINC, 'cinc-auditor');
    expect(await tool.check(profile('passing'), REPO_ROOT)).toMatchObject({
      valid: true,
      errors: [],
    });
    const broken = await tool.check(profile('broken'), REPO_ROOT);
    expect(broken.valid).toBe(false);
    expect(broken.errors.map((e) => [e.file, e.line, e.control_id])).toEqual([
      ['controls/web.rb', 10, 'web-02'],
      ['controls/web.rb', 14, undefined],
    ]);
  });

  it('runs exec with the JSON reporter where it was told and reports what the exit code means', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspec-tool-'));
    const tool = new Inspec(CINC, 'cinc-auditor');
    const scan = (name: string) =>
      tool.exec({
        profile: profile(name),
        targetArgs: [],
        inputFile: undefined,
        waiverFile: undefined,
        reportPath: join(dir, `${name}.json`),
        cwd: REPO_ROOT,
      });
    expect((await scan('passing')).meaning).toBe('clean');
    expect((await scan('failing')).meaning).toBe('failed-controls');
    expect((await scan('skipped-only')).meaning).toBe('skipped-only');
    const unloadable = await scan('unloadable');
    expect([unloadable.exitCode, unloadable.meaning]).toEqual([102, 'profile-failed']);
    expect(unloadable.stderr).toContain('Failed to load source for controls/ports.rb');
    const report = JSON.parse(readFileSync(join(dir, 'passing.json'), 'utf8'));
    expect(report.profiles[0].controls[0].source_location.ref).toBe(
      'test/fixtures/inspec/profiles/passing/controls/web.rb',
    );
  });

  it('passes the licence key in the environment and raises a licence refusal from any command', async () => {
    const withoutKey = new Inspec(INSPEC, 'inspec');
    await expect(withoutKey.check(profile('passing'), REPO_ROOT)).rejects.toThrow(
      'Chef InSpec refused to run: no licence key is set (exit code 174).',
    );
    const withKey = new Inspec(INSPEC, 'inspec', 'free-tier-key');
    expect((await withKey.check(profile('passing'), REPO_ROOT)).valid).toBe(true);
  });
});

describe('exit codes', () => {
  it.each([
    [0, 'clean'],
    [100, 'failed-controls'],
    [101, 'skipped-only'],
    [102, 'profile-failed'],
    [1, 'usage-or-target'],
    [172, 'licence-not-accepted'],
    [173, 'licence-not-entitled'],
    [174, 'licence-not-set'],
    [2, 'unexpected'],
    [130, 'unexpected'],
  ] as const)('%i means %s', (code, meaning) => {
    expect(exitMeaning(code)).toBe(meaning);
  });

  it('turns only 172-174 into a licence failure that points at license-key and cinc-auditor', () => {
    for (const code of [172, 173, 174]) {
      const failure = licenceRefusal(code, 'Chef InSpec');
      expect(failure).toBeInstanceOf(InfrastructureFailure);
      expect(failure?.fix).toContain('or use `tool: cinc-auditor`');
    }
    expect([0, 1, 100, 101, 102].map((code) => licenceRefusal(code, 'Chef InSpec'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('check output', () => {
  it('finds the JSON after stray lines and rejects anything else', () => {
    const json = '{"summary":{"valid":false},"errors":[{"msg":"x"}],"warnings":[]}';
    expect(parseCheckOutput(`[2025-05-12T09:14:03] WARN: deprecated\n${json}\n`)).toEqual({
      valid: false,
      errors: [{ msg: 'x' }],
      warnings: [],
    });
    expect(parseCheckOutput('Location: .\nValid: true\n')).toBeUndefined();
    expect(parseCheckOutput('{"not": "check output"}')).toBeUndefined();
  });
});
