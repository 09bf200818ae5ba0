import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBundle } from '../../../test/support/runner.js';

/**
 * A catalog the standard-images bundle cannot read is one clear message whose
 * annotation GitHub can attach: its file property is the path as given,
 * never the path with what the file is ("(the previous catalog)"). Nothing is
 * contacted: the catalogs are read first.
 */

const DIGEST = `sha256:${'a'.repeat(64)}`;
const PINNED = `apiVersion: pipeline-actions/v1
runtimes:
  http_html:
    image: registry.example.com/standard/runtime-http@${DIGEST}
    user: '10001:10001'
    port: 8080
`;

const workspace = mkdtempSync(join(tmpdir(), 'pa-standard-images-bad-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('standard-images with a catalog it cannot read', () => {
  it('previous-catalog is the unpinned template: said so, with how to get a pinned one, annotated on the file path alone', async () => {
    writeFileSync(join(workspace, 'catalog.yaml'), PINNED);
    cpSync(join(REPO_ROOT, 'catalog', 'standard-images.yaml'), join(workspace, 'previous.yaml'));
    const run = await runBundle(
      'standard-images',
      { catalog: 'catalog.yaml', 'previous-catalog': 'previous.yaml' },
      { workspace },
    );
    expect(run.exitCode).toBe(1);
    // The annotation on the file; the step's own failure line carries no file.
    const errors = run.annotations.filter(
      (annotation) => annotation.level === 'error' && annotation.properties.file !== undefined,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties.file).toBe('previous.yaml');
    expect(Number(errors[0]!.properties.line)).toBeGreaterThan(1);
    expect(errors[0]!.message).toContain(
      'The standard-image catalog previous.yaml (the previous catalog) is the unpublished template',
    );
    expect(errors[0]!.message).toContain('scripts/pin-catalog.ts');
  });

  it('a broken previous catalog: each problem at its line and column of the file path', async () => {
    writeFileSync(join(workspace, 'catalog.yaml'), PINNED);
    writeFileSync(
      join(workspace, 'broken.yaml'),
      PINNED.replace("user: '10001:10001'", "usr: '10001:10001'"),
    );
    const run = await runBundle(
      'standard-images',
      { catalog: 'catalog.yaml', 'previous-catalog': 'broken.yaml' },
      { workspace },
    );
    expect(run.exitCode).toBe(1);
    const files = run.annotations
      .filter((annotation) => annotation.level === 'error')
      .map((annotation) => `${annotation.properties.file}:${annotation.properties.line}`);
    expect(files).toContain('broken.yaml:5');
  });
});
