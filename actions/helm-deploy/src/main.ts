import * as core from '../../../src/core.js';
import { runAction } from '../../../src/run.js';
import { getInputs } from './inputs.js';

export const ACTION_NAME = 'helm-deploy';

export async function run(): Promise<void> {
  await runAction(ACTION_NAME, async () => {
    const inputs = getInputs();
    // Loaded once the inputs are read: a step with bad inputs fails before any of it. The
    // reports are loaded where they are written, after the deploy's first requests.
    const { deploy } = await import('./stage.js');
    try {
      const outcome = await deploy(inputs);
      core.setOutput('release', outcome.release);
      core.setOutput('namespace', outcome.namespace);
      core.setOutput('revision', outcome.revision === undefined ? '' : String(outcome.revision));
      core.setOutput('status', outcome.status);
      core.setOutput('images', outcome.images.map((image) => image.pinned).join(','));
      for (const image of outcome.images) {
        if (image.unchecked === undefined) continue;
        core.notice(
          `Image ${image.image} (used by ${image.usedBy.join(', ')}) is deployed as pinned, without checking that its registry has that digest: ${image.unchecked.replace(/\.$/, '')}.`,
          { title: 'Pinned image not checked' },
        );
      }
      core.setOutput('changed', String(outcome.changed));
      if (outcome.manifest !== undefined) core.setOutput('manifest', outcome.manifest);
      if (outcome.diffText) {
        core.startGroup(outcome.dryRun ? 'What would change' : 'What changed');
        core.info(outcome.diffText);
        core.endGroup();
      }
      const { writeDeploySummary } = await import('./summary.js');
      await writeDeploySummary(outcome);
    } catch (error) {
      const { DeployFailed } = await import('../../../src/deploy/explain.js');
      if (error instanceof DeployFailed) {
        core.setOutput('release', error.release);
        core.setOutput('namespace', error.namespace);
        core.setOutput('status', 'failed');
        const { writeFailureSummary } = await import('./summary.js');
        await writeFailureSummary(error);
      }
      throw error;
    }
  });
}
