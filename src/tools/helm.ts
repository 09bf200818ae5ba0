import { isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecOptions, ExecResult } from '../exec.js';
import {
  connect,
  type HelmConnection,
  type HelmCredentials,
  type LintReport,
  type PushResult,
  type SignOptions,
} from './helm/charts.js';
import { helmFailure, releaseFailure } from './helm/failures.js';
import { helmBinaryVersion } from './helm/build-version.js';
import { HelmHome } from './helm/home.js';
import { locateHelm, type HelmSetupOptions, type HelmSource } from './helm/install.js';
import { parseLintOutput } from './helm/lint-output.js';
import {
  chartArgs,
  parseHelmRelease,
  type HelmRelease,
  type HelmRevision,
  type TemplateRequest,
  type UpgradeRequest,
} from './helm/releases.js';
import { Tool } from './tool.js';
import { ToolVersionCache } from './version-cache.js';

// The wrapper's vocabulary, from the files it is made of (src/tools/helm/).
export type {
  HelmConnection,
  HelmCredentials,
  LintReport,
  PushResult,
  SignOptions,
} from './helm/charts.js';
export { helmFailure, releaseFailure } from './helm/failures.js';
export { HelmHome } from './helm/home.js';
export {
  DEFAULT_HELM_VERSION,
  HELM_DOWNLOAD_URL,
  helmPlatform,
  helmSetupOptions,
  helmSourceOf,
  parseHelmVersion,
  type HelmInputs,
  type HelmSetupOptions,
  type HelmSource,
} from './helm/install.js';
export type { LintFinding, LintLevel } from './helm/lint-output.js';
export {
  parseHelmRelease,
  type HelmChartSource,
  type HelmPostRendererHook,
  type HelmRelease,
  type HelmRevision,
  type TemplateRequest,
  type UpgradeRequest,
} from './helm/releases.js';

/**
 * The one wrapper of the helm binary, for helm-push, helm-deploy and
 * drift-check. It knows which major it drives (3 or 4) and chooses the flags
 * that differ between them in one table; it keeps helm's configuration,
 * repositories and registry logins in a private home under RUNNER_TEMP, so
 * nothing leaks into (or is read from) the user's ~/.config/helm; passwords
 * go on stdin, never in argv; failures come back as TransientError (worth a
 * retry), UserError (credentials, certificates) or ToolError.
 *
 * This file is the class: one short method per helm command, chart and
 * registry commands first, release commands after. What the class is made of
 * lives next to it in src/tools/helm/: home.ts (the private home), charts.ts
 * and releases.ts (what each group of commands takes and gives), failures.ts
 * (what a failure means, one classifier per group), install.ts (which helm:
 * the `helm-version` input, PATH or a verified download) and lint-output.ts.
 * Callers import all of it from here.
 */

export type HelmMajor = 3 | 4;

/** Flags whose spelling differs between helm 3 and helm 4. */
const FLAGS = {
  /** helm 3's `registry login` has no --plain-http; it speaks plain HTTP to loopback registries by itself. */
  loginPlainHttp: { 3: [], 4: ['--plain-http'] },
  /** Roll back a failed install/upgrade (helm 4 deprecates --atomic). */
  rollbackOnFailure: { 3: ['--atomic'], 4: ['--rollback-on-failure'] },
} as const satisfies Record<string, Record<HelmMajor, readonly string[]>>;

