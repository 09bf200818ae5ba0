import { isKeyed, isObject, valueAt, type Path, type Segment } from './paths.js';

/**
 * The values the API server fills in when a manifest leaves a field out
 * (the defaults of the built-in workload, pod and service types, as the
 * Kubernetes API reference documents them). A field only the live object
 * has is drift only when someone chose it: one that holds the server's own
 * default is not, whoever owns it now. Ownership alone cannot tell: editing
 * a key field of a list item (a container port's number) re-creates the
 * item, and the editor then owns the defaults the server put in it
 * (`protocol: TCP`) even once the number is set back.
 */

/** A default: a fixed value, or one derived from the map that holds the field. */
type Default = string | number | boolean | ((holder: Record<string, unknown>) => unknown);

/** Where a field sits below a pod spec, `*` for any list item; and its default. */
const CONTAINER: Record<string, Default> = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  imagePullPolicy: (container) => imagePullPolicy(container.image),
  'ports.*.protocol': 'TCP',
  'env.*.valueFrom.fieldRef.apiVersion': 'v1',
  ...probe('livenessProbe'),
  ...probe('readinessProbe'),
  ...probe('startupProbe'),
};

const POD_SPEC: Record<string, Default> = {
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  terminationGracePeriodSeconds: 30,
  enableServiceLinks: true,
  ...below('containers.*', CONTAINER),
  ...below('initContainers.*', CONTAINER),
  'volumes.*.configMap.defaultMode': 0o644,
  'volumes.*.secret.defaultMode': 0o644,
  'volumes.*.projected.defaultMode': 0o644,
  'volumes.*.downwardAPI.defaultMode': 0o644,
  'volumes.*.downwardAPI.items.*.fieldRef.apiVersion': 'v1',
};

const JOB_SPEC: Record<string, Default> = {
  backoffLimit: 6,
  completions: 1,
  parallelism: 1,
  completionMode: 'NonIndexed',
  suspend: false,
  ...below('template.spec', POD_SPEC),
};

/** Per kind, relative to the object. */
const BY_KIND: Record<string, Record<string, Default>> = {
  Pod: below('spec', POD_SPEC),
  Deployment: {
    'spec.revisionHistoryLimit': 10,
    'spec.progressDeadlineSeconds': 600,
    'spec.strategy.type': 'RollingUpdate',
    'spec.strategy.rollingUpdate.maxSurge': '25%',
    'spec.strategy.rollingUpdate.maxUnavailable': '25%',
    ...below('spec.template.spec', POD_SPEC),
  },
  StatefulSet: {
    'spec.revisionHistoryLimit': 10,
    'spec.podManagementPolicy': 'OrderedReady',
    'spec.updateStrategy.type': 'RollingUpdate',
    'spec.updateStrategy.rollingUpdate.partition': 0,
    'spec.persistentVolumeClaimRetentionPolicy.whenDeleted': 'Retain',
    'spec.persistentVolumeClaimRetentionPolicy.whenScaled': 'Retain',
    'spec.volumeClaimTemplates.*.spec.volumeMode': 'Filesystem',
    ...below('spec.template.spec', POD_SPEC),
  },
  DaemonSet: {
    'spec.revisionHistoryLimit': 10,
    'spec.updateStrategy.type': 'RollingUpdate',
    'spec.updateStrategy.rollingUpdate.maxSurge': 0,
    'spec.updateStrategy.rollingUpdate.maxUnavailable': 1,
    ...below('spec.template.spec', POD_SPEC),
  },
  ReplicaSet: below('spec.template.spec', POD_SPEC),
  Job: below('spec', JOB_SPEC),
  CronJob: {
    'spec.concurrencyPolicy': 'Allow',
    'spec.suspend': false,
    'spec.successfulJobsHistoryLimit': 3,
    'spec.failedJobsHistoryLimit': 1,
    ...below('spec.jobTemplate.spec', JOB_SPEC),
  },
  Service: {
    'spec.type': 'ClusterIP',
    'spec.sessionAffinity': 'None',
    'spec.internalTrafficPolicy': 'Cluster',
    'spec.ports.*.protocol': 'TCP',
    'spec.ports.*.targetPort': (port) => port.port,
  },
};

/**
 * Whether `value`, at `path` of a live object of `kind`, is what the API
 * server fills in when the field is left out. `live` is the (normalized)
 * live object, for defaults that depend on a sibling (a container's
 * imagePullPolicy on its image, a service port's targetPort on its port).
 */
export function isServerDefault(kind: string, path: Path, value: unknown, live: unknown): boolean {
  const table = BY_KIND[kind];
  if (!table) return false;
  const key = path.map((segment) => (isItem(segment) ? '*' : segment)).join('.');
  if (!Object.hasOwn(table, key)) return false;
  const entry = table[key];
  let fallback: unknown = entry;
  if (typeof entry === 'function') {
    const holder = valueAt(live, path.slice(0, -1));
    if (!isObject(holder)) return false;
    fallback = entry(holder);
  }
  return fallback !== undefined && String(fallback) === String(value);
}

/** The pull policy the server gives a container: Always for `:latest` or no tag, else IfNotPresent. */
function imagePullPolicy(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  if (image.includes('@')) return 'IfNotPresent';
  const name = image.slice(image.lastIndexOf('/') + 1);
  const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function probe(name: string): Record<string, Default> {
  return {
    [`${name}.timeoutSeconds`]: 1,
    [`${name}.periodSeconds`]: 10,
    [`${name}.successThreshold`]: 1,
    [`${name}.failureThreshold`]: 3,
    [`${name}.httpGet.scheme`]: 'HTTP',
  };
}

function below(prefix: string, table: Record<string, Default>): Record<string, Default> {
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [`${prefix}.${key}`, value]),
  );
}

function isItem(segment: Segment): boolean {
  return typeof segment === 'number' || isKeyed(segment);
}
