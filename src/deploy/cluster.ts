import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';

/**
 * The API server answers (`/version`, through the in-process client, which
 * retries a transient failure with backoff), or a UserError that names it
 * and says what to check.
 */
export async function probeCluster(client: KubeClient): Promise<{ version: string; url: string }> {
  const url = client.connection.server;
  try {
    return { version: await client.version(), url };
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
