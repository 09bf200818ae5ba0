import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { TransientError, UserError } from '../errors.js';
import { showProxy } from './proxy.js';

/**
 * An https agent whose connections are CONNECT tunnels through a forward
 * proxy: the proxy only sees `CONNECT host:port`, and TLS runs end to end
 * inside the tunnel with the agent's own options (CA, client certificate,
 * server name), exactly as on a direct connection. Connections are pooled
 * and kept alive like any https agent's.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
    private readonly connectTimeoutMs: number,
  ) {
    super(options);
  }

  // Node's agent accepts a connection handed over later through the callback.
  override createConnection(
    options: https.RequestOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): undefined {
    const done = (error: Error | null, socket?: Duplex) =>
      callback?.(error, socket as unknown as Duplex);
    const target = `${options.host ?? 'localhost'}:${options.port ?? 443}`;
    const connect = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
      port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...proxyAuthorization(this.proxy) },
      agent: false,
      timeout: this.connectTimeoutMs,
    });
    connect.once('timeout', () =>
      connect.destroy(
        Object.assign(new Error(`no answer to CONNECT ${target}`), { code: 'ETIMEDOUT' }),
      ),
    );
    connect.once('error', (error: Error & { code?: string }) => {
      done(
        Object.assign(
          new Error(`the proxy ${showProxy(this.proxy)} cannot be reached: ${error.message}`, {
            cause: error,
          }),
          { code: error.code },
        ),
      );
    });
    connect.once('connect', (response: http.IncomingMessage, socket: Duplex) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        socket.destroy();
        done(tunnelRefused(this.proxy, target, status, response.statusMessage));
        return;
      }
      // The agent's TLS options and the server name, over the tunnel's socket;
      // `host` stays, for checking a certificate issued to an IP address.
      done(null, tls.connect({ ...(options as tls.ConnectionOptions), socket }));
    });
    connect.end();
    return undefined;
  }
}

/** `proxy-authorization` for a proxy URL that carries a user name and password. */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}

function tunnelRefused(proxy: URL, target: string, status: number, reason = ''): Error {
  const message = `The proxy ${showProxy(proxy)} refused to open a tunnel to ${target} (HTTP ${status}${reason ? ` ${reason}` : ''}).`;
  if (status === 407) {
    return new UserError(message, {
      fix: "put the proxy's user name and password in the HTTPS_PROXY URL (http://user:password@proxy:port), or ask for a proxy that admits this runner.",
    });
  }
  if (status === 403) {
    return new UserError(message, {
      fix: `allow ${target} on the proxy, or add its host to NO_PROXY if this runner reaches it directly.`,
    });
  }
  // 502, 503, 504: the proxy could not reach the host, or is overloaded.
  return status >= 500 ? new TransientError(message) : new Error(message);
}
