import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionRun } from './runner.js';

/**
 * Where a sentinel secret shows after a run: a log line (the `::add-mask::`
 * command that masks it aside: the runner masks the log, but a test holds
 * the action to never print it at all), the job summary, an output, an
 * annotation, or a file the action wrote (a report, SARIF, JUnit, what it
 * left in RUNNER_TEMP; directories are searched whole). Empty when nowhere.
 */
export function leaks(run: ActionRun, secret: string, files: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    if (line.includes(secret) && !line.startsWith('::add-mask::')) found.push(`log: ${line}`);
  }
  if (run.summary.includes(secret)) found.push('job summary');
  for (const [name, value] of Object.entries(run.outputs)) {
    if (value.includes(secret)) found.push(`output ${name}`);
  }
  for (const annotation of run.annotations) {
    if (JSON.stringify(annotation).includes(secret))
      found.push(`annotation: ${annotation.message}`);
  }
  for (const file of files.flatMap(filesUnder)) {
    if (readFileSync(file).includes(secret)) found.push(`file ${file}`);
  }
  return found;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}
