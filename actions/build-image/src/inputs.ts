import {
  getBoolean,
  getEnum,
  getInteger,
  getList,
  getOptional,
  getRequired,
  getSecret,
} from '../../../src/inputs.js';
import { CACHE_MODES } from '../../../src/build/cache.js';

export const PACKAGE_FORMATS = ['files', 'deb'] as const;
/** catalog: the mode the catalog's policy says; enforce or warn override it. */
export const POLICY_INPUTS = ['catalog', 'enforce', 'warn'] as const;

/** Keys match action.yml exactly. */
export interface Inputs {
  manifest: string;
  registry: string;
  catalog: string;
  context: string;
  package: (typeof PACKAGE_FORMATS)[number];
  'channel-tags': string[];
  push: boolean;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
  cache: (typeof CACHE_MODES)[number];
  retries: number;
  policy: (typeof POLICY_INPUTS)[number];
  sbom: boolean;
}

export function getInputs(): Inputs {
  return {
    manifest: getOptional('manifest') ?? 'default.json',
    registry: getRequired('registry'),
    catalog: getRequired('catalog'),
    context: getOptional('context') ?? '.',
    package: getEnum('package', PACKAGE_FORMATS, 'files'),
    'channel-tags': getList('channel-tags'),
    push: getBoolean('push', true),
    'registry-username': getOptional('registry-username'),
    'registry-password': getSecret('registry-password'),
    'registry-ca': getOptional('registry-ca'),
    cache: getEnum('cache', CACHE_MODES, 'gha'),
    retries: getInteger('retries', 4, { min: 1, max: 10 }),
    policy: getEnum('policy', POLICY_INPUTS, 'catalog'),
    sbom: getBoolean('sbom', true),
  };
}
