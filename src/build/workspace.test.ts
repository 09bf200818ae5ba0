import { chownSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuilderImage } from './catalog.js';
import { prepareWorkspace } from './workspace.js';

const builder = { user: '10001:10001' } as BuilderImage;
const asRoot = process.getuid?.() === 0;

function checkout(owner?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-ws-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'a.txt'), 'a');
  if (owner !== undefined)
    for (const p of [dir, join(dir, 'src'), join(dir, 'src', 'a.txt')]) chownSync(p, owner, owner);
  return dir;
}

describe('where the build steps run', () => {
  it('a checkout owned by a user (a runner user): mounted as it is, the steps run as that user', async () => {
    // As root, give the checkout to uid 1001 (GitHub's runner user); otherwise it is already ours.
    const owner = asRoot ? 1001 : process.getuid!();
    const dir = checkout(asRoot ? owner : undefined);
    const group = asRoot ? owner : process.getgid!();
    expect(await prepareWorkspace(dir, builder, mkdtempSync(join(tmpdir(), 'pa-t-')))).toEqual({
      dir,
      user: `${owner}:${group}`,
      copied: false,
      home: '/tmp',
    });
  });

  // Only root can own a checkout by root (a self-hosted runner running as root).
  it.runIf(asRoot)(
    "a checkout owned by root: a copy given to the builder's non-root user",
    async () => {
      const dir = checkout();
      const temp = mkdtempSync(join(tmpdir(), 'pa-t-'));
      const workspace = await prepareWorkspace(dir, builder, temp);
      expect(workspace).toEqual({
        dir: join(temp, 'workspace'),
        user: '10001:10001',
        copied: true,
        home: undefined,
      });
      expect(statSync(join(workspace.dir, 'src', 'a.txt')).uid).toBe(10001);
      expect(statSync(join(dir, 'src', 'a.txt')).uid).toBe(0);
    },
  );
});
