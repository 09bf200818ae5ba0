// A stand-in for GitHub's REST API (TESTING.md, "Allowed doubles"): a local
// HTTP server that keeps issues and comments of one repository in memory,
// answers like GitHub (status codes, pagination Link headers, full issue
// objects), records every request, and checks EVERY request against
// GitHub's published OpenAPI description (method, path, path and query
// parameters, JSON body) and every answer it gives against the documented
// response. A request GitHub would not accept is answered 422 and kept as a
// violation; suites call assertNoViolations() after each test.
//
//   const github = await GitHubDouble.start({ token: 'ghs_test' });
//   ... run the action with GITHUB_API_URL=github.url, GITHUB_TOKEN=ghs_test
//   github.assertNoViolations();
//   await github.close();
//
// Shared test support: the drift issue lifecycle, and the pull-request report
// (a comment on the pull request, updated in place, and a check run on the
// head commit: check runs are kept by head SHA). A pull request is an issue
// here as in GitHub's API (seedPullRequest), so its comments are issue
// comments. Releases (the release workflow, scripts/release.mjs) are kept
// by tag: one release per tag, as GitHub allows. A second, read-only token (readOnlyToken) is what a pull request
// from a fork gets: it reads, and every write is answered 403. Workflow
// dispatches (the platform's fleet rebuild) go to the repositories it is
// told of (`repositories`), checked against the workflow files seeded for
// them (seedWorkflow): a missing file is 404; no workflow_dispatch trigger,
// an input the workflow does not declare or a required one left out is 422,
// as GitHub answers.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { load } from 'js-yaml';
import { GitHubOpenApi, type Operation } from './github-openapi.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId: string | undefined;
  status: number;
  violations: string[];
}

export interface DoubleUser {
  login: string;
  type: 'Bot' | 'User';
}

export interface DoubleComment {
  id: number;
  body: string;
  user: DoubleUser;
  createdAt: string;
  /** Set when the comment was edited. */
  updatedAt?: string;
}

export type CheckRunStatus =
  'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface DoubleCheckRun {
  id: number;
  headSha: string;
  name: string;
  externalId: string;
  detailsUrl: string | null;
  status: CheckRunStatus;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotationsCount: number;
  /** One check suite per head SHA: the double is one app. */
  checkSuiteId: number;
}

export interface DoubleRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  makeLatest: string | undefined;
  createdAt: string;
}

export interface DoubleIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: DoubleUser;
  authorAssociation: string;
  /** A pull request (the issues list returns them too). */
  pullRequest: boolean;
  comments: DoubleComment[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface DoubleDispatch {
  /** `owner/name`. */
  repository: string;
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
}

export interface Fault {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many requests get it (default 1). */
  count?: number;
  /** Only requests whose `METHOD path` matches. */
  match?: RegExp;
}

export interface DoubleOptions {
  /** The token clients must send (`token X` or `Bearer X`). */
  token?: string;
  /** `owner/name` of the one repository it serves. */
  repository?: string;
  /** Who the token is. */
  actor?: DoubleUser;
  /** A token that may read but not write (a fork's pull_request token): writes are answered 403. */
  readOnlyToken?: string;
  /** More repositories (`owner/name`) it answers for: workflow dispatches to them are kept in `dispatches`. */
  repositories?: string[];
}

type Handler = (request: ParsedRequest) => Answer;

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A request the schema allows but GitHub refuses (422): kept as the client's violation. */
  violation?: string;
}

