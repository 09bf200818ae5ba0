import { describe, expect, it } from 'vitest';
import { imageLabels, readBuildRecord, type BuildRecord } from './labels.js';

const record: BuildRecord = {
  contentHash: 'c'.repeat(64),
  sourcesHash: 's'.repeat(64),
  configHash: 'k'.repeat(64),
  runtime: { name: 'r.example.com/std/httpd', digest: `sha256:${'1'.repeat(64)}` },
  builder: { name: 'r.example.com/std/node', digest: `sha256:${'2'.repeat(64)}` },
};
const pinned = (ref: { name: string; digest: string }) => ({
  ...ref,
  reference: `${ref.name}@${ref.digest}`,
  pinned: `${ref.name}@${ref.digest}`,
});

describe('the labels an image records', () => {
  it('carry the OCI annotations and the build record, which reads back', () => {
    const labels = imageLabels(record, pinned(record.runtime), pinned(record.builder!), {
      title: 'web',
      version: '1.0.0',
      namespace: 'shop',
      applicationType: 'http_html',
      manifestSha256: 'm'.repeat(64),
      source: 'https://github.com/acme/web',
      revision: 'abc123',
    });
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'web',
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.source': 'https://github.com/acme/web',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.base.name': 'r.example.com/std/httpd',
      'org.opencontainers.image.base.digest': record.runtime.digest,
      'io.github.pipeline-actions.content-hash': record.contentHash,
    });
    expect(readBuildRecord(labels)).toEqual(record);
  });

  it('of an image this action did not build give no record', () => {
    expect(readBuildRecord({ 'org.opencontainers.image.version': '1.0.0' })).toBeUndefined();
  });
});
