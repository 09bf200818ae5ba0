import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ToolError, TransientError, UserError } from '../errors.js';
import type { ExecOptions, ExecResult } from '../exec.js';
import { parseLintOutput, type LintFinding } from './helm/lint-output.js';
import { installTool } from './install.js';
import { findOnPath } from './path.js';
import { Tool } from './tool.js';

/**
 * The one wrapper of the helm binary, for helm-push, helm-deploy and
 * drift-check. It knows which major it drives (3 or 4) and chooses the flags
 * that differ between them in one table; it keeps helm's configuration,
 * repositories and registry logins in a private home under RUNNER_TEMP, so
 * nothing leaks into (or is read from) the user's ~/.config/helm; passwords
 * go on stdin, never in argv; failures come back as TransientError (worth a
 * retry), UserError (credentials, certificates) or ToolError.
 */

export type HelmMajor = 3 | 4;

/** The helm an action uses unless its `helm-version` input says otherwise. */
export const DEFAULT_HELM_VERSION = 'v3.17.3';
/** Helm's official download location: `<base>/helm-<version>-<os>-<arch>.tar.gz` and `.sha256sum`. */
export const HELM_DOWNLOAD_URL = 'https://get.helm.sh';

/** Flags whose spelling differs between helm 3 and helm 4. */
const FLAGS = {
  /** helm 3's `registry login` has no --plain-http; it speaks plain HTTP to loopback registries by itself. */
  loginPlainHttp: { 3: [], 4: ['--plain-http'] },
  /** Roll back a failed install/upgrade (helm 4 deprecates --atomic). */
  rollbackOnFailure: { 3: ['--atomic'], 4: ['--rollback-on-failure'] },
} as const satisfies Record<string, Record<HelmMajor, readonly string[]>>;

export type HelmFlag = keyof typeof FLAGS;

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** How to reach a registry or repository. */
export interface HelmConnection {
  /** Plain HTTP (a registry without TLS). */
  plainHttp?: boolean;
  /** PEM file of a CA to trust. */
  caFile?: string | undefined;
}

export interface HelmCredentials {
  username: string;
  password: string;
}

export interface SignOptions {
  /** The key's name (a user id, or part of one) in the keyring. */
  key: string;
  /** A binary (non-armoured) secret keyring file. */
  keyring: string;
  /**
   * A file holding the key's passphrase. Not stdin: helm only reads a
   * passphrase from a pipe or file there, and Node gives children a socket.
   */
  passphraseFile?: string | undefined;
}

export interface PushResult {
  /** What helm reports: `host/path/chart:tag`. */
  ref: string;
  digest: string;
}

/** Helm's private configuration, cache and data directories, removed by dispose(). */
export class HelmHome {
  readonly registryConfig: string;
  readonly repositoryConfig: string;
  readonly repositoryCache: string;

  private constructor(readonly root: string) {
    for (const dir of ['config', 'cache', 'data', 'config/registry']) {
      mkdirSync(join(root, dir), { recursive: true, mode: 0o700 });
    }
    this.registryConfig = join(root, 'config', 'registry', 'config.json');
    this.repositoryConfig = join(root, 'config', 'repositories.yaml');
    this.repositoryCache = join(root, 'cache', 'repository');
  }

  static create(prefix = 'helm-'): HelmHome {
    const base = process.env.RUNNER_TEMP || tmpdir();
    mkdirSync(base, { recursive: true });
    return new HelmHome(mkdtempSync(join(base, prefix)));
  }

  /** Every helm directory points here (plugins, content cache and the rest included). */
  env(): Record<string, string> {
    return {
      HELM_CONFIG_HOME: join(this.root, 'config'),
      HELM_CACHE_HOME: join(this.root, 'cache'),
      HELM_DATA_HOME: join(this.root, 'data'),
      HELM_REGISTRY_CONFIG: this.registryConfig,
      HELM_REPOSITORY_CONFIG: this.repositoryConfig,
      HELM_REPOSITORY_CACHE: this.repositoryCache,
    };
  }

