// Timing, processes and formatting shared by every benchmark.
//
// Each comparison is sampled side by side: the variants take turns within a
// round (the order rotates every round, so neither side always runs first on
// a warm or a busy machine), the first `warmups` rounds are discarded, and
// the median of the rest is what RESULTS.md shows, with the range.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each variant `warmups + runs` times, interleaved. A variant is an
 * async function of the round number that may return details (an exit code,
 * a count); the details of the measured rounds are kept with the timings.
 * Returns, per variant: { ms: [...], median, min, max, details: [...] }.
 */
export async function sample(variants, { warmups, runs, log = () => {} }) {
  const names = Object.keys(variants);
  const results = Object.fromEntries(names.map((name) => [name, { ms: [], details: [] }]));
  for (let round = 0; round < warmups + runs; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const started = performance.now();
      const details = await variants[name](round);
      const ms = performance.now() - started;
      const warm = round < warmups;
      log(
        `    ${warm ? 'warm-up' : `run ${round - warmups + 1}/${runs}`} ${name}: ${formatMs(ms)}`,
      );
      if (!warm) {
        results[name].ms.push(ms);
        results[name].details.push(details);
      }
    }
  }
  for (const result of Object.values(results)) summarize(result);
  return results;
}

/** Adds median, min and max of `ms` (or of `key`) to a result. */
export function summarize(result, key = 'ms') {
  const values = result[key];
  result.median = median(values);
  result.min = Math.min(...values);
  result.max = Math.max(...values);
  return result;
}

/**
 * Starts a process without a shell and collects its output. `input` goes to
 * stdin; `pipeFrom` is another started process whose stdout becomes stdin
 * (a shell pipe, `a | b`, without the shell). Rejects only when it cannot
 * start or runs past the timeout; a non-zero exit is the caller's to judge.
 */
export function run(command, args, options = {}) {
  const { cwd, env, input, timeoutMs = 600_000, pipeFrom } = options;
  return new Promise((resolve, reject) => {
    const feeds = input !== undefined || pipeFrom !== undefined;
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: [feeds ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    // A child may exit without reading all of its input (kubectl diff on an error).
    child.stdin?.on('error', () => {});
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: no exit after ${timeoutMs} ms`));
    }, timeoutMs);
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? 128,
        signal,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
    if (pipeFrom) pipeFrom.stdout.pipe(child.stdin);
    else if (input !== undefined) child.stdin.end(input);
  });
}

/** `a | b`: both started at once, a's stdout into b; resolves with both results. */
export async function pipe([commandA, argsA, optionsA = {}], [commandB, argsB, optionsB = {}]) {
  const first = spawn(commandA, argsA, {
    cwd: optionsA.cwd,
    env: optionsA.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const firstErr = [];
  first.stderr.on('data', (chunk) => firstErr.push(chunk));
  const firstDone = new Promise((resolve, reject) => {
    first.on('error', reject);
    first.on('close', (code) =>
      resolve({ code: code ?? 128, stderr: Buffer.concat(firstErr).toString() }),
    );
  });
  const second = run(commandB, argsB, { ...optionsB, pipeFrom: first });
  return { first: await firstDone, second: await second };
}

/** Like run(), but a non-zero exit (other than those `allowed`) is an error with the output. */
export async function check(command, args, options = {}) {
  const result = await run(command, args, options);
  const allowed = options.allowed ?? [0];
  if (!allowed.includes(result.code)) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}:\n${(result.stderr || result.stdout).slice(-3000)}`,
    );
  }
  return result;
}

export function formatMs(ms) {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function formatMiB(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Bundle sizes are compared with "1.5 MB": decimal megabytes. */
export function formatMB(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function formatRatio(ratio) {
  return `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}×`;
}

/** `median (min–max)` of a sampled result, in ms or s. */
export function formatSample(result) {
  return `${formatMs(result.median)} (${formatMs(result.min)}–${formatMs(result.max)})`;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
