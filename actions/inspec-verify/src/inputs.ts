import {
  getBoolean,
  getEnum,
  getList,
  getOptional,
  getRequired,
  getSecret,
} from '../../../src/inputs.js';
import { PRODUCTS } from '../../../src/inspec/tool.js';

/** Keys match action.yml exactly. */
export interface Inputs {
  profile: string;
  target: string;
  environment: string | undefined;
  manifest: string;
  'inputs-file': string | undefined;
  'sensitive-inputs': string[];
  threshold: string | undefined;
  'waiver-file': string | undefined;
  tool: (typeof PRODUCTS)[number];
  'inspec-version': string | undefined;
  executable: string | undefined;
  install: boolean;
  'inspec-download-url': string | undefined;
  'license-key': string | undefined;
  'previous-report': string | undefined;
  sarif: string | undefined;
  junit: string | undefined;
}

export function getInputs(): Inputs {
  return {
    profile: getRequired('profile'),
    target: getOptional('target') ?? 'local',
    environment: getOptional('environment'),
    manifest: getOptional('manifest') ?? 'default.json',
    'inputs-file': getOptional('inputs-file'),
    'sensitive-inputs': getList('sensitive-inputs'),
    threshold: getOptional('threshold'),
    'waiver-file': getOptional('waiver-file'),
    tool: getEnum('tool', PRODUCTS, 'cinc-auditor'),
    'inspec-version': getOptional('inspec-version'),
    executable: getOptional('executable'),
    install: getBoolean('install', true),
    'inspec-download-url': getOptional('inspec-download-url'),
    'license-key': getSecret('license-key'),
    'previous-report': getOptional('previous-report'),
    sarif: getOptional('sarif'),
    junit: getOptional('junit'),
  };
}
