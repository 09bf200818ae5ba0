import { gunzip } from '../gunzip.js';
import { UserError } from '../errors.js';
import type { ApiResource, KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/objects.js';

/**
 * Helm's release storage, read through the API server instead of a helm
 * process. Helm keeps every revision of a release in one object of its
 * namespace (driver `secret`, the default: a Secret of type
 * `helm.sh/release.v1` named `sh.helm.release.v1.<name>.v<revision>`;
 * driver `configmap`: a ConfigMap of the same name), labelled
 * `owner=helm, name=<release>, status=<status>, version=<revision>` plus the
 * labels given with `--labels`. Its `release` entry is the release as JSON,
 * gzipped and base64-encoded (a Secret's data is base64 once more).
 *
 * One LIST per namespace reads every release of it at once, and only the
 * revisions that matter (deployed or in progress), so a caller that checks
 * a hundred releases in one namespace pays one request, not a hundred.
 * The SQL driver keeps releases outside the cluster and is refused with a
 * clear message.
 */

export type StorageDriver = 'secret' | 'configmap';

/** The statuses a LIST asks for: the revision that serves, and any in progress. */
export const LIVE_STATUSES = ['deployed', 'pending-install', 'pending-upgrade', 'pending-rollback'];

/** One stored revision, its labels read and its body decoded on demand. */
export interface StoredRevision {
  name: string;
  namespace: string;
  revision: number;
  status: string;
  /** Every label of the storage object (helm's and `--labels`). */
  labels: Record<string, string>;
  /** `Secret sh.helm.release.v1.storefront.v3`, for messages. */
  object: string;
  /**
   * The release itself (manifest, chart, description), decoded at each call
   * and never kept: a run over a fleet holds each release's compressed entry
   * only, and its decoded body just while that release is checked. Throws
   * ReleaseDecodeError when unreadable.
   */
  decode(): ReleaseBody;
}

/** The parts of Helm's release JSON that callers use. */
export interface ReleaseBody {
  name: string;
  namespace: string;
  version: number;
  manifest: string;
  info: { status: string; description: string; lastDeployed: string | undefined };
  chart: { name: string; version: string; appVersion: string | undefined };
  labels: Record<string, string>;
}

/** A storage object that cannot be decoded: reported as an error of that release, never as "no drift". */
export class ReleaseDecodeError extends Error {
  override readonly name = 'ReleaseDecodeError';
}

const SECRET: ApiResource = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  name: 'secrets',
  namespaced: true,
  verbs: ['get', 'list'],
};
const CONFIG_MAP: ApiResource = { ...SECRET, kind: 'ConfigMap', name: 'configmaps' };
const MAX_DECODED_BYTES = 64 * 1024 * 1024;
/**
 * Storage objects per page: each holds a whole release (its chart too), so
 * pages of 100 keep a page's body to a few MB however large the fleet.
 */
const STORAGE_PAGE_SIZE = 100;

/** The driver helm would use, from HELM_DRIVER as helm reads it; undefined for those that keep releases outside the cluster (sql, memory) or unknown ones. */
export function clusterDriver(
  value: string | undefined = process.env.HELM_DRIVER,
): StorageDriver | undefined {
  const driver = (value ?? '').trim().toLowerCase();
  if (driver === '' || driver === 'secret' || driver === 'secrets') return 'secret';
  if (driver === 'configmap' || driver === 'configmaps') return 'configmap';
  return undefined;
}

/** The driver helm would use, from HELM_DRIVER as helm reads it; a clear error for those outside the cluster. */
export function storageDriver(value: string | undefined = process.env.HELM_DRIVER): StorageDriver {
  const driver = clusterDriver(value);
  if (driver) return driver;
  if ((value ?? '').trim().toLowerCase() === 'sql') {
    throw new UserError(
      'HELM_DRIVER=sql keeps Helm releases in an SQL database, outside the cluster; drift-check reads them only from the cluster.',
      {
        fix: 'deploy with the default secret driver (or configmap), or unset HELM_DRIVER for this job.',
      },
    );
  }
  throw new UserError(
    `HELM_DRIVER=${value} is not a storage driver drift-check can read (secret, configmap).`,
    {
      fix: 'set HELM_DRIVER to secret or configmap, as the deploys used, or unset it (secret).',
    },
  );
}

