import { existsSync } from 'node:fs';
import * as core from '../../../src/core.js';
import { UserError, errorMessage } from '../../../src/errors.js';
import type { AppManifest } from '../../../src/manifest/index.js';
import {
  RegistryClient,
  formatName,
  parseReference,
  type ImageReference,
} from '../../../src/oci/index.js';
import { readCa, readLogin, type Login } from '../../../src/registry/index.js';
import type { Inputs } from './inputs.js';

/** Where the image goes: `<registry input>/<namespace>/<application.name>`, and a client for it. */
export interface Target {
  readonly reference: ImageReference;
  /** `registry/path/namespace/app`, without tag. */
  readonly name: string;
  readonly registry: string;
  readonly repository: string;
  readonly client: RegistryClient;
  /** The login given as inputs (for docker login too); undefined when docker's config provides one. */
  readonly login: Login | undefined;
  /** The CA given as `registry-ca`, PEM. */
  readonly ca: string | undefined;
}

export function openTarget(inputs: Inputs, manifest: AppManifest, workspace: string): Target {
  const base = inputs.registry.replace(/^(https?|oci):\/\//, '').replace(/\/+$/, '');
  let reference: ImageReference;
  try {
    reference = parseReference(`${base}/${manifest.namespace}/${manifest.application.name}`);
  } catch (error) {
    throw new UserError(
      `Input "registry" (${inputs.registry}) does not make a valid image name: ${errorMessage(error)}`,
      {
        fix: 'set it to a registry host and optional path in lowercase, such as ghcr.io/acme or 127.0.0.1:5000/team.',
      },
    );
  }
  if (reference.tag || reference.digest) {
    throw new UserError(`Input "registry" (${inputs.registry}) must not carry a tag or digest.`, {
      fix: 'give only the registry and path; the image is named after default.json and tagged with its version.',
    });
  }
  const login = readLogin(inputs);
  const ca = readCa(inputs['registry-ca'], workspace)?.pem;
  const retries = inputs.retries;
  const client = new RegistryClient(reference.registry, {
    credentials: login,
    ca,
    userAgent: 'pipeline-actions/build-image',
    retry: {
      attempts: retries,
      onRetry: (error, attempt, delayMs) =>
        core.info(
          `Registry ${reference.registry}: attempt ${attempt} of ${retries} failed: ${errorMessage(error)}; retrying in ${delayMs} ms.`,
        ),
    },
    log: (line) => core.debug(line),
  });
  return {
    reference,
    name: formatName(reference),
    registry: reference.registry,
    repository: reference.repository,
    client,
    login,
    ca,
  };
}

/**
 * docker (BuildKit on the docker driver) trusts a registry's CA only from
 * /etc/docker/certs.d/<host:port>/ca.crt; say so when it is not there.
 */
export function warnIfDockerDistrustsCa(registry: string, ca: string | undefined): void {
  if (!ca) return;
  const file = `/etc/docker/certs.d/${registry}/ca.crt`;
  if (existsSync(file)) return;
  core.warning(
    `docker may not trust the CA given in "registry-ca" for ${registry}: ${file} does not exist. If the push fails with an x509 error, install the CA there (sudo) before this step.`,
  );
}
