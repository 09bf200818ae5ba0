import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from './source-files.js';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-sources-'));
  for (const file of ['default.json', 'src/app.js', 'dist/app.min.js', 'notes.txt', '.gitignore']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), file === '.gitignore' ? 'dist/\n' : file);
  }
  return dir;
}

describe('which files are sources', () => {
  it('in a git checkout: what git would commit (ignored build outputs do not count), default.json excluded', async () => {
    const dir = tree();
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'add', 'src', '.gitignore']);
    expect(await listSourceFiles(dir, ['default.json'])).toEqual([
      '.gitignore',
      'notes.txt',
      'src/app.js',
    ]);
  });

  it('outside git: every file but .git', async () => {
    const dir = tree();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'x');
    expect(await listSourceFiles(dir, ['default.json'])).toEqual([
      '.gitignore',
      'dist/app.min.js',
      'notes.txt',
      'src/app.js',
    ]);
  });
});
