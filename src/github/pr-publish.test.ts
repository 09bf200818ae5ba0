import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../test/support/github-double.js';
import { UserError } from '../errors.js';
import { GitHubClient } from './client.js';
import { upsertCheckRun, upsertComment, type CheckRunReport } from './pr-publish.js';
import { commentMarker, parseNeeds, renderReport, type JobResult } from './pr-report.js';

/**
 * Where the pull-request report lands, against the GitHub double (every
 * request checked against GitHub's OpenAPI description, every answer against
 * the documented response): one comment on the pull request, found again by
 * its hidden marker and edited in place on every push, and one check run per
 * head commit, found again by its name and external_id when the same commit
 * is reported again.
 */

const TOKEN = 'ghs_pr';
const FIRST = '1111111111111111111111111111111111111111';
const SECOND = '2222222222222222222222222222222222222222';
const RUN_URL = 'https://github.com/acme/storefront/actions/runs/7';

let github: GitHubDouble;
let client: GitHubClient;

beforeEach(async () => {
  github = await GitHubDouble.start({ token: TOKEN, readOnlyToken: 'ghs_fork' });
  client = clientWith(TOKEN);
}, 60_000);
afterEach(async () => {
  github.assertNoViolations();
  await github.close();
});

function clientWith(token: string): GitHubClient {
  return new GitHubClient({
    token,
    repository: 'acme/storefront',
    apiUrl: github.url,
    permission: 'checks: write, pull-requests: write',
  });
}

/** The report of one push: the build job's result decides the conclusion. */
function report(sha: string, build: JobResult, key = 'pr-checks') {
  const needs = {
    build: { result: build, outputs: build === 'success' ? { image: 'ghcr.io/acme/web' } : {} },
    chart: { result: 'success', outputs: { chart: 'web', version: '0.1.0' } },
  };
  return renderReport(parseNeeds(JSON.stringify(needs)), { sha, runUrl: RUN_URL, key });
}

/** Both halves of a report, as pr-report publishes them. */
async function publish(
  pullRequest: number,
  sha: string,
  build: JobResult,
  { key = 'pr-checks', name = 'pipeline-actions' } = {},
) {
  const rendered = report(sha, build, key);
  const check: CheckRunReport = {
    name,
    externalId: `pipeline-actions:${key}`,
    sha,
    conclusion: rendered.conclusion,
    title: rendered.title,
    summary: rendered.summary,
    detailsUrl: RUN_URL,
  };
  return {
    rendered,
    check: await upsertCheckRun(client, check),
    comment: await upsertComment(client, pullRequest, commentMarker(key), rendered.comment),
  };
}

