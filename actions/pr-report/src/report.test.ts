import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../../test/support/github-double.js';
import { runBundle, type ActionRun } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * The committed pr-report bundle, run as the GitHub runner runs it on a
 * pull_request event, against the GitHub double (every request checked
 * against GitHub's OpenAPI description): one check run and one comment, the
 * comment edited in place on the next push; on a pull request from a fork
 * (a read-only token) a warning each, and the report in the job summary.
 */

// Sentinels: each run is checked to mask its token and to show it nowhere.
const TOKEN = 'ghs_pr_report_sentinel_5c9a';
const FORK_TOKEN = 'ghs_fork_sentinel_0e4d';
const FIRST = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const SECOND = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

let github: GitHubDouble;
beforeEach(async () => {
  github = await GitHubDouble.start({ token: TOKEN, readOnlyToken: FORK_TOKEN });
}, 60_000);
afterEach(async () => {
  github.assertNoViolations();
  await github.close();
});

/** toJSON(needs) of pr-checks.yml's report job. */
function needs(build: 'success' | 'failure'): string {
  return JSON.stringify({
    build: {
      result: build,
      outputs: build === 'success' ? { image: 'ghcr.io/acme/storefront', version: '1.0.3' } : {},
    },
    chart: { result: 'success', outputs: { chart: 'storefront', version: '0.1.0' } },
  });
}

/**
 * The token is masked, and shows in no log line, summary, output,
 * annotation, file left behind, comment or check run: only in the
 * Authorization header of the requests to the double.
 */
function expectTokenKept(run: ActionRun, token: string): void {
  expect(run.masked).toContain(token);
  expect(leaks(run, token)).toEqual([]);
  const sent = github.requests.map((request) => JSON.stringify(request.body ?? ''));
  expect(sent.filter((body) => body.includes(token))).toEqual([]);
}

/** Runs the bundle on the pull_request event of a push to `sha`, from this repository or a fork. */
async function report(
  pullRequest: number,
  sha: string,
  build: 'success' | 'failure',
  { fork = false, deletedFork = false, token = TOKEN } = {},
) {
  const event = join(mkdtempSync(join(tmpdir(), 'pa-pr-event-')), 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: pullRequest,
      pull_request: {
        number: pullRequest,
        head: {
          sha,
          // GitHub sends `repo: null` once the fork behind a pull request is deleted.
          repo: deletedFork
            ? null
            : { full_name: fork ? 'contributor/storefront' : 'acme/storefront' },
        },
        base: { repo: { full_name: 'acme/storefront' } },
      },
    }),
  );
  return runBundle(
    'pr-report',
    { needs: needs(build) },
    {
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: token,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_RUN_ID: '4242',
      },
      timeoutMs: 60_000,
    },
  );
}

