import { UserError } from '../errors.js';
import { DNS_1123_LABEL, MAX_NAMESPACE_LENGTH } from './constants.js';
import type { AppManifest } from './types.js';

/** The environments the application deploys to: dev, stage and prod first, then any the manifest adds. */
export function environmentNames(manifest: AppManifest): string[] {
  return Object.keys(manifest.environments);
}

/**
 * The namespace `environment` deploys to: the manifest's override, or
 * `<namespace>-<environment>`. An environment the manifest doesn't name (from
 * a workflow input) is derived the same way and must still make a valid
 * namespace.
 */
export function environmentNamespace(manifest: AppManifest, environment: string): string {
  const configured = Object.hasOwn(manifest.environments, environment)
    ? manifest.environments[environment]?.namespace
    : undefined;
  if (configured !== undefined) return configured;
  const derived = `${manifest.namespace}-${environment}`;
  if (!DNS_1123_LABEL.test(derived) || derived.length > MAX_NAMESPACE_LENGTH) {
    throw new UserError(
      `Environment ${JSON.stringify(environment)} would deploy to namespace ${JSON.stringify(derived)}, which is not a valid Kubernetes namespace (lowercase letters, digits and "-", at most ${MAX_NAMESPACE_LENGTH} characters).`,
      {
        fix: `use an environment name such as "dev", "stage" or "prod", or give it a namespace under "environments" in ${manifest.file}.`,
        location: { file: manifest.file },
      },
    );
  }
  return derived;
}
