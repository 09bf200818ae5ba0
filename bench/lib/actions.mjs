// Running the committed bundles for the benchmarks. Whole runs go through
// test/support/runner.ts's runBundle (exactly as the GitHub runner starts
// them); start-up runs need the child itself (to read its memory and stop it
// at its first real work), so they get the same environment from
// runnerEnvironment().
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeLocalCatalog } from '../../test/support/catalog.ts';
import {
  runBundle,
  runnerEnvironment as sharedRunnerEnvironment,
} from '../../test/support/runner.ts';
import { check } from './measure.mjs';
import { NODE24, ROOT, scratch } from './paths.mjs';

export { runBundle };

/** The runner's variables for one step: the same builder runBundle uses. */
export function runnerEnvironment(action, inputs, { workspace, env = {} }) {
  return sharedRunnerEnvironment(action, inputs, { workspace, env }).env;
}

/**
 * A checkout of the example application: examples/ copied (without build
 * outputs), the catalog of the local standard images, committed to git.
 */
export async function exampleCheckout(env, name = 'app') {
  const dir = scratch(name);
  cpSync(join(ROOT, 'examples'), dir, {
    recursive: true,
    filter: (src) => !/\/(node_modules|dist)(\/|$)/.test(src.slice(ROOT.length)),
  });
  writeLocalCatalog(dir, env);
  const git = (...args) =>
    check('git', [
      '-c',
      'safe.directory=*',
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@example.invalid',
      '-C',
      dir,
      ...args,
    ]);
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'the example app');
  return dir;
}

/** `[command]` lines the action logged (info and debug alike): what it ran. */
export function commandsRun(stdout) {
  return stdout
    .split('\n')
    .map((line) => line.replace(/^::debug::/, ''))
    .filter((line) => line.startsWith('[command]'))
    .map((line) => line.slice('[command]'.length));
}

/**
 * One run of a bundle with every stdout line stamped as it arrives: where
 * the time goes. Returns the segments between the `[command]` lines (each
 * segment is the tool named plus whatever the action did before the next
 * one), the first one being start-up up to the first tool.
 */
export function timeline(action, inputs, { workspace, env }) {
  const variables = runnerEnvironment(action, inputs, { workspace, env });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE24, [join(ROOT, 'actions', action, 'dist', 'index.js')], {
      cwd: workspace,
      env: variables,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const marks = [{ ms: 0, what: 'start-up and inputs, until the first tool' }];
    let pending = '';
    child.stdout.on('data', (chunk) => {
      const ms = performance.now() - started;
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const command = /^(?:::debug::)?\[command\](.*)$/.exec(line);
        if (command) marks.push({ ms, what: command[1] });
      }
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const end = performance.now() - started;
      const segments = marks.map((mark, i) => ({
        what: mark.what,
        ms: (marks[i + 1]?.ms ?? end) - mark.ms,
      }));
      resolve({ code, totalMs: end, segments });
    });
  });
}

/** Fails loudly with the action's own error when a run did not succeed. */
export function expectSuccess(action, result) {
  if (result.exitCode === 0) return result;
  const errors = result.annotations
    .filter((annotation) => annotation.level === 'error')
    .map((annotation) => annotation.message);
  throw new Error(
    `${action} failed (exit ${result.exitCode}): ${errors.join('\n') || result.stdout.slice(-3000)}`,
  );
}
