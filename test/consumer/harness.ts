// The consumer suite's harness: an application repository as a team makes
// it (examples/ plus a second app, the starters from workflows/), this
// platform as the repository those starters call, and act running them
// against the local environment (test/env/up) and the GitHub API double.
//
// What differs from GitHub, and why, all of it outside the files a team
// copies:
//   - the platform copy: act 0.2.89 refuses GitHub's `$/` self-repository
//     references, so they become `pipeline-actions/pipeline-actions/<path>@v1`
//     (the same files: act maps that repository to the copy with
//     --local-repository); the catalog the starters name through the
//     organization variable STANDARD_IMAGES_CATALOG pins the standard images
//     the local environment built (a platform team's pins its own);
//   - actions that only exist on github.com (cloud logins) cannot be
//     fetched here: a no-op stands in for each (--local-repository), and the
//     steps that use them are skipped by their own `!env.ACT`;
//   - GitHub's artifact storage cannot be reached either: upload-artifact
//     and download-artifact are stand-ins that keep a run's artifacts in a
//     directory of the test (PA_ACT_ARTIFACTS), so jobs that hand files to
//     each other (the drift shards to their merge) work as on GitHub;
//   - ghcr.io cannot be reached: the starters' `ghcr.io/` becomes the local
//     registry (the one line a team edits when it uses another registry);
//   - act has no GitHub Environments (neither approvals nor environment
//     secrets): every deploy job gets the one kubeconfig act is given, and
//     act's schema refuses `deployment: false` under environment:, so the
//     platform copy drops that line.

import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { localCatalog } from '../support/catalog.js';
import { REPO_ROOT } from '../support/runner.js';
import type { Environment } from '../env/environment.js';

export const PLATFORM = 'pipeline-actions/pipeline-actions';
export const PLATFORM_REF = 'v1';
/** What `github.repository` is for the application repository (its origin). */
export const APP_REPOSITORY = 'acme/shop';
export const DEFAULT_BRANCH = 'main';

/** Third-party actions act cannot fetch here; each gets a no-op stand-in. */
const GITHUB_ONLY = [
  'docker/setup-buildx-action',
  'aws-actions/configure-aws-credentials',
  'google-github-actions/auth',
  'azure/login',
];

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Shop Team',
      GIT_AUTHOR_EMAIL: 'shop@example.invalid',
      GIT_COMMITTER_NAME: 'Shop Team',
      GIT_COMMITTER_EMAIL: 'shop@example.invalid',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** act, built once from the Go module proxy (scripts/act.sh). */
export function actBinary(): string {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'act.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error('scripts/act.sh could not build act');
  return result.stdout.trim();
}

/** Every `uses:` of a third-party action in the workflows, with the pinned ref. */
function thirdPartyRefs(root: string, name: string): string[] {
  const refs = new Set<string>();
  const files = [
    ...readdirSync(join(root, '.github', 'workflows')).map((f) => join('workflows', f)),
    ...readdirSync(join(root, '.github', 'actions')).map((d) => join('actions', d, 'action.yml')),
  ];
  for (const file of files) {
    const text = readFileSync(join(root, '.github', file), 'utf8');
    for (const match of text.matchAll(new RegExp(`uses:\\s*(${name})@([0-9a-f]{40})`, 'g'))) {
      refs.add(`${match[1]}@${match[2]}`);
    }
  }
  return [...refs];
}

/**
 * The platform team's catalog of standard images, pinned to the images the
 * local environment built; the starters read its location from the
 * organization variable STANDARD_IMAGES_CATALOG.
 */
export function platformCatalog(root: string, env: Environment): string {
  const path = join(root, 'standard-images.yaml');
  writeFileSync(path, localCatalog(env));
  return path;
}

/**
 * This platform as an application's `uses:` finds it: tracked and new files
 * of the working tree with their built bundles, `$/` made a reference act
 * resolves, and the local catalog.
 */
