import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/runner.js';

// The manifest is validated by code generated from schema/default.schema.json at
// build time; a schema edit without regenerating would validate against the old schema.
describe('generated validators', () => {
  it('equal what the published schemas compile to today', () => {
    const run = () =>
      execFileSync(process.execPath, ['scripts/gen-validators.mjs', '--check'], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  });
});
