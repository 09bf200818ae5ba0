import { OutageError, TransientError, UserError } from '../errors.js';
import { HttpTransport, ResponseTooLargeError, type HttpResponse } from '../http/transport.js';
import type { KubeObject, ObjectRef } from './objects.js';
import { isTransientStatus, parseRetryAfter, retry } from '../retry.js';
import type { KubeConnection } from './config.js';

/**
 * A small Kubernetes API client on node:https, for what drift-check needs
 * and kubectl does not give cheaply: one LIST per kind and namespace
 * (paginated, every response bounded), discovery of only the group-versions
 * in use, server-side apply and JSON patches under a named field manager,
 * and a count of every request it sends (the report shows them). Requests
 * go through one HttpTransport (keep-alive, the kubeconfig's TLS, the
 * runner's proxy settings); the caller bounds how many run at once.
 */

/** A resource type as discovery describes it. */
export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  /** The plural name in URLs: `deployments`. */
  name: string;
  namespaced: boolean;
  verbs: string[];
}

/** `list` counts every read of objects: a LIST, or a GET of one. */
export type RequestKind = 'discovery' | 'list' | 'apply' | 'patch';
export type RequestCounts = Record<RequestKind | 'total', number>;

export interface KubeClientOptions {
  /** Connections kept open at once (the callers' concurrency). */
  maxSockets?: number;
  /** Per request, from connect to the last byte. */
  timeoutMs?: number;
  /** A response body larger than this is refused. */
  maxResponseBytes?: number;
  /** Attempts for a transient failure (connection refused, 429, 5xx). */
  attempts?: number;
  userAgent?: string;
  /**
   * What a server that cannot be reached after every attempt leaves undone,
   * in the outage message: "nothing was deployed".
   */
  consequence?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Objects per page (default 500): smaller for large objects, so a page stays small. */
  pageSize?: number;
}

/** `.Capabilities` of a chart rendered for this cluster (helm template --kube-version, --api-versions). */
export interface ServerCapabilities {
  /** `v1.34.10` */
  kubeVersion: string;
  /** `apps/v1`, `apps/v1/Deployment`, … (sorted). */
  apiVersions: string[];
}

/** Aggregated discovery (GA in Kubernetes 1.30), with plain discovery as the fallback. */
const AGGREGATED_DISCOVERY =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface DiscoveryKind {
  responseKind?: { kind?: string };
}

/** /api or /apis, aggregated (APIGroupDiscoveryList) or not (APIVersions, APIGroupList). */
interface DiscoveryDocument {
  kind?: string;
  items?: {
    metadata?: { name?: string };
    versions?: {
      version: string;
      resources?: (DiscoveryKind & { subresources?: DiscoveryKind[] })[];
    }[];
  }[];
  versions?: string[];
  groups?: { versions?: { groupVersion: string }[] }[];
}

type Response = HttpResponse;

interface Status {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { causes?: StatusCause[] };
}

const PAGE_SIZE = 500;
const MAX_PAGES = 200;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const TLS_ERRORS =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ALTNAME|certificate|unable to get local issuer/i;

export class KubeClient {
  readonly counts: RequestCounts = { discovery: 0, list: 0, apply: 0, patch: 0, total: 0 };
  private transport: HttpTransport | undefined;
  private readonly base: URL;
  private readonly discovered = new Map<string, Promise<ApiResource[] | undefined>>();

  constructor(
    readonly connection: KubeConnection,
    private readonly options: KubeClientOptions = {},
  ) {
    this.base = new URL(connection.server);
  }

  /**
   * The transport, made at the first request: an exec credential plugin may
   * answer with a client certificate, known only once it has run.
   */
  private transportFor(): HttpTransport {
    const { connection, options } = this;
    this.transport ??= new HttpTransport({
      // The kubeconfig's CA is the only one trusted, as kubectl does.
      ca: connection.ca,
      caOnly: true,
      cert: connection.cert,
      key: connection.key,
      servername: connection.tlsServerName,
      rejectUnauthorized: !connection.insecureSkipTlsVerify,
      maxSockets: options.maxSockets ?? 8,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userAgent: options.userAgent ?? 'pipeline-actions',
      // The cluster's proxy-url stands in for the runner's proxy settings, as in kubectl.
      ...(connection.proxyUrl
        ? { env: { https_proxy: connection.proxyUrl, http_proxy: connection.proxyUrl } }
        : {}),
    });
    return this.transport;
  }

