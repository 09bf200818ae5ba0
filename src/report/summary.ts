import * as core from '../core.js';

export type SummaryBuilder = typeof core.summary;

/**
 * Writes to the job summary when the runner provides one; outside a runner
 * (a local run, the demo without GITHUB_STEP_SUMMARY) it prints nothing and
 * does not fail.
 */
export async function writeSummary(build: (summary: SummaryBuilder) => void): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  core.summary.emptyBuffer();
  build(core.summary);
  await core.summary.write();
  return true;
}

/** Escapes text for a Markdown table cell. */
export function cell(text: string | number | boolean | undefined): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** A Markdown table from a header row and data rows, escaped. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string {
  const line = (cells: readonly (string | number | boolean | undefined)[]) =>
    `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `1 package`, `3 packages`: a count with its noun (`many` where it is not just an added s). */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
