import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/index.js';
import {
  buildImageSuite,
  failureMessage,
  registrySnapshot,
  type AppRepo,
} from '../../../test/support/build-image.js';

/**
 * Versions against the real registry: an X-range becomes the next free
 * version after the tags already there, and an exact version that exists
 * with other content is refused before anything is built or pushed.
 */

const suite = buildImageSuite('itg-versions');
const { env, repository } = suite;
let repo: AppRepo;
const build = () => suite.build(repo);

function setVersion(version: string): void {
  repo.editManifest((manifest) => {
    (manifest.application as { version: string }).version = version;
  });
}

beforeAll(async () => {
  repo = suite.repo();
  // 3.0.0 built for real, then the same manifest re-tagged 3.1.0 and 3.1.4.
  setVersion('3.0.0');
  const first = await build();
  expect(first.exitCode, first.stdout.slice(-3000)).toBe(0);
  const client = new RegistryClient(env.registry, { dockerConfig: false });
  try {
    const manifest = await client.getManifest(repository, first.outputs.digest!);
    for (const tag of ['3.1.0', '3.1.4']) {
      await client.putManifest(repository, tag, manifest.bytes, manifest.mediaType);
    }
  } finally {
    client.close();
  }
});

describe('versions', () => {
  it('resolves 3.x.x to 3.1.5 when 3.0.0, 3.1.0 and 3.1.4 exist', async () => {
    expect(Object.keys(await registrySnapshot(env.registry, repository))).toEqual(
      expect.arrayContaining(['3.0.0', '3.1.0', '3.1.4']),
    );
    setVersion('3.x.x');
    repo.write('app/src/products.json', '[{ "sku": "cap-04", "name": "Cap", "price": 15 }]\n');
    const run = await build();
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(run.outputs).toMatchObject({ version: '3.1.5', rebuilt: 'true', reason: 'commit' });
    expect(run.stdout).toContain('Version 3.1.5 (next free in 3.x.x)');
    expect((await registrySnapshot(env.registry, repository))['3.1.5']).toBe(run.outputs.digest);
  });

  it('refuses to push 3.1.4 again with other content, before building, and changes nothing', async () => {
    const before = await registrySnapshot(env.registry, repository);
    setVersion('3.1.4');
    repo.write('app/src/products.json', '[{ "sku": "sock-05", "name": "Socks", "price": 9 }]\n');
    const run = await build();
    expect(run.exitCode).toBe(1);
    const message = failureMessage(run);
    expect(message).toContain(
      `Version 3.1.4 of ${env.registry}/${repository} already exists with other content: its sources differ from this build. Version tags are never overwritten; nothing was built or pushed.`,
    );
    expect(message).toContain('raise application.version (3.1.6 is free)');
    expect(run.stdout).not.toContain('docker buildx build');
    expect(run.stdout).not.toContain('docker run');
    expect(await registrySnapshot(env.registry, repository)).toEqual(before);
  });

  it('a run that stopped before its version tag: the rerun tags the image and says retag', async () => {
    setVersion('6.0.0');
    repo.write('app/src/products.json', '[{ "sku": "scarf-06", "name": "Scarf", "price": 21 }]\n');
    const first = await build();
    expect(first.exitCode, first.stdout.slice(-3000)).toBe(0);
    const content = first.outputs.tags!.split(',').find((tag) => tag.startsWith('content-'))!;
    // The state such a run leaves: the image under its content tag only, in a repository
    // of its own (a real copy through the registry API, with skopeo).
    const other = `${suite.prefix}-retag`;
    execFileSync('skopeo', [
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${env.registry}/${repository}:${content}`,
      `docker://${env.registry}/${other}/shop/storefront:${content}`,
    ]);
    const rerun = await suite.build(repo, { registry: `${env.registry}/${other}` });
    expect(rerun.exitCode, rerun.stdout.slice(-3000)).toBe(0);
    expect(rerun.outputs).toMatchObject({ version: '6.0.0', rebuilt: 'false', reason: 'retag' });
    expect((await registrySnapshot(env.registry, `${other}/shop/storefront`))['6.0.0']).toBe(
      first.outputs.digest,
    );
    // Once tagged, the same run again has nothing new to say.
    const again = await suite.build(repo, { registry: `${env.registry}/${other}` });
    expect(again.outputs).toMatchObject({ version: '6.0.0', rebuilt: 'false', reason: 'none' });
  });
});
