import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { peakRssBytes } from './peak-rss.js';

const MiB = 1024 * 1024;

it('is at least what the process holds now', () => {
  expect(peakRssBytes()).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.9);
});

it("is the process's own peak, not that of the big process it was started from (which getrusage's maxRSS keeps)", () => {
  const held = Buffer.alloc(256 * MiB, 1); // resident in this (parent) process
  const module = join(import.meta.dirname, 'peak-rss.ts');
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { peakRssBytes } = await import(${JSON.stringify(module)});
       console.log(JSON.stringify({ ours: peakRssBytes(), maxRSS: process.resourceUsage().maxRSS * 1024 }));`,
    ],
    { encoding: 'utf8' },
  );
  const child = JSON.parse(out) as { ours: number; maxRSS: number };
  expect(held.length).toBe(256 * MiB);
  expect(child.maxRSS).toBeGreaterThan(256 * MiB); // what the report said before
  expect(child.ours).toBeLessThan(128 * MiB);
});
