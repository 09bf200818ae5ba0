/**
 * The Kubernetes object model every layer shares: an object as read from a
 * manifest or the API server, and the reference that names one. Rendering,
 * the tool wrappers, the API client, deploy reports and drift all take these
 * from here (see README, Architecture); nothing here imports another module.
 */

/** A Kubernetes object as read from a manifest. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Which object: enough to find it in the cluster. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** Absent for cluster-scoped objects and for objects that take the release namespace. */
  namespace?: string;
}

export function objectRef(object: KubeObject): ObjectRef {
  const namespace = object.metadata?.namespace;
  return {
    apiVersion: object.apiVersion ?? '',
    kind: object.kind ?? '',
    name: object.metadata?.name ?? '',
    ...(namespace ? { namespace } : {}),
  };
}

/** The API group of an apiVersion: `apps` for `apps/v1`, '' for `v1`. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** `Deployment/storefront`, or `Deployment shop-dev/storefront` with a namespace. */
export function describeObject(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/**
 * The identity two renderings of one object share whatever its version:
 * group, kind, namespace (the default one when absent) and name.
 */
export function objectKey(ref: ObjectRef, defaultNamespace = ''): string {
  return `${apiGroup(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? defaultNamespace}/${ref.name}`;
}
