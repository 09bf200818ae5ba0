import * as core from '../../../src/core.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'inspec-verify';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    // Loaded once the inputs are read: a step with bad inputs fails before any of it.
    const { verify } = await import('./stage.js');
    // Until a verdict says otherwise: a failure on the way must never read as ok.
    core.setOutput('ok', 'false');
    const { outputs, failure } = await verify(inputs);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
    if (failure) throw failure;
  });
}
