import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import * as core from '../../../src/core.js';
import semver from 'semver';
import { UserError } from '../../../src/errors.js';
import { loadManifest, type AppManifest } from '../../../src/manifest/index.js';
import { validateTag } from '../../../src/oci/index.js';
import { cachePlan } from '../../../src/build/cache.js';
import { isUrl, loadCatalog } from '../../../src/build/catalog-source.js';
import type { BuilderImage, RuntimeImage } from '../../../src/build/catalog.js';
import { buildRecord, configHash, sourcesHash } from '../../../src/build/content-hash.js';
import { imageLabels, type BuildRecord } from '../../../src/build/labels.js';
import { imageSize, tagImmutable, tagMutable } from '../../../src/build/publish.js';
import type { Reason } from '../../../src/build/reason.js';
import { chooseImages } from '../../../src/build/select-images.js';
import { listSourceFiles } from '../../../src/build/source-files.js';
import { contentTag, isContentTag, versionTag } from '../../../src/build/versions.js';
import { readImageFacts } from '../../../src/policy/facts.js';
import type { ImageFacts, ImagePolicy, PolicyOutcome } from '../../../src/policy/policy.js';
import { Docker } from '../../../src/tools/docker.js';
import { catalogLocation } from './catalog-location.js';
import type { Inputs } from './inputs.js';
import { planImage, type Plan } from './plan.js';
import { checkImagePolicy } from './policy-check.js';
import { produceImage } from './produce.js';
import type { SbomOutcome, SbomSources } from './sbom.js';
import { openTarget, warnIfDockerDistrustsCa, type Target } from './target.js';

/** What the stage did; main.ts turns it into the contract's outputs. */
export interface BuildOutcome {
  readonly image: string;
  /** Tags that point at the image, version first (the content tag last). */
  readonly tags: readonly string[];
  readonly digest: string | undefined;
  readonly version: string;
  /** The standard runtime image, pinned by digest. */
  readonly baseRef: string;
  readonly builderRef: string | undefined;
  readonly rebuilt: boolean;
  readonly reason: Reason;
  readonly previous: string | undefined;
  readonly contentHash: string;
  readonly sizeBytes: number | undefined;
  readonly buildSeconds: number;
  /** The image policy's result; undefined without a policy or without a push. */
  readonly policy: PolicyOutcome | undefined;
  /** The SBOM pushed next to the image; undefined with `sbom: false` or without a push. */
  readonly sbom: SbomOutcome | undefined;
}

interface Prepared {
  readonly manifest: AppManifest;
  readonly context: string;
  readonly runtime: RuntimeImage;
  readonly builder: BuilderImage | undefined;
  /** The catalog's path when it is a file (not a URL). */
  readonly catalogPath: string | undefined;
  readonly policy: ImagePolicy | undefined;
}

export async function buildImage(inputs: Inputs): Promise<BuildOutcome> {
  const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const prepared = await prepare(inputs, workspace);
  const { manifest, runtime, builder } = prepared;
  const channelTags = checkChannelTags(inputs['channel-tags']);
  const target = openTarget(inputs, manifest, workspace);
  try {
    core.info(`Image: ${target.name}`);
    // The registry's answer and the source hash do not depend on each other.
    const [tags, { record, files }] = await Promise.all([
      target.client.listTags(target.repository),
      describeBuild(inputs, prepared, workspace),
    ]);
    core.info(
      `Content hash: ${record.contentHash} (sources ${record.sourcesHash.slice(0, 12)}, config ${record.configHash.slice(0, 12)})`,
    );
    const plan = await planImage(target, manifest, tags, record);
    const base = {
      image: target.name,
      baseRef: runtime.image.pinned,
      builderRef: builder?.image.pinned,
      contentHash: record.contentHash,
    };

    if (plan.kind === 'reuse') {
      core.info(
        `An identical image exists: ${target.name}@${plan.digest} (version ${plan.version}); nothing is built.`,
      );
      const { policy, sbom } = await checkAndDescribe(
        inputs,
        prepared,
        target,
        plan.digest,
        {
          dir: prepared.context,
          files,
          version: plan.version,
        },
        true,
      );
      const written = inputs.push
        ? await publishTags(target, plan.digest, plan.restore, channelTags)
        : [];
      return {
        ...base,
        tags: orderTags([...plan.tags, ...written, contentTag(record.contentHash)]),
        digest: plan.digest,
        version: plan.version,
        rebuilt: false,
        // A version tag written onto existing content is a new version to deploy.
        reason: written.includes(versionTag(plan.version)) ? 'retag' : 'none',
        previous: undefined,
        sizeBytes: await imageSize(target.client, target.repository, plan.digest),
        buildSeconds: 0,
        policy,
        sbom,
      };
    }
    return await buildNew(inputs, prepared, target, plan, record, files, channelTags, base);
  } finally {
    target.client.close();
  }
}

