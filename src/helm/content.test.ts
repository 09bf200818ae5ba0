import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Exec } from '../exec.js';
import { UserError } from '../errors.js';
import { chartContent, compareContent, describeDifference } from './content.js';

// Archives are made with the real tar (GNU), the way helm's differ: other
// timestamps, owners and entry order; the content digest must not see that.
const work = mkdtempSync(join(tmpdir(), 'pa-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Files = Record<string, string | Buffer>;

async function tgz(
  name: string,
  files: Files,
  options: { mtime?: string; reverse?: boolean } = {},
) {
  const root = mkdtempSync(join(work, 'src-'));
  const paths = Object.keys(files).map((path) => `${name}/${path}`);
  for (const [path, data] of Object.entries(files)) {
    const file = join(root, name, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  const out = join(work, `${name}-${Math.random().toString(36).slice(2)}.tgz`);
  await Exec.check(
    'tar',
    [
      '-czf',
      out,
      '-C',
      root,
      `--mtime=${options.mtime ?? '2020-01-01 00:00:00'}`,
      '--owner=1000',
      '--group=1000',
      ...(options.reverse ? [...paths].reverse() : paths),
    ],
    { silent: true },
  );
  return readFileSync(out);
}

const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: "1.0"\n';
const BASE: Files = {
  'Chart.yaml': CHART,
  'values.yaml': 'replicas: 1\n',
  'templates/service.yaml': 'kind: Service\n',
};

describe('the content digest of a packaged chart', () => {
  it('is the same for two packagings at different times, owners and entry order', async () => {
    const first = chartContent(await tgz('app', BASE), 'first');
    const second = chartContent(
      await tgz('app', BASE, { mtime: '2026-11-21 19:51:00', reverse: true }),
      'second',
    );
    expect(first.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(second.digest).toBe(first.digest);
    expect(first.name).toBe('app');
    expect([...first.files.keys()].sort()).toEqual([
      'Chart.yaml',
      'templates/service.yaml',
      'values.yaml',
    ]);
  });

  it('compares Chart.yaml by meaning, not by how it is written', async () => {
    const rewritten = 'appVersion: "1.0"\nversion: 1.0.0\nname: app   # same\napiVersion: v2\n';
    const a = chartContent(await tgz('app', BASE), 'a');
    const b = chartContent(await tgz('app', { ...BASE, 'Chart.yaml': rewritten }), 'b');
    expect(b.digest).toBe(a.digest);
  });

  it('changes when a template changes, and says which file', async () => {
    const a = chartContent(await tgz('app', BASE), 'a');
    const b = chartContent(
      await tgz('app', {
        ...BASE,
        'templates/service.yaml': 'kind: Service\n# x\n',
        'NOTES.txt': 'hi',
      }),
      'b',
    );
    expect(b.digest).not.toBe(a.digest);
    const difference = compareContent(b, a);
    expect(difference).toEqual({
      added: ['NOTES.txt'],
      removed: [],
      changed: ['templates/service.yaml'],
    });
    expect(describeDifference(difference)).toBe(
      'changed: templates/service.yaml; only in yours: NOTES.txt',
    );
  });

  it('changes with the version or appVersion in Chart.yaml', async () => {
    const a = chartContent(await tgz('app', BASE), 'a');
    const b = chartContent(
      await tgz('app', { ...BASE, 'Chart.yaml': CHART.replace('"1.0"', '"1.1"') }),
      'b',
    );
    expect(compareContent(b, a).changed).toEqual(['Chart.yaml']);
  });

  it('looks inside packaged subcharts, whose own timestamps differ', async () => {
    const sub = {
      'Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'values.yaml': 'a: 1\n',
    };
    const withSub = async (mtime: string) =>
      tgz('app', { ...BASE, 'charts/sub-0.1.0.tgz': await tgz('sub', sub, { mtime }) }, { mtime });
    const a = chartContent(await withSub('2020-01-01'), 'a');
    const b = chartContent(await withSub('2024-06-30'), 'b');
    expect(b.digest).toBe(a.digest);
    const changed = chartContent(
      await tgz('app', {
        ...BASE,
        'charts/sub-0.1.0.tgz': await tgz('sub', { ...sub, 'values.yaml': 'a: 2\n' }),
      }),
      'c',
    );
    expect(compareContent(changed, a).changed).toEqual(['charts/sub-0.1.0.tgz']);
  });

  it('reads the long names Go writes as PAX records', async () => {
    const long = `templates/${'x'.repeat(120)}.yaml`;
    const content = chartContent(
      await tgz('app', { ...BASE, [long]: 'kind: ConfigMap\n' }),
      'long',
    );
    expect(content.files.has(long)).toBe(true);
  });

  it.each([
    ['a truncated archive', (bytes: Buffer) => bytes.subarray(0, bytes.length - 40)],
    ['something that is not gzip', () => Buffer.from('<html>not found</html>')],
    ['an archive without Chart.yaml', () => gzipSync(Buffer.alloc(1024))],
  ])('refuses %s with a user error', async (_, damage) => {
    const bytes = damage(await tgz('app', BASE));
    expect(() => chartContent(bytes, 'published.tgz')).toThrow(UserError);
    expect(() => chartContent(bytes, 'published.tgz')).toThrow(
      /published\.tgz is not a readable chart archive/,
    );
  });

  it('bounds what an archive may unpack to', async () => {
    const big = await tgz('app', { ...BASE, 'files/zeros.bin': Buffer.alloc(2 * 1024 * 1024) });
    expect(() => chartContent(big, 'big.tgz', { maxUnpackedBytes: 1024 * 1024 })).toThrow(
      /unpacks to more than 1048576 bytes/,
    );
  });
});
