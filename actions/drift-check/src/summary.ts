import * as core from '../../../src/core.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { headline, renderMarkdown } from '../../../src/drift/summary.js';
import { writeSummary } from '../../../src/report/summary.js';

/** The outputs of the contract and the job summary (within the runner's 1 MiB). */
export async function reportDrift(report: DriftReport, reportPath: string): Promise<void> {
  core.setOutput('report', reportPath);
  core.setOutput('status', report.status);
  if (report.status !== 'error') {
    core.setOutput('drifted', String(report.count > 0));
    core.setOutput('count', String(report.count));
  }
  const restored = report.targets.reduce(
    (total, target) => total + (target.remediation?.restored.length ?? 0),
    0,
  );
  core.setOutput('remediated', String(restored));
  core.info(headline(report));
  await writeSummary((summary) => summary.addRaw(renderMarkdown(report, 900_000)));
}
