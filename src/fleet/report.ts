import { markdownTable } from '../report/summary.js';
import type { ImageChange } from './changes.js';
import type { AppOutcome } from './rebuild.js';

/**
 * What a fleet rebuild tells people: the job summary (a table of the
 * changed images, one of the apps) and the chat notification (short plain
 * text for a Slack-compatible webhook, src/report/webhook.ts).
 */

export interface FleetReport {
  readonly catalog: string;
  readonly changes: readonly ImageChange[];
  readonly outcomes: readonly AppOutcome[];
  readonly dryRun: boolean;
  /** Link to the run, when known. */
  readonly runUrl?: string | undefined;
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const digests = (list: readonly string[]) => (list.length > 0 ? list.map(short).join(', ') : '—');

export function outcomeText(outcome: AppOutcome, dryRun: boolean): string {
  const { verdict } = outcome;
  switch (verdict.kind) {
    case 'rebuild': {
      const bases = verdict.bases
        .map((base) => `${base.role} ${base.repository} ${short(base.from)} → ${digests(base.to)}`)
        .join('; ');
      if (outcome.error) return `due (${bases}), but the dispatch failed: ${outcome.error}`;
      if (dryRun || !outcome.dispatched) return `due: ${bases} (dry run: not dispatched)`;
      return `rebuild dispatched on ${outcome.dispatched}: ${bases}`;
    }
    case 'current':
      return `up to date (${verdict.image.reference} is built on no changed image)`;
    case 'skipped':
      return `nothing to rebuild: ${verdict.why}`;
    case 'unreadable':
      return `could not read its image: ${verdict.why}`;
  }
}

export function fleetSummary(report: FleetReport): string {
  const changed = report.changes;
  const lines = [`## Standard images published: ${report.catalog}`, ''];
  if (changed.length === 0) {
    lines.push('No standard image changed: nothing to rebuild.');
    return lines.join('\n');
  }
  lines.push(
    markdownTable(
      ['image', 'change', 'before', 'now', 'used by'],
      changed.map((change) => [
        change.repository,
        change.kind,
        digests(change.previous),
        digests(change.digests),
        change.uses.join(', '),
      ]),
    ),
    '',
  );
  if (report.outcomes.length === 0) {
    lines.push('No fleet file: no application was rebuilt.');
  } else {
    lines.push(
      `### Applications (${counts(report.outcomes, report.dryRun)})`,
      '',
      markdownTable(
        ['repository', 'workflow', 'image', 'outcome'],
        report.outcomes.map((outcome) => [
          outcome.app.repository,
          outcome.app.workflow,
          outcome.app.image,
          outcomeText(outcome, report.dryRun),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** The webhook's text: what changed, and one line per app that needs attention. */
export function fleetMessage(report: FleetReport): string {
  const changed = report.changes.filter((change) => change.kind === 'changed');
  const head =
    changed.length === 0
      ? `Standard images published (${report.catalog}): no image changed, nothing to rebuild.`
      : `Standard images published (${report.catalog}): ${changed
          .map(
            (change) =>
              `${change.repository} ${digests(change.previous)} → ${digests(change.digests)}`,
          )
          .join('; ')}.`;
  const lines = [head];
  if (changed.length > 0) {
    lines.push(
      report.outcomes.length === 0
        ? 'No fleet file: no application was rebuilt.'
        : `Applications: ${counts(report.outcomes, report.dryRun)}.`,
    );
    for (const outcome of report.outcomes) {
      if (outcome.verdict.kind === 'rebuild' || outcome.verdict.kind === 'unreadable')
        lines.push(
          `• ${outcome.app.repository} (${outcome.app.workflow}): ${outcomeText(outcome, report.dryRun)}`,
        );
    }
  }
  if (report.runUrl) lines.push(report.runUrl);
  return lines.join('\n');
}

function counts(outcomes: readonly AppOutcome[], dryRun: boolean): string {
  const dispatched = outcomes.filter((o) => o.dispatched).length;
  const due = outcomes.filter((o) => o.verdict.kind === 'rebuild').length;
  const failed = outcomes.filter((o) => o.error || o.verdict.kind === 'unreadable').length;
  const parts = [
    dryRun ? `${due} due (dry run: none dispatched)` : `${dispatched} rebuilt`,
    `${outcomes.length - due - outcomes.filter((o) => o.verdict.kind === 'unreadable').length} unchanged`,
  ];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(', ');
}
