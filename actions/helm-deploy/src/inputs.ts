import {
  getBoolean,
  getDurationSeconds,
  getList,
  getOptional,
  getRequired,
  getSecret,
  getYamlMap,
} from '../../../src/inputs.js';
import { maskSecret, secretValuesIn } from '../../../src/report/redact.js';

/** Keys match action.yml exactly. */
export interface Inputs {
  chart: string;
  'chart-version': string | undefined;
  'app-version': string | undefined;
  'repository-url': string | undefined;
  environment: string;
  manifest: string;
  release: string | undefined;
  namespace: string | undefined;
  'create-namespace': boolean;
  values: string[];
  set: Record<string, unknown>;
  image: string | undefined;
  'build-version': string | undefined;
  kustomize: string | undefined;
  'allow-mutable-tags': boolean;
  wait: boolean;
  /** Seconds. */
  timeout: number;
  atomic: boolean;
  'recover-pending': boolean;
  /** Seconds; undefined: twice the timeout plus a minute. */
  'recover-pending-after': number | undefined;
  'dry-run': boolean;
  'render-only': boolean;
  rendered: string | undefined;
  /** Content (masked by the stage, credentials and all) or a path. */
  kubeconfig: string | undefined;
  kubectl: string;
  'helm-version': string | undefined;
  'helm-download-url': string | undefined;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
}

export function getInputs(): Inputs {
  return {
    chart: getRequired('chart'),
    'chart-version': getOptional('chart-version'),
    'app-version': getOptional('app-version'),
    'repository-url': getOptional('repository-url'),
    environment: getRequired('environment'),
    manifest: getOptional('manifest') ?? 'default.json',
    release: getOptional('release'),
    namespace: getOptional('namespace'),
    'create-namespace': getBoolean('create-namespace', false),
    values: getList('values', { commas: false }),
    set: maskedSet(getYamlMap('set')),
    image: getOptional('image'),
    'build-version': getOptional('build-version'),
    kustomize: getOptional('kustomize'),
    'allow-mutable-tags': getBoolean('allow-mutable-tags', false),
    wait: getBoolean('wait', true),
    timeout: getDurationSeconds('timeout', 300),
    atomic: getBoolean('atomic', true),
    'recover-pending': getBoolean('recover-pending', false),
    'recover-pending-after': getOptional('recover-pending-after')
      ? getDurationSeconds('recover-pending-after', 0)
      : undefined,
    'dry-run': getBoolean('dry-run', false),
    'render-only': getBoolean('render-only', false),
    rendered: getOptional('rendered'),
    kubeconfig: getOptional('kubeconfig'),
    kubectl: getOptional('kubectl') ?? 'kubectl',
    'helm-version': getOptional('helm-version'),
    'helm-download-url': getOptional('helm-download-url'),
    'registry-username': getOptional('registry-username'),
    'registry-password': getSecret('registry-password'),
    'registry-ca': getOptional('registry-ca'),
  };
}

/** `set` values under a secret-looking key are masked as soon as they are read (the runner masks logs only). */
function maskedSet(set: Record<string, unknown>): Record<string, unknown> {
  for (const value of secretValuesIn(set)) maskSecret(value);
  return set;
}