async function prepare(inputs: Inputs, workspace: string): Promise<Prepared> {
  const context = insideWorkspace(workspace, inputs.context, 'context');
  const manifestPath = insideWorkspace(workspace, inputs.manifest, 'manifest');
  const manifest = await loadManifest(manifestPath, {
    displayPath: relative(workspace, manifestPath) || manifestPath,
  });
  const location = catalogLocation(inputs.catalog, workspace);
  const catalog = await loadCatalog(location, { retry: { attempts: inputs.retries } });
  // Everything the catalog decides is checked before any container runs.
  const { runtime, builder } = chooseImages(catalog, manifest, {
    packageFormat: inputs.package,
    context,
  });
  core.info(`Standard images (catalog ${location}, sha256 ${catalog.sha256.slice(0, 12)}):`);
  core.info(
    `  runtime for ${manifest.application.type}${runtime.variant ? ` (${runtime.variant})` : ''}: ${runtime.image.pinned} (user ${runtime.user}${runtime.port ? `, port ${runtime.port}` : ''})`,
  );
  core.info(
    builder
      ? `  builder "${builder.name}": ${builder.image.pinned}`
      : '  builder: none (no build steps)',
  );
  const catalogPath = isUrl(location) ? undefined : location;
  return { manifest, context, runtime, builder, catalogPath, policy: catalog.policy };
}

/** The build record (content hash) and the source files it was computed from. */
async function describeBuild(
  inputs: Inputs,
  prepared: Prepared,
  workspace: string,
): Promise<{ record: BuildRecord; files: string[] }> {
  const { manifest, context, runtime, builder, catalogPath } = prepared;
  // default.json and a catalog kept in the repository are configuration, not sources.
  const configFiles = [resolve(workspace, inputs.manifest), ...(catalogPath ? [catalogPath] : [])];
  const exclude = configFiles.map((file) => relative(context, file).split(sep).join('/'));
  const files = await listSourceFiles(context, exclude);
  const sources = await sourcesHash(context, files);
  const config = configHash({ manifest, packageFormat: inputs.package, runtime, builder });
  return { record: buildRecord(sources, config, runtime, builder), files };
}

/**
 * What follows the push of an image, before any version tag names it: the
 * image policy, then the SBOM (with `sbom: true` and a push). Both read the
 * image's packages once: from the layers, or, for a `reused` image that
 * already has an SBOM build-image wrote, from that SBOM (src/policy/facts.ts).
 */
