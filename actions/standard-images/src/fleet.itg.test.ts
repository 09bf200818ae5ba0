import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  buildImageSuite,
  registrySnapshot,
  type AppRepo,
} from '../../../test/support/build-image.js';
import { REPO_ROOT, runBundle } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * A platform team's publication, for real on the local environment: the
 * standard images built from definitions and pushed by
 * scripts/publish-standard-images.sh (what .github/workflows/publish-images.yml
 * runs), the catalog pinned by the standard-images bundle, an application
 * built on it by build-image; then a second publication in which the
 * platform changed its runtime image: the bundle finds the app built on the
 * old runtime through its image's labels, dispatches its pipeline starter
 * (workflows/pipeline.yml, on the GitHub API double) with the new catalog,
 * and notifies a webhook; the app's rebuild on that catalog is a `base`
 * rebuild with a base tag. GitHub's API is the only double.
 */

const execFileAsync = promisify(execFile);
const suite = buildImageSuite('itg-fleet');
const { env } = suite;
const STANDARD = `${suite.registry}/standard`;
// Sentinels: the run that dispatches and notifies is checked to show neither anywhere.
const TOKEN = 'ghs_fleet-app-token-sentinel-3f7b';
const WEBHOOK_SECRET = 'sentinel-fleet-webhook-9a2d';
const STARTER = readFileSync(join(REPO_ROOT, 'workflows', 'pipeline.yml'), 'utf8');

// The platform repository: its own catalog template (two images), its own
// definition of runtime-http (changed in the second publication), a fleet file.
const TEMPLATE = `apiVersion: pipeline-actions/v1
builders:
  nodejs:
    image: builder-nodejs
    user: '10001:10001'
    toolchains: { nodejs: '24', shell: 'default' }
default_builder: nodejs
runtimes:
  http_html:
    image: runtime-http
    user: '10001:10001'
    port: 8080
    probes:
      liveness: { http: / }
      readiness: { http: / }
`;

let platform: string;
let app: AppRepo;
let github: GitHubDouble;
let webhook: Server;
let webhookUrl: string;
const notifications: string[] = [];

async function publishImages(): Promise<string> {
  const { stdout } = await execFileAsync(
    join(REPO_ROOT, 'scripts', 'publish-standard-images.sh'),
    [STANDARD, join(platform, 'standard-images.template.yaml'), join(platform, 'images')],
    { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 },
  );
  return stdout;
}

function publishCatalog(images: string, inputs: Record<string, string> = {}) {
  return runBundle(
    'standard-images',
    {
      images,
      template: 'standard-images.template.yaml',
      catalog: 'standard-images.yaml',
      fleet: 'fleet.yaml',
      'catalog-url': 'http://127.0.0.1:9/standard-images.yaml',
      'github-token': TOKEN,
      'webhook-url': webhookUrl,
      ...inputs,
    },
    {
      workspace: platform,
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/platform' },
    },
  );
}

