// bench/results.json keeps the latest result of every benchmark (with the
// machine it ran on and when); bench/RESULTS.md is rendered from it after
// every run, so `--only <name>` refreshes one section and keeps the others.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { MACHINE_LABELS } from './machine.mjs';
import { BENCH } from './paths.mjs';

export const RESULTS_JSON = join(BENCH, 'results.json');
export const RESULTS_MD = join(BENCH, 'RESULTS.md');

export function loadResults() {
  if (!existsSync(RESULTS_JSON)) return { sections: {} };
  return JSON.parse(readFileSync(RESULTS_JSON, 'utf8'));
}

/** Both files, formatted as the repository's prettier config says (so `npm run lint` passes on them). */
export async function saveResults(results, definitions) {
  const pretty = async (file, text) =>
    format(text, { ...(await resolveConfig(file)), filepath: file });
  writeFileSync(RESULTS_JSON, await pretty(RESULTS_JSON, JSON.stringify(results)));
  writeFileSync(RESULTS_MD, await pretty(RESULTS_MD, renderResults(results, definitions)));
}

function escapeCell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function table(headers, rows) {
  return [
    `| ${headers.map(escapeCell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

function verdict(met) {
  if (met === true) return 'met';
  if (met === false) return '**missed**';
  return met ?? '—';
}

/** One section as Markdown: what `npm run bench` prints and RESULTS.md holds. */
export function renderSection(definition, section) {
  const lines = [`## ${definition.title}`, ''];
  lines.push(`Reproduce: \`${definition.command}\``, '');
  if (section.pending) {
    lines.push(`**Pending** (${section.date}): ${section.pending}`, '');
    return lines.join('\n');
  }
  if (section.failed) {
    lines.push(`**Failed** in the run of ${section.date}:`, '', '```', section.failed, '```', '');
    return lines.join('\n');
  }
  lines.push(
    `Measured ${section.date} on ${section.machine?.cpu ?? 'this machine'}; ${section.runs} measured runs per row after ${section.warmups} warm-up${section.warmups === 1 ? '' : 's'}, medians shown.${section.load ? ` The machine is shared with other engineers' work: its 1-minute load average was ${section.load.average} on ${section.load.cores} cores when this section started; compare the ratios of rows measured side by side.` : ''}`,
    '',
  );
  for (const part of section.tables ?? []) {
    if (part.caption) lines.push(`${part.caption}:`, '');
    lines.push(table(part.headers, part.rows), '');
  }
  for (const note of section.notes ?? []) lines.push(`- ${note}`);
  if ((section.notes ?? []).length > 0) lines.push('');
  return lines.join('\n');
}

export function summaryRows(definitions, results) {
  const rows = [];
  for (const definition of definitions) {
    const section = results.sections[definition.name];
    if (!section) {
      rows.push([definition.title, 'not run yet', '', '', '', '', `\`${definition.command}\``]);
      continue;
    }
    if (section.pending || section.failed) {
      const state = section.pending ? 'pending' : 'failed';
      rows.push([definition.title, state, '', '', '', state, `\`${definition.command}\``]);
      continue;
    }
    for (const row of section.summary ?? []) {
      rows.push([
        row.row,
        row.ours,
        row.baseline,
        row.ratio,
        row.target,
        verdict(row.met),
        `\`${definition.command}\``,
      ]);
    }
  }
  return rows;
}

export function renderResults(results, definitions) {
  const lines = [
    '# Benchmark results',
    '',
    '<!-- Written by `npm run bench` (bench/run.mjs) from bench/results.json; do not edit by hand. -->',
    '',
    'Each stage side by side with what a user would run instead, on the local environment',
    '(`test/env/up`), in one run; see [README.md](README.md) for how each row is measured.',
    'A ratio is ours ÷ theirs: below 1 means ours is faster or smaller.',
    '',
    '## Summary',
    '',
    table(
      ['row', 'ours', 'baseline', 'ratio', 'target', 'verdict', 'reproduce'],
      summaryRows(definitions, results),
    ),
    '',
  ];
  const missed = [];
  for (const definition of definitions) {
    for (const row of results.sections[definition.name]?.summary ?? []) {
      if (row.met === false) missed.push(`- **${row.row}**: ${row.why ?? 'missed'}`);
    }
  }
  if (missed.length > 0)
    lines.push('### Targets missed, by how much, and what bounds them', '', ...missed, '');
  const machines = definitions
    .map((definition) => results.sections[definition.name]?.machine)
    .filter(Boolean);
  if (machines.length > 0) {
    const machine = machines[0];
    lines.push('## Machine', '');
    lines.push(
      table(
        ['', ''],
        Object.entries(MACHINE_LABELS).map(([key, label]) => [label, machine[key] ?? '']),
      ),
      '',
    );
    const others = machines.filter((other) => JSON.stringify(other) !== JSON.stringify(machine));
    if (others.length > 0) {
      lines.push(
        'Some sections were measured in another run; each section names its date, and the versions above are those of the first.',
        '',
      );
    }
  }
  for (const definition of definitions) {
    const section = results.sections[definition.name];
    if (section) lines.push(renderSection(definition, section));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
