import type { getOctokit } from '@actions/github';
import { TransientError, UserError } from '../errors.js';
import { transportFetch } from '../http/fetch.js';
import { HttpTransport } from '../http/transport.js';
import { parseRetryAfter, retry } from '../retry.js';

/**
 * The one client of GitHub's REST API for every report that lands on
 * GitHub (drift issues now; pull-request check runs and comments next):
 * @actions/github's Octokit (GITHUB_API_URL for GitHub Enterprise Server),
 * sending through the one HttpTransport (the runner's proxy settings), with
 * bounded retries of the requests that
 * are safe to repeat, and failures explained in terms of the token's
 * permissions.
 */

export interface GitHubOptions {
  token: string;
  /** `owner/name`; default GITHUB_REPOSITORY. */
  repository?: string | undefined;
  /** Default GITHUB_API_URL, else https://api.github.com. */
  apiUrl?: string | undefined;
  /** Which permission the caller needs, for messages: `issues: write`. */
  permission?: string;
  /** Attempts for throttling and server errors (GET and PATCH only). */
  attempts?: number;
}

export interface GitHubResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

type Octokit = ReturnType<typeof getOctokit>;

const IDEMPOTENT = /^(GET|PATCH|PUT|DELETE) /;
const TIMEOUT_MS = 30_000;
/** GitHub's largest JSON answers (100 issues with their bodies) are a few MB. */
const ANSWER_MAX_BYTES = 32 * 1024 * 1024;

export class GitHubClient {
  readonly owner: string;
  readonly repo: string;
  private readonly baseUrl: string;
  private client: Promise<Octokit> | undefined;

  constructor(private readonly options: GitHubOptions) {
    const repository = options.repository ?? process.env.GITHUB_REPOSITORY ?? '';
    const [owner, repo, ...rest] = repository.split('/');
    if (!owner || !repo || rest.length > 0) {
      throw new UserError(`"${repository}" is not a repository (owner/name).`, {
        fix: 'run in GitHub Actions (GITHUB_REPOSITORY), or give the repository as owner/name.',
      });
    }
    this.owner = owner;
    this.repo = repo;
    const baseUrl = (
      options.apiUrl ??
      process.env.GITHUB_API_URL ??
      'https://api.github.com'
    ).replace(/\/+$/, '');
    this.baseUrl = baseUrl;
  }

  /** Octokit, loaded at the first request: a run that reports nothing never loads it. */
  private octokit(): Promise<Octokit> {
    this.client ??= import('@actions/github').then(({ getOctokit }) => {
      const transport = new HttpTransport({ userAgent: 'pipeline-actions', timeoutMs: TIMEOUT_MS });
      return getOctokit(this.options.token, {
        baseUrl: this.baseUrl,
        userAgent: 'pipeline-actions',
        // Replaces @actions/github's own proxy-aware fetch.
        request: { fetch: transportFetch(transport, ANSWER_MAX_BYTES) },
      });
    });
    return this.client;
  }

  /**
   * One request (`GET /repos/{owner}/{repo}/issues`); owner and repo are
   * filled in. Requests that are safe to repeat are retried on 429/5xx and
   * secondary rate limits; a creating POST never is (it could duplicate).
   */
  async request<T>(
    route: string,
    params: Record<string, unknown> = {},
  ): Promise<GitHubResponse<T>> {
    const call = async () => {
      try {
        const response = await (
          await this.octokit()
        ).request(route, {
          owner: this.owner,
          repo: this.repo,
          ...params,
        });
        return response as unknown as GitHubResponse<T>;
      } catch (error) {
        throw this.explain(route, error);
      }
    };
    if (!IDEMPOTENT.test(route)) return call();
    return retry(call, {
      attempts: this.options.attempts ?? 4,
      baseDelayMs: 1000,
      maxDelayMs: 20_000,
    });
  }

  /** Every page of a list endpoint (100 a page), up to `maxPages`; `truncated` says whether there was more. */
  async paginate<T>(
    route: string,
    params: Record<string, unknown>,
    maxPages: number,
  ): Promise<{ items: T[]; truncated: boolean }> {
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const response = await this.request<T[]>(route, { ...params, per_page: 100, page });
      items.push(...response.data);
      const link = String(response.headers.link ?? '');
      if (!/rel="next"/.test(link)) return { items, truncated: false };
    }
    return { items, truncated: true };
  }

  private explain(route: string, error: unknown): unknown {
    const status = (error as { status?: number }).status;
    if (typeof status !== 'number' || status === 0) return error;
    const response = (
      error as { response?: { headers?: Record<string, string>; data?: { message?: string } } }
    ).response;
    const message = response?.data?.message ?? (error as Error).message;
    const headers = response?.headers ?? {};
    const permission = this.options.permission ?? 'the permission this needs';
    const repository = `${this.owner}/${this.repo}`;
    if (
      status === 429 ||
      status >= 500 ||
      (status === 403 && (headers['retry-after'] || headers['x-ratelimit-remaining'] === '0'))
    ) {
      const wait = parseRetryAfter(headers['retry-after']);
      return new TransientError(
        `GitHub answered ${route} with ${status}: ${message}`,
        wait === undefined ? {} : { retryAfterMs: wait },
      );
    }
    if (status === 401) {
      return new UserError(`GitHub refused the token (${route}: ${message}).`, {
        fix: "pass a valid token in github-token (the default is the job's GITHUB_TOKEN).",
      });
    }
    if (status === 403 || status === 404) {
      return new UserError(
        `GitHub did not let the token ${route.replace(/\{owner\}\/\{repo\}/, repository)} (${status}: ${message}).`,
        {
          fix: `give the job \`permissions: ${permission}\`, or a token that may do this in ${repository}.`,
        },
      );
    }
    if (status === 410) {
      return new UserError(`${repository} has issues turned off (${message}).`, {
        fix: 'turn issues on in the repository settings, or set issue: false.',
      });
    }
    return new Error(`GitHub answered ${route} with ${status}: ${message}`, { cause: error });
  }
}
