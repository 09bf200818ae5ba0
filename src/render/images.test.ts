import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../errors.js';
import { formatReference, type ImageReference } from '../oci/reference.js';
import type { PinCheck } from '../oci/client.js';
import { pinImages, type DigestResolver } from './images.js';
import { parseManifestNodes, parseManifestObjects, presentManifests } from '../kube/manifests.js';

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

/**
 * A registry double: tags to digests, counting lookups and how many run at
 * once, which a real registry does not let a test observe. Pinned references,
 * missing tags and unreachable registries run against the real registry in
 * pinning.itg.test.ts and helm-deploy's bad-inputs.itg.test.ts.
 */
class FakeRegistry implements DigestResolver {
  lookups: string[] = [];
  active = 0;
  maxActive = 0;
  constructor(private readonly tags: Record<string, string>) {}
  async resolveDigest(reference: ImageReference): Promise<string> {
    const name = formatReference(reference);
    this.lookups.push(name);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.active--;
    if (reference.digest) return reference.digest;
    const found = this.tags[name];
    if (!found)
      throw new UserError(`Image ${name} does not exist in the registry.`, { fix: 'push it' });
    return found;
  }
  async checkPinned(reference: ImageReference): Promise<PinCheck> {
    await this.resolveDigest(reference);
    return { status: 'found' };
  }
}

const WORKLOADS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: migrate, image: "reg.example.com/shop/app:1.2.0"}]
      containers:
        - {name: app, image: "reg.example.com/shop/app:1.2.0"}
        - {name: proxy, image: "reg.example.com/infra/proxy:3.1"}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "reg.example.com/shop/app:1.2.0"}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers: [{name: main, image: "reg.example.com/infra/proxy:3.1"}]
  ephemeralContainers: [{name: shell, image: "reg.example.com/infra/tools@${digest(9)}"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {template: {spec: {containers: [{name: db, image: "reg.example.com/data/db:16.2"}]}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec: {template: {spec: {containers: [{name: agent, image: "reg.example.com/infra/proxy:3.1"}]}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec: {template: {spec: {containers: [{name: once, image: "reg.example.com/data/db:16.2"}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-a-workload}
data: {image: "reg.example.com/ignored:latest"}
`;

const TAGS = {
  'reg.example.com/shop/app:1.2.0': digest(1),
  'reg.example.com/infra/proxy:3.1': digest(2),
  'reg.example.com/data/db:16.2': digest(3),
};

describe('every container image of every workload is pinned to its digest', () => {
  it('pins containers, init and ephemeral containers of every workload kind, keeping the tag for readers', async () => {
    const nodes = parseManifestNodes(WORKLOADS, 'x');
    const registry = new FakeRegistry(TAGS);
    const pinned = await pinImages(nodes, { resolver: registry, allowMutableTags: false });
    const text = presentManifests(nodes);
    const images = [...text.matchAll(/image: "?([^"\n]+)"?/g)].map((match) => match[1]);
    expect(images).toEqual([
      `reg.example.com/shop/app:1.2.0@${digest(1)}`,
      `reg.example.com/shop/app:1.2.0@${digest(1)}`,
      `reg.example.com/infra/proxy:3.1@${digest(2)}`,
      `reg.example.com/shop/app:1.2.0@${digest(1)}`,
      `reg.example.com/infra/proxy:3.1@${digest(2)}`,
      `reg.example.com/infra/tools@${digest(9)}`,
      `reg.example.com/data/db:16.2@${digest(3)}`,
      `reg.example.com/infra/proxy:3.1@${digest(2)}`,
      `reg.example.com/data/db:16.2@${digest(3)}`,
      'reg.example.com/ignored:latest',
    ]);
    expect(
      pinned.find((image) => image.image === 'reg.example.com/shop/app:1.2.0')?.usedBy,
    ).toEqual([
      'Deployment/web (init container migrate)',
      'Deployment/web (container app)',
      'CronJob/nightly (container job)',
    ]);
    expect(pinned.find((image) => image.image.includes('tools'))?.alreadyPinned).toBe(true);
    // The result is still valid YAML for Kubernetes.
    expect(parseManifestObjects(text, 'x')).toHaveLength(7);
  });

  it('asks the registry once per reference, with a bound on concurrent lookups', async () => {
    const registry = new FakeRegistry(TAGS);
    await pinImages(parseManifestNodes(WORKLOADS, 'x'), {
      resolver: registry,
      allowMutableTags: false,
      concurrency: 2,
    });
    expect([...registry.lookups].sort()).toEqual([
      'reg.example.com/data/db:16.2',
      'reg.example.com/infra/proxy:3.1',
      `reg.example.com/infra/tools@${digest(9)}`,
      'reg.example.com/shop/app:1.2.0',
    ]);
    expect(registry.maxActive).toBe(2);
  });

  it('refuses latest and untagged images, listing every one with what uses it, before asking the registry', async () => {
    const text = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - {name: app, image: "reg.example.com/shop/app:latest"}
        - {name: sidecar, image: "busybox"}
`;
    const registry = new FakeRegistry({});
    const error = await pinImages(parseManifestNodes(text, 'x'), {
      resolver: registry,
      allowMutableTags: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).errors.map((e) => e.message)).toEqual([
      'Image busybox (used by Deployment/web (container sidecar)) is given only by its name (that is the mutable tag "latest"), which allow-mutable-tags: false refuses.',
      'Image reg.example.com/shop/app:latest (used by Deployment/web (container app)) is given only by the mutable tag "latest", which allow-mutable-tags: false refuses.',
    ]);
    expect(registry.lookups).toEqual([]);
  });

  it('pins mutable tags like any other when they are allowed', async () => {
    const nodes = parseManifestNodes(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "reg.example.com/shop/app:latest"}]}\n',
      'x',
    );
    await pinImages(nodes, {
      resolver: new FakeRegistry({ 'reg.example.com/shop/app:latest': digest(4) }),
      allowMutableTags: true,
    });
    expect(presentManifests(nodes)).toContain(`reg.example.com/shop/app:latest@${digest(4)}`);
  });

  it('names the image and every object and container using it when a tag does not exist', async () => {
    const error = await pinImages(parseManifestNodes(WORKLOADS, 'x'), {
      resolver: new FakeRegistry({ ...TAGS, 'reg.example.com/data/db:16.2': '' }),
      allowMutableTags: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'Image reg.example.com/data/db:16.2 does not exist in the registry (used by StatefulSet/db (container db), Job/once (container once)).',
    );
  });

  it('rejects an image reference that is not one, naming where it is used', async () => {
    const nodes = parseManifestNodes(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "Reg.Example.com/Shop/App:1"}]}\n',
      'x',
    );
    await expect(
      pinImages(nodes, { resolver: new FakeRegistry({}), allowMutableTags: false }),
    ).rejects.toThrow(/Invalid image reference .* It is used by Pod\/p \(container c\)\./);
  });
});
