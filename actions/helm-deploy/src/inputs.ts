import {
  getBoolean,
  getDurationSeconds,
  getList,
  getOptional,
  getRequired,
  getSecret,
  getYamlMap,
} from '../../../src/inputs.js';

/** Keys match action.yml exactly. */
export interface Inputs {
  chart: string;
  version: string | undefined;
  environment: string;
  manifest: string;
  release: string | undefined;
  namespace: string | undefined;
  values: string[];
  set: Record<string, unknown>;
  image: string | undefined;
  kustomize: string | undefined;
  'allow-mutable-tags': boolean;
  wait: boolean;
  /** Seconds. */
  timeout: number;
  atomic: boolean;
  'recover-pending': boolean;
  'dry-run': boolean;
  kubeconfig: string | undefined;
  'helm-version': string;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
}

export function getInputs(): Inputs {
  return {
    chart: getRequired('chart'),
    version: getOptional('version'),
    environment: getRequired('environment'),
    manifest: getOptional('manifest') ?? 'default.json',
    release: getOptional('release'),
    namespace: getOptional('namespace'),
    values: getList('values', { commas: false }),
    set: getYamlMap('set'),
    image: getOptional('image'),
    kustomize: getOptional('kustomize'),
    'allow-mutable-tags': getBoolean('allow-mutable-tags', false),
    wait: getBoolean('wait', true),
    timeout: getDurationSeconds('timeout', 300),
    atomic: getBoolean('atomic', true),
    'recover-pending': getBoolean('recover-pending', false),
    'dry-run': getBoolean('dry-run', false),
    kubeconfig: getSecret('kubeconfig'),
    'helm-version': getOptional('helm-version') ?? 'v3.17.3',
    'registry-username': getOptional('registry-username'),
    'registry-password': getSecret('registry-password'),
    'registry-ca': getOptional('registry-ca'),
  };
}
