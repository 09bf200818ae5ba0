import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import type { ChartContent } from './content.js';
import { decide, type IfExists } from './immutability.js';

const content = (files: Record<string, string>, digest: string): ChartContent => ({
  name: 'storefront',
  digest,
  files: new Map(Object.entries(files)),
});
const ours = content({ 'Chart.yaml': 'a', 'templates/deployment.yaml': 'b' }, 'sha256:ours');
const same = content({ 'Chart.yaml': 'a', 'templates/deployment.yaml': 'b' }, 'sha256:ours');
const different = content({ 'Chart.yaml': 'a', 'templates/deployment.yaml': 'x' }, 'sha256:theirs');
const ref = 'oci://registry.example.com/charts/storefront:1.2.3';

function outcome(ifExists: IfExists, theirs: ChartContent | undefined) {
  try {
    return decide(ifExists, ours, { ref, version: '1.2.3', content: theirs });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
}

describe('when the version is already published', () => {
  it.each(['skip', 'fail', 'overwrite'] as const)('%s pushes a new version', (mode) => {
    expect(outcome(mode, undefined)).toEqual({ action: 'push', reason: 'new' });
  });

  it('skip keeps the same content as a no-op', () => {
    expect(outcome('skip', same)).toEqual({ action: 'keep', reason: 'same' });
  });

  it('skip refuses different content, naming the version, the place, the files and the way out', () => {
    const error = outcome('skip', different) as UserError;
    expect(error.message).toBe(
      `Chart storefront version 1.2.3 already exists at ${ref} with different content (changed: templates/deployment.yaml); a published version is never replaced.`,
    );
    expect(error.fix).toBe(
      'publish the change as a new version (bump `version` in Chart.yaml or the chart-version input); to replace 1.2.3 on purpose, set if-exists: overwrite.',
    );
  });

  it('fail refuses any existing version', () => {
    expect((outcome('fail', same) as UserError).message).toContain('with the same content');
    expect((outcome('fail', different) as UserError).message).toContain('with different content');
  });

  it('overwrite replaces different content and keeps the same', () => {
    expect(outcome('overwrite', different)).toEqual({
      action: 'push',
      reason: 'overwrite',
      difference: 'changed: templates/deployment.yaml',
    });
    expect(outcome('overwrite', same)).toEqual({ action: 'keep', reason: 'same' });
  });
});
