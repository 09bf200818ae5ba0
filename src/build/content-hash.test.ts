import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/index.js';
import { parseCatalog, type RuntimeImage } from './catalog.js';
import { buildRecord, configHash, sourcesHash, stableJson } from './content-hash.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const digest = (c: string) => `sha256:${c.repeat(64)}`;
function catalog(runtimeDigest = digest('1'), user = '10001:10001') {
  return parseCatalog(
    [
      'apiVersion: pipeline-actions/v1',
      `builders: { node: { image: "r.example.com/b@${digest('2')}", toolchains: { nodejs: "18" } } }`,
      `runtimes: { http_html: { image: "r.example.com/rt@${runtimeDigest}", user: "${user}", port: 8080 } }`,
    ].join('\n'),
    'catalog.yaml',
  );
}
const manifest = (version = '1.0.x') =>
  parseManifest(
    JSON.stringify({ namespace: 's', application: { name: 'a', type: 'http_html', version } }),
    'default.json',
  );

describe('the content hash', () => {
  it("of sources changes with a file's content, its exec bit or a link target, and only then", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-hash-'));
    writeFileSync(join(dir, 'a.txt'), 'one');
    writeFileSync(join(dir, 'b.sh'), 'echo');
    symlinkSync('a.txt', join(dir, 'link'));
    const files = ['a.txt', 'b.sh', 'gone.txt', 'link'];
    const first = await sourcesHash(dir, files);
    expect(await sourcesHash(dir, files)).toBe(first);
    chmodSync(join(dir, 'b.sh'), 0o755);
    const executable = await sourcesHash(dir, files);
    expect(executable).not.toBe(first);
    writeFileSync(join(dir, 'a.txt'), 'two');
    expect(await sourcesHash(dir, files)).not.toBe(executable);
  });

  it('of sources keeps its defined value: one line per file, in the order listed, many files read at once', async () => {
    // Every published image carries this value: it must not change for the same content.
    const dir = mkdtempSync(join(tmpdir(), 'pa-hash-'));
    const files: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const file = `f${String(i).padStart(2, '0')}.txt`;
      writeFileSync(join(dir, file), `content ${i}\n`.repeat(i * 100));
      if (i % 7 === 0) chmodSync(join(dir, file), 0o755);
      files.push(file);
      lines.push(
        `file ${file} ${i % 7 === 0 ? 'x' : '-'} ${sha256(`content ${i}\n`.repeat(i * 100))}\n`,
      );
    }
    symlinkSync('f01.txt', join(dir, 'link'));
    files.push('gone.txt', 'link');
    lines.push('link link f01.txt\n');
    expect(await sourcesHash(dir, files)).toBe(sha256(lines.join('')));
  });

  it('of the configuration follows default.json, the package format and the runtime settings, not the digests', () => {
    const base = {
      manifest: manifest(),
      packageFormat: 'files',
      runtime: catalog().runtimes.http_html as RuntimeImage,
      builder: catalog().builders[0],
    };
    const hash = configHash(base);
    expect(
      configHash({ ...base, runtime: catalog(digest('9')).runtimes.http_html as RuntimeImage }),
    ).toBe(hash);
    expect(configHash({ ...base, manifest: manifest('2.0.x') })).not.toBe(hash);
    expect(configHash({ ...base, packageFormat: 'deb' })).not.toBe(hash);
    expect(
      configHash({
        ...base,
        runtime: catalog(digest('1'), '10002:10002').runtimes.http_html as RuntimeImage,
      }),
    ).not.toBe(hash);
  });

  it('of the whole changes with a base digest, and records each part', () => {
    const one = buildRecord(
      's',
      'c',
      catalog().runtimes.http_html as RuntimeImage,
      catalog().builders[0],
    );
    const other = buildRecord(
      's',
      'c',
      catalog(digest('9')).runtimes.http_html as RuntimeImage,
      catalog().builders[0],
    );
    expect(one.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(other.contentHash).not.toBe(one.contentHash);
    expect(one).toMatchObject({
      sourcesHash: 's',
      configHash: 'c',
      runtime: { name: 'r.example.com/rt', digest: digest('1') },
      builder: { name: 'r.example.com/b', digest: digest('2') },
    });
    expect(
      buildRecord('s', 'c', catalog().runtimes.http_html as RuntimeImage, undefined).contentHash,
    ).not.toBe(one.contentHash);
  });

  it('serializes JSON with sorted keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":null,"f":1}]},"b":1}',
    );
  });
});