export class ReleaseStorage {
  constructor(
    private readonly client: KubeClient,
    readonly driver: StorageDriver = 'secret',
  ) {}

  /**
   * The live revisions (deployed or in progress) of every release in a
   * namespace, or cluster-wide when `namespace` is undefined; one LIST.
   * `selector` adds label requirements (e.g. `pipeline-actions.dev/environment=dev`).
   */
  async list(namespace: string | undefined, selector: string[] = []): Promise<StoredRevision[]> {
    const resource = this.resource();
    const labelSelector = [
      'owner=helm',
      `status in (${LIVE_STATUSES.join(',')})`,
      ...selector,
    ].join(',');
    // Page by page, keeping of each object only its labels and its compressed entry.
    const revisions: StoredRevision[] = [];
    try {
      await this.client.listEach(
        resource,
        namespace,
        { labelSelector, pageSize: STORAGE_PAGE_SIZE },
        {
          item: (item) => {
            const revision = this.revisionOf(item);
            if (revision) revisions.push(revision);
          },
          restart: () => (revisions.length = 0),
        },
      );
    } catch (error) {
      throw forbidden(error, resource, namespace) ?? error;
    }
    return revisions;
  }

  /**
   * Every revision Helm keeps of one release, whatever its status, oldest
   * first (what `helm history` reads); one LIST. Empty when there is none.
   */
  async history(release: string, namespace: string): Promise<StoredRevision[]> {
    const resource = this.resource();
    let items: KubeObject[] | undefined;
    try {
      items = await this.client.list(resource, namespace, {
        labelSelector: `owner=helm,name=${release}`,
      });
    } catch (error) {
      throw forbidden(error, resource, namespace) ?? error;
    }
    return (items ?? [])
      .flatMap((item) => {
        const revision = this.revisionOf(item);
        return revision?.name === release ? [revision] : [];
      })
      .sort((a, b) => a.revision - b.revision);
  }

  /** One revision of a release (what `helm get manifest --revision` reads); one GET, undefined when there is none. */
  async revision(
    release: string,
    namespace: string,
    revision: number,
  ): Promise<StoredRevision | undefined> {
    const resource = this.resource();
    let item: KubeObject | undefined;
    try {
      item = await this.client.get(
        resource,
        namespace,
        `sh.helm.release.v1.${release}.v${revision}`,
      );
    } catch (error) {
      throw forbidden(error, resource, namespace) ?? error;
    }
    return item ? this.revisionOf(item) : undefined;
  }

  private resource(): ApiResource {
    return this.driver === 'secret' ? SECRET : CONFIG_MAP;
  }

  private revisionOf(item: KubeObject): StoredRevision | undefined {
    const metadata = item.metadata ?? {};
    const labels = (metadata.labels ?? {}) as Record<string, string>;
    const name = labels.name;
    const revision = Number(labels.version);
    if (!name || !Number.isInteger(revision)) return undefined;
    const namespace = metadata.namespace ?? '';
    const object = `${item.kind ?? (this.driver === 'secret' ? 'Secret' : 'ConfigMap')} ${metadata.name ?? ''} in ${namespace}`;
    // Only the entry is kept, not the object it came in.
    const entry = (item as { data?: Record<string, string> }).data?.release;
    const secret = this.driver === 'secret';
    return {
      name,
      namespace,
      revision,
      status: labels.status ?? 'unknown',
      labels,
      object,
      decode: () => decodeRelease(entry, secret, object),
    };
  }
}

