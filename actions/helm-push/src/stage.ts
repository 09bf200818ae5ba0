import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import { readChartDirectory, type ChartDirectory } from '../../../src/helm/chart.js';
import { chartContent } from '../../../src/helm/content.js';
import { resolveDependencies } from '../../../src/helm/dependencies.js';
import { decide, type Decision, type IfExists } from '../../../src/helm/immutability.js';
import { findingLocation, lintErrors } from '../../../src/helm/lint.js';
import type { LintFinding } from '../../../src/tools/helm/lint-output.js';
import { speaksPlainHttp } from '../../../src/helm/oci.js';
import { checkChartVersion } from '../../../src/helm/version.js';
import { caFile, loginFor, readCa, readLogin } from '../../../src/registry/index.js';
import { annotate } from '../../../src/report/annotations.js';
import type { RetryOptions } from '../../../src/retry.js';
import { Gpg } from '../../../src/tools/gpg.js';
import {
  HelmHome,
  helmSetupOptions,
  helmSourceOf,
  setupHelm,
  type Helm,
  type HelmConnection,
  type SignOptions,
} from '../../../src/tools/helm.js';
import { parseDestination, type Destination } from './destinations.js';
import type { Inputs } from './inputs.js';
import { createTarget, type Existing, type PackagedChart, type Target } from './targets.js';

/**
 * The helm-push stage: read the chart, check every destination first, then
 * helm (installed or found), dependencies, lint, package (and sign), and
 * publish where the version is new or, with `if-exists: overwrite`, where it
 * differs. Nothing is pushed unless every earlier step passed, and a
 * destination that already serves the same content is left untouched.
 */

export type Result = 'pushed' | 'replaced' | 'unchanged';

export interface DestinationOutcome {
  destination: string;
  ref: string;
  digest: string;
  result: Result;
  /** For `replaced`: which files changed. */
  difference?: string;
}

export interface PushOutcome {
  chart: string;
  version: string;
  appVersion: string | undefined;
  /** sha256 over the chart's normalised files (see src/helm/content.ts). */
  contentDigest: string;
  helmVersion: string;
  signed: boolean;
  lint: { errors: number; warnings: number } | undefined;
  destinations: DestinationOutcome[];
}

/** Attempts for registry and helm exchanges that fail transiently (resets, 5xx). */
export const PUSH_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };

