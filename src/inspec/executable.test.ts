import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INSPEC_FIXTURES, REPO_ROOT } from '../../test/fixtures/inspec/reports.js';
import { findExecutable, whichSync, type ExecutableRequest } from './executable.js';

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});

const request = (partial: Partial<ExecutableRequest>): ExecutableRequest => ({
  product: 'cinc-auditor',
  version: '6.8.24',
  executable: undefined,
  install: false,
  downloadUrl: 'https://omnitruck.cinc.sh',
  licenseKey: undefined,
  workspace: REPO_ROOT,
  ...partial,
});

describe('finding the tool', () => {
  it('uses the `executable` input, relative to the workspace', async () => {
    expect(
      await findExecutable(request({ executable: 'test/fixtures/inspec/bin/cinc-auditor' })),
    ).toEqual({
      path: join(INSPEC_FIXTURES, 'bin', 'cinc-auditor'),
      from: 'input',
    });
  });

  it('refuses an executable that does not exist or cannot run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exe-'));
    writeFileSync(join(dir, 'inspec'), '#!/bin/sh\n');
    chmodSync(join(dir, 'inspec'), 0o644);
    for (const executable of [join(dir, 'nope'), join(dir, 'inspec'), dir]) {
      await expect(findExecutable(request({ executable }))).rejects.toThrow(
        /does not exist or cannot be run/,
      );
    }
  });

  it('finds the tool on PATH', async () => {
    process.env.PATH = `/nonexistent:${join(INSPEC_FIXTURES, 'bin')}`;
    expect(await findExecutable(request({}))).toEqual({
      path: join(INSPEC_FIXTURES, 'bin', 'cinc-auditor'),
      from: 'PATH',
    });
    expect(whichSync('inspec', process.env.PATH)).toBe(join(INSPEC_FIXTURES, 'bin', 'inspec'));
  });

  it('fails clearly when it is missing and installing is refused, or Chef InSpec has no key to download with', async () => {
    process.env.PATH = '/nonexistent';
    await expect(findExecutable(request({}))).rejects.toThrow(
      'CINC Auditor is not installed on this runner and `install` is false.',
    );
    await expect(findExecutable(request({ product: 'inspec', install: true }))).rejects.toThrow(
      'Chef InSpec is not installed, and downloading it needs a licence key.',
    );
  });
});
