import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { TransientError } from '../errors.js';
import { isTransientStatus, parseRetryAfter } from '../retry.js';
import { proxyFor, type ProxyEnv } from './proxy.js';
import { TunnelAgent, proxyAuthorization } from './tunnel.js';

/**
 * The one way out of the process for HTTP: registries, the Kubernetes API
 * server, webhooks, the catalog, tool downloads and GitHub's API all send
 * their requests through an HttpTransport. It gives what global fetch makes
 * awkward: TLS options owned by the caller (a CA added to the trusted ones or
 * replacing them, a client certificate, a server name), keep-alive agents, a
 * deadline for the whole exchange, a bound on what is read, and the runner's
 * proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY; src/http/proxy.ts): https
 * goes through a CONNECT tunnel with TLS end to end, plain http as an
 * absolute-URI request to the proxy. Retries stay with the callers, on
 * src/retry.ts; `transientStatus` turns a throttled or failed answer into the
 * TransientError retry() understands.
 */

export interface TransportOptions {
  /** Extra CA certificates (PEM), trusted on top of Node's defaults unless `caOnly`. */
  ca?: string | Buffer | undefined;
  /** Trust only `ca` (a kubeconfig's certificate-authority), not the default CAs. */
  caOnly?: boolean | undefined;
  /** Client certificate and key (PEM), for servers that authenticate clients by certificate. */
  cert?: string | Buffer | undefined;
  key?: string | Buffer | undefined;
  /** The name the server's certificate is checked against, when it is not the URL's host. */
  servername?: string | undefined;
  /** False only when the user asked not to verify (a kubeconfig's insecure-skip-tls-verify). */
  rejectUnauthorized?: boolean | undefined;
  userAgent: string;
  /** Deadline for a whole exchange: connect, send, and read the answer. */
  timeoutMs: number;
  /** Connections kept open per host; default 8. */
  maxSockets?: number | undefined;
  /** Where the proxy settings are read, at each request; default process.env. */
  env?: ProxyEnv | undefined;
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** A successful answer larger than this is refused; error answers are cut to ERROR_BODY_MAX_BYTES. */
  maxBodyBytes: number;
  signal?: AbortSignal | undefined;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Error bodies are only read for their message. */
export const ERROR_BODY_MAX_BYTES = 64 * 1024;

export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';

  constructor(
    message: string,
    /** Bytes seen (or declared) when the answer was refused. */
    readonly size: number,
  ) {
    super(message);
  }
}

