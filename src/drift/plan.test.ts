import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { shopRecord } from '../../test/support/recorded-release.js';
import { recordObject } from '../record/record.js';
import type { StoredRevision } from '../release/storage.js';
import { decodeRecord, decodeRevision, inShard, parseShard } from './plan.js';

describe('shards', () => {
  it('parses k/n and refuses anything else with the input named', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('')).toBeUndefined();
    for (const bad of ['0/8', '9/8', '3', 'a/b', '3/0']) {
      expect(() => parseShard(bad)).toThrow(UserError);
      expect(() => parseShard(bad)).toThrow(/Input "shard"/);
    }
  });

  it('puts every release in exactly one shard, the same one whatever else is deployed', () => {
    const releases = Array.from({ length: 1000 }, (_, i) => `r-${i}`);
    const sizes = Array.from({ length: 8 }, () => 0);
    for (const release of releases) {
      const shards = [1, 2, 3, 4, 5, 6, 7, 8].filter((index) =>
        inShard({ index, count: 8 }, 'ns', release),
      );
      expect(shards).toHaveLength(1);
      sizes[(shards[0] as number) - 1] = (sizes[(shards[0] as number) - 1] ?? 0) + 1;
    }
    // Roughly even: each of 8 shards holds 125 ± 40 of 1,000.
    for (const size of sizes) expect(Math.abs(size - 125)).toBeLessThan(40);
    expect(inShard(undefined, 'ns', 'r-1')).toBe(true);
  });
});

// Planning from the records in Helm's real storage: plan.itg.test.ts.
describe('planning from records', () => {
  const record = (release: string) => shopRecord(release, 'shop-dev', 'dev');
  const stored = (release: string, chartDocument: string): StoredRevision => ({
    name: release,
    namespace: 'shop-dev',
    revision: 1,
    status: 'deployed',
    labels: {},
    object: `Secret sh.helm.release.v1.${release}.v1`,
    decode: () => ({
      name: release,
      namespace: 'shop-dev',
      version: 1,
      manifest: `---\n${chartDocument}\n---\n${JSON.stringify(recordObject(record(release)))}\n`,
      info: { status: 'deployed', description: '', lastDeployed: undefined },
      chart: { name: 'chart', version: '1.0.0', appVersion: undefined },
      labels: {},
    }),
  });
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n';

  it("reads a release's record without parsing the chart's objects", () => {
    const revision = stored('shop', 'kind: [unclosed');
    expect(decodeRecord(revision)?.release).toBe('shop');
    expect(() => decodeRevision(revision)).toThrow(/not valid YAML/);
    expect(
      decodeRecord({ ...revision, decode: () => ({ ...revision.decode(), manifest: configMap }) }),
    ).toBeUndefined();
  });
});
