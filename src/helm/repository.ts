import { createHash, randomBytes } from 'node:crypto';
import { TransientError, UserError, errorMessage } from '../errors.js';
import { isLoopbackHost } from '../http/proxy.js';
import { networkFailure } from '../oci/failures.js';
import { HttpTransport, type HttpResponse } from '../http/transport.js';
import { isTransientStatus, parseRetryAfter, retry, type RetryOptions } from '../retry.js';
import { parseYaml } from '../yaml.js';

/**
 * A classic (HTTP) chart repository: `index.yaml` plus chart archives, and
 * the ChartMuseum upload API (`POST <origin>/api/<path>/charts`, the
 * convention helm's cm-push plugin follows). Reads are bounded, checked
 * against the index's sha256, retried when the failure is transient, and
 * credentials only ever go to the repository's own origin.
 */

export interface ChartRepositoryOptions {
  credentials?: { username: string; password: string } | undefined;
  /** PEM of a CA to trust (added to the default ones). */
  ca?: string | Buffer | undefined;
  timeoutMs?: number;
  retry?: RetryOptions;
  log?: (message: string) => void;
}

export interface IndexEntry {
  name: string;
  version: string;
  /** sha256 hex of the archive, as the index records it. */
  digest: string | undefined;
  urls: string[];
}

const INDEX_MAX_BYTES = 32 * 1024 * 1024;
const CHART_MAX_BYTES = 20 * 1024 * 1024;
const SMALL_MAX_BYTES = 1024 * 1024;

export class ChartRepository {
  /** The repository URL, ending in `/`. */
  readonly url: URL;
  private readonly transport: HttpTransport;

  constructor(
    url: string,
    private readonly options: ChartRepositoryOptions = {},
  ) {
    this.url = new URL(url.endsWith('/') ? url : `${url}/`);
    if (this.url.protocol !== 'https:' && this.url.protocol !== 'http:') {
      throw new UserError(`${url} is not an http(s) chart repository URL.`, {
        fix: 'write it as https://host/path (or oci://host/path for an OCI registry).',
      });
    }
    if (
      options.credentials &&
      this.url.protocol === 'http:' &&
      !isLoopbackHost(this.url.hostname)
    ) {
      throw new UserError(
        `Credentials for ${this.url.origin} would travel in plain HTTP; they were not sent.`,
        { fix: 'use the https:// URL of the chart repository.' },
      );
    }
    this.transport = new HttpTransport({
      ca: options.ca,
      userAgent: 'pipeline-actions',
      timeoutMs: options.timeoutMs ?? 60_000,
    });
  }

  /** Where ChartMuseum takes uploads for this repository. */
  get uploadUrl(): URL {
    const path = this.url.pathname.replace(/\/+$/, '');
    return new URL(`/api${path}/charts`, this.url.origin);
  }

  /** Every entry of the index for `name`; an empty list when the chart is not there. */
  async entries(name: string): Promise<IndexEntry[]> {
    const target = new URL('index.yaml', this.url);
    const response = await this.call('GET', target, INDEX_MAX_BYTES, [200]);
    const index = parseYaml(response.body.toString('utf8'), target.href, {
      maxBytes: INDEX_MAX_BYTES,
    }) as { entries?: Record<string, unknown> } | null;
    const list = index?.entries?.[name];
    if (!Array.isArray(list)) return [];
    return list.flatMap((raw: unknown) => {
      const entry = (raw ?? {}) as Record<string, unknown>;
      if (entry.version === undefined) return [];
      return [
        {
          name,
          version: String(entry.version),
          digest:
            typeof entry.digest === 'string' ? entry.digest.replace(/^sha256:/, '') : undefined,
          urls: Array.isArray(entry.urls) ? entry.urls.map(String) : [],
        },
      ];
    });
  }

  async find(name: string, version: string): Promise<IndexEntry | undefined> {
    return (await this.entries(name)).find((entry) => entry.version === version);
  }

