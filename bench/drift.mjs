// drift-check on 100 releases × 6 objects on the local cluster, versus
// what a team would script instead, one release after another:
//
//   helm template <release> | kubectl diff --server-side --force-conflicts -f -
//   helm diff upgrade <release> --three-way-merge --detailed-exitcode   (helm-diff plugin)
//
// The releases are installed once with helm 3 from bench/fixtures/drift-chart
// (ConfigMap, Secret, ServiceAccount, Service, Deployment, Ingress), ten to a
// namespace; in every tenth release two things are then changed in the
// cluster by hand (the Deployment scaled, a ConfigMap value edited), so each
// side has the same ten drifted releases to find. Timed runs talk to the API
// server directly; one more run of each goes through bench/lib/api-counter.mjs,
// which counts every API request (helm's and the plugin's included).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSuccess, runBundle } from './lib/actions.mjs';
import { apiCounter, describeCounts } from './lib/api-counter.mjs';
import { copyImage, kubectl, namespaces } from './lib/cluster.mjs';
import { ensureHelmDiff } from './lib/helm-diff.mjs';
import { check, formatMs, formatRatio, formatSample, pipe, run, sample } from './lib/measure.mjs';
import { BENCH, scratch } from './lib/paths.mjs';

const RELEASES = Number(process.env.PA_BENCH_DRIFT_RELEASES ?? 100);
const PER_NAMESPACE = 10;
const DRIFT_EVERY = 10;
const OBJECTS = 6;

const HELM_ALONE = 'helm alone';

const release = (i) => `r-${String(i).padStart(3, '0')}`;
const namespaceOf = (i) => `bench-drift-${Math.floor(i / PER_NAMESPACE)}`;

function targets(count) {
  return Array.from({ length: count }, (_, i) => ({
    release: release(i),
    namespace: namespaceOf(i),
  }));
}

