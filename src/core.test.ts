import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as core from './core.js';

/**
 * The runner's protocol as GitHub documents it: what each function writes
 * on stdout or into the files the runner names.
 */

const saved = { ...process.env };
let printed: string[] = [];
let dir = '';
beforeEach(() => {
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  dir = mkdtempSync(join(tmpdir(), 'core-test-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('the runner protocol', () => {
  it('escapes messages and annotation properties, leaving out empty ones', () => {
    core.warning('50% done\r\nnext', { file: 'a,b:c.yml', startLine: 3, title: '' });
    core.setSecret('s3cr%t');
    core.debug('a\nb');
    expect(printed).toEqual([
      '::warning file=a%2Cb%3Ac.yml,line=3::50%25 done%0D%0Anext\n',
      '::add-mask::s3cr%25t\n',
      '::debug::a%0Ab\n',
    ]);
  });

  it('fails the step with an error annotation and exit code 1', () => {
    core.setFailed('broken');
    expect(printed).toEqual(['::error::broken\n']);
    expect(process.exitCode).toBe(1);
  });

  it('reads inputs as the runner passes them', () => {
    process.env['INPUT_HELM-VERSION'] = '  v3.17.3 \n';
    process.env.INPUT_MY_INPUT = 'x';
    expect(core.getInput('helm-version')).toBe('v3.17.3');
    expect(core.getInput('helm-version', { trimWhitespace: false })).toBe('  v3.17.3 \n');
    expect(core.getInput('my input')).toBe('x');
    expect(core.getInput('absent')).toBe('');
    expect(() => core.getInput('absent', { required: true })).toThrow(
      'The input absent is required and was not given.',
    );
  });

  it('writes outputs and PATH into the files the runner names', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'output');
    process.env.GITHUB_PATH = join(dir, 'path');
    core.setOutput('manifest', 'a\nb');
    core.setOutput('count', 2);
    core.addPath('/opt/helm');
    const output = readFileSync(join(dir, 'output'), 'utf8');
    const values = [
      ...output.matchAll(/^(\w+)<<(pipeline_actions_end_[\w-]+)\n([\s\S]*?)\n\2\n/gm),
    ].map((match) => [match[1], match[3]]);
    expect(values).toEqual([
      ['manifest', 'a\nb'],
      ['count', '2'],
    ]);
    expect(readFileSync(join(dir, 'path'), 'utf8')).toBe('/opt/helm\n');
    expect(process.env.PATH?.startsWith('/opt/helm:')).toBe(true);
    expect(printed).toEqual([]);
  });

  it('appends the job summary to GITHUB_STEP_SUMMARY', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await core.summary
      .emptyBuffer()
      .addHeading('Deployed', 2)
      .addRaw('text', true)
      .addCodeBlock('x < y', 'diff')
      .write();
    expect(readFileSync(file, 'utf8')).toBe(
      'before\n<h2>Deployed</h2>\ntext\n<pre lang="diff"><code>x < y</code></pre>\n',
    );
    expect(core.summary.isEmptyBuffer()).toBe(true);
  });

  it('groups log lines', async () => {
    expect(await core.group('Install', async () => 42)).toBe(42);
    expect(printed).toEqual(['::group::Install\n', '::endgroup::\n']);
  });
});