describe('pr-report (the committed bundle)', () => {
  it('writes one check run and one comment, and edits them in place on the next push and re-run', async () => {
    const pr = github.seedPullRequest();

    const first = await report(pr.number, FIRST, 'success');
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    const [comment] = github.comments(pr.number);
    const [check] = github.checkRuns(FIRST);
    expect(first.outputs).toEqual({
      conclusion: 'success',
      'check-run-id': String(check?.id),
      'check-run-url': `https://github.com/acme/storefront/runs/${check?.id}`,
      'comment-id': String(comment?.id),
      'comment-url': `https://github.com/acme/storefront/issues/${pr.number}#issuecomment-${comment?.id}`,
    });
    expect(comment?.body).toMatch(/^<!-- pipeline-actions:pr-report:pr-checks -->\n/);
    expect(comment?.body).toContain('Commit `aaaaaaa`');
    expect(check).toMatchObject({
      name: 'pipeline-actions',
      externalId: 'pipeline-actions:pr-checks',
      status: 'completed',
      conclusion: 'success',
      detailsUrl: 'https://github.com/acme/storefront/actions/runs/4242',
      output: { title: '2 of 2 checks passed' },
    });
    expect(first.summary).toContain('pipeline-actions: all checks passed');
    expect(first.stdout).toContain(`comment created: ${first.outputs['comment-url']}`);

    const second = await report(pr.number, SECOND, 'failure');
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({
      conclusion: 'failure',
      'comment-id': first.outputs['comment-id'],
      'comment-url': first.outputs['comment-url'],
    });
    expect(second.stdout).toContain(`comment updated: ${first.outputs['comment-url']}`);
    expect(github.comments(pr.number)).toEqual([
      expect.objectContaining({
        id: comment?.id,
        body: expect.stringContaining('Commit `bbbbbbb`'),
      }),
    ]);
    expect(github.comments(pr.number)[0]?.body).toContain('some checks failed');
    // The new head commit gets its own check run; the first commit's keeps its result.
    const [newCheck] = github.checkRuns(SECOND);
    expect(second.outputs['check-run-id']).toBe(String(newCheck?.id));
    expect(newCheck).toMatchObject({ conclusion: 'failure' });
    expect(github.checkRuns(FIRST)).toEqual([check]);

    // A re-run on the same head commit edits that commit's check run.
    const rerun = await report(pr.number, SECOND, 'success');
    expect(rerun.exitCode).toBe(0);
    expect(rerun.outputs).toMatchObject({
      conclusion: 'success',
      'check-run-id': second.outputs['check-run-id'],
      'comment-id': first.outputs['comment-id'],
    });
    expect(rerun.stdout).toContain(`check run updated: ${second.outputs['check-run-url']}`);
    expect(github.checkRuns(SECOND)).toEqual([
      expect.objectContaining({ id: newCheck?.id, conclusion: 'success' }),
    ]);
    expect(github.comments(pr.number)).toHaveLength(1);
    for (const run of [first, second, rerun]) expectTokenKept(run, TOKEN);
    expect(github.writes()).toEqual([
      'POST /repos/acme/storefront/check-runs',
      `POST /repos/acme/storefront/issues/${pr.number}/comments`,
      'POST /repos/acme/storefront/check-runs',
      `PATCH /repos/acme/storefront/issues/comments/${comment?.id}`,
      `PATCH /repos/acme/storefront/check-runs/${newCheck?.id}`,
      `PATCH /repos/acme/storefront/issues/comments/${comment?.id}`,
    ]);
  });

  it('warns on a pull request from a fork (read-only token), and keeps the report in the job summary', async () => {
    const pr = github.seedPullRequest();

    const run = await report(pr.number, FIRST, 'failure', { fork: true, token: FORK_TOKEN });

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toEqual({ conclusion: 'failure' });
    expect(run.annotations.map((a) => [a.level, a.message])).toEqual([
      [
        'warning',
        expect.stringMatching(
          /^pr-report: could not create the check run on a pull request from a fork \(its token is read-only\); the report is in the job summary\. GitHub did not let the token POST \/repos\/acme\/storefront\/check-runs \(403: Resource not accessible by integration\)\.$/,
        ),
      ],
      [
        'warning',
        expect.stringContaining(
          'pr-report: could not comment on a pull request from a fork (its token is read-only)',
        ),
      ],
    ]);
    expect(run.summary).toContain('<!-- pipeline-actions:pr-report:pr-checks -->');
    expect(run.summary).toContain('pipeline-actions: some checks failed');
    expect(run.summary).toContain('| Image builds (not pushed) | ❌ failure |');
    expect(github.comments(pr.number)).toEqual([]);
    expect(github.checkRuns(FIRST)).toEqual([]);
    expectTokenKept(run, FORK_TOKEN);
  });

  it('treats a pull request whose fork was deleted as a fork', async () => {
    const pr = github.seedPullRequest();

    const run = await report(pr.number, FIRST, 'success', { deletedFork: true, token: FORK_TOKEN });

    expect(run.exitCode).toBe(0);
    expect(run.annotations.map((a) => a.level)).toEqual(['warning', 'warning']);
    expect(github.comments(pr.number)).toEqual([]);
  });

  it('fails, naming the permissions, when the token of its own repository may not write', async () => {
    const pr = github.seedPullRequest();

    const run = await report(pr.number, FIRST, 'success', { token: FORK_TOKEN });

    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.message)).toEqual([
      expect.stringContaining(
        'How to fix: give the job `permissions: checks: write, pull-requests: write`',
      ),
    ]);
    // The report was written to the job summary before publishing.
    expect(run.summary).toContain('pipeline-actions: all checks passed');
    expectTokenKept(run, FORK_TOKEN);
  });
});
