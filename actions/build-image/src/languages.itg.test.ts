import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/index.js';
import {
  appRepo,
  failureMessage,
  registrySnapshot,
  sbomOfImage,
  runBuildImage,
  uniquePath,
} from '../../../test/support/build-image.js';
import { REPO_ROOT, type ActionRun } from '../../../test/support/runner.js';
import { standardImages } from '../../../test/support/standard-images.js';
import { loadEnvironment } from '../../../test/env/environment.js';

/**
 * One real application per language, built by the committed bundle on the
 * standard images of the local environment (test/fixtures/apps/<app>), each
 * pushed, started as a container from the registry and asked for its
 * /healthz and its page: a Maven service (plugins and gson from Maven
 * Central), a Gradle service (Debian's Gradle 4.4, gson from Maven Central),
 * a Python service (six from PyPI), a Go service (uuid from the Go module
 * proxy) and a manifest shaped like the team's: java + nodejs buildfacts, a
 * shell step, a Gradle wrapper step, `artifacts: "target/"`, version 3.x.x.
 *
 * The heavy images are built here when missing (test/env/image), so the
 * first run on a machine takes several minutes more; later runs reuse them.
 */

const env = loadEnvironment();
const exec = promisify(execFile);
const prefix = uniquePath('itg-languages');
const registry = `${env.registry}/${prefix}`;
const dirs: string[] = [];
let images: Record<string, string> = {};

