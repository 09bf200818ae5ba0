import * as core from '../../../src/core.js';
import { errorMessage, TransientError } from '../../../src/errors.js';
import { chartContent, type ChartContent } from '../../../src/helm/content.js';
import { findOciChart } from '../../../src/helm/oci.js';
import { ChartRepository, sha256 } from '../../../src/helm/repository.js';
import { RegistryClient, chartVersionTag, writeTagIfUnchanged } from '../../../src/oci/index.js';
import { retry, type RetryOptions } from '../../../src/retry.js';
import type { Helm, HelmConnection, HelmCredentials } from '../../../src/tools/helm.js';
import { ociRef, ociRepository, type Destination } from './destinations.js';

/**
 * One destination, as the stage sees it: what is already published there
 * (checked first, before anything is packaged), and how to publish.
 */
export interface Target {
  destination: Destination;
  /** The reference the `ref` output carries for this destination. */
  ref: string;
  /** The published version, or undefined when there is none. */
  find(): Promise<Existing | undefined>;
  /**
   * Publishes the packaged chart; returns the digest the destination now
   * serves. `existing` is what find() saw: an OCI tag is written only while it
   * still points there. `overwrite` says an existing version is being replaced on purpose.
   */
  publish(
    chart: PackagedChart,
    helm: Helm,
    overwrite: boolean,
    existing: Existing | undefined,
  ): Promise<string>;
  close(): void;
}

export interface Existing {
  /** OCI: the manifest digest; HTTP: `sha256:` of the archive. */
  digest: string;
  content(ours: PackagedChart): Promise<ChartContent>;
}

export interface PackagedChart {
  name: string;
  version: string;
  /** Path of the .tgz helm package wrote. */
  file: string;
  bytes: Buffer;
  /** The .prov next to it, when signed. */
  prov: Buffer | undefined;
  content: ChartContent;
}

export interface TargetOptions {
  credentials: HelmCredentials | undefined;
  /** PEM text and file of the CA to trust for the destinations. */
  ca: { pem: string; file: string } | undefined;
  /** Plain HTTP or not, for a registry host. */
  connectionFor: (host: string) => Promise<HelmConnection>;
  retry: RetryOptions;
}

export function createTarget(
  destination: Destination,
  chart: string,
  version: string,
  options: TargetOptions,
): Target {
  return destination.kind === 'oci'
    ? new OciTarget(destination, chart, version, options)
    : new HttpTarget(destination, chart, version, options);
}

class OciTarget implements Target {
  readonly ref: string;
  private readonly client: RegistryClient;
  private readonly repository: string;
  private readonly tag: string;

  constructor(
    readonly destination: Extract<Destination, { kind: 'oci' }>,
    chart: string,
    version: string,
    private readonly options: TargetOptions,
  ) {
    this.repository = ociRepository(destination, chart);
    this.tag = chartVersionTag(version);
    this.ref = ociRef(destination, chart, version);
    this.client = new RegistryClient(destination.registry, {
      credentials: options.credentials,
      ca: options.ca?.pem,
      userAgent: 'pipeline-actions/helm-push',
      retry: options.retry,
      log: (line) => core.debug(line),
    });
  }

  async find(): Promise<Existing | undefined> {
    const found = await findOciChart(this.client, this.repository, this.tag);
    if (!found) return undefined;
    return {
      digest: found.digest,
      content: async () => chartContent(await found.archive(), this.ref),
    };
  }

  // A tag is replaced by pushing to it; `overwrite` needs nothing more here.
  async publish(
    chart: PackagedChart,
    helm: Helm,
    _overwrite: boolean,
    existing: Existing | undefined,
  ): Promise<string> {
    const registry = this.destination.registry;
    const connection = await this.options.connectionFor(registry);
    if (this.options.credentials) {
      await retry(
        () => helm.registryLogin(registry, this.options.credentials!, connection),
        this.options.retry,
      );
    }
    const remote = `oci://${registry}${this.destination.path ? `/${this.destination.path}` : ''}`;
    // helm writes the tag itself and sends no precondition: the tag is
    // checked just before the push and read back after it (tag-write.ts).
    return writeTagIfUnchanged({
      client: this.client,
      repository: this.repository,
      tag: this.tag,
      expected: existing?.digest,
      write: async () => {
        const pushed = await retry(() => helm.push(chart.file, remote, connection), {
          ...this.options.retry,
          service: `the registry at ${registry}`,
          consequence: `${this.ref} was not published`,
          onRetry: (error, attempt, delayMs) =>
            core.warning(
              `helm push to ${remote} failed (attempt ${attempt}): ${errorMessage(error)}; retrying in ${delayMs} ms`,
            ),
        });
        return pushed.digest;
      },
    });
  }

  close(): void {
    this.client.close();
  }
}

class HttpTarget implements Target {
  readonly ref: string;
  private readonly repository: ChartRepository;

  constructor(
    readonly destination: Extract<Destination, { kind: 'http' }>,
    private readonly chart: string,
    private readonly version: string,
    private readonly options: TargetOptions,
  ) {
    this.ref = destination.url;
    this.repository = new ChartRepository(destination.url, {
      credentials: options.credentials,
      ca: options.ca?.pem,
      retry: options.retry,
      log: (line) => core.debug(line),
    });
  }

  async find(): Promise<Existing | undefined> {
    const entry = await this.repository.find(this.chart, this.version);
    if (!entry) return undefined;
    return {
      digest: `sha256:${entry.digest ?? ''}`,
      content: async (ours) =>
        entry.digest === sha256(ours.bytes)
          ? ours.content
          : chartContent(
              await this.repository.download(entry),
              `${this.ref} ${this.chart}-${this.version}.tgz`,
            ),
    };
  }

  async publish(chart: PackagedChart, _helm: Helm, overwrite: boolean): Promise<string> {
    const fileName = `${chart.name}-${chart.version}.tgz`;
    await this.repository.upload(fileName, chart.bytes, { prov: chart.prov, force: overwrite });
    const digest = sha256(chart.bytes);
    const entry = await this.repository.find(this.chart, this.version);
    if (entry?.digest !== digest) {
      throw new TransientError(
        `${this.ref} accepted ${fileName}, but its index lists ${entry?.digest ? `sha256:${entry.digest}` : 'no such version'} instead of sha256:${digest}.`,
      );
    }
    return `sha256:${digest}`;
  }

  close(): void {
    this.repository.close();
  }
}
