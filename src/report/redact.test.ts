import { afterEach, describe, expect, it, vi } from 'vitest';
import { masks } from '../../test/support/masks.js';
import {
  isSecretField,
  isSecretName,
  maskBasicAuth,
  maskSecret,
  REDACTED,
  secretCutter,
  secretValuesIn,
} from './redact.js';

afterEach(() => vi.restoreAllMocks());

describe('the one list of secret-looking names', () => {
  it.each([
    // environment variables (placeholders)
    'DB_PASSWORD',
    'GITHUB_TOKEN',
    'API_KEY',
    'APIKEY',
    'SSH_PRIVATE',
    'AWS_SECRET_ACCESS_KEY',
    'KEY',
    'DB_PASSWD',
    // keys in a manifest (drift)
    'password',
    'client-secret',
    'tls.key',
    'api-key',
    'certificate-key',
    'server.pem',
    'credentials',
    // inputs of a profile (inspec-verify)
    'admin_token',
  ])('%s looks like a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['replicas', 'image', 'MONKEY', 'keyboard', 'HOSTNAME', 'tls.crt', 'region', 'keys'])(
    '%s does not',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});

describe('which field of a Kubernetes object holds a secret', () => {
  it.each([
    ['Secret', ['data', 'password'], true],
    ['Secret', ['stringData', 'anything'], true],
    ['Secret', ['metadata', 'name'], false],
    ['ConfigMap', ['data', 'api-key'], true],
    ['ConfigMap', ['data', 'tls.key'], true],
    ['ConfigMap', ['data', 'region'], false],
    [
      'Deployment',
      [
        'spec',
        'containers',
        { key: 'name', value: 'web' },
        'env',
        { key: 'name', value: 'DB_PASSWORD' },
        'value',
      ],
      true,
    ],
    ['Deployment', ['spec', 'containers', 0, 'env', 1, 'value'], false],
    // The name of a referenced secret is not its content.
    ['Deployment', ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'secretKeyRef', 'name'], false],
    ['Pod', ['spec', 'imagePullSecrets', 0, 'name'], false],
  ] as const)('%s %j: %s', (kind, path, secret) => {
    expect(isSecretField(kind, path)).toBe(secret);
  });
});

describe('masking with the runner', () => {
  it('masks the value, each line of it, and its base64', () => {
    expect(masks(() => maskSecret('line-one\nline-two\n'))).toEqual(
      expect.arrayContaining([
        'line-one\nline-two\n'.replace(/\n/g, '%0A'),
        'line-one',
        'line-two',
        Buffer.from('line-one\nline-two\n').toString('base64'),
      ]),
    );
  });

  it('masks a basic-auth login as registries and docker see it', () => {
    expect(masks(() => maskBasicAuth('ci', 'pa55-word'))).toEqual(
      expect.arrayContaining(['pa55-word', Buffer.from('ci:pa55-word').toString('base64')]),
    );
  });
});

describe('cutting secret values out of text', () => {
  const cutter = secretCutter(['s3cr3t', 's3cr3t-longer', '42', 's3cr3t']);

  it('keeps each value once, longest first, and never a value too short to cut safely', () => {
    expect(cutter.values).toEqual(['s3cr3t-longer', 's3cr3t']);
  });

  it('cuts every occurrence, a longer secret whole', () => {
    expect(cutter.cut('a s3cr3t-longer, a s3cr3t and 42')).toBe(
      `a ${REDACTED}, a ${REDACTED} and 42`,
    );
    expect(cutter.holds('x s3cr3t y')).toBe(true);
    expect(cutter.holds('nothing here')).toBe(false);
  });

  it('cuts every string of a JSON value, in a copy', () => {
    const report = { messages: ['got s3cr3t'], nested: { value: 's3cr3t', count: 42 } };
    expect(cutter.cutDeep(report)).toEqual({
      messages: [`got ${REDACTED}`],
      nested: { value: REDACTED, count: 42 },
    });
    expect(report.nested.value).toBe('s3cr3t');
  });
});

describe('secret values in a nested map', () => {
  it('finds the values under a secret-looking key at any depth, dotted keys segment by segment', () => {
    expect(
      secretValuesIn({
        replicaCount: 2,
        'env.API_TOKEN': 'tok-1',
        db: { password: 'pw-2', host: 'db.internal' },
        auth: { apiKey: { value: 'key-3' } },
        list: [{ secret: 'in-list-4' }, 'plain'],
      }).sort(),
    ).toEqual(['in-list-4', 'key-3', 'pw-2', 'tok-1']);
  });

  it('nothing in a map without secret-looking keys', () => {
    expect(secretValuesIn({ image: { tag: '1.2.3' }, replicaCount: 2 })).toEqual([]);
  });
});