export function platformCopy(root: string): string {
  const dir = join(root, 'platform');
  mkdirSync(dir, { recursive: true });
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).stdout.split('\0');
  for (const file of [...files, ...bundles()]) {
    if (!file) continue;
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(REPO_ROOT, file), join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const workflows = join(dir, '.github', 'workflows');
  for (const file of readdirSync(workflows)) {
    const path = join(workflows, file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(
          /uses: \$\/(\S+)/g,
          (_, target: string) => `uses: ${PLATFORM}/${target}@${PLATFORM_REF}`,
        )
        // act's schema knows only name and url under environment:.
        .replace(/^\s+deployment: false\n/gm, ''),
    );
  }
  return dir;
}

function bundles(): string[] {
  const actions = join(REPO_ROOT, 'actions');
  return readdirSync(actions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return readdirSync(join(actions, entry.name, 'dist'), { recursive: true })
          .map(String)
          .map((file) => join('actions', entry.name, 'dist', file));
      } catch {
        return [];
      }
    });
}

/**
 * The artifact actions, on a directory instead of GitHub's storage: upload
 * copies each `path` into PA_ACT_ARTIFACTS/<name>/; download copies the
 * artifacts named (`name`) or matched (`pattern`, `*` wildcards) into
 * `path`, each into a folder of its name as download-artifact v4 does.
 */
const ARTIFACT_STAND_INS: Record<string, string> = {
  'actions/upload-artifact': `
const store = process.env.PA_ACT_ARTIFACTS;
const name = input('name') || 'artifact';
for (const item of input('path').split('\\n').map((line) => line.trim()).filter(Boolean)) {
  if (!store || !fs.existsSync(item)) { console.log('act: nothing uploaded from ' + item); continue; }
  fs.mkdirSync(path.join(store, name), { recursive: true });
  fs.cpSync(item, path.join(store, name, path.basename(item)), { recursive: true });
  console.log('act: uploaded ' + item + ' as artifact ' + name);
}`,
  'actions/download-artifact': `
const store = process.env.PA_ACT_ARTIFACTS || '';
const name = input('name');
const pattern = new RegExp('^' + input('pattern').split('*').map((part) => part.replace(/[.+?^$()|[\\]{}\\\\]/g, '\\\\$&')).join('.*') + '$');
const into = input('path') || process.cwd();
for (const artifact of fs.existsSync(store) ? fs.readdirSync(store) : []) {
  if (name ? artifact !== name : !pattern.test(artifact)) continue;
  fs.cpSync(path.join(store, artifact), name ? into : path.join(into, artifact), { recursive: true });
  console.log('act: downloaded artifact ' + artifact);
}`,
};

/** Stand-ins for the actions only github.com serves, as --local-repository mappings. */
export function standIns(root: string, platform: string): string[] {
  const mappings: string[] = [];
  const actions: [string, string][] = [
    ...GITHUB_ONLY.map((name): [string, string] => [
      name,
      `console.log(${JSON.stringify(`act: ${name} only runs on github.com; skipped`)});`,
    ]),
    ...Object.entries(ARTIFACT_STAND_INS).map(([name, body]): [string, string] => [
      name,
      `const fs = require('node:fs');\nconst path = require('node:path');\nconst input = (key) => (process.env['INPUT_' + key.toUpperCase()] || '').trim();\n${body}`,
    ]),
  ];
  for (const [name, script] of actions) {
    for (const ref of thirdPartyRefs(platform, name)) {
      const dir = join(root, 'stand-ins', ref.replace(/[/@]/g, '_'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'action.yml'),
        `name: stand-in for ${name}\nruns: { using: node24, main: index.js }\n`,
      );
      writeFileSync(join(dir, 'index.js'), `${script}\n`);
      mappings.push(`${ref}=${dir}`);
    }
  }
  return mappings;
}

export interface App {
  /** Directory in the repository ('' for the root). */
  dir: string;
  /** application.name in its default.json. */
  name: string;
  /** Base namespace in its default.json. */
  namespace: string;
}

