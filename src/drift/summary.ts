import { describeObject } from '../kube/objects.js';
import { markdownTable, plural } from '../report/summary.js';
import type { DriftClass } from './compare.js';
import { describeAttribution } from './managed-fields.js';
import type { DriftReport, ReportedChange, TargetReport } from './report.js';

/**
 * The drift report as Markdown, for the job summary and the issue body:
 * a table per target and kind of difference, with the field, the values
 * (secrets only by size), and who changed it and when. Everything from the
 * cluster is shown as code, so a label value can neither mention anyone nor
 * inject HTML. Bounded: the tables shrink until the text fits.
 */

const TITLES: Record<DriftClass, string> = {
  'changed-in-cluster': 'Changed in the cluster since the last deploy',
  'missing-from-cluster': 'Deployed, but missing from the cluster',
  'extra-in-cluster': "In the cluster with the release's labels, but not in Git",
  'not-deployed': 'In Git, not deployed yet',
};

const SHORT: Record<DriftClass, string> = {
  'changed-in-cluster': 'changed in the cluster',
  'missing-from-cluster': 'missing from the cluster',
  'extra-in-cluster': 'extra in the cluster',
  'not-deployed': 'not deployed yet',
};

const ORDER: readonly DriftClass[] = [
  'changed-in-cluster',
  'missing-from-cluster',
  'extra-in-cluster',
  'not-deployed',
];

export function renderMarkdown(report: DriftReport, maxChars = 60_000): string {
  for (const rows of [500, 100, 30, 10, 3]) {
    const text = render(report, rows);
    if (text.length <= maxChars) return text;
  }
  return `${render(report, 1).slice(0, maxChars - 80)}\n\n… (cut; the whole report is in the job's JSON report)\n`;
}

/** A one-line account for the log and the webhook: `dev: 3 differences in storefront (2 changed in the cluster, 1 not deployed)`. */
export function headline(report: DriftReport): string {
  if (report.status === 'error') return `Drift in ${report.environment} could not be checked`;
  if (report.count === 0) return `No drift in ${report.environment}`;
  const totals = new Map<DriftClass, number>();
  for (const target of report.targets) {
    for (const cls of ORDER) totals.set(cls, (totals.get(cls) ?? 0) + target.counts[cls]);
  }
  const parts = ORDER.filter((cls) => (totals.get(cls) ?? 0) > 0).map(
    (cls) => `${totals.get(cls)} ${SHORT[cls]}`,
  );
  return `Drift in ${report.environment}: ${plural(report.count, 'difference')} (${parts.join('; ')})`;
}

function render(report: DriftReport, maxRows: number): string {
  const lines: string[] = [`### ${headline(report)}`, ''];
  lines.push(
    markdownTable(
      [
        'release',
        'namespace',
        'chart',
        'deployed revision',
        ...ORDER.map((cls) => SHORT[cls]),
        'ignored',
      ],
      report.targets.map((target) => [
        target.release,
        target.namespace,
        target.chart,
        target.deployedRevision ?? '',
        ...(target.status === 'error'
          ? ORDER.map(() => 'error')
          : ORDER.map((cls) => target.counts[cls])),
        target.ignored.length,
      ]),
    ),
    '',
  );
  for (const target of report.targets) lines.push(...renderTarget(target, maxRows));
  const suppressing = report.rules.filter((rule) => rule.suppressed > 0 || !rule.builtIn);
  if (suppressing.length > 0) {
    lines.push(
      '#### Ignore rules',
      '',
      markdownTable(
        ['rule', 'reason', 'suppressed'],
        suppressing.map((rule) => [
          `${rule.id}${rule.builtIn ? ' (built in)' : ''}`,
          rule.reason,
          rule.suppressed || 'nothing (stale?)',
        ]),
      ),
      '',
    );
  }
  const requests = report.requests;
  lines.push(
    `<sub>${plural(requests.total, 'API request')} (${requests.discovery} discovery, ${requests.list} list${requests.apply + requests.patch > 0 ? `, ${requests.apply} apply, ${requests.patch} patch` : ''}) in ${(report.durationMs / 1000).toFixed(1)} s${report.run ? ` · [run](${report.run})` : ''} · fingerprint \`${report.fingerprint}\`</sub>`,
  );
  return `${lines.join('\n')}\n`;
}

/** Where the desired state came from, and what the deploy record says was deployed. */
function describeBasis(target: TargetReport): string | undefined {
  const record = target.record;
  const deployed = record
    ? ` Deployed${record.buildVersion ? ` build ${code(record.buildVersion)}` : ''}${record.commit ? ` from ${code(record.commit.slice(0, 12))}` : ''}${record.run ? ` ([run](${record.run}))` : ''}.`
    : '';
  if (target.basis === 'deployed')
    return `Git has not changed since this deploy (its record's request hash matches): compared with what was deployed.${deployed}`;
  if (target.basis === 'rendered')
    return `**Git has changes not deployed yet** (the request hash differs from the record's): rendered from Git now, with the deployed image.${deployed}`;
  if (target.basis === 'no-record')
    return '_No deploy record_ (deployed before helm-deploy wrote records, or by another tool): rendered from the drift config.';
  return undefined;
}

