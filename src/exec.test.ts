import { describe, expect, it } from 'vitest';
import { ToolError, UserError } from './errors.js';
import { Exec, quoteForDisplay } from './exec.js';

// Real processes: the wrapper is the one place anything is started.
describe('Exec', () => {
  it('passes arguments literally, never through a shell', async () => {
    const hostile = '$(touch /tmp/pa-pwned); `id` && echo ; | > x';
    const result = await Exec.run('printf', ['%s', hostile], { silent: true });
    expect(result).toEqual({ exitCode: 0, stdout: hostile, stderr: '' });
  });

  it('returns the exit code, stdout and stderr of a failing command', async () => {
    const result = await Exec.run('sh', ['-c', 'echo out; echo err >&2; exit 7'], { silent: true });
    expect(result).toEqual({ exitCode: 7, stdout: 'out\n', stderr: 'err\n' });
  });

  it('check() throws a ToolError carrying the end of stderr', async () => {
    const script = 'for i in $(seq 1 30); do echo "line $i" >&2; done; exit 3';
    const error = await Exec.check('sh', ['-c', script], { silent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolError);
    const toolError = error as ToolError;
    expect(toolError.exitCode).toBe(3);
    expect(toolError.message).toContain('exited with code 3');
    expect(toolError.message).toContain('line 30');
    expect(toolError.message).toContain('… 10 earlier lines');
    expect(toolError.message).not.toContain('line 10\n');
  });

  it('feeds input on stdin', async () => {
    const result = await Exec.run('cat', [], { input: 'kind: ConfigMap\n', silent: true });
    expect(result.stdout).toBe('kind: ConfigMap\n');
  });

  it('sets and removes environment variables for the child only', async () => {
    process.env.PA_EXEC_TEST_REMOVE = 'present';
    const result = await Exec.run('sh', ['-c', 'echo "$PA_A:${PA_EXEC_TEST_REMOVE:-gone}"'], {
      env: { PA_A: 'set', PA_EXEC_TEST_REMOVE: undefined },
      silent: true,
    });
    expect(result.stdout).toBe('set:gone\n');
    expect(process.env.PA_EXEC_TEST_REMOVE).toBe('present');
    delete process.env.PA_EXEC_TEST_REMOVE;
  });

  it('names a missing program as a user error', async () => {
    const error = await Exec.run('no-such-tool-pa', ['x'], { silent: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('"no-such-tool-pa" was not found.');
  });

  it('kills a command that overruns its timeout', async () => {
    const error = await Exec.run('sleep', ['5'], { timeoutMs: 200, silent: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toContain('killed by SIGTERM (timeout 200 ms)');
  });

  it('refuses to hold unbounded output', async () => {
    const error = await Exec.run('head', ['-c', '2000', '/dev/zero'], {
      maxOutputBytes: 1000,
      silent: true,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('more than 1000 bytes to stdout');
  });

  it.each([
    ['plain', 'plain'],
    ['--set=a.b=1', '--set=a.b=1'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
  ])('shows %s as %s in logs', (arg, shown) => {
    expect(quoteForDisplay(arg)).toBe(shown);
  });
});
