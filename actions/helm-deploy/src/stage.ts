import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../../src/core.js';
import { releaseReader } from '../../../src/deploy/release.js';
import { scopedAccess } from '../../../src/registry/index.js';
import { secretCutter, secretValuesIn } from '../../../src/report/redact.js';
import type { PreparedRelease } from '../../../src/render/release.js';
import { objectRef } from '../../../src/kube/objects.js';
import { HelmHome, helmSetupOptions, helmSourceOf, setupHelm } from '../../../src/tools/helm.js';
import { Kubectl } from '../../../src/tools/kubectl.js';
import { checkCluster, lazyCluster, startProbe } from './cluster.js';
import { compareRendered } from './compare-rendered.js';
import type { Inputs } from './inputs.js';
import {
  deployedOutcome,
  dryRunOutcome,
  renderOnlyOutcome,
  type DeployOutcome,
} from './outcome.js';
import { inputChart, loadDeployModules, prefetchImageDigest, prepareDeploy } from './prepare.js';
import { currentRelease } from './release-state.js';
import { readLocalFiles, readSettings } from './settings.js';
import { upgrade } from './upgrade.js';

/**
 * The helm-deploy stage. Everything that can be checked before the cluster
 * changes is checked first (default.json, every placeholder, the kubeconfig,
 * the API server, the chart version, a pending release); then helm upgrades
 * through the post-renderer (kustomize, pinned digests, annotations) and the
 * outcome, or the reason it failed, is reported.
 */
export async function deploy(inputs: Inputs): Promise<DeployOutcome> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const base = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(base, { recursive: true });
  const scratch = mkdtempSync(join(base, 'helm-deploy-'));
  const home = HelmHome.create('helm-deploy-home-');
  let prepared: PreparedRelease | undefined;
  let connection: ReturnType<typeof lazyCluster> | undefined;
  // Stops the early API-server check's retries when the step ends without waiting for it.
  const early = new AbortController();
  try {
    const settings = await readSettings(inputs, workspace, scratch);
    const { kubeconfig, release, namespace, context } = settings;
    connection = lazyCluster(kubeconfig);
    const cluster = connection.client;
    const probe = startProbe(inputs, cluster, early.signal);
    const { overlay, values } = readLocalFiles(inputs, workspace, scratch, context);

    const helm = await setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home));
    helm.useKubeconfig(kubeconfig.file);
    core.info(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
    const kubectl = new Kubectl(inputs.kubectl, kubeconfig.file);
    // Secret placeholder and `set` values never reach the summary (the runner masks logs, not
    // summaries): the diff hides every change whose value holds one (src/report/redact.ts).
    const secrets = () => secretCutter([...context.secretValues(), ...secretValuesIn(inputs.set)]);
    if (inputs.rendered !== undefined) {
      const given = { release, namespace, rendered: inputs.rendered, secrets: secrets() };
      return await compareRendered(helm, cluster(), inputs, given);
    }

    const owners = { chart: inputs.chart, image: inputs.image };
    const registries = scopedAccess(settings.credentials, owners, settings.caFile);
    if (values && values.placeholders.length > 0) {
      core.info(`values: filled ${values.placeholders.map((name) => `%%${name}%%`).join(', ')}`);
    }
    const digests = prefetchImageDigest(inputs, registries);
    if (probe) await checkCluster(probe, cluster, inputs, namespace);

    // Not needed for the requests above: the deploy record (it hashes the chart directory)
    // and the post-renderer helm starts later are prepared once they are out.
    const modules = await loadDeployModules();
    const local = { helm, workspace, scratch, settings, overlay, values, registries };
    prepared = prepareDeploy(modules, inputs, local);
    const chart = await inputChart(modules, helm, inputs, local);
    core.info(`chart: ${chart.display}`);
    const target = { release, namespace, chart: chart.source };
    const outcome = {
      release,
      namespace,
      chart: chart.display,
      chartVersion: chart.version,
      helmVersion: helm.version,
    };
    if (inputs['render-only']) {
      const { placeholders } = prepared;
      const common = { ...outcome, recovered: undefined, placeholders };
      return await renderOnlyOutcome(modules, helm, prepared, target, common);
    }

    // A dry run changes nothing, not even a stuck release.
    const recover = inputs['recover-pending'] && !inputs['dry-run'];
    const releases = releaseReader(helm, cluster());
    const current = await currentRelease(helm, releases, inputs, release, namespace, recover);
    const { pending, previous } = current;
    const state = pending.state;
    const { placeholders } = prepared;
    const common = { ...outcome, recovered: pending.recovered, placeholders };
    const cutter = secrets();
    const knownDigests = async () => prepared?.postRenderer?.useDigests((await digests) ?? {});
    if (inputs['dry-run']) {
      await knownDigests();
      const revision = state.deployed?.revision ?? state.current?.revision;
      const given = { target, common, previous, revision, secrets: cutter };
      return await dryRunOutcome(modules, helm, prepared, cluster(), given);
    }

    // What runs now, to tell what the deploy sets back (a redeploy of the same Git can restore drift).
    const liveBefore =
      previous.length > 0 ? await cluster().getObjects(previous.map(objectRef), namespace) : [];
    await knownDigests();
    const upgraded = await upgrade(helm, kubectl, releases, prepared, {
      target,
      inputs,
      namespace,
      release,
      previous,
      before: state.current,
      service: cluster().service,
    });
    const given = { upgraded, common, namespace, previous, liveBefore, secrets: cutter };
    return deployedOutcome(modules, prepared, given);
  } finally {
    early.abort();
    connection?.close();
    prepared?.dispose();
    home.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}
