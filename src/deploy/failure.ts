import * as core from '../core.js';
import { errorMessage } from '../errors.js';
import { describeObject, objectRef, type KubeObject, type ObjectRef } from '../kube/objects.js';
import type { HelmRevision } from '../tools/helm.js';
import type { Kubectl } from '../tools/kubectl.js';

/**
 * What to tell the user when a deploy fails: which resources did not become
 * ready and why (their pods' conditions, container states), their recent
 * events, and what state the release was left in. Helm's own message on a
 * wait timeout says only "context deadline exceeded", and with atomic the
 * evidence is rolled back before helm returns, so a ReadinessWatch samples
 * the release's workloads while helm waits and keeps the last sample in which
 * something was not ready.
 */

export interface NotReady {
  ref: ObjectRef;
  /** `0/2 ready`, `Pending`… */
  state: string;
  /** Why, from conditions and container states (`Unschedulable: 0/3 nodes are available…`). */
  reasons: string[];
}

export interface EventLine {
  /** `Pod shop-dev/storefront-7c9…` */
  object: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  last: string;
}

export interface FailureReport {
  notReady: NotReady[];
  events: EventLine[];
}

/** What workloads create, named after them. */
const OWNED_KINDS = new Set([
  'Pod',
  'ReplicaSet',
  'Job',
  'ControllerRevision',
  'PersistentVolumeClaim',
]);

const WATCHED_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'Pod',
  'PersistentVolumeClaim',
]);

/** Why a workload is not ready, or undefined when it is. */
export function readiness(object: KubeObject): { state: string; reasons: string[] } | undefined {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const status = (object.status ?? {}) as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const conditionReasons = (types: string[]) =>
    conditions(status)
      .filter((condition) => types.includes(condition.type) && condition.status !== 'True')
      .map((condition) =>
        `${condition.reason ?? condition.type}: ${condition.message ?? ''}`.trim(),
      );
  const generationBehind =
    typeof object.metadata?.generation === 'number' &&
    num(status.observedGeneration) < object.metadata.generation;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      // As `kubectl rollout status` judges it: every replica updated, no old
      // ones left, and the updated ones available (ready, for a StatefulSet).
      const wanted = spec.replicas === undefined ? 1 : num(spec.replicas);
      const ready = num(
        object.kind === 'Deployment' ? status.availableReplicas : status.readyReplicas,
      );
      const total = num(status.replicas);
      const updated = object.kind === 'ReplicaSet' ? total : num(status.updatedReplicas);
      const revisionBehind =
        object.kind === 'StatefulSet' &&
        status.updateRevision !== undefined &&
        status.currentRevision !== status.updateRevision;
      if (
        ready >= wanted &&
        updated >= wanted &&
        total <= updated &&
        !revisionBehind &&
        !generationBehind
      ) {
        return undefined;
      }
      const old = total > updated ? `, ${total - updated} old still running` : '';
      return {
        state: `${updated}/${wanted} updated, ${ready} ${object.kind === 'Deployment' ? 'available' : 'ready'}${old}`,
        reasons: conditionReasons(['Available', 'Progressing', 'ReplicaFailure']),
      };
    }
    case 'DaemonSet': {
      const wanted = num(status.desiredNumberScheduled);
      const ready = num(status.numberReady);
      if (ready >= wanted && !generationBehind) return undefined;
      return { state: `${ready}/${wanted} ready`, reasons: [] };
    }
    case 'Job': {
      if (num(status.failed) === 0) return undefined;
      return { state: `${num(status.failed)} failed`, reasons: conditionReasons(['Failed']) };
    }
    case 'Pod':
      return podReadiness(object);
    case 'PersistentVolumeClaim': {
      if (status.phase === 'Bound') return undefined;
      return { state: String(status.phase ?? 'Pending'), reasons: [] };
    }
    default:
      return undefined;
  }
}

