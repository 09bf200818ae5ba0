import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/runner.js';
// @ts-expect-error plain .mjs script without type declarations
import { expectedReadme, staleReadmes } from '../../scripts/action-docs.mjs';

describe('action READMEs list every input and output of action.yml', () => {
  it('are in step with action.yml (run `npm run docs` if this fails)', async () => {
    const stale = (await staleReadmes()) as { name: string }[];
    expect(stale.map((s) => s.name)).toEqual([]);
  });

  it('would catch an input added to action.yml but not to the README', async () => {
    const dir = join(REPO_ROOT, 'actions', 'helm-push');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const actionYml = readFileSync(join(dir, 'action.yml'), 'utf8').replace(
      'inputs:\n',
      "inputs:\n  new-input:\n    description: 'Added later.'\n    default: 'x'\n",
    );
    const expected = (await expectedReadme(readme, actionYml, join(dir, 'README.md'))) as string;
    expect(expected).not.toBe(readme);
    expect(expected).toMatch(/\| `new-input` +\| no +\| `x` +\| Added later\. +\|/);
  });
});