/** The root app: examples/ as it is. */
export const SHOP: App = { dir: '', name: 'storefront', namespace: 'shop' };
/** A second app in the same repository, in ledger/. */
export const LEDGER: App = { dir: 'ledger', name: 'ledger', namespace: 'books' };

/**
 * The starters as a team copies them: verbatim, except the registry host
 * (ghcr.io cannot be reached here). `pipeline` for a second app is the same
 * starter with its paths edited (the few inputs a team edits).
 */
export function starter(name: string, registry: string, app: App = SHOP): string {
  let text = readFileSync(join(REPO_ROOT, 'workflows', `${name}.yml`), 'utf8').replaceAll(
    'ghcr.io/',
    `${registry}/`,
  );
  if (app.dir) {
    const inputs: [RegExp, string][] = [
      [/^name: (\S+)$/m, `name: $1-${app.name}`],
      [
        /^(\s+)values: (\S+)$/m,
        `$1manifest: ${app.dir}/default.json\n$1context: ${app.dir}\n$1chart: ${app.dir}/chart\n$1values: ${app.dir}/$2`,
      ],
      [/^(\s+)values-dev: (\S+)$/m, `$1values-dev: ${app.dir}/$2`],
      [/^(\s+)profile: (\S+)$/m, `$1profile: ${app.dir}/$2`],
    ];
    for (const [pattern, replacement] of inputs) {
      if (!pattern.test(text)) throw new Error(`starter ${name} has no line ${String(pattern)}`);
      text = text.replace(pattern, replacement);
    }
  }
  return text;
}

/** The application repository: examples/ at the root, ledger/ a second app, the starters. */
export function appRepository(root: string, registry: string, suffix: string): string {
  const dir = join(root, 'app');
  cpSync(join(REPO_ROOT, 'examples'), dir, { recursive: true });
  // Namespaces of its own, so runs never meet other suites' releases.
  const shop = join(dir, 'default.json');
  writeFileSync(
    shop,
    readFileSync(shop, 'utf8')
      .replace(`"namespace": "${SHOP.namespace}"`, `"namespace": "${SHOP.namespace}${suffix}"`)
      .replace(`"${SHOP.namespace}/${SHOP.name}"`, `"${SHOP.namespace}${suffix}/${SHOP.name}"`),
  );
  rmSync(join(dir, 'app', 'node_modules'), { recursive: true, force: true });
  rmSync(join(dir, 'app', 'dist'), { recursive: true, force: true });
  const ledger = join(dir, LEDGER.dir);
  for (const part of ['app', 'chart', 'deploy', 'compliance', 'default.json']) {
    cpSync(join(dir, part), join(ledger, part), { recursive: true });
  }
  rmSync(join(ledger, 'app', 'node_modules'), { recursive: true, force: true });
  rmSync(join(ledger, 'deploy', 'kustomize'), { recursive: true, force: true });
  const manifest = readFileSync(join(ledger, 'default.json'), 'utf8')
    .replace(
      `"namespace": "${SHOP.namespace}${suffix}"`,
      `"namespace": "${LEDGER.namespace}${suffix}"`,
    )
    .replace('"name": "storefront"', `"name": "${LEDGER.name}"`)
    .replace('"name": "storefront"', `"name": "${LEDGER.name}"`)
    .replace('"storefront.example.com"', '"ledger.example.com"')
    .replace(
      `"${SHOP.namespace}${suffix}/${SHOP.name}"`,
      `"${LEDGER.namespace}${suffix}/${LEDGER.name}"`,
    );
  writeFileSync(join(ledger, 'default.json'), manifest);
  const chart = join(ledger, 'chart', 'Chart.yaml');
  writeFileSync(chart, readFileSync(chart, 'utf8').replace(/^name: .*$/m, `name: ${LEDGER.name}`));

  const workflows = join(dir, '.github', 'workflows');
  mkdirSync(workflows, { recursive: true });
  for (const name of ['pipeline', 'pr-checks', 'drift']) {
    writeFileSync(join(workflows, `${name}.yml`), starter(name, registry));
  }
  writeFileSync(join(workflows, 'pipeline-ledger.yml'), starter('pipeline', registry, LEDGER));

  git(dir, 'init', '-q', '-b', DEFAULT_BRANCH);
  git(dir, 'remote', 'add', 'origin', `https://github.com/${APP_REPOSITORY}.git`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'The shop and the ledger, with the starter workflows');
  return dir;
}

