import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Git } from '../tools/git.js';

/**
 * The files whose content makes up an application's sources: in a git
 * checkout, what git would commit (tracked files and untracked ones not
 * ignored, so build outputs listed in .gitignore do not count); elsewhere
 * every file. `.git` never counts, nor the paths in `exclude` (default.json,
 * which counts as configuration). Sorted, `/`-separated, relative to root.
 */
export async function listSourceFiles(
  root: string,
  exclude: readonly string[] = [],
  git: Pick<Git, 'listFiles'> = new Git(),
): Promise<string[]> {
  const listed = (await git.listFiles(root)) ?? (await walk(root, ''));
  const skipped = new Set(exclude);
  return listed
    .filter((path) => !skipped.has(path) && !path.split('/').includes('.git'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(root: string, rel: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await walk(root, path)));
    else files.push(path);
  }
  return files;
}
