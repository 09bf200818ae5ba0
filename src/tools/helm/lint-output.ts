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
