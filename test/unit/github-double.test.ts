import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../support/github-double.js';

/**
 * The GitHub double holds every request to GitHub's OpenAPI description:
 * what GitHub would refuse is answered 422 and kept as a violation, and its
 * own answers are checked against the documented responses too.
 */

let github: GitHubDouble;
beforeAll(async () => {
  github = await GitHubDouble.start({ token: 'ghs_unit' });
}, 60_000);
afterAll(() => github.close());

async function call(method: string, path: string, body?: unknown, token = 'ghs_unit') {
  const response = await fetch(`${github.url}${path}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      'content-type': 'application/json',
      accept: 'application/vnd.github+json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    link: response.headers.get('link'),
  };
}

describe('the GitHub double', () => {
  it('answers valid requests like GitHub, and its answers match the documented responses', async () => {
    const created = await call('POST', '/repos/acme/storefront/issues', {
      title: 'Drift',
      body: 'text',
      labels: ['drift'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Drift',
      labels: [{ name: 'drift' }],
    });
    const closed = await call('PATCH', '/repos/acme/storefront/issues/1', {
      state: 'closed',
      state_reason: 'completed',
    });
    expect(closed.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(
      (await call('POST', '/repos/acme/storefront/issues/1/comments', { body: 'done' })).status,
    ).toBe(201);
    expect(github.violations()).toEqual([]);
  });

  it('refuses a body property the operation does not declare, a wrong type and a wrong enum value', async () => {
    const before = github.requests.length;
    expect(
      (await call('POST', '/repos/acme/storefront/issues', { title: 'x', colour: 'red' })).status,
    ).toBe(422);
    expect((await call('POST', '/repos/acme/storefront/issues', { body: 'no title' })).status).toBe(
      422,
    );
    expect((await call('PATCH', '/repos/acme/storefront/issues/1', { state: 'shut' })).status).toBe(
      422,
    );
    const violations = github.requests.slice(before).flatMap((request) => request.violations);
    expect(violations).toEqual([
      expect.stringContaining('body property "colour" is not one the operation declares'),
      expect.stringContaining("must have required property 'title'"),
      expect.stringMatching(/\/state must be equal to one of the allowed values \(open, closed\)/),
    ]);
    github.requests.splice(before);
  });

  it('refuses unknown query parameters, bad parameter types and operations GitHub does not have', async () => {
    const before = github.requests.length;
    expect((await call('GET', '/repos/acme/storefront/issues?title=Drift')).status).toBe(422);
    expect((await call('GET', '/repos/acme/storefront/issues?per_page=many')).status).toBe(422);
    expect((await call('GET', '/repos/acme/storefront/issues/first')).status).toBe(422);
    expect((await call('GET', '/repos/acme/storefront/drift')).status).toBe(404);
    const violations = github.requests.slice(before).flatMap((request) => request.violations);
    expect(violations).toEqual([
      expect.stringContaining('query parameter "title" is not one the operation takes'),
      expect.stringContaining('query parameter per_page="many" (value) must be integer'),
      expect.stringContaining('path parameter issue_number="first" (value) must be integer'),
      expect.stringContaining("GitHub's REST API has no such operation"),
    ]);
    github.requests.splice(before);
  });

  it('asks for the token and paginates with Link headers', async () => {
    expect((await call('GET', '/repos/acme/storefront/issues', undefined, 'wrong')).status).toBe(
      401,
    );
    for (let i = 0; i < 3; i++) github.seedIssue({ title: `seeded ${i}` });
    const page = await call('GET', '/repos/acme/storefront/issues?state=all&per_page=2&page=1');
    expect(page.link).toMatch(/page=2>; rel="next"/);
    expect(github.violations()).toEqual([]);
  });

  it('fails on request, for error paths', async () => {
    github.fail({ status: 503, match: /^GET / });
    expect((await call('GET', '/repos/acme/storefront/issues')).status).toBe(503);
    expect((await call('GET', '/repos/acme/storefront/issues')).status).toBe(200);
  });
});

describe('pull requests and check runs in the GitHub double', () => {
  const sha = 'a'.repeat(40);
  const runs = `/repos/acme/storefront/commits/${sha}/check-runs`;

  it('takes comments on a pull request by its number, edits them and pages them', async () => {
    const pr = github.seedPullRequest();
    const theirs = github.seedComment(pr.number, 'LGTM');
    for (let i = 0; i < 2; i++)
      await call('POST', `/repos/acme/storefront/issues/${pr.number}/comments`, { body: `${i}` });
    const edited = await call('PATCH', `/repos/acme/storefront/issues/comments/${theirs.id}`, {
      body: 'LGTM!',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: theirs.id, body: 'LGTM!' });
    expect(edited.body.updated_at).not.toBe(edited.body.created_at);
    const first = await call(
      'GET',
      `/repos/acme/storefront/issues/${pr.number}/comments?per_page=2`,
    );
    expect(first.link).toMatch(/page=2>; rel="next"/);
    expect(github.comments(pr.number).map((comment) => comment.body)).toEqual(['LGTM!', '0', '1']);
    expect(
      (await call('PATCH', '/repos/acme/storefront/issues/comments/1', { body: 'x' })).status,
    ).toBe(404);
    expect(github.violations()).toEqual([
      expect.stringContaining('issues/update-comment: there is no comment 1'),
    ]);
    github.requests.splice(0);
  });

  it('creates, completes, lists and updates check runs with full objects', async () => {
    const created = await call('POST', '/repos/acme/storefront/check-runs', {
      name: 'pipeline-actions',
      head_sha: sha,
      external_id: 'pipeline-actions:pr-checks',
      status: 'in_progress',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'in_progress', conclusion: null, head_sha: sha });
    const id = created.body.id as number;
    const done = await call('PATCH', `/repos/acme/storefront/check-runs/${id}`, {
      conclusion: 'failure',
      output: { title: '1 failed', summary: '| a |' },
    });
    expect(done.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: '1 failed', summary: '| a |', text: null, annotations_count: 0 },
    });
    expect(done.body.completed_at).toEqual(expect.any(String));
    expect(github.checkRuns(sha)).toMatchObject([{ id, conclusion: 'failure' }]);
    expect(github.violations()).toEqual([]);
  });

  it('lists the latest check run of each name unless asked for all, filters by name and pages', async () => {
    for (const name of ['pipeline-actions', 'lint', 'lint'])
      await call('POST', '/repos/acme/storefront/check-runs', { name, head_sha: sha });
    const latest = await call('GET', runs);
    expect((latest.body.check_runs as { name: string }[]).map((run) => run.name)).toEqual([
      'pipeline-actions',
      'lint',
    ]);
    const all = await call('GET', `${runs}?filter=all&check_name=pipeline-actions`);
    expect(all.body.total_count).toBe(2);
    const paged = await call('GET', `${runs}?filter=all&per_page=3`);
    expect(paged.body).toMatchObject({ total_count: 4 });
    expect(paged.body.check_runs).toHaveLength(3);
    expect(paged.link).toMatch(/page=2>; rel="next"/);
    expect((await call('GET', `${runs}?filter=all&per_page=3&page=2`)).link).toBeNull();
    expect(github.violations()).toEqual([]);
  });

  it('refuses what GitHub refuses although the schema allows it', async () => {
    expect(
      (
        await call('POST', '/repos/acme/storefront/check-runs', {
          name: 'x',
          head_sha: sha,
          status: 'completed',
        })
      ).status,
    ).toBe(422);
    expect(
      (await call('POST', '/repos/acme/storefront/check-runs', { name: 'x', head_sha: 'main' }))
        .status,
    ).toBe(422);
    expect(github.violations()).toEqual([
      expect.stringContaining('a completed check run needs a conclusion'),
      expect.stringContaining('head_sha "main" is not a commit'),
    ]);
    github.requests.splice(0);
  });
});

describe('a read-only token (a pull request from a fork)', () => {
  let forked: GitHubDouble;
  beforeAll(async () => {
    forked = await GitHubDouble.start({ token: 'ghs_unit', readOnlyToken: 'ghs_fork' });
  });
  afterAll(() => forked.close());

  it('reads, and every write is answered 403', async () => {
    const pr = forked.seedPullRequest();
    const as = (method: string, path: string, body?: unknown) =>
      fetch(`${forked.url}${path}`, {
        method,
        headers: { authorization: 'Bearer ghs_fork', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await as('GET', `/repos/acme/storefront/issues/${pr.number}/comments`)).status).toBe(
      200,
    );
    const refused = await as('POST', `/repos/acme/storefront/issues/${pr.number}/comments`, {
      body: 'x',
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      message: 'Resource not accessible by integration',
    });
    expect(forked.comments(pr.number)).toEqual([]);
    forked.assertNoViolations();
  });
});
