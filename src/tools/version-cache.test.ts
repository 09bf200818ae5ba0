import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolVersionCache } from './version-cache.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-versions-'));
  dirs.push(dir);
  return dir;
}

describe('tool version cache', () => {
  it('remembers a version per binary, and forgets it when the binary is replaced', () => {
    const dir = scratch();
    const cache = new ToolVersionCache(join(dir, 'cache'));
    const binary = join(dir, 'helm');
    writeFileSync(binary, 'helm 3');
    expect(cache.get(binary)).toBeUndefined();
    cache.set(binary, 'v3.17.3');
    expect(cache.get(binary)).toBe('v3.17.3');
    expect(new ToolVersionCache(join(dir, 'cache')).get(binary), 'a later run').toBe('v3.17.3');

    // Replaced in place (another size, another time): asked again.
    writeFileSync(binary, 'helm 4, a longer binary');
    utimesSync(binary, new Date(), new Date(Date.now() + 5000));
    expect(cache.get(binary)).toBeUndefined();
  });

  it('keeps binaries apart, even identical copies at other paths', () => {
    const dir = scratch();
    const cache = new ToolVersionCache(join(dir, 'cache'));
    writeFileSync(join(dir, 'a'), 'same');
    copyFileSync(join(dir, 'a'), join(dir, 'b'));
    cache.set(join(dir, 'a'), 'v4.1.4');
    expect(cache.get(join(dir, 'b'))).toBeUndefined();
  });

  it('a missing binary or an unwritable cache is only "not cached"', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'helm'), 'x');
    // A cache directory below a file can never be made.
    const cache = new ToolVersionCache(join(dir, 'helm', 'cache'));
    expect(() => cache.set(join(dir, 'helm'), 'v3.17.3')).not.toThrow();
    expect(cache.get(join(dir, 'helm'))).toBeUndefined();
    expect(new ToolVersionCache(join(dir, 'cache')).get(join(dir, 'missing'))).toBeUndefined();
  });
});