beforeAll(async () => {
  platform = mkdtempSync(join(tmpdir(), 'pa-platform-'));
  writeFileSync(join(platform, 'standard-images.template.yaml'), TEMPLATE);
  cpSync(
    join(REPO_ROOT, 'test', 'env', 'images', 'runtime-http'),
    join(platform, 'images', 'runtime-http'),
    {
      recursive: true,
    },
  );
  writeFileSync(
    join(platform, 'fleet.yaml'),
    [
      'apiVersion: pipeline-actions/v1',
      'ref: main',
      'apps:',
      '  - repository: acme/storefront',
      `    image: ${suite.registry}/shop/storefront`,
      '  - repository: acme/ledger',
      `    image: ${suite.registry}/books/ledger`,
      '',
    ].join('\n'),
  );
  github = await GitHubDouble.start({
    token: TOKEN,
    repository: 'acme/platform',
    repositories: ['acme/storefront', 'acme/ledger'],
  });
  github.seedWorkflow('acme/storefront', 'pipeline.yml', STARTER);
  github.seedWorkflow('acme/ledger', 'pipeline.yml', STARTER);
  webhook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      notifications.push((JSON.parse(body) as { text: string }).text);
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const address = webhook.address();
  webhookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook/${WEBHOOK_SECRET}`;
  app = suite.repo();
}, 900_000);

afterAll(async () => {
  await github?.close();
  webhook?.close();
  if (platform) rmSync(platform, { recursive: true, force: true });
});

describe('the platform publishes its standard images, and the fleet is rebuilt', () => {
  let firstCatalog: string;

  it('first publication: images pushed, the catalog pinned to their digests; nothing to rebuild', async () => {
    const images = await publishImages();
    expect(images.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^builder-nodejs=${STANDARD}/builder-nodejs@sha256:[0-9a-f]{64}$`),
      ),
      expect.stringMatching(
        new RegExp(`^runtime-http=${STANDARD}/runtime-http@sha256:[0-9a-f]{64}$`),
      ),
    ]);
    const run = await publishCatalog(images);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    firstCatalog = readFileSync(join(platform, 'standard-images.yaml'), 'utf8');
    for (const line of images.trim().split('\n'))
      expect(firstCatalog).toContain(line.split('=')[1]);
    expect(run.outputs).toMatchObject({ changed: '[]', rebuilt: '[]', due: '0' });
    expect(run.stdout).toContain('No previous catalog: the first publish, nothing to rebuild.');
    expect(github.dispatches).toEqual([]);
    expect(notifications).toEqual([]);
  }, 900_000);

  it('an application is built on that catalog (build-image records its bases in its labels)', async () => {
    app.write('catalog.yaml', firstCatalog);
    const run = await suite.build(app);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.0.0', reason: 'commit' });
    expect(run.outputs['base-ref']).toMatch(new RegExp(`^${STANDARD}/runtime-http@`));
  }, 600_000);

  it('second publication with a changed runtime: the app built on it is dispatched with the new catalog, the webhook told', async () => {
    appendFileSync(
      join(platform, 'images', 'runtime-http', 'Dockerfile'),
      'LABEL org.example.platform-release="2"\n',
    );
    const images = await publishImages();
    const run = await publishCatalog(images);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(JSON.parse(run.outputs.changed!)).toEqual([`${STANDARD}/runtime-http`]);
    expect(JSON.parse(run.outputs.rebuilt!)).toEqual([
      { repository: 'acme/storefront', workflow: 'pipeline.yml', ref: 'main' },
    ]);
    expect(run.outputs.due).toBe('1');
    github.assertNoViolations();
    expect(github.dispatches).toEqual([
      {
        repository: 'acme/storefront',
        workflow: 'pipeline.yml',
        ref: 'main',
        inputs: { catalog: 'http://127.0.0.1:9/standard-images.yaml' },
      },
    ]);
    expect(run.summary).toContain('acme/ledger');
    expect(run.summary).toContain('nothing to rebuild: no release image yet');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toContain(`${STANDARD}/runtime-http`);
    expect(notifications[0]).toMatch(
      /acme\/storefront \(pipeline\.yml\): rebuild dispatched on main: runtime /,
    );
    // The token and the webhook's secret path: masked, shown nowhere, sent in no body.
    for (const secret of [TOKEN, WEBHOOK_SECRET]) {
      expect(run.masked.some((mask) => mask.includes(secret))).toBe(true);
      expect(leaks(run, secret), secret).toEqual([]);
      expect(notifications.join('\n')).not.toContain(secret);
      expect(JSON.stringify(github.requests.map((request) => request.body))).not.toContain(secret);
    }
  }, 900_000);

  it('the dispatched pipeline rebuilds the app on the new catalog: reason base, with a base tag', async () => {
    app.write('catalog.yaml', readFileSync(join(platform, 'standard-images.yaml'), 'utf8'));
    const run = await suite.build(app);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.0.1', reason: 'base', rebuilt: 'true' });
    const tags = Object.keys(await registrySnapshot(env.registry, suite.repository));
    expect(tags).toContain('1.0.1');
    expect(tags.some((tag) => /^1\.0\.1-runtime-http\.[0-9a-f]{12}$/.test(tag))).toBe(true);
  }, 600_000);

  it('publishing the same catalog again changes nothing, dispatches nothing and notifies nobody', async () => {
    const before = github.dispatches.length;
    const run = await publishCatalog('', {
      template: '',
      'previous-catalog': 'standard-images.yaml',
    });
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.outputs).toMatchObject({ changed: '[]', rebuilt: '[]' });
    expect(github.dispatches).toHaveLength(before);
    expect(notifications).toHaveLength(1);
  });
});
