import * as core from '../../../src/core.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'build-image';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    // Loaded once the inputs are read: a step with bad inputs fails before any of it.
    const [{ buildImage }, { writeBuildSummary }] = await Promise.all([
      import('./stage.js'),
      import('./summary.js'),
    ]);
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
