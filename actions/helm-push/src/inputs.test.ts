import { afterEach, describe, expect, it } from 'vitest';
import { actionMetadata, inputVariable } from '../../../test/support/runner.js';
import { getInputs } from './inputs.js';

// The defaults a workflow sees in action.yml are the ones the code uses.
const inputs = actionMetadata('helm-push').inputs ?? {};

afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});

describe('helm-push inputs', () => {
  it('leaves the helm version and download location to the code (empty defaults)', () => {
    expect(inputs['helm-version']?.default).toBe('');
    expect(inputs['helm-download-url']?.default).toBe('');
  });

  it('reads several destinations, one per line, and the defaults', () => {
    process.env[inputVariable('destination')] =
      'oci://ghcr.io/acme/charts\nhttps://charts.example.com\n';
    expect(getInputs()).toMatchObject({
      chart: 'chart',
      destination: ['oci://ghcr.io/acme/charts', 'https://charts.example.com'],
      'if-exists': 'skip',
      lint: true,
      'helm-version': undefined,
    });
  });

  it('refuses an unknown if-exists with the allowed values', () => {
    process.env[inputVariable('destination')] = 'oci://ghcr.io/acme/charts';
    process.env[inputVariable('if-exists')] = 'replace';
    expect(() => getInputs()).toThrow(
      'Input "if-exists" is "replace", which is not one of: skip, fail, overwrite.',
    );
  });
});
