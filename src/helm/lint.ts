import { join } from 'node:path';
import { UserError, UserErrors, type SourceLocation } from '../errors.js';
import type { ChartDirectory } from './chart.js';

/**
 * `helm lint` output as findings on the chart's files. Both majors print
 * `[LEVEL] <path>: <message>` lines; helm 4 continues long messages on
 * indented lines, helm 3 with a tab. Where a problem is comes from the
 * message: `<chart>/templates/x.yaml:6:15` (template execution, helm 3 and 4),
 * `parse error at (<chart>/templates/x.tpl:2)`, or `yaml: line 12` (a YAML
 * error in the file the finding names; for a template, the line of its
 * rendered output).
 */

export type LintLevel = 'error' | 'warning' | 'info';

export interface LintFinding {
  level: LintLevel;
  /** The path helm printed, relative to the chart (`templates/`, `Chart.yaml`, or empty). */
  path: string;
  message: string;
  /** The file the finding is about, relative to the chart root, when known. */
  file?: string;
  line?: number;
  column?: number;
}

const FINDING = /^\[(ERROR|WARNING|INFO)\]\s([^:]*):\s?(.*)$/;
const LEVELS: Record<string, LintLevel> = { ERROR: 'error', WARNING: 'warning', INFO: 'info' };

export function parseLintOutput(output: string): LintFinding[] {
  const findings: LintFinding[] = [];
  let current: { level: LintLevel; path: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) findings.push(locate(current.level, current.path, current.lines.join('\n')));
    current = undefined;
  };
  for (const raw of output.split(/\r?\n/)) {
    const match = FINDING.exec(raw);
    if (match) {
      flush();
      const [, level = 'INFO', path = '', message = ''] = match;
      current = { level: LEVELS[level] ?? 'info', path: path.trim(), lines: [message.trim()] };
    } else if (current && /^\s+\S/.test(raw)) {
      current.lines.push(raw.trim());
    } else {
      flush();
    }
  }
  flush();
  return findings;
}

function locate(level: LintLevel, path: string, message: string): LintFinding {
  const finding: LintFinding = { level, path, message };
  // `<chart>/templates/x.yaml:6:15` or `(<chart>/charts/sub/templates/_h.tpl:2)`
  const template =
    /(?:^|[\s(<"])[^\s/():"]+\/((?:charts\/[^\s/():"]+\/)*templates\/[^\s():"]+?):(\d+)(?::(\d+))?(?=[\s):"]|$)/.exec(
      message,
    );
  if (template) {
    finding.file = template[1];
    finding.line = Number(template[2]);
    if (template[3] !== undefined) finding.column = Number(template[3]);
    return finding;
  }
  if (path !== '' && !path.endsWith('/')) finding.file = path;
  const yamlLine = /\bline (\d+)\b/.exec(message);
  if (finding.file && yamlLine) finding.line = Number(yamlLine[1]);
  return finding;
}

/** Where a finding is, in the workspace; a Chart.yaml finding naming a key points at its line. */
export function findingLocation(
  finding: LintFinding,
  chart: ChartDirectory,
): SourceLocation | undefined {
  if (!finding.file) return undefined;
  const location: SourceLocation = { file: join(chart.dir, finding.file) };
  let line = finding.line;
  if (line === undefined && finding.file === 'Chart.yaml') {
    const key = /^([A-Za-z]+)\b/.exec(finding.message)?.[1];
    if (key) line = chart.lineOf(key);
  }
  if (line !== undefined) location.line = line;
  if (finding.column !== undefined) location.column = finding.column;
  return location;
}

/** The errors of a failed lint as one UserErrors, each at its file and line. */
export function lintErrors(findings: readonly LintFinding[], chart: ChartDirectory): UserErrors {
  const errors = findings
    .filter((finding) => finding.level === 'error')
    .map((finding) => {
      const location = findingLocation(finding, chart);
      return new UserError(`helm lint: ${finding.message.replace(/\n\s*/g, ' ')}`, {
        fix: fixFor(finding),
        ...(location ? { location } : {}),
      });
    });
  const list =
    errors.length > 0
      ? errors
      : [
          new UserError('helm lint failed without naming a problem.', {
            fix: `run \`helm lint ${chart.dir}\` locally to see why.`,
          }),
        ];
  return new UserErrors(
    `helm lint found ${list.length} error${list.length === 1 ? '' : 's'} in chart ${chart.name}; nothing was packaged or pushed:`,
    list,
  );
}

function fixFor(finding: LintFinding): string {
  if (/yaml: line/.test(finding.message)) {
    return finding.file?.startsWith('templates/')
      ? 'correct the YAML the template renders (the line is that of the rendered output; `helm template` shows it).'
      : 'correct the YAML at that line.';
  }
  if (/nil pointer|executing|parse error|function .* not defined/.test(finding.message)) {
    return 'correct the template at that line, or give the value it reads a default.';
  }
  if (/SemVer/i.test(finding.message)) return 'use a semantic version such as 1.2.3.';
  return 'correct the chart as the message says; `helm lint` shows the same locally.';
}
