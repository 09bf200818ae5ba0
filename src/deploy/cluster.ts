import * as core from '@actions/core';
import { errorMessage, TransientError, UserError } from '../errors.js';
import { retry } from '../retry.js';
import type { Kubectl } from '../tools/kubectl.js';

/** The API server answers, or a UserError that names it. */
export async function probeCluster(
  kubectl: Kubectl,
): Promise<{ version: string; url: string | undefined }> {
  const url = await kubectl.server();
  try {
    const version = await retry(() => kubectl.serverVersion(10), {
      attempts: 3,
      baseDelayMs: 1000,
      onRetry: (error, attempt) =>
        core.info(`API server not reachable (attempt ${attempt}): ${errorMessage(error)}`),
    });
    return { version, url };
  } catch (error) {
    if (error instanceof TransientError) {
      throw new UserError(/[.?!]$/.test(error.message) ? error.message : `${error.message}.`, {
        fix: `check the kubeconfig's server address${url ? ` (${url})` : ''} and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).`,
        cause: error,
      });
    }
    throw error;
  }
}
