import * as core from '../../../src/core.js';
import { checkNamespace, probeCluster } from '../../../src/deploy/cluster.js';
import type { KubeconfigSource } from '../../../src/deploy/kubeconfig.js';
import { KubeClient } from '../../../src/kube/client.js';
import { loadKubeconfig } from '../../../src/kube/config.js';
import type { Inputs } from './inputs.js';
import { namespaceSource } from './settings.js';

/**
 * The cluster's client, made on first use: its state is read in this process
 * (no kubectl, no helm); only helm writes.
 */
export function lazyCluster(kubeconfig: KubeconfigSource) {
  let client: KubeClient | undefined;
  return {
    client: () =>
      (client ??= new KubeClient(loadKubeconfig(kubeconfig.file, process.env, kubeconfig.text), {
        userAgent: 'pipeline-actions/helm-deploy',
        // Every read that can fail the step comes before helm writes.
        consequence: 'nothing was deployed',
      })),
    close: () => client?.close(),
  };
}

/**
 * The API server is asked while helm is set up and the values are templated; its
 * answer, or its failure, is taken where it always was (checkCluster), so errors
 * keep their order. A step that fails before taking it does not wait out its
 * retries (`signal`). Neither render-only nor a comparison of rendered objects asks.
 */
export function startProbe(inputs: Inputs, cluster: () => KubeClient, signal: AbortSignal) {
  const probe =
    inputs['render-only'] || inputs.rendered !== undefined
      ? undefined
      : Promise.resolve().then(() => probeCluster(cluster(), { signal }));
  probe?.catch(() => undefined);
  return probe;
}

/** The API server's answer, and the namespace the release goes to. */
export async function checkCluster(
  probe: NonNullable<ReturnType<typeof startProbe>>,
  cluster: () => KubeClient,
  inputs: Inputs,
  namespace: string,
): Promise<void> {
  const server = await probe;
  core.info(`Kubernetes ${server.version} at ${server.url}`);
  await checkNamespace(cluster(), namespace, {
    createNamespace: inputs['create-namespace'],
    dryRun: inputs['dry-run'],
    source: namespaceSource(inputs),
  });
}
