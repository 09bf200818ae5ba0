import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, listReferrers, referrersTag } from '../../../src/oci/index.js';
import { readImageFacts } from '../../../src/policy/facts.js';
import { SBOM_MEDIA_TYPE as SBOM } from '../../../src/sbom/document.js';
import { recordedSystem } from '../../../src/sbom/read.js';
import { loadEnvironment } from '../../../test/env/environment.js';
import {
  appRepo,
  sbomOfImage,
  registrySnapshot,
  succeeded,
  runBuildImage,
  uniquePath,
  type AppRepo,
} from '../../../test/support/build-image.js';
import { pushTestImage } from '../../../test/support/oci-push.js';
import { REPO_ROOT, type ActionRun } from '../../../test/support/runner.js';
import { standardImages } from '../../../test/support/standard-images.js';

/**
 * The SBOM build-image pushes next to the image, on the Python service of
 * test/fixtures/apps (runtime-python: a Debian image with a dpkg database;
 * six pinned in requirements.txt). Found from the image digest through the
 * registry alone: distribution 2.8 has no referrers API, so through the
 * referrers tag schema (`sha256-<hex>`). Its OS packages are compared with
 * what dpkg-query says inside the image itself.
 */

const env = loadEnvironment();
const exec = promisify(execFile);
const prefix = uniquePath('itg-sbom');
const registry = `${env.registry}/${prefix}`;
const repository = `${prefix}/langs/python-api`;
let repo: AppRepo;
const client = new RegistryClient(env.registry, { dockerConfig: false });

beforeAll(() => {
  const images = standardImages('builder-python', 'runtime-python');
  repo = appRepo(env, join(REPO_ROOT, 'test', 'fixtures', 'apps', 'python-api'), { images });
}, 45 * 60_000);

afterAll(() => {
  client.close();
  rmSync(repo.dir, { recursive: true, force: true });
});

const sbomOf = (digest: string) => sbomOfImage(client, repository, digest);

describe('the SBOM of a built image', () => {
  let first: ActionRun;

  it('lists the image’s Debian packages (as dpkg inside it does) and the app’s pinned dependencies', async () => {
    first = succeeded(await runBuildImage(repo, registry));
    const digest = first.outputs.digest!;
    const { digest: sbomDigest, via, bom } = await sbomOf(digest);
    expect(via).toBe('tag-schema');
    expect(first.outputs['sbom-ref']).toBe(`${first.outputs.image}@${sbomDigest}`);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.metadata.component).toMatchObject({ type: 'container', version: '1.0.0' });
    expect(decodeURIComponent(bom.metadata.component.purl)).toContain(`@${digest}`);

    const { stdout } = await exec('docker', [
      'run',
      '--rm',
      '--entrypoint',
      'dpkg-query',
      first.outputs.ref!,
      '-W',
      '-f',
      '${Package} ${Version}\\n',
    ]);
    const dpkg = stdout.trim().split('\n').sort();
    const debs = bom.components
      .filter((c) => c.purl?.startsWith('pkg:deb/debian/'))
      .map((c) => `${c.name} ${c.version}`)
      .sort();
    expect(debs.length).toBeGreaterThan(20);
    expect(debs).toEqual(dpkg);
    expect(bom.components).toContainEqual(
      expect.objectContaining({ type: 'operating-system', name: 'debian', version: '12' }),
    );
    expect(bom.components.find((c) => c.name === 'libc6')?.purl).toMatch(
      /^pkg:deb\/debian\/libc6@[^?]+\?arch=amd64&distro=debian-12$/,
    );
    expect(bom.components).toContainEqual(
      expect.objectContaining({ name: 'six', version: '1.16.0', purl: 'pkg:pypi/six@1.16.0' }),
    );
    expect(first.summary).toMatch(
      /\| SBOM \| `[^`]+@sha256:[0-9a-f]{64}`: CycloneDX 1\.6, \d+ OS packages, 1 dependency \(requirements\.txt\); found through the referrers tag schema \|/,
    );
  });

  it('keeps the SBOM an identical image already has, pushing nothing', async () => {
    const before = await registrySnapshot(env.registry, repository);
    const run = succeeded(await runBuildImage(repo, registry));
    expect(run.outputs).toMatchObject({ rebuilt: 'false', 'sbom-ref': first.outputs['sbom-ref'] });
    expect(run.stdout).toContain('SBOM: the image already has one');
    expect(await registrySnapshot(env.registry, repository)).toEqual(before);
  });

  it('records every fact the image policy reads: read back, they are those of the layers', async () => {
    const digest = first.outputs.digest!;
    const layers = await readImageFacts(client, repository, digest);
    const recorded = await readImageFacts(client, repository, digest, {
      recorded: recordedSystem(
        client,
        repository,
        digest,
        listReferrers(client, repository, digest, SBOM).then((found) => found.referrers),
      ),
    });
    expect(recorded.source).toEqual({
      from: 'sbom',
      digest: first.outputs['sbom-ref']!.split('@')[1],
    });
    // user, labels, size, manifest digest, distribution and packages (toEqual compares Maps by entries)
    expect({ ...recorded, source: undefined }).toEqual({ ...layers, source: undefined });
    expect([...recorded.packages].sort()).toEqual([...layers.packages].sort());
    expect(recorded.packages.size).toBeGreaterThan(20);
  });
});

describe('an SBOM that cannot be pushed', () => {
  it('is a warning: the image is published, the summary says so, and the next run pushes it', async () => {
    const path = `${registry}-squatted`;
    const squatted = `${prefix}-squatted/langs/python-api`;
    const plain = succeeded(await runBuildImage(repo, path, { sbom: 'false' }));
    expect(plain.outputs['sbom-ref']).toBe('');
    const digest = plain.outputs.digest!;
    const tag = referrersTag(digest);
    expect(Object.keys(await registrySnapshot(env.registry, squatted))).not.toContain(tag);

    // The referrers tag holds an image, not an index: a real registry state the client must refuse.
    const other = await pushTestImage({ registry: env.registry, repository: squatted, tag });
    const refused = succeeded(await runBuildImage(repo, path, { 'channel-tags': 'stable' }));
    expect(refused.outputs).toMatchObject({ 'sbom-ref': '', digest, version: '1.0.0' });
    const warning = refused.annotations.find((a) => a.properties.title === 'SBOM not pushed');
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toMatch(/is not an OCI image index/);
    expect(refused.summary).toContain('| SBOM | **not pushed**: ');
    const snapshot = await registrySnapshot(env.registry, squatted);
    // The product is published (the channel tag moved); the squatted tag is untouched.
    expect(snapshot.stable).toBe(digest);
    expect(snapshot['1.0.0']).toBe(digest);
    expect(snapshot[tag]).toBe(other.digest);

    // Once the tag is free again, the next run of the same content pushes the SBOM.
    await deleteManifest(squatted, other.digest);
    const healed = succeeded(await runBuildImage(repo, path));
    expect(healed.outputs['sbom-ref']).toMatch(/@sha256:[0-9a-f]{64}$/);
    const found = await listReferrers(client, squatted, digest, SBOM);
    expect(found.referrers.map((r) => `${healed.outputs.image}@${r.digest}`)).toEqual([
      healed.outputs['sbom-ref'],
    ]);
  });
});

async function deleteManifest(repo: string, digest: string): Promise<void> {
  const response = await fetch(`http://${env.registry}/v2/${repo}/manifests/${digest}`, {
    method: 'DELETE',
  });
  expect(response.status).toBe(202);
}
