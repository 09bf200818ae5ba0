// A fault-injecting TCP proxy for the integration tests.
//
// It listens on 127.0.0.1 and forwards every connection to a target (a
// registry, the API server...). Tests switch faults on and off while a real
// client talks through it, so retry and rollback paths run against real
// failures:
//
//   refuse(forMs?)        the upstream is "down": open connections are dropped
//                         and the listener is closed, so new connects get
//                         ECONNREFUSED
//   delay(ms, forMs?)     every new connection, and every chunk a client sends,
//                         waits `ms` before it is forwarded
//   reset(forMs?)         open connections and every new one get a TCP RST
//                         (clients see ECONNRESET)
//   http503(n | {count, forMs, retryAfterSeconds})
//                         new connections get `HTTP/1.1 503 Service Unavailable`
//                         with a Retry-After header and are closed; the first
//                         `count` connections (or every one for `forMs`).
//                         Open connections are closed first, so keep-alive
//                         clients reconnect and meet the 503.
//                         Only for plain HTTP/1 upstreams: a TLS client (the API
//                         server, the TLS registry) gets a plain-text answer to
//                         its ClientHello and fails its handshake (e.g. Go:
//                         "tls: first record does not look like a TLS
//                         handshake", Node: "wrong version number") — it never
//                         sees a 503. Use refuse/reset/delay for TLS upstreams.
//   http429(n | {count, forMs, retryAfterSeconds})
//                         the same with `429 Too Many Requests` (throttling)
//   cutAfter(bytes, {count}?)
//                         the next `count` connections (default 1) whose client
//                         sends more than `bytes` bytes are cut there (TCP RST
//                         both ways): a connection that dies mid-upload. Small
//                         requests (reads, a login) pass untouched, so the cut
//                         meets the upload whatever comes first
//   heal()                clears every fault and listens again
//
// With `tls` the proxy terminates TLS (HTTP/1.1 only, by ALPN) with a
// certificate of the test's own, and forwards each request to the target over
// TLS with the target's real credentials (its CA, a client certificate or an
// Authorization header): so HTTP faults reach a TLS client such as the
// Kubernetes API server's, request by request rather than connection by
// connection. Then:
//
//   http503 / http429     answer requests (not connections); `match` picks
//                         which (tested against "METHOD /path?query")
//   answer(status, {body, match, count})
//                         any answer, e.g. a 410 Status for an expired
//                         continue token, in place of the target's
//   cutAfter(bytes)       a request whose body passes `bytes` is cut there
//   cutResponse({after, match, count})
//                         the target's answer is forwarded up to `after`
//                         bytes of its body, then the connection is cut (RST):
//                         a connection that dies mid-answer (a LIST, say)
//   delay(ms)             each request waits `ms`
//   refuse / reset        as above, on the TCP connections
//
// requestLog() lists what was asked, and how each request ended.
//
// Faults given a duration heal themselves after it. stats() counts what the
// proxy saw.
//
// For plain HTTP/1 it also reads the request lines it forwards (it forwards
// every byte unchanged) so a test can observe a client on a real server:
//
//   requests(match?)      requests seen by `METHOD /path` (query left out),
//                         and the most of them in flight at once (from its
//                         request head to the first byte of its answer)
//   hold(match, count)    holds the requests `match` keeps, unforwarded,
//                         until `count` of them are held, then lets them all
//                         go: a client meant to run `count` at once is seen
//                         doing so, whatever the server's speed
//
// A request starts at its head and ends at the first byte that comes back
// (HTTP/1 clients send the next request of a connection only after its
// answer), so what is in flight here is never more than what the client had
// in flight. TLS and other bytes are not requests and are not counted (with
// `tls`, see requestLog()).
//
// Zero dependencies (node built-ins only), so it runs in-process in a
// vitest suite:
//
//   const proxy = await FaultProxy.start({ target: env.registry });
//   proxy.http503({ count: 2 });   // ... drive a client at proxy.address
//   await proxy.close();
//
// or standalone under Node >= 23.6 (type stripping; Node 24 comes from the
// repo's node_modules), with a small HTTP control port:
//
//   node test/env/fault-proxy.ts --target 127.0.0.1:5000 --listen 15000 --control 15001
//   curl -XPOST '127.0.0.1:15001/http503?count=3&retryAfter=1'
//   curl -XPOST '127.0.0.1:15001/heal';  curl 127.0.0.1:15001/stats

