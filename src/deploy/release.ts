import * as core from '../core.js';
import { UserError } from '../errors.js';
import { workflowRunUrl } from '../render/annotate.js';
import type { KubeClient } from '../kube/client.js';
import { clusterDriver, ReleaseStorage } from '../release/storage.js';
import type { Helm, HelmRevision } from '../tools/helm.js';

/**
 * Release safety before an upgrade. A release whose latest revision is
 * `pending-*` is either being deployed right now or was abandoned by a
 * cancelled job ("another operation is in progress" for every later deploy).
 * Either way nothing is upgraded: the deploy stops with the command that
 * fixes it, or, with recover-pending, rolls back to the last good revision
 * first. It uninstalls only a first install that never finished (revision 1,
 * pending-install, nothing else in Helm's storage): a release that has ever
 * run is never uninstalled by anything automatic; with no good revision to
 * return to, it is refused with the commands to choose from. A release
 * that has been pending for less than the grace period may still be another
 * deploy at work, so it is never recovered: concurrent deploys of one release
 * are refused, not interleaved. Helm itself refuses to create a revision
 * while another is pending, and two deploys racing for the same revision
 * number collide on the storage object's name, so only one of them can win.
 */

/** Revisions to ask helm for: every one Helm's storage keeps (helm reads them all; --max only cuts its output). */
const WHOLE_HISTORY = 1_000_000;

export interface ReleaseState {
  /** Every revision Helm keeps, oldest first; empty for a release that does not exist yet. */
  history: HelmRevision[];
  current: HelmRevision | undefined;
  /** The revision that serves now: the last `deployed` one. */
  deployed: HelmRevision | undefined;
}

/**
 * Where a release's revisions are read from: Helm's storage through the API
 * server in this process (storedReleases), or helm itself (helmReleases) for
 * a storage driver that keeps releases outside the cluster.
 */
export interface ReleaseReader {
  /** Every revision Helm keeps, oldest first, as `helm history` lists them; empty when there is no such release. */
  history(release: string, namespace: string): Promise<HelmRevision[]>;
  /** The manifest of a revision, as `helm get manifest --revision`; undefined when there is none. */
  manifest(release: string, namespace: string, revision: number): Promise<string | undefined>;
}

/**
 * The release read from Helm's storage (Secrets or ConfigMaps) through the
 * API: no process. history() decodes every revision it lists, so the
 * manifests of the last release it listed are kept: manifest() of one of
 * those revisions needs no second request (a stored revision's manifest
 * never changes; helm rewrites only its status).
 */
export function storedReleases(storage: ReleaseStorage): ReleaseReader {
  let listed: { release: string; namespace: string; manifests: Map<number, string> } | undefined;
  return {
    history: async (release, namespace) => {
      const manifests = new Map<number, string>();
      const history = (await storage.history(release, namespace)).map((stored) => {
        const body = stored.decode();
        manifests.set(stored.revision, body.manifest);
        return {
          revision: stored.revision,
          updated: body.info.lastDeployed ?? '',
          status: body.info.status,
          chart: `${body.chart.name}-${body.chart.version}`,
          app_version: body.chart.appVersion ?? '',
          description: body.info.description,
        };
      });
      listed = { release, namespace, manifests };
      return history;
    },
    manifest: async (release, namespace, revision) => {
      const kept =
        listed?.release === release && listed.namespace === namespace
          ? listed.manifests.get(revision)
          : undefined;
      return kept ?? (await storage.revision(release, namespace, revision))?.decode().manifest;
    },
  };
}

/** The release read by helm processes (`helm history`, `helm get manifest`). */
export function helmReleases(helm: Helm): ReleaseReader {
  return {
    history: (release, namespace) => helm.history(release, namespace, WHOLE_HISTORY),
    manifest: (release, namespace, revision) => helm.getManifest(release, namespace, revision),
  };
}

/**
 * How helm-deploy reads releases: from the cluster with the client when
 * helm keeps them there (HELM_DRIVER secret, the default, or configmap),
 * else through helm.
 */
export function releaseReader(helm: Helm, client: KubeClient): ReleaseReader {
  const driver = clusterDriver();
  return driver ? storedReleases(new ReleaseStorage(client, driver)) : helmReleases(helm);
}

export async function readRelease(
  reader: ReleaseReader,
  release: string,
  namespace: string,
): Promise<ReleaseState> {
  const history = await reader.history(release, namespace);
  return {
    history,
    current: history[history.length - 1],
    deployed: [...history].reverse().find((revision) => revision.status === 'deployed'),
  };
}

export function isPending(revision: HelmRevision | undefined): boolean {
  return revision?.status.startsWith('pending-') ?? false;
}

/** What recovering a pending release takes; `refuse` when no automatic way out is safe. */
export type Recovery =
  | { kind: 'rollback'; revision: number; command: string }
  | { kind: 'uninstall'; command: string }
  | { kind: 'refuse'; command: string };

/**
 * The way out of a pending release: roll back to the last good revision in
 * the whole history; uninstall only a first install that never finished;
 * otherwise refuse (a release that once ran is never uninstalled).
 */
