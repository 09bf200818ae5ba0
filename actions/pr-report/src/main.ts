import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { isUserError } from '../../../src/errors.js';
import { runAction } from '../../../src/run.js';
import { writeSummary } from '../../../src/report/summary.js';
import { GitHubClient } from '../../../src/github/client.js';
import { upsertCheckRun, upsertComment } from '../../../src/github/pr-publish.js';
import { commentMarker, parseNeeds, renderReport } from '../../../src/github/pr-report.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'pr-report';

interface PullRequestEvent {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
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

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    const event = readEvent();
    const pr = event.pull_request;
    const sha = inputs.sha ?? pr?.head?.sha ?? process.env.GITHUB_SHA ?? '';
    const pullRequest = inputs['pull-request'] ?? pr?.number;
    // A pull request from a fork gets a read-only token: report in the job summary only.
    // A fork deleted since the PR was opened leaves `head.repo` null: still a fork.
    const fromFork =
      pr !== undefined &&
      (pr.head?.repo === null ||
        (pr.head?.repo?.full_name !== undefined &&
          pr.head.repo.full_name !== pr.base?.repo?.full_name));
    const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`;

    const report = renderReport(parseNeeds(inputs.needs), { sha, runUrl, key: inputs.key });
    core.setOutput('conclusion', report.conclusion);
    core.info(`${report.conclusion}: ${report.title}`);
    await writeSummary((summary) => summary.addRaw(report.comment, true));

    const client = new GitHubClient({
      token: inputs['github-token'],
      permission: 'checks: write, pull-requests: write',
    });
    const publish = async (what: string, action: () => Promise<void>) => {
      try {
        await action();
      } catch (error) {
        if (fromFork && isUserError(error)) {
          core.warning(
            `pr-report: could not ${what} on a pull request from a fork (its token is read-only); the report is in the job summary. ${(error as Error).message}`,
          );
          return;
        }
        throw error;
      }
    };

    if (inputs['check-run']) {
      await publish('create the check run', async () => {
        const check = await upsertCheckRun(client, {
          name: inputs.name,
          externalId: `pipeline-actions:${inputs.key}`,
          sha,
          conclusion: report.conclusion,
          title: report.title,
          summary: report.summary,
          detailsUrl: runUrl,
        });
        core.setOutput('check-run-id', String(check.id));
        core.setOutput('check-run-url', check.url);
        core.info(`check run ${check.created ? 'created' : 'updated'}: ${check.url}`);
      });
    }
    if (inputs.comment) {
      if (pullRequest === undefined) {
        core.warning(
          'pr-report: this run is not for a pull request and no pull-request input was given; no comment was written.',
        );
        return;
      }
      await publish('comment', async () => {
        const comment = await upsertComment(
          client,
          pullRequest,
          commentMarker(inputs.key),
          report.comment,
        );
        core.setOutput('comment-id', String(comment.id));
        core.setOutput('comment-url', comment.url);
        core.info(`comment ${comment.created ? 'created' : 'updated'}: ${comment.url}`);
      });
    }
  });
}
