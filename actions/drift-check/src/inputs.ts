import {
  getBoolean,
  getEnum,
  getOptional,
  getRequired,
  getSecret,
  getYaml,
} from '../../../src/inputs.js';

export const MODES = ['report', 'fail', 'remediate'] as const;

/** Keys match action.yml exactly. */
export interface Inputs {
  environment: string;
  targets: unknown;
  config: string;
  manifest: string;
  mode: (typeof MODES)[number];
  kubeconfig: string | undefined;
  'helm-version': string;
  'github-token': string | undefined;
  issue: boolean;
  'webhook-url': string | undefined;
}

export function getInputs(): Inputs {
  return {
    environment: getRequired('environment'),
    targets: getYaml('targets'),
    config: getOptional('config') ?? '.github/drift.yml',
    manifest: getOptional('manifest') ?? 'default.json',
    mode: getEnum('mode', MODES, 'report'),
    kubeconfig: getSecret('kubeconfig'),
    'helm-version': getOptional('helm-version') ?? 'v3.17.3',
    'github-token': getSecret('github-token'),
    issue: getBoolean('issue', true),
    'webhook-url': getSecret('webhook-url'),
  };
}