export async function pushChart(inputs: Inputs): Promise<PushOutcome> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const chart = readChartDirectory(resolve(workspace, inputs.chart));
  const version = inputs['chart-version'] ?? chart.version;
  checkChartVersion(
    version,
    inputs['chart-version'] !== undefined
      ? { input: 'chart-version' }
      : { location: { file: chart.chartFile, ...lineAt(chart.lineOf('version')) } },
  );
  const destinations = inputs.destination.map(parseDestination);
  const helmSource = helmSourceOf(inputs);
  const credentials = readLogin(inputs);
  const registryCa = readCa(inputs['registry-ca'], workspace);

  const scratchBase = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(scratchBase, { recursive: true });
  const scratch = mkdtempSync(join(scratchBase, 'helm-push-'));
  const home = HelmHome.create();
  const targets: Target[] = [];
  try {
    const ca = registryCa && { pem: registryCa.pem, file: caFile(registryCa, scratch) };
    const plainHttp = new Map<string, Promise<boolean>>();
    const destinationHosts = new Set(
      destinations.map((d) => (d.kind === 'oci' ? d.registry : new URL(d.url).host)),
    );
    const connectionFor = async (host: string): Promise<HelmConnection> => {
      let plain = plainHttp.get(host);
      if (!plain) plainHttp.set(host, (plain = speaksPlainHttp(host)));
      return {
        plainHttp: await plain,
        ...(ca && destinationHosts.has(host) ? { caFile: ca.file } : {}),
      };
    };
    const options = { credentials, ca, connectionFor, retry: PUSH_RETRY };
    for (const destination of destinations) {
      targets.push(createTarget(destination, chart.name, version, options));
    }

    // 1. What is already published (this also proves the credentials, before any work).
    const existing = await findExisting(targets, chart.name, version, inputs['if-exists']);

    // 2. Helm, 3. dependencies, 4. lint.
    const helm = await setupHelm(helmSource, helmSetupOptions(inputs, home));
    core.info(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
    const plan = await resolveDependencies(helm, chart, {
      credentialsFor: (host) =>
        loginFor(host, (own) => isDestination(own, destinations), credentials),
      connectionFor,
      retry: PUSH_RETRY,
    });
    if (plan.registries.length + plan.repositories.length + plan.local.length > 0) {
      core.info(
        `dependencies of ${chart.name} built (${[...plan.registries.map((r) => `oci://${r}`), ...plan.repositories].join(', ') || 'local charts only'})`,
      );
    }
    const lint = inputs.lint ? await lintChart(helm, chart) : undefined;

    // 5. Package (and sign), then the content digest everything is compared by.
    const packaged = await packageChart(helm, chart, inputs, scratch);
    core.info(`content digest of ${packaged.name} ${packaged.version}: ${packaged.content.digest}`);

    // 6. Publish where needed.
    const outcomes = await publishAll(targets, existing, packaged, helm, inputs['if-exists']);
    return {
      chart: chart.name,
      version,
      appVersion: inputs['app-version'] ?? chart.appVersion,
      contentDigest: packaged.content.digest,
      helmVersion: helm.version,
      signed: packaged.prov !== undefined,
      lint,
      destinations: outcomes,
    };
  } finally {
    for (const target of targets) target.close();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function findExisting(
  targets: readonly Target[],
  chart: string,
  version: string,
  ifExists: IfExists,
): Promise<(Existing | undefined)[]> {
  const existing: (Existing | undefined)[] = [];
  for (const target of targets) {
    const found = await target.find();
    core.info(
      `${target.ref}: ${found ? `version ${version} exists (${found.digest})` : `version ${version} is new`}`,
    );
    if (found && ifExists === 'fail') {
      throw new UserError(
        `Chart ${chart} version ${version} already exists at ${target.ref}, and if-exists is fail.`,
        { fix: 'publish a new version (bump `version` in Chart.yaml or the chart-version input).' },
      );
    }
    existing.push(found);
  }
  return existing;
}

/**
 * Decides for every destination first (so a different chart under an existing
 * version stops the run before anything is pushed anywhere), then publishes.
 */
async function publishAll(
  targets: readonly Target[],
  existing: readonly (Existing | undefined)[],
  packaged: PackagedChart,
  helm: Helm,
  ifExists: IfExists,
): Promise<DestinationOutcome[]> {
  const version = packaged.version;
  const decisions: Decision[] = [];
  for (const [index, target] of targets.entries()) {
    const found = existing[index];
    decisions.push(
      decide(ifExists, packaged.content, {
        ref: target.ref,
        version,
        content: found ? await found.content(packaged) : undefined,
      }),
    );
  }
  const outcomes: DestinationOutcome[] = [];
  for (const [index, target] of targets.entries()) {
    const decision = decisions[index]!;
    const base = { destination: target.destination.text, ref: target.ref };
    if (decision.action === 'keep') {
      core.info(`${target.ref}: the same content is already published; nothing pushed`);
      outcomes.push({ ...base, digest: existing[index]?.digest ?? '', result: 'unchanged' });
      continue;
    }
    const overwrite = decision.reason === 'overwrite';
    if (decision.reason === 'overwrite') {
      core.warning(
        `${target.ref}: replacing version ${version} (if-exists: overwrite); ${decision.difference}`,
      );
    }
    const digest = await target.publish(packaged, helm, overwrite, existing[index]);
    core.info(`${target.ref}: ${overwrite ? 'replaced' : 'pushed'} (${digest})`);
    outcomes.push({
      ...base,
      digest,
      result: overwrite ? 'replaced' : 'pushed',
      ...(decision.reason === 'overwrite' ? { difference: decision.difference } : {}),
    });
  }
  return outcomes;
}

/** Whether a registry host or repository origin is one of the destinations (their login goes there). */
function isDestination(hostOrOrigin: string, destinations: readonly Destination[]): boolean {
  return destinations.some((d) =>
    d.kind === 'oci' ? d.registry === hostOrOrigin : new URL(d.url).origin === hostOrOrigin,
  );
}

async function lintChart(
  helm: Helm,
  chart: ChartDirectory,
): Promise<{ errors: number; warnings: number }> {
  const report = await helm.lint(chart.dir);
  core.startGroup(`helm lint ${chart.dir}`);
  core.info(report.output.trim());
  core.endGroup();
  const count = (level: LintFinding['level']) =>
    report.findings.filter((finding) => finding.level === level).length;
  for (const finding of report.findings) {
    if (finding.level !== 'warning') continue;
    annotate('warning', finding.message, findingLocation(finding, chart), 'helm lint');
  }
  if (!report.ok) throw lintErrors(report.findings, chart);
  return { errors: count('error'), warnings: count('warning') };
}

async function packageChart(
  helm: Helm,
  chart: ChartDirectory,
  inputs: Inputs,
  scratch: string,
): Promise<PackagedChart> {
  const out = join(scratch, 'package');
  mkdirSync(out, { recursive: true });
  let sign: SignOptions | undefined;
  let gpg: Gpg | undefined;
  try {
    if (inputs['sign-key']) {
      gpg = Gpg.create();
      const key = await gpg.inspectPrivateKey(inputs['sign-key']);
      const keyring = join(gpg.home, 'secring.gpg');
      await gpg.writeKeyring(inputs['sign-key'], keyring);
      core.info(`signing with ${key.userId} (${key.fingerprint})`);
      // Always a file (empty without a passphrase), so helm never prompts on a terminal;
      // in the private GNUPGHOME (0700), removed with it right after packaging.
      const passphraseFile = join(gpg.home, 'passphrase');
      writeFileSync(passphraseFile, `${inputs['sign-passphrase'] ?? ''}\n`, { mode: 0o600 });
      sign = { key: key.userId, keyring, passphraseFile };
    }
    const file = await helm
      .package(chart.dir, out, {
        version: inputs['chart-version'],
        appVersion: inputs['app-version'],
        ...(sign ? { sign } : {}),
      })
      .catch((error: unknown) => {
        throw sign ? signingFailure(error) : error;
      });
    const bytes = readFileSync(file);
    const prov = existsSync(`${file}.prov`) ? readFileSync(`${file}.prov`) : undefined;
    const content = chartContent(bytes, file);
    const version = inputs['chart-version'] ?? chart.version;
    return { name: content.name, version, file, bytes, prov, content };
  } finally {
    gpg?.dispose();
  }
}

function signingFailure(error: unknown): unknown {
  const text = error instanceof Error ? error.message : String(error);
  if (
    /passphrase|decrypt|private key|incorrect key|checksum failure|inappropriate ioctl/i.test(text)
  ) {
    return new UserError('helm could not sign the chart with the key in "sign-key".', {
      fix: 'check that "sign-passphrase" is the passphrase of that key (leave it empty for a key without one).',
      cause: error,
    });
  }
  return error;
}

function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
