// Digest pinning (helm-deploy's post-renderer) of 100 distinct image
// references on the local TLS registry (with its login, as real registries
// are), versus one `skopeo inspect` per reference: one after another, as a
// deploy script would, and eight at a time, as our pinning runs.
//
// Ours is the library function helm-deploy's post-renderer calls, imported
// directly: the rendered manifest (100 Deployments, one image each) parsed,
// every image found and resolved through a fresh RegistryPool, and written
// back as name:tag@sha256:…. Both sides must find the same digests.
import { parseManifestNodes } from '../src/kube/manifests.ts';
import { pinImages } from '../src/render/images.ts';
import { registryPool } from '../src/render/registry-pool.ts';
import { copyImage, skopeoCreds, tlsLogin } from './lib/cluster.mjs';
import { check, formatMs, formatRatio, formatSample, sample } from './lib/measure.mjs';

const COUNT = 100;
const CONCURRENCY = 8;
/** Shared by every run of the benchmark (the copies are made once). */
const REPOSITORY = (i) => `bench-pin/app-${String(i).padStart(3, '0')}`;

function manifests(images) {
  return images
    .map((image, i) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: app-${i}`,
        'spec:',
        '  selector: {matchLabels: {app: app-' + i + '}}',
        '  template:',
        '    metadata: {labels: {app: app-' + i + '}}',
        '    spec:',
        '      containers:',
        `        - name: app`,
        `          image: ${image}`,
      ].join('\n'),
    )
    .join('\n---\n');
}

async function ours(env, text) {
  const pool = registryPool({
    credentials: { [env.registryTls]: tlsLogin(env) },
    caFile: env.caFile,
  });
  try {
    const nodes = parseManifestNodes(text, 'bench manifests');
    const pinned = await pinImages(nodes, { resolver: pool, allowMutableTags: false });
    return Object.fromEntries(pinned.map((image) => [image.image, image.digest]));
  } finally {
    pool.close();
  }
}

async function skopeoInspect(env, ref) {
  const result = await check('skopeo', [
    'inspect',
    '--creds',
    skopeoCreds(env),
    '--format',
    '{{.Digest}}',
    `docker://${ref}`,
  ]);
  return result.stdout.trim();
}

async function skopeo(env, refs, concurrency) {
  const digests = {};
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const ref = refs[next++];
      digests[ref] = await skopeoInspect(env, ref);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return digests;
}

export async function benchmark({ env, runs, warmups, log }) {
  log(`  ${COUNT} image references under ${env.registryTls}/bench-pin/ (copied once)`);
  const images = [];
  for (let i = 0; i < COUNT; i++) {
    const image = await copyImage(env, REPOSITORY(i), '1.0.0', { tls: true });
    images.push(`${image.name}:${image.tag}`);
  }
  const text = manifests(images);
  const results = await sample(
    {
      ours: () => ours(env, text),
      'skopeo inspect, one after another': () => skopeo(env, images, 1),
      [`skopeo inspect, ${CONCURRENCY} at a time`]: () => skopeo(env, images, CONCURRENCY),
    },
    { warmups, runs, log },
  );
  const mine = results.ours;
  const serial = results['skopeo inspect, one after another'];
  const parallel = results[`skopeo inspect, ${CONCURRENCY} at a time`];
  for (const [name, result] of Object.entries(results)) {
    for (const digests of result.details) {
      for (const image of images) {
        if (digests[image] !== mine.details[0][image]) {
          throw new Error(
            `${name} resolved ${image} to ${digests[image]}, ours to ${mine.details[0][image]}`,
          );
        }
      }
    }
  }
  const ratio = mine.median / serial.median;
  return {
    summary: [
      {
        row: `digest pinning, ${COUNT} references`,
        ours: formatMs(mine.median),
        baseline: `${formatMs(serial.median)} (\`skopeo inspect\` each, one after another)`,
        ratio: formatRatio(ratio),
        target: 'faster',
        met: ratio < 1,
        why: `${formatRatio(ratio)}: pinning was not faster than skopeo.`,
      },
    ],
    tables: [
      {
        caption: `${COUNT} distinct references (\`${images[0]}\` … \`${images.at(-1)}\`), the same digests found by every side; median (range) of ${runs} interleaved runs`,
        headers: ['what', 'time', 'ours ÷ this'],
        rows: [
          [
            `helm-deploy's pinning (\`pinImages\` from src/render/images.ts, ${CONCURRENCY} lookups at a time, one HEAD of the manifest per reference)`,
            formatSample(mine),
            '1×',
          ],
          [
            '`skopeo inspect --creds … --format {{.Digest}} docker://<ref>`, one after another',
            formatSample(serial),
            formatRatio(ratio),
          ],
          [
            `the same skopeo command, ${CONCURRENCY} at a time`,
            formatSample(parallel),
            formatRatio(mine.median / parallel.median),
          ],
        ],
      },
    ],
    notes: [
      'Ours runs in this process (a fresh RegistryPool each run, so nothing is cached between runs); in a deploy it runs inside the post-renderer, whose Node start-up is in the helm-deploy rows. Each skopeo call is a process of its own, which is what a script pinning references one by one pays.',
      'skopeo inspect reads the manifest and the image configuration of each reference; the pinning only asks for the manifest digest (a HEAD request).',
      "The TLS registry (basic auth, the environment's CA) is used rather than the open one: on a plain-HTTP loopback registry a fresh pool's concurrent first lookups fail (the client learns the scheme from the first answer only), so the open registry cannot be benchmarked at eight lookups at a time until that is fixed.",
    ],
    raw: { ms: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.ms])) },
  };
}