interface ParsedRequest {
  operation: Operation;
  /** The request's path, without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What checks/create and checks/update take (the OpenAPI description has checked the types). */
interface CheckRunInput {
  name?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunStatus;
  started_at?: string;
  conclusion?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
}

/** The GitHub Actions app, which owns check runs made with a job's GITHUB_TOKEN. */
const ACTIONS_APP_ID = 15368;

const MAX_BODY_BYTES = 1024 * 1024;

export class GitHubDouble {
  readonly requests: RecordedRequest[] = [];
  readonly issues = new Map<number, DoubleIssue>();
  /** Check runs by head SHA, oldest first. */
  readonly checkRunsBySha = new Map<string, DoubleCheckRun[]>();
  /** Releases by tag name. */
  readonly releases = new Map<string, DoubleRelease>();
  /** Workflow dispatches GitHub accepted, oldest first. */
  readonly dispatches: DoubleDispatch[] = [];
  /** Workflow files by `owner/name`, then by file name (parsed YAML). */
  private readonly workflows = new Map<string, Map<string, unknown>>();
  private readonly repositories: Set<string>;
  readonly token: string;
  readonly readOnlyToken: string | undefined;
  readonly owner: string;
  readonly repo: string;
  private readonly actor: DoubleUser;
  private readonly openapi = GitHubOpenApi.load();
  private faults: Fault[] = [];
  private nextNumber = 1;
  private nextId = 1000;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: DoubleOptions,
  ) {
    this.token = options.token ?? 'ghs_double-token';
    this.readOnlyToken = options.readOnlyToken;
    [this.owner = 'acme', this.repo = 'storefront'] = (
      options.repository ?? 'acme/storefront'
    ).split('/');
    this.actor = options.actor ?? { login: 'github-actions[bot]', type: 'Bot' };
    this.repositories = new Set(
      [`${this.owner}/${this.repo}`, ...(options.repositories ?? [])].map((r) => r.toLowerCase()),
    );
  }

