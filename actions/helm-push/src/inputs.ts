import { UserError } from '../../../src/errors.js';
import { IF_EXISTS, type IfExists } from '../../../src/helm/immutability.js';
import { getBoolean, getEnum, getList, getOptional, getSecret } from '../../../src/inputs.js';
import { maskSecret } from '../../../src/report/redact.js';

export { IF_EXISTS };

/** Keys match action.yml exactly. */
export interface Inputs {
  chart: string;
  destination: string[];
  'chart-version': string | undefined;
  'app-version': string | undefined;
  'if-exists': IfExists;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
  lint: boolean;
  'helm-version': string | undefined;
  'helm-download-url': string | undefined;
  'sign-key': string | undefined;
  'sign-passphrase': string | undefined;
}

export function getInputs(): Inputs {
  // Secrets first, so nothing below can print them unmasked.
  const password = getSecret('registry-password');
  const signKey = getSecret('sign-key');
  maskSecret(signKey);
  const signPassphrase = getSecret('sign-passphrase');
  const destination = getList('destination', { commas: false });
  if (destination.length === 0) {
    throw new UserError('Input "destination" is required but was not set.', {
      fix: 'add `destination: oci://<registry>/<path>` (or an https:// chart repository) under `with:`.',
    });
  }
  return {
    chart: getOptional('chart') ?? 'chart',
    destination,
    'chart-version': getOptional('chart-version'),
    'app-version': getOptional('app-version'),
    'if-exists': getEnum('if-exists', IF_EXISTS, 'skip'),
    'registry-username': getOptional('registry-username'),
    'registry-password': password,
    'registry-ca': getOptional('registry-ca'),
    lint: getBoolean('lint', true),
    'helm-version': getOptional('helm-version'),
    'helm-download-url': getOptional('helm-download-url'),
    'sign-key': signKey,
    'sign-passphrase': signPassphrase,
  };
}
