import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as core from '../core.js';
import { maskBasicAuth } from '../report/redact.js';
import type { Credentials } from './auth.js';
import { DOCKER_HUB } from './reference.js';

/**
 * Credentials that `docker login` left in `~/.docker/config.json` (or
 * `$DOCKER_CONFIG/config.json`), used when none are passed explicitly.
 * As docker does: a registry named in `credHelpers`, or any registry when
 * `credsStore` is set, asks that credential helper
 * (`docker-credential-<name> get`); otherwise the inline `auths` entry.
 */

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
}

/** `https://index.docker.io/v1/` and `registry.example.com/v2` both name a host; this finds it. */
export function normalizeConfigKey(key: string): string {
  const host = key
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
}

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
  registrytoken?: unknown;
}

/** Credentials per registry host from a docker config file's text; malformed entries are skipped. */
export function parseDockerConfig(text: string): Map<string, Credentials> {
  const found = new Map<string, Credentials>();
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return found;
  }
  const auths = (config as { auths?: unknown } | null)?.auths;
  if (!auths || typeof auths !== 'object') return found;
  for (const [key, value] of Object.entries(auths as Record<string, AuthEntry>)) {
    const credentials = entryCredentials(value);
    const host = normalizeConfigKey(key);
    if (credentials && !found.has(host)) found.set(host, credentials);
  }
  return found;
}

function entryCredentials(entry: AuthEntry | null | undefined): Credentials | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
    return { token: entry.registrytoken };
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    return undefined;
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  return undefined;
}

/** The credential helper docker would ask for `host`: `credHelpers[host]`, else `credsStore`. */
export function configuredHelper(text: string, host: string): string | undefined {
  let config: { credHelpers?: unknown; credsStore?: unknown } | null;
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return undefined;
  }
  const helpers = config?.credHelpers;
  if (helpers && typeof helpers === 'object') {
    for (const [key, name] of Object.entries(helpers as Record<string, unknown>)) {
      if (normalizeConfigKey(key) === host && typeof name === 'string' && name !== '') return name;
    }
  }
  const store = config?.credsStore;
  return typeof store === 'string' && store !== '' ? store : undefined;
}

/** Bounds on a credential helper: time (ECR's asks AWS for a token) and output. */
export const HELPER_LIMITS = { timeoutMs: 30_000, maxOutputBytes: 1024 * 1024 };
/** What docker's helper protocol answers for a host it holds nothing for. */
const NOT_FOUND = 'credentials not found';

/** The address docker gives a helper: Docker Hub's historical URL, or the host itself. */
function helperServerAddress(host: string): string {
  return host === DOCKER_HUB ? 'https://index.docker.io/v1/' : host;
}

/**
 * Runs `docker-credential-<helper> get` as docker does: the server address on
 * stdin, `{"Username", "Secret"}` on stdout; no shell, bounded in time and
 * output. "credentials not found" is no credentials; a helper that is not
 * installed, fails or answers nonsense is a warning and no credentials (the
 * request then goes anonymously and the registry's refusal says what to do).
 * Run synchronously: the registry client reads its credentials when built.
 */
export function helperCredentials(helper: string, host: string): Credentials | undefined {
  const program = `docker-credential-${helper}`;
  const result = spawnSync(program, ['get'], {
    input: helperServerAddress(host),
    shell: false,
    timeout: HELPER_LIMITS.timeoutMs,
    maxBuffer: HELPER_LIMITS.maxOutputBytes,
    encoding: 'utf8',
  });
  const out = (result.stdout ?? '').trim();
  const failed = (why: string): undefined => {
    core.warning(
      `Docker credential helper ${program} gave no credentials for ${host}: ${why}. Continuing without credentials for ${host}.`,
    );
    return undefined;
  };
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  // A helper that exits before reading stdin breaks the pipe (EPIPE): what it
  // said and its exit code still tell the story.
  if (result.error && !(code === 'EPIPE' && result.status !== null)) {
    if (code === 'ENOENT') return failed('it is not installed (not on PATH)');
    if (code === 'ETIMEDOUT')
      return failed(`it did not answer within ${HELPER_LIMITS.timeoutMs / 1000} s`);
    return failed(result.error.message);
  }
  if (result.status !== 0) {
    if (`${out}\n${result.stderr ?? ''}`.includes(NOT_FOUND)) return undefined;
    const said = (result.stderr || out).trim().split('\n').slice(-1)[0] ?? '';
    return failed(`it exited with ${result.status ?? result.signal}${said ? ` (${said})` : ''}`);
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(out) as typeof answer;
  } catch {
    return failed('its answer is not JSON');
  }
  if (typeof answer?.Secret !== 'string' || answer.Secret === '') return undefined;
  // "<token>" marks an identity token (an OAuth refresh token), which this client does not use.
  if (answer.Username === '<token>') {
    core.setSecret(answer.Secret);
    return failed('it gave an identity token, which is not supported');
  }
  if (typeof answer.Username !== 'string' || answer.Username === '') {
    core.setSecret(answer.Secret);
    return failed('its answer has no Username');
  }
  maskBasicAuth(answer.Username, answer.Secret);
  return { username: answer.Username, password: answer.Secret };
}

/** Credentials for `registry` from the docker config file (or its credential helper), if any. */
export function dockerConfigCredentials(
  registry: string,
  path: string = dockerConfigPath(),
): Credentials | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const host = normalizeConfigKey(registry);
  const helper = configuredHelper(text, host);
  if (helper) return helperCredentials(helper, host);
  return parseDockerConfig(text).get(host);
}
