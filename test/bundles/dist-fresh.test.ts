import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE24, REPO_ROOT } from '../support/runner.js';

// A `uses:` line runs the committed bundle as it is: it must be exactly what
// the sources build to today.
describe('committed bundles', () => {
  it('equal a fresh build, file for file', { timeout: 180_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-dist-'));
    execFileSync(NODE24, ['scripts/build.mjs', '--out', out], { cwd: REPO_ROOT, stdio: 'pipe' });
    const actions = readdirSync(out);
    expect(actions.sort()).toEqual([
      'build-image',
      'drift-check',
      'helm-deploy',
      'helm-push',
      'inspec-verify',
      'pr-report',
    ]);
    for (const action of actions) {
      const fresh = readdirSync(join(out, action)).sort();
      const committed = readdirSync(join(REPO_ROOT, 'actions', action, 'dist')).sort();
      expect(committed, `files of actions/${action}/dist`).toEqual(fresh);
      for (const file of fresh) {
        const same = readFileSync(join(out, action, file)).equals(
          readFileSync(join(REPO_ROOT, 'actions', action, 'dist', file)),
        );
        expect(same, `actions/${action}/dist/${file} is stale: run npm run build`).toBe(true);
      }
    }
  });
});
