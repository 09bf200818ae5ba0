import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { inShard, parseShard } from './plan.js';

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