/** Commits a change to the repository; returns [before, after]. */
export function commit(repo: string, message: string, change: () => void): [string, string] {
  const before = git(repo, 'rev-parse', 'HEAD');
  change();
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', message);
  return [before, git(repo, 'rev-parse', 'HEAD')];
}

export function head(repo: string): string {
  return git(repo, 'rev-parse', 'HEAD');
}

/** act's host tool cache (<cacheDir>/tool_cache), holding the helm a runner image has. */
export function runnerToolCache(cacheDir: string, helm3: string): void {
  const tool = join(cacheDir, 'tool_cache', 'helm', '3.17.3', 'x64');
  mkdirSync(join(tool, 'linux-amd64'), { recursive: true });
  cpSync(helm3, join(tool, 'linux-amd64', 'helm'));
  chmodSync(join(tool, 'linux-amd64', 'helm'), 0o755);
  writeFileSync(`${tool}.complete`, '');
}

export interface ActRun {
  status: number;
  log: string;
  logFile: string;
}

export interface ActOptions {
  act: string;
  repo: string;
  platform: string;
  mappings: string[];
  event: string;
  payload: Record<string, unknown>;
  env: Record<string, string>;
  secrets: Record<string, string>;
  /** Organization and repository variables (`vars`). */
  vars: Record<string, string>;
  logDir: string;
  label: string;
  /** Extra PATH entries (tools the runner image would have). */
  path: string[];
  /** act's cache: its tool_cache/ is the runner's tool cache. */
  cacheDir: string;
  /** One workflow file to run (a workflow_dispatch names one); default: every workflow the event triggers. */
  workflow?: string;
}

/** One event, as GitHub would deliver it, run by act on this machine. */
export async function runAct(options: ActOptions): Promise<ActRun> {
  const eventFile = join(options.logDir, `${options.label}.event.json`);
  writeFileSync(eventFile, JSON.stringify(options.payload));
  const logFile = join(options.logDir, `${options.label}.log`);
  const args = [
    options.event,
    '-W',
    options.workflow ? `.github/workflows/${options.workflow}` : '.github/workflows/',
    '-P',
    'ubuntu-latest=-self-hosted',
    '-e',
    eventFile,
    '--concurrent-jobs',
    '2',
    '--action-offline-mode',
    '--action-cache-path',
    options.cacheDir,
    '--local-repository',
    `${PLATFORM}@${PLATFORM_REF}=${options.platform}`,
    ...options.mappings.flatMap((mapping) => ['--local-repository', mapping]),
    ...Object.entries(options.env).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    ...Object.entries(options.vars).flatMap(([key, value]) => ['--var', `${key}=${value}`]),
  ];
  const secretFile = join(mkdtempSync(join(tmpdir(), 'pa-act-secrets-')), 'secrets');
  writeFileSync(
    secretFile,
    Object.entries(options.secrets)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join('\n'),
    { mode: 0o600 },
  );
  args.push('--secret-file', secretFile);
  const out = createWriteStream(logFile);
  const child = spawn(options.act, args, {
    cwd: options.repo,
    env: {
      ...process.env,
      PATH: [...options.path, process.env.PATH ?? ''].join(':'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const status = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  );
  await new Promise<void>((resolve) => out.end(resolve));
  rmSync(dirname(secretFile), { recursive: true, force: true });
  return { status, log: readFileSync(logFile, 'utf8'), logFile };
}