  /** The same, as the global flags every helm command takes. */
  globalArgs(): string[] {
    return [
      '--registry-config',
      this.registryConfig,
      '--repository-config',
      this.repositoryConfig,
      '--repository-cache',
      this.repositoryCache,
    ];
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

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

  /** Asks the binary its version; only helm 3 and helm 4 are accepted. */
  static async open(binary: string, home: HelmHome): Promise<Helm> {
    const probe = new Helm(binary, home, 'unknown', 3);
    const { stdout } = await probe.executeChecked(['version', '--template', '{{.Version}}'], {
      silent: true,
      timeoutMs: 60_000,
    });
    const version = stdout.trim();
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

export interface LintReport {
  ok: boolean;
  findings: LintFinding[];
  /** What helm printed, for the log. */
  output: string;
}

function connect(connection: HelmConnection): string[] {
  return [
    ...(connection.plainHttp ? ['--plain-http'] : []),
    ...(connection.caFile ? ['--ca-file', connection.caFile] : []),
  ];
}

const TRANSIENT =
  /connection reset by peer|broken pipe|unexpected EOF|: EOF\b|i\/o timeout|TLS handshake timeout|connection refused|server misbehaving|no such host.*temporary|\b(?:429|502|503|504)\b|Too Many Requests|Service Unavailable|Bad Gateway|Gateway Timeout|context deadline exceeded/i;
const AUTH =
  /\b401\b|\bunauthorized\b|authentication required|\b403\b|\bforbidden\b|access (?:to the resource )?(?:is )?denied|denied: requested access/i;
const CERTIFICATE =
  /x509:|certificate signed by unknown authority|tls: failed to verify certificate/i;

/** A failed helm command as the error a user should see. */
export function helmFailure(
  what: string,
  args: readonly string[],
  result: ExecResult,
  binary = 'helm',
): Error {
  const text = (result.stderr || result.stdout).trim();
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('Error:'))
      .pop() ??
    text.split('\n').pop() ??
    '';
  if (CERTIFICATE.test(text)) {
    return new UserError(
      `helm ${what} failed: the server's TLS certificate is not trusted (${line}).`,
      {
        fix: "pass the CA that signed the server's certificate (the registry-ca input).",
      },
    );
  }
  if (AUTH.test(text)) {
    return new UserError(`helm ${what} was refused: ${line}`, {
      fix: 'check the username and password (or token) and that they may access this repository.',
    });
  }
  if (TRANSIENT.test(text)) return new TransientError(`helm ${what} failed: ${line}`);
  return new ToolError(binary, args, result.exitCode, text);
}

/** Where to get helm: `path` (the helm on PATH) or an exact version to install. */
export type HelmSource = { kind: 'path' } | { kind: 'release'; version: string };

/** Parses a `helm-version` input: `path`, or an exact version `v3.17.3` / `3.17.3`. */
export function parseHelmVersion(value: string, input = 'helm-version'): HelmSource {
  const text = value.trim();
  if (text === 'path') return { kind: 'path' };
  const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(text);
  if (!match) {
    throw new UserError(
      `Input "${input}" is "${value}", which is neither an exact helm version nor "path".`,
      {
        fix: `write an exact release such as ${DEFAULT_HELM_VERSION} or v4.1.4 (ranges and "latest" are not pinned), or "path" for the helm on PATH.`,
      },
    );
  }
  const version = `v${match[1]}`;
  const major = Number(version.slice(1).split('.')[0]);
  if (major !== 3 && major !== 4) {
    throw new UserError(
      `Input "${input}" asks for helm ${version}; helm 3 and helm 4 are supported.`,
      {
        fix: `use a helm 3 or helm 4 release, such as ${DEFAULT_HELM_VERSION} or v4.1.4.`,
      },
    );
  }
  return { kind: 'release', version };
}

/** The inputs of every action that installs helm (the naming table's helm rows). */
export interface HelmInputs {
  /** Empty: DEFAULT_HELM_VERSION, the helm this release pins. */
  'helm-version': string | undefined;
  /** Empty: HELM_DOWNLOAD_URL. */
  'helm-download-url': string | undefined;
}

/** Where the helm an action's inputs ask for comes from (checked before any work). */
export function helmSourceOf(inputs: HelmInputs): HelmSource {
  return parseHelmVersion(inputs['helm-version'] ?? DEFAULT_HELM_VERSION);
}

/** The setup options an action's helm inputs give. */
export function helmSetupOptions(inputs: HelmInputs, home: HelmHome): HelmSetupOptions {
  const downloadUrl = inputs['helm-download-url'];
  return { home, ...(downloadUrl ? { downloadUrl } : {}), downloadInput: 'helm-download-url' };
}

export interface HelmSetupOptions {
  /** Base of the download location (a mirror of get.helm.sh); default the official one. */
  downloadUrl?: string;
  /** Name of the input that sets downloadUrl, for messages. */
  downloadInput?: string;
  home?: HelmHome;
}

/** Finds or installs the helm a `helm-version` input names, and opens it. */
export async function setupHelm(source: HelmSource, options: HelmSetupOptions = {}): Promise<Helm> {
  const home = options.home ?? HelmHome.create();
  if (source.kind === 'path') {
    const binary = findOnPath(process.platform === 'win32' ? 'helm.exe' : 'helm');
    if (!binary) {
      throw new UserError('helm-version is "path", but there is no helm on PATH.', {
        fix: 'install helm in an earlier step, or set helm-version to a release such as v3.17.3 to have it installed.',
      });
    }
    return Helm.open(binary, home);
  }
  const { os, arch } = helmPlatform();
  const base = (options.downloadUrl ?? HELM_DOWNLOAD_URL).replace(/\/+$/, '');
  const windows = os === 'windows';
  const file = `helm-${source.version}-${os}-${arch}.${windows ? 'zip' : 'tar.gz'}`;
  const installed = await installTool({
    tool: 'helm',
    version: source.version,
    url: `${base}/${file}`,
    checksumUrl: `${base}/${file}.sha256sum`,
    archive: windows ? 'zip' : 'tar.gz',
    binary: `${os}-${arch}/helm${windows ? '.exe' : ''}`,
    ...(options.downloadUrl
      ? { locationHint: `check the ${options.downloadInput ?? 'download URL'} input, ${base}` }
      : {}),
  });
  const helm = await Helm.open(installed.path, home);
  if (helm.version !== source.version) {
    throw new Error(`The helm installed for ${source.version} reports ${helm.version}.`);
  }
  return helm;
}

/** Helm's names for this machine: linux/darwin/windows and amd64/arm64/…. */
export function helmPlatform(
  platform: NodeJS.Platform = process.platform,
  cpu: string = process.arch,
): { os: string; arch: string } {
  const os = platform === 'win32' ? 'windows' : platform;
  const arches: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
  };
  const arch = arches[cpu];
  if (!arch || !['linux', 'darwin', 'windows'].includes(os)) {
    throw new UserError(`helm publishes no binary for ${platform}/${cpu}.`, {
      fix: 'install helm yourself in an earlier step and set helm-version: path.',
    });
  }
  return { os, arch };
}

// --- Releases ------------------------------------------------------------------

/** Where a chart comes from, as helm takes it. */
export interface HelmChartSource {
  /** A directory, `oci://host/path/chart`, or `repo/name`. */
  ref: string;
  version?: string | undefined;
  plainHttp?: boolean | undefined;
  caFile?: string | undefined;
}

/** Flags and environment that hook a post-renderer into helm (see src/render/post-render.ts). */
export interface HelmPostRendererHook {
  helmArgs: readonly string[];
  env: Readonly<Record<string, string>>;
}

export interface UpgradeRequest {
  release: string;
  namespace: string;
  chart: HelmChartSource;
  /** `--values` files, in order. */
  valuesFiles: readonly string[];
  wait: boolean;
  timeoutSeconds: number;
  /** Roll back on failure: `--atomic` (helm 3) or `--rollback-on-failure` (helm 4). */
  atomic: boolean;
  dryRun?: boolean;
  createNamespace?: boolean;
  description?: string | undefined;
  postRenderer?: HelmPostRendererHook | undefined;
}

export interface TemplateRequest {
  release: string;
  namespace: string;
  chart: HelmChartSource;
  valuesFiles: readonly string[];
  /** Hooks are left out unless asked for (they are not part of the live state). */
  includeHooks?: boolean;
  /** Render against the cluster's capabilities (it must be reachable). */
  validate?: boolean;
  postRenderer?: HelmPostRendererHook | undefined;
}

/** A release as `helm upgrade -o json` reports it (what helm-deploy reads of it). */
export interface HelmRelease {
  name: string;
  namespace: string;
  revision: number;
  status: string;
  description: string;
  /** The applied manifests (post-rendered), hooks excluded. */
  manifest: string;
  /** Hook manifests. */
  hooks: string[];
}

/** One entry of `helm history -o json`. */
export interface HelmRevision {
  revision: number;
  /** RFC 3339. */
  updated: string;
  /** deployed, superseded, failed, pending-install, pending-upgrade, pending-rollback, uninstalling, uninstalled. */
  status: string;
  chart: string;
  app_version: string;
  description: string;
}

function chartArgs(chart: HelmChartSource): string[] {
  return [
    ...(chart.version ? ['--version', chart.version] : []),
    ...(chart.plainHttp ? ['--plain-http'] : []),
    ...(chart.caFile ? ['--ca-file', chart.caFile] : []),
  ];
}

export function parseHelmRelease(json: string): HelmRelease {
  const raw = JSON.parse(json) as {
    name?: string;
    namespace?: string;
    version?: number;
    info?: { status?: string; description?: string };
    manifest?: string;
    hooks?: { manifest?: string }[] | null;
  };
  return {
    name: raw.name ?? '',
    namespace: raw.namespace ?? '',
    revision: raw.version ?? 0,
    status: raw.info?.status ?? 'unknown',
    description: raw.info?.description ?? '',
    manifest: raw.manifest ?? '',
    hooks: (raw.hooks ?? []).map((hook) => hook.manifest ?? ''),
  };
}

const IN_PROGRESS = /another operation \(install\/upgrade\/rollback\) is in progress/i;
const UNREACHABLE_CLUSTER = /Kubernetes cluster unreachable/i;
/** Two upgrades raced for one revision: helm's storage refuses the second (the revision's Secret exists). */
const RACED =
  /(?:UPGRADE|INSTALLATION) FAILED: .*release: already exists|^Error: release: already exists/im;

/**
 * A failed release command. Another operation in progress and an
 * unreachable cluster are explained; anything else is a ToolError with
 * helm's output, for the caller to explain (helm's "context deadline
 * exceeded" on a wait is a failed deploy, never something to retry).
 */
export function releaseFailure(
  release: string,
  args: readonly string[],
  result: ExecResult,
  binary = 'helm',
): Error {
  const text = (result.stderr || result.stdout).trim();
  if (RACED.test(text)) {
    return new UserError(
      `Another deploy of release ${release} created the same revision at the same moment; this one stopped before changing anything.`,
      {
        fix: 'run deploys of one release one at a time: a `concurrency:` group per release in the workflow.',
      },
    );
  }
  if (IN_PROGRESS.test(text)) {
    return new UserError(
      `Another operation on release ${release} is in progress (another deploy, or one that was cancelled and left it pending).`,
      {
        fix: 'let the other deploy finish (use a `concurrency:` group per release in the workflow); if none is running, deploy again with recover-pending: true.',
      },
    );
  }
  if (UNREACHABLE_CLUSTER.test(text)) {
    const line = text.split('\n').find((l) => UNREACHABLE_CLUSTER.test(l)) ?? text;
    return new TransientError(line.replace(/^Error:\s*/, ''));
  }
  return new ToolError(binary, args, result.exitCode, text);
}
