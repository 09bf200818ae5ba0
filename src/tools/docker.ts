import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ToolError, TransientError, UserError } from '../errors.js';
import type { ExecOptions, ExecResult } from '../exec.js';
import { Tool } from './tool.js';

/**
 * The docker CLI: BuildKit builds through buildx, `docker run` for build
 * steps, and registry logins. Every call uses a DOCKER_CONFIG of its own
 * under the runner's temp directory: it starts as a copy of the user's
 * logins (minus any credential store, so a password given to this action is
 * written only there) and links the user's buildx builders and CLI plugins,
 * so a builder set up earlier in the job is still the one used. remove()
 * deletes it, credentials included.
 */

export interface DockerMount {
  source: string;
  target: string;
  readOnly?: boolean;
}

export interface DockerRunSpec {
  /** Image reference, pinned by digest. */
  image: string;
  /** Command and arguments inside the container (no host shell is involved). */
  command: readonly string[];
  /** `uid:gid` the container process runs as. */
  user?: string;
  workdir?: string;
  mounts?: readonly DockerMount[];
  env?: Readonly<Record<string, string>>;
  /** Capture without echoing to the log. */
  silent?: boolean;
}

export interface DockerBuildSpec {
  context: string;
  dockerfile: string;
  tags: readonly string[];
  /** push: to the registry (and nothing local); load: into the local image store. */
  output: 'push' | 'load';
  metadataFile: string;
  cacheFrom?: readonly string[];
  cacheTo?: readonly string[];
}

export interface DockerBuildResult {
  /** The manifest digest when pushed (`containerimage.digest`); the image ID when loaded. */
  digest: string | undefined;
  stderr: string;
}

/** Credential keys docker's config.json may carry that name another program. */
const CREDENTIAL_STORE_KEYS = ['credsStore'];
/** Entries of the user's docker config directory that are shared, not copied. */
const LINKED_ENTRIES = ['buildx', 'cli-plugins', 'contexts'];

export class Docker extends Tool {
  private constructor(
    readonly configDir: string,
    binary: string,
  ) {
    super(binary, {
      DOCKER_CONFIG: configDir,
      DOCKER_BUILDKIT: '1',
      BUILDX_NO_DEFAULT_ATTESTATIONS: '1',
    });
  }

  /**
   * A docker CLI with its own config directory under `tempDir`. `userConfigDir`
   * is where the user's config lives (DOCKER_CONFIG, else ~/.docker).
   */
  static async create(
    tempDir: string,
    options: { userConfigDir?: string; binary?: string } = {},
  ): Promise<Docker> {
    const userDir =
      options.userConfigDir ?? process.env.DOCKER_CONFIG ?? join(homedir(), '.docker');
    const configDir = await mkdtemp(join(tempDir, 'docker-config-'));
    await chmod(configDir, 0o700);
    const config = await readUserConfig(join(userDir, 'config.json'));
    for (const key of CREDENTIAL_STORE_KEYS) delete config[key];
    await writeFile(join(configDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, {
      mode: 0o600,
    });
    for (const entry of LINKED_ENTRIES) {
      const from = join(userDir, entry);
      if (await exists(from)) await symlink(from, join(configDir, entry));
    }
    return new Docker(configDir, options.binary ?? 'docker');
  }

  /** Deletes the config directory and the credentials in it. */
  async remove(): Promise<void> {
    await rm(this.configDir, { recursive: true, force: true });
  }

  /** The buildx version; a UserError when the plugin is missing. */
  async buildxVersion(): Promise<string> {
    const result = await this.execute(['buildx', 'version'], { silent: true });
    if (result.exitCode !== 0) {
      throw new UserError('docker buildx (the BuildKit client) is not available on this runner.', {
        fix: 'add a docker/setup-buildx-action step before this one, or install the docker-buildx plugin.',
      });
    }
    return result.stdout.trim();
  }

  /** The driver of the builder buildx would use: docker, docker-container, kubernetes, remote. */
  async builderDriver(): Promise<string | undefined> {
    const result = await this.execute(['buildx', 'inspect'], { silent: true });
    if (result.exitCode !== 0) return undefined;
    return /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1];
  }

  /**
   * Logs in for pulls and pushes through docker, the password on stdin. A
   * credential helper the user configured for this registry is dropped
   * first, so the password is written to this config only.
   */
  async login(registry: string, username: string, password: string): Promise<void> {
    const file = join(this.configDir, 'config.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as {
      credHelpers?: Record<string, string>;
    };
    if (config.credHelpers && registry in config.credHelpers) {
      delete config.credHelpers[registry];
      await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    }
    const result = await this.execute(
      ['login', registry, '--username', username, '--password-stdin'],
      {
        input: password,
        silent: true,
      },
    );
    if (result.exitCode !== 0)
      throw dockerFailure(['login', registry], result, `log in to ${registry}`);
  }

