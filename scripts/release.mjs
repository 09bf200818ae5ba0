// Releases one version of pipeline-actions (.github/workflows/release.yml
// runs it). From a pushed vX.Y.Z tag, or a dispatch that names the version
// (the tag is then created on the dispatched commit):
//
//   1. the version is vMAJOR.MINOR.PATCH (semver, optionally -prerelease);
//   2. it was never released: no GitHub release for it, and (dispatch) no tag;
//   3. CHANGELOG.md has its section, which becomes the release notes, and
//      package.json says the same version;
//   4. the committed bundles equal a fresh build (scripts/check-dist.mjs);
//   5. every job of the ci workflow passed on the commit (its check runs);
//   6. the tag is pushed (dispatch), the GitHub release created, and the
//      major tag vMAJOR moved to the commit (not for a prerelease, nor for a
//      fix of an older line: v1 stays on v1.3.0 when v1.2.1 ships).
//
// Anything refused ends with one `::error::` line that says why and what to
// do; nothing is written before every check has passed.
//
// Environment: RELEASE_VERSION (the tag, e.g. v1.0.0), GITHUB_EVENT_NAME
// (push or workflow_dispatch), GITHUB_SHA, GITHUB_REPOSITORY, GITHUB_API_URL,
// GITHUB_TOKEN; RELEASE_REMOTE (default origin): the git remote tags go to.
/* global fetch, AbortSignal, setTimeout */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import semver from 'semver';
import { ROOT } from './actions.mjs';
import { staleBundles } from './check-dist.mjs';

/** A release that must not happen; its message is the one line the run ends with. */
export class Refused extends Error {}

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** `v1.2.3` → its parts; anything else is refused. */
export function parseVersion(tag) {
  const match = TAG.exec(tag ?? '');
  if (!match || !semver.valid(tag.slice(1))) {
    throw new Refused(
      `"${tag ?? ''}" is not a release version: name it vMAJOR.MINOR.PATCH (semver with a leading v, e.g. v1.0.0 or v1.1.0-rc.1).`,
    );
  }
  return {
    tag,
    version: tag.slice(1),
    major: `v${match[1]}`,
    prerelease: match[4] !== undefined,
  };
}

/** The body of CHANGELOG.md's `## [X.Y.Z]` section (Keep a Changelog), without its heading. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = (line) => /^## /.test(line);
  const start = lines.findIndex(
    (line) => heading(line) && line.replace(/^##\s*\[?/, '').startsWith(`${version}]`),
  );
  if (start === -1) {
    throw new Refused(
      `CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with the release's changes, commit it, and release that commit.`,
    );
  }
  const end = lines.findIndex((line, i) => i > start && heading(line));
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]:\s/.test(line))
    .join('\n')
    .trim();
  if (body === '') {
    throw new Refused(
      `CHANGELOG.md's section for ${version} is empty: list the release's changes under it.`,
    );
  }
  return body;
}

/** Refuses unless package.json carries the version being released. */
export function checkPackageVersion(manifest, version) {
  if (manifest.version !== version) {
    throw new Refused(
      `package.json says version ${manifest.version}, not ${version}: run npm version ${version} --no-git-tag-version, commit package.json and package-lock.json, and release that commit.`,
    );
  }
}

/** The names of the ci workflow's jobs, as their check runs are called. */
export function ciJobNames(root = ROOT) {
  const workflow = load(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8'));
  return Object.entries(workflow.jobs ?? {}).map(([id, job]) => job?.name ?? id);
}

function git(args, options = {}) {
  return execFileSync('git', args, {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  }).trim();
}

/**
 * Git's environment for pushing to GitHub with the job token, passed as
 * configuration in the environment (never on a command line, never written
 * to .git/config): the checkout keeps no credentials.
 */
function pushEnv(remoteUrl, token) {
  if (!token || !/^https:\/\//.test(remoteUrl)) return process.env;
  const host = new URL(remoteUrl).origin;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return {
    ...process.env,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${host}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  };
}

/** Tags on the remote: name → commit (annotated tags peeled). */
function remoteTags(remote, cwd) {
  const tags = new Map();
  for (const line of git(['ls-remote', '--tags', remote], { cwd }).split('\n')) {
    const [sha, ref] = line.split('\t');
    if (!ref) continue;
    const name = ref.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, '');
    if (ref.endsWith('^{}') || !tags.has(name)) tags.set(name, sha);
  }
  return tags;
}

/** A small GitHub REST client: JSON, the job token, bounded retries for GETs on 5xx and resets. */
export function githubApi({ url, token, repository }) {
  const base = `${url.replace(/\/+$/, '')}/repos/${repository}`;
  const call = async (method, path, body) => {
    const attempts = method === 'GET' ? 3 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'pipeline-actions-release',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status >= 500 && attempt < attempts)
          throw new Error(`HTTP ${response.status}`);
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  };
  return {
    async releaseByTag(tag) {
      const answer = await call('GET', `/releases/tags/${encodeURIComponent(tag)}`);
      if (answer.status === 404) return undefined;
      if (answer.status !== 200)
        throw new Error(`GitHub answered ${answer.status} for the release ${tag}`);
      return answer.body;
    },
    async checkRuns(sha) {
      const answer = await call('GET', `/commits/${sha}/check-runs?per_page=100`);
      if (answer.status !== 200)
        throw new Error(`GitHub answered ${answer.status} for the check runs of ${sha}`);
      return answer.body.check_runs;
    },
    async createRelease(release) {
      const answer = await call('POST', '/releases', release);
      if (answer.status !== 201) {
        throw new Error(
          `GitHub refused the release (HTTP ${answer.status}): ${answer.body?.message ?? ''}`,
        );
      }
      return answer.body;
    },
  };
}

