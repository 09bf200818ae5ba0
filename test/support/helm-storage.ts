// Helm's release storage written as helm writes it, for tests that need a
// history no helm run makes on demand: 21 failed upgrades, a revision left
// pending by a helm killed mid-operation, a date of a given age, a date helm
// did not write. A release installed by the real helm is the model; each
// revision written is a copy of its storage Secret
// (`sh.helm.release.v1.<name>.v<N>`, type `helm.sh/release.v1`, labelled
// name, owner, status, version; the release JSON gzipped and base64-encoded
// twice) with its version, status, description and date changed. helm reads
// these as its own: history, rollback and uninstall act on them.
//
//   await writeRevisions(env, namespace, 'storefront', [
//     { status: 'deployed', updated: hourAgo },
//     { status: 'pending-upgrade', updated: hourAgo },
//   ]);

import { gzipSync } from 'node:zlib';
import { Exec } from '../../src/exec.js';
import { decodeReleaseJson } from '../../src/release/storage.js';

/** Where kubectl finds the cluster (an Environment of test/env is one). */
export interface Cluster {
  kubectl: string;
  kubeconfig: string;
}

export interface RevisionShape {
  status: string;
  /** Helm's `info.last_deployed` as stored: any text, so a date helm never wrote can be stored too. */
  updated: string;
  description?: string;
}

interface StoredSecret {
  metadata: { name: string; labels?: Record<string, string> };
  type: string;
  data: { release: string };
}

interface ReleaseJson {
  version: number;
  info: Record<string, unknown>;
}

async function kubectl(cluster: Cluster, args: string[], input?: string): Promise<string> {
  const result = await Exec.check(cluster.kubectl, [...args, '--kubeconfig', cluster.kubeconfig], {
    silent: true,
    ...(input === undefined ? {} : { input }),
  });
  return result.stdout;
}

/** Helm's encoding of a release for a Secret's `release` entry (a Secret's data is base64 once more). */
export function encodeRelease(release: unknown): string {
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return Buffer.from(helmEncoded).toString('base64');
}

/**
 * Replaces the stored history of `release` with `revisions` (revision 1
 * first), each a copy of the revision `model` (default 1) that helm wrote.
 * One server-side apply, under helm's field manager.
 */
export async function writeRevisions(
  cluster: Cluster,
  namespace: string,
  release: string,
  revisions: readonly RevisionShape[],
  model = 1,
): Promise<void> {
  const modelName = `sh.helm.release.v1.${release}.v${model}`;
  const secret = JSON.parse(
    await kubectl(cluster, ['get', 'secret', modelName, '-n', namespace, '-o', 'json']),
  ) as StoredSecret;
  const body = decodeReleaseJson(secret.data.release, true, `Secret ${modelName}`) as ReleaseJson;
  const items = revisions.map((shape, index) => {
    const version = index + 1;
    const copy: ReleaseJson = {
      ...body,
      version,
      info: {
        ...body.info,
        status: shape.status,
        description: shape.description ?? `${shape.status} (written by the test)`,
        last_deployed: shape.updated,
      },
    };
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      type: secret.type,
      metadata: {
        name: `sh.helm.release.v1.${release}.v${version}`,
        namespace,
        labels: { ...secret.metadata.labels, status: shape.status, version: String(version) },
      },
      data: { release: encodeRelease(copy) },
    };
  });
  await kubectl(
    cluster,
    ['apply', '--server-side', '--force-conflicts', '--field-manager=helm', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
  );
}

/** A stored revision as the cluster holds it: which object, its status label and its resourceVersion. */
export interface StoredObject {
  name: string;
  status: string;
  resourceVersion: string;
}

/** Every storage Secret of a release, by revision; what a test compares to prove nothing was changed. */
export async function storedRevisions(
  cluster: Cluster,
  namespace: string,
  release: string,
): Promise<StoredObject[]> {
  const list = JSON.parse(
    await kubectl(cluster, [
      'get',
      'secrets',
      '-n',
      namespace,
      '-l',
      `owner=helm,name=${release}`,
      '-o',
      'json',
    ]),
  ) as {
    items: {
      metadata: { name: string; resourceVersion: string; labels: Record<string, string> };
    }[];
  };
  return list.items
    .map(({ metadata }) => ({
      name: metadata.name,
      status: metadata.labels.status ?? '',
      resourceVersion: metadata.resourceVersion,
      version: Number(metadata.labels.version),
    }))
    .sort((a, b) => a.version - b.version)
    .map(({ name, status, resourceVersion }) => ({ name, status, resourceVersion }));
}
