import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from './auth.js';
import { DOCKER_HUB } from './reference.js';

/**
 * Credentials that `docker login` left in `~/.docker/config.json` (or
 * `$DOCKER_CONFIG/config.json`), used when none are passed explicitly.
 * Only the inline `auths` entries are read; credential helpers (credsStore,
 * credHelpers) would mean running another program and are not supported.
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

/** Credentials for `registry` from the docker config file, if the file exists and has them. */
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
  return parseDockerConfig(text).get(normalizeConfigKey(registry));
}