/** Refuses unless every ci job's latest check run on the commit concluded success. */
export function checkCi(runs, jobNames, sha) {
  const short = sha.slice(0, 7);
  const problems = jobNames.flatMap((name) => {
    const run = runs.filter((r) => r.name === name).sort((a, b) => b.id - a.id)[0];
    if (!run) return [`"${name}" did not run`];
    if (run.status !== 'completed') return [`"${name}" is ${run.status}`];
    if (run.conclusion !== 'success') return [`"${name}" ended ${run.conclusion}`];
    return [];
  });
  if (problems.length > 0) {
    throw new Refused(
      `The ci workflow has not passed on ${short}: ${problems.join(', ')}. Release a commit whose ci run is green (re-run it if it failed for an outage).`,
    );
  }
}

/**
 * Runs the release. `options`: version (the tag), event, sha, remote, api
 * (githubApi's object), bundles (() => stale paths), root, log.
 */
export async function release(options) {
  const { event, sha, remote = 'origin', api, root = ROOT, log = console.log } = options;
  const bundles = options.bundles ?? staleBundles;
  const version = parseVersion(options.version);
  const cwd = root;

  // 2. Never released.
  const existing = await api.releaseByTag(version.tag);
  if (existing) {
    throw new Refused(
      `${version.tag} is already released (${existing.html_url}); a version is never reused: release the next one.`,
    );
  }
  const tags = remoteTags(remote, cwd);
  if (event === 'workflow_dispatch' && tags.has(version.tag)) {
    throw new Refused(
      `The tag ${version.tag} already exists (on ${tags.get(version.tag).slice(0, 7)}); a version is never reused: release the next one.`,
    );
  }
  if (event === 'push' && tags.get(version.tag) !== sha) {
    throw new Refused(
      `The tag ${version.tag} is not on ${sha.slice(0, 7)} in ${remote}; push the tag again, or dispatch the release.`,
    );
  }

  // 3. Notes, and the version the package says it is.
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version.version);
  checkPackageVersion(
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
    version.version,
  );

  // 4. Fresh bundles.
  log('Building the bundles to compare with the committed ones…');
  const stale = bundles();
  if (stale.length > 0) {
    throw new Refused(
      `The committed bundles on ${sha.slice(0, 7)} are stale (${stale.join(', ')}): run npm run build, commit actions/*/dist, and release that commit.`,
    );
  }

  // 5. Tests passed.
  checkCi(await api.checkRuns(sha), ciJobNames(root), sha);

  // 6. Tag, release, major tag.
  const env = pushEnv(git(['remote', 'get-url', remote], { cwd }), process.env.GITHUB_TOKEN);
  if (event === 'workflow_dispatch') {
    git(['push', remote, `${sha}:refs/tags/${version.tag}`], { cwd, env });
    log(`Tagged ${sha.slice(0, 7)} as ${version.tag}.`);
  }
  const created = await api.createRelease({
    tag_name: version.tag,
    target_commitish: sha,
    name: version.tag,
    body: notes,
    draft: false,
    prerelease: version.prerelease,
    make_latest: version.prerelease ? 'false' : 'legacy',
  });
  log(`Released ${version.tag}: ${created.html_url}`);

  const newest = [...tags.keys(), version.tag]
    .filter((tag) => TAG.test(tag) && !semver.prerelease(tag.slice(1)))
    .filter((tag) => semver.major(tag.slice(1)) === semver.major(version.version))
    .sort((a, b) => semver.rcompare(a.slice(1), b.slice(1)))[0];
  if (version.prerelease || newest !== version.tag) {
    log(
      `${version.major} stays where it is (${version.prerelease ? 'a prerelease' : `${newest} is newer`}).`,
    );
    return { release: created, movedMajor: false };
  }
  git(['push', '--force', remote, `${sha}:refs/tags/${version.major}`], { cwd, env });
  log(`Moved ${version.major} to ${sha.slice(0, 7)}.`);
  return { release: created, movedMajor: true };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const env = process.env;
  try {
    await release({
      version: env.RELEASE_VERSION,
      event: env.GITHUB_EVENT_NAME,
      sha: env.GITHUB_SHA,
      remote: env.RELEASE_REMOTE || 'origin',
      api: githubApi({
        url: env.GITHUB_API_URL || 'https://api.github.com',
        token: env.GITHUB_TOKEN,
        repository: env.GITHUB_REPOSITORY,
      }),
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    console.log(`::error title=Release refused::${error.message}`);
    process.exitCode = 1;
  }
}
