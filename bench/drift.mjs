// drift-check on releases deployed with deploy records, on the local
// cluster, versus what a team would script instead, one release after another:
//
//   helm template <release> | kubectl diff --server-side --force-conflicts -f -
//
// The releases are installed with helm 3 from bench/fixtures/drift-chart
// (ConfigMap, Secret, ServiceAccount, Service, Deployment, Ingress), ten to a
// namespace, each with the deploy record helm-deploy writes (the record built
// by src/record, appended by a post-renderer, its short keys as release
// labels): installing 1,000 releases through the action itself would take
// longer than the benchmark. Only the first release is installed by helm;
// the others are copies of it written as helm writes them
// (bench/lib/helm-copies.mjs), which makes 1,000 releases cheap. In every
// tenth release two things are then changed in the cluster by hand (the
// Deployment scaled, a ConfigMap value edited), so each side has the same
// drifted releases to find.
//
// Rows: (1) 100 releases, Git unchanged: drift-check with nothing but the
// environment and a kubeconfig; (2) the same with every release's Git inputs
// changed (a line added to the chart's values.yaml), so drift-check renders
// every release again. The scale curve (10 to 1,000 releases, and shards) is
// bench/drift-scale.mjs. API requests: drift-check's own count (it starts no
// helm when Git has not changed); the loop's through bench/lib/api-counter.mjs.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSuccess, runBundle } from './lib/actions.mjs';
import { apiCounter, describeCounts } from './lib/api-counter.mjs';
import { copyImage, kubectl, namespaces } from './lib/cluster.mjs';
import { copyReleases } from './lib/helm-copies.mjs';
import {
  check,
  formatMiB,
  formatMs,
  formatRatio,
  formatSample,
  pipe,
  sample,
} from './lib/measure.mjs';
import { BENCH, scratch } from './lib/paths.mjs';

const RELEASES = Number(process.env.PA_BENCH_DRIFT_RELEASES ?? 100);
const ENVIRONMENT = 'bench';
export const PER_NAMESPACE = 10;
const DRIFT_EVERY = 10;
export const OBJECTS = 6;

const release = (i) => `r-${String(i).padStart(3, '0')}`;
/** `count` releases, ten to a namespace `<prefix>-<n>`, deployed to `environment`. */
export function targets(count, prefix = 'bench-drift', environment = ENVIRONMENT) {
  return Array.from({ length: count }, (_, i) => ({
    release: release(i),
    namespace: `${prefix}-${Math.floor(i / PER_NAMESPACE)}`,
    environment,
  }));
}

/**
 * Installs what is missing, each with its deploy record: the first release
 * with helm 3 itself, every other one copied from it (bench/lib/helm-copies.mjs:
 * its storage Secret and objects as helm writes them, one `kubectl create`
 * per namespace). Then the hand-made drift in the new ones.
 */
