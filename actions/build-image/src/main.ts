import * as core from '@actions/core';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';
import { buildImage } from './stage.js';
import { writeBuildSummary } from './summary.js';

export const ACTION_NAME = 'build-image';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    const outcome = await buildImage(inputs);
    core.setOutput('image', outcome.image);
    core.setOutput('tags', outcome.tags.join(','));
    core.setOutput('digest', outcome.digest ?? '');
    core.setOutput('ref', outcome.digest ? `${outcome.image}@${outcome.digest}` : '');
    core.setOutput('version', outcome.version);
    core.setOutput('base-ref', outcome.baseRef);
    core.setOutput('rebuilt', String(outcome.rebuilt));
    core.setOutput('reason', outcome.reason);
    core.setOutput('sbom-ref', outcome.sbom?.ref ?? '');
    await writeBuildSummary(outcome);
    core.info(
      `${outcome.rebuilt ? 'Built' : 'Reused'} ${outcome.image}:${outcome.version}${outcome.digest ? `@${outcome.digest}` : ''} (reason: ${outcome.reason}).`,
    );
  });
}
