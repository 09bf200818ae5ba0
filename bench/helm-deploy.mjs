// helm-deploy against a raw `helm upgrade --install` of the same chart and
// values, with helm 3 and helm 4, on the local cluster.
//
// The example chart (examples/chart) with examples/deploy's values for dev,
// no kustomize overlay (a raw helm upgrade has no post-renderer to run it).
// Each side has its own namespace and release, installed once before the
// measured runs; every measured run is then an upgrade that changes nothing
// in the cluster (the case where the action's overhead shows most), with
// --wait and roll back on failure on both sides. The raw command gets the
// values exactly as the action passed them to helm (`helm get values` after
// the install): same chart, same values. It does not pin the image to a
// digest, annotate the objects, check for a pending release, or report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commandsRun,
  exampleCheckout,
  expectSuccess,
  runBundle,
  timeline,
} from './lib/actions.mjs';
import { copyImage, namespaces } from './lib/cluster.mjs';
import { check, formatMs, formatRatio, formatSample, median, run, sample } from './lib/measure.mjs';
import { NODE24, ROOT, RUN_ID } from './lib/paths.mjs';

const RELEASE = 'storefront';

function deployInputs(env, image, namespace) {
  return {
    chart: 'chart',
    environment: 'dev',
    namespace,
    values: 'deploy/values.yaml\ndeploy/values-dev.yaml',
    image: `${image.name}:${image.tag}`,
    'build-version': image.tag,
    kubeconfig: env.kubeconfig,
    kubectl: env.kubectl,
    'helm-version': 'path',
  };
}

/** The raw command, with the flags helm-deploy gives this helm for wait and rollback. */
function rawUpgrade(env, helm, namespace, valuesFile) {
  return [
    'upgrade',
    '--install',
    RELEASE,
    'chart',
    '--namespace',
    namespace,
    '--reset-values',
    '-f',
    valuesFile,
    ...(helm.major === 3 ? ['--wait', '--atomic'] : ['--wait=watcher', '--rollback-on-failure']),
    '--timeout',
    '300s',
    '--kubeconfig',
    env.kubeconfig,
  ];
}

/** The tools the action started in one run, counted by program and subcommand. */
function toolCalls(stdout) {
  const counts = new Map();
  for (const command of commandsRun(stdout)) {
    const [program = '', ...args] = command.split(' ');
    const name = program.split('/').pop();
    const sub = args.find((arg) => /^[a-z]/.test(arg)) ?? '';
    const key = `${name} ${sub}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, n]) => `${key}${n > 1 ? ` ×${n}` : ''}`).join(', ');
}

/** The time a timeline spent before `helm upgrade` started, and on what. */
function beforeUpgrade(line) {
  const index = line.segments.findIndex((segment) => / upgrade /.test(segment.what));
  const before = line.segments.slice(0, index);
  const tools = before.slice(1);
  const sum = (list) => list.reduce((total, segment) => total + segment.ms, 0);
  if (tools.length === 0) {
    return `${formatMs(sum(before))} passed before \`helm upgrade\` started, all of it in the action's own process (Node, default.json validated, helm's version read from its build info, values templated, the API server's version, the release's history and deployed manifest and the live objects read through the API, the image's digest looked up alongside; no other tool started)`;
  }
  return `${formatMs(sum(before))} passed before \`helm upgrade\` started: ${formatMs(before[0].ms)} of start-up (Node, default.json validated, values templated; see Start-up) and ${formatMs(sum(tools))} from the first other tool to the upgrade, the action's own work in process between them included (the API server's version, the release's history and deployed manifest, the live objects, all read through the API) and ${tools.length} other tool run${tools.length === 1 ? '' : 's'} (${tools
    .map((segment) =>
      segment.what
        .split(' ')
        .slice(0, 2)
        .map((part) => part.split('/').pop())
        .join(' '),
    )
    .join(', ')})`;
}

