import { HttpTransport, type HttpResponse } from './transport.js';

/**
 * A `fetch` for libraries that take one (Octokit's `request.fetch`), sending
 * through an HttpTransport so they share its proxy settings, TLS and bounds.
 * Only what such clients use: a URL, method, headers, a string or byte body,
 * an abort signal and the redirect mode; the answer is read whole (at most
 * `maxBodyBytes`) before the Response is returned.
 */
export function transportFetch(transport: HttpTransport, maxBodyBytes: number): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request = {
      method,
      url,
      headers,
      maxBodyBytes,
      signal: init.signal ?? undefined,
      ...bodyOf(init.body),
    };
    const redirect = init.redirect ?? 'follow';
    const response =
      redirect === 'follow'
        ? await transport.requestFollowing(request)
        : { ...(await transport.request(request)), url };
    if (redirect === 'error' && response.status >= 300 && response.status < 400) {
      throw new TypeError(`${url.host} redirected ${url.pathname}, which was not allowed.`);
    }
    return toResponse(response, response.url, method);
  };
}

function bodyOf(body: RequestInit['body']): { body?: Buffer | string } {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { body };
  if (body instanceof ArrayBuffer) return { body: Buffer.from(body) };
  if (ArrayBuffer.isView(body))
    return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  if (body instanceof URLSearchParams) return { body: body.toString() };
  throw new TypeError('Only string and byte request bodies can be sent through the transport.');
}

function toResponse(response: HttpResponse, url: URL, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const empty = method === 'HEAD' || [101, 204, 205, 304].includes(response.status);
  const result = new Response(empty ? null : new Uint8Array(response.body), {
    status: response.status,
    headers,
  });
  Object.defineProperty(result, 'url', { value: url.href });
  return result;
}
