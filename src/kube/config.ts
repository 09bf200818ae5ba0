import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import * as core from '../core.js';
import { UserError } from '../errors.js';
import { Exec } from '../exec.js';
import { maskSecret } from '../report/redact.js';
import { parseYaml } from '../yaml.js';

/**
 * How to reach one API server, read from a kubeconfig the way kubectl reads
 * it: the current context's cluster (server, CA, TLS server name, proxy) and user
 * (client certificate, bearer token or token file, basic auth, or an exec
 * credential plugin such as `aws eks get-token` or `gke-gcloud-auth-plugin`).
 * Without a kubeconfig, a pod's service account (in-cluster) is used, as
 * client-go does. Files named in a kubeconfig are relative to it.
 */

export interface KubeConnection {
  /** `https://host:port` (a path prefix is kept). */
  server: string;
  /** Where it came from, for messages: `~/.kube/config (context prod)`. */
  source: string;
  ca?: Buffer;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  /** The cluster's `proxy-url` (http or https): every request to it goes through this proxy. */
  proxyUrl?: string;
  cert?: Buffer;
  key?: Buffer;
  /** The Authorization header's value, when the user authenticates with one. */
  authorization?: () => Promise<string | undefined>;
}

interface NamedEntry<T> {
  name?: string;
  cluster?: T;
  user?: T;
  context?: T;
}

interface ClusterEntry {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  'proxy-url'?: string;
}

interface ExecConfig {
  apiVersion?: string;
  command?: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  provideClusterInfo?: boolean;
}

interface UserEntry {
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  'auth-provider'?: { name?: string };
}

interface ContextEntry {
  cluster?: string;
  user?: string;
}