/** Installs what is missing (helm 3, 4 at a time), then puts the hand-made drift in place. */
async function deployReleases(env, list, workspace, log) {
  const installed = new Set();
  for (const namespace of new Set(list.map((t) => t.namespace))) {
    const names = await check(env.helm3, [
      'list',
      '-n',
      namespace,
      '-q',
      '--kubeconfig',
      env.kubeconfig,
    ]);
    for (const name of names.stdout.split('\n').filter(Boolean))
      installed.add(`${namespace}/${name}`);
  }
  const missing = list.filter((t) => !installed.has(`${t.namespace}/${t.release}`));
  if (missing.length > 0) log(`  installing ${missing.length} releases (${OBJECTS} objects each)`);
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const target = missing[next++];
      await check(
        env.helm3,
        [
          'install',
          target.release,
          'chart',
          '-n',
          target.namespace,
          '--kubeconfig',
          env.kubeconfig,
        ],
        { cwd: workspace },
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const drifted = list.filter((_, i) => i % DRIFT_EVERY === DRIFT_EVERY - 1);
  for (const target of drifted) {
    const ns = ['-n', target.namespace];
    await kubectl(env, ['scale', `deployment/${target.release}`, '--replicas=2', ...ns]);
    await kubectl(env, [
      'patch',
      `configmap/${target.release}-config`,
      '--type=merge',
      '-p',
      JSON.stringify({ data: { 'log-level': 'debug' } }),
      ...ns,
    ]);
  }
  return new Set(drifted.map((t) => t.release));
}

function targetsYaml(list) {
  return list
    .map((t) => `- release: ${t.release}\n  namespace: ${t.namespace}\n  chart: chart`)
    .join('\n');
}

async function driftCheck(env, workspace, list, kubeconfig) {
  const result = await runBundle(
    'drift-check',
    {
      environment: 'bench',
      targets: targetsYaml(list),
      kubeconfig,
      kubectl: env.kubectl,
      'helm-version': 'path',
      issue: 'false',
      mode: 'report',
    },
    {
      workspace,
      env: { PATH: `${join(env.helm3, '..')}:${process.env.PATH}` },
      timeoutMs: 1_800_000,
    },
  );
  expectSuccess('drift-check', result);
  const report = JSON.parse(readFileSync(result.outputs.report, 'utf8'));
  if (report.status === 'error') {
    throw new Error(
      `drift-check could not check every target: ${report.targets.find((t) => t.error)?.error}`,
    );
  }
  return {
    drifted: report.targets.filter((t) => t.status === 'drifted').map((t) => t.release),
    changes: report.count,
    requests: report.requests,
  };
}

async function kubectlDiff(
  env,
  workspace,
  list,
  { kubeconfig = env.kubeconfig, verbose = false } = {},
) {
  const drifted = [];
  let requestLines = 0;
  for (const target of list) {
    const { second } = await pipe(
      [
        env.helm3,
        ['template', target.release, 'chart', '-n', target.namespace],
        { cwd: workspace },
      ],
      [
        env.kubectl,
        [
          'diff',
          '--server-side',
          '--force-conflicts',
          '-n',
          target.namespace,
          '-f',
          '-',
          '--kubeconfig',
          kubeconfig,
          ...(verbose ? ['-v=6'] : []),
        ],
      ],
    );
    if (second.code > 1)
      throw new Error(
        `kubectl diff ${target.release}: exit ${second.code}: ${second.stderr.slice(-2000)}`,
      );
    if (second.code === 1) drifted.push(target.release);
    // -v=6 logs one line per request with its verb, URL and status.
    requestLines += second.stderr
      .split('\n')
      .filter((line) =>
        /"Response" verb=|\b(GET|PATCH|POST|PUT|DELETE) https?:\/\/\S+ \d{3}/.test(line),
      ).length;
  }
  return { drifted, requestLines };
}

async function helmDiff(env, workspace, list, plugins, kubeconfig = env.kubeconfig) {
  const drifted = [];
  for (const target of list) {
    const result = await run(
      env.helm3,
      [
        'diff',
        'upgrade',
        target.release,
        'chart',
        '-n',
        target.namespace,
        '--three-way-merge',
        '--detailed-exitcode',
        '--kubeconfig',
        kubeconfig,
      ],
      { cwd: workspace, env: { ...process.env, HELM_PLUGINS: plugins } },
    );
    if (result.code !== 0 && result.code !== 2) {
      throw new Error(
        `helm diff upgrade ${target.release}: exit ${result.code}: ${result.stderr.slice(-2000)}`,
      );
    }
    if (result.code === 2) drifted.push(target.release);
  }
  return { drifted };
}

/**
 * The three helm calls drift-check makes per target (see its log), without
 * the post-renderer: what rendering alone costs, a floor under drift-check's
 * time as long as it renders each target with helm.
 */
async function helmAlone(env, workspace, list) {
  for (const target of list) {
    const common = ['--namespace', target.namespace, '--kubeconfig', env.kubeconfig];
    await check(env.helm3, [
      'history',
      target.release,
      ...common,
      '--output',
      'json',
      '--max',
      '20',
    ]);
    await check(env.helm3, ['get', 'manifest', target.release, ...common, '--revision', '1']);
    await check(
      env.helm3,
      [
        'upgrade',
        target.release,
        'chart',
        '--install',
        ...common,
        '--reset-values',
        '--output',
        'json',
        '--dry-run=server',
      ],
      { cwd: workspace },
    );
  }
  return { drifted: [] };
}

function sameFindings(expected, found) {
  return found.length === expected.size && found.every((name) => expected.has(name));
}

export async function benchmark({ env, runs, warmups, log }) {
  const list = targets(RELEASES);
  const image = await copyImage(env, 'bench-drift/web', '1.0.0');
  const workspace = scratch('drift-workspace');
  cpSync(join(BENCH, 'fixtures', 'drift-chart'), join(workspace, 'chart'), { recursive: true });
  const valuesFile = join(workspace, 'chart', 'values.yaml');
  writeFileSync(
    valuesFile,
    readFileSync(valuesFile, 'utf8').replace(
      /^image: .*$/m,
      `image: ${image.name}:${image.tag}@${image.digest}`,
    ),
  );
  const spaces = [...new Set(list.map((t) => t.namespace))];
  const removeNamespaces = await namespaces(env, spaces);
  const keep = process.env.PA_BENCH_KEEP === '1';
  try {
    const expected = await deployReleases(env, list, workspace, log);
    log(
      `  ${list.length} releases in ${spaces.length} namespaces; ${expected.size} drifted by hand`,
    );
    try {
      await driftCheck(env, workspace, list.slice(0, 1), env.kubeconfig);
    } catch (error) {
      return {
        pending: `drift-check did not run on this machine's cluster: ${error.message.split('\n')[0]}`,
      };
    }
    const helmDiffTool = await ensureHelmDiff(log);

    const variants = {
      'drift-check': () => driftCheck(env, workspace, list, env.kubeconfig),
      'helm template | kubectl diff': () => kubectlDiff(env, workspace, list),
    };
    if (helmDiffTool.plugins) {
      variants['helm diff upgrade'] = () => helmDiff(env, workspace, list, helmDiffTool.plugins);
    }
    variants[HELM_ALONE] = () => helmAlone(env, workspace, list);
    const results = await sample(variants, { warmups, runs, log });
    const floor = results[HELM_ALONE];
    delete results[HELM_ALONE];

    log('  counting API requests: one more run of each through the counting listener');
    const counter = await apiCounter(env);
    const counts = {};
    try {
      const counted = counter.kubeconfig(workspace);
      const ours = await driftCheck(env, workspace, list, counted);
      counts['drift-check'] = { ...counter.take(), own: ours.requests };
      const diff = await kubectlDiff(env, workspace, list, { kubeconfig: counted, verbose: true });
      counts['helm template | kubectl diff'] = { ...counter.take(), lines: diff.requestLines };
      if (helmDiffTool.plugins) {
        await helmDiff(env, workspace, list, helmDiffTool.plugins, counted);
        counts['helm diff upgrade'] = counter.take();
      }
    } finally {
      await counter.close();
    }

    const ours = results['drift-check'];
    const oursFound = ours.details[0].drifted;
    const rows = [];
    const summary = [];
    for (const [name, result] of Object.entries(results)) {
      const found = result.details[0].drifted;
      const ratio = ours.median / result.median;
      rows.push([
        name === 'drift-check'
          ? 'drift-check (committed bundle), all targets in one run'
          : name === 'helm diff upgrade'
            ? `\`helm diff upgrade --three-way-merge --detailed-exitcode\` per release (helm-diff ${helmDiffTool.version})`
            : '`helm template` piped to `kubectl diff --server-side --force-conflicts` per release',
        formatSample(result),
        name === 'drift-check' ? '1×' : formatRatio(ratio),
        `${found.length}${sameFindings(expected, found) ? ' (exactly the ones drifted by hand)' : ` (expected the ${expected.size} drifted by hand)`}`,
        String(counts[name]?.total ?? '—'),
        counts[name] ? describeCounts(counts[name]) : '—',
      ]);
      if (name !== 'drift-check') {
        summary.push({
          row: `drift-check, ${list.length} releases × ${OBJECTS} objects, vs ${name}`,
          ours: `${formatMs(ours.median)}, ${counts['drift-check']?.total ?? '?'} API requests`,
          baseline: `${formatMs(result.median)}, ${counts[name]?.total ?? '?'} API requests`,
          ratio: formatRatio(ratio),
          target: '≤ 0.1× (10× faster)',
          met: ratio <= 0.1 && sameFindings(expected, oursFound),
          why: `${formatRatio(ratio)} against 0.1×: drift-check is ${ratio > 1 ? `${ratio.toFixed(1)}× slower` : `${(1 / ratio).toFixed(1)}× faster, not 10×`}. Bound: it renders every target with helm, one target after another (\`helm history\`, \`helm get manifest\`, \`helm upgrade --install --dry-run=server\` through its post-renderer, which starts the bundle again); those three helm calls alone take ${formatMs(floor.median)} for the ${list.length} releases, ${(floor.median / result.median).toFixed(1)}× the whole of ${name}, so 10× needs rendering targets concurrently or without a helm process per call. Its API requests: ${counts['drift-check']?.total ?? '?'} against ${counts[name]?.total ?? '?'}, of which drift-check's own client sent ${counts['drift-check']?.own?.total ?? '?'} (LISTs by kind and namespace) and helm the rest (mostly discovery: a fresh helm home per run has no discovery cache).`,
        });
      }
    }
    rows.push([
      'helm alone: the three helm calls drift-check makes per release (`history`, `get manifest`, `upgrade --install --dry-run=server`), without its post-renderer',
      formatSample(floor),
      formatRatio(ours.median / floor.median),
      '—',
      '—',
      '—',
    ]);
    return {
      summary,
      tables: [
        {
          caption: `${list.length} releases × ${OBJECTS} objects in ${spaces.length} namespaces, ${expected.size} drifted by hand; median (range) of ${runs} interleaved runs; API requests counted in one more run of each`,
          headers: [
            'what',
            'time',
            'drift-check ÷ this',
            'releases found drifted',
            'API requests',
            'by kind',
          ],
          rows,
        },
      ],
      notes: [
        `API requests are counted by \`bench/lib/api-counter.mjs\`: every tool under test gets a kubeconfig pointing at a plain-HTTP listener that forwards each request to the API server and counts it by verb (discovery, list, get, watch, PATCH (dry run), …), so helm's and the plugin's requests count too. Cross-checks: drift-check's own client counted ${counts['drift-check']?.own?.total ?? '?'} of them (${counts['drift-check']?.own ? describeCounts({ byKind: counts['drift-check'].own }) : ''}), the rest are helm's; kubectl's \`-v=6\` log showed ${counts['helm template | kubectl diff']?.lines ?? '?'} request lines.`,
        'kubectl diff runs with --server-side: with client-side apply it would report every release as drifted, since the dry run adds the last-applied-configuration annotation helm never set. kubectl keeps its discovery cache in ~/.kube/cache, so after the first release it asks for none; helm and drift-check run with homes of their own.',
        'The per-release commands run one release after another, as a scheduled job loops over releases; drift-check also checks its targets one after another (with up to 8 API requests at a time within a target).',
        helmDiffTool.plugins
          ? `helm-diff ${helmDiffTool.version} is built from the Go module proxy by \`bench/lib/helm-diff.mjs\` and runs under helm 3.`
          : `helm diff: not measured, ${helmDiffTool.unavailable}.`,
      ],
      raw: {
        ms: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.ms])),
        helmAlone: floor.ms,
        counts,
      },
    };
  } finally {
    if (!keep) await removeNamespaces();
  }
}
