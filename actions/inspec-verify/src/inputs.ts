import { getEnum, getList, getOptional, getRequired, getSecret } from '../../../src/inputs.js';

export const TOOLS = ['cinc-auditor', 'inspec'] as const;

/** Keys match action.yml exactly. */
export interface Inputs {
  profile: string;
  target: string;
  environment: string | undefined;
  manifest: string;
  'inputs-file': string | undefined;
  'sensitive-inputs': string[];
  threshold: string | undefined;
  tool: (typeof TOOLS)[number];
  'tool-version': string;
  executable: string | undefined;
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
    tool: getEnum('tool', TOOLS, 'cinc-auditor'),
    'tool-version': getOptional('tool-version') ?? '6.8.24',
    executable: getOptional('executable'),
    'license-key': getSecret('license-key'),
    'previous-report': getOptional('previous-report'),
    sarif: getOptional('sarif'),
    junit: getOptional('junit'),
  };
}
