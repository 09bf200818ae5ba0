import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { dockerConfigCredentials } from '../oci/docker-config.js';
import { parseReference } from '../oci/reference.js';
import { maskBasicAuth } from '../report/redact.js';

/**
 * Registry access from the user's inputs, the one home of its rules:
 *
 * - a login is `registry-username` and `registry-password`, both or neither
 *   (one message for each missing half);
 * - `registry-ca` is the PEM itself or the path of a PEM file (relative to
 *   the workspace); a path that is no file, or a file that is no PEM, is an
 *   error with its own message;
 * - a login goes only to the registries it belongs to (the chart's, the
 *   image's, the destination's); any other host gets what `docker login`
 *   stored in docker's config.json, or nothing.
 */

/** The input names, the same in every action and workflow. */
export const REGISTRY_INPUTS = {
  username: 'registry-username',
  password: 'registry-password',
  ca: 'registry-ca',
} as const;

export interface RegistryInputs {
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
}

export interface Login {
  username: string;
  password: string;
}

export interface RegistryCa {
  /** The certificate(s), PEM. */
  pem: string;
  /** The file named by the input; undefined when the input held the PEM itself. */
  path: string | undefined;
}

/** What the post-renderer and helm get: logins by registry host, and a CA file. */
export interface RegistryAccess {
  /** Logins by registry host (`ghcr.io`, `127.0.0.1:5443`); other hosts use docker's config.json. */
  credentials?: Record<string, Login>;
  /** PEM file of a CA to trust for registries. */
  caFile?: string;
}

/** The login, masked (password and the base64 of `user:password`), or undefined when neither half is set. */
export function readLogin(
  inputs: Pick<RegistryInputs, 'registry-username' | 'registry-password'>,
): Login | undefined {
  const username = inputs['registry-username'];
  const password = inputs['registry-password'];
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    const [set, missing] =
      username === undefined
        ? [REGISTRY_INPUTS.password, REGISTRY_INPUTS.username]
        : [REGISTRY_INPUTS.username, REGISTRY_INPUTS.password];
    throw new UserError(`Input "${set}" is set but "${missing}" is not.`, {
      fix: `set both ${REGISTRY_INPUTS.username} and ${REGISTRY_INPUTS.password} (a registry login), or neither (then the runner's docker login, if any, is used).`,
    });
  }
  maskBasicAuth(username, password);
  return { username, password };
}

const PEM_MARK = '-----BEGIN';

/** `registry-ca`: the PEM itself, or the path of a PEM file (relative to the workspace). */
export function readCa(value: string | undefined, workspace: string): RegistryCa | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.includes(PEM_MARK)) return { pem: value, path: undefined };
  const path = resolve(workspace, value);
  if (!isFile(path)) {
    throw new UserError(
      `Input "${REGISTRY_INPUTS.ca}" is neither a PEM certificate nor a file on the runner (${path}).`,
      {
        fix: 'pass the CA certificate itself (PEM, from a secret or variable) or the path of a PEM file, relative to the workspace.',
      },
    );
  }
  const pem = readFileSync(path, 'utf8');
  if (!pem.includes(PEM_MARK)) {
    throw new UserError(
      `Input "${REGISTRY_INPUTS.ca}" names ${path}, which is not a PEM certificate.`,
      { fix: 'pass a PEM file: it starts with -----BEGIN CERTIFICATE-----.' },
    );
  }
  return { pem, path };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A file holding the CA: the one named, or a private copy (0600) written into `scratch`. */
export function caFile(ca: RegistryCa, scratch: string): string {
  if (ca.path) return ca.path;
  const file = join(scratch, 'registry-ca.pem');
  writeFileSync(file, `${ca.pem.trim()}\n`, { mode: 0o600 });
  return file;
}

/** The login and the CA (as a file) from the three registry inputs; every mistake a UserError. */
export function readRegistryInputs(
  inputs: RegistryInputs,
  where: { workspace: string; scratch: string },
): { login: Login | undefined; ca: (RegistryCa & { file: string }) | undefined } {
  const login = readLogin(inputs);
  const ca = readCa(inputs['registry-ca'], where.workspace);
  return { login, ca: ca ? { ...ca, file: caFile(ca, where.scratch) } : undefined };
}

/** The registry host of an image or OCI chart reference (`oci://` or not); undefined when it is none. */
export function registryHost(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  try {
    return parseReference(reference).registry;
  } catch {
    return undefined;
  }
}

/**
 * Registry access for rendering a release: the login goes only to the
 * chart's registry (an `oci://` chart) and the image's, never to any other
 * host; the CA to every registry.
 */
export function scopedAccess(
  login: Login | undefined,
  owners: { chart: string | undefined; image: string | undefined },
  caFile: string | undefined,
): RegistryAccess {
  const access: RegistryAccess = {};
  if (login) {
    const chart = owners.chart?.startsWith('oci://') ? owners.chart : undefined;
    access.credentials = {};
    for (const host of [registryHost(chart), registryHost(owners.image)]) {
      if (host) access.credentials[host] = login;
    }
  }
  if (caFile) access.caFile = caFile;
  return access;
}

/**
 * Who logs in where when a chart's dependencies are fetched: the login goes
 * to its own hosts only (`own`: the destinations, as registry hosts or
 * repository origins); any other registry gets the user name and password
 * `docker login` stored, if any; a repository origin elsewhere gets nothing.
 */
export function loginFor(
  hostOrOrigin: string,
  own: (hostOrOrigin: string) => boolean,
  login: Login | undefined,
  dockerConfig?: string,
): Login | undefined {
  if (login && own(hostOrOrigin)) return login;
  if (hostOrOrigin.includes('://')) return undefined;
  const stored = dockerConfigCredentials(hostOrOrigin, dockerConfig);
  return stored && 'username' in stored ? stored : undefined;
}
