import type { GitHubClient } from './client.js';
import type { Conclusion } from './pr-report.js';

/**
 * Where the pull-request report goes on GitHub, through the one GitHub client
 * (src/github/client.ts: retries only what is safe to repeat, failures
 * explained by the token's permissions): one check run on the head commit and
 * one comment on the pull request, each created the first time and updated in
 * place after that. The comment is found by its hidden marker, the check run
 * by its name and external_id, so every push updates the same two things.
 */

export interface Published {
  id: number;
  url: string;
  /** false when an existing one was updated. */
  created: boolean;
}

export interface CheckRunReport {
  name: string;
  /** Tells our check run from others of the same name: `pipeline-actions:<key>`. */
  externalId: string;
  sha: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  detailsUrl: string;
}

interface Comment {
  id: number;
  body?: string | null;
  html_url: string;
}

interface CheckRun {
  id: number;
  name: string;
  external_id: string | null;
  html_url: string | null;
}

/** Pull requests with more comments than this are not searched further (100 a page). */
const COMMENT_PAGES = 30;

/** Creates the report comment, or updates the one that starts with `marker`. */
export async function upsertComment(
  client: GitHubClient,
  pullRequest: number,
  marker: string,
  body: string,
): Promise<Published> {
  const { items } = await client.paginate<Comment>(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { issue_number: pullRequest },
    COMMENT_PAGES,
  );
  // The marker must open the comment: a reply that quotes it starts with "> ".
  const existing = items.find((comment) => (comment.body ?? '').startsWith(marker));
  if (existing) {
    const { data } = await client.request<Comment>(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { comment_id: existing.id, body },
    );
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await client.request<Comment>(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { issue_number: pullRequest, body },
  );
  return { id: data.id, url: data.html_url, created: true };
}

/** GitHub caps a check run's output summary at 65535 characters. */
const SUMMARY_LIMIT = 65_000;

/** Creates the check run on the head commit, or completes again the one an earlier run made. */
export async function upsertCheckRun(
  client: GitHubClient,
  report: CheckRunReport,
): Promise<Published> {
  // filter: 'all', not the default 'latest': that lists only the newest check
  // run of a name, which may be another key's (same name, other external_id).
  const { data: list } = await client.request<{ check_runs: CheckRun[] }>(
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    { ref: report.sha, check_name: report.name, filter: 'all', per_page: 100 },
  );
  const fields = {
    status: 'completed',
    conclusion: report.conclusion,
    completed_at: new Date().toISOString(),
    details_url: report.detailsUrl,
    output: {
      title: report.title.slice(0, 1000),
      summary: report.summary.slice(0, SUMMARY_LIMIT),
    },
  };
  const existing = list.check_runs.find(
    (run) => run.name === report.name && run.external_id === report.externalId,
  );
  if (existing) {
    const { data } = await client.request<CheckRun>(
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
      { check_run_id: existing.id, ...fields },
    );
    return { id: data.id, url: data.html_url ?? '', created: false };
  }
  const { data } = await client.request<CheckRun>('POST /repos/{owner}/{repo}/check-runs', {
    name: report.name,
    head_sha: report.sha,
    external_id: report.externalId,
    ...fields,
  });
  return { id: data.id, url: data.html_url ?? '', created: true };
}
