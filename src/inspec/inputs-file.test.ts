import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { UserErrors } from '../errors.js';
import { PlaceholderContext } from '../template/index.js';
import { renderInputsFile } from './inputs-file.js';

function template(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
  writeFileSync(join(dir, 'inputs.yml'), text);
  return dir;
}

function context(): PlaceholderContext {
  return new PlaceholderContext()
    .set('APP_NAME', 'storefront', { source: 'default.json' })
    .set('INSTANCES_MIN', 2, { source: 'default.json' })
    .set('DB_PASSWORD', 'pa55-word', { secret: true, source: 'environment variable' })
    .set('REGION', 'eu-west-1', { source: 'environment variable' });
}

describe('the inputs file', () => {
  it('is rendered with the shared placeholder rules, typed, and written for this job only', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = template(
      'app: "%%APP_NAME%%"\nreplicas: "%%INSTANCES_MIN%%"\ndb:\n  password: "%%DB_PASSWORD%%"\n  host: "db.%%REGION%%.internal"\nbanner: "hello"\n',
    );
    const rendered = await renderInputsFile(
      join(dir, 'inputs.yml'),
      'inputs.yml',
      context(),
      ['banner'],
      dir,
    );
    const masks = write.mock.calls
      .map(([t]) => String(t).trim())
      .filter((t) => t.startsWith('::add-mask::'));
    write.mockRestore();
    expect(load(readFileSync(rendered.path, 'utf8'))).toEqual({
      app: 'storefront',
      replicas: 2,
      db: { password: 'pa55-word', host: 'db.eu-west-1.internal' },
      banner: 'hello',
    });
    expect(statSync(rendered.path).mode & 0o777).toBe(0o600);
    // db holds a secret placeholder; banner is named in sensitive-inputs.
    expect([...rendered.sensitiveNames].sort()).toEqual(['banner', 'db']);
    expect(rendered.secretValues.sort()).toEqual(['db.eu-west-1.internal', 'hello', 'pa55-word']);
    expect(masks).toEqual(
      expect.arrayContaining(['::add-mask::hello', '::add-mask::db.eu-west-1.internal']),
    );
  });

  it('names every placeholder without a value, at its line', async () => {
    const dir = template('a: "%%APP_NAME%%"\nb: "%%NOPE%%"\nc: "x-%%ALSO_NOPE%%"\n');
    const error = await renderInputsFile(
      join(dir, 'inputs.yml'),
      'inputs.yml',
      context(),
      [],
      dir,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).errors.map((e) => [e.message, e.location?.line])).toEqual([
      ['%%NOPE%% has no value.', 2],
      ['%%ALSO_NOPE%% has no value.', 3],
    ]);
  });

  it('must be a mapping of input names, as InSpec reads --input-file', async () => {
    const dir = template('- a\n- b\n');
    await expect(
      renderInputsFile(join(dir, 'inputs.yml'), 'inputs.yml', context(), [], dir),
    ).rejects.toThrow('The inputs file inputs.yml must be a mapping of input names to values.');
    await expect(
      renderInputsFile(join(dir, 'missing.yml'), 'missing.yml', context(), [], dir),
    ).rejects.toThrow(/^The inputs file missing\.yml cannot be read: /);
  });
});
