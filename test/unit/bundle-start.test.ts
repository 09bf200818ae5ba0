import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionMetadata, NODE24, REPO_ROOT, runBundle } from '../support/runner.js';

// The @actions/* packages are ESM-only: these prove each committed bundle
// really starts on Node 24 as the runner starts it, and that a missing or
// wrong input ends in one user-error message naming the input.
const ACTIONS = [
  'build-image',
  'helm-push',
  'helm-deploy',
  'inspec-verify',
  'drift-check',
  'pr-report',
];

function requiredInputs(action: string): string[] {
  return Object.entries(actionMetadata(action).inputs ?? {})
    .filter(([, input]) => input.required)
    .map(([name]) => name);
}

describe('each bundle starts under Node 24', () => {
  it('uses Node 24, the runtime action.yml declares', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  describe.each(ACTIONS)('%s', (action) => {
    it('has a committed bundle and declares node24', () => {
      expect(existsSync(join(REPO_ROOT, 'actions', action, 'dist', 'index.js'))).toBe(true);
      expect(existsSync(join(REPO_ROOT, 'actions', action, 'dist', 'licenses.txt'))).toBe(true);
    });

    it('names each missing required input in one user error', async () => {
      const required = requiredInputs(action);
      expect(required.length).toBeGreaterThan(0);
      for (const missing of required) {
        const given = Object.fromEntries(
          required.filter((n) => n !== missing).map((n) => [n, 'x']),
        );
        const run = await runBundle(action, given);
        expect(run.exitCode).toBe(1);
        const errors = run.annotations.filter((a) => a.level === 'error');
        expect(errors).toHaveLength(1);
        const message = errors[0]?.message ?? '';
        expect(message).toMatch(
          new RegExp(
            `^${action}: Input "${missing}" is required but was not set\\.\\nHow to fix: add \`${missing}: [^\\n]+ under \`with:\``,
          ),
        );
        expect(run.stderr).toBe('');
      }
    });
  });

  it('reports a wrong boolean with the accepted values', async () => {
    const run = await runBundle('helm-deploy', { chart: 'chart', environment: 'dev', wait: 'yes' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      'helm-deploy: Input "wait" must be true or false, not "yes".\nHow to fix: set `wait: true` or `wait: false`.',
    ]);
  });

  it('reports a wrong choice with every allowed value', async () => {
    const run = await runBundle('drift-check', { environment: 'dev', mode: 'fix' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(
      'Input "mode" is "fix", which is not one of: report, fail, remediate.',
    );
  });

  it('masks secret inputs before anything else runs', async () => {
    const run = await runBundle('helm-push', {
      destination: 'oci://r/x',
      'registry-password': 's3cr3t-value',
    });
    expect(run.masked).toContain('s3cr3t-value');
    expect(run.stdout.indexOf('::add-mask::s3cr3t-value')).toBeLessThan(
      run.stdout.indexOf('::error'),
    );
  });
});
