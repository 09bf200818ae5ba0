import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import {
  decodeRelease,
  ReleaseDecodeError,
  releaseStates,
  storageDriver,
  type StoredRevision,
} from './storage.js';

// Helm's encoding (storage/driver/util.go): JSON, gzip, base64; a Secret's data is base64 again.
function encode(release: object, secret: boolean): string {
  const once = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return secret ? Buffer.from(once).toString('base64') : once;
}

const release = {
  name: 'shop',
  namespace: 'shop-dev',
  version: 3,
  manifest: '---\nkind: ConfigMap\n',
  info: {
    status: 'deployed',
    description: 'Upgrade complete',
    last_deployed: '2026-01-01T00:00:00Z',
  },
  chart: { metadata: { name: 'shop', version: '1.2.3', appVersion: '4.5.6' } },
  labels: { 'pipeline-actions.dev/app': 'shop' },
};

describe('decodeRelease', () => {
  it('reads the Secret driver (base64 twice, gzip) and the ConfigMap driver (base64 once)', () => {
    for (const secret of [true, false]) {
      const body = decodeRelease(encode(release, secret), secret, 'Secret x');
      expect(body).toMatchObject({
        name: 'shop',
        version: 3,
        manifest: release.manifest,
        info: { status: 'deployed', description: 'Upgrade complete' },
        chart: { name: 'shop', version: '1.2.3', appVersion: '4.5.6' },
        labels: { 'pipeline-actions.dev/app': 'shop' },
      });
    }
  });

  it('reads a release stored without gzip (older helm)', () => {
    const plain = Buffer.from(JSON.stringify(release)).toString('base64');
    expect(decodeRelease(plain, false, 'ConfigMap x').name).toBe('shop');
  });

  it('names the object it cannot read', () => {
    expect(() => decodeRelease(undefined, true, 'Secret a')).toThrow(ReleaseDecodeError);
    expect(() =>
      decodeRelease(Buffer.from('not json').toString('base64'), false, 'ConfigMap b'),
    ).toThrow(/ConfigMap b does not hold a Helm release/);
  });
});

describe('storageDriver', () => {
  it('reads HELM_DRIVER as helm does and refuses the SQL driver clearly', () => {
    expect(storageDriver(undefined)).toBe('secret');
    expect(storageDriver('configmaps')).toBe('configmap');
    expect(() => storageDriver('sql')).toThrow(UserError);
    expect(() => storageDriver('sql')).toThrow(/SQL database, outside the cluster/);
    expect(() => storageDriver('memory')).toThrow(/not a storage driver/);
  });
});

describe('releaseStates', () => {
  const revision = (name: string, number: number, status: string): StoredRevision => ({
    name,
    namespace: 'ns',
    revision: number,
    status,
    labels: {},
    object: `${name}.v${number}`,
    decode: () => {
      throw new Error('not needed');
    },
  });

  it('takes the highest revision as current and the highest deployed one', () => {
    const states = releaseStates([
      revision('a', 2, 'deployed'),
      revision('a', 3, 'pending-upgrade'),
      revision('b', 1, 'deployed'),
    ]);
    expect(states.get('ns/a')?.current?.revision).toBe(3);
    expect(states.get('ns/a')?.deployed?.revision).toBe(2);
    expect(states.get('ns/b')?.current?.revision).toBe(1);
  });
});