export function recoveryFor(state: ReleaseState, release: string, namespace: string): Recovery {
  const pending = state.current;
  const good = [...state.history]
    .reverse()
    .find(
      (revision) =>
        revision !== pending &&
        (revision.status === 'deployed' || revision.status === 'superseded'),
    );
  if (good) {
    return {
      kind: 'rollback',
      revision: good.revision,
      command: `helm rollback ${release} ${good.revision} --namespace ${namespace}`,
    };
  }
  const firstInstall =
    state.history.length === 1 && pending?.revision === 1 && pending.status === 'pending-install';
  const uninstall = `helm uninstall ${release} --namespace ${namespace}`;
  if (firstInstall) return { kind: 'uninstall', command: uninstall };
  return {
    kind: 'refuse',
    command: `helm history ${release} --namespace ${namespace}\` to choose a revision for \`helm rollback ${release} <revision> --namespace ${namespace}\`, or \`${uninstall}`,
  };
}

export interface PendingOptions {
  release: string;
  namespace: string;
  recover: boolean;
  /** A pending revision younger than this may be another deploy still running. */
  graceSeconds: number;
  timeoutSeconds: number;
  now?: Date;
}

export interface PendingOutcome {
  state: ReleaseState;
  /** Set when a pending release was recovered before the upgrade. */
  recovered?: { from: HelmRevision; recovery: Recovery };
}

/** Stops (or, when asked and safe, recovers) a release stuck in pending-*. */
export async function ensureNotPending(
  helm: Pick<Helm, 'rollback' | 'uninstall'>,
  reader: ReleaseReader,
  options: PendingOptions,
): Promise<PendingOutcome> {
  const { release, namespace } = options;
  const state = await readRelease(reader, release, namespace);
  const pending = state.current;
  if (!pending || !isPending(pending)) return { state };

  const recovery = recoveryFor(state, release, namespace);
  const since = Date.parse(pending.updated);
  const ageSeconds = Number.isNaN(since)
    ? undefined
    : Math.max(0, Math.round(((options.now ?? new Date()).getTime() - since) / 1000));
  const what = `Release ${release} in namespace ${namespace} is ${pending.status} (revision ${pending.revision}, since ${pending.updated}${ageSeconds === undefined ? '' : `, ${formatAge(ageSeconds)} ago`})`;
  if (!options.recover) {
    throw new UserError(
      `${what}: another deploy is running, or one was cancelled and left it stuck. Nothing was changed.`,
      {
        fix: `if no other deploy of this release is running, run \`${recovery.command}\`, or deploy again with recover-pending: true.`,
      },
    );
  }
  if (ageSeconds === undefined) {
    throw new UserError(
      `${what}: Helm's date for it cannot be read, so there is no telling whether another deploy is still at work; it was not recovered. Nothing was changed.`,
      {
        fix: `if no other deploy of this release is running, run \`${recovery.command}\` yourself.`,
      },
    );
  }
  if (recovery.kind === 'refuse') {
    throw new UserError(
      `${what}, and no revision in its history of ${state.history.length} was ever deployed successfully, yet it is not a first install: recover-pending never uninstalls a release that has run, and has nothing to roll back to. Nothing was changed.`,
      { fix: `look at \`${recovery.command}\` yourself.` },
    );
  }
  if (ageSeconds < options.graceSeconds) {
    throw new UserError(
      `${what}: that is recent enough to be another deploy still at work, so it was not recovered. Nothing was changed.`,
      {
        fix: `run deploys of one release one at a time (a \`concurrency:\` group in the workflow); recover-pending acts on a release pending for more than ${options.graceSeconds}s (recover-pending-after).`,
      },
    );
  }
  core.warning(`${what}; recovering it (recover-pending): ${recovery.command}`);
  if (recovery.kind === 'rollback') {
    await helm.rollback(release, namespace, recovery.revision, {
      wait: true,
      timeoutSeconds: options.timeoutSeconds,
    });
  } else {
    await helm.uninstall(release, namespace, options.timeoutSeconds);
  }
  return {
    state: await readRelease(reader, release, namespace),
    recovered: { from: pending, recovery },
  };
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/**
 * How long a pending release may be another deploy at work: its upgrade
 * (the wait, and hooks, each up to the timeout) and, when atomic, its
 * rollback. Unknown for certain, so generous by default.
 */
export function pendingGraceSeconds(timeoutSeconds: number, given: number | undefined): number {
  return given ?? 2 * timeoutSeconds + 60;
}

/** A release name helm takes, or a UserError that says where it came from. */
export function checkReleaseName(release: string): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53) {
    throw new UserError(
      `Release name "${release}" is not valid: helm takes lowercase letters, digits and "-", at most 53 characters.`,
      { fix: 'set the `release` input, or fix application.name in default.json.' },
    );
  }
}

/** The description helm stores with the revision: which commit, by whom, from which run. */
export function deployDescription(): string {
  const sha = process.env.GITHUB_SHA?.slice(0, 12);
  const actor = process.env.GITHUB_ACTOR;
  const run = workflowRunUrl();
  return ['helm-deploy', sha ? `of ${sha}` : '', actor ? `by ${actor}` : '', run ? `(${run})` : '']
    .filter((part) => part !== '')
    .join(' ');
}
