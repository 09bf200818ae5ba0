import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as core from '../core.js';
import { ToolError, TransientError, UserError } from '../errors.js';
import { retry, type RetryOptions } from '../retry.js';
import type { Helm, HelmConnection, HelmCredentials } from '../tools/helm.js';
import type { ChartDirectory, ChartDependency } from './chart.js';

/**
 * Dependencies declared in Chart.yaml, resolved without any manual step: a
 * chart in an OCI registry needs a `helm registry login` when the registry
 * wants credentials; a chart in an HTTP repository needs that repository
 * added (helm's own ad-hoc handling cannot take credentials or a CA, and
 * older helm answers "no repository definition"). Both go into helm's private
 * home, then `helm dependency build` fetches what Chart.lock (or Chart.yaml)
 * pins into the chart's charts/ directory.
 */

export interface DependencyPlan {
  /** OCI registries (`host[:port]`) that dependencies come from. */
  registries: string[];
  /** HTTP repositories (their URL as written) that dependencies come from. */
  repositories: string[];
  /** `file://` (or empty) repositories: already local. */
  local: ChartDependency[];
}

export function planDependencies(chart: ChartDirectory): DependencyPlan {
  const plan: DependencyPlan = { registries: [], repositories: [], local: [] };
  for (const dependency of chart.dependencies) {
    const repository = dependency.repository.trim();
    if (repository === '' || repository.startsWith('file://')) {
      plan.local.push(dependency);
    } else if (repository.startsWith('oci://')) {
      const host = repository.slice('oci://'.length).split('/')[0] ?? '';
      if (host === '') throw badRepository(chart, dependency, 'it names no registry host');
      if (!plan.registries.includes(host)) plan.registries.push(host);
    } else if (/^https?:\/\//.test(repository)) {
      if (!plan.repositories.includes(repository)) plan.repositories.push(repository);
    } else if (repository.startsWith('@') || repository.startsWith('alias:')) {
      throw badRepository(
        chart,
        dependency,
        `it refers to a repository by name ("${repository}"), which only exists in someone's local helm configuration`,
      );
    } else {
      throw badRepository(chart, dependency, 'it is neither oci://, https://, http:// nor file://');
    }
  }
  return plan;
}

export interface ResolveOptions {
  /** Credentials for a registry host or a repository origin, when there are any. */
  credentialsFor: (hostOrOrigin: string) => HelmCredentials | undefined;
  /** How to reach a registry host (plain HTTP, CA). */
  connectionFor: (host: string) => Promise<HelmConnection>;
  retry?: RetryOptions;
}

/** Logs in, adds repositories and runs `helm dependency build`; a no-op without dependencies. */
export async function resolveDependencies(
  helm: Helm,
  chart: ChartDirectory,
  options: ResolveOptions,
): Promise<DependencyPlan> {
  const plan = planDependencies(chart);
  if (plan.registries.length === 0 && plan.repositories.length === 0 && plan.local.length === 0) {
    return plan;
  }
  const build: HelmConnection = {};
  for (const host of plan.registries) {
    const connection = await options.connectionFor(host);
    if (connection.plainHttp) build.plainHttp = true;
    if (connection.caFile) build.caFile = connection.caFile;
    const credentials = options.credentialsFor(host);
    if (credentials) {
      core.info(`dependencies: logging in to ${host}`);
      await retry(() => helm.registryLogin(host, credentials, connection), options.retry);
    }
  }
  for (const url of plan.repositories) {
    const origin = new URL(url).origin;
    const credentials = options.credentialsFor(origin);
    const connection = await options.connectionFor(new URL(url).host);
    core.info(`dependencies: adding the repository ${url}`);
    await retry(
      () => helm.repoAdd(repositoryName(url), url, credentials, { caFile: connection.caFile }),
      options.retry,
    );
  }
  try {
    await retry(() => helm.dependencyBuild(chart.dir, build), options.retry);
  } catch (error) {
    throw dependencyFailure(error, chart);
  }
  return plan;
}

/** A stable name for a repository URL in the private repositories.yaml. */
export function repositoryName(url: string): string {
  return `dep-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

function dependencyFailure(error: unknown, chart: ChartDirectory): unknown {
  const location = { file: chart.dependenciesFile, ...lineOf(chart) };
  if (error instanceof TransientError) {
    return new UserError(
      `The dependencies of ${chart.name} could not be downloaded: ${error.message} (after several attempts).`,
      {
        fix: 'check the repository URLs in Chart.yaml; if they are right, the repository is unavailable: re-run the job later.',
        location,
        cause: error,
      },
    );
  }
  if (!(error instanceof ToolError)) return error;
  const text = error.stderr;
  if (/out of sync/i.test(text)) {
    return new UserError(
      `Chart.lock of ${chart.name} does not match the dependencies declared in ${chart.dependenciesFile}.`,
      {
        fix: `run \`helm dependency update ${chart.dir}\` and commit the new Chart.lock.`,
        location: { file: join(chart.dir, 'Chart.lock') },
        cause: error,
      },
    );
  }
  const reason = lastError(text);
  if (
    /not found|can't get a valid version|no chart version found|could not download|no repository definition/i.test(
      reason,
    )
  ) {
    return new UserError(`A dependency of ${chart.name} cannot be resolved: ${reason}`, {
      fix: 'check the name, version (or range) and repository of each dependency in Chart.yaml.',
      location,
      cause: error,
    });
  }
  return error;
}

/** The last `Error: …` line helm printed, without the prefix. */
function lastError(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  const errors = lines.filter((line) => line.startsWith('Error:'));
  return (errors.pop() ?? lines.filter(Boolean).pop() ?? '').replace(/^Error:\s*/, '');
}

function badRepository(chart: ChartDirectory, dependency: ChartDependency, why: string): UserError {
  return new UserError(
    `The repository of dependency "${dependency.name}" cannot be used: ${why}.`,
    {
      fix: 'write the repository as a URL in Chart.yaml: oci://registry/path, https://charts.example.com, or file://../path for a local chart.',
      location: { file: chart.dependenciesFile, ...lineOf(chart) },
    },
  );
}

function lineOf(chart: ChartDirectory): { line?: number } {
  if (chart.dependenciesFile !== chart.chartFile) return {};
  const line = chart.lineOf('dependencies');
  return line === undefined ? {} : { line };
}