const MAX_SOCKETS_PER_HOST = 8;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export class HttpTransport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly tunnels = new Map<string, TunnelAgent>();
  private readonly tlsOptions: https.AgentOptions;

  constructor(private readonly options: TransportOptions) {
    const pool = { keepAlive: true, maxSockets: options.maxSockets ?? MAX_SOCKETS_PER_HOST };
    const ca = options.ca?.toString();
    this.tlsOptions = {
      ...pool,
      // Passing `ca` replaces the trusted set; unless told otherwise keep the
      // defaults, so a redirect to public storage still verifies.
      ...(ca ? { ca: options.caOnly ? ca : [...tls.getCACertificates('default'), ca] } : {}),
      ...(options.cert ? { cert: options.cert } : {}),
      ...(options.key ? { key: options.key } : {}),
      ...(options.servername ? { servername: options.servername } : {}),
      ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
    };
    this.httpAgent = new http.Agent(pool);
    this.httpsAgent = new https.Agent(this.tlsOptions);
  }

  /** One exchange; the whole answer is read (bounded) before it resolves. */
  request(request: HttpRequest): Promise<HttpResponse> {
    return this.exchange(request, (res, ok, done, fail) => {
      const limit = ok ? request.maxBodyBytes : ERROR_BODY_MAX_BYTES;
      const declared = Number(res.headers['content-length']);
      if (ok && request.method !== 'HEAD' && declared > limit) {
        fail(tooLarge(request.url, declared, limit));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) {
          chunks.push(chunk);
          return;
        }
        if (ok) {
          fail(tooLarge(request.url, size, limit));
          return;
        }
        // Enough of an error body to explain it; the connection is not reused.
        chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
        done(Buffer.concat(chunks), true);
      });
      res.on('end', () => done(Buffer.concat(chunks)));
    });
  }

  /**
   * A GET whose successful answer is streamed into `file` (at most
   * `maxBodyBytes`); an error answer is read like request()'s. A transfer
   * cut before its declared length is an ECONNRESET, so retry() repeats it.
   * Redirects are followed as requestFollowing() does (release assets live
   * behind one).
   */
  download(
    request: Omit<HttpRequest, 'method' | 'body'>,
    file: string,
  ): Promise<HttpResponse & { url: URL }> {
    return this.follow({ ...request, method: 'GET' }, (each) => this.downloadOnce(each, file));
  }

  private downloadOnce(request: HttpRequest, file: string): Promise<HttpResponse> {
    return this.exchange(request, (res, ok, done, fail) => {
      if (!ok) {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < ERROR_BODY_MAX_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => done(Buffer.concat(chunks).subarray(0, ERROR_BODY_MAX_BYTES)));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (declared > request.maxBodyBytes) {
        fail(tooLarge(request.url, declared, request.maxBodyBytes));
        return;
      }
      const out = createWriteStream(file);
      let size = 0;
      const stop = (error: unknown) => {
        out.destroy();
        fail(error);
      };
      out.on('error', stop);
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) stop(tooLarge(request.url, size, request.maxBodyBytes));
      });
      res.on('close', () => {
        if (!res.complete) stop(cut(request.url, size, declared));
      });
      res.pipe(out);
      out.on('finish', () => {
        if (Number.isFinite(declared) && size < declared) fail(cut(request.url, size, declared));
        else done(Buffer.alloc(0));
      });
    });
  }

  /**
   * request(), following up to five redirects of a GET or HEAD (the
   * catalog, GitHub's API). Headers naming credentials go only to the origin
   * first asked; a redirect from https to plain http is refused.
   */
  requestFollowing(request: HttpRequest): Promise<HttpResponse & { url: URL }> {
    return this.follow(request, (each) => this.request(each));
  }

  private async follow(
    request: HttpRequest,
    send: (request: HttpRequest) => Promise<HttpResponse>,
  ): Promise<HttpResponse & { url: URL }> {
    let current = request;
    for (let hops = 0; ; hops++) {
      const response = await send(current);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location || !/^(GET|HEAD)$/.test(current.method)) {
        return { ...response, url: current.url };
      }
      if (hops >= MAX_REDIRECTS) {
        throw new Error(
          `${request.url.host} redirected ${request.url.pathname} more than ${MAX_REDIRECTS} times.`,
        );
      }
      const next = new URL(location, current.url);
      if (current.url.protocol === 'https:' && next.protocol !== 'https:') {
        throw new Error(`${current.url.host} redirected to plain HTTP (${next.host}); refused.`);
      }
      const headers = { ...current.headers };
      if (next.origin !== request.url.origin) {
        for (const name of Object.keys(headers)) {
          if (/^(authorization|cookie|proxy-authorization)$/i.test(name)) delete headers[name];
        }
      }
      current = { ...current, url: next, headers };
    }
  }

  /** Closes idle keep-alive connections so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    for (const agent of this.tunnels.values()) agent.destroy();
    this.tunnels.clear();
  }

  private exchange(
    request: HttpRequest,
    read: (
      res: http.IncomingMessage,
      ok: boolean,
      done: (body: Buffer, discard?: boolean) => void,
      fail: (error: unknown) => void,
    ) => void,
  ): Promise<HttpResponse> {
    const { url } = request;
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      ...request.headers,
    };
    if (request.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(request.body));
    const proxy = proxyFor(url, this.options.env);
    const secure = url.protocol === 'https:';

    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      let req: http.ClientRequest | undefined;
      const timer = setTimeout(() => {
        const error = new Error(
          `no complete answer from ${url.host} within ${Math.round(this.options.timeoutMs / 1000)}s`,
        ) as Error & { code: string };
        error.code = 'ETIMEDOUT';
        fail(error);
      }, this.options.timeoutMs);
      function fail(error: unknown): void {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req?.destroy();
        reject(error);
      }
      const options: https.RequestOptions = {
        method: request.method,
        headers,
        ...(request.signal ? { signal: request.signal } : {}),
      };
      if (secure) {
        req = https.request(url, {
          ...options,
          agent: proxy ? this.tunnel(proxy) : this.httpsAgent,
        });
      } else if (proxy) {
        // A forward proxy takes the whole URL as the request target.
        req = http.request({
          ...options,
          host: proxy.hostname.replace(/^\[|\]$/g, ''),
          port: proxy.port || 80,
          path: url.href,
          headers: { ...headers, host: url.host, ...proxyAuthorization(proxy) },
          agent: this.httpAgent,
        });
      } else {
        req = http.request(url, { ...options, agent: this.httpAgent });
      }
      req.on('error', fail);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        // A connection closed before the whole answer arrived (a no-op once settled);
        // node says only "aborted".
        const cut = () =>
          Object.assign(new Error(`${url.host} closed the connection mid-answer`), {
            code: 'ECONNRESET',
          });
        res.on('error', (error) => fail(res.complete ? error : cut()));
        res.on('close', () => {
          if (!res.complete) fail(cut());
        });
        read(
          res,
          status >= 200 && status < 300,
          (body, discard) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            if (discard) req?.destroy();
            resolve({ status, headers: res.headers, body });
          },
          fail,
        );
      });
      req.end(request.body);
    });
  }

  private tunnel(proxy: URL): TunnelAgent {
    let agent = this.tunnels.get(proxy.href);
    if (!agent) {
      agent = new TunnelAgent(proxy, this.tlsOptions, this.options.timeoutMs);
      this.tunnels.set(proxy.href, agent);
    }
    return agent;
  }
}

/**
 * A TransientError for a throttled or failing answer (408, 429, 5xx), with the
 * server's Retry-After; undefined for any other status.
 */
export function transientStatus(
  response: Pick<HttpResponse, 'status' | 'headers'>,
  message: string,
): TransientError | undefined {
  if (!isTransientStatus(response.status)) return undefined;
  const header = response.headers['retry-after'];
  const retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header);
  return new TransientError(message, retryAfterMs === undefined ? {} : { retryAfterMs });
}

function tooLarge(url: URL, size: number, limit: number): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `The answer to ${url.pathname} is larger than the ${limit} bytes accepted (at least ${size}).`,
    size,
  );
}

function cut(url: URL, size: number, declared: number): Error {
  return Object.assign(
    new Error(
      `the transfer of ${url.pathname} stopped after ${size} of ${Number.isFinite(declared) ? declared : 'an unknown number of'} bytes`,
    ),
    { code: 'ECONNRESET' },
  );
}
