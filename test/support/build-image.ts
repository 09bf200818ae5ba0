import { execFileSync } from 'node:child_process';
import {
  chownSync,
  cpSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterAll, expect } from 'vitest';
import { RegistryClient, listReferrers, type RegistryClientOptions } from '../../src/oci/index.js';
import { SBOM_MEDIA_TYPE } from '../../src/sbom/document.js';
import { loadEnvironment, type Environment } from '../env/environment.js';
import { REPO_ROOT, runBundle, type ActionRun } from './runner.js';
import { writeLocalCatalog } from './catalog.js';

/**
 * Helpers for the build-image suites: an application repository made from
 * examples/ (default.json and app/, committed to git as a checkout is), a
 * catalog of the local standard images, and registry reads to prove what a
 * run did or did not push.
 */

export interface AppRepo {
  dir: string;
  /** Rewrites default.json through `edit` (the parsed JSON, comments dropped) and commits. */
  editManifest(edit: (manifest: Record<string, unknown>) => void): void;
  /** Writes a file (relative path) and commits it. */
  write(path: string, text: string): void;
  /** Writes default.json as raw text (for broken JSON) and commits. */
  writeManifestText(text: string): void;
}

export function exampleRepo(env: Environment, options: { owner?: number } = {}): AppRepo {
  return appRepo(env, join(REPO_ROOT, 'examples'), { ...options, paths: ['default.json', 'app'] });
}

export interface AppRepoOptions {
  /** chown the checkout to this uid, as a runner's checkout belongs to its user. */
  owner?: number;
  /** What to copy from the source directory (default: all of it); built output never. */
  paths?: readonly string[];
  /** Standard images beyond test/env/up's (the lazy ones), for the catalog. */
  images?: Readonly<Record<string, string>>;
  /** Replaces the catalog's image policy. */
  policy?: Record<string, unknown> | null;
}