import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { pathToFileURL } from 'node:url';

export interface FaultProxyOptions {
  /** Where to forward: "host:port" or { host, port }. */
  target: string | { host: string; port: number };
  /** Port to listen on, on 127.0.0.1. 0 (default) picks a free one. */
  port?: number;
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** Terminate TLS and forward request by request over TLS (see the file header). */
  tls?: FaultProxyTls;
}

/** A TLS-terminating proxy: its own certificate, and how it reaches the target. */
export interface FaultProxyTls {
  /** The certificate (PEM) the proxy presents to clients, and its key. */
  cert: string | Buffer;
  key: string | Buffer;
  /** The target's TLS and credentials, which the proxy uses in place of the client's. */
  upstream: {
    /** The CA the target's certificate is checked against. */
    ca?: string | Buffer;
    /** A client certificate and key to present to the target. */
    cert?: string | Buffer;
    key?: string | Buffer;
    /** An Authorization header to send the target (the client's own is dropped). */
    authorization?: string;
    /** The name the target's certificate is checked for (default: the target host). */
    servername?: string;
  };
}

export interface AnswerOptions extends Http503Options {
  /** The body of the answer (default a line of text). */
  body?: string;
  contentType?: string;
  /** TLS mode: only requests whose "METHOD /path?query" matches are answered. */
  match?: RegExp;
}

export interface CutResponseOptions {
  /** Bytes of the answer's body forwarded before the cut (default 64). */
  after?: number;
  /** Cut this many answers, then heal (default 1). */
  count?: number;
  /** Only answers to requests whose "METHOD /path?query" matches. */
  match?: RegExp;
}

export interface Http503Options {
  /** Answer this many connections with 503, then heal. */
  count?: number;
  /** Answer every connection with 503 for this long, then heal. */
  forMs?: number;
  /** Value of the Retry-After header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** TLS mode: only requests whose "METHOD /path?query" matches are answered. */
  match?: RegExp;
}

export interface CutOptions {
  /** Cut this many connections, then heal (default 1). */
  count?: number;
}

export interface FaultProxyStats {
  /** Connections accepted by the listener. */
  connections: number;
  /** Connections forwarded to the target. */
  forwarded: number;
  /** Open connections dropped by refuse(). */
  dropped: number;
  /** Connections answered with a TCP RST. */
  reset: number;
  /** Connections that were held by delay(). */
  delayed: number;
  /** Connections answered with HTTP 503. */
  http503: number;
  /** Connections answered with HTTP 429. */
  http429: number;
  /** Connections cut mid-upload by cutAfter(). */
  cut: number;
  /** Connections whose upstream connect failed (TLS mode: requests). */
  upstreamErrors: number;
  /** TLS mode: requests received. */
  requests: number;
  /** TLS mode: requests given answer() (statuses other than 503 and 429). */
  answered: number;
  /** TLS mode: answers cut mid-body by cutResponse(). */
  responsesCut: number;
  /** Connections currently open. */
  open: number;
}

/** What requests() reports. */
export interface RequestStats {
  /** Requests seen, by `METHOD /path` (the query left out). */
  count: Record<string, number>;
  /** The most requests in flight at the same time. */
  maxInFlight: number;
  /** Requests in flight now. */
  inFlight: number;
}

interface SeenRequest {
  line: string;
  /** Event sequence numbers: when the head was seen, and the first byte of the answer (or the close). */
  start: number;
  end?: number;
}

interface Hold {
  match: RegExp;
  count: number;
  held: (() => void)[];
}

type Timer = ReturnType<typeof setTimeout>;
type Counters = Omit<FaultProxyStats, 'open'>;

function parseTarget(target: FaultProxyOptions['target']): { host: string; port: number } {
  if (typeof target !== 'string') return target;
  const i = target.lastIndexOf(':');
  const port = Number(target.slice(i + 1));
  if (i < 1 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`fault-proxy: target must be "host:port", got "${target}"`);
  }
  return { host: target.slice(0, i).replace(/^\[|\]$/g, ''), port };
}

