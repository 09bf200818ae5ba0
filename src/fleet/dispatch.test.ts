import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { GitHubDouble } from '../../test/support/github-double.js';
import { FleetDispatcher } from './dispatch.js';
import type { FleetApp } from './fleet-file.js';

// The dispatches of a fleet rebuild on the GitHub API double, which checks
// each request against GitHub's OpenAPI description and against the workflow
// file it starts: here the pipeline starter teams copy (workflows/pipeline.yml).
const STARTER = readFileSync(new URL('../../workflows/pipeline.yml', import.meta.url), 'utf8');
const TOKEN = 'ghs_fleet-dispatch';

const app = (repository: string, workflow = 'pipeline.yml', ref = 'main'): FleetApp => ({
  repository,
  image: `ghcr.io/${repository}`,
  workflow,
  ref,
  where: { file: 'fleet.yaml', line: 1 },
});

describe('dispatching a rebuild through the GitHub API', () => {
  let github: GitHubDouble;
  beforeEach(async () => {
    github = await GitHubDouble.start({
      token: TOKEN,
      repository: 'acme/platform',
      repositories: ['acme/storefront', 'acme/ledger'],
    });
    github.seedWorkflow('acme/storefront', 'pipeline.yml', STARTER);
    github.seedWorkflow('acme/ledger', 'pipeline.yml', STARTER);
  });
  afterEach(() => github.close());

  it("starts the app's pipeline starter on its ref with the new catalog", async () => {
    const dispatcher = new FleetDispatcher({ token: TOKEN, apiUrl: github.url });
    const catalog = 'https://platform.example.test/standard-images.yaml';
    expect(await dispatcher.dispatch(app('acme/storefront'), { catalog })).toBe('main');
    expect(await dispatcher.dispatch(app('acme/ledger', 'pipeline.yml', 'release'), {})).toBe(
      'release',
    );
    github.assertNoViolations();
    expect(github.dispatches).toEqual([
      { repository: 'acme/storefront', workflow: 'pipeline.yml', ref: 'main', inputs: { catalog } },
      { repository: 'acme/ledger', workflow: 'pipeline.yml', ref: 'release', inputs: {} },
    ]);
    expect(github.writes()).toEqual([
      'POST /repos/acme/storefront/actions/workflows/pipeline.yml/dispatches',
      'POST /repos/acme/ledger/actions/workflows/pipeline.yml/dispatches',
    ]);
  });

  it('a workflow the repository does not have is a user error naming the repository', async () => {
    const dispatcher = new FleetDispatcher({ token: TOKEN, apiUrl: github.url });
    const error = await failure(dispatcher.dispatch(app('acme/storefront', 'deliver.yml'), {}));
    expect(error.message).toBe(
      'GitHub did not let the token POST /repos/acme/storefront/actions/workflows/{workflow_id}/dispatches (404: Not Found).',
    );
    expect(error.fix).toMatch(/actions: write.*in acme\/storefront/);
    expect(github.dispatches).toEqual([]);
  });

  it('an input the starter does not declare is refused as GitHub refuses it', async () => {
    const dispatcher = new FleetDispatcher({ token: TOKEN, apiUrl: github.url });
    await expect(dispatcher.dispatch(app('acme/storefront'), { reason: 'base' })).rejects.toThrow(
      /Unexpected inputs provided: \["reason"\]/,
    );
    expect(github.dispatches).toEqual([]);
  });

  it('a token that may not start workflows there: 403 says which permission', async () => {
    github.fail({
      status: 403,
      message: 'Resource not accessible by integration',
      match: /dispatches/,
    });
    const dispatcher = new FleetDispatcher({ token: TOKEN, apiUrl: github.url });
    const error = await failure(dispatcher.dispatch(app('acme/ledger'), {}));
    expect(error.message).toMatch(/acme\/ledger.*\(403: Resource not accessible by integration\)/);
    expect(error.fix).toMatch(/permissions: actions: write/);
  });
});

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
