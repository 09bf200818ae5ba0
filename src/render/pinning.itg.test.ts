import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { FaultProxy } from '../../test/env/fault-proxy.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { UserError, UserErrors } from '../errors.js';
import { RegistryPool } from '../oci/pool.js';
import { parseManifestNodes, parseManifestObjects, presentManifests } from '../kube/manifests.js';
import { pinImages } from './images.js';

/**
 * Pinning against the real registries. Every workload kind's containers,
 * init and ephemeral containers are pinned to the digests the local
 * registry serves; a fault proxy in front of it counts the manifest
 * requests (one per distinct reference) and how many run at once (the
 * bound, reached: it holds the first lookups until as many as the bound are
 * waiting, so a fast registry cannot hide the parallelism). References
 * refused before any lookup (latest, untagged, malformed) reach no registry. A registry that is not found (a
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

describe('every container image of every workload is pinned to its digest', () => {
  const base = `workloads/r${Date.now().toString(36)}`;
  const digests: Record<string, string> = {};
  let proxy: FaultProxy;
  /** A reference through the proxy: `<proxy>/<base>/<path>`. */
  const ref = (path: string) => `${proxy.address}/${base}/${path}`;
  /** Manifest requests, as the registry received them. */
  const MANIFESTS = /^[A-Z]+ \/v2\/.*\/manifests\//;

  function workloads(db = 'data/db:16.2'): string {
    return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: migrate, image: "${ref('shop/app:1.2.0')}"}]
      containers:
        - {name: app, image: "${ref('shop/app:1.2.0')}"}
        - {name: proxy, image: "${ref('infra/proxy:3.1')}"}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "${ref('shop/app:1.2.0')}"}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers: [{name: main, image: "${ref('infra/proxy:3.1')}"}]
  ephemeralContainers: [{name: shell, image: "${ref(`infra/tools@${digests.tools}`)}"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {template: {spec: {containers: [{name: db, image: "${ref(db)}"}]}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec: {template: {spec: {containers: [{name: agent, image: "${ref('infra/proxy:3.1')}"}]}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec: {template: {spec: {containers: [{name: once, image: "${ref(db)}"}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-a-workload}
data: {image: "${ref('ignored:latest')}"}
`;
  }

  beforeAll(async () => {
    for (const [key, repository, tag] of [
      ['app', 'shop/app', '1.2.0'],
      ['latest', 'shop/app', 'latest'],
      ['proxy', 'infra/proxy', '3.1'],
      ['db', 'data/db', '16.2'],
      ['tools', 'infra/tools', 'debug'],
    ] as const) {
      const pushed = await pushTestImage({
        registry: env.registry,
        repository: `${base}/${repository}`,
        tag,
      });
      digests[key] = pushed.digest;
    }
    proxy = await FaultProxy.start({ target: env.registry });
    proxies.push(proxy);
  });

  it('pins containers, init and ephemeral containers of every workload kind, keeping the tag for readers', async () => {
    const nodes = parseManifestNodes(workloads(), 'x');
    const pinned = await pinImages(nodes, { resolver: pool(), allowMutableTags: false });
    const text = presentManifests(nodes);
    const images = [...text.matchAll(/image: "?([^"\n]+)"?/g)].map((match) => match[1]);
    expect(images).toEqual([
      `${ref('shop/app:1.2.0')}@${digests.app}`,
      `${ref('shop/app:1.2.0')}@${digests.app}`,
      `${ref('infra/proxy:3.1')}@${digests.proxy}`,
      `${ref('shop/app:1.2.0')}@${digests.app}`,
      `${ref('infra/proxy:3.1')}@${digests.proxy}`,
      ref(`infra/tools@${digests.tools}`),
      `${ref('data/db:16.2')}@${digests.db}`,
      `${ref('infra/proxy:3.1')}@${digests.proxy}`,
      `${ref('data/db:16.2')}@${digests.db}`,
      ref('ignored:latest'),
    ]);
    expect(pinned.find((image) => image.image === ref('shop/app:1.2.0'))?.usedBy).toEqual([
      'Deployment/web (init container migrate)',
      'Deployment/web (container app)',
      'CronJob/nightly (container job)',
    ]);
    expect(pinned.find((image) => image.image.includes('tools'))?.alreadyPinned).toBe(true);
    // The result is still valid YAML for Kubernetes.
    expect(parseManifestObjects(text, 'x')).toHaveLength(7);
  });

  it('asks the registry once per reference, with a bound on concurrent lookups that is reached', async () => {
    proxy.resetStats();
    const held = proxy.hold(MANIFESTS, 2);
    await pinImages(parseManifestNodes(workloads(), 'x'), {
      resolver: pool(),
      allowMutableTags: false,
      concurrency: 2,
    });
    await held;
    const path = (name: string) => `HEAD /v2/${base}/${name}`;
    expect(proxy.requests(MANIFESTS)).toEqual({
      count: {
        [path('data/db/manifests/16.2')]: 1,
        [path('infra/proxy/manifests/3.1')]: 1,
        [path(`infra/tools/manifests/${digests.tools}`)]: 1,
        [path('shop/app/manifests/1.2.0')]: 1,
      },
      maxInFlight: 2,
      inFlight: 0,
    });
  });

  it('refuses latest and untagged images, listing every one with what uses it, before asking the registry', async () => {
    proxy.resetStats();
    const text = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - {name: app, image: "${ref('shop/app:latest')}"}
        - {name: sidecar, image: "${ref('shop/app')}"}
`;
    const error = await pinImages(parseManifestNodes(text, 'x'), {
      resolver: pool(),
      allowMutableTags: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).errors.map((e) => e.message)).toEqual([
      `Image ${ref('shop/app')} (used by Deployment/web (container sidecar)) is given only by its name (that is the mutable tag "latest"), which allow-mutable-tags: false refuses.`,
      `Image ${ref('shop/app:latest')} (used by Deployment/web (container app)) is given only by the mutable tag "latest", which allow-mutable-tags: false refuses.`,
    ]);
    expect(proxy.stats().connections).toBe(0);
  });

  it('pins mutable tags like any other when they are allowed', async () => {
    const nodes = parseManifestNodes(pod('p', ref('shop/app:latest')), 'x');
    await pinImages(nodes, { resolver: pool(), allowMutableTags: true });
    expect(presentManifests(nodes)).toContain(`${ref('shop/app:latest')}@${digests.latest}`);
  });

  it('names the image and every object and container using it when a tag does not exist', async () => {
    const error = await pinFailure(workloads('data/db:16.3'));
    expect(error.message).toBe(
      `Image ${ref('data/db:16.3')} does not exist in the registry (used by StatefulSet/db (container db), Job/once (container once)).`,
    );
  });

  it('rejects an image reference that is not one, naming where it is used, before asking the registry', async () => {
    proxy.resetStats();
    const nodes = parseManifestNodes(pod('p', `${proxy.address}/Shop/App:1`), 'x');
    await expect(pinImages(nodes, { resolver: pool(), allowMutableTags: false })).rejects.toThrow(
      /Invalid image reference .* It is used by Pod\/p \(container c0\)\./,
    );
    expect(proxy.stats().connections).toBe(0);
  });
});
