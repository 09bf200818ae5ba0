// Many Helm releases, cheaply: one release installed by helm itself serves
// as the model, and each copy is written as helm 3 would have written it
// (its release storage Secret and its objects, created under helm's field
// manager with the labels and annotations helm adds) by one `kubectl create`
// per namespace instead of one `helm install` per release. 1,000 releases
// take a minute this way instead of a quarter of an hour of helm processes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { kubectl } from './cluster.mjs';

/** The model's storage Secret and its release, decoded (base64 twice, gzip, JSON). */
async function readModel(env, model) {
  const found = await kubectl(env, [
    'get',
    'secret',
    '-n',
    model.namespace,
    '-l',
    `owner=helm,name=${model.release},status=deployed`,
    '-o',
    'json',
  ]);
  const secret = JSON.parse(found.stdout).items[0];
  if (!secret) throw new Error(`the model release ${model.release} is not installed`);
  const release = JSON.parse(
    gunzipSync(
      Buffer.from(Buffer.from(secret.data.release, 'base64').toString('latin1'), 'base64'),
    ).toString('utf8'),
  );
  return { secret, release };
}

/** Every whole-word occurrence of `from` replaced (release and namespace names are DNS labels). */
function rename(text, from, to) {
  return text.replace(new RegExp(`\\b${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), to);
}

/**
 * Copies of `model` (a release helm installed) as `targets` ({release,
 * namespace}), each with its own deploy record: `recordOf(target)` gives the
 * record object (appended to the manifest, as helm-deploy's post-renderer
 * does) and its `labelMap` (on the storage Secret, as `helm --labels` puts them).
 * `parseManifest` turns manifest text into objects. Namespaces must exist.
 */
export async function copyReleases(env, { model, targets, recordOf, parseManifest, scratchDir }) {
  const { secret, release } = await readModel(env, model);
  const ownLabels = ['name', 'owner', 'status', 'version', 'modifiedAt'];
  const modelRecord = recordOf(model);
  const isRecord = (document) => document.includes(modelRecord.object.metadata.name);
  // The manifest without the model's record; the copy's own record is appended after renaming.
  const documents = release.manifest.split(/^---$/m);
  const body = JSON.stringify({
    ...release,
    manifest: documents.filter((document) => !isRecord(document)).join('---'),
  });
  // A Secret's values are base64: the names inside them are renamed decoded.
  const secretValues = parseManifest(release.manifest, `${model.namespace}/${model.release}`)
    .filter((object) => object.kind === 'Secret')
    .flatMap((object) => Object.values(object.data ?? {}));
  const byNamespace = new Map();
  for (const target of targets) {
    const own = recordOf(target);
    const renamed = (text) =>
      rename(rename(text, model.release, target.release), model.namespace, target.namespace);
    let text = renamed(body);
    for (const value of secretValues) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      text = text.replaceAll(value, Buffer.from(renamed(decoded), 'utf8').toString('base64'));
    }
    const copy = JSON.parse(text);
    copy.manifest = `${copy.manifest.replace(/\s*$/, '')}\n---\n${JSON.stringify(own.object)}\n`;
    const objects = parseManifest(copy.manifest, `${target.namespace}/${target.release}`).map(
      (object) => ({
        ...object,
        metadata: {
          ...object.metadata,
          namespace: target.namespace,
          labels: { ...object.metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' },
          annotations: {
            ...object.metadata.annotations,
            'meta.helm.sh/release-name': target.release,
            'meta.helm.sh/release-namespace': target.namespace,
          },
        },
      }),
    );
    const labels = Object.fromEntries(
      Object.entries(secret.metadata.labels).filter(([key]) => ownLabels.includes(key)),
    );
    const storage = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `sh.helm.release.v1.${target.release}.v1`,
        namespace: target.namespace,
        labels: { ...own.labelMap, ...labels, name: target.release },
      },
      type: secret.type,
      data: {
        release: Buffer.from(
          gzipSync(Buffer.from(JSON.stringify(copy), 'utf8')).toString('base64'),
        ).toString('base64'),
      },
    };
    const list = byNamespace.get(target.namespace) ?? [];
    list.push(...objects, storage);
    byNamespace.set(target.namespace, list);
  }
  const jobs = [...byNamespace.entries()];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [namespace, items] = jobs[next++];
      const file = join(scratchDir, `copies-${namespace}.json`);
      writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
      await kubectl(env, ['create', '--field-manager=helm', '-n', namespace, '-f', file]);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