  /** The server in words, for outage messages: "the Kubernetes API server https://… (kubeconfig)". */
  get service(): string {
    return `the Kubernetes API server ${this.connection.server} (${this.connection.source})`;
  }

  /**
   * The server's version (`v1.34.10`): proves it answers and accepts us.
   * `signal` stops its retries (a check started early that is no longer wanted).
   */
  async version(options: { signal?: AbortSignal } = {}): Promise<string> {
    const response = await this.send(
      'GET',
      '/version',
      'discovery',
      undefined,
      undefined,
      options.signal,
    );
    const body = this.json<{ gitVersion?: string }>(
      response,
      'read the server version',
      '/version',
    );
    this.gitVersion = body.gitVersion ?? 'unknown';
    return this.gitVersion;
  }

  private gitVersion: string | undefined;

  /** The resource type of a kind in an apiVersion; undefined when the server does not serve it. */
  async resource(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    return (await this.discoverCached(apiVersion))?.find((resource) => resource.kind === kind);
  }

  private capabilitiesOnce: Promise<ServerCapabilities> | undefined;

  /**
   * What helm calls the cluster's capabilities (`.Capabilities` in a
   * chart): the server's version and every `group/version` it serves with
   * every `group/version/Kind` in it, as helm's own discovery lists them.
   * Asked once per client, with aggregated discovery (two requests: /api
   * and /apis); a server without it is asked per group-version.
   */
  capabilities(): Promise<ServerCapabilities> {
    this.capabilitiesOnce ??= this.readCapabilities();
    return this.capabilitiesOnce;
  }

  private async readCapabilities(): Promise<ServerCapabilities> {
    const kubeVersion = this.gitVersion ?? (await this.version());
    const versions = new Set<string>();
    let legacy: string[] = [];
    for (const path of ['/api', '/apis']) {
      const response = await this.send('GET', path, 'discovery', undefined, AGGREGATED_DISCOVERY);
      const body = this.json<DiscoveryDocument>(response, 'discover the served APIs', path);
      if (body.kind === 'APIGroupDiscoveryList') {
        for (const group of body.items ?? []) {
          const name = group.metadata?.name ?? '';
          for (const version of group.versions ?? []) {
            const gv = name ? `${name}/${version.version}` : version.version;
            versions.add(gv);
            for (const resource of version.resources ?? []) {
              const kinds = [resource, ...(resource.subresources ?? [])];
              for (const each of kinds) {
                if (each.responseKind?.kind) versions.add(`${gv}/${each.responseKind.kind}`);
              }
            }
          }
        }
      } else {
        // Unaggregated: /api lists versions, /apis groups; kinds by one request per group-version.
        legacy = [
          ...legacy,
          ...(body.versions ?? []),
          ...(body.groups ?? []).flatMap((group) =>
            (group.versions ?? []).map((version) => version.groupVersion),
          ),
        ];
      }
    }
    for (const gv of legacy) {
      versions.add(gv);
      for (const resource of (await this.discoverCached(gv)) ?? [])
        versions.add(`${gv}/${resource.kind}`);
    }
    return { kubeVersion, apiVersions: [...versions].sort() };
  }

  private discoverCached(apiVersion: string): Promise<ApiResource[] | undefined> {
    let resources = this.discovered.get(apiVersion);
    if (!resources) {
      resources = this.discover(apiVersion);
      this.discovered.set(apiVersion, resources);
    }
    return resources;
  }

