import { UserError } from '../errors.js';
import type { AppManifest } from '../manifest/types.js';
import type { StoredRevision } from '../release/storage.js';
import type { TargetStates } from './check.js';
import {
  decodeRevision,
  firstInstallPending,
  gitUnchanged,
  manifestFor,
  type PlannedTarget,
} from './plan.js';
import type { DesiredRenderer } from './render.js';
import type { Target } from './targets.js';

/**
 * A target's desired and deployed states, as cheaply as the truth allows:
 *
 * - deployed: the last deployed revision, decoded from Helm's storage (read
 *   once per namespace by planTargets), never a helm process;
 * - desired, with a record whose request hash Git still matches: the
 *   deployed manifest itself (no render);
 * - desired, when Git changed, or for a release without a record: rendered
 *   from Git now (only that release), at most `renders` at once, with the
 *   image and build version the record names.
 */

export interface StatesEnvironment {
  /** Renders desired states (one per run: charts, capabilities and registry lookups shared). */
  renderer: DesiredRenderer;
  workspace: string;
  environment: string;
  /** The run's default.json and its path as given. */
  manifest: AppManifest | undefined;
  manifestPath: string;
  /** Bounds the renders running at once. */
  renderSlot: <T>(task: () => Promise<T>) => Promise<T>;
}

export async function targetStates(
  planned: PlannedTarget,
  env: StatesEnvironment,
): Promise<TargetStates> {
  if (planned.error) throw planned.error;
  const target = planned.target;
  const revision = deployedRevision(planned);
  const { objects: deployed, record } = decodeRevision(revision);
  const common = { deployed, revision: { revision: revision.revision, status: revision.status } };
  if (record) {
    const options = {
      workspace: env.workspace,
      environment: env.environment,
      manifest: env.manifest,
      manifestPath: env.manifestPath,
    };
    if (await gitUnchanged(target, record, options)) {
      const chart = `${record.chart.ref}${record.chart.version ? ` ${record.chart.version}` : ''}`;
      return { ...common, desired: deployed, chart, basis: 'deployed', record };
    }
    const withBuild: Target = {
      ...target,
      image: target.image ?? record.build.image,
      buildVersion: target.buildVersion ?? record.build.version,
      manifest: await manifestFor(target, options),
    };
    const rendered = await env.renderSlot(() => env.renderer.render(withBuild, record));
    return {
      ...common,
      desired: rendered.objects,
      chart: rendered.chart,
      basis: 'rendered',
      render: rendered.mode,
      record,
    };
  }
  const rendered = await env.renderSlot(() => env.renderer.render(target));
  return {
    ...common,
    desired: rendered.objects,
    chart: rendered.chart,
    basis: 'no-record',
    render: rendered.mode,
  };
}

/** The last deployed revision; a release that is missing, pending or never deployed is an error, not "no drift". */
function deployedRevision(planned: PlannedTarget): StoredRevision {
  const { target, state } = planned;
  const where = `release ${target.release} in namespace ${target.namespace}`;
  if (!state?.current) {
    throw new UserError(`There is no ${where}: nothing was deployed to compare with.`, {
      fix: `deploy it first, or correct release/namespace in ${target.where}.`,
    });
  }
  const firstInstall = firstInstallPending(state);
  if (firstInstall) {
    const since = pendingSince(firstInstall);
    throw new UserError(
      `The first install of ${where} never finished: revision ${firstInstall.revision} is pending-install${since ? ` since ${since}` : ''}, and no revision was ever deployed to compare with.`,
      {
        fix: `if no deploy of it is running now, deploy again with helm-deploy's recover-pending: true (it removes a first install that never finished, then installs), or remove it with \`helm uninstall ${target.release} -n ${target.namespace}\`.`,
      },
    );
  }
  if (state.current.status.startsWith('pending-')) {
    throw new UserError(
      `The ${where} is ${state.current.status} (revision ${state.current.revision}): a deploy is running or was cancelled, so its live state proves nothing yet.`,
      {
        fix: "check again after the deploy; a release stuck pending is recovered with helm-deploy's recover-pending.",
      },
    );
  }
  if (!state.deployed) {
    throw new UserError(
      `The ${where} has no deployed revision (the latest is ${state.current.status}).`,
      {
        fix: 'deploy it successfully first; drift is measured against the last deployed revision.',
      },
    );
  }
  return state.deployed;
}

/** When a pending revision started (helm's last_deployed), when its body can be read. */
function pendingSince(revision: StoredRevision): string | undefined {
  try {
    return revision.decode().info.lastDeployed;
  } catch {
    return undefined;
  }
}

/** A bound on concurrent tasks (each render starts a helm process: a few at once). */
export function slots(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