export async function deployReleases(env, list, workspace, log, { podless = false } = {}) {
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
  if (missing.length > 0)
    log(`  installing ${missing.length} releases (${OBJECTS} objects each, with records)`);
  const { recordFor, installArgs } = await recordTools(workspace, list[0].environment);
  const [model] = list;
  if (missing.includes(model)) {
    await check(env.helm3, installArgs(model, env.kubeconfig), { cwd: workspace });
  }
  const { parseManifestObjects } = await import('../src/kube/manifests.ts');
  await copyReleases(env, {
    model,
    targets: missing.filter((target) => target !== model),
    recordOf: (target) => recordFor(target),
    parseManifest: parseManifestObjects,
    scratchDir: scratch('drift-copies'),
  });
  const drifted = list.filter((_, i) => i % DRIFT_EVERY === DRIFT_EVERY - 1);
  const toDrift = drifted.filter((target) => missing.includes(target));
  let next = 0;
  const worker = async () => {
    while (next < toDrift.length) {
      const target = toDrift[next++];
      const ns = ['-n', target.namespace];
      // Podless: another field edited by hand, so no pod starts.
      await kubectl(
        env,
        podless
          ? [
              'patch',
              `deployment/${target.release}`,
              '--type=merge',
              '-p',
              JSON.stringify({ spec: { minReadySeconds: 5 } }),
              ...ns,
            ]
          : ['scale', `deployment/${target.release}`, '--replicas=2', ...ns],
      );
      await kubectl(env, [
        'patch',
        `configmap/${target.release}-config`,
        '--type=merge',
        '-p',
        JSON.stringify({ data: { 'log-level': 'debug' } }),
        ...ns,
      ]);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return new Set(drifted.map((t) => t.release));
}

/**
 * The record helm-deploy writes for a release of the bench chart (built by
 * the same src/record code), and the `helm install` that stores it as
 * helm-deploy does (test/support/recorded-release.ts).
 */
async function recordTools(workspace, environment) {
  const { recordObject, recordLabels, RECORD_VERSION } = await import('../src/record/record.ts');
  const { requestHash, directoryDigest } = await import('../src/record/request.ts');
  const { recordedInstallArgs } = await import('../test/support/recorded-release.ts');
  const dir = scratch('drift-records');
  const request = {
    workspace,
    manifest: undefined,
    environment,
    chart: 'chart',
    version: undefined,
    values: [],
    set: {},
    kustomize: undefined,
    allowMutableTags: false,
  };
  const hash = requestHash(request);
  const digest = directoryDigest(join(workspace, 'chart')) ?? undefined;
  const recordOf = (target) => ({
    version: RECORD_VERSION,
    app: { name: target.release, dir: '.' },
    environment,
    release: target.release,
    namespace: target.namespace,
    chart: { ref: 'chart', digest },
    images: [],
    build: {},
    deployedAt: new Date().toISOString(),
    request: {
      hash,
      chart: 'chart',
      values: [],
      set: {},
      allowMutableTags: false,
      manifest: 'default.json',
    },
  });
  return {
    /** The record object and its short keys, for a copy written without helm. */
    recordFor: (target) => {
      const record = recordOf(target);
      return { object: recordObject(record), labelMap: recordLabels(record) };
    },
    installArgs: (target, kubeconfig) =>
      recordedInstallArgs(recordOf(target), { chart: 'chart', kubeconfig, dir }),
  };
}

/** drift-check as the reusable workflow runs it without a config: environment and kubeconfig only. */
export async function driftCheck(env, workspace, kubeconfig, extra = {}) {
  const result = await runBundle(
    'drift-check',
    {
      environment: ENVIRONMENT,
      kubeconfig,
      kubectl: env.kubectl,
      'helm-version': 'path',
      issue: 'false',
      mode: 'report',
      ...extra,
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
    checked: report.targets.length,
    rendered: report.targets.filter((t) => t.basis === 'rendered').length,
    changes: report.count,
    requests: report.requests,
    peakRssBytes: report.peakRssBytes,
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

export function sameFindings(expected, found) {
  return found.length === expected.size && found.every((name) => expected.has(name));
}

export function driftedIn(list) {
  return new Set(list.filter((_, i) => i % DRIFT_EVERY === DRIFT_EVERY - 1).map((t) => t.release));
}

/**
 * The application repository's checkout: the bench chart, its image pinned
 * by digest. `replicas: 0` runs no pods (the scale benchmark's 1,000
 * Deployments would take every pod slot of the shared cluster's kwok nodes).
 */
export async function benchWorkspace(env, { replicas } = {}) {
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
  if (replicas !== undefined) {
    writeFileSync(
      valuesFile,
      readFileSync(valuesFile, 'utf8').replace(/^replicas: .*$/m, `replicas: ${replicas}`),
    );
  }
  return { workspace, valuesFile };
}

export async function benchmark({ env, runs, warmups, log }) {
  const list = targets(RELEASES);
  const { workspace, valuesFile } = await benchWorkspace(env);
  // Git changed since every deploy: one line more in the chart's values (same objects rendered).
  const changed = scratch('drift-workspace-changed');
  cpSync(join(workspace, 'chart'), join(changed, 'chart'), { recursive: true });
  writeFileSync(
    join(changed, 'chart', 'values.yaml'),
    `${readFileSync(valuesFile, 'utf8')}\n# A line Git added after the deploy.\n`,
  );
  const spaces = [...new Set(list.map((t) => t.namespace))];
  const removeNamespaces = await namespaces(env, spaces);
  const keep = process.env.PA_BENCH_KEEP === '1';
  try {
    const expected = await deployReleases(env, list, workspace, log);
    log(
      `  ${list.length} releases in ${new Set(list.map((t) => t.namespace)).size} namespaces; ${expected.size} drifted by hand`,
    );

    const UNCHANGED = 'drift-check, Git unchanged';
    const LOOP = 'helm template | kubectl diff, Git unchanged';
    const CHANGED = 'drift-check, Git changed';
    const LOOP_CHANGED = 'helm template | kubectl diff, Git changed';
    const results = await sample(
      {
        [UNCHANGED]: () => driftCheck(env, workspace, env.kubeconfig),
        [LOOP]: () => kubectlDiff(env, workspace, list),
        [CHANGED]: () => driftCheck(env, changed, env.kubeconfig),
        [LOOP_CHANGED]: () => kubectlDiff(env, changed, list),
      },
      { warmups, runs, log },
    );

    log("  counting the loop's API requests: one more run through the counting listener");
    const counter = await apiCounter(env);
    let loopCount;
    try {
      await kubectlDiff(env, workspace, list, { kubeconfig: counter.kubeconfig(workspace) });
      loopCount = counter.take();
    } finally {
      await counter.close();
    }

    const rows = [];
    const summary = [];
    const pairs = [
      [UNCHANGED, LOOP, 0.1, '≤ 0.1× (10× faster)'],
      [CHANGED, LOOP_CHANGED, 0.5, '≤ 0.5× (2× faster)'],
    ];
    for (const [oursName, theirsName, target, targetText] of pairs) {
      const ours = results[oursName];
      const theirs = results[theirsName];
      const ratio = ours.median / theirs.median;
      const oursFound = ours.details[0].drifted;
      const theirsFound = theirs.details[0].drifted;
      const own = ours.details[0];
      for (const [name, result, found, requests] of [
        [oursName, ours, oursFound, own.requests.total],
        [theirsName, theirs, theirsFound, loopCount?.total],
      ]) {
        rows.push([
          name,
          formatSample(result),
          name === oursName ? '1×' : formatRatio(ratio),
          `${found.length}${sameFindings(expected, found) ? ' (exactly the ones drifted by hand)' : ` (expected the ${expected.size} drifted by hand)`}`,
          String(requests ?? '—'),
          name === oursName
            ? `${own.requests.discovery} discovery, ${own.requests.list} list; ${own.rendered} of ${own.checked} rendered; peak ${formatMiB(own.peakRssBytes)}`
            : loopCount
              ? describeCounts(loopCount)
              : '—',
        ]);
      }
      summary.push({
        row: `${oursName}: ${list.length} releases × ${OBJECTS} objects in ${list.length / PER_NAMESPACE} namespaces, vs helm template | kubectl diff`,
        ours: `${formatMs(ours.median)}, ${own.requests.total} API requests`,
        baseline: `${formatMs(theirs.median)}, ${loopCount?.total ?? '?'} API requests`,
        ratio: formatRatio(ratio),
        target: `${targetText}, same verdicts`,
        met: ratio <= target && sameFindings(expected, oursFound),
        why:
          oursName === UNCHANGED
            ? `${formatRatio(ratio)} against ${target}×. Bound: with Git unchanged drift-check starts no helm; what is left is one Node process (start-up, see Start-up), one LIST of Helm's storage, one LIST per kind × namespace, and decoding ${list.length} releases in process.`
            : `${formatRatio(ratio)} against ${target}×. Bound: every release is rendered again, one \`helm template\` process per release (at most 4 at once, the cluster's capabilities asked once, the chart resolved once, the post-render chain in process with the record's digests); the loop starts two processes per release and a server-side dry run of every object.`,
      });
    }

    return {
      summary,
      tables: [
        {
          caption: `${list.length} releases × ${OBJECTS} objects in ${list.length / PER_NAMESPACE} namespaces, ${expected.size} drifted by hand, deployed with records; median (range) of ${runs} interleaved runs. drift-check gets only environment and kubeconfig. The loop's API requests are counted in one more run.`,
          headers: [
            'what',
            'time',
            'drift-check ÷ this',
            'releases found drifted',
            'API requests',
            'detail',
          ],
          rows,
        },
      ],
      notes: [
        'The releases carry the deploy record exactly as helm-deploy writes it (src/record builds it; a post-renderer appends it; its short keys are release labels), installed with helm 3 directly because 1,000 deploys through the action would take longer than the benchmark.',
        "drift-check's API requests are its own client's count: with Git unchanged it starts no helm. The loop's are counted by `bench/lib/api-counter.mjs` (a listener that forwards and counts every request).",
        'kubectl diff runs with --server-side: with client-side apply it would report every release as drifted. kubectl keeps its discovery cache in ~/.kube/cache, so after the first release it asks for none.',
        "Git changed: a comment line added to the chart's values.yaml changes every release's request hash, so drift-check renders every release again (the same objects come out, so the verdicts stay those of the hand-made drift).",
        'helm diff upgrade (the helm-diff plugin) is no longer measured here: it was 1.3× slower than the loop before this change (see git history of this file).',
      ],
      raw: {
        ms: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.ms])),
        loopCount,
      },
    };
  } finally {
    if (!keep) await removeNamespaces();
  }
}