export class FaultProxy {
  readonly target: { host: string; port: number };
  readonly host: string;
  #port: number;
  #server: net.Server | undefined;
  #sockets = new Set<net.Socket>();
  #timers = new Set<Timer>();
  #closed = false;

  #refusing = false;
  #refuseTimer: Timer | undefined;
  #delayMs = 0;
  #delayTimer: Timer | undefined;
  #resetting = false;
  #resetTimer: Timer | undefined;
  #http503Left = 0; // connections still to answer with 503 (or 429); Infinity while timed
  #http503Timer: Timer | undefined;
  #status = 503;
  #retryAfter = 1;
  #answerBody: string | undefined;
  #answerType: string | undefined;
  #answerMatch: RegExp | undefined;
  #cutLeft = 0;
  #cutAfterBytes = 0;
  #responseCutLeft = 0;
  #responseCutAfter = 64;
  #responseCutMatch: RegExp | undefined;
  readonly #tls: FaultProxyTls | undefined;
  #agent: https.Agent | undefined;
  #log: string[] = [];

  #requests: SeenRequest[] = [];
  #events = 0;
  #holds: Hold[] = [];

  #stats: Counters = {
    connections: 0,
    forwarded: 0,
    dropped: 0,
    reset: 0,
    delayed: 0,
    http503: 0,
    http429: 0,
    cut: 0,
    upstreamErrors: 0,
    requests: 0,
    answered: 0,
    responsesCut: 0,
  };

  private constructor(options: FaultProxyOptions) {
    this.target = parseTarget(options.target);
    this.host = options.host ?? '127.0.0.1';
    this.#port = options.port ?? 0;
    this.#tls = options.tls;
    if (options.tls) {
      const up = options.tls.upstream;
      this.#agent = new https.Agent({
        keepAlive: true,
        ...(up.ca ? { ca: up.ca } : {}),
        ...(up.cert ? { cert: up.cert } : {}),
        ...(up.key ? { key: up.key } : {}),
        ...(up.servername ? { servername: up.servername } : {}),
      });
    }
  }

  /** Starts a proxy and resolves once it listens. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    await proxy.#listen();
    return proxy;
  }

  /** The port it listens on (stays the same across refuse/heal). */
  get port(): number {
    return this.#port;
  }

  /** "127.0.0.1:port", to use in place of the target's address. */
  get address(): string {
    return `${this.host}:${this.#port}`;
  }

  /** Closes the listener for `forMs` (forever if omitted) and drops open connections. */
  refuse(forMs?: number): void {
    this.#refusing = true;
    this.#refuseTimer = this.#rearm(this.#refuseTimer, forMs, () => {
      this.#refusing = false;
      void this.#listen();
    });
    for (const s of this.#sockets) {
      this.#stats.dropped++;
      s.destroy();
    }
    const server = this.#server;
    this.#server = undefined;
    server?.close();
  }

  /** Holds new connections and client data for `ms`, for `forMs` (forever if omitted). */
  delay(ms: number, forMs?: number): void {
    if (!(ms >= 0)) throw new Error('fault-proxy: delay(ms) needs ms >= 0');
    this.#delayMs = ms;
    this.#delayTimer = this.#rearm(this.#delayTimer, forMs, () => {
      this.#delayMs = 0;
    });
  }

  /** Resets open connections and every new one for `forMs` (forever if omitted). */
  reset(forMs?: number): void {
    this.#resetting = true;
    this.#resetTimer = this.#rearm(this.#resetTimer, forMs, () => {
      this.#resetting = false;
    });
    for (const s of this.#sockets) this.#rst(s);
  }

  /** Answers new connections with HTTP/1.1 503 (see the file header for TLS upstreams). */
  http503(options: number | Http503Options = {}): void {
    this.#answerWith(503, options);
  }

  /** Answers new connections with HTTP/1.1 429 and Retry-After (plain HTTP upstreams only, as http503). */
  http429(options: number | Http503Options = {}): void {
    this.#answerWith(429, options);
  }

  /**
   * Answers with `status` (and Retry-After) in place of the target: TLS mode
   * only, request by request, the matching ones when `match` is given.
   */
  answer(status: number, options: number | AnswerOptions = {}): void {
    if (!this.#tls)
      throw new Error('fault-proxy: answer() needs the TLS mode (use http503/http429)');
    this.#answerWith(status, options);
  }

  /** TLS mode: the next `count` answers (to matching requests) are cut after `after` bytes of body. */
  cutResponse(options: CutResponseOptions = {}): void {
    if (!this.#tls) throw new Error('fault-proxy: cutResponse() needs the TLS mode');
    this.#responseCutLeft = options.count ?? 1;
    this.#responseCutAfter = options.after ?? 64;
    this.#responseCutMatch = options.match;
  }

  /** TLS mode: "METHOD /path?query -> what happened" for each request, oldest first (the last 2,000). */
  requestLog(): string[] {
    return [...this.#log];
  }

  /** Cuts the next `count` connections whose client sends more than `bytes`, once it has. */
  cutAfter(bytes: number, options: CutOptions = {}): void {
    if (!(bytes >= 0)) throw new Error('fault-proxy: cutAfter(bytes) needs bytes >= 0');
    this.#cutAfterBytes = bytes;
    this.#cutLeft = options.count ?? 1;
    // TLS mode counts per request: open connections stay.
    if (!this.#tls) for (const s of this.#sockets) s.end();
  }

  #answerWith(status: number, options: number | AnswerOptions): void {
    const o: AnswerOptions = typeof options === 'number' ? { count: options } : options;
    if (o.match && !this.#tls) throw new Error('fault-proxy: `match` needs the TLS mode');
    this.#status = status;
    this.#retryAfter = o.retryAfterSeconds ?? 1;
    this.#answerBody = o.body;
    this.#answerType = o.contentType;
    this.#answerMatch = o.match;
    if (o.forMs === undefined && o.count === undefined) {
      this.#http503Left = Number.POSITIVE_INFINITY;
    } else if (o.forMs !== undefined) {
      this.#http503Left = o.count ?? Number.POSITIVE_INFINITY;
    } else {
      this.#http503Left = o.count ?? 0;
    }
    this.#http503Timer = this.#rearm(this.#http503Timer, o.forMs, () => {
      this.#http503Left = 0;
    });
    // TLS mode answers request by request, on open connections too.
    if (this.#tls) return;
    // Keep-alive clients would never meet the fault on an old connection:
    // end them gracefully so the next request opens a new one.
    for (const s of this.#sockets) s.end();
  }

  /** Clears every fault; listens again if refused. */
  heal(): void {
    for (const t of [this.#refuseTimer, this.#delayTimer, this.#resetTimer, this.#http503Timer]) {
      if (t) this.#clear(t);
    }
    this.#refuseTimer = this.#delayTimer = this.#resetTimer = this.#http503Timer = undefined;
    this.#delayMs = 0;
    this.#resetting = false;
    this.#http503Left = 0;
    this.#cutLeft = 0;
    this.#responseCutLeft = 0;
    if (this.#refusing) {
      this.#refusing = false;
      void this.#listen();
    }
  }

  /** Resolves once the proxy listens again after refuse() ended (no-op otherwise). */
  async listening(): Promise<void> {
    if (this.#server?.listening) return;
    if (this.#refusing) throw new Error('fault-proxy: still refusing; call heal() first');
    await this.#listen();
  }

  /** A snapshot of the counters. */
  stats(): FaultProxyStats {
    return { ...this.#stats, open: this.#sockets.size };
  }

  /** Zeroes the counters (the requests seen too). */
  resetStats(): void {
    for (const k of Object.keys(this.#stats) as (keyof Counters)[]) this.#stats[k] = 0;
    this.#log = [];
    this.#requests = [];
  }

  /** The plain HTTP/1 requests seen (those `match` keeps, tested on `METHOD /path`): how many of each, how many at once. */
  requests(match?: RegExp): RequestStats {
    const seen = this.#requests.filter((request) => !match || match.test(request.line));
    const count: Record<string, number> = {};
    const changes: [number, number][] = [];
    for (const request of seen) {
      count[request.line] = (count[request.line] ?? 0) + 1;
      changes.push([request.start, 1]);
      if (request.end !== undefined) changes.push([request.end, -1]);
    }
    let inFlight = 0;
    let maxInFlight = 0;
    for (const [, change] of changes.sort((a, b) => a[0] - b[0])) {
      inFlight += change;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    return { count, maxInFlight, inFlight };
  }

  /**
   * Holds each new request `match` keeps (on `METHOD /path`), unforwarded,
   * until `count` are held; then forwards them all. Resolves when it has.
   */
  hold(match: RegExp, count: number): Promise<void> {
    if (!(count >= 1)) throw new Error('fault-proxy: hold(match, count) needs count >= 1');
    return new Promise<void>((resolve) => {
      this.#holds.push({ match, count, held: [resolve] });
    });
  }

  /** Stops listening and destroys every connection. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    for (const s of this.#sockets) s.destroy();
    this.#agent?.destroy();
    const server = this.#server;
    this.#server = undefined;
    if (server?.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- internals -------------------------------------------------------------

  #listenPromise: Promise<void> | undefined;

  #listen(): Promise<void> {
    if (this.#closed || this.#refusing) return Promise.resolve();
    if (this.#server?.listening) return Promise.resolve();
    if (this.#listenPromise) return this.#listenPromise;
    const server = this.#tls
      ? this.#tlsServer(this.#tls)
      : net.createServer((socket) => this.#accept(socket));
    this.#listenPromise = new Promise<void>((resolve, reject) => {
      server.once('error', (err) => {
        this.#listenPromise = undefined;
        reject(
          new Error(`fault-proxy: cannot listen on ${this.host}:${this.#port}: ${err.message}`),
        );
      });
      server.listen({ host: this.host, port: this.#port, exclusive: true }, () => {
        this.#listenPromise = undefined;
        const addr = server.address();
        if (addr && typeof addr === 'object') this.#port = addr.port;
        // refuse() may have been called while we were binding
        if (this.#refusing || this.#closed) server.close();
        else this.#server = server;
        resolve();
      });
    });
    return this.#listenPromise;
  }

  #rearm(old: Timer | undefined, forMs: number | undefined, done: () => void): Timer | undefined {
    if (old) this.#clear(old);
    if (forMs === undefined) return undefined;
    const t = setTimeout(() => {
      this.#timers.delete(t);
      done();
    }, forMs);
    t.unref();
    this.#timers.add(t);
    return t;
  }

  #clear(t: Timer): void {
    clearTimeout(t);
    this.#timers.delete(t);
  }

  #track(s: net.Socket): void {
    this.#sockets.add(s);
    s.once('close', () => this.#sockets.delete(s));
    s.on('error', () => {
      /* counted where it matters; an error always ends in close */
    });
  }

  #rst(s: net.Socket): void {
    this.#stats.reset++;
    if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
    else s.destroy();
  }

  #accept(client: net.Socket): void {
    this.#stats.connections++;
    this.#track(client);
    if (this.#refusing) {
      this.#stats.dropped++;
      client.destroy();
      return;
    }
    if (this.#resetting) {
      this.#rst(client);
      return;
    }
    if (this.#http503Left > 0) {
      this.#http503Left--;
      if (this.#status === 429) this.#stats.http429++;
      else this.#stats.http503++;
      this.#answer503(client);
      return;
    }
    const cutAfter = this.#cutLeft > 0 ? this.#cutAfterBytes : undefined;
    const wait = this.#delayMs;
    if (wait > 0) {
      this.#stats.delayed++;
      client.pause();
      const t = setTimeout(() => {
        this.#timers.delete(t);
        if (!client.destroyed) this.#forward(client, cutAfter);
      }, wait);
      this.#timers.add(t);
    } else {
      this.#forward(client, cutAfter);
    }
  }

  #answer503(client: net.Socket): void {
    const reason = http.STATUS_CODES[this.#status] ?? 'Error';
    const body = `fault-proxy: ${this.#status} ${reason}\n`;
    const headers =
      `HTTP/1.1 ${this.#status} ${reason}\r\n` +
      `Retry-After: ${this.#retryAfter}\r\n` +
      'Content-Type: text/plain\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n';
    let answered = false;
    let head = '';
    const answer = (): void => {
      if (answered || client.destroyed) return;
      answered = true;
      // A reply to HEAD carries no body; clients treat one as a broken response.
      client.end(head.startsWith('HEAD ') ? headers : headers + body);
    };
    // Answer once the request head has arrived, so the client reads a reply
    // to a request it sent (answering first can race with its write).
    client.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n') || head.length > 64 * 1024 || !/^[A-Z]/.test(head)) answer();
    });
    const t = setTimeout(() => {
      this.#timers.delete(t);
      answer();
    }, 2000);
    t.unref();
    this.#timers.add(t);
  }

  /**
   * Reads one connection's requests from what its client sends: a request
   * head opens a request, the first byte back (or the close) ends it. Bytes
   * in between are its body; bytes that do not start like a request line
   * (TLS, a body sent after an interim answer) are skipped until the next
   * answer. read() gives a promise to wait for when the request is held.
   */
  #requestReader(): { read(chunk: Buffer): Promise<void> | undefined; answered(): void } {
    let state: 'head' | 'open' | 'skip' = 'head';
    let head = '';
    let open: SeenRequest | undefined;
    return {
      read: (chunk) => {
        if (state !== 'head') return undefined;
        head += chunk.toString('latin1');
        if (!/^[A-Z]{1,16}(?: |$)/.test(head.slice(0, 17)) || head.length > 64 * 1024) {
          state = 'skip';
          head = '';
          return undefined;
        }
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return undefined;
        const [method = '', target = ''] = head.slice(0, head.indexOf('\r\n')).split(' ');
        head = '';
        state = 'open';
        open = { line: `${method} ${target.split('?')[0]}`, start: this.#events++ };
        this.#requests.push(open);
        return this.#held(open.line);
      },
      answered: () => {
        if (open && open.end === undefined) open.end = this.#events++;
        open = undefined;
        state = 'head';
        head = '';
      },
    };
  }

  /** A promise that holds a new request, when a hold() keeps it; the last one held lets all go. */
  #held(line: string): Promise<void> | undefined {
    const hold = this.#holds.find((h) => h.match.test(line));
    if (!hold) return undefined;
    const gate = new Promise<void>((resolve) => hold.held.push(resolve));
    // held[0] resolves hold()'s own promise; the others are the requests.
    if (hold.held.length > hold.count) {
      this.#holds.splice(this.#holds.indexOf(hold), 1);
      for (const release of hold.held) release();
    }
    return gate;
  }

  #forward(client: net.Socket, cutAfter?: number): void {
    const upstream = net.connect({ host: this.target.host, port: this.target.port });
    this.#track(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.#stats.forwarded++;
    });
    upstream.once('error', () => {
      if (!connected) this.#stats.upstreamErrors++;
      client.destroy();
    });
    client.once('error', () => upstream.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => {
      if (client.destroyed) return;
      // mirror an upstream close: FIN if it ended cleanly, else drop
      if (upstream.readableEnded) client.end();
      else client.destroy();
    });
    // client -> upstream: each chunk waits while delay() is active
    let queue: Promise<void> = Promise.resolve();
    const requests = this.#requestReader();
    upstream.on('data', () => requests.answered());
    upstream.once('close', () => requests.answered());
    let sent = 0;
    const send = (chunk: Buffer): void => {
      if (upstream.destroyed) return;
      // Armed connections share the count: the first ones to pass the limit are cut.
      if (cutAfter !== undefined && sent + chunk.length > cutAfter && this.#cutLeft <= 0) {
        cutAfter = undefined;
      }
      if (cutAfter !== undefined && sent + chunk.length > cutAfter) {
        // forward up to the limit, then cut both sides mid-request
        this.#cutLeft--;
        if (cutAfter > sent) upstream.write(chunk.subarray(0, cutAfter - sent));
        sent = cutAfter;
        this.#stats.cut++;
        cutAfter = undefined;
        if (typeof client.resetAndDestroy === 'function') client.resetAndDestroy();
        else client.destroy();
        upstream.destroy();
        return;
      }
      sent += chunk.length;
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    };
    client.on('data', (chunk: Buffer) => {
      const held = requests.read(chunk);
      if (held) queue = queue.then(() => held);
      const wait = this.#delayMs;
      if (wait <= 0) {
        queue = queue.then(() => send(chunk));
        return;
      }
      client.pause();
      queue = queue.then(
        () =>
          new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              this.#timers.delete(t);
              if (!client.destroyed) client.resume();
              send(chunk);
              resolve();
            }, wait);
            this.#timers.add(t);
          }),
      );
    });
    client.on('end', () => {
      void queue.then(() => upstream.end());
    });
    upstream.pipe(client, { end: false });
    upstream.on('end', () => client.end());
    client.resume();
  }
  // ---- TLS mode: request by request ---------------------------------------------

  #tlsServer(tls: FaultProxyTls): https.Server {
    const server = https.createServer(
      // HTTP/1.1 only: a Go client offered h2 falls back to it, so answers can be written.
      { cert: tls.cert, key: tls.key, ALPNProtocols: ['http/1.1'] },
      (request, response) => this.#request(request, response),
    );
    server.on('connection', (socket: net.Socket) => {
      this.#stats.connections++;
      this.#track(socket);
      if (this.#refusing) {
        this.#stats.dropped++;
        socket.destroy();
      } else if (this.#resetting) {
        this.#rst(socket);
      }
    });
    // A handshake a client gave up on is no error of the proxy's.
    server.on('tlsClientError', () => undefined);
    return server;
  }

  #note(line: string, outcome: string): void {
    this.#log.push(`${line} -> ${outcome}`);
    if (this.#log.length > 2000) this.#log.shift();
  }

  #request(request: http.IncomingMessage, response: http.ServerResponse): void {
    this.#stats.requests++;
    const line = `${request.method ?? 'GET'} ${request.url ?? '/'}`;
    if (this.#http503Left > 0 && (!this.#answerMatch || this.#answerMatch.test(line))) {
      this.#http503Left--;
      const status = this.#status;
      if (status === 429) this.#stats.http429++;
      else if (status === 503) this.#stats.http503++;
      else this.#stats.answered++;
      this.#note(line, String(status));
      const body =
        this.#answerBody ?? `fault-proxy: ${status} ${http.STATUS_CODES[status] ?? ''}\n`;
      request.resume();
      response.writeHead(status, {
        'retry-after': String(this.#retryAfter),
        'content-type':
          this.#answerType ?? (this.#answerBody === undefined ? 'text/plain' : 'application/json'),
        'content-length': Buffer.byteLength(body),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const wait = this.#delayMs;
    if (wait <= 0) {
      this.#forwardRequest(request, response, line);
      return;
    }
    this.#stats.delayed++;
    request.pause();
    const t = setTimeout(() => {
      this.#timers.delete(t);
      if (!request.socket.destroyed) this.#forwardRequest(request, response, line);
    }, wait);
    this.#timers.add(t);
  }

  #forwardRequest(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    line: string,
  ): void {
    const tls = this.#tls!;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'authorization' && value !== undefined)
        headers[name] = value;
    }
    headers.host = `${this.target.host}:${this.target.port}`;
    if (tls.upstream.authorization) headers.authorization = tls.upstream.authorization;
    const cutResponse =
      this.#responseCutLeft > 0 && (!this.#responseCutMatch || this.#responseCutMatch.test(line));
    if (cutResponse) this.#responseCutLeft--;
    let cutRequest = this.#cutLeft > 0 ? this.#cutAfterBytes : undefined;
    const upstream = https.request({
      host: this.target.host,
      port: this.target.port,
      method: request.method,
      path: request.url,
      headers,
      agent: this.#agent,
    });
    upstream.on('error', () => {
      if (!response.headersSent) {
        this.#stats.upstreamErrors++;
        this.#note(line, 'upstream failed');
      }
      request.socket.destroy();
    });
    upstream.on('response', (answer) => {
      this.#stats.forwarded++;
      const status = answer.statusCode ?? 502;
      const out: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
      }
      response.writeHead(status, out);
      if (!cutResponse) {
        this.#note(line, String(status));
        answer.pipe(response);
        answer.on('error', () => request.socket.destroy());
        return;
      }
      // Forward the first bytes of the body, then close the connection mid-answer
      // (once they are written, so the client reads them before the close).
      let sent = 0;
      let done = false;
      const limit = this.#responseCutAfter;
      const cut = (): void => {
        if (done) return;
        done = true;
        this.#stats.responsesCut++;
        this.#note(line, `${status}, cut after ${sent} bytes`);
        answer.destroy();
        request.socket.destroy();
      };
      answer.on('data', (chunk: Buffer) => {
        if (sent >= limit) return;
        const part = chunk.subarray(0, limit - sent);
        sent += part.length;
        response.write(part, sent >= limit ? cut : undefined);
      });
      // An answer shorter than the cut is cut at its end (before it is complete).
      answer.on('end', () => {
        if (sent < limit) response.write('', cut);
      });
    });
    let sent = 0;
    request.on('data', (chunk: Buffer) => {
      if (cutRequest !== undefined && this.#cutLeft <= 0) cutRequest = undefined;
      if (cutRequest !== undefined && sent + chunk.length > cutRequest) {
        this.#cutLeft--;
        if (cutRequest > sent) upstream.write(chunk.subarray(0, cutRequest - sent));
        this.#stats.cut++;
        this.#note(line, `request cut after ${cutRequest} bytes`);
        cutRequest = undefined;
        upstream.destroy();
        // A TLS socket has no RST of its own to send: the connection closes mid-request.
        request.socket.destroy();
        return;
      }
      sent += chunk.length;
      if (!upstream.write(chunk)) {
        request.pause();
        upstream.once('drain', () => request.resume());
      }
    });
    request.on('end', () => upstream.end());
    request.on('error', () => upstream.destroy());
    // A delayed request was paused: a 'data' listener alone does not resume it.
    request.resume();
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
  }
}

