// A stand-in for docker/build-push-action's start-up (its published bundle
// cannot be fetched here). It loads the same library the action bundles,
// @docker/actions-toolkit, through the same modules its main.ts and
// context.ts import, reads inputs the way the action does, and then does
// what the action does first: print the runtime token's access controls and
// run `docker version`. Bundled with ncc (as the action was until v6), it
// measures what loading that toolkit costs before the first real work.
import * as core from '@actions/core';
import * as actionsToolkit from '@docker/actions-toolkit';
import { Build } from '@docker/actions-toolkit/lib/buildx/build.js';
import { Buildx } from '@docker/actions-toolkit/lib/buildx/buildx.js';
import { History } from '@docker/actions-toolkit/lib/buildx/history.js';
import { Context } from '@docker/actions-toolkit/lib/context.js';
import { Docker } from '@docker/actions-toolkit/lib/docker/docker.js';
import { Exec } from '@docker/actions-toolkit/lib/exec.js';
import { GitHub } from '@docker/actions-toolkit/lib/github/github.js';
import { Toolkit } from '@docker/actions-toolkit/lib/toolkit.js';
import { Util } from '@docker/actions-toolkit/lib/util.js';

actionsToolkit.run(async () => {
  const inputs = {
    context: core.getInput('context') || Context.tmpDir(),
    file: core.getInput('file'),
    tags: Util.getInputList('tags'),
    labels: Util.getInputList('labels'),
    buildArgs: Util.getInputList('build-args', { ignoreComma: true }),
    push: core.getBooleanInput('push'),
  };
  core.debug(`inputs: ${JSON.stringify(inputs)}`);
  const toolkit = new Toolkit();
  core.debug(
    `toolkit: ${[Build, Buildx, History, Exec].map((part) => part.name).join(', ')} ${typeof toolkit.buildx}`,
  );
  await core.group('GitHub Actions runtime token ACs', async () => {
    try {
      await GitHub.printActionsRuntimeTokenACs();
    } catch (error) {
      core.warning(error.message);
    }
  });
  await core.group('Docker info', async () => {
    await Docker.printVersion();
  });
});