  private async discover(apiVersion: string): Promise<ApiResource[] | undefined> {
    const slash = apiVersion.indexOf('/');
    const group = slash === -1 ? '' : apiVersion.slice(0, slash);
    const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
    const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
    const response = await this.send('GET', path, 'discovery');
    if (response.status === 404) return undefined;
    const list = this.json<{ resources?: Omit<ApiResource, 'group' | 'version'>[] }>(
      response,
      `discover ${apiVersion}`,
      path,
    );
    return (list.resources ?? [])
      .filter((resource) => !resource.name.includes('/'))
      .map((resource) => ({
        group,
        version,
        kind: resource.kind,
        name: resource.name,
        namespaced: resource.namespaced,
        verbs: resource.verbs ?? [],
      }));
  }

  /**
   * Every object of a resource type in a namespace (cluster-wide for
   * cluster-scoped types): one LIST, in pages of 500. Undefined when the
   * server does not serve the type.
   */
  async list(
    resource: ApiResource,
    namespace: string | undefined,
    options: ListOptions = {},
  ): Promise<KubeObject[] | undefined> {
    const items: KubeObject[] = [];
    const served = await this.listEach(resource, namespace, options, {
      item: (item) => items.push(item),
      restart: () => (items.length = 0),
    });
    return served ? items : undefined;
  }

