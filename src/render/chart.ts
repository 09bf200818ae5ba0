import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import * as core from '../core.js';
import rcompare from 'semver/functions/rcompare.js';
import valid from 'semver/functions/valid.js';
import { UserError } from '../errors.js';
import { readChartDirectory } from '../helm/chart.js';
import { speaksPlainHttp } from '../helm/oci.js';
import { checkChartVersion } from '../helm/version.js';
import { RegistryClient } from '../oci/client.js';
import { chartVersionTag, parseReference } from '../oci/reference.js';
import type { Helm, HelmChartSource, HelmCredentials } from '../tools/helm.js';

/**
 * The chart a release is rendered from, in the three forms the `chart` input
 * takes: a directory of the repository, an `oci://` reference, or
 * `repo/name` from a classic chart repository. Remote charts must be pinned
 * to a version (the input, or a tag in the reference): a deploy never takes
 * "whatever is newest". An OCI version is checked in the registry first, so a
 * wrong one is reported with the versions that do exist.
 */

export interface ChartRequest {
  chart: string;
  version: string | undefined;
  workspace: string;
  /** URL of the classic repository a `repo/name` chart comes from. */
  repositoryUrl?: string | undefined;
  /** Credentials for the chart's registry or repository. */
  credentials?: HelmCredentials | undefined;
  /** PEM file of a CA for the chart's registry or repository. */
  caFile?: string | undefined;
  /**
   * For a chart directory: the appVersion to render it with (helm-push's
   * app-version). With a version other than Chart.yaml's, or this, the
   * directory is packaged into `scratch` as helm-push publishes it.
   */
  appVersion?: string | undefined;
  /** Where a chart directory is packaged with another version. */
  scratch?: string | undefined;
  /** Input names, for messages. */
  inputs?: { chart?: string; version?: string; repositoryUrl?: string };
}

export interface ResolvedChart {
  kind: 'local' | 'oci' | 'repository';
  source: HelmChartSource;
  /** `oci://host/path/chart:1.2.3`, `./deploy/chart` (for the summary). */
  display: string;
  /** The chart's version when known before rendering. */
  version: string | undefined;
}

export async function resolveChart(helm: Helm, request: ChartRequest): Promise<ResolvedChart> {
  const chartInput = request.inputs?.chart ?? 'chart';
  const versionInput = request.inputs?.version ?? 'chart-version';
  const text = request.chart.trim();
  if (text.startsWith('oci://')) return resolveOci(helm, text, request, versionInput);

  const local = isAbsolute(text) ? text : resolve(request.workspace, text);
  if (existsSync(local)) {
    const chart = readChartDirectory(local);
    if (chart.dependencies.length > 0) await helm.dependencyBuild(local);
    const version = request.version ?? chart.version;
    const appVersion = request.appVersion ?? chart.appVersion;
    if (version !== chart.version || appVersion !== chart.appVersion) {
      if (!request.scratch) {
        throw new UserError(
          `Input "${versionInput}" asks for version ${version}, but the chart in ${text} is version ${chart.version}.`,
          {
            fix: `leave "${versionInput}" empty for a chart directory, or set it to ${chart.version}.`,
            location: { file: chart.chartFile, ...lineAt(chart.lineOf('version')) },
          },
        );
      }
      if (request.version) checkChartVersion(request.version, { input: versionInput });
      // As helm-push publishes it (pipeline.yml: chart-version and app-version from the build).
      const packaged = await helm.package(local, request.scratch, { version, appVersion });
      return {
        kind: 'local',
        source: { ref: packaged },
        display: `${text} (as version ${version}${appVersion !== chart.appVersion ? `, appVersion ${appVersion}` : ''})`,
        version,
      };
    }
    return { kind: 'local', source: { ref: local }, display: text, version: chart.version };
  }

  if (/^[a-z0-9]([\w.-]*)\/[a-z0-9]([\w.-]*)$/i.test(text) && request.repositoryUrl) {
    if (!request.version) throw missingVersion(text, versionInput);
    const [repo] = text.split('/');
    await helm.repoAdd(repo as string, request.repositoryUrl, request.credentials, {
      caFile: request.caFile,
    });
    return {
      kind: 'repository',
      source: { ref: text, version: request.version, caFile: request.caFile },
      display: `${text} (${request.repositoryUrl})`,
      version: request.version,
    };
  }
  throw new UserError(
    `Input "${chartInput}" is "${text}", which is no directory in the repository${/^[\w.-]+\/[\w.-]+$/.test(text) ? ` and, without "${request.inputs?.repositoryUrl ?? 'repository-url'}", no repo/name chart either` : ''}.`,
    {
      fix: 'give a chart directory relative to the repository root, an oci:// reference (the `ref` output of helm-push), or repo/name with repository-url.',
    },
  );
}

async function resolveOci(
  helm: Helm,
  text: string,
  request: ChartRequest,
  versionInput: string,
): Promise<ResolvedChart> {
  const reference = parseReference(text);
  const bare = `oci://${reference.registry}/${reference.repository}`;
  if (reference.tag && request.version && chartVersionTag(request.version) !== reference.tag) {
    throw new UserError(
      `The chart reference ${text} names version ${reference.tag}, but input "${versionInput}" is ${request.version}.`,
      { fix: 'give the version in one place only.' },
    );
  }
  const version = request.version ?? (reference.tag ? reference.tag : undefined);
  if (!version && !reference.digest) throw missingVersion(text, versionInput);

  const plainHttp = await speaksPlainHttp(reference.registry);
  const client = new RegistryClient(reference.registry, {
    ...(request.credentials ? { credentials: request.credentials } : {}),
    ...(request.caFile ? { caFile: request.caFile } : {}),
    userAgent: 'pipeline-actions/helm-deploy',
  });
  try {
    const wanted = reference.digest ?? chartVersionTag(version as string);
    const found = await client.headManifest(reference.repository, wanted);
    if (!found) {
      const tags = await client.listTags(reference.repository).catch(() => []);
      const versions = tags
        .filter((tag) => valid(tag.replaceAll('_', '+')))
        .sort((a, b) => rcompare(a.replaceAll('_', '+'), b.replaceAll('_', '+')))
        .slice(0, 5);
      throw new UserError(
        `Chart ${bare} has no version ${reference.digest ?? version}${versions.length > 0 ? ` (the newest there: ${versions.join(', ')})` : ' (the repository has no versions at all)'}.`,
        {
          fix: `set "${versionInput}" to a published version (the \`version\` output of helm-push).`,
        },
      );
    }
    core.info(
      `chart ${bare}:${version ?? ''}${reference.digest ? `@${reference.digest}` : ''} is ${found.digest}`,
    );
  } finally {
    client.close();
  }
  if (request.credentials) {
    await helm.registryLogin(reference.registry, request.credentials, {
      plainHttp,
      caFile: request.caFile,
    });
  }
  const ref = reference.digest ? `${bare}@${reference.digest}` : bare;
  return {
    kind: 'oci',
    source: {
      ref,
      ...(reference.digest ? {} : { version: (version as string).replaceAll('_', '+') }),
      plainHttp,
      caFile: request.caFile,
    },
    display: `${bare}${version ? `:${version}` : ''}${reference.digest ? `@${reference.digest}` : ''}`,
    version,
  };
}

function missingVersion(chart: string, versionInput: string): UserError {
  return new UserError(
    `Chart ${chart} has no version: input "${versionInput}" is empty and the reference names none.`,
    {
      fix: `set "${versionInput}" to the chart version to deploy (the \`version\` output of helm-push); a deploy is pinned, never "the newest".`,
    },
  );
}

function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