  /** Runs a container to completion; the caller reads the exit code. */
  async run(spec: DockerRunSpec): Promise<ExecResult> {
    return this.execute(runArguments(spec), { silent: spec.silent ?? false });
  }

  /** `docker buildx build`, reading the digest from the metadata file buildx writes. */
  async build(spec: DockerBuildSpec, options: ExecOptions = {}): Promise<DockerBuildResult> {
    const args = buildArguments(spec);
    const result = await this.execute(args, options);
    if (result.exitCode !== 0) throw dockerFailure(args, result, 'build the image');
    const metadata = await readFile(spec.metadataFile, 'utf8').catch(() => '{}');
    const digest = (JSON.parse(metadata) as Record<string, unknown>)['containerimage.digest'];
    return { digest: typeof digest === 'string' ? digest : undefined, stderr: result.stderr };
  }
}

export function runArguments(spec: DockerRunSpec): string[] {
  const args = ['run', '--rm', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
  if (spec.user) args.push('--user', spec.user);
  for (const mount of spec.mounts ?? []) {
    const fields = ['type=bind', `source=${mount.source}`, `target=${mount.target}`];
    if (mount.readOnly) fields.push('readonly');
    args.push('--mount', fields.map(csvField).join(','));
  }
  if (spec.workdir) args.push('--workdir', spec.workdir);
  for (const [name, value] of Object.entries(spec.env ?? {}))
    args.push('--env', `${name}=${value}`);
  args.push(spec.image, ...spec.command);
  return args;
}

/** docker reads --mount as one CSV record: a field with a comma or quote is quoted. */
function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function buildArguments(spec: DockerBuildSpec): string[] {
  const args = ['buildx', 'build', '--progress', 'plain', '--provenance=false', '--sbom=false'];
  args.push('--file', spec.dockerfile, '--metadata-file', spec.metadataFile);
  for (const tag of spec.tags) args.push('--tag', tag);
  for (const cache of spec.cacheFrom ?? []) args.push('--cache-from', cache);
  for (const cache of spec.cacheTo ?? []) args.push('--cache-to', cache);
  args.push(spec.output === 'push' ? '--push' : '--load', spec.context);
  return args;
}

const AUTH_FAILURE =
  /unauthorized|authentication required|no basic auth credentials|requested access to the resource is denied|pull access denied|401 Unauthorized|403 Forbidden|incorrect username or password/i;
const MISSING_IMAGE =
  /manifest unknown|failed to resolve source metadata|manifest for \S+ not found/i;
const TLS_FAILURE = /x509: |certificate signed by unknown authority|tls: failed to verify/i;
const TRANSIENT_FAILURE =
  /\b(50[0234]|429)\b[^\n]*\b(Service Unavailable|Bad Gateway|Gateway Time-?out|Too Many Requests|Internal Server Error)\b|connection reset by peer|i\/o timeout|TLS handshake timeout|connection refused|unexpected EOF|toomanyrequests/i;

/**
 * A failed docker call as the error a user should see: rejected credentials
 * and untrusted certificates are theirs to fix, registry hiccups are
 * transient (worth another attempt), anything else keeps docker's words.
 */
export function dockerFailure(args: readonly string[], result: ExecResult, what: string): Error {
  const output = `${result.stderr}\n${result.stdout}`;
  const line = lastMatchingLine(output, AUTH_FAILURE) ?? lastMatchingLine(output, TLS_FAILURE);
  if (line && AUTH_FAILURE.test(line)) {
    return new UserError(`docker could not ${what}: the registry refused access (${line}).`, {
      fix: 'check the username and password inputs (from a secret), and that they may push to this repository; for the standard images, that the runner may pull them.',
    });
  }
  if (line && TLS_FAILURE.test(line)) {
    return new UserError(
      `docker could not ${what}: the registry's TLS certificate is not trusted (${line}).`,
      {
        fix: 'make docker trust the registry CA: put it in /etc/docker/certs.d/<host:port>/ca.crt on the runner (BuildKit in a container needs it in its buildkitd config).',
      },
    );
  }
  const missing = lastMatchingLine(output, MISSING_IMAGE);
  if (missing) {
    return new UserError(
      `docker could not ${what}: an image it needs does not exist (${missing}).`,
      {
        fix: 'check the image references (and digests) in the standard-image catalog.',
      },
    );
  }
  const transient = lastMatchingLine(output, TRANSIENT_FAILURE);
  if (transient) {
    return new TransientError(`docker could not ${what}: ${transient}`, {
      cause: new ToolError('docker', args, result.exitCode, result.stderr),
    });
  }
  return new ToolError('docker', args, result.exitCode, result.stderr || result.stdout);
}

function lastMatchingLine(text: string, pattern: RegExp): string | undefined {
  const lines = text.split('\n').filter((l) => pattern.test(l));
  const last = lines.at(-1)?.trim();
  return last ? last.slice(0, 500) : undefined;
}

async function readUserConfig(file: string): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
