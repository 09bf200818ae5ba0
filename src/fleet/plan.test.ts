import { describe, expect, it } from 'vitest';
import type { BuildRecord } from '../build/labels.js';
import { baseTag } from '../build/versions.js';
import type { ImageChange } from './changes.js';
import { judgeApp, type AppImage } from './plan.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const RUNTIME = 'ghcr.io/acme/standard/runtime-node';
const BUILDER = 'ghcr.io/acme/standard/builder-nodejs';

const record = (runtime: string, builder?: string): BuildRecord => ({
  contentHash: 'c',
  sourcesHash: 's',
  configHash: 'g',
  runtime: { name: RUNTIME, digest: runtime },
  builder: builder ? { name: BUILDER, digest: builder } : undefined,
});
const image = (r: BuildRecord | undefined, tags = ['1.0.0']): AppImage => ({
  reference: 'ghcr.io/acme/shop/storefront:1.0.0',
  digest: d('f'),
  record: r,
  tags,
  version: '1.0.0',
});
const changed = (repository: string, from: string, to: string): ImageChange => ({
  repository,
  previous: [from],
  digests: [to],
  uses: [],
  kind: 'changed',
});

describe('which apps a catalog change rebuilds (the labels build-image wrote)', () => {
  it('an app on the changed runtime is due, with the base it moves from and to', () => {
    const verdict = judgeApp(image(record(d('a'), d('b'))), [changed(RUNTIME, d('a'), d('c'))]);
    expect(verdict).toMatchObject({
      kind: 'rebuild',
      bases: [{ role: 'runtime', repository: RUNTIME, from: d('a'), to: [d('c')] }],
    });
  });

  it('the builder counts too; both changed gives both', () => {
    const verdict = judgeApp(image(record(d('a'), d('b'))), [
      changed(RUNTIME, d('a'), d('c')),
      changed(BUILDER, d('b'), d('e')),
    ]);
    expect(verdict.kind === 'rebuild' && verdict.bases.map((b) => b.role)).toEqual([
      'runtime',
      'builder',
    ]);
  });

  it('an app on other images, or already on the new digest, is up to date', () => {
    const changes = [changed('ghcr.io/acme/standard/runtime-jvm', d('a'), d('c'))];
    expect(judgeApp(image(record(d('a'), d('b'))), changes).kind).toBe('current');
    expect(judgeApp(image(record(d('c'))), [changed(RUNTIME, d('a'), d('c'))]).kind).toBe(
      'current',
    );
  });

  it('an app on an older digest than the previous catalog is due as well', () => {
    expect(judgeApp(image(record(d('9'))), [changed(RUNTIME, d('a'), d('c'))]).kind).toBe(
      'rebuild',
    );
  });

  it('an exact version already rebuilt on the new base (its base tag exists) is not due again', () => {
    const tags = ['1.0.0', baseTag('1.0.0', { name: RUNTIME, digest: d('c') })];
    expect(tags[1]).toBe(`1.0.0-runtime-node.${'c'.repeat(12)}`);
    expect(judgeApp(image(record(d('a')), tags), [changed(RUNTIME, d('a'), d('c'))]).kind).toBe(
      'current',
    );
  });

  it('an app without a release image, or with an image build-image did not label, is skipped', () => {
    const changes = [changed(RUNTIME, d('a'), d('c'))];
    expect(judgeApp(undefined, changes)).toMatchObject({
      kind: 'skipped',
      why: 'no release image yet',
    });
    expect(judgeApp(image(undefined), changes)).toMatchObject({
      kind: 'skipped',
      why: 'its image carries no build-image labels',
    });
  });

  it('added and removed images rebuild nothing', () => {
    const added: ImageChange = { ...changed(RUNTIME, d('a'), d('c')), kind: 'added', previous: [] };
    expect(judgeApp(image(record(d('a'))), [added]).kind).toBe('current');
  });
});
