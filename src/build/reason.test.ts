import { describe, expect, it } from 'vitest';
import type { BuildRecord } from './labels.js';
import { changedBase, rebuildReason } from './reason.js';

const record: BuildRecord = {
  contentHash: 'c',
  sourcesHash: 's',
  configHash: 'k',
  runtime: { name: 'r/runtime', digest: 'sha256:1' },
  builder: { name: 'r/builder', digest: 'sha256:2' },
};

describe('why an image is rebuilt', () => {
  it.each<[string, Partial<BuildRecord> | undefined, string]>([
    ['no earlier image', undefined, 'commit'],
    ['other sources', { sourcesHash: 'x' }, 'commit'],
    [
      'other sources and base',
      { sourcesHash: 'x', runtime: { name: 'r/runtime', digest: 'sha256:9' } },
      'commit',
    ],
    ['other configuration', { configHash: 'x' }, 'config'],
    ['another runtime digest', { runtime: { name: 'r/runtime', digest: 'sha256:9' } }, 'base'],
    ['another builder digest', { builder: { name: 'r/builder', digest: 'sha256:9' } }, 'base'],
    ['an earlier image without a builder', { builder: undefined }, 'base'],
  ])('%s: %s', (_what, previous, reason) => {
    expect(rebuildReason(record, previous && { ...record, ...previous })).toBe(reason);
  });

  it('names the base that changed, the runtime first', () => {
    const oldRuntime = { ...record, runtime: { name: 'r/runtime', digest: 'sha256:0' } };
    expect(changedBase(record, oldRuntime)).toEqual(record.runtime);
    expect(
      changedBase(record, { ...record, builder: { name: 'r/builder', digest: 'sha256:0' } }),
    ).toEqual(record.builder);
    expect(changedBase(record, record)).toBeUndefined();
  });
});