async function checkAndDescribe(
  inputs: Inputs,
  prepared: Prepared,
  target: Target,
  digest: string,
  sources: SbomSources,
  reused: boolean,
): Promise<{ policy: PolicyOutcome | undefined; sbom: SbomOutcome | undefined }> {
  // The SBOM step loads only with `sbom: true` and a push (its library only to
  // make one). Whether the image has one is read while the policy is checked
  // (for a reused image, also with `sbom: false`: its SBOM holds the packages
  // the policy reads); nothing is pushed before the policy passed.
  const sbomStep = inputs.sbom && inputs.push ? import('./sbom.js') : undefined;
  const existing =
    sbomStep || reused
      ? (sbomStep ?? import('./sbom.js')).then((step) => step.findSbom(target, digest))
      : undefined;
  existing?.catch(() => undefined); // publishSbom reports it; a failed policy ends the run first
  let read: Promise<ImageFacts> | undefined;
  const facts = () =>
    (read ??= readImageFacts(target.client, target.repository, digest, {
      recorded:
        reused && existing
          ? // loaded on this path only (packageurl-js with it): not before the first request
            import('../../../src/sbom/read.js').then(({ recordedSystem }) =>
              recordedSystem(
                target.client,
                target.repository,
                digest,
                existing.then((found) => found.referrers),
              ),
            )
          : undefined,
    }));
  const policy = await checkImagePolicy(
    target,
    digest,
    prepared.policy,
    inputs.policy,
    prepared.manifest,
    facts,
  );
  if (!inputs.sbom) {
    core.info('SBOM: not made (sbom: false).');
    return { policy, sbom: undefined };
  }
  if (!inputs.push) {
    core.info('SBOM: pushed next to a pushed image only (push: false); not made.');
    return { policy, sbom: undefined };
  }
  const { publishSbom } = await (sbomStep ?? import('./sbom.js'));
  return { policy, sbom: await publishSbom(target, digest, facts, sources, existing) };
}

