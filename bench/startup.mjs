// Start-up: each committed bundle on Node 24, from process start to its
// first real work, and the bundle's size; side by side with a stand-in for
// docker/build-push-action (its published bundle is not on any registry this
// machine reaches; see standin.mjs) and the figures published for it.
//
// "First real work" is whichever comes first of the bundle's first request
// to a server (a local HTTP listener stands in for the registry or the API
// server the inputs name) and its first `[command]` line on stdout (the line
// the action prints right before it starts a tool). At that moment the
// child's peak resident memory so far (VmHWM in /proc/<pid>/status, the
// figure `/usr/bin/time -v` reports as maximum resident set size) is read
// and the child is stopped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { exampleCheckout, runnerEnvironment } from './lib/actions.mjs';
import {
  check,
  formatMB,
  formatMiB,
  formatMs,
  formatRatio,
  median,
  sample,
  summarize,
} from './lib/measure.mjs';
import { BENCH, NODE24, ROOT } from './lib/paths.mjs';
import { buildPushStandIn, PUBLISHED } from './standin.mjs';

const STAND_IN_LABEL = 'docker/build-push-action stand-in';
const FLOOR_LABEL = 'Node 24 alone';
/** The actions that load and validate default.json before their first real work. */
const READS_MANIFEST = new Set(['build-image', 'helm-deploy', 'drift-check']);

/** A listener that only notes that a request arrived. */
async function listener() {
  const waiting = new Set();
  const server = createServer((request) => {
    for (const notify of waiting) notify(`${request.method} ${request.url}`);
    // Never answered: the child is stopped as soon as this arrives.
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${server.address().port}`,
    onRequest(notify) {
      waiting.add(notify);
      return () => waiting.delete(notify);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function peakRssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** A sample whose memory could not be read: the child had already exited (its tool finished first). */
class ExitedBeforeSample extends Error {}

/**
 * Starts `script` on Node 24 and stops it at its first real work. A child
 * that exits before its peak memory is read (the stand-in's `docker version`
 * can finish before this process sees the line) is started again, at most
 * three times in all: that sample has no memory figure, not a smaller one.
 */
async function untilFirstWork(script, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await firstWorkOnce(script, options);
    } catch (error) {
      if (!(error instanceof ExitedBeforeSample) || attempt === 3) throw error;
    }
  }
}

function firstWorkOnce(script, { env, cwd, server }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE24, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let settled = false;
    const finish = (what) => {
      if (settled) return;
      settled = true;
      const ms = performance.now() - started;
      let rss;
      try {
        rss = peakRssBytes(child.pid);
      } catch (error) {
        stopListening();
        reject(
          child.exitCode !== null || child.signalCode !== null || /no VmHWM/.test(String(error))
            ? new ExitedBeforeSample(String(error))
            : error,
        );
        return;
      }
      child.kill('SIGKILL');
      stopListening();
      resolve({ ms, rss, what });
    };
    const stopListening = server.onRequest((request) => finish(`request ${request}`));
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => /^(::debug::)?\[command\]/.test(text));
      if (line) finish(line.replace(/^(::debug::)?\[command\]/, 'exec ').slice(0, 120));
    });
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      stopListening();
      reject(new Error(`${script} exited ${code} before any real work:\n${output.slice(-3000)}`));
    });
  });
}

/** One measured bundle: what it did first, time and memory (median and spread), size, ratio. */
/** Process start to exit of a bundle given no inputs at all: its first error ("Input required"). */
function untilFirstError(script, { env, cwd }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE24, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0)
        reject(new Error(`${script} succeeded without inputs:\n${output.slice(-2000)}`));
      else resolve({ ms, what: /::error::([^\n]{0,80})/.exec(output)?.[1] ?? `exit ${code}` });
    });
  });
}

function row(label, firstWork, result, size, ratio) {
  return [
    label,
    firstWork,
    `\`${result.details[0].what}\``,
    `${formatMs(result.median)} (${formatMs(result.min)}–${formatMs(result.max)})`,
    `${formatMiB(result.rssSummary.median)} (max ${formatMiB(result.rssSummary.max)})`,
    size,
    formatRatio(ratio),
  ];
}

/** Ajv loaded and default.json's schema compiled, in fresh processes: the medians. */
async function schemaCost(runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = await check(NODE24, [join(BENCH, 'standin', 'ajv-compile.mjs')], { cwd: ROOT });
    samples.push(JSON.parse(result.stdout));
  }
  const importMs = median(samples.map((item) => item.importMs));
  const compileMs = median(samples.map((item) => item.compileMs));
  return {
    importMs,
    compileMs,
    ms: median(samples.map((item) => item.importMs + item.compileMs)),
    bytes: median(samples.map((item) => item.after - item.before)),
  };
}