/** An application repository: `source`'s files committed to git with a catalog.yaml of the local images. */
export function appRepo(env: Environment, source: string, options: AppRepoOptions = {}): AppRepo {
  const dir = mkdtempSync(join(tmpdir(), 'pa-build-image-app-'));
  for (const path of options.paths ?? readdirSync(source)) {
    cpSync(join(source, path), join(dir, path), {
      recursive: true,
      filter: (src) => !/\/(dist|target|build|node_modules)(\/|$)/.test(src.slice(source.length)),
    });
  }
  writeLocalCatalog(dir, env, {
    images: options.images ?? {},
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
  });
  git(dir, 'init', '-q');
  commit(dir, 'the app');
  if (options.owner !== undefined) chownTree(dir, options.owner);
  const repo: AppRepo = {
    dir,
    editManifest(edit) {
      const manifest = parseJsonc(readFileSync(join(dir, 'default.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      edit(manifest);
      repo.writeManifestText(`${JSON.stringify(manifest, null, 2)}\n`);
    },
    write(path, text) {
      writeFileSync(join(dir, path), text);
      commit(dir, `change ${path}`);
    },
    writeManifestText(text) {
      writeFileSync(join(dir, 'default.json'), text);
      commit(dir, 'change default.json');
    },
  };
  return repo;
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(
    dir,
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.invalid',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    message,
  );
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'safe.directory=*', '-C', dir, ...args], { stdio: 'pipe' });
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (lstatSync(path).isDirectory())
    for (const entry of readdirSync(path)) chownTree(join(path, entry), uid);
}

/**
 * What a build-image suite needs: the environment, a registry path of its
 * own (`<open registry>/<name>-<pid>-<time>`), example repositories removed
 * after the suite, and runs of the bundle on them.
 */
export interface BuildImageSuite {
  env: Environment;
  /** The suite's path on the registries. */
  prefix: string;
  /** `<open registry>/<prefix>`: the `registry` input. */
  registry: string;
  /** `<prefix>/shop/storefront`: where the example app lands. */
  repository: string;
  /** A fresh copy of the example app; `edit` changes it (and commits) first. */
  repo(edit?: (repo: AppRepo) => void, options?: { owner?: number }): AppRepo;
  /** Runs the bundle on `repo`, pushing under the suite's path unless `inputs.registry` says otherwise. */
  build(
    repo: AppRepo,
    inputs?: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<ActionRun>;
}

export function buildImageSuite(name: string): BuildImageSuite {
  const env = loadEnvironment();
  const prefix = uniquePath(name);
  const repos: AppRepo[] = [];
  afterAll(() => {
    for (const repo of repos) rmSync(repo.dir, { recursive: true, force: true });
  });
  const registry = `${env.registry}/${prefix}`;
  return {
    env,
    prefix,
    registry,
    repository: `${prefix}/shop/storefront`,
    repo(edit, options) {
      const repo = exampleRepo(env, options);
      repos.push(repo);
      edit?.(repo);
      return repo;
    },
    build: (repo, inputs = {}, extraEnv = {}) => runBuildImage(repo, registry, inputs, extraEnv),
  };
}

/**
 * Runs the committed build-image bundle on an app repository, with the
 * repository's local catalog and no build cache unless the inputs say otherwise.
 */
export function runBuildImage(
  repo: AppRepo,
  registry: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runBundle(
    'build-image',
    { registry, catalog: 'catalog.yaml', cache: 'none', ...inputs },
    { workspace: repo.dir, env },
  );
}

/** A unique registry path per suite run, so suites never see each other's tags. */
export function uniquePath(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}`;
}

/** Every tag of a repository and the digest it points at: a snapshot to compare before and after. */
export async function registrySnapshot(
  registry: string,
  repository: string,
  options: RegistryClientOptions = {},
): Promise<Record<string, string>> {
  const client = new RegistryClient(registry, { dockerConfig: false, ...options });
  try {
    const snapshot: Record<string, string> = {};
    for (const tag of (await client.listTags(repository)).sort()) {
      snapshot[tag] = (await client.headManifest(repository, tag))?.digest ?? '?';
    }
    return snapshot;
  } finally {
    client.close();
  }
}

/** The run, when it succeeded; otherwise an error with the end of its log. */
export function succeeded(run: ActionRun): ActionRun {
  if (run.exitCode !== 0)
    throw new Error(`build-image failed:\n${run.stdout.slice(-5000)}\n${run.stderr.slice(-3000)}`);
  return run;
}

/** The message of the failure (the annotation without a file: setFailed's). */
export function failureMessage(run: ActionRun): string {
  const failures = run.annotations.filter((a) => a.level === 'error' && !a.properties.file);
  if (failures.length !== 1) {
    throw new Error(
      `expected one failure message, got ${failures.length}:\n${run.stdout.slice(-4000)}`,
    );
  }
  return failures[0]!.message;
}

/** The parts of a CycloneDX document the suites look at. */
export interface Bom {
  bomFormat: string;
  specVersion: string;
  metadata: { component: { type: string; purl: string; version: string } };
  components: { type: string; name: string; version?: string; purl?: string; scope?: string }[];
}

/** The SBOM of an image, found from its digest alone through the registry. */
export async function sbomOfImage(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<{ digest: string; via: string; bom: Bom }> {
  const found = await listReferrers(client, repository, digest, SBOM_MEDIA_TYPE);
  expect(found.referrers).toHaveLength(1);
  const manifest = await client.getManifest(repository, found.referrers[0]!.digest);
  expect(manifest.json).toMatchObject({ artifactType: SBOM_MEDIA_TYPE, subject: { digest } });
  const layer = (manifest.json.layers as { digest: string; mediaType: string }[])[0]!;
  expect(layer.mediaType).toBe(SBOM_MEDIA_TYPE);
  const bytes = await client.getBlob(repository, layer.digest, 16 * 1024 * 1024);
  return {
    digest: manifest.digest,
    via: found.via,
    bom: JSON.parse(bytes.toString('utf8')) as Bom,
  };
}