function renderTarget(target: TargetReport, maxRows: number): string[] {
  const lines = [`#### ${code(target.release)} in ${code(target.namespace)}`, ''];
  if (target.status === 'error') {
    lines.push(`**Not checked:** ${escapeText(target.error ?? 'unknown error')}`, '');
    return lines;
  }
  const basis = describeBasis(target);
  if (basis) lines.push(basis, '');
  if (target.changes.length === 0)
    lines.push(`No differences from revision ${target.deployedRevision ?? '?'}.`, '');
  for (const cls of ORDER) {
    const changes = target.changes.filter((change) => change.class === cls);
    if (changes.length === 0) continue;
    lines.push(`**${TITLES[cls]}** (${changes.length})`, '', table(cls, changes, maxRows), '');
  }
  if (target.ignored.length > 0) {
    const rows = target.ignored
      .slice(0, maxRows)
      .map((item) => [
        item.rule,
        describeObject(item.object),
        code(item.path || '(object)'),
        item.reason,
      ]);
    lines.push(
      `<details><summary>Ignored (${target.ignored.length})</summary>`,
      '',
      markdownTable(['rule', 'object', 'field', 'why'], rows),
      more(target.ignored.length, maxRows),
      '</details>',
      '',
    );
  }
  const remediation = target.remediation;
  if (remediation) {
    lines.push(`**Remediation** — ${remediation.method}`, '');
    for (const restored of remediation.restored) {
      lines.push(
        `- restored ${describeObject(restored.object)}: ${restored.fields.map(code).join(', ')}`,
      );
    }
    for (const failed of remediation.failed)
      lines.push(
        `- **failed**: ${escapeText(failed.error)}${failed.fix ? ` How to fix: ${escapeText(failed.fix)}` : ''}`,
      );
    for (const skipped of remediation.skipped.slice(0, maxRows)) {
      lines.push(
        `- left alone: ${describeObject(skipped.object)} ${code(skipped.path || '(object)')} — ${skipped.why}`,
      );
    }
    const after = target.after;
    lines.push(
      '',
      after && after.changes.length === 0
        ? 'After remediation: no differences.'
        : `After remediation: ${plural(after?.changes.length ?? 0, 'difference')} left.`,
      '',
    );
  }
  return lines;
}

function table(cls: DriftClass, changes: readonly ReportedChange[], maxRows: number): string {
  const shown = changes.slice(0, maxRows);
  const object = (change: ReportedChange) => describeObject(change.object);
  let text: string;
  switch (cls) {
    case 'changed-in-cluster':
      text = markdownTable(
        ['object', 'field', 'deployed', 'live', 'changed by'],
        shown.map((change) => [
          object(change),
          code(change.path),
          value(change, 'before'),
          value(change, 'after'),
          who(change),
        ]),
      );
      break;
    case 'not-deployed':
      text = markdownTable(
        ['object', 'field', 'deployed', 'in Git'],
        shown.map((change) => [
          object(change),
          change.path ? code(change.path) : objectChange(change),
          value(change, 'before'),
          value(change, 'after'),
        ]),
      );
      break;
    case 'missing-from-cluster':
      text = markdownTable(
        ['object', 'note'],
        shown.map((change) => [
          object(change),
          change.note ?? 'deleted (deletions leave no field manager; see the audit log for who)',
        ]),
      );
      break;
    case 'extra-in-cluster':
      text = markdownTable(
        ['object', 'created by'],
        shown.map((change) => [object(change), who(change)]),
      );
      break;
  }
  return `${text}${more(changes.length, maxRows)}`;
}

function objectChange(change: ReportedChange): string {
  return change.change === 'added'
    ? '(new object)'
    : change.change === 'removed'
      ? '(deleted by the next deploy)'
      : '(object)';
}

function value(change: ReportedChange, side: 'before' | 'after'): string {
  if (change.redacted) {
    const size = change.redacted[side];
    return size === undefined ? '(not set)' : `(secret, ${plural(size, 'byte')})`;
  }
  const text = change[side];
  return text === undefined ? '(not set)' : code(text);
}

function who(change: ReportedChange): string {
  const text = describeAttribution(change.manager);
  return change.note ? `${text} — ${change.note}` : text;
}

function more(total: number, shown: number): string {
  return total > shown ? `\n\n… and ${total - shown} more (see the JSON report)` : '';
}

/** Inline code that survives any content: a fence longer than any run of backticks inside. */
export function code(text: string): string {
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeText(text: string): string {
  return text.replace(
    /[<>@]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '@': '@\u200b' })[char] ?? char,
  );
}
