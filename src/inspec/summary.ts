import { formatLocation } from '../errors.js';
import { cell, markdownTable } from '../report/summary.js';
import type { Comparison } from './compare.js';
import { isFailing } from './compare.js';
import {
  failureMessages,
  SEVERITIES,
  STATUSES,
  type Control,
  type ControlStatus,
} from './controls.js';
import type { GateResult } from './gate.js';
import type { RawProfile } from './report.js';
import type { WaiverNote } from './waivers.js';

/** GitHub caps a step summary at 1 MiB; long lists are cut well before that. */
const MAX_LISTED_CONTROLS = 100;
const MAX_MESSAGE_CHARS = 400;

export interface SummaryView {
  tool: string;
  target: string;
  profiles: readonly RawProfile[];
  thresholdSource: string;
  gate: GateResult;
  controls: readonly Control[];
  waivers: readonly WaiverNote[];
  comparison: Comparison | undefined;
  notSelected: number;
}

const STATUS_LABEL: Record<ControlStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  not_applicable: 'not applicable (impact 0 or waived)',
  not_reviewed: 'not reviewed (skipped)',
  error: 'error',
  profile_error: 'no results (profile error)',
};

/** The job summary of a run that produced a report, in Markdown. */
export function renderSummary(view: SummaryView): string {
  const { gate } = view;
  const verdict = gate.ok ? '✅ Compliance gate passed' : '❌ Compliance gate failed';
  const parts = [
    `## ${verdict}: ${gate.compliance}% compliant`,
    `${view.tool} · target \`${view.target}\` · ${view.profiles.map(profileLabel).join(', ')} · thresholds from ${view.thresholdSource}`,
    countsTable(gate),
  ];
  if (view.notSelected > 0) {
    parts.push(
      `${view.notSelected} controls of dependencies were not selected by the wrapper profile and are not counted.`,
    );
  }
  if (gate.violations.length > 0) {
    parts.push(
      `### Threshold violations (${gate.violations.length})`,
      gate.violations
        .map(
          (v) =>
            `- \`${v.key}\`${v.where?.line ? ` (${formatLocation(v.where)})` : ''}: ${v.message}`,
        )
        .join('\n'),
    );
  }
  const failing = view.controls.filter((c) => isFailing(c.status));
  if (failing.length > 0)
    parts.push(`### Failing controls (${failing.length})`, failingTable(failing));
  if (view.waivers.length > 0)
    parts.push(`### Waivers (${view.waivers.length})`, waiverTable(view.waivers));
  if (view.comparison)
    parts.push('### Compared with the previous report', comparisonText(view.comparison));
  return `${parts.join('\n\n')}\n`;
}

/** The job summary of a run that ended without a verdict (the message says why). */
export function renderInfrastructureSummary(
  tool: string,
  target: string,
  message: string,
  fix?: string,
): string {
  return [
    '## ⚠️ Compliance was not evaluated',
    `${tool} · target \`${target}\``,
    message,
    fix ? `**How to fix:** ${fix}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** The job summary when an input (threshold file, target, profile…) stopped the run before the scan. */
export function renderInputErrorSummary(message: string, fix?: string): string {
  return [
    '## ❌ Compliance was not evaluated: an input needs fixing',
    message,
    fix ? `**How to fix:** ${fix}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

function profileLabel(profile: RawProfile): string {
  const status = profile.status && profile.status !== 'loaded' ? ` (${profile.status})` : '';
  return `profile \`${profile.name}\`${profile.version ? ` ${profile.version}` : ''}${status}`;
}

function countsTable(gate: GateResult): string {
  const header = ['Status', ...SEVERITIES, 'total'];
  const rows = STATUSES.map((status) => [
    STATUS_LABEL[status],
    ...SEVERITIES.map((s) => gate.counts.byStatusAndSeverity[status][s]),
    gate.counts.byStatus[status],
  ]);
  rows.push(['**all**', ...SEVERITIES.map((s) => totalFor(gate, s)), gate.counts.total]);
  return markdownTable(header, rows);
}

function totalFor(gate: GateResult, severity: (typeof SEVERITIES)[number]): number {
  return STATUSES.reduce(
    (sum, status) => sum + gate.counts.byStatusAndSeverity[status][severity],
    0,
  );
}

function failingTable(failing: readonly Control[]): string {
  const shown = failing.slice(0, MAX_LISTED_CONTROLS);
  const table = markdownTable(
    ['Control', 'Severity', 'Status', 'Title', 'Messages'],
    shown.map((c) => [
      c.id,
      c.severity,
      STATUS_LABEL[c.status],
      c.title,
      clip(failureMessages(c).join('\n')),
    ]),
  );
  return failing.length > shown.length
    ? `${table}\n\n… and ${failing.length - shown.length} more in the JSON report.`
    : table;
}

function waiverTable(waivers: readonly WaiverNote[]): string {
  const rows = waivers
    .slice(0, MAX_LISTED_CONTROLS)
    .map((w) => [
      w.control.id,
      STATUS_LABEL[w.control.status],
      clip(w.justification),
      w.expirationDate ?? 'never',
      waiverState(w),
    ]);
  return markdownTable(['Control', 'Status', 'Justification', 'Expires', ''], rows);
}

function waiverState(waiver: WaiverNote): string {
  switch (waiver.state) {
    case 'expired':
      return '⛔ expired: the control counts again';
    case 'expiring':
      return `⚠️ expires ${waiver.daysLeft === 0 ? 'today' : `in ${waiver.daysLeft} day${waiver.daysLeft === 1 ? '' : 's'}`}`;
    case 'no-expiry':
      return 'no expiry date';
    case 'active':
      return `${waiver.daysLeft} days left`;
  }
}

function comparisonText(comparison: Comparison): string {
  const list = (controls: readonly Control[]) =>
    controls
      .slice(0, MAX_LISTED_CONTROLS)
      .map((c) => `\`${c.id}\``)
      .join(', ');
  const lines = [
    `- **${comparison.newFailures.length} new failures**${comparison.newFailures.length ? `: ${list(comparison.newFailures)}` : ''}`,
    `- **${comparison.fixed.length} fixed**${comparison.fixed.length ? `: ${list(comparison.fixed.map((f) => f.control))}` : ''}`,
    `- ${comparison.stillFailing} still failing`,
  ];
  if (comparison.nowUnchecked.length) {
    lines.push(
      `- ${comparison.nowUnchecked.length} failing before and skipped now (not shown fixed): ${list(comparison.nowUnchecked)}`,
    );
  }
  if (comparison.disappeared.length) {
    lines.push(
      `- ${comparison.disappeared.length} failing before and absent now: ${comparison.disappeared
        .slice(0, MAX_LISTED_CONTROLS)
        .map((id) => `\`${cell(id)}\``)
        .join(', ')}`,
    );
  }
  return lines.join('\n');
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}
