import * as core from '../../../src/core.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'helm-push';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    // Loaded once the inputs are read: a step with bad inputs fails before any of it.
    const [{ pushChart }, { writePushSummary }] = await Promise.all([
      import('./stage.js'),
      import('./summary.js'),
    ]);
    const outcome = await pushChart(inputs);
    // `ref` and `digest` are the first destination's (the contract has one of each).
    const first = outcome.destinations[0];
    core.setOutput('chart', outcome.chart);
    core.setOutput('version', outcome.version);
    core.setOutput('ref', first?.ref ?? '');
    core.setOutput('digest', first?.digest ?? '');
    core.setOutput(
      'pushed',
      String(outcome.destinations.some((destination) => destination.result !== 'unchanged')),
    );
    await writePushSummary(outcome);
  });
}
