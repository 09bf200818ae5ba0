import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../../test/support/github-double.js';
import { UserError } from '../errors.js';
import { GitHubClient } from './client.js';
import { IssueTracker } from './issues.js';

/**
 * The issue lifecycle of one subject (the drift of an environment), against
 * the GitHub double, every request checked against GitHub's OpenAPI
 * description: open, update only when the fingerprint changes, leave alone
 * while it does not, close when clean; found by its hidden marker.
 */

let github: GitHubDouble;
let tracker: IssueTracker;
const content = (fingerprint: string, body = 'drift table') => ({
  title: `Drift in dev: ${fingerprint}`,
  body,
  fingerprint,
  labels: ['drift'],
  changeComment: `now ${fingerprint}`,
});

beforeEach(async () => {
  github = await GitHubDouble.start({ token: 'ghs_issues' });
  const client = new GitHubClient({
    token: 'ghs_issues',
    repository: 'acme/storefront',
    apiUrl: github.url,
    permission: 'issues: write',
  });
  tracker = new IssueTracker(client, 'drift-check', 'dev');
}, 60_000);
afterEach(async () => {
  github.assertNoViolations();
  await github.close();
});

describe('one issue per environment', () => {
  it('opens, leaves alone while unchanged, updates on change, closes when clean', async () => {
    expect((await tracker.resolve('clean')).action).toBe('none');
    expect(github.writes()).toEqual([]);

    const opened = await tracker.report(content('aaaa'), new Date('2026-02-01T00:00:00Z'));
    expect(opened.action).toBe('opened');
    const issue = github.issues.get(opened.issue?.number ?? 0);
    expect(issue).toMatchObject({ title: 'Drift in dev: aaaa', labels: ['drift'], state: 'open' });
    expect(issue?.body).toContain('drift table');
    expect(issue?.body).toContain(
      '<!-- pipeline-actions:drift-check key="dev" fingerprint="aaaa" first-seen="2026-02-01T00:00:00.000Z" -->',
    );

    const writes = github.writes().length;
    expect((await tracker.report(content('aaaa'))).action).toBe('unchanged');
    expect(github.writes()).toHaveLength(writes);

    const updated = await tracker.report(content('bbbb', 'new table'));
    expect(updated.action).toBe('updated');
    expect(issue?.body).toContain('new table');
    expect(issue?.body).toContain('fingerprint="bbbb" first-seen="2026-02-01T00:00:00.000Z"');
    expect(issue?.comments.map((comment) => comment.body)).toEqual(['now bbbb']);

    const closed = await tracker.resolve('No drift any more.');
    expect(closed.action).toBe('closed');
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(issue?.comments.map((comment) => comment.body)).toEqual([
      'now bbbb',
      'No drift any more.',
    ]);
    expect(github.writes()).toEqual([
      'POST /repos/acme/storefront/issues',
      'PATCH /repos/acme/storefront/issues/1',
      'POST /repos/acme/storefront/issues/1/comments',
      'POST /repos/acme/storefront/issues/1/comments',
      'PATCH /repos/acme/storefront/issues/1',
    ]);

    // The next drift is a new issue.
    expect((await tracker.report(content('cccc'))).issue?.number).toBe(2);
  });

  it('finds its issue by the marker, whatever the title, past the first page', async () => {
    for (let i = 0; i < 120; i++) github.seedIssue({ title: `unrelated ${i}`, body: 'nothing' });
    const ours = await tracker.report(content('aaaa'));
    const issue = github.issues.get(ours.issue?.number ?? 0);
    if (issue) issue.title = 'renamed by a person';
    expect((await tracker.report(content('aaaa'))).action).toBe('unchanged');
    expect(
      github.requests.filter((request) => request.method === 'GET').at(-1)?.query,
    ).toMatchObject({ page: '2' });
  });

  it('ignores pull requests, other environments, and issues by people outside the repository', async () => {
    const marker = '<!-- pipeline-actions:drift-check key="dev" fingerprint="x" first-seen="y" -->';
    github.seedIssue({ title: 'a PR quoting the marker', body: marker, pullRequest: true });
    github.seedIssue({ title: 'a stranger copying it', body: marker, authorAssociation: 'NONE' });
    github.seedIssue({ title: 'prod', body: marker.replace('"dev"', '"prod"') });
    const outcome = await tracker.report(content('aaaa'));
    expect(outcome).toMatchObject({ action: 'opened', issue: { number: 4 }, duplicates: [] });
  });

  it("keeps one issue per application and environment: two apps never close each other's", async () => {
    const client = new GitHubClient({
      token: 'ghs_issues',
      repository: 'acme/storefront',
      apiUrl: github.url,
      permission: 'issues: write',
    });
    const shop = new IssueTracker(client, 'drift-check', 'dev', 'shop');
    const ledger = new IssueTracker(client, 'drift-check', 'dev', 'ledger');
    const opened = await shop.report(content('aaaa'));
    expect(github.issues.get(opened.issue?.number ?? 0)?.body).toContain(
      '<!-- pipeline-actions:drift-check app="shop" key="dev" fingerprint="aaaa" ',
    );
    // The other app is clean: nothing of its own to close, the shop's issue stays open.
    expect(await ledger.resolve('clean')).toMatchObject({ action: 'none', duplicates: [] });
    // An environment-wide tracker (no default.json) sees neither.
    expect((await tracker.resolve('clean')).action).toBe('none');
    expect(github.openIssues().map((issue) => issue.number)).toEqual([opened.issue?.number]);
    const own = await ledger.report(content('bbbb'));
    expect(own).toMatchObject({ action: 'opened', duplicates: [] });
    expect(own.issue?.number).not.toBe(opened.issue?.number);
    expect((await shop.resolve('clean')).issue?.number).toBe(opened.issue?.number);
    expect(github.openIssues().map((issue) => issue.number)).toEqual([own.issue?.number]);
  });

  it('takes over an issue kept before issues were per app when it reports drift, and never closes one', async () => {
    const legacy = github.seedIssue({
      title: 'Drift in dev',
      body: 'old\n\n<!-- pipeline-actions:drift-check key="dev" fingerprint="aaaa" first-seen="2026-01-01T00:00:00.000Z" -->',
    });
    const client = new GitHubClient({
      token: 'ghs_issues',
      repository: 'acme/storefront',
      apiUrl: github.url,
      permission: 'issues: write',
    });
    const shop = new IssueTracker(client, 'drift-check', 'dev', 'shop');
    expect((await shop.resolve('clean')).action).toBe('none');
    expect(github.issues.get(legacy.number)?.state).toBe('open');
    const taken = await shop.report(content('aaaa'));
    expect(taken).toMatchObject({ action: 'updated', issue: { number: legacy.number } });
    expect(github.issues.get(legacy.number)?.body).toContain(
      '<!-- pipeline-actions:drift-check app="shop" key="dev" fingerprint="aaaa" first-seen="2026-01-01T00:00:00.000Z" -->',
    );
    expect((await shop.report(content('aaaa'))).action).toBe('unchanged');
  });

  it('retries a GitHub outage on reads, and explains a token without issues: write', async () => {
    github.fail({ status: 503, match: /^GET / });
    expect((await tracker.report(content('aaaa'))).action).toBe('opened');
    github.fail({
      status: 403,
      message: 'Resource not accessible by integration',
      match: /^PATCH /,
    });
    const error = await tracker.report(content('bbbb')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'GitHub did not let the token PATCH /repos/acme/storefront/issues/{issue_number} (403: Resource not accessible by integration).',
    );
    expect((error as UserError).fix).toContain('permissions: issues: write');
  }, 30_000);
});