function podReadiness(pod: KubeObject): { state: string; reasons: string[] } | undefined {
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const ready = conditions(status).find((condition) => condition.type === 'Ready');
  if (ready?.status === 'True' || status.phase === 'Succeeded') return undefined;
  const reasons = conditions(status)
    .filter((condition) => condition.status !== 'True' && (condition.reason || condition.message))
    .map((condition) => `${condition.reason ?? condition.type}: ${condition.message ?? ''}`.trim());
  const statuses = [
    ...asArray(status.initContainerStatuses),
    ...asArray(status.containerStatuses),
  ] as Record<string, Record<string, Record<string, string>>>[];
  for (const container of statuses) {
    const waiting = container.state?.waiting;
    const terminated = container.state?.terminated;
    const name = String(container.name ?? '');
    if (waiting?.reason)
      reasons.push(
        `container ${name} ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`,
      );
    if (terminated?.reason && terminated.reason !== 'Completed') {
      reasons.push(`container ${name} ${terminated.reason} (exit ${terminated.exitCode ?? '?'})`);
    }
  }
  return { state: String(status.phase ?? 'Pending'), reasons: [...new Set(reasons)] };
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

function conditions(status: Record<string, unknown>): Condition[] {
  return asArray(status.conditions) as Condition[];
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The pods a workload selects (matchLabels), from a list of pods. */
export function podsOf(workload: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const selector = (
    (workload.spec ?? {}) as { selector?: { matchLabels?: Record<string, string> } }
  ).selector;
  const labels = selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return [];
  return pods.filter((pod) =>
    Object.entries(labels).every(([key, value]) => pod.metadata?.labels?.[key] === value),
  );
}

/** The not-ready workloads among `refs` right now, each with its not-ready pods. */
export async function sampleReadiness(
  kubectl: Kubectl,
  refs: readonly ObjectRef[],
  namespace: string,
): Promise<NotReady[]> {
  const watched = refs.filter((ref) => WATCHED_KINDS.has(ref.kind));
  if (watched.length === 0) return [];
  const [objects, pods] = await Promise.all([
    kubectl.getObjects(watched, namespace),
    kubectl.list('pods', namespace),
  ]);
  const notReady: NotReady[] = [];
  for (const object of objects) {
    const problem = readiness(object);
    if (!problem) continue;
    const reasons = [...problem.reasons];
    for (const pod of podsOf(object, pods)) {
      const podProblem = podReadiness(pod);
      if (!podProblem) continue;
      const detail = podProblem.reasons.length > 0 ? `: ${podProblem.reasons.join('; ')}` : '';
      reasons.push(`pod ${pod.metadata?.name ?? '?'} ${podProblem.state}${detail}`);
    }
    notReady.push({ ref: objectRef(object), state: problem.state, reasons: [...new Set(reasons)] });
  }
  return notReady;
}

/**
 * Samples the release's workloads every few seconds while helm waits. The
 * objects to watch are known only once the post-renderer has run, hence the
 * provider.
 */
export class ReadinessWatch {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastNotReady: NotReady[] = [];
  private stopped = false;

  constructor(
    private readonly kubectl: Kubectl,
    private readonly namespace: string,
    private readonly objects: () => readonly ObjectRef[] | undefined,
    private readonly intervalMs = 4000,
  ) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.sample().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.timer = setTimeout(tick, this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** The last sample in which something was not ready (empty when every sample was ready). */
  notReady(): NotReady[] {
    return this.lastNotReady;
  }

  private async sample(): Promise<void> {
    const refs = this.objects();
    if (!refs) return;
    try {
      const notReady = await sampleReadiness(this.kubectl, refs, this.namespace);
      if (notReady.length > 0) this.lastNotReady = notReady;
    } catch (error) {
      core.debug(`readiness sample failed: ${errorMessage(error)}`);
    }
  }
}

/** Recent events (since `since`) of the given objects and of their pods, replica sets and jobs; warnings first. */
export async function recentEvents(
  kubectl: Kubectl,
  namespace: string,
  objects: readonly Pick<ObjectRef, 'kind' | 'name'>[],
  since: Date,
  max = 20,
): Promise<EventLine[]> {
  const events = await kubectl.list('events', namespace);
  const related = (kind: string, name: string) =>
    objects.some(
      (object) =>
        (kind === object.kind && name === object.name) ||
        (OWNED_KINDS.has(kind) && name.startsWith(`${object.name}-`)),
    );
  const lines: (EventLine & { at: number })[] = [];
  for (const event of events) {
    const involved = (event.involvedObject ?? {}) as {
      kind?: string;
      name?: string;
      namespace?: string;
    };
    if (!involved.name || !related(involved.kind ?? '', involved.name)) continue;
    const last = String(
      event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp ?? '',
    );
    const at = Date.parse(last);
    if (Number.isNaN(at) || at < since.getTime() - 1000) continue;
    lines.push({
      object: describeObject({
        apiVersion: '',
        kind: involved.kind ?? '',
        name: involved.name,
        namespace: involved.namespace ?? namespace,
      }),
      type: String(event.type ?? ''),
      reason: String(event.reason ?? ''),
      message: String(event.message ?? '').trim(),
      count: typeof event.count === 'number' ? event.count : 1,
      last,
      at,
    });
  }
  lines.sort((a, b) => (a.type === b.type ? b.at - a.at : a.type === 'Warning' ? -1 : 1));
  return lines.slice(0, max).map(({ at: _at, ...line }) => line);
}

/** The release after a failure, in words: which revision serves, and what became of the failed one. */
export function describeReleaseState(history: readonly HelmRevision[], release: string): string {
  const current = history[history.length - 1];
  if (!current)
    return `Release ${release} does not exist (a failed first install is removed when atomic).`;
  const deployed = [...history].reverse().find((revision) => revision.status === 'deployed');
  const parts = [
    `Release ${release} is at revision ${current.revision} (${current.status}${current.description ? `: ${current.description}` : ''}).`,
  ];
  const rolledBackTo = /^Rollback to (\d+)/.exec(current.description)?.[1];
  if (current.status === 'deployed' && rolledBackTo) {
    const failed = [...history].reverse().find((revision) => revision.status === 'failed');
    parts.push(
      `It was rolled back to the configuration of revision ${rolledBackTo}, which serves again${failed ? `; revision ${failed.revision} failed` : ''}.`,
    );
  } else if (current.status === 'failed' && deployed) {
    parts.push(
      `Revision ${deployed.revision} is the last one deployed; the cluster may hold parts of revision ${current.revision}. \`helm rollback ${release} ${deployed.revision}\` restores revision ${deployed.revision} completely.`,
    );
  } else if (!deployed) {
    parts.push('No revision is deployed.');
  }
  return parts.join(' ');
}