beforeAll(() => {
  images = standardImages(
    'builder-java',
    'builder-java-nodejs',
    'builder-python',
    'builder-go',
    'runtime-jvm',
    'runtime-python',
    'runtime-static',
  );
}, 45 * 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function build(app: string): Promise<ActionRun> {
  const repo = appRepo(env, join(REPO_ROOT, 'test', 'fixtures', 'apps', app), { images });
  dirs.push(repo.dir);
  const run = await runBuildImage(repo, registry);
  if (run.exitCode !== 0)
    throw new Error(`build-image failed for ${app}:\n${run.stdout.slice(-6000)}\n${run.stderr}`);
  return run;
}

/** Starts the pushed image, waits for its probe path, returns GET `path` and the uid it runs as. */
async function serve(
  ref: string,
  path = '/',
  probe = '/healthz',
): Promise<{ body: string; uid: string }> {
  const { stdout } = await exec('docker', ['run', '-d', '--rm', '-p', '127.0.0.1::8080', ref]);
  const container = stdout.trim();
  try {
    const port = (await exec('docker', ['port', container, '8080/tcp'])).stdout
      .trim()
      .split(':')
      .pop();
    await waitForHttp(`http://127.0.0.1:${port}${probe}`, container);
    const body = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    const inspect = await exec('docker', ['inspect', '--format', '{{.Config.User}}', container]);
    return { body, uid: inspect.stdout.trim() };
  } finally {
    await exec('docker', ['rm', '-f', container]).catch(() => undefined);
  }
}

async function waitForHttp(url: string, container: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const logs = await exec('docker', ['logs', container]).catch(() => ({
        stdout: '',
        stderr: '',
      }));
      throw new Error(
        `${url} did not answer 200 within ${timeoutMs} ms:\n${logs.stdout}${logs.stderr}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function labels(run: ActionRun): Promise<Record<string, string>> {
  const client = new RegistryClient(env.registry, { dockerConfig: false });
  try {
    const repository = run.outputs.image!.slice(env.registry.length + 1);
    return (await client.getImageConfig(repository, run.outputs.digest!)).labels;
  } finally {
    client.close();
  }
}

/** The purls of the SBOM build-image pushed next to the image, found from its digest. */
async function sbomPurls(run: ActionRun): Promise<string[]> {
  const client = new RegistryClient(env.registry, { dockerConfig: false });
  try {
    const repository = run.outputs.image!.slice(env.registry.length + 1);
    const { digest, bom } = await sbomOfImage(client, repository, run.outputs.digest!);
    expect(`${run.outputs.image}@${digest}`).toBe(run.outputs['sbom-ref']);
    return bom.components.flatMap((c) => (c.purl ? [c.purl] : []));
  } finally {
    client.close();
  }
}

describe('one application per language through build-image', () => {
  it('Maven: a Java service with gson from Maven Central, on the JVM runtime', async () => {
    const run = await build('maven-api');
    expect(run.outputs).toMatchObject({ version: '1.0.0', rebuilt: 'true', reason: 'commit' });
    expect(run.outputs['base-ref']).toBe(images['runtime-jvm']);
    expect(run.stdout).toContain('(maven): mvn --batch-mode -q package');
    expect(run.stdout).toContain('runtime for http_api (java)');
    const { body, uid } = await serve(run.outputs.ref!);
    expect(JSON.parse(body)).toMatchObject({ app: 'maven-api', java: '17', user: 'app' });
    expect(uid).toBe('10001:10001');
    expect(await labels(run)).toMatchObject({
      'io.github.pipeline-actions.builder.digest': images['builder-java']!.split('@')[1],
    });
    // Its SBOM: the JVM runtime's Debian packages and gson, as pom.xml declares it.
    const purls = await sbomPurls(run);
    expect(purls).toContain('pkg:maven/com.google.code.gson/gson@2.11.0');
    expect(purls.some((purl) => purl.startsWith('pkg:deb/debian/'))).toBe(true);
  });

  it("Gradle: a Java service built with the builder's Gradle, gson from Maven Central", async () => {
    const run = await build('gradle-api');
    expect(run.outputs).toMatchObject({ version: '2.0.0', rebuilt: 'true' });
    expect(run.stdout).toContain('(gradle): gradle --no-daemon --console=plain --quiet clean jar');
    const { body } = await serve(run.outputs.ref!);
    expect(JSON.parse(body)).toMatchObject({ app: 'gradle-api', java: '17' });
  });

  it('Python: a service with six from PyPI installed by a pip step, on the Python runtime', async () => {
    const run = await build('python-api');
    expect(run.outputs['base-ref']).toBe(images['runtime-python']);
    expect(run.stdout).toContain(
      'Build step 1/2 (pip): python3 -m pip --no-input --disable-pip-version-check install --quiet --target dist/site-packages -r requirements.txt',
    );
    const { body, uid } = await serve(run.outputs.ref!);
    expect(JSON.parse(body)).toMatchObject({ app: 'python-api', six: '1.16.0' });
    expect(body).toContain('"python": "3.11.');
    expect(uid).toBe('10001:10001');
  });

  it('Go: a static binary with uuid from the Go module proxy, on the minimal runtime', async () => {
    const run = await build('go-api');
    expect(run.outputs).toMatchObject({ version: '0.1.0' });
    expect(run.outputs['base-ref']).toBe(images['runtime-static']);
    const { body } = await serve(run.outputs.ref!);
    expect(JSON.parse(body)).toMatchObject({ app: 'go-api', go: 'go1.26.8' });
    // Its SBOM: the runtime's CA bundle (Debian's package, its status.d record) and uuid from go.mod.
    expect((await sbomPurls(run)).map((purl) => purl.split('?')[0]).sort()).toEqual([
      expect.stringMatching(/^pkg:deb\/debian\/ca-certificates@\d/),
      'pkg:golang/github.com/google/uuid@v1.6.0',
    ]);
  });

  it("the team's manifest: java + nodejs, a shell step, the Gradle wrapper, target/, 3.x.x", async () => {
    const run = await build('team-web');
    expect(run.outputs).toMatchObject({ version: '3.0.0', rebuilt: 'true' });
    expect(run.outputs['base-ref']).toBe(env.images['runtime-http']);
    expect(run.stdout).toContain('builder "java-nodejs"');
    expect(run.stdout).toContain('Build step 1/2 (shell): node web/build.mjs web/dist');
    expect(run.stdout).toContain(
      'Build step 2/2 (gradle): ./gradlew --no-daemon --console=plain clean build',
    );
    // runtime-http's probe is the page itself
    expect((await serve(run.outputs.ref!, '/', '/')).body).toContain('rendered by Node.js 24');
    expect(JSON.parse((await serve(run.outputs.ref!, '/version.json', '/')).body)).toEqual({
      app: 'portal',
      java: '17',
    });
  });

  it('stops before any container runs when a step needs a tool the builder lacks', async () => {
    const repo = appRepo(env, join(REPO_ROOT, 'test', 'fixtures', 'apps', 'team-web'), { images });
    dirs.push(repo.dir);
    repo.editManifest((manifest) => {
      (manifest.build as { system_setup: unknown }).system_setup = { buildfacts: ['nodejs'] };
    });
    const run = await runBuildImage(repo, `${registry}-refused`);
    expect(run.exitCode).toBe(1);
    expect(failureMessage(run)).toMatch(
      /default\.json:\d+:\d+: \$\.build\.build_steps\[1\]: a gradle step needs java, and the builder "nodejs" chosen for nodejs does not provide it \(it has nodejs 24, shell default\)\.\nHow to fix: add "java" to build\.system_setup\.buildfacts \(nodejs \+ java chooses the builder "java-nodejs"\)\./,
    );
    expect(await registrySnapshot(env.registry, `${prefix}-refused/team/portal`)).toEqual({});
    expect(run.stdout).not.toContain('docker run');
    expect(run.stdout).not.toContain('Build step 1/');
  });
});
