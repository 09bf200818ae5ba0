import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findRecord,
  isRecordObject,
  recordLabels,
  recordObject,
  UnreadableRecord,
  type DeployRecord,
} from './record.js';
import { directoryDigest, requestHash, type RequestInputs } from './request.js';

const record: DeployRecord = {
  version: 1,
  app: { name: 'shop', dir: '.' },
  environment: 'dev',
  release: 'shop',
  namespace: 'shop-dev',
  chart: { ref: 'chart' },
  images: [{ image: 'reg/shop:1', digest: 'sha256:aa' }],
  build: { image: 'reg/shop@sha256:aa', version: '1.0.0' },
  deployedAt: '2026-01-01T00:00:00Z',
  request: {
    hash: 'f'.repeat(64),
    chart: 'chart',
    values: ['values.yaml'],
    set: {},
    allowMutableTags: false,
    manifest: 'default.json',
  },
};

describe('the record object', () => {
  it('round-trips through the manifest and is recognised', () => {
    const object = recordObject(record);
    expect(isRecordObject(object)).toBe(true);
    expect(findRecord([{ kind: 'ConfigMap' }, object], 'shop')).toEqual(record);
    expect(findRecord([{ kind: 'ConfigMap' }], 'shop')).toBeUndefined();
  });

  it('reports a record it cannot read as unreadable, never as absent', () => {
    const object = recordObject(record) as { data: { record: string } };
    object.data.record = Buffer.from('{"version": 1').toString('base64');
    expect(() => findRecord([object], 'release shop')).toThrow(UnreadableRecord);
    object.data.record = Buffer.from('{"version": 9}').toString('base64');
    expect(() => findRecord([object], 'release shop')).toThrow(/version 9/);
  });

  it('keeps only valid label values, the request hash cut to 32 characters', () => {
    expect(recordLabels({ ...record, environment: 'not a label!' })).toEqual({
      'pipeline-actions.dev/record': 'v1',
      'pipeline-actions.dev/app': 'shop',
      'pipeline-actions.dev/request': 'f'.repeat(32),
    });
  });
});

describe('requestHash', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'request-hash-'));
  mkdirSync(join(workspace, 'chart/templates'), { recursive: true });
  writeFileSync(join(workspace, 'chart/Chart.yaml'), 'name: x\nversion: 1.0.0\n');
  writeFileSync(join(workspace, 'values.yaml'), 'image: "%%IMAGE%%"\nenv: "%%ENVIRONMENT%%"\n');
  const base: RequestInputs = {
    workspace,
    manifest: undefined,
    environment: 'dev',
    chart: 'chart',
    version: undefined,
    values: ['values.yaml'],
    set: { replicas: 2 },
    kustomize: undefined,
    allowMutableTags: false,
  };

  it('changes with what Git contributes and nothing else', () => {
    const hash = requestHash(base);
    expect(requestHash(base)).toBe(hash);
    // The build-specific context (the image) does not count: it is not in the inputs at all.
    expect(requestHash({ ...base, environment: 'prod' })).not.toBe(hash);
    expect(requestHash({ ...base, set: { replicas: 3 } })).not.toBe(hash);
    expect(requestHash({ ...base, allowMutableTags: true })).not.toBe(hash);
    writeFileSync(join(workspace, 'chart/templates/cm.yaml'), 'kind: ConfigMap\n');
    expect(requestHash(base)).not.toBe(hash);
  });

  it('takes what the caller read already (values texts, the chart digest) for what it would read', () => {
    const hash = requestHash(base);
    const valuesText = [readFileSync(join(workspace, 'values.yaml'), 'utf8')];
    const chartDigest = directoryDigest(join(workspace, 'chart'));
    expect(requestHash(base, { valuesText, chartDigest })).toBe(hash);
    // What was given is what is hashed: the files are not read again.
    expect(requestHash(base, { valuesText: ['other: 1\n'], chartDigest })).not.toBe(hash);
    expect(requestHash(base, { valuesText, chartDigest: 'sha256:other' })).not.toBe(hash);
  });
});
