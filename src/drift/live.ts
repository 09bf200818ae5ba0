import {
  describeResource,
  type ApiResource,
  type KubeClient,
  type ListOptions,
} from '../kube/client.js';
import { mapSettled } from '../limit.js';
import {
  apiGroup,
  objectKey,
  objectRef,
  type KubeObject,
  type ObjectRef,
} from '../kube/objects.js';

/**
 * The live state of a release: one LIST per kind and namespace the release
 * (desired or deployed) has objects of, never a GET per object, at most
 * `concurrency` at once, plus the autoscalers of its namespaces (whatever
 * created them). Helm's own release records are left out of Secret lists.
 */

export interface LiveState {
  /** Live objects of the listed kinds, by objectKey. */
  objects: Map<string, KubeObject>;
  /** Every HorizontalPodAutoscaler in the release's namespaces. */
  autoscalers: KubeObject[];
  /** The resource type of each `group/Kind` the release uses. */
  resources: Map<string, ApiResource>;
  /** `group/version Kind` the server does not serve (their objects are all missing). */
  unserved: string[];
  /** What was listed: `deployments.apps in shop-dev`. */
  lists: string[];
}

const AUTOSCALER = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
/** Helm stores each release revision in a Secret of this type; they are not the chart's. */
const HELM_RELEASE_SECRETS = 'type!=helm.sh/release.v1';

export function kindKey(ref: Pick<ObjectRef, 'apiVersion' | 'kind'>): string {
  return `${apiGroup(ref.apiVersion)}/${ref.kind}`;
}

/**
 * LISTs shared by every target of a run: the first target that needs
 * `deployments.apps in shop-dev` lists it, every other target of that
 * namespace reads the same answer. So requests grow with namespaces x
 * kinds, not with releases.
 */
export class SharedLists {
  /** By namespace ('' for cluster-wide), then by resource and selector. */
  private readonly lists = new Map<string, Map<string, Promise<KubeObject[] | undefined>>>();

  constructor(private readonly client: KubeClient) {}

  list(
    resource: ApiResource,
    namespace: string | undefined,
    options: ListOptions,
  ): Promise<KubeObject[] | undefined> {
    const key = `${resource.group}/${resource.version}/${resource.name} ${options.fieldSelector ?? ''}`;
    let lists = this.lists.get(namespace ?? '');
    if (!lists) {
      lists = new Map();
      this.lists.set(namespace ?? '', lists);
    }
    let list = lists.get(key);
    if (!list) {
      list = this.client.list(resource, namespace, options);
      lists.set(key, list);
    }
    return list;
  }

  /**
   * Drops what was listed in a namespace once no target needs it any more,
   * so a run holds the live objects of the namespaces being checked, not of
   * the whole fleet (a later target of it would list again).
   */
  forget(namespace: string): void {
    this.lists.delete(namespace);
  }
}

export async function readLive(
  client: KubeClient,
  refs: readonly ObjectRef[],
  defaultNamespace: string,
  concurrency: number,
  shared?: SharedLists,
): Promise<LiveState> {
  const kinds = new Map<string, ObjectRef>();
  for (const ref of [...refs, { ...AUTOSCALER, name: '' }])
    if (!kinds.has(kindKey(ref))) kinds.set(kindKey(ref), ref);
  const discovered = await mapSettled([...kinds.values()], concurrency, (ref) =>
    client.resource(ref.apiVersion, ref.kind),
  );
  const resources = new Map<string, ApiResource>();
  const unserved: string[] = [];
  for (const [index, ref] of [...kinds.values()].entries()) {
    const result = discovered[index];
    if (result?.status === 'rejected') throw result.reason;
    if (result?.value) resources.set(kindKey(ref), result.value);
    else if (ref.kind !== AUTOSCALER.kind) unserved.push(`${ref.apiVersion} ${ref.kind}`);
  }

  const jobs = new Map<string, { resource: ApiResource; namespace: string | undefined }>();
  const namespaces = new Set<string>([defaultNamespace]);
  for (const ref of refs) {
    const resource = resources.get(kindKey(ref));
    if (!resource) continue;
    const namespace = resource.namespaced ? (ref.namespace ?? defaultNamespace) : undefined;
    if (namespace) namespaces.add(namespace);
    jobs.set(`${kindKey(ref)} ${namespace ?? ''}`, { resource, namespace });
  }
  const autoscaler = resources.get(kindKey(AUTOSCALER));
  if (autoscaler) {
    for (const namespace of namespaces)
      jobs.set(`${kindKey(AUTOSCALER)} ${namespace}`, { resource: autoscaler, namespace });
  }

  const lister = shared ?? client;
  const listed = await mapSettled([...jobs.values()], concurrency, (job) =>
    lister.list(
      job.resource,
      job.namespace,
      job.resource.kind === 'Secret' && job.resource.group === ''
        ? { fieldSelector: HELM_RELEASE_SECRETS }
        : {},
    ),
  );
  const objects = new Map<string, KubeObject>();
  const autoscalers: KubeObject[] = [];
  for (const result of listed) {
    if (result.status === 'rejected') throw result.reason;
    for (const object of result.value ?? []) {
      if (object.kind === AUTOSCALER.kind) autoscalers.push(object);
      objects.set(objectKey(objectRef(object), defaultNamespace), object);
    }
  }
  return {
    objects,
    autoscalers,
    resources,
    unserved,
    lists: [...jobs.values()].map(
      (job) =>
        `${describeResource(job.resource)}${job.namespace ? ` in ${job.namespace}` : ' (cluster-wide)'}`,
    ),
  };
}

/**
 * Whether a live object nobody deployed belongs to the release: it carries
 * the release's instance label or Helm's release annotation, and no
 * controller made it (ReplicaSets, Jobs of a CronJob, hook objects).
 */
export function carriesReleaseLabels(
  object: KubeObject,
  release: string,
  namespace: string,
): boolean {
  const labels = object.metadata?.labels ?? {};
  const annotations = object.metadata?.annotations ?? {};
  const owners = (object.metadata?.ownerReferences ?? []) as { controller?: boolean }[];
  if (owners.some((owner) => owner.controller)) return false;
  if (annotations['helm.sh/hook']) return false;
  if (labels['app.kubernetes.io/instance'] === release) return true;
  return (
    annotations['meta.helm.sh/release-name'] === release &&
    (annotations['meta.helm.sh/release-namespace'] ?? namespace) === namespace
  );
}
