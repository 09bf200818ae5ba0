/**
 * Which proxy, if any, a request goes through, read from the environment as
 * a GitHub runner sets it and as the runner's own HTTP client reads it:
 *
 * - `https_proxy` / `HTTPS_PROXY` for https URLs, `http_proxy` / `HTTP_PROXY`
 *   for plain http ones (the lower-case name wins when both are set); a value
 *   without a scheme is taken as `http://`.
 * - loopback hosts (`localhost`, `127.x.x.x`, `::1`) never go through a proxy.
 * - `no_proxy` / `NO_PROXY` is a comma-separated list of `*` (nothing is
 *   proxied), host names or IPs (`ghcr.io`, `10.0.0.5`), domain suffixes with
 *   or without a leading dot (`.corp.example`, `corp.example` both cover
 *   `api.corp.example`), each optionally with a port (`registry.corp:5443`),
 *   compared without regard to case.
 */

export type ProxyEnv = Record<string, string | undefined>;

/** The proxy for `url`, or undefined when it is reached directly. */
export function proxyFor(url: URL, env: ProxyEnv = process.env): URL | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const value =
    url.protocol === 'https:'
      ? env.https_proxy || env.HTTPS_PROXY
      : env.http_proxy || env.HTTP_PROXY;
  if (!value?.trim() || bypassesProxy(url, env)) return undefined;
  const text = value.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new Error(
      `The proxy setting for ${url.protocol.slice(0, -1)} (${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}) is not a URL.`,
    );
  }
}

/** Whether `url` is reached directly whatever proxy is set: loopback, or matched by NO_PROXY. */
export function bypassesProxy(url: URL, env: ProxyEnv = process.env): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === '' || isLoopbackHost(host)) return true;
  const list = env.no_proxy || env.NO_PROXY || '';
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return list
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => noProxyEntryMatches(entry, host, port));
}

function noProxyEntryMatches(entry: string, host: string, port: string): boolean {
  if (entry === '*') return true;
  // `[::1]:8080`, `host:443`, `host`: split off a port, if any.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(entry);
  const [name, entryPort] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : plain
      ? [plain[1] ?? '', plain[2]]
      : [entry, undefined];
  if (entryPort !== undefined && entryPort !== port) return false;
  const suffix = name.replace(/^\*?\./, '');
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** `localhost`, `127.0.0.0/8`, `::1` (with or without brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** A proxy URL as it may be shown: no user name or password. */
export function showProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}
