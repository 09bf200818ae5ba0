import { getBoolean, getOptional, getRequired, getSecret } from '../../../src/inputs.js';
import { UserError } from '../../../src/errors.js';

/** Keys match action.yml exactly. */
export interface Inputs {
  needs: string;
  'github-token': string;
  name: string;
  key: string;
  'pull-request': number | undefined;
  sha: string | undefined;
  comment: boolean;
  'check-run': boolean;
}

export function getInputs(): Inputs {
  const token = getSecret('github-token');
  if (!token) {
    throw new UserError('Input "github-token" is empty.', {
      fix: 'leave it unset (the job token is the default) or pass a token with checks: write and pull-requests: write.',
    });
  }
  const pullRequest = getOptional('pull-request');
  if (pullRequest !== undefined && !/^[1-9]\d{0,9}$/.test(pullRequest)) {
    throw new UserError(
      `Input "pull-request" must be a pull request number, not "${pullRequest}".`,
      {
        fix: 'set `pull-request: ${{ github.event.pull_request.number }}` or leave it unset.',
      },
    );
  }
  return {
    needs: getRequired('needs'),
    'github-token': token,
    name: getOptional('name') ?? 'pipeline-actions',
    key: getOptional('key') ?? 'pr-checks',
    'pull-request': pullRequest === undefined ? undefined : Number(pullRequest),
    sha: getOptional('sha'),
    comment: getBoolean('comment', true),
    'check-run': getBoolean('check-run', true),
  };
}