  /**
   * The same LIST, handed over one item at a time as each page arrives, so
   * a caller that keeps a little of each item never holds the whole list.
   * `restart`: the pages so far are void (the continue token expired) and
   * the items come again from the first. False when the type is not served.
   */
  async listEach(
    resource: ApiResource,
    namespace: string | undefined,
    options: ListOptions,
    visit: { item: (item: KubeObject) => void; restart: () => void },
  ): Promise<boolean> {
    const path = collectionPath(resource, namespace);
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(options.pageSize ?? PAGE_SIZE) });
      if (options.labelSelector) query.set('labelSelector', options.labelSelector);
      if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
      if (token) query.set('continue', token);
      const response = await this.send('GET', `${path}?${query}`, 'list');
      if (response.status === 404 && page === 0) return false;
      if (response.status === 410 && token) {
        // The continue token expired between pages: read the whole list again.
        visit.restart();
        token = undefined;
        continue;
      }
      const list = this.json<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
        response,
        `list ${describeResource(resource)}${namespace ? ` in namespace ${namespace}` : ''}`,
        path,
      );
      const kind = resource.kind;
      const apiVersion = resource.group
        ? `${resource.group}/${resource.version}`
        : resource.version;
      // Items of a LIST carry no apiVersion/kind of their own.
      for (const item of list.items ?? []) visit.item({ apiVersion, kind, ...item });
      token = list.metadata?.continue || undefined;
      if (!token) return true;
    }
    throw new Error(
      `Listing ${describeResource(resource)} took more than ${MAX_PAGES} pages of ${options.pageSize ?? PAGE_SIZE}; refusing to hold more.`,
    );
  }

  /** One object by name; undefined when it does not exist. */
  async get(
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
  ): Promise<KubeObject | undefined> {
    const path = `${collectionPath(resource, namespace)}/${encodeURIComponent(name)}`;
    const response = await this.send('GET', path, 'list');
    if (response.status === 404) return undefined;
    return this.json<KubeObject>(response, `read ${resource.kind} ${name}`, path);
  }

  /**
   * The live state of the given objects, as `kubectl get --ignore-not-found`
   * gives it (without managedFields, as kubectl shows them): those that do
   * not exist (or whose kind the server does not serve) are left out;
   * `namespace` is where namespaced objects without one of their own live.
   * One discovery per group-version, then the GETs at once.
   */
  async getObjects(refs: readonly ObjectRef[], namespace: string): Promise<KubeObject[]> {
    const found = await Promise.all(
      refs.map(async (ref) => {
        const resource = await this.resource(ref.apiVersion, ref.kind);
        if (!resource) return undefined;
        const object = await this.get(
          resource,
          resource.namespaced ? (ref.namespace ?? namespace) : undefined,
          ref.name,
        );
        if (object?.metadata) delete object.metadata.managedFields;
        return object;
      }),
    );
    return found.filter((object): object is KubeObject => object !== undefined);
  }

  /** Server-side apply of `object` as `fieldManager` (force takes fields from other managers). */
  async apply(
    resource: ApiResource,
    object: KubeObject,
    options: { fieldManager: string; force: boolean },
  ): Promise<KubeObject> {
    const name = object.metadata?.name ?? '';
    const path = `${collectionPath(resource, resource.namespaced ? object.metadata?.namespace : undefined)}/${encodeURIComponent(name)}`;
    const query = new URLSearchParams({ fieldManager: options.fieldManager });
    if (options.force) query.set('force', 'true');
    const response = await this.send('PATCH', `${path}?${query}`, 'apply', {
      body: JSON.stringify(object),
      contentType: 'application/apply-patch+yaml',
    });
    return this.json<KubeObject>(response, `apply ${resource.kind} ${name}`, path);
  }

  /** An RFC 6902 JSON patch (use `test` operations to guard against concurrent changes). */
  async jsonPatch(
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
    operations: readonly Record<string, unknown>[],
    options: { fieldManager: string },
  ): Promise<KubeObject> {
    const path = `${collectionPath(resource, namespace)}/${encodeURIComponent(name)}`;
    const query = new URLSearchParams({ fieldManager: options.fieldManager });
    const response = await this.send('PATCH', `${path}?${query}`, 'patch', {
      body: JSON.stringify(operations),
      contentType: 'application/json-patch+json',
    });
    return this.json<KubeObject>(response, `patch ${resource.kind} ${name}`, path);
  }

  close(): void {
    this.transport?.close();
  }

  /** One request, retried while the failure is transient; every attempt is counted. */
  private send(
    method: string,
    path: string,
    kind: RequestKind,
    payload?: { body: string; contentType: string },
    accept?: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    return retry(
      async () => {
        this.counts[kind]++;
        this.counts.total++;
        const response = await this.once(method, path, payload, accept);
        if (isTransientStatus(response.status)) {
          throw new TransientError(
            `${method} ${path}: HTTP ${response.status} ${statusMessage(response)}`,
            {
              ...retryAfter(response),
            },
          );
        }
        return response;
      },
      {
        attempts: this.options.attempts ?? 4,
        baseDelayMs: 300,
        maxDelayMs: 3000,
        ...(signal ? { signal } : {}),
        // Outlasting every attempt is an outage, with how many and how long.
        service: this.service,
        ...(this.options.consequence === undefined
          ? {}
          : { consequence: this.options.consequence }),
      },
    ).catch((error: unknown) => {
      throw this.unreachable(error);
    });
  }

  private async once(
    method: string,
    path: string,
    payload?: { body: string; contentType: string },
    accept = 'application/json',
  ): Promise<Response> {
    const url = new URL(this.base.pathname.replace(/\/$/, '') + path, this.base);
    const authorization = await this.connection.authorization?.();
    const headers: Record<string, string> = {
      accept,
      ...(authorization ? { authorization } : {}),
      ...(payload ? { 'content-type': payload.contentType } : {}),
    };
    const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    return this.transportFor()
      .request({
        method,
        url,
        headers,
        maxBodyBytes: limit,
        ...(payload ? { body: payload.body } : {}),
      })
      .catch((error: unknown) => {
        if (!(error instanceof ResponseTooLargeError)) throw error;
        throw new Error(
          `${method} ${path} answered more than ${limit} bytes; refusing to hold more.`,
          {
            cause: error,
          },
        );
      });
  }

  /**
   * A failure to reach the server, as the error a user should see: an
   * outage (every attempt failed: retry() made it an OutageError) stays one;
   * an untrusted certificate and a host name that does not resolve are the
   * kubeconfig's to fix.
   */
  private unreachable(error: unknown): unknown {
    if (error instanceof UserError || error instanceof OutageError) return error;
    const where = `The Kubernetes API server ${this.connection.server} (${this.connection.source})`;
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string } | null)?.code ?? '';
    if (TLS_ERRORS.test(code) || TLS_ERRORS.test(message)) {
      return new UserError(`${where} presented a certificate that is not trusted: ${message}`, {
        fix: "check the cluster's certificate-authority-data (and tls-server-name) in the kubeconfig.",
        cause: error,
      });
    }
    if (code === 'ENOTFOUND') {
      return new UserError(`${where} cannot be reached: ${message}`, {
        fix: 'check the server address in the kubeconfig and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).',
        cause: error,
      });
    }
    return error;
  }

  /** The JSON body of a successful response; a clear error for anything else. */
  private json<T>(response: Response, what: string, path: string): T {
    if (response.status >= 200 && response.status < 300) {
      try {
        return JSON.parse(response.body.toString('utf8')) as T;
      } catch (error) {
        throw new Error(`The API server's answer to ${path} is not JSON.`, { cause: error });
      }
    }
    const detail = statusMessage(response);
    const where = `the Kubernetes API server ${this.connection.server}`;
    if (response.status === 401) {
      throw new UserError(
        `Could not ${what}: ${where} refused the kubeconfig's credentials (${detail}).`,
        {
          fix: 'check that the kubeconfig (its token, client certificate or credential plugin) is current.',
        },
      );
    }
    if (response.status === 403) {
      throw new UserError(`Could not ${what}: ${where} does not allow it (${detail}).`, {
        fix: "give the kubeconfig's identity the permission the API server's message names (a Role or ClusterRole with that verb on that resource, bound to the identity), or use a kubeconfig whose identity has it; the action's README lists the permissions it needs.",
      });
    }
    throw new KubeApiError(
      `Could not ${what}: ${where} answered HTTP ${response.status} (${detail}).`,
      response.status,
      ...statusOf(response),
    );
  }
}

