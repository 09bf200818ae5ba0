// npm run bench [-- --only name[,name…]] [--runs N] [--warmups N] [--list]
//
// Runs the benchmarks on the local environment (test/env/up must have run)
// and rewrites bench/RESULTS.md: each stage side by side with what a user
// would run instead, medians of interleaved runs after discarded warm-ups,
// reported as ratios. Timings live here, never in tests. Node 24 runs this
// file as is; the library in src/ is loaded through lib/ts-hooks.mjs, which
// must be in place before any benchmark module is linked: hence the dynamic
// imports of the benchmarks.
import './lib/ts-hooks.mjs';
import { cpus, loadavg } from 'node:os';
import { loadEnvironment } from '../test/env/environment.ts';
import { describeMachine } from './lib/machine.mjs';
import { removeScratch } from './lib/paths.mjs';
import { loadResults, renderSection, saveResults, RESULTS_MD } from './lib/results.mjs';

const command = (name) => `npm run bench -- --only ${name}`;

/**
 * Every benchmark, in the order RESULTS.md lists them: the module and
 * function that run it, and its default runs and warm-ups.
 */
export const DEFINITIONS = [
  { name: 'startup', title: 'Start-up', module: './startup.mjs', runs: 11, warmups: 2 },
  { name: 'build-image', title: 'build-image', module: './build-image.mjs', runs: 7, warmups: 1 },
  { name: 'helm-deploy', title: 'helm-deploy', module: './helm-deploy.mjs', runs: 5, warmups: 1 },
  {
    name: 'digest-pinning',
    title: 'Digest pinning (helm-deploy)',
    module: './pinning.mjs',
    runs: 7,
    warmups: 1,
  },
  { name: 'drift', title: 'drift-check', module: './drift.mjs', runs: 5, warmups: 1 },
  {
    name: 'drift-scale',
    title: 'drift-check at scale',
    module: './drift-scale.mjs',
    runs: 3,
    warmups: 0,
  },
  { name: 'inspec', title: 'inspec-verify', module: './inspec.mjs', runs: 11, warmups: 2 },
].map((definition) => ({ ...definition, command: command(definition.name) }));

function parseArgs(argv) {
  const options = { only: undefined, runs: undefined, warmups: undefined, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--only') options.only = value().split(',').filter(Boolean);
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--warmups') options.warmups = Number(value());
    else if (arg === '--list') options.list = true;
    else throw new Error(`unknown argument ${arg} (use --only, --runs, --warmups, --list)`);
  }
  if (options.runs !== undefined && !(options.runs >= 1)) throw new Error('--runs must be ≥ 1');
  if (options.warmups !== undefined && !(options.warmups >= 0))
    throw new Error('--warmups must be ≥ 0');
  for (const name of options.only ?? []) {
    if (!DEFINITIONS.some((definition) => definition.name === name)) {
      throw new Error(
        `no benchmark "${name}"; there are: ${DEFINITIONS.map((d) => d.name).join(', ')}`,
      );
    }
  }
  return options;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.list) {
    for (const definition of DEFINITIONS) say(`${definition.name.padEnd(16)} ${definition.title}`);
    return 0;
  }
  const env = loadEnvironment();
  const machine = await describeMachine(env);
  const results = loadResults();
  const selected = DEFINITIONS.filter(
    (definition) => !options.only || options.only.includes(definition.name),
  );
  if ((options.runs ?? 5) < 5) {
    log(`note: --runs ${options.runs} is below the 5 runs RESULTS.md promises; for a trial only.`);
  }
  let failures = 0;
  for (const definition of selected) {
    const runs = options.runs ?? definition.runs;
    const warmups = options.warmups ?? definition.warmups;
    log(`==> ${definition.name}: ${runs} runs after ${warmups} warm-up(s)`);
    const started = Date.now();
    // The machine may be shared: the load when the section starts is part of its result.
    const load = { average: Number(loadavg()[0].toFixed(1)), cores: cpus().length };
    let section;
    try {
      const { benchmark } = await import(definition.module);
      const outcome = await benchmark({ env, runs, warmups, log });
      section = outcome.pending
        ? { pending: outcome.pending, date: new Date().toISOString() }
        : { ...outcome, runs, warmups, machine, load, date: new Date().toISOString() };
    } catch (error) {
      failures++;
      log(`${definition.name}: FAILED: ${error.stack ?? error}`);
      // No stale numbers: the section says it failed, and why.
      section = { failed: String(error.message ?? error), date: new Date().toISOString() };
    }
    results.sections[definition.name] = section;
    await saveResults(results, DEFINITIONS);
    say(renderSection(definition, section));
    log(`    ${definition.name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  removeScratch();
  log(`wrote ${RESULTS_MD}`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`bench: ${error.message}`);
    process.exit(2);
  },
);
