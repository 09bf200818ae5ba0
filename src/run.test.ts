import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToolError, UserError, UserErrors } from './errors.js';
import { reportFailure, runAction } from './run.js';

let written: string[];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const commands = () => written.join('').split('\n').filter(Boolean);

describe('how a failure is reported', () => {
  it('a user error: where, what, and how to fix, as an annotation on the file', () => {
    reportFailure(
      'helm-deploy',
      new UserError('unresolved placeholder %%DB_URL%%', {
        fix: 'pass DB_URL in env:',
        location: { file: 'deploy/values.yaml', line: 12, column: 9 },
      }),
    );
    expect(process.exitCode).toBe(1);
    expect(commands()).toEqual([
      '::error title=Configuration error,file=deploy/values.yaml,line=12,col=9::unresolved placeholder %25%25DB_URL%25%25%0AFix: pass DB_URL in env:',
      '::error::helm-deploy: deploy/values.yaml:12:9: unresolved placeholder %25%25DB_URL%25%25%0AHow to fix: pass DB_URL in env:',
    ]);
  });

  it('many user errors: one annotation each, one failure listing them all', () => {
    const errors = [
      new UserError('a', { location: { file: 'v.yaml', line: 1 } }),
      new UserError('b', { location: { file: 'v.yaml', line: 2 } }),
    ];
    reportFailure('helm-deploy', new UserErrors('2 placeholders have no value:', errors));
    const lines = commands();
    expect(lines.filter((l) => l.includes('title=Configuration error'))).toHaveLength(2);
    expect(lines.at(-1)).toBe(
      '::error::helm-deploy: 2 placeholders have no value:%0A  - v.yaml:1: a%0A  - v.yaml:2: b',
    );
  });

  it('a tool failure: the command, its exit code and the end of its stderr', () => {
    reportFailure('helm-push', new ToolError('helm', ['push', 'x.tgz'], 1, 'Error: unauthorized'));
    expect(commands().at(-1)).toBe(
      '::error::helm-push: helm push x.tgz exited with code 1:%0A  Error: unauthorized',
    );
  });

  it('anything else: says it is unexpected, never blames the inputs', async () => {
    await runAction('drift-check', async () => {
      throw { weird: 'object' };
    });
    expect(process.exitCode).toBe(1);
    expect(commands().at(-1)).toContain('drift-check failed unexpectedly: {"weird":"object"}');
    expect(commands().at(-1)).toContain('This is not caused by your inputs');
  });

  it('success leaves the exit code alone', async () => {
    await runAction('build-image', async () => undefined);
    expect(process.exitCode).toBeUndefined();
  });
});