/** Headers of one hop, not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

// ---- standalone -------------------------------------------------------------

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const target = flag(args, 'target');
  if (!target || args.includes('--help')) {
    process.stderr.write(
      'usage: node test/env/fault-proxy.ts --target HOST:PORT [--listen PORT] [--control PORT]\n' +
        'control (HTTP, 127.0.0.1): POST /refuse?for=MS  /delay?ms=MS&for=MS  /reset?for=MS\n' +
        '                           POST /http503?count=N&for=MS&retryAfter=S  /http429?(same)\n' +
        '                           POST /cut?after=BYTES&count=N  /heal   GET /stats\n',
    );
    process.exit(target ? 0 : 2);
  }
  const proxy = await FaultProxy.start({ target, port: Number(flag(args, 'listen') ?? 0) });
  const control = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const num = (k: string): number | undefined => {
      const v = url.searchParams.get(k);
      return v === null ? undefined : Number(v);
    };
    const statusOptions = (): Http503Options => {
      const o: Http503Options = {};
      const count = num('count');
      const forMs = num('for');
      const retry = num('retryAfter');
      if (count !== undefined) o.count = count;
      if (forMs !== undefined) o.forMs = forMs;
      if (retry !== undefined) o.retryAfterSeconds = retry;
      return o;
    };
    try {
      switch (`${req.method} ${url.pathname}`) {
        case 'POST /refuse':
          proxy.refuse(num('for'));
          break;
        case 'POST /delay':
          proxy.delay(num('ms') ?? 1000, num('for'));
          break;
        case 'POST /reset':
          proxy.reset(num('for'));
          break;
        case 'POST /http503':
          proxy.http503(statusOptions());
          break;
        case 'POST /http429':
          proxy.http429(statusOptions());
          break;
        case 'POST /cut':
          proxy.cutAfter(num('after') ?? 0, { count: num('count') ?? 1 });
          break;
        case 'POST /heal':
          proxy.heal();
          break;
        case 'GET /stats':
          break;
        default:
          res.writeHead(404).end('unknown control path\n');
          return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(proxy.stats()) + '\n');
    } catch (err) {
      res.writeHead(400).end(`${(err as Error).message}\n`);
    }
  });
  const controlPort = Number(flag(args, 'control') ?? 0);
  await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));
  const cport = (control.address() as net.AddressInfo).port;
  process.stdout.write(
    JSON.stringify({
      listen: proxy.address,
      target: `${proxy.target.host}:${proxy.target.port}`,
      control: `127.0.0.1:${cport}`,
    }) + '\n',
  );
  const stop = (): void => {
    control.close();
    void proxy.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`fault-proxy: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
