import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserErrors } from '../errors.js';
import { PlaceholderContext } from '../template/context.js';
import { expandSet, renderValues } from './values.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-values-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const context = () =>
  new PlaceholderContext()
    .set('APP_NAME', 'storefront', { source: 'default.json' })
    .set('INSTANCES_MIN', 2, { source: 'default.json' })
    .set('DB_PASSWORD', 's3cr3t-value', { source: 'env', secret: true });

describe('values files are templated for helm', () => {
  it('fills placeholders with their types, passes untemplated files through, and writes the set map last (0600)', () => {
    const dir = workspace({
      'values.yaml': 'name: "%%APP_NAME%%"\nreplicas: "%%INSTANCES_MIN%%"\n',
      'plain.yaml': 'mode: 0644\n',
    });
    const scratch = mkdtempSync(join(tmpdir(), 'pa-values-out-'));
    const rendered = renderValues({
      files: ['values.yaml', 'plain.yaml'],
      set: {
        'db.password': '%%DB_PASSWORD%%',
        'ingress.annotations.kubernetes\\.io/tls-acme': 'true',
      },
      workspace: dir,
      context: context(),
      scratch,
    });
    expect(rendered.files).toHaveLength(3);
    expect(JSON.parse(readFileSync(rendered.files[0]!, 'utf8'))).toEqual({
      name: 'storefront',
      replicas: 2,
    });
    // A file without placeholders goes to helm as it is (helm reads 0644 as octal itself).
    expect(rendered.files[1]).toBe(join(dir, 'plain.yaml'));
    expect(JSON.parse(readFileSync(rendered.files[2]!, 'utf8'))).toEqual({
      db: { password: 's3cr3t-value' },
      ingress: { annotations: { 'kubernetes.io/tls-acme': 'true' } },
    });
    expect(statSync(rendered.files[2]!).mode & 0o777).toBe(0o600);
    expect(rendered.placeholders).toEqual(['APP_NAME', 'DB_PASSWORD', 'INSTANCES_MIN']);
    // The texts as read, for the deploy record (which does not read the files again).
    expect(rendered.texts).toEqual([
      'name: "%%APP_NAME%%"\nreplicas: "%%INSTANCES_MIN%%"\n',
      'mode: 0644\n',
    ]);
  });

  it('lists every unresolved placeholder of every file and of set, each with where it is, in one error', () => {
    const dir = workspace({
      'values.yaml': 'a: "%%APP_NAME%%"\nb: "%%REGION%%"\n',
      'values-dev.yaml': 'c:\n  d: "x-%%TEAM%%"\n',
    });
    try {
      renderValues({
        files: ['values.yaml', 'values-dev.yaml'],
        set: { e: '%%ZONE%%' },
        workspace: dir,
        context: context(),
        scratch: mkdtempSync(join(tmpdir(), 'pa-values-out-')),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserErrors);
      const errors = (error as UserErrors).errors;
      expect(errors.map((e) => [e.message, e.location?.file, e.location?.line])).toEqual([
        ['%%REGION%% has no value.', 'values.yaml', 2],
        ['%%TEAM%% has no value.', 'values-dev.yaml', 2],
        ['%%ZONE%% has no value.', 'input "set" (e)', undefined],
      ]);
      expect((error as Error).message).toMatch(/^3 placeholders have no value:/);
    }
  });

  it('reports a missing values file by the name the workflow gave', () => {
    expect(() =>
      renderValues({
        files: ['deploy/nope.yaml'],
        set: {},
        workspace: workspace({}),
        context: context(),
        scratch: tmpdir(),
      }),
    ).toThrow('Values file deploy/nope.yaml does not exist.');
  });

  it('expands dotted keys into nested maps and merges keys that share a parent', () => {
    expect(
      expandSet(
        { 'image.tag': '1.2', 'image.pullPolicy': 'Always', replicas: 3, 'a\\.b': { c: 1 } },
        context(),
      ),
    ).toEqual({ image: { tag: '1.2', pullPolicy: 'Always' }, replicas: 3, 'a.b': { c: 1 } });
  });
});