  /** The archive of an index entry, checked against the digest the index records. */
  async download(entry: IndexEntry): Promise<Buffer> {
    const first = entry.urls[0];
    if (!first) {
      throw new Error(
        `The index of ${this.url.href} lists ${entry.name} ${entry.version} without a URL.`,
      );
    }
    const target = new URL(first, this.url);
    const response = await this.call('GET', target, CHART_MAX_BYTES, [200]);
    if (entry.digest && sha256(response.body) !== entry.digest) {
      throw new TransientError(
        `${target.href} does not match the sha256 ${entry.digest} its repository index records.`,
      );
    }
    return response.body;
  }

  /**
   * Uploads a chart (and its provenance file) in one multipart request, so
   * the repository never holds a signed chart without its signature.
   * `force` replaces an existing version (ChartMuseum's `?force`).
   */
  async upload(
    fileName: string,
    chart: Buffer,
    options: { prov?: Buffer | undefined; force?: boolean } = {},
  ): Promise<void> {
    const boundary = `----pipeline-actions-${randomBytes(12).toString('hex')}`;
    const parts: Buffer[] = [];
    const part = (field: string, name: string, data: Buffer) => {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        data,
        Buffer.from('\r\n'),
      );
    };
    part('chart', fileName, chart);
    if (options.prov) part('prov', `${fileName}.prov`, options.prov);
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const target = this.uploadUrl;
    if (options.force) target.searchParams.set('force', 'true');
    const response = await this.call('POST', target, SMALL_MAX_BYTES, [200, 201, 409], {
      body: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    if (response.status === 409) {
      throw new UserError(
        `${this.url.href} already holds ${fileName} and refused to replace it (HTTP 409${detail(response)}).`,
        {
          fix: 'bump the chart version; if if-exists is overwrite, the repository must allow overwrites (ChartMuseum: do not set --disable-force-overwrite).',
        },
      );
    }
  }

  close(): void {
    this.transport.close();
  }

  private call(
    method: string,
    target: URL,
    maxBodyBytes: number,
    accepted: number[],
    extra: { body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse> {
    const what = `${method} ${target.origin}${target.pathname}`;
    return retry(
      async () => {
        const headers: Record<string, string> = { ...extra.headers };
        const credentials = this.options.credentials;
        if (credentials && target.origin === this.url.origin) {
          headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        let response: HttpResponse;
        try {
          response = await this.transport.request({
            method,
            url: target,
            headers,
            ...(extra.body ? { body: extra.body } : {}),
            maxBodyBytes,
          });
        } catch (error) {
          throw networkFailure(
            error,
            `chart repository ${target.host}`,
            this.options.ca !== undefined,
          );
        }
        this.options.log?.(`${what} -> ${response.status}`);
        if (accepted.includes(response.status)) return response;
        throw this.failure(what, response);
      },
      {
        ...this.options.retry,
        onRetry: (error, attempt, delayMs) =>
          this.options.log?.(
            `${what} failed (attempt ${attempt}): ${errorMessage(error)}; retrying in ${delayMs} ms`,
          ),
      },
    );
  }

  private failure(what: string, response: HttpResponse): Error {
    const status = response.status;
    if (status === 401 || status === 403) {
      return new UserError(
        `Chart repository ${this.url.href} ${status === 401 ? (this.options.credentials ? 'rejected the credentials' : 'requires credentials') : 'denied access'} (HTTP ${status}${detail(response)}).`,
        {
          fix: this.options.credentials
            ? 'check the username and password (or token), and that they may publish to this repository.'
            : 'pass the username and password inputs (from a secret).',
        },
      );
    }
    if (status === 404) {
      return new UserError(
        `${what} answered HTTP 404: there is no chart repository at ${this.url.href}.`,
        {
          fix: 'check the destination URL (it is the URL helm repo add would take, serving index.yaml).',
        },
      );
    }
    const retryAfter = response.headers['retry-after'];
    const message = `${what} answered HTTP ${status}${detail(response)}`;
    if (isTransientStatus(status)) {
      return new TransientError(message, {
        retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
      });
    }
    return new Error(message);
  }
}

/** `: <the server's error>`, from ChartMuseum's `{"error": "…"}` or the text, shortened. */
function detail(response: HttpResponse): string {
  const text = response.body.subarray(0, 4096).toString('utf8').trim();
  if (text === '') return '';
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    message = String(parsed.error ?? parsed.message ?? text);
  } catch {
    // not JSON
  }
  return `: ${message.replace(/\s+/g, ' ').slice(0, 300)}`;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
