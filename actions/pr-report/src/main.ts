import * as core from '../../../src/core.js';
import { parseNeeds, renderReport } from '../../../src/github/pr-report.js';
import { writeSummary } from '../../../src/report/summary.js';
import { runAction } from '../../../src/run.js';
import { readSubject } from './event.js';
import { getInputs } from './inputs.js';
import { publishReport } from './stage.js';

export const ACTION_NAME = 'pr-report';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    const subject = readSubject(inputs);
    const report = renderReport(parseNeeds(inputs.needs), {
      sha: subject.sha,
      runUrl: subject.runUrl,
      key: inputs.key,
    });
    core.setOutput('conclusion', report.conclusion);
    core.info(`${report.conclusion}: ${report.title}`);
    await writeSummary((summary) => summary.addRaw(report.comment, true));
    await publishReport(inputs, subject, report);
  });
}
