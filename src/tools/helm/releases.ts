/**
 * What the release commands (upgrade --install, template, history, rollback,
 * uninstall, get manifest) take and give, and how a chart source becomes
 * flags.
 */

/** Where a chart comes from, as helm takes it. */
export interface HelmChartSource {
  /** A directory, `oci://host/path/chart`, or `repo/name`. */
  ref: string;
  version?: string | undefined;
  plainHttp?: boolean | undefined;
  caFile?: string | undefined;
}

/** Flags and environment that hook a post-renderer into helm (see src/render/post-render.ts). */
export interface HelmPostRendererHook {
  helmArgs: readonly string[];
  env: Readonly<Record<string, string>>;
}

export interface UpgradeRequest {
  release: string;
  namespace: string;
  chart: HelmChartSource;
  /** `--values` files, in order. */
  valuesFiles: readonly string[];
  wait: boolean;
  timeoutSeconds: number;
  /** Roll back on failure: `--atomic` (helm 3) or `--rollback-on-failure` (helm 4). */
  atomic: boolean;
  dryRun?: boolean;
  createNamespace?: boolean;
  description?: string | undefined;
  /** Release labels, stored on Helm's own storage object (`--labels`, helm >= 3.13). */
  labels?: Readonly<Record<string, string>> | undefined;
  postRenderer?: HelmPostRendererHook | undefined;
}

export interface TemplateRequest {
  release: string;
  namespace: string;
  chart: HelmChartSource;
  valuesFiles: readonly string[];
  /** Hooks are left out unless asked for (they are not part of the live state). */
  includeHooks?: boolean;
  /** Render against the cluster's capabilities (it must be reachable). */
  validate?: boolean;
  /** `.Capabilities` given instead of asked for: `--kube-version`, `--api-versions` (src/kube ServerCapabilities). */
  capabilities?: { kubeVersion: string; apiVersions: readonly string[] } | undefined;
  /** `.Release.IsUpgrade` (the release exists) rather than `.Release.IsInstall`. */
  isUpgrade?: boolean;
  postRenderer?: HelmPostRendererHook | undefined;
}

/** A release as `helm upgrade -o json` reports it (what helm-deploy reads of it). */
export interface HelmRelease {
  name: string;
  namespace: string;
  revision: number;
  status: string;
  description: string;
  /** The applied manifests (post-rendered), hooks excluded. */
  manifest: string;
  /** Hook manifests. */
  hooks: string[];
}

/** One entry of `helm history -o json`. */
export interface HelmRevision {
  revision: number;
  /** RFC 3339. */
  updated: string;
  /** deployed, superseded, failed, pending-install, pending-upgrade, pending-rollback, uninstalling, uninstalled. */
  status: string;
  chart: string;
  app_version: string;
  description: string;
}

/** The flags that fetch `chart` at its version, from where it says. */
export function chartArgs(chart: HelmChartSource): string[] {
  return [
    ...(chart.version ? ['--version', chart.version] : []),
    ...(chart.plainHttp ? ['--plain-http'] : []),
    ...(chart.caFile ? ['--ca-file', chart.caFile] : []),
  ];
}

export function parseHelmRelease(json: string): HelmRelease {
  const raw = JSON.parse(json) as {
    name?: string;
    namespace?: string;
    version?: number;
    info?: { status?: string; description?: string };
    manifest?: string;
    hooks?: { manifest?: string }[] | null;
  };
  return {
    name: raw.name ?? '',
    namespace: raw.namespace ?? '',
    revision: raw.version ?? 0,
    status: raw.info?.status ?? 'unknown',
    description: raw.info?.description ?? '',
    manifest: raw.manifest ?? '',
    hooks: (raw.hooks ?? []).map((hook) => hook.manifest ?? ''),
  };
}
