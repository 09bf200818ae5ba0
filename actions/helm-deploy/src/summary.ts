import type { PinnedImage } from '../../../src/render/index.js';
import { markdownTable, writeSummary } from '../../../src/report/summary.js';
import type { DeployFailed } from '../../../src/deploy/explain.js';
import type { DeployOutcome } from './outcome.js';

/** The job summary of a deploy or dry run: release, revision, pinned images, and the diff. */
export async function writeDeploySummary(outcome: DeployOutcome): Promise<void> {
  const title = outcome.dryRun
    ? `helm-deploy dry run: ${outcome.release} in ${outcome.namespace} — ${
        outcome.changed ? `${countChanges(outcome)} to change` : 'no change'
      }`
    : `helm-deploy: ${outcome.release} in ${outcome.namespace} — revision ${outcome.revision} ${outcome.status}`;
  await writeSummary((summary) => {
    summary.addHeading(title, 2);
    summary.addRaw(
      table(
        ['', ''],
        [
          ['release', outcome.release],
          ['namespace', outcome.namespace],
          ['revision', outcome.revision ?? '(none yet)'],
          ['status', outcome.status],
          ['chart', `${outcome.chart}`],
          ['helm', outcome.helmVersion],
          ['changed', outcome.changed],
        ],
      ),
      true,
    );
    if (outcome.recovered) {
      summary.addRaw(
        `\n> Release was ${outcome.recovered.from.status} at revision ${outcome.recovered.from.revision}; recovered first with \`${outcome.recovered.recovery.command}\`.\n`,
        true,
      );
    }
    const restored = outcome.diff.restored ?? [];
    if (restored.length > 0) {
      summary.addRaw(
        `\n> Restored what had changed in the cluster since the last deploy: ${restored
          .map(
            (object) =>
              `${object.ref.kind}/${object.ref.name}${object.action === 'create' ? ' (deleted, recreated)' : ` (${object.changes.map((change) => change.path).join(', ')})`}`,
          )
          .join('; ')}.\n`,
        true,
      );
    }
    addImages(summary, outcome.images);
    summary.addHeading(outcome.dryRun ? 'What would change' : 'What changed', 3);
    if (outcome.diffText.trim() === '') summary.addRaw('No change.\n', true);
    else summary.addCodeBlock(outcome.diffText, 'diff');
  });
}

/** The job summary of a failed deploy: what did not become ready, events, the release's state. */
export async function writeFailureSummary(failure: DeployFailed): Promise<void> {
  await writeSummary((summary) => {
    summary.addHeading(`helm-deploy failed: ${failure.release} in ${failure.namespace}`, 2);
    summary.addRaw(`\n**helm:** ${escape(failure.helmError)}\n\n`, true);
    if (failure.releaseState)
      summary.addRaw(`**Release state:** ${escape(failure.releaseState)}\n`, true);
    if (failure.report.notReady.length > 0) {
      summary.addHeading('Not ready', 3);
      summary.addRaw(
        table(
          ['resource', 'state', 'why'],
          failure.report.notReady.map((item) => [
            `${item.ref.kind}/${item.ref.name}`,
            item.state,
            item.reasons.join('\n') || '—',
          ]),
        ),
        true,
      );
    }
    if (failure.report.events.length > 0) {
      summary.addHeading('Recent events', 3);
      summary.addRaw(
        table(
          ['object', 'type', 'reason', 'message', 'count', 'last seen'],
          failure.report.events.map((event) => [
            event.object,
            event.type,
            event.reason,
            event.message,
            event.count,
            event.last,
          ]),
        ),
        true,
      );
    }
    addImages(summary, failure.images);
  });
}

function addImages(
  summary: Parameters<Parameters<typeof writeSummary>[0]>[0],
  images: readonly PinnedImage[],
): void {
  if (images.length === 0) return;
  summary.addHeading('Images (pinned to digests)', 3);
  summary.addRaw(
    table(
      ['image', 'deployed as', 'used by'],
      images.map((image) => [
        image.image,
        image.alreadyPinned
          ? `${image.pinned} (as given${image.unchecked === undefined ? '' : ', not checked: its registry could not be asked'})`
          : image.pinned,
        image.usedBy.join('\n'),
      ]),
    ),
    true,
  );
}

/** A table as its own Markdown block (GitHub needs a blank line after the HTML headings). */
function table(...args: Parameters<typeof markdownTable>): string {
  return `\n${markdownTable(...args)}\n`;
}

function countChanges(outcome: DeployOutcome): string {
  const changed = outcome.diff.objects.filter((object) => object.action !== 'unchanged').length;
  return `${changed} object${changed === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'));
}