/** Helm's `release` entry: base64 (twice for a Secret's data), gzip (older helm: plain), JSON. */
export function decodeRelease(
  entry: string | undefined,
  secret: boolean,
  object: string,
): ReleaseBody {
  const json = decodeReleaseJson(entry, secret, object) as RawRelease;
  if (typeof json !== 'object' || json === null || typeof json.name !== 'string') {
    throw new ReleaseDecodeError(`${object} does not hold a Helm release (no name).`);
  }
  return {
    name: json.name,
    namespace: json.namespace ?? '',
    version: json.version ?? 0,
    manifest: json.manifest ?? '',
    info: {
      status: json.info?.status ?? 'unknown',
      description: json.info?.description ?? '',
      lastDeployed: json.info?.last_deployed,
    },
    chart: {
      name: json.chart?.metadata?.name ?? '',
      version: json.chart?.metadata?.version ?? '',
      appVersion: json.chart?.metadata?.appVersion,
    },
    labels: json.labels ?? {},
  };
}

/** The whole JSON of Helm's `release` entry, decoded as decodeRelease does, every field kept. */
export function decodeReleaseJson(
  entry: string | undefined,
  secret: boolean,
  object: string,
): unknown {
  if (!entry) throw new ReleaseDecodeError(`${object} has no "release" entry.`);
  let raw: Buffer;
  try {
    const text = secret ? Buffer.from(entry, 'base64').toString('latin1') : entry;
    raw = Buffer.from(text, 'base64');
    if (raw[0] === 0x1f && raw[1] === 0x8b) {
      raw = gunzip(raw, { maxOutputLength: MAX_DECODED_BYTES });
    }
  } catch (error) {
    throw new ReleaseDecodeError(`${object} is not a readable Helm release: ${String(error)}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (error) {
    throw new ReleaseDecodeError(`${object} does not hold a Helm release as JSON.`, {
      cause: error,
    });
  }
}

interface RawRelease {
  name?: string;
  namespace?: string;
  version?: number;
  manifest?: string;
  info?: { status?: string; description?: string; last_deployed?: string };
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } };
  labels?: Record<string, string>;
}

/** The release a caller asked for, in a namespace's listing: the revision that serves and the one in progress. */
export interface ReleaseState {
  /** The highest live revision (deployed or pending). */
  current: StoredRevision | undefined;
  /** The highest deployed revision. */
  deployed: StoredRevision | undefined;
}

/** Groups a listing by release name. */
export function releaseStates(revisions: readonly StoredRevision[]): Map<string, ReleaseState> {
  const states = new Map<string, ReleaseState>();
  for (const revision of revisions) {
    const key = `${revision.namespace}/${revision.name}`;
    const state = states.get(key) ?? { current: undefined, deployed: undefined };
    if (!state.current || revision.revision > state.current.revision) state.current = revision;
    if (
      revision.status === 'deployed' &&
      (!state.deployed || revision.revision > state.deployed.revision)
    )
      state.deployed = revision;
    states.set(key, state);
  }
  return states;
}

/** A LIST refused for RBAC, as the one message that names the missing permission. */
function forbidden(
  error: unknown,
  resource: ApiResource,
  namespace: string | undefined,
): UserError | undefined {
  if (!(error instanceof UserError) || !/forbidden|does not allow/i.test(error.message))
    return undefined;
  const where = namespace ? `in namespace ${namespace}` : 'cluster-wide';
  return new UserError(
    `The kubeconfig's identity may not list ${resource.name} ${where}, where Helm keeps its releases, so the deployed releases cannot be read. ${error.message}`,
    {
      fix: `grant it get and list on ${resource.name} ${where} (a Role with apiGroups [""], resources ["${resource.name}"], verbs ["get", "list"], bound to it)${namespace ? '' : ', or give the namespaces (default.json, or .github/drift.yml targets) so only those are read'}.`,
      cause: error,
    },
  );
}
