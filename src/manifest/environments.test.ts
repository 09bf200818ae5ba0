import { describe, expect, it } from 'vitest';
import { caught, UserError } from '../../test/fixtures/manifest/helpers.js';
import { environmentNames, environmentNamespace, parseManifest } from './index.js';

const manifest = parseManifest(
  JSON.stringify({
    namespace: 'payments',
    application: { name: 'checkout-api', type: 'http_api', version: '1.0.0' },
    environments: { prod: { namespace: 'payments' }, qa: {} },
  }),
  'default.json',
);

describe('environment namespaces', () => {
  it('has dev, stage and prod, then the environments the manifest adds', () => {
    expect(environmentNames(manifest)).toEqual(['dev', 'stage', 'prod', 'qa']);
  });

  it.each([
    ['dev', 'payments-dev'],
    ['stage', 'payments-stage'],
    ['prod', 'payments'],
    ['qa', 'payments-qa'],
    ['perf', 'payments-perf'],
  ])('deploys %s to %s', (environment, namespace) => {
    expect(environmentNamespace(manifest, environment)).toBe(namespace);
  });

  it('does not mistake inherited object properties for environments', () => {
    expect(environmentNamespace(manifest, 'constructor')).toBe('payments-constructor');
  });

  it.each(['Prod', 'pre_prod', 'x'.repeat(60)])(
    'rejects %s, which makes no valid namespace',
    async (environment) => {
      const error = await caught(() => environmentNamespace(manifest, environment));

      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ location: { file: 'default.json' } });
      expect((error as UserError).fix).toContain('under "environments" in default.json');
    },
  );
});