async function buildNew(
  inputs: Inputs,
  prepared: Prepared,
  target: Target,
  plan: Extract<Plan, { kind: 'build' }>,
  record: BuildRecord,
  files: string[],
  channelTags: readonly string[],
  base: Pick<BuildOutcome, 'image' | 'baseRef' | 'builderRef' | 'contentHash'>,
): Promise<BuildOutcome> {
  const { manifest, runtime, builder } = prepared;
  core.info(
    `Version ${plan.version} (${manifest.application.version.kind === 'range' ? `next free in ${manifest.application.version.value}` : 'as written'}); reason: ${plan.reason}${plan.previous ? ` (compared with ${plan.previous})` : ''}.`,
  );
  const started = Date.now();
  const tempRoot = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(tempRoot, { recursive: true });
  const tempDir = await mkdtemp(join(tempRoot, 'build-image-'));
  const docker = await Docker.create(tempDir);
  try {
    core.info(await docker.buildxVersion());
    if (target.login && inputs.push)
      await docker.login(target.registry, target.login.username, target.login.password);
    if (inputs.push) warnIfDockerDistrustsCa(target.registry, target.ca);
    const content = contentTag(record.contentHash);
    const labels = imageLabels(record, runtime.image, builder?.image, {
      title: manifest.application.name,
      version: plan.version,
      namespace: manifest.namespace,
      applicationType: manifest.application.type,
      manifestSha256: manifest.sha256,
      source: process.env.GITHUB_REPOSITORY
        ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
        : undefined,
      revision: process.env.GITHUB_SHA,
    });
    const produced = await produceImage({
      docker,
      manifest,
      context: prepared.context,
      tempDir,
      runtime,
      builder,
      packageFormat: inputs.package,
      version: plan.version,
      labels,
      tags: inputs.push
        ? [`${target.name}:${content}`]
        : [...plan.tags, ...channelTags].map((tag) => `${target.name}:${tag}`),
      push: inputs.push,
      cache: cachePlan(inputs.cache, {
        driver: await docker.builderDriver(),
        image: target.name,
        scope: `${manifest.namespace}-${manifest.application.name}`,
        env: process.env,
      }),
      retries: inputs.retries,
    });
    if (!inputs.push) {
      core.info('push: false; the image was built and loaded into the local docker, not pushed.');
      if (prepared.policy)
        core.info('Image policy: checked on the pushed image only; not checked.');
      if (inputs.sbom) core.info('SBOM: pushed next to a pushed image only; not made.');
      return {
        ...base,
        tags: plan.tags,
        digest: undefined,
        version: plan.version,
        rebuilt: true,
        reason: plan.reason,
        previous: plan.previous,
        sizeBytes: undefined,
        buildSeconds: (Date.now() - started) / 1000,
        policy: undefined,
        sbom: undefined,
      };
    }
    const digest = await verifyPushed(target, content, produced.digest);
    const { policy, sbom } = await checkAndDescribe(
      inputs,
      prepared,
      target,
      digest,
      {
        dir: prepared.context,
        files,
        version: plan.version,
      },
      false,
    );
    const made = await publishTags(target, digest, plan.tags, channelTags);
    return {
      ...base,
      tags: orderTags([...made, content]),
      digest,
      version: plan.version,
      rebuilt: true,
      reason: plan.reason,
      previous: plan.previous,
      sizeBytes: await imageSize(target.client, target.repository, digest),
      buildSeconds: (Date.now() - started) / 1000,
      policy,
      sbom,
    };
  } finally {
    await docker.remove();
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** The pushed content tag must hold what BuildKit reported; its digest is the image's. */
async function verifyPushed(
  target: Target,
  content: string,
  reported: string | undefined,
): Promise<string> {
  const stored = await target.client.headManifest(target.repository, content);
  if (!stored)
    throw new Error(
      `The push reported success, but ${target.name}:${content} is not in the registry.`,
    );
  if (reported && reported !== stored.digest) {
    throw new Error(
      `BuildKit reported ${reported}, but ${target.name}:${content} holds ${stored.digest}.`,
    );
  }
  return stored.digest;
}

/** Creates the immutable tags (only while free), then moves the channel tags. Returns them all. */
async function publishTags(
  target: Target,
  digest: string,
  immutable: readonly string[],
  channels: readonly string[],
): Promise<string[]> {
  const done: string[] = [];
  for (const tag of immutable) {
    const result = await tagImmutable(target.client, target.repository, digest, tag);
    core.info(
      `${target.name}:${tag} ${result === 'created' ? '->' : 'already points at'} ${digest}`,
    );
    done.push(tag);
  }
  for (const tag of channels) {
    await tagMutable(target.client, target.repository, digest, tag);
    core.info(`${target.name}:${tag} (channel) -> ${digest}`);
    done.push(tag);
  }
  return done;
}

/** Version tags first, then base and channel tags, the content tag last. */
function orderTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags)];
  const rank = (tag: string) =>
    semver.valid(tag) === tag ? 0 : isContentTag(tag) ? 3 : /^\d+\.\d+\.\d+/.test(tag) ? 1 : 2;
  return unique
    .map((tag, i) => ({ tag, i }))
    .sort((a, b) => rank(a.tag) - rank(b.tag) || a.i - b.i)
    .map(({ tag }) => tag);
}

function checkChannelTags(tags: readonly string[]): string[] {
  for (const tag of tags) {
    try {
      validateTag(tag);
    } catch (error) {
      throw new UserError(`Input "channel-tags": ${(error as Error).message}`, {
        fix: 'use tags such as "3", "3.1" or "stable".',
      });
    }
    if (semver.valid(tag) || isContentTag(tag) || tag === 'buildcache') {
      throw new UserError(
        `Input "channel-tags" names "${tag}", which is a version or reserved tag; those never move.`,
        {
          fix: 'use moving names only, such as the major version "3", "3.1" or "stable".',
        },
      );
    }
  }
  return [...new Set(tags)];
}

function insideWorkspace(workspace: string, path: string, input: string): string {
  const full = resolve(workspace, path);
  if (full !== workspace && !full.startsWith(workspace + sep)) {
    throw new UserError(`Input "${input}" (${path}) points outside the workspace ${workspace}.`, {
      fix: `give the ${input} relative to the repository root, without leading "..".`,
    });
  }
  return full;
}
