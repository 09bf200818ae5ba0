import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Control } from './controls.js';
import { RepoLocator } from './locate.js';

const at = (ref: string, line = 3) => ({ source: { ref, line } }) as Control;

describe('locating controls in the repository', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'locate-'));
  mkdirSync(join(workspace, 'compliance', 'profile', 'controls'), { recursive: true });
  writeFileSync(join(workspace, 'compliance', 'profile', 'controls', 'web.rb'), '');
  const locator = new RepoLocator(workspace, join(workspace, 'compliance', 'profile'));

  it('takes a ref relative to the workspace (InSpec ran there), to the profile, or absolute inside it', () => {
    expect(locator.locate(at('compliance/profile/controls/web.rb'))).toEqual({
      path: 'compliance/profile/controls/web.rb',
      line: 3,
    });
    expect(locator.locate(at('./controls/web.rb', 7))).toEqual({
      path: 'compliance/profile/controls/web.rb',
      line: 7,
    });
    expect(locator.locate(at(join(workspace, 'compliance/profile/controls/web.rb')))?.path).toBe(
      'compliance/profile/controls/web.rb',
    );
  });

  it('gives nothing for a profile outside the repository (a git or archive cache) or a missing file', () => {
    expect(locator.locate(at('/home/runner/.inspec/cache/abc/controls/web.rb'))).toBeUndefined();
    expect(locator.locate(at('../elsewhere/controls/web.rb'))).toBeUndefined();
    expect(locator.locate(at('compliance/profile/controls/gone.rb'))).toBeUndefined();
    expect(locator.locate({ source: undefined } as Control)).toBeUndefined();
  });
});
