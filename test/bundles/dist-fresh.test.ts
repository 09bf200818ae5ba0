import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without type declarations
import { staleBundles } from '../../scripts/check-dist.mjs';

// A `uses:` line runs the committed bundle as it is: it must be exactly what
// the sources build to today (scripts/check-dist.mjs builds into a temporary
// directory and compares file by file; the release refuses a stale one too).
describe('committed bundles', () => {
  it('equal a fresh build, file for file', { timeout: 300_000 }, () => {
    expect(staleBundles(), 'stale files: run npm run build').toEqual([]);
  });
});
