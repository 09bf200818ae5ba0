import * as core from '../core.js';
import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';

/**
 * The API server answers (`/version`, through the in-process client, which
 * retries a transient failure with backoff), or a UserError that names it
 * and says what to check.
 */
export async function probeCluster(
  client: KubeClient,
  options: { signal?: AbortSignal } = {},
): Promise<{ version: string; url: string }> {
  const url = client.connection.server;
  try {
    return { version: await client.version(options), url };
  } catch (error) {
    const network = networkFailure(error);
    if (network === undefined) throw error;
    throw new UserError(`The Kubernetes API server ${url} cannot be reached: ${network}.`, {
      fix: `check the kubeconfig's server address (${url}) and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).`,
      cause: error,
    });
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'no such host',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
  EAI_AGAIN: 'no such host (DNS lookup failed for now)',
};

/** What went wrong on the network, when the client could not reach the server; else undefined (its own message stands). */
function networkFailure(error: unknown): string | undefined {
  if (!(error instanceof UserError)) return undefined;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const reason = typeof cause?.code === 'string' ? REASONS[cause.code] : undefined;
  return reason && `${reason} (${String(cause?.message)})`;
}

/**
 * Whether `namespace` exists: true or false when the API server says so,
 * undefined when the kubeconfig's identity may not read namespaces (a
 * deploy identity often has rights in its namespaces only; helm then finds
 * out).
 */
export async function namespaceExists(
  client: KubeClient,
  namespace: string,
): Promise<boolean | undefined> {
  const resource = await client.resource('v1', 'Namespace');
  if (!resource) return undefined;
  try {
    return (await client.get(resource, undefined, namespace)) !== undefined;
  } catch (error) {
    if (error instanceof UserError) return undefined; // refused (403): cannot know cheaply
    throw error;
  }
}

/** A deploy into a namespace that does not exist fails before helm runs, saying so. */
export async function checkNamespace(
  client: KubeClient,
  namespace: string,
  options: { createNamespace: boolean; dryRun: boolean; source: string },
): Promise<void> {
  if (options.createNamespace) return;
  if ((await namespaceExists(client, namespace)) !== false) return;
  const message = `Namespace ${namespace} (${options.source}) does not exist in the cluster ${client.connection.server}.`;
  const fix = `create it before the first deploy (kubectl create namespace ${namespace}; usually the platform team does), or set create-namespace: true (the kubeconfig's identity then needs the right to create namespaces).`;
  if (options.dryRun) {
    // What would change is still worth showing; the deploy itself would fail.
    core.warning(`${message} A deploy would fail: ${fix}`, { title: 'Namespace missing' });
    return;
  }
  throw new UserError(message, { fix });
}
