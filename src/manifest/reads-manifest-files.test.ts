import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caught, UserError, UserErrors } from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, MAX_MANIFEST_BYTES, parseManifest } from './index.js';

const VALID =
  '{ "namespace": "a", "application": { "name": "b", "type": "worker", "version": "1.0.0" } }';

describe('reading the manifest file', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'manifest-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('says where it looked when there is no file, and that the manifest input can point elsewhere', async () => {
    const missing = join(directory, 'default.json');

    const error = await caught(() => loadManifest(missing));

    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      message: `No manifest found at ${missing}.`,
      fix: 'add a default.json at the repository root, or set the action\'s "manifest" input to the path of yours.',
    });
  });

  it('rejects a directory', async () => {
    await mkdir(join(directory, 'default.json'));

    const error = await caught(() =>
      loadManifest(join(directory, 'default.json'), { displayPath: 'default.json' }),
    );

    expect(error).toMatchObject({
      message: `The manifest path ${join(directory, 'default.json')} is not a file.`,
      location: { file: 'default.json' },
    });
  });

  it('refuses a file over 1 MiB without reading it all', async () => {
    const file = join(directory, 'default.json');
    await writeFile(file, `${VALID}${' '.repeat(MAX_MANIFEST_BYTES)}`);

    const error = await caught(() => loadManifest(file, { displayPath: 'default.json' }));

    expect(error).toMatchObject({
      message: `default.json is ${MAX_MANIFEST_BYTES + VALID.length} bytes; a manifest may be at most 1048576 bytes (1 MiB).`,
      fix: 'check that the "manifest" input points at default.json and not at another file.',
    });
  });

  it('refuses text over 1 MiB given to parseManifest', async () => {
    const error = await caught(() =>
      parseManifest(`${VALID}${' '.repeat(MAX_MANIFEST_BYTES)}`, 'default.json'),
    );

    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^default\.json is \d+ bytes; a manifest may be at most 1048576 bytes/,
    );
  });

  it('rejects a file that is not UTF-8', async () => {
    const file = join(directory, 'default.json');
    await writeFile(file, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));

    const error = await caught(() => loadManifest(file, { displayPath: 'default.json' }));

    expect(error).toMatchObject({
      message: 'default.json is not valid UTF-8 text.',
      fix: 'save the file as UTF-8.',
    });
  });

  it('hashes the bytes of the file, byte-order mark included', async () => {
    const file = join(directory, 'default.json');
    await writeFile(file, `\uFEFF${VALID}`);

    const manifest = await loadManifest(file);

    // sha256 of the UTF-8 bytes EF BB BF followed by VALID.
    const { createHash } = await import('node:crypto');
    expect(manifest.sha256).toBe(
      createHash('sha256').update(`\uFEFF${VALID}`, 'utf8').digest('hex'),
    );
    expect(manifest.file).toBe(file);
  });

  it('names the file as given in every location, so annotations land on it', async () => {
    const file = join(directory, 'default.json');
    await writeFile(file, '{ "namespace": 1 }');

    const error = (await caught(() =>
      loadManifest(file, { displayPath: 'apps/web/default.json' }),
    )) as UserErrors;

    expect(error.errors.map((e) => e.location?.file)).toEqual([
      'apps/web/default.json',
      'apps/web/default.json',
    ]);
  });
});