describe('the pull-request report on GitHub', () => {
  it('creates one comment and one check run the first time', async () => {
    const pr = github.seedPullRequest();
    github.seedComment(pr.number, 'Could you add a test?');

    const first = await publish(pr.number, FIRST, 'success');

    expect(first.comment).toEqual({
      id: expect.any(Number),
      url: `https://github.com/acme/storefront/issues/${pr.number}#issuecomment-${first.comment.id}`,
      created: true,
    });
    expect(github.comments(pr.number).map((comment) => comment.body)).toEqual([
      'Could you add a test?',
      first.rendered.comment,
    ]);
    expect(first.check).toEqual({
      id: expect.any(Number),
      url: `https://github.com/acme/storefront/runs/${first.check.id}`,
      created: true,
    });
    expect(github.checkRuns(FIRST)).toEqual([
      expect.objectContaining({
        id: first.check.id,
        name: 'pipeline-actions',
        externalId: 'pipeline-actions:pr-checks',
        detailsUrl: RUN_URL,
        status: 'completed',
        conclusion: 'success',
        output: { title: '2 of 2 checks passed', summary: first.rendered.summary, text: null },
      }),
    ]);
    expect(github.writes()).toEqual([
      'POST /repos/acme/storefront/check-runs',
      `POST /repos/acme/storefront/issues/${pr.number}/comments`,
    ]);
  });

  it('edits the same comment on the next push, and puts a new check run on the new head commit', async () => {
    const pr = github.seedPullRequest();
    const first = await publish(pr.number, FIRST, 'success');
    const writes = github.writes().length;

    const second = await publish(pr.number, SECOND, 'failure');

    expect(second.comment).toEqual({ ...first.comment, created: false });
    expect(github.comments(pr.number)).toEqual([
      expect.objectContaining({ id: first.comment.id, body: second.rendered.comment }),
    ]);
    expect(second.rendered.comment).toContain('some checks failed');
    // A check run belongs to its commit: the new head gets its own, the old one keeps its result.
    expect(second.check.created).toBe(true);
    expect(github.checkRuns(SECOND)).toEqual([
      expect.objectContaining({ id: second.check.id, conclusion: 'failure' }),
    ]);
    expect(github.checkRuns(FIRST)).toEqual([
      expect.objectContaining({ id: first.check.id, conclusion: 'success' }),
    ]);
    expect(github.writes().slice(writes)).toEqual([
      'POST /repos/acme/storefront/check-runs',
      `PATCH /repos/acme/storefront/issues/comments/${first.comment.id}`,
    ]);
  });

  it('updates the check run in place when the same commit is reported again (a re-run)', async () => {
    const pr = github.seedPullRequest();
    const first = await publish(pr.number, FIRST, 'failure');
    const writes = github.writes().length;

    const rerun = await publish(pr.number, FIRST, 'success');

    expect(rerun.check).toEqual({ ...first.check, created: false });
    expect(github.checkRuns(FIRST)).toEqual([
      expect.objectContaining({
        id: first.check.id,
        status: 'completed',
        conclusion: 'success',
        output: expect.objectContaining({ title: '2 of 2 checks passed' }),
      }),
    ]);
    expect(rerun.comment).toEqual({ ...first.comment, created: false });
    expect(github.writes().slice(writes)).toEqual([
      `PATCH /repos/acme/storefront/check-runs/${first.check.id}`,
      `PATCH /repos/acme/storefront/issues/comments/${first.comment.id}`,
    ]);
  });

  it('keeps the reports of two keys apart when their check runs share a name', async () => {
    // Two applications of one monorepo: the same check-run name (the default),
    // one key each. GitHub lists only the latest check run of a name unless
    // asked for all, so each must still find its own on the next run.
    const pr = github.seedPullRequest();
    const shop = await publish(pr.number, FIRST, 'success', { key: 'shop' });
    const ledger = await publish(pr.number, FIRST, 'failure', { key: 'ledger' });
    const shopAgain = await publish(pr.number, FIRST, 'failure', { key: 'shop' });
    const ledgerAgain = await publish(pr.number, FIRST, 'success', { key: 'ledger' });

    expect(shopAgain.check).toEqual({ ...shop.check, created: false });
    expect(ledgerAgain.check).toEqual({ ...ledger.check, created: false });
    expect(github.checkRuns(FIRST).map((run) => [run.id, run.externalId, run.conclusion])).toEqual([
      [shop.check.id, 'pipeline-actions:shop', 'failure'],
      [ledger.check.id, 'pipeline-actions:ledger', 'success'],
    ]);
    expect(shopAgain.comment).toEqual({ ...shop.comment, created: false });
    expect(ledgerAgain.comment).toEqual({ ...ledger.comment, created: false });
    expect(github.comments(pr.number)).toHaveLength(2);
  });

  it('does not take a reply that quotes the marker, or mentions it, for the report', async () => {
    const pr = github.seedPullRequest();
    const marker = commentMarker('pr-checks');
    const quoted = github.seedComment(pr.number, `> ${marker}\n> ### ❌ failed\n\nFixed now.`);
    const mentioned = github.seedComment(pr.number, `Why is ${marker} in the comment?`);

    const first = await publish(pr.number, FIRST, 'success');
    const second = await publish(pr.number, SECOND, 'success');

    expect(first.comment.created).toBe(true);
    expect(second.comment).toEqual({ ...first.comment, created: false });
    expect(github.comments(pr.number).map((comment) => comment.id)).toEqual([
      quoted.id,
      mentioned.id,
      first.comment.id,
    ]);
    expect(quoted.body.startsWith('> ')).toBe(true);
    expect(mentioned.body).toBe(`Why is ${marker} in the comment?`);
  });

  it('finds its comment on a busy pull request, past the first page of comments', async () => {
    const pr = github.seedPullRequest();
    for (let i = 0; i < 150; i++) github.seedComment(pr.number, `comment ${i}`);

    const first = await publish(pr.number, FIRST, 'success');
    const second = await publish(pr.number, SECOND, 'failure');

    expect(second.comment).toEqual({ ...first.comment, created: false });
    expect(github.comments(pr.number)).toHaveLength(151);
    expect(github.comments(pr.number)[150]?.body).toBe(second.rendered.comment);
    expect(
      github.requests
        .filter((request) => request.operationId === 'issues/list-comments')
        .map((request) => request.query.page),
    ).toEqual(['1', '2', '1', '2']);
  });

  it('cuts a summary longer than GitHub takes', async () => {
    const long = '| x |\n'.repeat(20_000);
    const check = await upsertCheckRun(client, {
      name: 'pipeline-actions',
      externalId: 'pipeline-actions:pr-checks',
      sha: FIRST,
      conclusion: 'success',
      title: 't'.repeat(2000),
      summary: long,
      detailsUrl: RUN_URL,
    });
    const [run] = github.checkRuns(FIRST);
    expect(run?.id).toBe(check.id);
    expect(run?.output.summary?.length).toBeLessThanOrEqual(65_535);
    expect(run?.output.title).toHaveLength(1000);
  });

  it('tells which permission a read-only token lacks (a pull request from a fork)', async () => {
    const pr = github.seedPullRequest();
    const readOnly = clientWith('ghs_fork');
    const rendered = report(FIRST, 'success');

    const refused = await upsertComment(
      readOnly,
      pr.number,
      commentMarker('pr-checks'),
      rendered.comment,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toBe(
      `GitHub did not let the token POST /repos/acme/storefront/issues/{issue_number}/comments (403: Resource not accessible by integration).`,
    );
    expect((refused as UserError).fix).toContain(
      'give the job `permissions: checks: write, pull-requests: write`',
    );
    await expect(
      upsertCheckRun(readOnly, {
        name: 'pipeline-actions',
        externalId: 'pipeline-actions:pr-checks',
        sha: FIRST,
        conclusion: 'success',
        title: rendered.title,
        summary: rendered.summary,
        detailsUrl: RUN_URL,
      }),
    ).rejects.toBeInstanceOf(UserError);
    expect(github.comments(pr.number)).toEqual([]);
    expect(github.checkRuns(FIRST)).toEqual([]);
    // One attempt each: a refused write is not retried.
    expect(github.writes()).toEqual([
      `POST /repos/acme/storefront/issues/${pr.number}/comments`,
      'POST /repos/acme/storefront/check-runs',
    ]);
  });
});