export type HelmFlag = keyof typeof FLAGS;

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export class Helm extends Tool {
  private constructor(
    binary: string,
    readonly home: HelmHome,
    /** `v3.17.3` */
    readonly version: string,
    readonly major: HelmMajor,
  ) {
    super(binary, home.env());
  }

  /**
   * Knows the binary's version without running it when it can: from the
   * binary's Go build info (src/tools/helm/build-version.ts), from an
   * earlier run's answer (ToolVersionCache), or as `expected` (the release
   * setupHelm installed, checksum verified); otherwise asks the binary,
   * once per binary. Only helm 3 and helm 4 are accepted.
   */
  static async open(
    binary: string,
    home: HelmHome,
    versions = new ToolVersionCache(),
    expected?: string,
  ): Promise<Helm> {
    let version = helmBinaryVersion(binary) ?? versions.get(binary) ?? expected;
    if (version === undefined) {
      const probe = new Helm(binary, home, 'unknown', 3);
      const { stdout } = await probe.executeChecked(['version', '--template', '{{.Version}}'], {
        silent: true,
        timeoutMs: 60_000,
      });
      version = stdout.trim();
      if (/^v?[34]\./.test(version)) versions.set(binary, version);
    }
    const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
    if (major !== 3 && major !== 4) {
      throw new UserError(
        `${binary} is helm ${version || '(unknown version)'}; helm 3 or helm 4 is needed.`,
        {
          fix: 'set `helm-version` to a helm 3 or helm 4 release (for example v3.17.3 or v4.1.4).',
        },
      );
    }
    return new Helm(binary, home, version, major);
  }

  /** The spelling of a flag for this major. */
  flag(name: HelmFlag): string[] {
    return [...FLAGS[name][this.major]];
  }

  // --- Charts and registries (helm-push, chart sources) ---------------------

  async lint(chartDir: string, options: { strict?: boolean } = {}): Promise<LintReport> {
    const args = ['lint', chartDir, ...(options.strict ? ['--strict'] : [])];
    const result = await this.helm(args, { silent: true });
    const output = `${result.stdout}\n${result.stderr}`;
    return { ok: result.exitCode === 0, findings: parseLintOutput(output), output };
  }

  async dependencyBuild(chartDir: string, connection: HelmConnection = {}): Promise<void> {
    await this.checked('dependency build', [
      'dependency',
      'build',
      chartDir,
      ...connect(connection),
    ]);
  }

  /** Packages a chart directory into `destination`; returns the .tgz path (a .prov next to it when signed). */
  async package(
    chartDir: string,
    destination: string,
    options: {
      version?: string | undefined;
      appVersion?: string | undefined;
      sign?: SignOptions;
    } = {},
  ): Promise<string> {
    const args = ['package', chartDir, '--destination', destination];
    if (options.version) args.push('--version', options.version);
    if (options.appVersion) args.push('--app-version', options.appVersion);
    if (options.sign) {
      args.push('--sign', '--key', options.sign.key, '--keyring', options.sign.keyring);
      if (options.sign.passphraseFile) args.push('--passphrase-file', options.sign.passphraseFile);
    }
    const { stdout } = await this.checked('package', args);
    const saved = /saved it to:\s*(.+\.tgz)\s*$/m.exec(stdout)?.[1];
    if (!saved) throw new Error(`helm package did not say where it saved the chart:\n${stdout}`);
    return isAbsolute(saved) ? saved : join(process.cwd(), saved);
  }

  /** `helm registry login`, the password on stdin. */
  async registryLogin(
    host: string,
    credentials: HelmCredentials,
    connection: HelmConnection = {},
  ): Promise<void> {
    const args = [
      'registry',
      'login',
      host,
      '--username',
      credentials.username,
      '--password-stdin',
    ];
    if (connection.plainHttp) args.push(...this.flag('loginPlainHttp'));
    if (connection.caFile) args.push('--ca-file', connection.caFile);
    await this.checked(`registry login ${host}`, args, { input: credentials.password });
  }

  /** `helm push <tgz> oci://host/path`; the .prov next to the .tgz goes along. */
  async push(tgz: string, remote: string, connection: HelmConnection = {}): Promise<PushResult> {
    const { stdout, stderr } = await this.checked(`push to ${remote}`, [
      'push',
      tgz,
      remote,
      ...connect(connection),
    ]);
    const text = `${stdout}\n${stderr}`;
    const ref = /^Pushed:\s*(\S+)/m.exec(text)?.[1];
    const digest = /^Digest:\s*(sha256:[a-f0-9]{64})/m.exec(text)?.[1];
    if (!ref || !digest) throw new Error(`helm push did not report what it pushed:\n${text}`);
    return { ref, digest };
  }

  async pull(
    ref: string,
    options: { version?: string; destination: string; untar?: boolean; prov?: boolean },
    connection: HelmConnection = {},
  ): Promise<void> {
    const args = ['pull', ref, '--destination', options.destination, ...connect(connection)];
    if (options.version) args.push('--version', options.version);
    if (options.untar) args.push('--untar');
    if (options.prov) args.push('--prov');
    await this.checked(`pull ${ref}`, args);
  }

  /** Chart.yaml of a chart reference, as helm shows it. */
  async showChart(
    ref: string,
    options: { version?: string } = {},
    connection: HelmConnection = {},
  ): Promise<string> {
    const args = ['show', 'chart', ref, ...connect(connection)];
    if (options.version) args.push('--version', options.version);
    return (await this.checked(`show chart ${ref}`, args, { silent: true })).stdout;
  }

  /** `helm repo add` into the private repository config (replacing an entry of that name). */
  async repoAdd(
    name: string,
    url: string,
    credentials?: HelmCredentials,
    connection: HelmConnection = {},
  ): Promise<void> {
    const args = ['repo', 'add', name, url, '--force-update'];
    if (connection.caFile) args.push('--ca-file', connection.caFile);
    let input: string | undefined;
    if (credentials) {
      args.push('--username', credentials.username, '--password-stdin');
      input = credentials.password;
    }
    await this.checked(`repo add ${url}`, args, input === undefined ? {} : { input });
  }

  /** Runs helm with the private home's flags; a non-zero exit is returned, not thrown. */
  private helm(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.execute([...args, ...this.home.globalArgs()], {
      timeoutMs: DEFAULT_TIMEOUT_MS,
      ...options,
    });
  }

  private async checked(
    what: string,
    args: readonly string[],
    options: ExecOptions = {},
  ): Promise<ExecResult> {
    const result = await this.helm(args, options);
    if (result.exitCode !== 0) throw helmFailure(what, args, result, this.binary);
    return result;
  }

  // --- Releases (helm-deploy, drift-check) -----------------------------------

  /** The kubeconfig release commands use (as KUBECONFIG); undefined: helm's own default. */
  private kubeconfigFile: string | undefined;

  /** Points every release command at a kubeconfig file. */
  useKubeconfig(file: string | undefined): void {
    this.kubeconfigFile = file;
  }

  /**
   * `helm upgrade --install` (values reset to the chart's plus the given
   * files: a deploy is declarative), or with `dryRun` its server-side dry
   * run, which changes nothing. Returns the release as helm reports it. A
   * failure is a ToolError carrying helm's output (the caller explains it),
   * except another operation in progress, which is a UserError.
   */
  async upgradeInstall(request: UpgradeRequest): Promise<HelmRelease> {
    const args = [
      'upgrade',
      request.release,
      request.chart.ref,
      '--install',
      '--namespace',
      request.namespace,
      '--reset-values',
      '--output',
      'json',
      ...chartArgs(request.chart),
      ...request.valuesFiles.flatMap((file) => ['--values', file]),
    ];
    if (request.createNamespace) args.push('--create-namespace');
    if (request.description) args.push('--description', request.description);
    const labels = Object.entries(request.labels ?? {});
    if (labels.length > 0)
      args.push('--labels', labels.map(([key, value]) => `${key}=${value}`).join(','));
    if (request.dryRun) {
      args.push('--dry-run=server');
    } else {
      args.push('--timeout', `${request.timeoutSeconds}s`);
      if (request.wait) args.push(...this.waitArgs());
      if (request.atomic) args.push(...this.flag('rollbackOnFailure'));
    }
    args.push(...(request.postRenderer?.helmArgs ?? []));
    const result = await this.helm(args, {
      silent: true,
      env: { ...this.kubeEnv(), ...request.postRenderer?.env },
      timeoutMs: (request.timeoutSeconds * 2 + 300) * 1000,
    });
    if (result.exitCode !== 0) throw releaseFailure(request.release, args, result, this.binary);
    return parseHelmRelease(result.stdout);
  }

  /** `helm template`: the manifests without touching the cluster (unless `validate`). */
  async template(request: TemplateRequest): Promise<string> {
    const args = [
      'template',
      request.release,
      request.chart.ref,
      '--namespace',
      request.namespace,
      ...chartArgs(request.chart),
      ...request.valuesFiles.flatMap((file) => ['--values', file]),
      '--skip-tests',
      ...(request.includeHooks ? [] : ['--no-hooks']),
      ...(request.validate ? ['--validate'] : []),
      ...(request.isUpgrade ? ['--is-upgrade'] : []),
      ...capabilityArgs(request.capabilities),
      ...(request.postRenderer?.helmArgs ?? []),
    ];
    const result = await this.helm(args, {
      silent: true,
      env: { ...this.kubeEnv(), ...request.postRenderer?.env },
    });
    if (result.exitCode !== 0) throw releaseFailure(request.release, args, result, this.binary);
    return result.stdout;
  }

  /** The release's revisions, oldest first; empty when there is no such release. */
  async history(release: string, namespace: string, max = 20): Promise<HelmRevision[]> {
    const args = [
      'history',
      release,
      '--namespace',
      namespace,
      '--output',
      'json',
      '--max',
      String(max),
    ];
    const result = await this.helm(args, { silent: true, env: this.kubeEnv(), timeoutMs: 120_000 });
    if (result.exitCode !== 0) {
      if (/release: not found/.test(result.stderr)) return [];
      throw releaseFailure(release, args, result, this.binary);
    }
    const revisions = JSON.parse(result.stdout || '[]') as HelmRevision[];
    return revisions.sort((a, b) => a.revision - b.revision);
  }

  /** `helm rollback RELEASE REVISION`, waiting for the rolled-back resources when asked. */
  async rollback(
    release: string,
    namespace: string,
    revision: number,
    options: { wait: boolean; timeoutSeconds: number },
  ): Promise<void> {
    const args = ['rollback', release, String(revision), '--namespace', namespace];
    args.push('--timeout', `${options.timeoutSeconds}s`);
    if (options.wait) args.push(...this.waitArgs());
    const result = await this.helm(args, {
      env: this.kubeEnv(),
      timeoutMs: (options.timeoutSeconds + 120) * 1000,
    });
    if (result.exitCode !== 0) throw releaseFailure(release, args, result, this.binary);
  }

  /** `helm uninstall RELEASE` (what recovers a first install stuck in pending-install). */
  async uninstall(release: string, namespace: string, timeoutSeconds = 300): Promise<void> {
    const args = [
      'uninstall',
      release,
      '--namespace',
      namespace,
      '--timeout',
      `${timeoutSeconds}s`,
    ];
    const result = await this.helm(args, {
      env: this.kubeEnv(),
      timeoutMs: (timeoutSeconds + 120) * 1000,
    });
    if (result.exitCode !== 0) throw releaseFailure(release, args, result, this.binary);
  }

  /** The manifest of a revision (the latest by default); undefined when there is no release. */
  async getManifest(
    release: string,
    namespace: string,
    revision?: number,
  ): Promise<string | undefined> {
    const args = ['get', 'manifest', release, '--namespace', namespace];
    if (revision !== undefined) args.push('--revision', String(revision));
    const result = await this.helm(args, { silent: true, env: this.kubeEnv(), timeoutMs: 120_000 });
    if (result.exitCode !== 0) {
      if (/release: not found/.test(result.stderr)) return undefined;
      throw releaseFailure(release, args, result, this.binary);
    }
    return result.stdout;
  }

  /** `--wait` as each major spells "wait until ready": helm 4 needs the watcher strategy named. */
  private waitArgs(): string[] {
    return this.major === 3 ? ['--wait'] : ['--wait=watcher'];
  }

  private kubeEnv(): Record<string, string> {
    return this.kubeconfigFile ? { KUBECONFIG: this.kubeconfigFile } : {};
  }
}

function capabilityArgs(capabilities: TemplateRequest['capabilities']): string[] {
  if (!capabilities) return [];
  const args = ['--kube-version', capabilities.kubeVersion];
  // One flag, comma-separated (helm splits it): hundreds of entries stay one argument.
  if (capabilities.apiVersions.length > 0)
    args.push('--api-versions', capabilities.apiVersions.join(','));
  return args;
}

/** Finds or installs the helm a `helm-version` input names, and opens it in `home` (a fresh one by default). */
export async function setupHelm(source: HelmSource, options: HelmSetupOptions = {}): Promise<Helm> {
  const binary = await locateHelm(source, options);
  const helm = await Helm.open(
    binary,
    options.home ?? HelmHome.create(),
    undefined,
    source.kind === 'release' ? source.version : undefined,
  );
  if (source.kind === 'release' && helm.version !== source.version) {
    throw new Error(`The helm installed for ${source.version} reports ${helm.version}.`);
  }
  return helm;
}