  static async start(options: DoubleOptions = {}): Promise<GitHubDouble> {
    const started: { double?: GitHubDouble } = {};
    const server = createServer((request, response) => {
      void started.double?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    started.double = new GitHubDouble(server, `http://127.0.0.1:${port}`, options);
    return started.double;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Every violation of GitHub's contract seen so far (by clients, or by the double's own answers). */
  violations(): string[] {
    return this.requests.flatMap((request) => request.violations);
  }

  assertNoViolations(): void {
    const violations = this.violations();
    if (violations.length > 0)
      throw new Error(`Requests GitHub would not accept:\n  ${violations.join('\n  ')}`);
  }

  /** The next matching requests fail with this status (403, 500, 503…). */
  fail(fault: Fault): void {
    this.faults.push({ count: 1, ...fault });
  }

  /** Writes the recorded requests that changed something: `POST …/issues`, `PATCH …/issues/1`. */
  writes(): string[] {
    return this.requests
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${request.path}`);
  }

  /** An issue that exists before the test (a pull request, someone else's issue…). */
  seedIssue(issue: Partial<DoubleIssue> & { title: string }): DoubleIssue {
    const now = this.now();
    const created: DoubleIssue = {
      number: this.nextNumber++,
      body: null,
      state: 'open',
      stateReason: null,
      labels: [],
      user: { login: 'octocat', type: 'User' },
      authorAssociation: 'MEMBER',
      pullRequest: false,
      comments: [],
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...issue,
    };
    this.issues.set(created.number, created);
    return created;
  }

  openIssues(): DoubleIssue[] {
    return [...this.issues.values()].filter(
      (issue) => issue.state === 'open' && !issue.pullRequest,
    );
  }

  /** A pull request: an issue with `pull_request` set, whose number takes issue comments. */
  seedPullRequest(pullRequest: Partial<DoubleIssue> = {}): DoubleIssue {
    return this.seedIssue({ title: 'Add a feature', ...pullRequest, pullRequest: true });
  }

  /** A comment that exists before the test (by octocat unless told). */
  seedComment(
    issueNumber: number,
    body: string,
    user: DoubleUser = { login: 'octocat', type: 'User' },
  ): DoubleComment {
    const issue = this.issues.get(issueNumber);
    if (!issue) throw new Error(`seedComment: there is no issue #${issueNumber}`);
    const comment: DoubleComment = { id: this.nextId++, body, user, createdAt: this.now() };
    issue.comments.push(comment);
    return comment;
  }

  /** The comments of an issue or pull request, oldest first. */
  comments(issueNumber: number): DoubleComment[] {
    return this.issues.get(issueNumber)?.comments ?? [];
  }

  /** The check runs on a commit, oldest first. */
  checkRuns(sha: string): DoubleCheckRun[] {
    return this.checkRunsBySha.get(sha) ?? [];
  }

  /** A check run that exists before the test, completed with this conclusion (a CI job on a commit). */
  seedCheckRun(sha: string, name: string, conclusion: string | null = 'success'): DoubleCheckRun {
    const runs = this.checkRuns(sha);
    const now = this.now();
    const run: DoubleCheckRun = {
      id: this.nextId++,
      headSha: sha,
      name,
      externalId: '',
      detailsUrl: null,
      status: conclusion === null ? 'in_progress' : 'completed',
      conclusion,
      startedAt: now,
      completedAt: conclusion === null ? null : now,
      output: { title: null, summary: null, text: null },
      annotationsCount: 0,
      checkSuiteId: runs[0]?.checkSuiteId ?? this.nextId++,
    };
    this.checkRunsBySha.set(sha, [...runs, run]);
    return run;
  }

  /** A release that exists before the test. */
  seedRelease(tagName: string, targetCommitish = 'main'): DoubleRelease {
    const release: DoubleRelease = {
      id: this.nextId++,
      tagName,
      targetCommitish,
      name: tagName,
      body: null,
      draft: false,
      prerelease: false,
      makeLatest: undefined,
      createdAt: this.now(),
    };
    this.releases.set(tagName, release);
    return release;
  }

  /** A workflow file of a repository it serves (`.github/workflows/<file>`), as its text. */
  seedWorkflow(repository: string, file: string, text: string): void {
    const key = repository.toLowerCase();
    if (!this.repositories.has(key))
      throw new Error(`seedWorkflow: ${repository} is not one of the double's repositories`);
    const files = this.workflows.get(key) ?? new Map<string, unknown>();
    files.set(file, load(text));
    this.workflows.set(key, files);
  }

  // --- the server ------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      operationId: undefined,
      status: 0,
      violations: [],
    };
    this.requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      response.end(text);
    };
    try {
      const raw = await readBody(request);
      if (raw.length > 0) {
        try {
          record.body = JSON.parse(raw);
        } catch {
          record.violations.push(`${method} ${url.pathname}: the body is not JSON`);
          return send(400, { message: 'Problems parsing JSON' });
        }
      }
      const auth = request.headers.authorization ?? '';
      const token = /^(?:token|Bearer) (.*)$/.exec(auth)?.[1];
      if (token === undefined || (token !== this.token && token !== this.readOnlyToken)) {
        return send(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
        });
      }
      const checked = this.openapi.checkRequest(
        method,
        url.pathname,
        url.searchParams,
        record.body,
        request.headers['content-type'],
      );
      record.operationId = checked.operation?.operationId;
      record.violations.push(...checked.violations);
      if (!checked.operation)
        return send(404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
        });
      if (checked.violations.length > 0) {
        return send(422, {
          message: 'Validation Failed',
          errors: checked.violations,
          documentation_url: 'https://docs.github.com/rest',
        });
      }
      const fault = this.takeFault(`${method} ${url.pathname}`);
      if (fault)
        return send(
          fault.status,
          {
            message: fault.message ?? 'Injected failure',
            documentation_url: 'https://docs.github.com/rest',
          },
          fault.headers,
        );
      const { owner, repo } = checked.operation.params;
      if (owner !== undefined && !this.repositories.has(`${owner}/${repo}`.toLowerCase()))
        return send(404, { message: 'Not Found' });
      if (token === this.readOnlyToken && method !== 'GET')
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        });
      const handler = this.handlers[checked.operation.operationId];
      if (!handler) {
        record.violations.push(
          `${checked.operation.operationId}: not implemented by the GitHub double (add a handler)`,
        );
        return send(501, {
          message: `The double does not implement ${checked.operation.operationId}`,
        });
      }
      const answer = handler({
        operation: checked.operation,
        path: url.pathname,
        query: url.searchParams,
        body: record.body,
      });
      if (answer.violation) record.violations.push(answer.violation);
      else
        record.violations.push(
          ...this.openapi
            .checkResponse(checked.operation, answer.status, answer.body)
            .map((v) => `double: ${v}`),
        );
      return send(answer.status, answer.body, answer.headers);
    } catch (error) {
      record.violations.push(`double: ${(error as Error).stack ?? String(error)}`);
      return send(500, { message: 'The double failed' });
    }
  }

  private takeFault(request: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) => !candidate.match || candidate.match.test(request),
    );
    if (!fault) return undefined;
    fault.count = (fault.count ?? 1) - 1;
    if (fault.count <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  private readonly handlers: Record<string, Handler> = {
    'issues/list-for-repo': ({ path, query }) => {
      const state = query.get('state') ?? 'open';
      const labels = (query.get('labels') ?? '').split(',').filter((label) => label !== '');
      const creator = query.get('creator');
      const direction = query.get('direction') ?? 'desc';
      const sort = query.get('sort') ?? 'created';
      const list = [...this.issues.values()].filter(
        (issue) =>
          (state === 'all' || issue.state === state) &&
          labels.every((label) => issue.labels.includes(label)) &&
          (!creator || issue.user.login === creator),
      );
      list.sort((a, b) => {
        const x = sort === 'updated' ? a.updatedAt : a.createdAt;
        const y = sort === 'updated' ? b.updatedAt : b.createdAt;
        return (direction === 'asc' ? 1 : -1) * (x.localeCompare(y) || a.number - b.number);
      });
      const { items, headers } = this.page(list, path, query);
      return { status: 200, body: items.map((issue) => this.issueJson(issue)), headers };
    },
    'issues/create': ({ body }) => {
      const input = body as {
        title: string | number;
        body?: string;
        labels?: (string | { name?: string })[];
      };
      const issue = this.seedIssue({
        title: String(input.title),
        body: input.body ?? null,
        labels: (input.labels ?? []).map((label) =>
          typeof label === 'string' ? label : (label.name ?? ''),
        ),
        user: this.actor,
        authorAssociation: 'NONE',
      });
      return {
        status: 201,
        body: this.issueJson(issue),
        headers: { location: this.apiUrl(`/issues/${issue.number}`) },
      };
    },
    'issues/get': ({ operation }) => {
      const issue = this.issues.get(Number(operation.params.issue_number));
      return issue ? { status: 200, body: this.issueJson(issue) } : notFound();
    },
    'issues/update': ({ operation, body }) => {
      const issue = this.issues.get(Number(operation.params.issue_number));
      if (!issue) return notFound();
      const input = body as {
        title?: string | number | null;
        body?: string | null;
        state?: 'open' | 'closed';
        state_reason?: string | null;
        labels?: (string | { name?: string })[];
      };
      if (input.title !== undefined && input.title !== null) issue.title = String(input.title);
      if (input.body !== undefined) issue.body = input.body;
      if (input.labels)
        issue.labels = input.labels.map((label) =>
          typeof label === 'string' ? label : (label.name ?? ''),
        );
      if (input.state && input.state !== issue.state) {
        issue.state = input.state;
        issue.closedAt = input.state === 'closed' ? this.now() : null;
        issue.stateReason =
          input.state === 'closed' ? (input.state_reason ?? 'completed') : 'reopened';
      }
      issue.updatedAt = this.now();
      return { status: 200, body: this.issueJson(issue) };
    },
    'issues/create-comment': ({ operation, body }) => {
      const issue = this.issues.get(Number(operation.params.issue_number));
      if (!issue) return notFound();
      const comment: DoubleComment = {
        id: this.nextId++,
        body: (body as { body: string }).body,
        user: this.actor,
        createdAt: this.now(),
      };
      issue.comments.push(comment);
      issue.updatedAt = comment.createdAt;
      return { status: 201, body: this.commentJson(issue, comment) };
    },
    'issues/list-comments': ({ operation, path, query }) => {
      const issue = this.issues.get(Number(operation.params.issue_number));
      if (!issue) return notFound();
      const since = query.get('since');
      const list = issue.comments.filter(
        (comment) => !since || (comment.updatedAt ?? comment.createdAt) >= since,
      );
      const { items, headers } = this.page(list, path, query);
      return {
        status: 200,
        body: items.map((comment) => this.commentJson(issue, comment)),
        headers,
      };
    },
    'issues/update-comment': ({ operation, body }) => {
      const id = Number(operation.params.comment_id);
      for (const issue of this.issues.values()) {
        const comment = issue.comments.find((candidate) => candidate.id === id);
        if (!comment) continue;
        comment.body = (body as { body: string }).body;
        comment.updatedAt = this.now();
        return { status: 200, body: this.commentJson(issue, comment) };
      }
      return { ...notFound(), violation: `issues/update-comment: there is no comment ${id}` };
    },
    'checks/list-for-ref': ({ operation, path, query }) => {
      // The ref as a commit SHA: the double keeps no branches or tags.
      let list = this.checkRuns(operation.params.ref ?? '');
      const appId = query.get('app_id');
      if (appId !== null && Number(appId) !== ACTIONS_APP_ID) list = [];
      // filter=latest (the default) keeps the most recent check run of each name.
      if ((query.get('filter') ?? 'latest') === 'latest')
        list = list.filter(
          (run) => !list.some((other) => other.name === run.name && other.id > run.id),
        );
      const name = query.get('check_name');
      const status = query.get('status');
      list = list.filter(
        (run) => (name === null || run.name === name) && (status === null || run.status === status),
      );
      const { items, headers } = this.page(list, path, query);
      return {
        status: 200,
        body: { total_count: list.length, check_runs: items.map((run) => this.checkRunJson(run)) },
        headers,
      };
    },
    'repos/get-release-by-tag': ({ operation }) => {
      const release = this.releases.get(operation.params.tag ?? '');
      return release ? { status: 200, body: this.releaseJson(release) } : notFound();
    },
    'repos/create-release': ({ body }) => {
      const input = body as {
        tag_name: string;
        target_commitish?: string;
        name?: string;
        body?: string;
        draft?: boolean;
        prerelease?: boolean;
        make_latest?: string;
      };
      if (this.releases.has(input.tag_name))
        return unprocessable(
          `repos/create-release: ${input.tag_name} already has a release (GitHub answers 422 "already_exists")`,
        );
      const release = this.seedRelease(input.tag_name, input.target_commitish ?? 'main');
      Object.assign(release, {
        name: input.name ?? input.tag_name,
        body: input.body ?? null,
        draft: input.draft ?? false,
        prerelease: input.prerelease ?? false,
        makeLatest: input.make_latest,
      });
      return {
        status: 201,
        body: this.releaseJson(release),
        headers: { location: this.apiUrl(`/releases/${release.id}`) },
      };
    },
    'actions/create-workflow-dispatch': ({ operation, body }) => {
      const repository = `${operation.params.owner}/${operation.params.repo}`;
      const file = operation.params.workflow_id ?? '';
      const workflow = this.workflows.get(repository.toLowerCase())?.get(file);
      if (workflow === undefined) return notFound();
      const input = body as { ref: string; inputs?: Record<string, unknown> };
      const on = (workflow as { on?: unknown }).on;
      const trigger =
        on === 'workflow_dispatch' || (Array.isArray(on) && on.includes('workflow_dispatch'))
          ? {}
          : on && typeof on === 'object' && 'workflow_dispatch' in on
            ? ((on as { workflow_dispatch: unknown }).workflow_dispatch ?? {})
            : undefined;
      const refuse = (message: string) => ({
        status: 422,
        body: { message, documentation_url: 'https://docs.github.com/rest' },
        violation: `actions/create-workflow-dispatch ${repository} ${file}: ${message}`,
      });
      if (trigger === undefined)
        return refuse("Workflow does not have 'workflow_dispatch' trigger");
      const declared = ((trigger as { inputs?: Record<string, { required?: boolean }> }).inputs ??
        {}) as Record<string, { required?: boolean; default?: unknown }>;
      const given = input.inputs ?? {};
      const unexpected = Object.keys(given).filter((name) => !(name in declared));
      if (unexpected.length > 0)
        return refuse(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
      const missing = Object.entries(declared).find(
        ([name, spec]) => spec?.required === true && spec.default === undefined && !(name in given),
      );
      if (missing) return refuse(`Required input '${missing[0]}' not provided`);
      this.dispatches.push({ repository, workflow: file, ref: input.ref, inputs: given });
      return { status: 204 };
    },
    'checks/create': ({ body }) => {
      const input = body as CheckRunInput & { name: string; head_sha: string };
      // GitHub looks the commit up; the double only knows what a SHA looks like.
      if (!/^[0-9a-f]{40}$/.test(input.head_sha))
        return unprocessable(
          `checks/create: head_sha "${input.head_sha}" is not a commit (GitHub answers 422 "No commit found for SHA")`,
        );
      const runs = this.checkRuns(input.head_sha);
      const run: DoubleCheckRun = {
        id: this.nextId++,
        headSha: input.head_sha,
        name: input.name,
        externalId: '',
        detailsUrl: null,
        status: 'queued',
        conclusion: null,
        startedAt: null,
        completedAt: null,
        output: { title: null, summary: null, text: null },
        annotationsCount: 0,
        checkSuiteId: runs[0]?.checkSuiteId ?? this.nextId++,
      };
      const refused = this.updateCheckRun(run, { started_at: this.now(), ...input });
      if (refused) return refused;
      this.checkRunsBySha.set(input.head_sha, [...runs, run]);
      return {
        status: 201,
        body: this.checkRunJson(run),
        headers: { location: this.apiUrl(`/check-runs/${run.id}`) },
      };
    },
    'checks/update': ({ operation, body }) => {
      const id = Number(operation.params.check_run_id);
      const run = [...this.checkRunsBySha.values()].flat().find((each) => each.id === id);
      if (!run) return { ...notFound(), violation: `checks/update: there is no check run ${id}` };
      return (
        this.updateCheckRun(run, body as CheckRunInput) ?? {
          status: 200,
          body: this.checkRunJson(run),
        }
      );
    },
  };

  /**
   * What checks/create and checks/update do with their fields: a conclusion
   * completes the run (completed_at now unless given); completing one needs a
   * conclusion; output fields replace those given, annotations add up.
   * Refused (422, nothing changed) as GitHub refuses it.
   */
  private updateCheckRun(run: DoubleCheckRun, input: CheckRunInput): Answer | undefined {
    const completing = input.status === 'completed' || input.completed_at !== undefined;
    if (completing && input.conclusion === undefined && run.conclusion === null)
      return unprocessable(
        'checks: a completed check run needs a conclusion (GitHub answers 422 "Conclusion required if status is completed")',
      );
    if (input.conclusion === 'stale')
      return unprocessable('checks: only GitHub sets the conclusion stale (GitHub answers 422)');
    if (input.name !== undefined) run.name = input.name;
    if (input.details_url !== undefined) run.detailsUrl = input.details_url;
    if (input.external_id !== undefined) run.externalId = input.external_id;
    if (input.started_at !== undefined) run.startedAt = input.started_at;
    if (input.conclusion !== undefined || completing) {
      run.status = 'completed';
      run.conclusion = input.conclusion ?? run.conclusion;
      run.completedAt = input.completed_at ?? this.now();
    } else if (input.status !== undefined) {
      run.status = input.status;
      run.conclusion = null;
      run.completedAt = null;
    }
    if (input.output) {
      const { title, summary, text, annotations } = input.output;
      if (title !== undefined) run.output.title = title;
      if (summary !== undefined) run.output.summary = summary;
      if (text !== undefined) run.output.text = text;
      run.annotationsCount += annotations?.length ?? 0;
    }
    return undefined;
  }

  /** One page of a list as GitHub pages it (`per_page` 30 unless told, at most 100), with its Link header. */
  private page<T>(
    list: T[],
    path: string,
    query: URLSearchParams,
  ): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
    const page = Number(query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const links: string[] = [];
    const link = (n: number, rel: string) => {
      const next = new URLSearchParams(query);
      next.set('page', String(n));
      links.push(`<${this.url}${path}?${next}>; rel="${rel}"`);
    };
    if (page < last) {
      link(page + 1, 'next');
      link(last, 'last');
    }
    return {
      items: list.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  // --- GitHub's JSON ------------------------------------------------------------

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private apiUrl(path: string): string {
    return `${this.url}/repos/${this.owner}/${this.repo}${path}`;
  }

  private userJson(user: DoubleUser): Record<string, unknown> {
    const base = `${this.url}/users/${encodeURIComponent(user.login)}`;
    return {
      login: user.login,
      id: user.type === 'Bot' ? 41898282 : 583231,
      node_id: user.type === 'Bot' ? 'MDM6Qm90NDE4OTgyODI=' : 'MDQ6VXNlcjU4MzIzMQ==',
      avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
      gravatar_id: '',
      url: base,
      html_url: `https://github.com/${user.login}`,
      followers_url: `${base}/followers`,
      following_url: `${base}/following{/other_user}`,
      gists_url: `${base}/gists{/gist_id}`,
      starred_url: `${base}/starred{/owner}{/repo}`,
      subscriptions_url: `${base}/subscriptions`,
      organizations_url: `${base}/orgs`,
      repos_url: `${base}/repos`,
      events_url: `${base}/events{/privacy}`,
      received_events_url: `${base}/received_events`,
      type: user.type,
      site_admin: false,
    };
  }

  private issueJson(issue: DoubleIssue): Record<string, unknown> {
    const url = this.apiUrl(`/issues/${issue.number}`);
    const html = `https://github.com/${this.owner}/${this.repo}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`;
    return {
      id: 100_000 + issue.number,
      node_id: `I_kwDOdouble${issue.number}`,
      url,
      repository_url: this.apiUrl(''),
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: html,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: this.userJson(issue.user),
      labels: issue.labels.map((name, index) => ({
        id: 200_000 + index,
        node_id: `LA_double${index}`,
        url: this.apiUrl(`/labels/${encodeURIComponent(name)}`),
        name,
        description: null,
        color: 'ededed',
        default: false,
      })),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: issue.comments.length,
      ...(issue.pullRequest
        ? {
            pull_request: {
              url: this.apiUrl(`/pulls/${issue.number}`),
              html_url: html,
              diff_url: `${html}.diff`,
              patch_url: `${html}.patch`,
              merged_at: null,
            },
          }
        : {}),
      closed_at: issue.closedAt,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      author_association: issue.authorAssociation,
    };
  }

  private commentJson(issue: DoubleIssue, comment: DoubleComment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: `IC_double${comment.id}`,
      url: this.apiUrl(`/issues/comments/${comment.id}`),
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}#issuecomment-${comment.id}`,
      issue_url: this.apiUrl(`/issues/${issue.number}`),
      body: comment.body,
      user: this.userJson(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt ?? comment.createdAt,
      author_association: 'NONE',
    };
  }

  private checkRunJson(run: DoubleCheckRun): Record<string, unknown> {
    const url = this.apiUrl(`/check-runs/${run.id}`);
    const html = `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`;
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: `CR_double${run.id}`,
      external_id: run.externalId,
      url,
      html_url: html,
      details_url: run.detailsUrl ?? html,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        ...run.output,
        annotations_count: run.annotationsCount,
        annotations_url: `${url}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.checkSuiteId },
      app: this.appJson(),
      // GitHub lists open pull requests whose head is this commit; the double does not track heads.
      pull_requests: [],
    };
  }

  private releaseJson(release: DoubleRelease): Record<string, unknown> {
    const url = this.apiUrl(`/releases/${release.id}`);
    const web = `https://github.com/${this.owner}/${this.repo}`;
    return {
      url,
      html_url: `${web}/releases/tag/${release.tagName}`,
      assets_url: `${url}/assets`,
      upload_url: `https://uploads.github.com/repos/${this.owner}/${this.repo}/releases/${release.id}/assets{?name,label}`,
      tarball_url: this.apiUrl(`/tarball/${release.tagName}`),
      zipball_url: this.apiUrl(`/zipball/${release.tagName}`),
      id: release.id,
      node_id: `RE_double${release.id}`,
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      created_at: release.createdAt,
      published_at: release.draft ? null : release.createdAt,
      author: this.userJson(this.actor),
      assets: [],
    };
  }

  /** The GitHub Actions app, owner of the check runs a job's GITHUB_TOKEN makes. */
  private appJson(): Record<string, unknown> {
    return {
      id: ACTIONS_APP_ID,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: {
        ...this.userJson({ login: 'github', type: 'User' }),
        id: 9919,
        node_id: 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=',
        type: 'Organization',
      },
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: 'https://github.com/apps/github-actions',
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2019-12-10T19:04:12Z',
      permissions: { checks: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' },
      events: ['check_run', 'check_suite', 'pull_request', 'push'],
    };
  }
}

function notFound() {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  };
}

/** A request GitHub refuses although its description allows it. */
function unprocessable(violation: string): Answer {
  return {
    status: 422,
    body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' },
    violation,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
