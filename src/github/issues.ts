import type { GitHubClient } from './client.js';

/**
 * One GitHub issue per subject (drift of one application in one environment), found by a hidden
 * marker in its body, never by its title (people edit titles; the issues
 * list cannot search them anyway). It is opened when there is something to
 * report, updated (with a comment, so watchers hear of it) only when the
 * fingerprint of what it reports changes, left alone while that stays the
 * same, and closed with a comment once there is nothing to report.
 *
 * The marker and the metadata (fingerprint, first seen) live in one HTML
 * comment: `<!-- pipeline-actions:drift-check app="shop" key="dev" fingerprint="…" first-seen="…" -->`.
 * Only issues by a bot or by members of the repository are trusted, so
 * nobody can make the action overwrite their own issue by copying a marker.
 */

export interface TrackedIssue {
  number: number;
  url: string;
  title: string;
  fingerprint: string | undefined;
  firstSeen: string | undefined;
}

export interface IssueContent {
  title: string;
  /** Markdown; the hidden metadata is appended. */
  body: string;
  fingerprint: string;
  labels?: readonly string[];
  /** The comment that goes with an update: what changed. */
  changeComment?: string;
}

export type IssueAction = 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';

export interface IssueOutcome {
  action: IssueAction;
  issue: TrackedIssue | undefined;
  /** Other open issues with the same marker (duplicates left by a race), left alone. */
  duplicates: number[];
}

interface ApiIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  pull_request?: unknown;
  author_association?: string;
  user?: { type?: string } | null;
}

const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const MAX_PAGES = 10;
/** GitHub refuses bodies longer than 65536 characters. */
export const MAX_BODY_CHARS = 65_000;

export class IssueTracker {
  /** `<!-- pipeline-actions:drift-check key="dev"`, `<!-- pipeline-actions:drift-check app="shop" key="dev"` */
  readonly marker: string;

  constructor(
    private readonly github: GitHubClient,
    /** The kind of report: `drift-check`. */
    kind: string,
    /** What the issue is about: the environment. */
    key: string,
    /**
     * Whose it is: the application, in a repository with several (each keeps
     * its own issue per environment, and never closes another's). It comes
     * before the key, so no marker is the start of another.
     */
    app?: string,
  ) {
    const legacy = `<!-- pipeline-actions:${kind} key="${encodeURIComponent(key)}"`;
    this.marker =
      app === undefined
        ? legacy
        : `<!-- pipeline-actions:${kind} app="${encodeURIComponent(app)}" key="${encodeURIComponent(key)}"`;
    if (app !== undefined) this.legacyMarker = legacy;
  }

  /** The marker of issues kept before they were per app: one is taken over when drift is reported, never closed. */
  private readonly legacyMarker: string | undefined;

  /** The open issue carrying the marker (the oldest, if a race made two), and the oldest with the legacy marker. */
  async find(): Promise<{
    issue: TrackedIssue | undefined;
    duplicates: number[];
    legacy?: TrackedIssue | undefined;
  }> {
    const { items } = await this.github.paginate<ApiIssue>(
      'GET /repos/{owner}/{repo}/issues',
      { state: 'open', sort: 'created', direction: 'asc' },
      MAX_PAGES,
    );
    const marked = (marker: string | undefined) =>
      marker === undefined
        ? []
        : items.filter(
            (item) =>
              !item.pull_request &&
              (item.body ?? '').includes(`${marker} `) &&
              (item.user?.type === 'Bot' || TRUSTED.has(item.author_association ?? '')),
          );
    const found = marked(this.marker);
    const first = found[0];
    const legacy = marked(this.legacyMarker)[0];
    return {
      issue: first ? this.tracked(first) : undefined,
      duplicates: found.slice(1).map((item) => item.number),
      ...(legacy ? { legacy: this.tracked(legacy, this.legacyMarker) } : {}),
    };
  }

  /**
   * Opens the issue, or updates it when the fingerprint changed; nothing when
   * it did not. With no issue of its own, one with the legacy marker is taken
   * over (its description rewritten with this marker).
   */
  async report(content: IssueContent, now = new Date()): Promise<IssueOutcome> {
    const found = await this.find();
    const { duplicates } = found;
    const issue = found.issue ?? found.legacy;
    if (found.issue && found.issue.fingerprint === content.fingerprint)
      return { action: 'unchanged', issue: found.issue, duplicates };
    const firstSeen = issue?.firstSeen ?? now.toISOString();
    const body = this.body(content, firstSeen);
    if (!issue) {
      const created = await this.github.request<ApiIssue>('POST /repos/{owner}/{repo}/issues', {
        title: content.title,
        body,
        ...(content.labels && content.labels.length > 0 ? { labels: [...content.labels] } : {}),
      });
      return { action: 'opened', issue: this.tracked(created.data), duplicates };
    }
    const updated = await this.github.request<ApiIssue>(
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      {
        issue_number: issue.number,
        title: content.title,
        body,
      },
    );
    if (content.changeComment) await this.comment(issue.number, content.changeComment);
    return { action: 'updated', issue: this.tracked(updated.data), duplicates };
  }

  /** Closes the issue with a comment, when there is one. */
  async resolve(comment: string): Promise<IssueOutcome> {
    const { issue, duplicates } = await this.find();
    if (!issue) return { action: 'none', issue: undefined, duplicates };
    await this.comment(issue.number, comment);
    await this.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', issue, duplicates };
  }

  private async comment(issueNumber: number, body: string): Promise<void> {
    await this.github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      issue_number: issueNumber,
      body: body.slice(0, MAX_BODY_CHARS),
    });
  }

  private body(content: IssueContent, firstSeen: string): string {
    const metadata = `${this.marker} fingerprint="${encodeURIComponent(content.fingerprint)}" first-seen="${firstSeen}" -->`;
    const room = MAX_BODY_CHARS - metadata.length - 2;
    const text =
      content.body.length > room
        ? `${content.body.slice(0, room - 40)}\n\n… (cut to fit an issue)`
        : content.body;
    return `${text}\n\n${metadata}`;
  }

  private tracked(issue: ApiIssue, marker = this.marker): TrackedIssue {
    const body = issue.body ?? '';
    const start = body.indexOf(`${marker} `);
    const comment = start === -1 ? '' : body.slice(start, body.indexOf('-->', start) + 3);
    const attribute = (name: string) => {
      const value = new RegExp(`\\b${name}="([^"]*)"`).exec(comment)?.[1];
      return value === undefined ? undefined : decodeURIComponent(value);
    };
    return {
      number: issue.number,
      url: issue.html_url,
      title: issue.title,
      fingerprint: attribute('fingerprint'),
      firstSeen: attribute('first-seen'),
    };
  }
}
