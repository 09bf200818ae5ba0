import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutageError, ToolError, TransientError, UserError, UserErrors } from './errors.js';
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

  it('an outage: names the service, the attempts and what was left, and says it is not the inputs', () => {
    reportFailure(
      'helm-push',
      new OutageError('the registry at ghcr.io', 'HTTP 503 Service Unavailable', {
        attempts: 4,
        elapsedMs: 12_345,
        consequence: 'nothing was published',
      }),
    );
    const line = commands().at(-1) ?? '';
    expect(line).toContain(
      'helm-push: the registry at ghcr.io could not be reached after 4 attempts over 12.3 s: HTTP 503 Service Unavailable; nothing was published',
    );
    expect(line).toContain('not a problem with your inputs');
    expect(line).not.toContain('failed unexpectedly');
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a DNS failure',
      Object.assign(new Error('getaddrinfo ENOTFOUND ghcr.example'), { code: 'ENOTFOUND' }),
    ],
    [
      'a transient error wrapped as a cause',
      new Error('pushing failed', { cause: new TransientError('HTTP 503') }),
    ],
    [
      'a Go tool that could not dial',
      new ToolError(
        'helm',
        ['push'],
        1,
        'Error: dial tcp 127.0.0.1:5000: connect: connection refused',
      ),
    ],
  ])('%s is reported as an outage, not as our bug', (_, error) => {
    reportFailure('helm-push', error);
    const line = commands().at(-1) ?? '';
    expect(line).toContain('helm-push: a service this step needs could not be reached:');
    expect(line).not.toContain('failed unexpectedly');
  });

  it('a tool that said no (not an outage) is still reported as the tool failing', () => {
    reportFailure(
      'helm-push',
      new ToolError(
        'helm',
        ['push'],
        1,
        'Error: denied: requested access to the resource is denied',
      ),
    );
    expect(commands().at(-1)).not.toContain('could not be reached');
  });

  it('success leaves the exit code alone', async () => {
    await runAction('build-image', async () => undefined);
    expect(process.exitCode).toBeUndefined();
  });
});
