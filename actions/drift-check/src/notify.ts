import * as core from '../../../src/core.js';
import { errorMessage } from '../../../src/errors.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { headline, renderMarkdown } from '../../../src/drift/summary.js';
import { GitHubClient } from '../../../src/github/client.js';
import { IssueTracker, type IssueOutcome } from '../../../src/github/issues.js';
import { postWebhook } from '../../../src/report/webhook.js';
import type { Inputs } from './inputs.js';

/**
 * Tells people: one issue per application and environment (opened, updated when the drift
 * changes, closed when it is gone) and a webhook message when that happens.
 * A run that could not check everything touches neither: an error must not
 * close an issue, nor open one.
 */

export interface Notified {
  issue: IssueOutcome | undefined;
  webhook: boolean;
}

/** What is still different once remediation (if any) is done: that is what the issue shows. */
export function remaining(report: DriftReport): number {
  return report.targets.reduce(
    (total, target) => total + (target.after?.changes.length ?? target.changes.length),
    0,
  );
}

export async function notify(report: DriftReport, inputs: Inputs): Promise<Notified> {
  if (report.status === 'error') {
    core.warning(
      'Not updating the drift issue or the webhook: some targets could not be checked (see above).',
    );
    return { issue: undefined, webhook: false };
  }
  const left = remaining(report);
  const subject = report.app ? `${inputs.environment} (${report.app})` : inputs.environment;
  let issue: IssueOutcome | undefined;
  if (inputs.issue) {
    if (!inputs['github-token']) {
      core.warning(
        'issue is true but github-token is empty: no issue is kept. Pass a token, or set issue: false.',
      );
    } else {
      const github = new GitHubClient({
        token: inputs['github-token'],
        permission: 'issues: write',
      });
      const tracker = new IssueTracker(github, 'drift-check', inputs.environment, report.app);
      issue =
        left > 0
          ? await tracker.report({
              title: `Drift in ${subject}: ${left} difference${left === 1 ? '' : 's'}`,
              body: renderMarkdown(report),
              fingerprint: report.fingerprint,
              labels: inputs['issue-labels'],
              changeComment: `The drift changed: ${headline(report)}.${report.run ? ` Seen by ${report.run}.` : ''} The description shows it as it is now.`,
            })
          : await tracker.resolve(
              `No drift in ${subject} any more${report.run ? ` (checked by ${report.run})` : ''}${report.targets.some((target) => target.remediation) ? ', after remediation' : ''}. Closing.`,
            );
      core.info(
        `issue: ${issue.action}${issue.issue ? ` #${issue.issue.number} ${issue.issue.url}` : ''}`,
      );
      if (issue.duplicates.length > 0) {
        core.warning(
          `Other open drift issues for ${subject} carry the same marker: #${issue.duplicates.join(', #')}; close them by hand.`,
        );
      }
    }
  }
  let webhook = false;
  const url = inputs['webhook-url'];
  // With an issue, only news is sent; without one, every run that finds drift.
  const news = issue ? ['opened', 'updated', 'closed'].includes(issue.action) : left > 0;
  if (url && news) {
    const link = issue?.issue ? ` ${issue.issue.url}` : report.run ? ` ${report.run}` : '';
    const text = left > 0 ? `${headline(report)}.${link}` : `Drift in ${subject} is gone.${link}`;
    try {
      await postWebhook(url, text);
      webhook = true;
    } catch (error) {
      core.warning(`The webhook notification failed: ${errorMessage(error)}`);
    }
  }
  return { issue, webhook };
}
