import { getBoolean, getEnum, getList, getOptional, getSecret } from '../../../src/inputs.js';
import { UserError } from '../../../src/errors.js';

export const IF_EXISTS = ['skip', 'fail', 'overwrite'] as const;

/** Keys match action.yml exactly. */
export interface Inputs {
  chart: string;
  destination: string[];
  version: string | undefined;
  'app-version': string | undefined;
  'if-exists': (typeof IF_EXISTS)[number];
  username: string | undefined;
  password: string | undefined;
  'registry-ca': string | undefined;
  lint: boolean;
  'helm-version': string;
  'sign-key': string | undefined;
  'sign-passphrase': string | undefined;
}

export function getInputs(): Inputs {
  const destination = getList('destination', { commas: false });
  if (destination.length === 0) {
    throw new UserError('Input "destination" is required but was not set.', {
      fix: 'add `destination: oci://<registry>/<path>` (or an https:// chart repository) under `with:`.',
    });
  }
  return {
    chart: getOptional('chart') ?? 'chart',
    destination,
    version: getOptional('version'),
    'app-version': getOptional('app-version'),
    'if-exists': getEnum('if-exists', IF_EXISTS, 'skip'),
    username: getOptional('username'),
    password: getSecret('password'),
    'registry-ca': getOptional('registry-ca'),
    lint: getBoolean('lint', true),
    'helm-version': getOptional('helm-version') ?? 'v3.17.3',
    'sign-key': getSecret('sign-key'),
    'sign-passphrase': getSecret('sign-passphrase'),
  };
}
