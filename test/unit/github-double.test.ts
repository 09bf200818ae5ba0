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
