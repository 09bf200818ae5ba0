import { readFileSync } from 'node:fs';
import type { Inputs } from './inputs.js';

/**
 * What the run is about, from the event GitHub wrote (GITHUB_EVENT_PATH)
 * and the inputs that override it: the commit, the pull request, and
 * whether the pull request comes from a fork (its token is read-only).
 */

interface PullRequestEvent {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

export interface Subject {
  sha: string;
  pullRequest: number | undefined;
  fromFork: boolean;
  /** This workflow run's page. */
  runUrl: string;
}

function readEvent(): PullRequestEvent {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch {
    return {};
  }
}

export function readSubject(inputs: Inputs, event: PullRequestEvent = readEvent()): Subject {
  const pr = event.pull_request;
  // A fork deleted since the PR was opened leaves `head.repo` null: still a fork.
  const fromFork =
    pr !== undefined &&
    (pr.head?.repo === null ||
      (pr.head?.repo?.full_name !== undefined &&
        pr.head.repo.full_name !== pr.base?.repo?.full_name));
  return {
    sha: inputs.sha ?? pr?.head?.sha ?? process.env.GITHUB_SHA ?? '',
    pullRequest: inputs['pull-request'] ?? pr?.number,
    fromFork,
    runUrl: `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`,
  };
}
