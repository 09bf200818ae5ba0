import {
  getBoolean,
  getEnum,
  getInteger,
  getList,
  getOptional,
  getRequired,
  getSecret,
} from '../../../src/inputs.js';

export const MODES = ['report', 'fail', 'remediate'] as const;

/** Keys match action.yml exactly. */
export interface Inputs {
  environment: string;
  /** YAML text (a template): the targets inline. */
  targets: string | undefined;
  config: string;
  /** Whether `config` was set (a missing default file is then no error of its own). */
  configExplicit: boolean;
  manifest: string;
  manifestExplicit: boolean;
  mode: (typeof MODES)[number];
  /** YAML text: more ignore rules. */
  ignore: string | undefined;
  /** Content (masked first thing) or a path. */
  kubeconfig: string | undefined;
  kubectl: string;
  'helm-version': string | undefined;
  'helm-download-url': string | undefined;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
  concurrency: number;
  /** `k/n`: check only the k-th of n stable shards of the targets. */
  shard: string | undefined;
  /** A directory of shard reports to merge into one (no cluster access). */
  'merge-reports': string | undefined;
  'github-token': string | undefined;
  issue: boolean;
  'issue-labels': string[];
  'webhook-url': string | undefined;
}

export const DEFAULT_CONFIG = '.github/drift.yml';
export const DEFAULT_MANIFEST = 'default.json';

export function getInputs(): Inputs {
  const config = getOptional('config');
  const manifest = getOptional('manifest');
  return {
    environment: getRequired('environment'),
    targets: getOptional('targets'),
    config: config ?? DEFAULT_CONFIG,
    // `shop/.github/drift.yml` (the reusable workflow's per-app default) is as optional as the default.
    configExplicit:
      config !== undefined && !`/${config.replace(/^\.\//, '')}`.endsWith(`/${DEFAULT_CONFIG}`),
    manifest: manifest ?? DEFAULT_MANIFEST,
    manifestExplicit: manifest !== undefined && manifest !== DEFAULT_MANIFEST,
    mode: getEnum('mode', MODES, 'report'),
    ignore: getOptional('ignore'),
    kubeconfig: getOptional('kubeconfig'),
    kubectl: getOptional('kubectl') ?? 'kubectl',
    'helm-version': getOptional('helm-version'),
    'helm-download-url': getOptional('helm-download-url'),
    'registry-username': getOptional('registry-username'),
    'registry-password': getSecret('registry-password'),
    'registry-ca': getOptional('registry-ca'),
    concurrency: getInteger('concurrency', 8, { min: 1, max: 64 }),
    shard: getOptional('shard'),
    'merge-reports': getOptional('merge-reports'),
    'github-token': getSecret('github-token'),
    issue: getBoolean('issue', true),
    'issue-labels': getList('issue-labels'),
    'webhook-url': getSecret('webhook-url'),
  };
}
