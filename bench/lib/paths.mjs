// Where things are: the repository, Node 24, and the benchmarks' own state
// directory (outside the repository, next to test/env's state).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateDir } from '../../test/env/environment.ts';
import { NODE24, REPO_ROOT } from '../../test/support/runner.ts';

export { NODE24 };
export const ROOT = REPO_ROOT;
export const BENCH = join(ROOT, 'bench');

/** ~/.cache/pipeline-actions/bench/<parts>, created. */
export function benchState(...parts) {
  const dir = join(stateDir(), 'bench', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A name unique to this run, for registry paths and namespaces (DNS-1123 safe). */
export const RUN_ID = `${Date.now().toString(36)}${process.pid.toString(36)}`;

/** This run's scratch directories (workspaces, contexts, reports), all under one folder. */
const SCRATCH = join(tmpdir(), `pa-bench-${RUN_ID}`);

export function scratch(name) {
  mkdirSync(SCRATCH, { recursive: true });
  return mkdtempSync(join(SCRATCH, `${name}-`));
}

/** Removes every scratch directory of this run (the runner helper's own temp files stay). */
export function removeScratch() {
  rmSync(SCRATCH, { recursive: true, force: true });
}
