import * as core from '@actions/core';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { verify } from './stage.js';

export const ACTION_NAME = 'inspec-verify';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    // Until a verdict says otherwise: a failure on the way must never read as ok.
    core.setOutput('ok', 'false');
    const { outputs, failure } = await verify(inputs);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
    if (failure) throw failure;
  });
}