function upgradeMs(line) {
  return line.segments.find((segment) => / upgrade /.test(segment.what))?.ms ?? NaN;
}

/** The segments of several timelines side by side, matched by tool (paths and arguments shortened). */
function timelineRows(lines) {
  const label = (what) => {
    if (what.startsWith('start-up')) return what;
    const [program = '', ...args] = what.split(' ');
    const shown = args.filter((arg) => !arg.startsWith('/') && !arg.includes('kubeconfig'));
    const text = [program.split('/').pop(), ...shown]
      .join(' ')
      .replace(/bench-[a-z0-9]+-h\d-ours/g, '<namespace>');
    return `\`${text.slice(0, 90)}\``;
  };
  const rows = lines[0].segments.map((segment, i) => [
    label(segment.what),
    ...lines.map((line) => (line.segments[i] ? formatMs(line.segments[i].ms) : '—')),
  ]);
  rows.push(['total', ...lines.map((line) => formatMs(line.totalMs))]);
  return rows;
}

export async function benchmark({ env, runs, warmups, log }) {
  const workspace = await exampleCheckout(env, 'deploy-app');
  const image = await copyImage(env, `bench-${RUN_ID}/shop/storefront`, '1.0.0');
  const helms = [
    { major: 3, binary: env.helm3 },
    { major: 4, binary: env.helm4 },
  ];
  const spaces = helms.flatMap((helm) => [
    `bench-${RUN_ID}-h${helm.major}-ours`,
    `bench-${RUN_ID}-h${helm.major}-raw`,
  ]);
  const removeNamespaces = await namespaces(env, spaces);
  try {
    const variants = {};
    const setup = {};
    for (const helm of helms) {
      const ours = `bench-${RUN_ID}-h${helm.major}-ours`;
      const raw = `bench-${RUN_ID}-h${helm.major}-raw`;
      const path = `${join(helm.binary, '..')}:${process.env.PATH}`;
      const action = () =>
        runBundle('helm-deploy', deployInputs(env, image, ours), {
          workspace,
          env: { PATH: path },
        });
      log(`  helm ${helm.major}: first install by helm-deploy and by raw helm`);
      const installed = expectSuccess('helm-deploy', await action());
      const values = await check(helm.binary, [
        'get',
        'values',
        RELEASE,
        '-n',
        ours,
        '-o',
        'yaml',
        '--kubeconfig',
        env.kubeconfig,
      ]);
      const valuesFile = join(workspace, `values-h${helm.major}.yaml`);
      writeFileSync(valuesFile, values.stdout);
      const upgrade = rawUpgrade(env, helm, raw, valuesFile);
      await check(helm.binary, upgrade, { cwd: workspace });
      setup[helm.major] = {
        installed,
        upgrade,
        timeline: () =>
          timeline('helm-deploy', deployInputs(env, image, ours), {
            workspace,
            env: { PATH: path },
          }),
      };
      variants[`helm-deploy, helm ${helm.major}`] = async () => {
        const run = expectSuccess('helm-deploy', await action());
        return { calls: toolCalls(run.stdout), changed: run.outputs.changed };
      };
      variants[`helm ${helm.major} upgrade --install`] = async () => {
        await check(helm.binary, upgrade, { cwd: workspace });
      };
    }
    // The floor under helm-deploy's overhead: what no design can avoid on top
    // of the raw upgrade, one Node start for the action and one for the
    // post-renderer helm starts (loading its bundle, which exits at once on a
    // config that is not there).
    const postRenderer = join(ROOT, 'actions', 'helm-deploy', 'dist', 'post-render.js');
    variants['Node 24 start'] = async () => {
      await check(NODE24, ['-e', '0']);
    };
    variants['post-renderer start'] = async () => {
      await run(NODE24, [postRenderer, '--pipeline-actions-post-render', '/nonexistent']);
    };
    const results = await sample(variants, { warmups, runs, log });
    const floorMs = results['Node 24 start'].median + results['post-renderer start'].median;
    const timelines = {};
    for (const helm of helms) timelines[helm.major] = await setup[helm.major].timeline();

    const summary = [];
    const rows = [];
    for (const helm of helms) {
      const ours = results[`helm-deploy, helm ${helm.major}`];
      const raw = results[`helm ${helm.major} upgrade --install`];
      const ratio = ours.median / raw.median;
      const floor = (raw.median + floorMs) / raw.median;
      const calls = ours.details[0].calls;
      summary.push({
        row: `helm-deploy overhead, helm ${helm.major}`,
        ours: formatMs(ours.median),
        baseline: `${formatMs(raw.median)} (raw \`helm upgrade --install\`)`,
        ratio: formatRatio(ratio),
        target: `≤ 1.3× (floor ${formatRatio(floor)})`,
        met: ratio <= 1.3,
        why: `${formatRatio(ratio)} against 1.3×, floor ${formatRatio(floor)} (the raw upgrade plus one Node start and one post-renderer start, ${formatMs(floorMs)}): ${formatMs(ours.median - raw.median)} more per deploy than the raw upgrade. Bounds, from one more run's log: ${beforeUpgrade(timelines[helm.major])}; the upgrade itself then took ${formatMs(upgradeMs(timelines[helm.major]))} against the raw ${formatMs(raw.median)}, helm starting the post-renderer (dist/post-render.js: Node, pinning from the digest the action looked up ahead, annotations, the deploy record) and the action's diff and summary after it.`,
      });
      rows.push(
        [
          `helm-deploy (committed bundle), helm ${helm.major}`,
          formatSample(ours),
          formatRatio(ratio),
          calls,
        ],
        [
          `\`helm upgrade --install ${RELEASE} chart --reset-values -f values.yaml ${helm.major === 3 ? '--wait --atomic' : '--wait=watcher --rollback-on-failure'} --timeout 300s\``,
          formatSample(raw),
          '1×',
          `helm ${helm.major} upgrade`,
        ],
      );
    }
    return {
      summary,
      tables: [
        {
          caption: `An upgrade that changes nothing, after a first install; median (range) of ${runs} interleaved runs`,
          headers: ['what', 'time', 'ours ÷ raw', 'processes started (from the action log)'],
          rows,
        },
        {
          caption:
            "Where one more such run of helm-deploy spends its time (each `[command]` line of its log stamped as it arrived; a segment runs from one tool to the next, so it includes the action's own work after that tool)",
          headers: ['segment', ...helms.map((helm) => `helm ${helm.major}`)],
          rows: timelineRows(helms.map((helm) => timelines[helm.major])),
        },
      ],
      notes: [
        `Chart \`examples/chart\`, values \`examples/deploy/values.yaml\` and \`values-dev.yaml\` templated by the action (image \`${image.name}:${image.tag}\`); the raw upgrade gets those values as \`helm get values\` returns them after the action's install, so both render the same objects except for what the action adds: the image pinned to its digest and the traceability annotations.`,
        'Each side deploys its own release in its own namespace of the local cluster (kwok nodes make the pods Ready), both with --wait and rollback on failure.',
        `First installs (not measured): helm-deploy ${helms.map((helm) => `helm ${helm.major} ${formatMs(setup[helm.major].installed.durationMs)}`).join(', ')}.`,
        `Floor: Node 24 starts in ${formatMs(results['Node 24 start'].median)} and the post-renderer bundle (dist/post-render.js) loads in ${formatMs(results['post-renderer start'].median)}; any action that post-renders pays both on top of the raw upgrade, ${formatMs(floorMs)} in all.`,
        `Medians of the raw upgrades: ${helms.map((helm) => `helm ${helm.major} ${formatMs(median(results[`helm ${helm.major} upgrade --install`].ms))}`).join(', ')}.`,
      ],
      raw: { ms: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.ms])) },
    };
  } finally {
    await removeNamespaces();
  }
}
