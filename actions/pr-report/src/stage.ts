import * as core from '../../../src/core.js';
import { isUserError } from '../../../src/errors.js';
import { GitHubClient } from '../../../src/github/client.js';
import { upsertCheckRun, upsertComment } from '../../../src/github/pr-publish.js';
import { commentMarker, type RenderedReport } from '../../../src/github/pr-report.js';
import type { Subject } from './event.js';
import type { Inputs } from './inputs.js';

/**
 * Publishes the report: one check run and one comment, each updated in
 * place. A pull request from a fork gets a read-only token: there, a refusal
 * is a warning (the report is in the job summary), never a failure.
 */
export async function publishReport(
  inputs: Inputs,
  subject: Subject,
  report: RenderedReport,
): Promise<void> {
  const client = new GitHubClient({
    token: inputs['github-token'],
    permission: 'checks: write, pull-requests: write',
  });
  const publish = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (subject.fromFork && isUserError(error)) {
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
        sha: subject.sha,
        conclusion: report.conclusion,
        title: report.title,
        summary: report.summary,
        detailsUrl: subject.runUrl,
      });
      core.setOutput('check-run-id', String(check.id));
      core.setOutput('check-run-url', check.url);
      core.info(`check run ${check.created ? 'created' : 'updated'}: ${check.url}`);
    });
  }
  if (inputs.comment) {
    const pullRequest = subject.pullRequest;
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
}
