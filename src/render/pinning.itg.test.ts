import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { FaultProxy } from '../../test/env/fault-proxy.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { UserError } from '../errors.js';
import { RegistryPool } from '../oci/pool.js';
import { parseManifestNodes, presentManifests } from '../kube/manifests.js';
import { pinImages } from './images.js';

/**
 * Pinning against the real registries. A registry that is not found (a
 * `.invalid` host, which never resolves) is said once with every reference
 * it stopped; one that refuses the login names the reference, without the
 * mirror advice. References already pinned by digest: kept
 * when the registry has the digest, refused (naming the reference and the
 * objects using it) when it answers that it has none, and trusted as given,
 * with the reason, when it cannot be reached (a fault proxy that refuses
 * connections).
 */

const env = loadEnvironment();
const repository = `pinned/r${Date.now().toString(36)}`;
const absent = `sha256:${'0'.repeat(64)}`;
const pools: RegistryPool[] = [];
const proxies: FaultProxy[] = [];
let image: PushedImage;

function pool(): RegistryPool {
  const made = new RegistryPool({
    dockerConfig: false,
    retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
  });
  pools.push(made);
  return made;
}

function pod(name: string, ...images: string[]): string {
  const containers = images.map((ref, i) => `{name: c${i}, image: "${ref}"}`).join(', ');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [${containers}]}\n`;
}

/** The error pinning these manifests ends in (a UserError). */
async function pinFailure(manifests: string, resolver = pool()): Promise<UserError> {
  const error = await pinImages(parseManifestNodes(manifests, 'x'), {
    resolver,
    allowMutableTags: false,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

beforeAll(async () => {
  image = await pushTestImage({ registry: env.registry, repository, tag: '1.0.0' });
});
afterAll(async () => {
  pools.forEach((p) => p.close());
  await Promise.all(proxies.map((p) => p.close()));
});

describe('registries that stop pinning', () => {
  it('says a registry that cannot be found once, then each reference and the objects using it', async () => {
    const manifests = [
      pod('a', 'registry.invalid/shop/web:1.27', 'registry.invalid/shop/cache:7.2'),
      pod('b', 'registry.invalid/shop/web:1.27'),
      pod('c', `${env.registry}/${repository}:1.0.0`),
    ].join('---\n');
    const error = await pinFailure(manifests);
    expect(error.message).toBe(
      [
        '2 images could not be pinned to a digest: Registry host registry.invalid was not found (DNS lookup failed).',
        '    - registry.invalid/shop/cache:7.2, used by Pod/a (container c1)',
        '    - registry.invalid/shop/web:1.27, used by Pod/a (container c0), Pod/b (container c0)',
      ].join('\n'),
    );
    expect(error.fix).toContain('deploy from a mirror');
    expect(error.fix).toContain("When the runner cannot reach an image's registry");
  });

  it('names the one reference a refused login stopped, without the mirror advice', async () => {
    const refusing = new RegistryPool({
      dockerConfig: false,
      caFile: env.caFile,
      credentials: { [env.registryTls]: { username: env.registryTlsUser, password: 'wrong' } },
    });
    pools.push(refusing);
    const ref = `${env.registryTls}/${repository}:1.0.0`;
    const error = await pinFailure(pod('p', ref), refusing);
    expect(error.message).toMatch(
      new RegExp(
        `^Image ${ref.replace(/\./g, '\\.')} \\(used by Pod/p \\(container c0\\)\\) could not be pinned to a digest: Registry ${env.registryTls.replace(/\./g, '\\.')} .*401`,
      ),
    );
    expect(error.fix).not.toContain('mirror');
  });
});

describe('images already pinned by digest', () => {
  it('are kept as written when their registry has the digest', async () => {
    const ref = `${env.registry}/${repository}:1.0.0@${image.digest}`;
    const nodes = parseManifestNodes(pod('web', ref), 'x');
    const pinned = await pinImages(nodes, { resolver: pool(), allowMutableTags: false });
    expect(pinned).toEqual([
      {
        image: ref,
        pinned: ref,
        digest: image.digest,
        alreadyPinned: true,
        usedBy: ['Pod/web (container c0)'],
      },
    ]);
    expect(presentManifests(nodes)).toContain(ref);
  });

  it('stop the deploy when their registry answers that it has no such digest, naming each reference and its objects', async () => {
    const ref = `${env.registry}/${repository}@${absent}`;
    const manifests = [pod('a', ref), pod('b', ref)].join('---\n');
    const error = await pinFailure(manifests);
    expect(error.message).toBe(
      `Image ${ref} is pinned to ${absent}, which ${env.registry} does not have: it answered that ${repository} holds no such manifest (used by Pod/a (container c0), Pod/b (container c0)).`,
    );
    expect(error.fix).toMatch(/^deploy a digest that exists/);
  });

  it('are trusted as given, with the reason, when their registry cannot be reached', async () => {
    const proxy = await FaultProxy.start({ target: env.registry });
    proxies.push(proxy);
    const ref = `${proxy.address}/${repository}@${absent}`;
    proxy.refuse();
    const nodes = parseManifestNodes(pod('web', ref), 'x');
    const pinned = await pinImages(nodes, { resolver: pool(), allowMutableTags: false });
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({
      image: ref,
      pinned: ref,
      digest: absent,
      alreadyPinned: true,
    });
    expect(pinned[0]!.unchecked).toBe(
      `Could not talk to registry ${proxy.address}: connect ECONNREFUSED ${proxy.address}. (gave up after 2 attempts)`,
    );
    expect(proxy.stats().connections).toBe(0);
    expect(presentManifests(nodes)).toContain(ref);
  });
});