interface KubeconfigFile {
  path: string;
  'current-context'?: string;
  clusters?: NamedEntry<ClusterEntry>[];
  users?: NamedEntry<UserEntry>[];
  contexts?: NamedEntry<ContextEntry>[];
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const MAX_KUBECONFIG_BYTES = 4 * 1024 * 1024;
const EXEC_TIMEOUT_MS = 60_000;

/**
 * The connection for `file` (a kubeconfig path), else KUBECONFIG (a list of
 * files merged first-wins, as kubectl does), else ~/.kube/config, else the
 * in-cluster service account.
 */
export function loadKubeconfig(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  /** The text of `file`, when the caller has read it already (prepareKubeconfig). */
  text?: string,
): KubeConnection {
  const files = file
    ? [file]
    : (env.KUBECONFIG ?? '').split(delimiter).filter((path) => path !== '' && existsSync(path));
  if (files.length === 0 && !file) {
    const home = join(env.HOME ?? homedir(), '.kube', 'config');
    if (existsSync(home)) files.push(home);
  }
  if (files.length === 0) {
    if (env.KUBERNETES_SERVICE_HOST && existsSync(join(SERVICE_ACCOUNT_DIR, 'token'))) {
      return inCluster(env);
    }
    throw new UserError(
      'No kubeconfig was given and none was found (KUBECONFIG, ~/.kube/config).',
      {
        fix: 'pass the kubeconfig in the `kubeconfig` input (from a secret), or set up the cluster in an earlier step.',
      },
    );
  }
  const configs = files.map((path) =>
    readKubeconfig(path, file !== undefined && text !== undefined ? text : undefined),
  );
  return connectionFrom(configs);
}

function readKubeconfig(path: string, text?: string): KubeconfigFile {
  if (text === undefined && !existsSync(path)) {
    throw new UserError(`The kubeconfig ${path} does not exist.`, {
      fix: 'check the path, or pass the kubeconfig content itself.',
    });
  }
  const value = parseYaml(text ?? readFileSync(path, 'utf8'), path, {
    maxBytes: MAX_KUBECONFIG_BYTES,
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(
      `${path} is not a kubeconfig (a YAML mapping with clusters, users and contexts).`,
      {
        location: { file: path },
      },
    );
  }
  return { ...(value as Omit<KubeconfigFile, 'path'>), path };
}

/** First-wins lookup across the files, as kubectl merges KUBECONFIG. */
function find<T>(
  configs: readonly KubeconfigFile[],
  list: 'clusters' | 'users' | 'contexts',
  name: string,
): { entry: T; file: string } | undefined {
  const field = list === 'clusters' ? 'cluster' : list === 'users' ? 'user' : 'context';
  for (const config of configs) {
    const found = (config[list] ?? []).find((item) => item?.name === name);
    if (found)
      return { entry: ((found as Record<string, unknown>)[field] ?? {}) as T, file: config.path };
  }
  return undefined;
}

function connectionFrom(configs: readonly KubeconfigFile[]): KubeConnection {
  const where = configs.map((config) => config.path).join(delimiter);
  const contextName = configs.find((config) => config['current-context'])?.['current-context'];
  if (!contextName) {
    throw new UserError(`The kubeconfig ${where} has no current-context.`, {
      fix: 'set current-context in the kubeconfig (kubectl config use-context NAME).',
    });
  }
  const context = find<ContextEntry>(configs, 'contexts', contextName);
  if (!context?.entry.cluster) {
    throw new UserError(`The kubeconfig ${where} has no context "${contextName}" with a cluster.`, {
      fix: 'check current-context and the contexts list of the kubeconfig.',
    });
  }
  const cluster = find<ClusterEntry>(configs, 'clusters', context.entry.cluster);
  if (!cluster?.entry.server) {
    throw new UserError(
      `The kubeconfig ${where} has no cluster "${context.entry.cluster}" with a server.`,
      {
        fix: 'check the clusters list of the kubeconfig.',
      },
    );
  }
  const user = context.entry.user
    ? find<UserEntry>(configs, 'users', context.entry.user)
    : undefined;
  const source = `${where} (context ${contextName})`;
  const connection: KubeConnection = {
    server: cluster.entry.server.replace(/\/+$/, ''),
    source,
    insecureSkipTlsVerify: cluster.entry['insecure-skip-tls-verify'] === true,
    ...bytes(
      'ca',
      cluster.entry['certificate-authority-data'],
      cluster.entry['certificate-authority'],
      cluster.file,
    ),
  };
  if (cluster.entry['tls-server-name']) connection.tlsServerName = cluster.entry['tls-server-name'];
  const proxyUrl = cluster.entry['proxy-url'];
  if (proxyUrl) connection.proxyUrl = checkProxyUrl(proxyUrl, cluster.file);
  if (user) addUser(connection, user.entry, user.file, cluster.entry);
  return connection;
}

/** kubectl also takes socks5:// here; the one HTTP transport speaks to http and https proxies only. */
function checkProxyUrl(value: string, file: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UserError(
      `The kubeconfig ${file} sets proxy-url to ${url ? url.protocol.slice(0, -1) : 'something that is not a URL'}; only http:// and https:// proxies are supported.`,
      {
        fix: 'give an http(s) forward proxy in proxy-url (for example http://proxy.corp:3128), or remove it and set HTTPS_PROXY on the runner.',
      },
    );
  }
  if (url.password) maskSecret(decodeURIComponent(url.password));
  return url.href;
}

function addUser(
  connection: KubeConnection,
  user: UserEntry,
  file: string,
  cluster: ClusterEntry,
): void {
  Object.assign(
    connection,
    bytes('cert', user['client-certificate-data'], user['client-certificate'], file),
    bytes('key', user['client-key-data'], user['client-key'], file),
  );
  // Every credential is masked as it is read, before a tool or an error can print it.
  maskSecret(user['client-key-data']);
  maskSecret(user['client-certificate-data']);
  if (connection.key) maskSecret(connection.key.toString('utf8'));
  if (user.token) {
    maskSecret(user.token);
    const header = `Bearer ${user.token}`;
    connection.authorization = async () => header;
  } else if (user.tokenFile) {
    const path = relativeTo(file, user.tokenFile);
    // Read again for each request (a projected token rotates); masked now already.
    if (existsSync(path)) readSecretFile(path);
    connection.authorization = async () => `Bearer ${readSecretFile(path)}`;
  } else if (user.username !== undefined && user.password !== undefined) {
    maskSecret(user.password);
    const header = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
    core.setSecret(header.slice(6));
    connection.authorization = async () => header;
  } else if (user.exec) {
    connection.authorization = execCredential(connection, user.exec, cluster);
  } else if (user['auth-provider']) {
    // gcp and azure left client-go in Kubernetes 1.26; oidc remains there, but not here.
    const name = user['auth-provider'].name ?? 'unknown';
    throw new UserError(
      name === 'oidc'
        ? "The kubeconfig's user authenticates with the oidc auth-provider, which this client does not support."
        : `The kubeconfig's user authenticates with the "${name}" auth-provider, which was removed from Kubernetes clients.`,
      {
        fix:
          name === 'oidc'
            ? 'use kubelogin as an exec credential plugin (`kubectl oidc-login get-token`), or a token the workflow gets from its identity provider.'
            : 'use the exec credential plugin your provider ships (for example gke-gcloud-auth-plugin or kubelogin).',
      },
    );
  }
}

/** A bearer token (or client certificate) from an exec plugin, asked once per run. */
function execCredential(
  connection: KubeConnection,
  exec: ExecConfig,
  cluster: ClusterEntry,
): () => Promise<string | undefined> {
  let token: Promise<string | undefined> | undefined;
  return () => {
    token ??= runExecPlugin(connection, exec, cluster);
    return token;
  };
}

async function runExecPlugin(
  connection: KubeConnection,
  exec: ExecConfig,
  cluster: ClusterEntry,
): Promise<string | undefined> {
  if (!exec.command) {
    throw new UserError("The kubeconfig's exec credential plugin has no command.", {
      fix: 'set users[].user.exec.command in the kubeconfig.',
    });
  }
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
  const info: Record<string, unknown> = {
    apiVersion,
    kind: 'ExecCredential',
    spec: {
      interactive: false,
      ...(exec.provideClusterInfo
        ? {
            cluster: {
              server: cluster.server,
              ...(cluster['certificate-authority-data']
                ? { 'certificate-authority-data': cluster['certificate-authority-data'] }
                : {}),
              ...(cluster['tls-server-name']
                ? { 'tls-server-name': cluster['tls-server-name'] }
                : {}),
            },
          }
        : {}),
    },
  };
  const env: Record<string, string> = { KUBERNETES_EXEC_INFO: JSON.stringify(info) };
  for (const entry of exec.env ?? []) env[entry.name] = entry.value;
  const result = await Exec.run(exec.command, exec.args ?? [], {
    env,
    silent: true,
    timeoutMs: EXEC_TIMEOUT_MS,
    maxOutputBytes: 1024 * 1024,
  });
  if (result.exitCode !== 0) {
    throw new UserError(
      `The kubeconfig's credential plugin ${exec.command} failed (exit code ${result.exitCode}): ${result.stderr.trim().split('\n').pop() ?? ''}`,
      {
        fix: 'run it by hand on the runner; it usually needs a login step (cloud credentials) earlier in the job.',
      },
    );
  }
  let status:
    { token?: string; clientCertificateData?: string; clientKeyData?: string } | undefined;
  try {
    status = (JSON.parse(result.stdout) as { status?: typeof status }).status;
  } catch {
    status = undefined;
  }
  if (!status || (!status.token && !status.clientCertificateData)) {
    throw new UserError(
      `The kubeconfig's credential plugin ${exec.command} printed no ExecCredential with a token or certificate.`,
      {
        fix: 'check the plugin and its apiVersion in the kubeconfig.',
      },
    );
  }
  if (status.clientCertificateData && status.clientKeyData) {
    maskSecret(status.clientKeyData);
    connection.cert = Buffer.from(status.clientCertificateData);
    connection.key = Buffer.from(status.clientKeyData);
  }
  if (!status.token) return undefined;
  maskSecret(status.token);
  return `Bearer ${status.token}`;
}

function inCluster(env: NodeJS.ProcessEnv): KubeConnection {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  const tokenFile = join(SERVICE_ACCOUNT_DIR, 'token');
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    source: 'the pod service account (in-cluster)',
    insecureSkipTlsVerify: false,
    ca: readFileSync(join(SERVICE_ACCOUNT_DIR, 'ca.crt')),
    authorization: async () => `Bearer ${readSecretFile(tokenFile)}`,
  };
}

function readSecretFile(path: string): string {
  const value = readFileSync(path, 'utf8').trim();
  maskSecret(value);
  return value;
}

/** `<field>` from inline base64 data, else from a file relative to the kubeconfig. */
function bytes<K extends 'ca' | 'cert' | 'key'>(
  field: K,
  data: string | undefined,
  path: string | undefined,
  kubeconfig: string,
): Partial<Record<K, Buffer>> {
  if (data) return { [field]: Buffer.from(data, 'base64') } as Partial<Record<K, Buffer>>;
  if (!path) return {};
  const full = relativeTo(kubeconfig, path);
  if (!existsSync(full)) {
    throw new UserError(
      `The kubeconfig ${kubeconfig} names ${path}, which does not exist on the runner.`,
      {
        fix: 'embed the file as *-data (base64) in the kubeconfig, or create it in an earlier step.',
      },
    );
  }
  return { [field]: readFileSync(full) } as Partial<Record<K, Buffer>>;
}

function relativeTo(kubeconfig: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(kubeconfig), path);
}