function kubeconfigFor(dir, address) {
  const path = join(dir, 'listener.kubeconfig');
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: bench, cluster: {server: "http://' + address + '"}}]',
      'users: [{name: bench, user: {token: bench-token}}]',
      'contexts: [{name: bench, context: {cluster: bench, user: bench}}]',
      'current-context: bench',
      '',
    ].join('\n'),
  );
  return path;
}

/** What each action is given so that it reaches its first real work. */
function scenarios(env, workspace, server) {
  const kubeconfig = kubeconfigFor(workspace, server.address);
  const helmPath = `${join(env.helm3, '..')}:${process.env.PATH}`;
  return {
    'build-image': {
      inputs: { registry: `${server.address}/bench`, catalog: 'catalog.yaml', cache: 'none' },
      firstWork:
        'git ls-files (listing the sources) or its first registry request (listing the tags), side by side',
    },
    'helm-push': {
      inputs: {
        chart: 'chart',
        destination: `oci://${server.address}/charts`,
        'helm-version': 'path',
      },
      env: { PATH: helmPath },
      firstWork: 'its first registry request (the destination check) or helm',
    },
    'helm-deploy': {
      inputs: {
        chart: 'chart',
        environment: 'dev',
        values: 'deploy/values.yaml',
        // deploy/values.yaml names %%IMAGE%% and %%VERSION%%, as the helm-deploy row gives them.
        image: `${server.address}/shop/storefront:1.0.0`,
        'build-version': '1.0.0',
        kubeconfig,
        kubectl: env.kubectl,
        'helm-version': 'path',
      },
      env: { PATH: helmPath },
      firstWork:
        'its first API request (the server version) or registry request (the image digest, looked up ahead), or helm',
    },
    'inspec-verify': {
      inputs: {
        profile: 'compliance/profile',
        executable: join(ROOT, 'test/fixtures/inspec/bin/cinc-auditor'),
        install: 'false',
        threshold: 'compliance/threshold.yml',
      },
      firstWork: 'its first exec (the InSpec tool)',
    },
    'drift-check': {
      inputs: {
        environment: 'dev',
        targets: '- release: storefront\n  namespace: shop-dev\n  chart: chart\n',
        kubeconfig,
        'helm-version': 'path',
        issue: 'false',
      },
      env: { PATH: helmPath },
      firstWork: 'its first API request (the server version)',
    },
  };
}

