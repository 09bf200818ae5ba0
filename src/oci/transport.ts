import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

/**
 * One HTTP exchange over node:http/node:https, with what global fetch makes
 * awkward: a custom CA added to the trusted ones, keep-alive agents owned by
 * the client, a deadline for the whole exchange, and a bound on what is read.
 */

export interface TransportOptions {
  /** Extra CA certificates (PEM) trusted on top of Node's defaults. */
  ca?: string | Buffer | undefined;
  userAgent: string;
  /** Deadline for a whole exchange: connect, send, and read the answer. */
  timeoutMs: number;
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer;
  /** A successful answer larger than this is refused; error answers are cut to ERROR_BODY_MAX_BYTES. */
  maxBodyBytes: number;
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
}

const MAX_SOCKETS_PER_HOST = 8;

export class HttpTransport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: TransportOptions) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: MAX_SOCKETS_PER_HOST,
      // Passing `ca` replaces the trusted set; keep the defaults so a redirect
      // to public storage still verifies.
      ...(options.ca ? { ca: [...tls.getCACertificates('default'), options.ca.toString()] } : {}),
    });
  }

  request(request: HttpRequest): Promise<HttpResponse> {
    const { url } = request;
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      ...request.headers,
    };
    if (request.body) headers['content-length'] = String(request.body.length);

    return new Promise<HttpResponse>((resolve, reject) => {
      const send = secure ? https.request : http.request;
      const req = send(url, {
        method: request.method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      const timer = setTimeout(() => {
        const error = new Error(
          `no complete answer within ${Math.round(this.options.timeoutMs / 1000)}s`,
        ) as Error & { code: string };
        error.code = 'ETIMEDOUT';
        req.destroy(error);
      }, this.options.timeoutMs);
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      req.on('error', fail);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const limit = ok ? request.maxBodyBytes : ERROR_BODY_MAX_BYTES;
        const declared = Number(res.headers['content-length']);
        if (ok && request.method !== 'HEAD' && declared > limit) {
          req.destroy();
          fail(tooLarge(url, declared, limit));
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
            req.destroy();
            fail(tooLarge(url, size, limit));
            return;
          }
          // Enough of an error body to explain it; the connection is not reused.
          chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
          clearTimeout(timer);
          req.destroy();
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.end(request.body);
    });
  }

  /** Closes idle keep-alive connections so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function tooLarge(url: URL, size: number, limit: number): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `The answer to ${url.pathname} is larger than the ${limit} bytes accepted (at least ${size}).`,
  );
}