/** `/apis/apps/v1/namespaces/shop/deployments`, `/api/v1/nodes`. */
export function collectionPath(resource: ApiResource, namespace: string | undefined): string {
  const root = resource.group
    ? `/apis/${resource.group}/${resource.version}`
    : `/api/${resource.version}`;
  return resource.namespaced && namespace
    ? `${root}/namespaces/${encodeURIComponent(namespace)}/${resource.name}`
    : `${root}/${resource.name}`;
}

/** `deployments.apps`, `configmaps`: how kubectl names a resource type. */
export function describeResource(resource: Pick<ApiResource, 'name' | 'group'>): string {
  return resource.group ? `${resource.name}.${resource.group}` : resource.name;
}

/** A refusal of the API server other than of the credentials: its HTTP status and the Status it sent. */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';

  constructor(
    message: string,
    readonly status: number,
    /** `Invalid`, `Conflict`, `AlreadyExists`… */
    readonly reason: string | undefined,
    /** What was refused, field by field (`FieldValueDuplicate` at `spec…ports[1].name`). */
    readonly causes: readonly StatusCause[],
  ) {
    super(message);
  }
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

function statusOf(response: Response): [string | undefined, StatusCause[]] {
  try {
    const status = JSON.parse(response.body.toString('utf8').slice(0, 65_536)) as Status;
    return [status.reason, status.details?.causes ?? []];
  } catch {
    return [undefined, []];
  }
}

function statusMessage(response: Response): string {
  const text = response.body.toString('utf8').slice(0, 4096);
  try {
    const status = JSON.parse(text) as Status;
    const causes = (status.details?.causes ?? [])
      .map((cause) => [cause.field, cause.message].filter(Boolean).join(': '))
      .filter((cause) => cause !== '');
    return [
      status.message ?? status.reason ?? `HTTP ${response.status}`,
      ...causes.slice(0, 5),
    ].join('; ');
  } catch {
    return text.trim().split('\n')[0] || `HTTP ${response.status}`;
  }
}

function retryAfter(response: Response): { retryAfterMs?: number } {
  const header = response.headers['retry-after'];
  const ms = parseRetryAfter(Array.isArray(header) ? header[0] : header);
  return ms === undefined ? {} : { retryAfterMs: ms };
}