export async function benchmark({ env, runs, warmups, log }) {
  const workspace = await exampleCheckout(env, 'startup-app');
  const server = await listener();
  const standIn = await buildPushStandIn(log);
  try {
    const cases = scenarios(env, workspace, server);
    const variants = {};
    for (const [action, scenario] of Object.entries(cases)) {
      variants[action] = () =>
        untilFirstWork(join(ROOT, 'actions', action, 'dist', 'index.js'), {
          cwd: workspace,
          server,
          env: runnerEnvironment(action, scenario.inputs, { workspace, env: scenario.env ?? {} }),
        });
    }
    for (const action of Object.keys(cases)) {
      variants[`${action} first error`] = () =>
        untilFirstError(join(ROOT, 'actions', action, 'dist', 'index.js'), {
          cwd: workspace,
          env: { PATH: process.env.PATH, RUNNER_TEMP: workspace, GITHUB_WORKSPACE: workspace },
        });
    }
    variants[STAND_IN_LABEL] = () =>
      untilFirstWork(standIn.bundle, { cwd: workspace, server, env: standIn.env(workspace) });
    variants[FLOOR_LABEL] = () =>
      untilFirstWork(join(BENCH, 'standin', 'node-floor.mjs'), {
        cwd: workspace,
        server,
        env: { PATH: process.env.PATH },
      });
    const results = await sample(variants, { warmups, runs, log });
    for (const result of Object.values(results)) {
      result.rss = result.details.map((detail) => detail.rss ?? 0);
      result.rssSummary = summarize({ values: result.rss }, 'values');
    }
    const ajv = await schemaCost(runs);
    const floor = results[FLOOR_LABEL];

    const base = results[STAND_IN_LABEL];
    const rows = [];
    const errorRows = [];
    const summary = [];
    for (const [action, scenario] of Object.entries(cases)) {
      const result = results[action];
      const dist = join(ROOT, 'actions', action, 'dist');
      const size = statSync(join(dist, 'index.js')).size;
      // Chunks (`<id>.index.js`) load with import() when their path runs.
      const chunks = readdirSync(dist).filter((file) => /^\d+\.index\.js$/.test(file));
      const chunkBytes = chunks.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
      const sizeText = `${formatMB(size)}${chunks.length > 0 ? ` (+ ${chunks.length} chunks, ${formatMB(chunkBytes)}, loaded on their paths)` : ''}`;
      const ratio = result.median / base.median;
      const rss = result.rssSummary.max;
      const firstError = results[`${action} first error`];
      const errorRatio = firstError.median / base.median;
      const met =
        result.median <= 100 && errorRatio <= 0.4 && rss <= 60 * 1024 * 1024 && size < 1.5e6;
      const bounds = [
        `Node 24 alone reaches a first exec in ${formatMs(floor.median)} with ${formatMiB(floor.rssSummary.max)}; the other ${formatMs(result.median - floor.median)} and ${formatMiB(rss - floor.rssSummary.max)} are the bundle loading and running up to its first work`,
        ...(READS_MANIFEST.has(action)
          ? ['default.json is validated by the build-time validator (no Ajv compile at start)']
          : []),
      ];
      rows.push(row(`\`${action}\``, scenario.firstWork, result, sizeText, ratio));
      errorRows.push([
        `\`${action}\``,
        `\`${firstError.details[0].what}\``,
        `${formatMs(firstError.median)} (${formatMs(firstError.min)}–${formatMs(firstError.max)})`,
        formatRatio(errorRatio),
      ]);
      summary.push({
        row: `${action} start-up`,
        ours: `${formatMs(result.median)} to first work, ${formatMs(firstError.median)} to first error, ${formatMiB(rss)} peak, ${formatMB(size)}`,
        baseline: `${formatMs(base.median)}, ${formatMiB(base.rssSummary.max)} (stand-in)`,
        ratio: formatRatio(ratio),
        target: 'first work ≤ 100 ms, first error ≤ 0.4× stand-in, ≤ 60 MiB, < 1.5 MB',
        met,
        why: met
          ? undefined
          : `first real work ${formatMs(result.median)} against 100 ms (${formatRatio(ratio)} the stand-in's ${formatMs(base.median)}); first error ${formatMs(firstError.median)}, ${formatRatio(errorRatio)} the stand-in (target 0.4×) and ${formatRatio(firstError.median / PUBLISHED.ms)} the published ${PUBLISHED.ms} ms; peak ${formatMiB(rss)} against 60 MiB${size >= 1.5e6 ? `; bundle ${formatMB(size)}` : ''}. Bounds: ${bounds.join('; ')}.`,
      });
    }
    rows.push(
      row(
        STAND_IN_LABEL,
        'its first exec (`docker version`, as the action does first)',
        base,
        formatMB(standIn.size),
        1,
      ),
      [
        'docker/build-push-action, published',
        'its first error',
        '—',
        `${PUBLISHED.ms} ms`,
        `${PUBLISHED.mib} MiB`,
        `${formatMB(PUBLISHED.bundleBytes)} (v7.3.0, esbuild)`,
        formatRatio(PUBLISHED.ms / base.median),
      ],
      row(
        FLOOR_LABEL,
        '`bench/standin/node-floor.mjs`: prints a `[command]` line at once',
        floor,
        '—',
        floor.median / base.median,
      ),
    );
    return {
      summary,
      tables: [
        {
          caption: `Process start to the first error (no inputs given: "Input required") on Node 24; median (range) of ${runs} runs, interleaved with the rows above`,
          headers: ['bundle', 'its error', 'wall time', 'time ÷ stand-in (to its first work)'],
          rows: errorRows,
        },
        {
          caption: `Process start to first real work on Node 24; median (range) of ${runs} runs after ${warmups} warm-up${warmups === 1 ? '' : 's'}, all bundles interleaved`,
          headers: [
            'bundle',
            'first real work',
            'what it was (first run)',
            'wall time',
            'peak RSS',
            'bundle size',
            'time ÷ stand-in',
          ],
          rows,
        },
      ],
      notes: [
        `The actions that read default.json first (build-image, helm-deploy, drift-check) validate it with code generated from the schema at build time (\`scripts/gen-validators.mjs\`, Ajv's standalone output): no schema is compiled at start. What that saves each start, measured in a process of its own (\`bench/standin/ajv-compile.mjs\`, median of ${runs}): loading Ajv and compiling the schema at run time takes ${formatMs(ajv.ms)} (${formatMs(ajv.importMs)} to load Ajv unbundled, ${formatMs(ajv.compileMs)} to compile) and ${formatMiB(ajv.bytes)} of peak memory.`,
        'The first-error table is a separate comparison: each bundle started with no inputs, to its exit with "Input required", against the stand-in\'s time to its first work (which comes before any error it could report), and the published first-error figure.',
        `The stand-in is ${standIn.description}`,
        'The published row is the figure this issue quotes for the real bundle (about 260 ms and 98 MiB to its first error on Node 24 on a machine like this one) and the v7.3.0 bundle size from research/build.md; it was not measured here.',
        'Bundle size is `dist/index.js` (what Node loads at start); the chunks beside it (`<id>.index.js`, minified by scripts/build.mjs as ncc minifies the entry) load with `import()` when their path runs: the stage once the inputs are read, the tool cache and its HTTP client only for a download, Octokit only for a report to GitHub.',
      ],
      raw: Object.fromEntries(
        Object.entries(results).map(([name, result]) => [
          name,
          { ms: result.ms, rss: result.rss, first: result.details[0]?.what },
        ]),
      ),
    };
  } finally {
    await server.close();
  }
}
