import { join } from 'node:path';
import { UserError, UserErrors, type SourceLocation } from '../errors.js';
import type { LintFinding } from '../tools/helm/lint-output.js';
import type { ChartDirectory } from './chart.js';

/*
 * A failed `helm lint` as errors at the chart's files. The Helm wrapper reads
 * helm's output into findings (src/tools/helm/lint-output.ts); this is what
 * they mean for a chart in the workspace.
 */

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
