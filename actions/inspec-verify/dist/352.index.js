export const id = 352;
export const ids = [352];
export const modules = {

/***/ 2352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core.ts
var src_core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/inspec/controls.ts
/**
 * One control as the gate judges it: overlay copies merged into one, with
 * its status and severity decided by the rules Heimdall and the SAF CLI use
 * (the Heimdall Data Format), so counts agree with what security teams see.
 */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none'];
const STATUSES = [
    'passed',
    'failed',
    'not_applicable',
    'not_reviewed',
    'error',
    'profile_error',
];
/**
 * Severity: `tags.severityoverride`, then `tags.severity`, then the impact.
 * Impact bands are InSpec's (impact.rb) and inspecjs's: below 0.1 none,
 * below 0.4 low, below 0.7 medium, below 0.9 high, else critical.
 */
function severityOf(control) {
    for (const tag of ['severityoverride', 'severity']) {
        const value = control.tags?.[tag];
        if (typeof value === 'string' && isSeverity(value.toLowerCase())) {
            return value.toLowerCase();
        }
    }
    const impact = control.impact;
    if (impact < 0.1)
        return 'none';
    if (impact < 0.4)
        return 'low';
    if (impact < 0.7)
        return 'medium';
    if (impact < 0.9)
        return 'high';
    return 'critical';
}
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/**
 * A result is an error when InSpec attached a backtrace (an exception
 * outside an expectation). Failures also carry `exception` (e.g.
 * RSpec::Core::MultipleExceptionError) and stay failures.
 */
function isErrorResult(result) {
    return result.backtrace !== undefined && result.backtrace !== null;
}
/**
 * Status, checked in the HDF order: an error anywhere; waived or impact 0
 * (not applicable); no results (profile error: nothing ran, which InSpec
 * itself would count as passed); any failure; any pass; otherwise skipped
 * (not reviewed).
 */
function statusOf(control) {
    const results = control.results;
    if (results.some(isErrorResult))
        return 'error';
    if (control.waiver_data?.skipped_due_to_waiver === true || control.impact === 0) {
        return 'not_applicable';
    }
    if (results.length === 0)
        return 'profile_error';
    if (results.some((r) => r.status === 'failed'))
        return 'failed';
    if (results.some((r) => r.status === 'passed'))
        return 'passed';
    if (results.some((r) => r.status === 'skipped'))
        return 'not_reviewed';
    return 'profile_error';
}
/**
 * Every control of every profile, once. A wrapper or overlay profile lists
 * each control again with `results: []` while the profile that ran it
 * carries the results, so copies are merged by control id.
 */
function collectControls(report) {
    const depths = profileDepths(report);
    const byId = new Map();
    for (const profile of report.profiles) {
        const depth = depths.get(profile.name) ?? 0;
        for (const control of profile.controls) {
            const ran = control.results.length > 0 ? { control, profile: profile.name } : undefined;
            const copies = byId.get(control.id);
            if (!copies) {
                byId.set(control.id, {
                    outer: control,
                    outerDepth: depth,
                    ran,
                    firstProfile: profile.name,
                });
                continue;
            }
            if (depth < copies.outerDepth) {
                copies.outer = control;
                copies.outerDepth = depth;
            }
            copies.ran ??= ran;
        }
    }
    const controls = [];
    const notSelected = [];
    for (const [id, copies] of byId) {
        if (!copies.ran && copies.outerDepth > 0) {
            notSelected.push(id);
            continue;
        }
        controls.push(toControl(copies));
    }
    return { controls, notSelected };
}
function toControl({ outer, ran, firstProfile }) {
    const merged = { ...outer, results: ran?.control.results ?? outer.results };
    const ref = outer.source_location?.ref ?? ran?.control.source_location?.ref;
    const line = outer.source_location?.line ?? ran?.control.source_location?.line;
    return {
        id: outer.id,
        title: outer.title ?? ran?.control.title ?? '',
        profile: ran?.profile ?? firstProfile,
        impact: outer.impact,
        severity: severityOf(outer),
        status: statusOf(merged),
        results: merged.results,
        waiver: hasWaiver(outer.waiver_data) ? outer.waiver_data : undefined,
        source: ref ? { ref, line } : undefined,
    };
}
function hasWaiver(waiver) {
    return waiver !== undefined && (waiver.justification !== undefined || waiver.run !== undefined);
}
/** 0 for a profile run directly, 1 for its dependencies, and so on (via parent_profile). */
function profileDepths(report) {
    const parents = new Map(report.profiles.map((p) => [p.name, p.parent_profile]));
    const depths = new Map();
    for (const profile of report.profiles) {
        let depth = 0;
        let parent = profile.parent_profile;
        // Bounded by the number of profiles, so a cycle in a broken report cannot loop.
        while (parent !== undefined && depth < report.profiles.length) {
            depth++;
            parent = parents.get(parent);
        }
        depths.set(profile.name, depth);
    }
    return depths;
}
/** All messages of a control's failing or erroring results, for summaries and annotations. */
function failureMessages(control) {
    const messages = [];
    for (const result of control.results) {
        if (result.status === 'failed' || isErrorResult(result)) {
            const detail = (result.message ?? result.exception ?? '').trim();
            messages.push(detail ? `${result.code_desc ?? ''}: ${detail}` : (result.code_desc ?? ''));
        }
    }
    if (control.status === 'profile_error' && messages.length === 0) {
        messages.push('no results: nothing in this control ran');
    }
    return messages;
}

;// CONCATENATED MODULE: ./src/http/proxy.ts
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
/** The proxy for `url`, or undefined when it is reached directly. */
function proxyFor(url, env = process.env) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    const value = url.protocol === 'https:'
        ? env.https_proxy || env.HTTPS_PROXY
        : env.http_proxy || env.HTTP_PROXY;
    if (!value?.trim() || bypassesProxy(url, env))
        return undefined;
    const text = value.trim();
    try {
        return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    }
    catch {
        throw new Error(`The proxy setting for ${url.protocol.slice(0, -1)} (${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}) is not a URL.`);
    }
}
/** Whether `url` is reached directly whatever proxy is set: loopback, or matched by NO_PROXY. */
function bypassesProxy(url, env = process.env) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === '' || isLoopbackHost(host))
        return true;
    const list = env.no_proxy || env.NO_PROXY || '';
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return list
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter((entry) => entry !== '')
        .some((entry) => noProxyEntryMatches(entry, host, port));
}
function noProxyEntryMatches(entry, host, port) {
    if (entry === '*')
        return true;
    // `[::1]:8080`, `host:443`, `host`: split off a port, if any.
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const plain = /^([^:]+)(?::(\d+))?$/.exec(entry);
    const [name, entryPort] = bracketed
        ? [bracketed[1] ?? '', bracketed[2]]
        : plain
            ? [plain[1] ?? '', plain[2]]
            : [entry, undefined];
    if (entryPort !== undefined && entryPort !== port)
        return false;
    const suffix = name.replace(/^\*?\./, '');
    return host === suffix || host.endsWith(`.${suffix}`);
}
/** `localhost`, `127.0.0.0/8`, `::1` (with or without brackets). */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** A proxy URL as it may be shown: no user name or password. */
function showProxy(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/retry.ts

const DEFAULT_ATTEMPTS = 5;
const MAX_ATTEMPTS = 20;
const MAX_DELAY_CAP_MS = 60_000;
/**
 * Runs `action` until it succeeds, a failure is not retryable, or the attempts
 * run out. Delays grow exponentially with full jitter, are capped, and honour a
 * server's Retry-After (within the cap).
 */
async function retry(action, options = {}) {
    const attempts = Math.min(Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS), MAX_ATTEMPTS);
    const baseDelayMs = options.baseDelayMs ?? 500;
    const maxDelayMs = Math.min(options.maxDelayMs ?? 10_000, MAX_DELAY_CAP_MS);
    const isRetryable = options.isRetryable ?? isTransient;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const random = options.random ?? Math.random;
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await action(attempt);
        }
        catch (error) {
            if (!isRetryable(error))
                throw error;
            if (attempt >= attempts) {
                if (options.service === undefined)
                    throw error;
                throw new src_errors/* OutageError */.AP(options.service, (0,src_errors/* errorMessage */.gJ)(error), {
                    attempts: attempt,
                    elapsedMs: Date.now() - started,
                    ...(options.consequence === undefined ? {} : { consequence: options.consequence }),
                    cause: error,
                });
            }
            const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
            const jittered = Math.round(random() * ceiling);
            const serverAsked = error instanceof src_errors/* TransientError */.N_ ? error.retryAfterMs : undefined;
            const delayMs = serverAsked === undefined
                ? jittered
                : Math.min(Math.max(serverAsked, jittered), maxDelayMs);
            options.onRetry?.(error, attempt, delayMs);
            await sleep(delayMs);
        }
    }
}
/** Transient: an explicit TransientError or a network failure. Never a user error. */
function isTransient(error) {
    if (error instanceof src_errors/* UserError */.yo)
        return false;
    if (error instanceof src_errors/* TransientError */.N_)
        return true;
    const code = error?.code;
    return typeof code === 'string' && src_errors/* TRANSIENT_NETWORK_CODES */.pE.has(code);
}
/** HTTP statuses worth retrying: throttling and server-side failures, never 4xx auth or not-found. */
function isTransientStatus(status) {
    return (status === 408 ||
        status === 429 ||
        status === 500 ||
        status === 502 ||
        status === 503 ||
        status === 504);
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/http/tunnel.ts





/**
 * An https agent whose connections are CONNECT tunnels through a forward
 * proxy: the proxy only sees `CONNECT host:port`, and TLS runs end to end
 * inside the tunnel with the agent's own options (CA, client certificate,
 * server name), exactly as on a direct connection. Connections are pooled
 * and kept alive like any https agent's.
 */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    connectTimeoutMs;
    constructor(proxy, options, connectTimeoutMs) {
        super(options);
        this.proxy = proxy;
        this.connectTimeoutMs = connectTimeoutMs;
    }
    // Node's agent accepts a connection handed over later through the callback.
    createConnection(options, callback) {
        const done = (error, socket) => callback?.(error, socket);
        const target = `${options.host ?? 'localhost'}:${options.port ?? 443}`;
        const connect = (this.proxy.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request({
            host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
            port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers: { host: target, ...proxyAuthorization(this.proxy) },
            agent: false,
            timeout: this.connectTimeoutMs,
        });
        connect.once('timeout', () => connect.destroy(Object.assign(new Error(`no answer to CONNECT ${target}`), { code: 'ETIMEDOUT' })));
        connect.once('error', (error) => {
            done(Object.assign(new Error(`the proxy ${showProxy(this.proxy)} cannot be reached: ${error.message}`, {
                cause: error,
            }), { code: error.code }));
        });
        connect.once('connect', (response, socket) => {
            const status = response.statusCode ?? 0;
            if (status !== 200) {
                socket.destroy();
                done(tunnelRefused(this.proxy, target, status, response.statusMessage));
                return;
            }
            // The agent's TLS options and the server name, over the tunnel's socket;
            // `host` stays, for checking a certificate issued to an IP address.
            done(null, external_node_tls_default().connect({ ...options, socket }));
        });
        connect.end();
        return undefined;
    }
}
/** `proxy-authorization` for a proxy URL that carries a user name and password. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return {};
    const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}
function tunnelRefused(proxy, target, status, reason = '') {
    const message = `The proxy ${showProxy(proxy)} refused to open a tunnel to ${target} (HTTP ${status}${reason ? ` ${reason}` : ''}).`;
    if (status === 407) {
        return new src_errors/* UserError */.yo(message, {
            fix: "put the proxy's user name and password in the HTTPS_PROXY URL (http://user:password@proxy:port), or ask for a proxy that admits this runner.",
        });
    }
    if (status === 403) {
        return new src_errors/* UserError */.yo(message, {
            fix: `allow ${target} on the proxy, or add its host to NO_PROXY if this runner reaches it directly.`,
        });
    }
    // 502, 503, 504: the proxy could not reach the host, or is overloaded.
    return status >= 500 ? new src_errors/* TransientError */.N_(message) : new Error(message);
}

;// CONCATENATED MODULE: ./src/http/transport.ts








/** Error bodies are only read for their message. */
const ERROR_BODY_MAX_BYTES = 64 * 1024;
class ResponseTooLargeError extends Error {
    size;
    name = 'ResponseTooLargeError';
    constructor(message, 
    /** Bytes seen (or declared) when the answer was refused. */
    size) {
        super(message);
        this.size = size;
    }
}
const MAX_SOCKETS_PER_HOST = 8;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
class HttpTransport {
    options;
    httpAgent;
    httpsAgent;
    tunnels = new Map();
    tlsOptions;
    constructor(options) {
        this.options = options;
        const pool = { keepAlive: true, maxSockets: options.maxSockets ?? MAX_SOCKETS_PER_HOST };
        const ca = options.ca?.toString();
        this.tlsOptions = {
            ...pool,
            // Passing `ca` replaces the trusted set; unless told otherwise keep the
            // defaults, so a redirect to public storage still verifies.
            ...(ca ? { ca: options.caOnly ? ca : [...external_node_tls_default().getCACertificates('default'), ca] } : {}),
            ...(options.cert ? { cert: options.cert } : {}),
            ...(options.key ? { key: options.key } : {}),
            ...(options.servername ? { servername: options.servername } : {}),
            ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
        };
        this.httpAgent = new (external_node_http_default()).Agent(pool);
        this.httpsAgent = new (external_node_https_default()).Agent(this.tlsOptions);
    }
    /** One exchange; the whole answer is read (bounded) before it resolves. */
    request(request) {
        return this.exchange(request, (res, ok, done, fail) => {
            const limit = ok ? request.maxBodyBytes : ERROR_BODY_MAX_BYTES;
            const declared = Number(res.headers['content-length']);
            if (ok && request.method !== 'HEAD' && declared > limit) {
                fail(tooLarge(request.url, declared, limit));
                return;
            }
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
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
    download(request, file) {
        return this.follow({ ...request, method: 'GET' }, (each) => this.downloadOnce(each, file));
    }
    downloadOnce(request, file) {
        return this.exchange(request, (res, ok, done, fail) => {
            if (!ok) {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    if (size < ERROR_BODY_MAX_BYTES)
                        chunks.push(chunk);
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
            const out = (0,external_node_fs_.createWriteStream)(file);
            let size = 0;
            const stop = (error) => {
                out.destroy();
                fail(error);
            };
            out.on('error', stop);
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > request.maxBodyBytes)
                    stop(tooLarge(request.url, size, request.maxBodyBytes));
            });
            res.on('close', () => {
                if (!res.complete)
                    stop(cut(request.url, size, declared));
            });
            res.pipe(out);
            out.on('finish', () => {
                if (Number.isFinite(declared) && size < declared)
                    fail(cut(request.url, size, declared));
                else
                    done(Buffer.alloc(0));
            });
        });
    }
    /**
     * request(), following up to five redirects of a GET or HEAD (the
     * catalog, GitHub's API). Headers naming credentials go only to the origin
     * first asked; a redirect from https to plain http is refused.
     */
    requestFollowing(request) {
        return this.follow(request, (each) => this.request(each));
    }
    async follow(request, send) {
        let current = request;
        for (let hops = 0;; hops++) {
            const response = await send(current);
            const location = response.headers.location;
            if (!REDIRECTS.has(response.status) || !location || !/^(GET|HEAD)$/.test(current.method)) {
                return { ...response, url: current.url };
            }
            if (hops >= MAX_REDIRECTS) {
                throw new Error(`${request.url.host} redirected ${request.url.pathname} more than ${MAX_REDIRECTS} times.`);
            }
            const next = new URL(location, current.url);
            if (current.url.protocol === 'https:' && next.protocol !== 'https:') {
                throw new Error(`${current.url.host} redirected to plain HTTP (${next.host}); refused.`);
            }
            const headers = { ...current.headers };
            if (next.origin !== request.url.origin) {
                for (const name of Object.keys(headers)) {
                    if (/^(authorization|cookie|proxy-authorization)$/i.test(name))
                        delete headers[name];
                }
            }
            current = { ...current, url: next, headers };
        }
    }
    /** Closes idle keep-alive connections so the process can exit. */
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
        for (const agent of this.tunnels.values())
            agent.destroy();
        this.tunnels.clear();
    }
    exchange(request, read) {
        const { url } = request;
        const headers = {
            'user-agent': this.options.userAgent,
            ...request.headers,
        };
        if (request.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(request.body));
        const proxy = proxyFor(url, this.options.env);
        const secure = url.protocol === 'https:';
        return new Promise((resolve, reject) => {
            let settled = false;
            let req;
            const timer = setTimeout(() => {
                const error = new Error(`no complete answer from ${url.host} within ${Math.round(this.options.timeoutMs / 1000)}s`);
                error.code = 'ETIMEDOUT';
                fail(error);
            }, this.options.timeoutMs);
            function fail(error) {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                req?.destroy();
                reject(error);
            }
            const options = {
                method: request.method,
                headers,
                ...(request.signal ? { signal: request.signal } : {}),
            };
            if (secure) {
                req = external_node_https_default().request(url, {
                    ...options,
                    agent: proxy ? this.tunnel(proxy) : this.httpsAgent,
                });
            }
            else if (proxy) {
                // A forward proxy takes the whole URL as the request target.
                req = external_node_http_default().request({
                    ...options,
                    host: proxy.hostname.replace(/^\[|\]$/g, ''),
                    port: proxy.port || 80,
                    path: url.href,
                    headers: { ...headers, host: url.host, ...proxyAuthorization(proxy) },
                    agent: this.httpAgent,
                });
            }
            else {
                req = external_node_http_default().request(url, { ...options, agent: this.httpAgent });
            }
            req.on('error', fail);
            req.on('response', (res) => {
                const status = res.statusCode ?? 0;
                res.on('error', fail);
                // A connection closed before the whole answer arrived (a no-op once settled).
                res.on('close', () => {
                    if (!res.complete)
                        fail(Object.assign(new Error(`${url.host} closed the connection mid-answer`), {
                            code: 'ECONNRESET',
                        }));
                });
                read(res, status >= 200 && status < 300, (body, discard) => {
                    if (settled)
                        return;
                    settled = true;
                    clearTimeout(timer);
                    if (discard)
                        req?.destroy();
                    resolve({ status, headers: res.headers, body });
                }, fail);
            });
            req.end(request.body);
        });
    }
    tunnel(proxy) {
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
function transientStatus(response, message) {
    if (!isTransientStatus(response.status))
        return undefined;
    const header = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header);
    return new src_errors/* TransientError */.N_(message, retryAfterMs === undefined ? {} : { retryAfterMs });
}
function tooLarge(url, size, limit) {
    return new ResponseTooLargeError(`The answer to ${url.pathname} is larger than the ${limit} bytes accepted (at least ${size}).`, size);
}
function cut(url, size, declared) {
    return Object.assign(new Error(`the transfer of ${url.pathname} stopped after ${size} of ${Number.isFinite(declared) ? declared : 'an unknown number of'} bytes`), { code: 'ECONNRESET' });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/tools/install.ts








/** @actions/tool-cache, and the HTTP client it loads, only once something is downloaded or extracted. */
function toolCache() {
    return __webpack_require__.e(/* import() */ 991).then(__webpack_require__.bind(__webpack_require__, 5991));
}
/**
 * The tool cache's folder of a tool at an exact version (`3.17.3`), as
 * `tc.find` gives it (RUNNER_TOOL_CACHE/<tool>/<version>/<arch>, complete),
 * without loading the tool cache library; undefined when it is not there.
 */
async function findCached(tool, version) {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root || !/^\d+\.\d+\.\d+$/.test(version)) {
        return (await toolCache()).find(tool, version) || undefined;
    }
    const dir = (0,external_node_path_.join)(root, tool, version, (0,external_node_os_.arch)());
    return (0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.existsSync)(`${dir}.complete`) ? dir : undefined;
}
async function installTool(release) {
    const version = cacheVersion(release.version);
    const cachedDir = await findCached(release.tool, version);
    if (cachedDir && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cachedDir, release.binary))) {
        const path = (0,external_node_path_.join)(cachedDir, release.binary);
        src_core/* addPath */.fM((0,external_node_path_.dirname)(path));
        src_core/* info */.pq(`${release.tool} ${release.version}: from the tool cache (${cachedDir})`);
        return { path, cached: true };
    }
    const expected = release.sha256 ?? (await fetchChecksum(release));
    src_core/* info */.pq(`${release.tool} ${release.version}: downloading ${release.url}`);
    const file = await download(release.url, release);
    try {
        const actual = await sha256File(file);
        if (actual !== expected) {
            throw new src_errors/* UserError */.yo(`The download of ${release.tool} ${release.version} from ${release.url} has sha256 ${actual}, but ${release.sha256 ? 'the pinned checksum' : release.checksumUrl} says ${expected}; it was not installed.`, {
                fix: `retry the job; if it fails again the file or its checksum was changed at the source${release.locationHint ? ` (${release.locationHint})` : ''}.`,
            });
        }
        src_core/* info */.pq(`${release.tool} ${release.version}: sha256 ${actual} verified`);
        const extracted = await extract(file, release);
        const inside = (0,external_node_path_.join)(extracted, release.binary);
        if (!(0,external_node_fs_.existsSync)(inside) || !(0,external_node_fs_.statSync)(inside).isFile()) {
            throw new Error(`The ${release.tool} ${release.version} archive from ${release.url} has no ${release.binary}.`);
        }
        (0,external_node_fs_.chmodSync)(inside, 0o755);
        const cachedAt = await (await toolCache()).cacheDir(extracted, release.tool, version);
        (0,external_node_fs_.rmSync)(extracted, { recursive: true, force: true });
        const path = (0,external_node_path_.join)(cachedAt, release.binary);
        src_core/* addPath */.fM((0,external_node_path_.dirname)(path));
        return { path, cached: false };
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}
/** The version as the tool cache keys it: `3.17.3`. */
function cacheVersion(version) {
    return version.replace(/^v/, '');
}
async function fetchChecksum(release) {
    if (!release.checksumUrl) {
        throw new Error(`No sha256 nor checksum URL for ${release.tool} ${release.version}.`);
    }
    const file = await download(release.checksumUrl, release);
    try {
        return parseChecksumFile((0,external_node_fs_.readFileSync)(file, 'utf8'), release.checksumUrl);
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}
/** `<64 hex>` alone (`.sha256`) or followed by the file name (`.sha256sum`, sha256sum's output). */
function parseChecksumFile(text, source) {
    const first = text.trim().split(/\s+/)[0] ?? '';
    if (!/^[a-fA-F0-9]{64}$/.test(first)) {
        throw new src_errors/* UserError */.yo(`${source} does not hold a sha256 checksum.`, {
            fix: 'check that the download location serves the official checksum files next to the archives.',
        });
    }
    return first.toLowerCase();
}
const DOWNLOAD_ATTEMPTS = 3;
/** Per attempt: the largest packages (InSpec's omnibus) are a few hundred MB. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const DOWNLOAD_MAX_BYTES = 2 * 1024 ** 3;
async function download(url, release) {
    const file = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), (0,external_node_crypto_.randomUUID)());
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    const transport = new HttpTransport({
        userAgent: 'pipeline-actions',
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
    let attempts = 0;
    try {
        await retry(async (attempt) => {
            attempts = attempt;
            const response = await transport.download({ url: new URL(url), maxBodyBytes: DOWNLOAD_MAX_BYTES }, file);
            const status = response.status;
            if (status >= 200 && status < 300)
                return;
            const transient = transientStatus(response, `${url} answered HTTP ${status}`);
            if (transient)
                throw transient;
            throw refusedDownload(url, status, release);
        }, { attempts: DOWNLOAD_ATTEMPTS, baseDelayMs: 1000, maxDelayMs: 10_000 });
        return file;
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(file, { force: true });
        if (error instanceof src_errors/* UserError */.yo)
            throw error;
        throw new Error(`Could not download ${release.tool} ${release.version} from ${url} (${attempts === 1 ? '1 attempt' : `${attempts} attempts`}): ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
    finally {
        transport.close();
    }
}
function refusedDownload(url, status, release) {
    if (status === 404) {
        return new src_errors/* UserError */.yo(`${url} does not exist (HTTP 404).`, {
            fix: `check that ${release.tool} ${release.version} is a released version${release.locationHint ? ` and ${release.locationHint}` : ''}.`,
        });
    }
    if (status === 401 || status === 403) {
        return new src_errors/* UserError */.yo(`${url} refused the download (HTTP ${status}).`, {
            fix: `use a download location that serves ${release.tool} without credentials${release.locationHint ? ` (${release.locationHint})` : ''}.`,
        });
    }
    return new Error(`${url} answered HTTP ${status}`);
}
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        (0,external_node_fs_.createReadStream)(file)
            .on('data', (chunk) => hash.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(hash.digest('hex')));
    });
}
async function extract(file, release) {
    try {
        const tc = await toolCache();
        if (release.archive === 'tar.gz')
            return await tc.extractTar(file, undefined, 'xz');
        if (release.archive === 'zip')
            return await tc.extractZip(file);
    }
    catch (error) {
        throw new Error(`The ${release.tool} ${release.version} archive from ${release.url} could not be extracted: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
    // A bare binary: give it its own directory, as the archive case has.
    const dir = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${release.tool}-${cacheVersion(release.version)}-${process.pid}`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    (0,external_node_fs_.copyFileSync)(file, (0,external_node_path_.join)(dir, release.binary));
    return dir;
}

// EXTERNAL MODULE: ./src/inspec/failures.ts
var failures = __webpack_require__(2233);
// EXTERNAL MODULE: ./src/tools/tool.ts + 2 modules
var tool = __webpack_require__(6631);
;// CONCATENATED MODULE: ./src/inspec/package-installer.ts



/**
 * dpkg or rpm, through `sudo -n` when the runner is not root (GitHub-hosted
 * runners allow passwordless sudo; a runner that does not is told how to
 * install the tool itself instead of hanging on a password prompt).
 */
class PackageInstaller extends tool/* Tool */.N {
    manager;
    prefix;
    constructor(manager) {
        const root = (0,external_node_os_.userInfo)().uid === 0;
        super(root ? manager : 'sudo');
        this.manager = manager;
        this.prefix = root ? [] : ['-n', manager];
    }
    async install(file, label) {
        const args = this.manager === 'dpkg' ? ['-i', file] : ['-U', '--replacepkgs', file];
        try {
            await this.executeChecked([...this.prefix, ...args]);
        }
        catch (error) {
            if (!(error instanceof src_errors/* ToolError */.v4))
                throw error;
            throw new src_errors/* UserError */.yo(`Installing ${label} with ${this.manager} was refused: ${error.message}`, {
                fix: 'install it in an earlier step (as root), or give its path in `executable`.',
                cause: error,
            });
        }
    }
}

// EXTERNAL MODULE: ./src/inspec/tool.ts
var inspec_tool = __webpack_require__(4588);
;// CONCATENATED MODULE: ./src/inspec/install.ts











/**
 * Installs CINC Auditor or Chef InSpec from the vendor's package service.
 *
 * Both vendors run an "omnitruck" service (docs.chef.io/api_omnitruck):
 * `GET <base>/<channel>/<product>/metadata?v=&p=&pv=&m=` answers with the
 * package URL and its sha256, as `key value` lines. CINC's is
 * omnitruck.cinc.sh (packages on downloads.cinc.sh); Chef's commercial one is
 * chefdownload-commercial.chef.io and also needs `license_id`. Downloading,
 * checking that sha256 and caching by version is the shared tool installer's
 * job (src/tools/install.ts: the HTTP transport, then @actions/tool-cache).
 *
 * Omnibus packages (.deb, .rpm) embed a Ruby built for /opt/<product> (no
 * --enable-load-relative), so they cannot run from the tool cache: the
 * verified package is cached and installed with dpkg or rpm. A .tar.gz (a
 * mirror's relocatable build with bin/<product> at its top, and the install
 * tests) is extracted into the tool cache and run from there.
 */
/** The CINC Auditor / InSpec version inspec-verify installs unless its `inspec-version` input says otherwise. */
const DEFAULT_INSPEC_VERSION = '6.8.24';
const DEFAULT_DOWNLOAD_URLS = {
    'cinc-auditor': 'https://omnitruck.cinc.sh',
    inspec: 'https://chefdownload-commercial.chef.io',
};
const METADATA_TIMEOUT_MS = 30_000;
const METADATA_MAX_BYTES = 1024 * 1024;
function metadataUrl(request) {
    const url = new URL(`${request.channel ?? 'stable'}/${request.product}/metadata`, request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`);
    const { p, pv, m } = request.platform;
    for (const [key, value] of Object.entries({ v: request.version, p, pv, m })) {
        url.searchParams.set(key, value);
    }
    if (request.licenseKey)
        url.searchParams.set('license_id', request.licenseKey);
    return url.toString();
}
/** `sha256 <hex>` / `url <url>` / `version <v>` lines, or the same keys as JSON. */
function parseMetadata(body, source) {
    let fields = {};
    if (body.trimStart().startsWith('{')) {
        try {
            fields = JSON.parse(body);
        }
        catch {
            fields = {};
        }
    }
    else {
        for (const line of body.split('\n')) {
            const [key, ...rest] = line.trim().split(/\s+/);
            if (key)
                fields[key] = rest.join(' ');
        }
    }
    const { url, sha256, version } = fields;
    if (typeof url !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256)) {
        throw new failures/* InfrastructureFailure */.q(`the package service answered without a package URL and sha256 (${source}).`, {
            fix: 'check `inspec-download-url`: it must be an omnitruck-compatible service.',
        });
    }
    return { url, sha256: sha256.toLowerCase(), version: typeof version === 'string' ? version : '' };
}
async function fetchMetadata(request) {
    const url = metadataUrl(request);
    requireSecureUrl(url, 'inspec-download-url');
    const shown = url.replace(/license_id=[^&]+/, 'license_id=***');
    const transport = new HttpTransport({
        userAgent: 'pipeline-actions/inspec-verify',
        timeoutMs: METADATA_TIMEOUT_MS,
    });
    const body = await retry(async () => {
        const response = await transport.requestFollowing({
            method: 'GET',
            url: new URL(url),
            headers: { accept: 'text/plain' },
            maxBodyBytes: METADATA_MAX_BYTES,
        });
        const status = response.status;
        if (status === 200)
            return response.body.toString('utf8');
        const transient = transientStatus(response, `${shown} answered HTTP ${status}`);
        if (transient)
            throw transient;
        throw new src_errors/* UserError */.yo(`No ${inspec_tool/* PRODUCT_LABEL */.zp[request.product]} ${request.version} package for ${request.platform.p} ${request.platform.pv} ${request.platform.m} (${shown} answered HTTP ${status}).`, {
            fix: status === 401 || status === 403
                ? 'Chef InSpec downloads need a valid `license-key`; or use `tool: cinc-auditor`.'
                : `check \`inspec-version\` (an existing release, e.g. ${DEFAULT_INSPEC_VERSION}) and \`inspec-download-url\`.`,
        });
    }).finally(() => transport.close());
    return parseMetadata(body, shown);
}
async function install_installTool(request) {
    const label = inspec_tool/* PRODUCT_LABEL */.zp[request.product];
    const cached = await findCached(request.product, request.version);
    if (cached && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cached, 'bin', request.product))) {
        src_core/* info */.pq(`Using ${label} from the tool cache: ${cached}`);
        return {
            executable: (0,external_node_path_.join)(cached, 'bin', request.product),
            version: (0,external_node_path_.basename)((0,external_node_path_.dirname)(cached)),
            from: 'tool-cache',
        };
    }
    const metadata = await fetchMetadata(request);
    requireSecureUrl(metadata.url, 'the package URL');
    const version = metadata.version || request.version;
    const file = (0,external_node_path_.basename)(new URL(metadata.url).pathname);
    const release = {
        version,
        url: metadata.url,
        sha256: metadata.sha256,
        locationHint: 'check `inspec-download-url` and `inspec-version`',
    };
    try {
        if (/\.(tar\.gz|tgz)$/i.test(file)) {
            const installed = await installTool({
                ...release,
                tool: request.product,
                archive: 'tar.gz',
                binary: `bin/${request.product}`,
            });
            return {
                executable: installed.path,
                version,
                from: installed.cached ? 'tool-cache' : 'download',
            };
        }
        const manager = /\.deb$/i.test(file) ? 'dpkg' : /\.rpm$/i.test(file) ? 'rpm' : undefined;
        if (!manager) {
            throw new src_errors/* UserError */.yo(`The package ${metadata.url} is neither a .tar.gz, a .deb nor an .rpm.`, {
                fix: 'install the tool in an earlier step and give its path in `executable`.',
            });
        }
        // The verified package is what is cached; dpkg/rpm put the tool in /opt.
        const verified = await installTool({
            ...release,
            tool: `${request.product}-package`,
            archive: 'binary',
            binary: file,
        });
        await new PackageInstaller(manager).install(verified.path, label);
        const executable = `/opt/${request.product}/bin/${request.product}`;
        if (!(0,external_node_fs_.existsSync)(executable)) {
            throw new failures/* InfrastructureFailure */.q(`the ${manager} package installed, but ${executable} is missing.`);
        }
        return { executable, version, from: 'download' };
    }
    catch (error) {
        if (error instanceof src_errors/* UserError */.yo)
            throw error;
        throw new failures/* InfrastructureFailure */.q(`installing ${label} ${version} failed: ${(0,src_errors/* errorMessage */.gJ)(error)}`, {
            fix: 'retry the job; if it persists, the package service or a proxy in between is failing.',
            cause: error,
        });
    }
}
/** Only https, except plain http to this machine (a local mirror, the tests). */
function requireSecureUrl(url, what) {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' ||
        (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)))
        return;
    throw new src_errors/* UserError */.yo(`${what} must be an https:// URL, not ${parsed.protocol}//${parsed.host}.`, {
        fix: 'use the https address of the package service or mirror.',
    });
}

;// CONCATENATED MODULE: ./src/tools/path.ts


/** A regular file this process may execute. */
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The first executable `name` on PATH (or the given list), as `which` finds it. */
function findOnPath(name, pathVariable = process.env.PATH ?? '') {
    for (const dir of pathVariable.split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/inspec/platform.ts



const MACHINES = { x64: 'x86_64', arm64: 'aarch64' };
/** os-release IDs to omnitruck platform names (docs.chef.io, api_omnitruck). */
const PLATFORMS = {
    ubuntu: { p: 'ubuntu', majorOnly: false },
    debian: { p: 'debian', majorOnly: true },
    rhel: { p: 'el', majorOnly: true },
    centos: { p: 'el', majorOnly: true },
    rocky: { p: 'el', majorOnly: true },
    almalinux: { p: 'el', majorOnly: true },
    ol: { p: 'el', majorOnly: true },
    amzn: { p: 'amazon', majorOnly: true },
    sles: { p: 'sles', majorOnly: true },
};
async function detectPlatform() {
    if ((0,external_node_os_.platform)() !== 'linux')
        throw unsupported(`${(0,external_node_os_.platform)()} runners`);
    const text = await (0,promises_.readFile)('/etc/os-release', 'utf8').catch(() => '');
    return platformFromOsRelease(text, (0,external_node_os_.arch)());
}
function platformFromOsRelease(osRelease, nodeArch) {
    const fields = new Map();
    for (const line of osRelease.split('\n')) {
        const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
        if (match?.[1])
            fields.set(match[1], match[3] ?? '');
    }
    const ids = [fields.get('ID'), ...(fields.get('ID_LIKE') ?? '').split(' ')].filter(Boolean);
    const known = ids.map((id) => PLATFORMS[id ?? '']).find(Boolean);
    const version = fields.get('VERSION_ID');
    const m = MACHINES[nodeArch];
    if (!known || !version)
        throw unsupported(`this Linux (${fields.get('PRETTY_NAME') ?? 'unknown'})`);
    if (!m)
        throw unsupported(`the ${nodeArch} architecture`);
    return { p: known.p, pv: known.majorOnly ? (version.split('.')[0] ?? version) : version, m };
}
function unsupported(what) {
    return new src_errors/* UserError */.yo(`Installing the tool automatically is not supported on ${what}.`, {
        fix: 'install CINC Auditor or Chef InSpec in an earlier step, or give its path in `executable`.',
    });
}

;// CONCATENATED MODULE: ./src/inspec/executable.ts







/**
 * The executable to run, in order: the `executable` input; the tool on
 * PATH; an omnibus install under /opt/<product>; the tool cache; a fresh
 * install. Without one and with `install: false`, one error says what to do.
 */
async function findExecutable(request) {
    const { product } = request;
    if (request.executable) {
        const path = (0,external_node_path_.resolve)(request.workspace, request.executable);
        if (!isExecutableFile(path)) {
            throw new src_errors/* UserError */.yo(`The executable "${request.executable}" does not exist or cannot be run (${path}).`, {
                fix: 'give the path of the cinc-auditor or inspec executable, or drop `executable` to use the one on PATH.',
            });
        }
        return { path, from: 'input' };
    }
    const onPath = whichSync(product);
    if (onPath)
        return { path: onPath, from: 'PATH' };
    const omnibus = `/opt/${product}/bin/${product}`;
    if (isExecutableFile(omnibus))
        return { path: omnibus, from: 'omnibus' };
    if (!request.install) {
        throw new src_errors/* UserError */.yo(`${inspec_tool/* PRODUCT_LABEL */.zp[product]} is not installed on this runner and \`install\` is false.`, {
            fix: `install it in an earlier step, give its path in \`executable\`, or set \`install: true\` to install ${product} ${request.version}.`,
        });
    }
    if (product === 'inspec' && !request.licenseKey) {
        throw new src_errors/* UserError */.yo('Chef InSpec is not installed, and downloading it needs a licence key.', {
            fix: 'set `license-key: ${{ secrets.CHEF_LICENSE_KEY }}`, or use `tool: cinc-auditor` (installed without a key).',
        });
    }
    const install = {
        product,
        version: request.version,
        baseUrl: request.downloadUrl,
        platform: await detectPlatform(),
        ...(request.licenseKey ? { licenseKey: request.licenseKey } : {}),
    };
    const installed = await src_core/* group */.Os(`Install ${inspec_tool/* PRODUCT_LABEL */.zp[product]} ${request.version}`, () => install_installTool(install));
    return { path: installed.executable, from: installed.from };
}
/** Kept under the name the inspec code and tests use. */
const whichSync = findOnPath;

;// CONCATENATED MODULE: ./src/inspec/counts.ts

function zeroBySeverity() {
    return Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
}
function countControls(controls) {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    const byStatusAndSeverity = Object.fromEntries(STATUSES.map((s) => [s, zeroBySeverity()]));
    for (const control of controls) {
        byStatus[control.status]++;
        byStatusAndSeverity[control.status][control.severity]++;
    }
    return { total: controls.length, byStatus, byStatusAndSeverity };
}
/**
 * Compliance as the SAF CLI and Heimdall compute it: passed over every
 * control that should have been checked (passed, failed, not reviewed and
 * errors); not-applicable controls do not count. Rounded to a whole percent;
 * 0 when nothing counts.
 */
function compliancePercent(counts) {
    const { passed, failed, not_reviewed, error, profile_error } = counts.byStatus;
    const counted = passed + failed + not_reviewed + error + profile_error;
    return counted === 0 ? 0 : Math.round((100 * passed) / counted);
}

;// CONCATENATED MODULE: ./src/inspec/gate.ts

/** Which of our statuses each SAF status name counts. */
const SAF_STATUS_MEMBERS = {
    passed: ['passed'],
    failed: ['failed'],
    skipped: ['not_reviewed'],
    no_impact: ['not_applicable'],
    // SAF's "error" is HDF's Profile Error: an exception, or a control with no results.
    error: ['error', 'profile_error'],
};
const STATUS_PHRASE = {
    passed: 'passed',
    failed: 'failed',
    skipped: 'skipped (not reviewed)',
    no_impact: 'not applicable (impact 0 or waived)',
    error: 'in error or without results',
};
const LISTED_IDS = 10;
/**
 * Checks every rule of the threshold against the controls (all profiles,
 * overlays merged) and returns every violation, not just the first. A report
 * without controls never passes: nothing was verified. Linear in the number
 * of controls plus, for each violated rule, the controls it names.
 */
function evaluateGate(threshold, controls) {
    const counts = countControls(controls);
    const compliance = compliancePercent(counts);
    const violations = [];
    if (controls.length === 0) {
        violations.push({
            key: 'report',
            message: 'the report has no controls: nothing was verified, so no threshold can be met.',
            where: undefined,
        });
    }
    const bySafStatus = groupBySafStatus(controls);
    for (const rule of threshold.rules) {
        const violation = check(rule, counts, compliance, bySafStatus);
        if (violation)
            violations.push({ key: rule.key, message: violation, where: rule.where });
    }
    return { ok: violations.length === 0, violations, counts, compliance };
}
function check(rule, counts, compliance, bySafStatus) {
    switch (rule.kind) {
        case 'compliance-min':
        case 'compliance-max': {
            const below = rule.kind === 'compliance-min' && compliance < rule.value;
            const above = rule.kind === 'compliance-max' && compliance > rule.value;
            if (!below && !above)
                return undefined;
            return `compliance is ${compliance}%, ${below ? 'below the minimum' : 'above the maximum'} of ${rule.value}% (${complianceBasis(counts)}).`;
        }
        case 'controls':
            return checkList(rule, bySafStatus);
        default: {
            const actual = countOf(counts, rule.status, rule.scope);
            const ok = rule.kind === 'min'
                ? actual >= rule.value
                : rule.kind === 'max'
                    ? actual <= rule.value
                    : actual === rule.value;
            if (ok)
                return undefined;
            const expected = rule.kind === 'min'
                ? `at least ${rule.value} required`
                : rule.kind === 'max'
                    ? `at most ${rule.value} allowed`
                    : `exactly ${rule.value} required`;
            const ids = actual > 0 ? idsIn(bySafStatus, rule.status, rule.scope) : [];
            return `${actual} ${controlsNoun(rule.scope, actual)} ${STATUS_PHRASE[rule.status]}; ${expected}${ids.length ? `: ${listIds(ids)}` : ''}.`;
        }
    }
}
function checkList(rule, bySafStatus) {
    const actual = new Set(idsIn(bySafStatus, rule.status, rule.scope));
    const expected = new Set(rule.ids);
    const missing = rule.ids.filter((id) => !actual.has(id));
    const unexpected = [...actual].filter((id) => !expected.has(id));
    if (missing.length === 0 && unexpected.length === 0)
        return undefined;
    const parts = [];
    if (missing.length)
        parts.push(`missing ${listIds(missing)}`);
    if (unexpected.length)
        parts.push(`not listed ${listIds(unexpected)}`);
    const scope = rule.scope === 'total' ? '' : `${rule.scope}-severity `;
    return `the ${scope}controls counted as ${rule.status} are not exactly the ${rule.ids.length} listed: ${parts.join('; ')}.`;
}
function countOf(counts, status, scope) {
    let sum = 0;
    for (const member of SAF_STATUS_MEMBERS[status]) {
        sum += scope === 'total' ? counts.byStatus[member] : counts.byStatusAndSeverity[member][scope];
    }
    return sum;
}
function groupBySafStatus(controls) {
    const safStatusOf = new Map();
    for (const [saf, members] of Object.entries(SAF_STATUS_MEMBERS)) {
        for (const member of members)
            safStatusOf.set(member, saf);
    }
    const groups = new Map();
    for (const control of controls) {
        const saf = safStatusOf.get(control.status);
        if (!saf)
            continue;
        const group = groups.get(saf);
        if (group)
            group.push(control);
        else
            groups.set(saf, [control]);
    }
    return groups;
}
function idsIn(bySafStatus, status, scope) {
    const group = bySafStatus.get(status) ?? [];
    return group.filter((c) => scope === 'total' || c.severity === scope).map((c) => c.id);
}
function controlsNoun(scope, count) {
    const noun = count === 1 ? 'control' : 'controls';
    return scope === 'total' ? noun : `${scope}-severity ${noun}`;
}
function listIds(ids) {
    const shown = ids.slice(0, LISTED_IDS).join(', ');
    return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}
function complianceBasis(counts) {
    const { passed, failed, not_reviewed, error, profile_error, not_applicable } = counts.byStatus;
    const counted = passed + failed + not_reviewed + error + profile_error;
    return `${passed} passed of ${counted} counted; ${not_applicable} not applicable not counted`;
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/report/redact.ts

/**
 * Secrets, in one place: which names look like secrets, masking a value with
 * the runner (the log), and cutting values out of everything the runner does
 * not mask (job summaries, JSON reports, diffs, issues, webhooks, SARIF).
 * The drift and InSpec reports decide which of their fields are secret with
 * these; they never keep a list or a cutter of their own.
 */
const REDACTED = '***';
/**
 * Shorter values are never cut out of text: replacing "on" or "42" inside
 * every message would garble the report (a field known to be secret is
 * replaced whole, whatever its length).
 */
const MIN_CUT_LENGTH = 4;
/**
 * Names that look like secrets: environment variables (`DB_PASSWORD`,
 * `API_KEY`), keys in a manifest (`password`, `tls.key`, `client-secret`),
 * inputs of a profile (`api_token`).
 */
const SECRET_NAME = /(secret|passw(or)?d|token|private|credential|api[-_.]?key|[-_.]key$|^key$|cert(ificate)?-?key|\.pem$)/i;
function isSecretName(name) {
    return SECRET_NAME.test(name);
}
/** A reference to a secret (secretKeyRef, secretName…) names it; what follows is not its content. */
const SECRET_REFERENCE = /^(secretKeyRef|secretRef|secretName|secret|imagePullSecrets|serviceAccountName|automountServiceAccountToken|tokenSecretRef|projected)$/;
/**
 * Whether a field of a Kubernetes object holds a secret: a Secret's data,
 * anything under a key named like a secret, or a list item whose name is
 * (an env var `DB_PASSWORD`); never the name of a referenced secret.
 */
function isSecretField(kind, path) {
    if (kind === 'Secret' && (path.length === 0 || path[0] === 'data' || path[0] === 'stringData'))
        return true;
    for (const segment of path) {
        if (typeof segment === 'number')
            continue;
        if (typeof segment === 'object') {
            if (segment.key === 'name' && isSecretName(segment.value))
                return true;
            continue;
        }
        if (SECRET_REFERENCE.test(segment))
            return false;
        if (isSecretName(segment))
            return true;
    }
    return false;
}
/**
 * Whether a change to a field of a Kubernetes object must not be shown: a
 * secret field, or a value (before or after) that holds a known secret. A
 * value that holds today's secret held the one before it too, which no
 * cutter knows (a rotated password inside a connection string): the whole
 * change is hidden, never cut.
 */
function isSecretChange(kind, path, values, secrets) {
    if (isSecretField(kind, path))
        return true;
    if (!secrets || secrets.values.length === 0)
        return false;
    return values.some((value) => value !== undefined &&
        secrets.holds(typeof value === 'string' ? value : JSON.stringify(value)));
}
/**
 * The values of a nested map (helm's `set`, a values tree) that sit under a
 * secret-looking key at any depth (`db.password`, `auth.apiToken.value`):
 * what to mask and to cut. Keys with dots count segment by segment, as helm
 * reads `a.b.c`.
 */
function secretValuesIn(map, underSecret = false) {
    if (map === null || map === undefined)
        return [];
    if (Array.isArray(map))
        return map.flatMap((item) => secretValuesIn(item, underSecret));
    if (typeof map === 'object') {
        return Object.entries(map).flatMap(([key, value]) => secretValuesIn(value, underSecret || key.split('.').some(isSecretName)));
    }
    return underSecret ? [String(map)] : [];
}
/**
 * Masks a secret and the forms it commonly leaks in: each line of a
 * multi-line value (keys, kubeconfigs) and its base64 encoding (basic-auth
 * headers, docker config.json, Kubernetes Secret data).
 */
function maskSecret(value) {
    if (!value)
        return;
    const forms = new Set([value, value.trim()]);
    for (const line of value.split(/\r?\n/)) {
        if (line.trim().length >= MIN_CUT_LENGTH)
            forms.add(line.trim());
    }
    forms.add(Buffer.from(value, 'utf8').toString('base64'));
    for (const form of forms) {
        if (form.length > 0)
            src_core/* setSecret */.Pq(form);
    }
}
/** The fields of a kubeconfig user that are credentials. */
const KUBECONFIG_CREDENTIALS = new Set([
    'token',
    'password',
    'client-key-data',
    'client-certificate-data',
]);
/**
 * Masks each credential of a kubeconfig's text (a token, a password, a
 * client key, and their base64 and line forms); the server address and the
 * names stay readable in the log.
 */
function maskKubeconfigCredentials(text) {
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*-?\s*([\w-]+)\s*:\s*(.+?)\s*$/.exec(line);
        if (match && KUBECONFIG_CREDENTIALS.has(match[1] ?? '')) {
            maskSecret((match[2] ?? '').replace(/^["']|["']$/g, ''));
        }
    }
}
/** Masks the base64 of `user:password`, the form registries and docker see. */
function maskBasicAuth(username, password) {
    maskSecret(password);
    core.setSecret(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
}
function secretCutter(values) {
    const list = [...new Set([...values].map(String))]
        .filter((value) => value.length >= MIN_CUT_LENGTH)
        .sort((a, b) => b.length - a.length);
    const holds = (text) => list.some((value) => text.includes(value));
    const cut = (text) => {
        let result = text;
        for (const value of list) {
            if (result.includes(value))
                result = result.split(value).join(REDACTED);
        }
        return result;
    };
    const cutDeep = (node) => {
        if (typeof node === 'string')
            return list.length > 0 ? cut(node) : node;
        if (Array.isArray(node))
            return node.map(cutDeep);
        if (node !== null && typeof node === 'object') {
            return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, cutDeep(value)]));
        }
        return node;
    };
    return { values: list, holds, cut, cutDeep: (node) => cutDeep(node) };
}

;// CONCATENATED MODULE: ./src/template/context.ts

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that are never read from the environment: the runner's own secrets and plumbing. */
const RESERVED_ENV_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_'];
const ENVIRONMENT_SOURCE = 'environment variable';
/**
 * The one context every template is filled from (values files, inputs files,
 * drift targets): default.json, build outputs, the environment name, and the
 * variables the workflow passes in `env:`. Secret values are masked the moment
 * they enter it.
 */
class PlaceholderContext {
    values = new Map();
    absent;
    /** Placeholders that would come from a source that is not there, and how to give them a value. */
    noteAbsentSource(test, fix) {
        this.absent = { test, fix };
        return this;
    }
    /** Why a placeholder has no value, when its source is absent; undefined otherwise. */
    absentFix(name) {
        return this.absent?.test(name) ? this.absent.fix(name) : undefined;
    }
    set(name, value, options) {
        if (!PLACEHOLDER_NAME.test(name))
            throw new Error(`invalid placeholder name: ${name}`);
        const secret = options.secret ?? false;
        if (secret)
            maskSecret(String(value));
        this.values.set(name, { value, secret, source: options.source });
        return this;
    }
    get(name) {
        return this.values.get(name) ?? undefined;
    }
    has(name) {
        return this.values.has(name);
    }
    names() {
        return [...this.values.keys()].sort();
    }
    /** The values of the secret entries (to cut out of summaries and reports). */
    secretValues() {
        return [...this.values.values()]
            .filter((entry) => entry.secret)
            .map((entry) => String(entry.value));
    }
    /** Names from default.json, the build and the environment input, not the workflow's variables. */
    standardNames() {
        return [...this.values.entries()]
            .filter(([, entry]) => entry.source !== ENVIRONMENT_SOURCE)
            .map(([name]) => name)
            .sort();
    }
    /**
     * Adds the workflow's environment variables that are not already set by a
     * more specific source. Variables named like secrets, or listed in
     * `secretNames`, are masked; the runner's own variables are never exposed.
     */
    addEnvironment(env, secretNames = []) {
        const secrets = new Set(secretNames);
        for (const [name, value] of Object.entries(env)) {
            if (value === undefined || this.values.has(name) || !PLACEHOLDER_NAME.test(name))
                continue;
            if (RESERVED_ENV_PREFIXES.some((prefix) => name.startsWith(prefix)))
                continue;
            this.set(name, value, {
                secret: secrets.has(name) || isSecretName(name),
                source: ENVIRONMENT_SOURCE,
            });
        }
        return this;
    }
}

// EXTERNAL MODULE: ./src/yaml.ts
var yaml = __webpack_require__(4536);
;// CONCATENATED MODULE: ./src/template/render.ts



/** `%%NAME%%`; names are letters, digits and underscores. */
const PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;
const WHOLE_PLACEHOLDER = /^%%([A-Za-z_][A-Za-z0-9_]*)%%$/;
const SCALAR_EVENT = 4;
/**
 * Fills `%%NAME%%` placeholders in a YAML document at the node level: the
 * document is parsed first and only scalar values change, so a value holding
 * `:`, `#` or a newline can never alter the document's structure. A scalar
 * that is exactly one placeholder takes the value's type (a number stays a
 * number); one inside longer text is interpolated as text. Every placeholder
 * without a value is reported at once, each with its file, line and column.
 */
function renderYamlTemplate(text, file, context, limits = {}) {
    const uses = findPlaceholders(text, file, limits);
    const missing = uses.filter((use) => !context.has(use.name));
    if (missing.length > 0) {
        throw new src_errors/* UserErrors */.tQ(`${missing.length === 1 ? 'A placeholder has' : `${missing.length} placeholders have`} no value in ${file}:`, missing.map((use) => new src_errors/* UserError */.yo(`%%${use.name}%% has no value.`, {
            location: use.location,
            fix: context.absentFix(use.name) ??
                `pass ${use.name} in the step's env:, or fix the name (${knownNames(context)}).`,
        })));
    }
    const value = substitute((0,yaml/* parseYaml */.hN)(text, file, limits), context);
    return { value, uses };
}
/** Placeholders in a plain string (a single `set` value, a target field). */
function renderString(text, context, where) {
    const whole = WHOLE_PLACEHOLDER.exec(text);
    const lookup = (name) => {
        const entry = context.get(name);
        if (!entry) {
            throw new UserError(`%%${name}%% has no value.`, {
                location: where,
                fix: context.absentFix(name) ?? `pass ${name} in the step's env:.`,
            });
        }
        return entry.value;
    };
    if (whole?.[1])
        return lookup(whole[1]);
    return text.replace(PLACEHOLDER, (_, name) => String(lookup(name)));
}
/** The standard names, for the hint; the workflow's own variables would drown them. */
function knownNames(context) {
    const names = context.standardNames();
    if (names.length === 0)
        return 'no standard values are set here';
    return `known: ${names.slice(0, 16).join(', ')}${names.length > 16 ? ', …' : ''}`;
}
function substitute(node, context) {
    if (typeof node === 'string') {
        const whole = WHOLE_PLACEHOLDER.exec(node);
        if (whole?.[1])
            return context.get(whole[1])?.value;
        return node.replace(PLACEHOLDER, (_, name) => String(context.get(name)?.value));
    }
    if (Array.isArray(node))
        return node.map((item) => substitute(item, context));
    if (node !== null && typeof node === 'object') {
        const result = {};
        for (const [key, value] of Object.entries(node)) {
            result[substitute(key, context)] = substitute(value, context);
        }
        return result;
    }
    return node;
}
/** Walks the scalar events, which carry source offsets, to place every placeholder. */
function findPlaceholders(text, file, limits) {
    let events;
    try {
        events = (0,js_yaml/* parseEvents */.PH)(text, {
            filename: file,
            maxDepth: limits.maxDepth ?? yaml/* DEFAULT_YAML_LIMITS */.fr.maxDepth,
        });
    }
    catch (error) {
        const hint = unquotedPlaceholderError(text, file);
        if (hint)
            throw hint;
        (0,yaml/* parseYaml */.hN)(text, file, limits); // throws the positioned UserError for the same problem
        throw error;
    }
    const lines = lineStarts(text);
    const uses = [];
    for (const event of events) {
        if (event.type !== SCALAR_EVENT)
            continue;
        const value = (0,js_yaml/* getScalarValue */.KE)(text, event);
        for (const match of value.matchAll(PLACEHOLDER)) {
            const token = match[0];
            // Offsets are in the source; for quoted or block scalars the decoded
            // text may differ, so find the token in the scalar's source span.
            const inSource = text.indexOf(token, event.valueStart);
            const offset = inSource !== -1 && inSource < event.valueEnd ? inSource : event.valueStart;
            uses.push({ name: match[1] ?? '', location: { file, ...position(lines, offset) } });
        }
    }
    return uses;
}
/** `key: %%X%%` is not YAML (`%` cannot start a plain scalar); say so instead of "bad indentation". */
function unquotedPlaceholderError(text, file) {
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
        const match = /^(\s*(?:-\s+)?(?:[^#\s][^:#]*:\s+)?)(%%[A-Za-z_][A-Za-z0-9_]*%%\S*)\s*(#.*)?$/.exec(line);
        if (match && !line.trimStart().startsWith('#')) {
            return new src_errors/* UserError */.yo(`a value that starts with %% must be quoted in YAML: ${match[2]}`, {
                location: { file, line: index + 1, column: (match[1]?.length ?? 0) + 1 },
                fix: `write it as "${match[2]}" (quotes keep it valid YAML; a whole-value placeholder still takes its value's type).`,
            });
        }
    }
    return undefined;
}
function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return starts;
}
function position(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

;// CONCATENATED MODULE: ./src/manifest/constants.ts
/**
 * The vocabulary of default.json. schema/default.schema.json lists the same
 * values; published-schema.test.ts fails when the two drift apart.
 */
/** Where the manifest is looked for when the action's `manifest` input is not set. */
const DEFAULT_MANIFEST_PATH = 'default.json';
/** The name of the action input that points at another manifest file. */
const MANIFEST_INPUT = 'manifest';
/** Where editors fetch the published schema from (the moving v1 tag, served raw). */
const MANIFEST_SCHEMA_ID = 'https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json';
/** A manifest is a few kilobytes; anything past this is the wrong file. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** More problems than this are counted, not listed: a long list buries the first, often the cause. */
const MAX_LISTED_PROBLEMS = 50;
/** The smallest valid manifest, offered when a file is empty or not an object. */
const MINIMAL_MANIFEST_EXAMPLE = '{ "namespace": "my-team", "application": { "name": "my-app", "type": "http_api", "version": "1.0.x" } }';
/** Application types; each chooses a standard chart profile, probes and runtime image. */
const APPLICATION_TYPES = (/* unused pure expression or super */ null && ([
    'http_html',
    'http_api',
    'worker',
    'static_html',
    'cronjob',
]));
/** Toolchains `build.system_setup.buildfacts` may ask for; they choose the builder image. */
const TOOLCHAINS = (/* unused pure expression or super */ null && ([
    'java',
    'nodejs',
    'go',
    'python',
    'dotnet',
    'ruby',
    'rust',
    'php',
    'shell',
]));
/** The kinds of `build.build_steps` items; each item has exactly one of these keys. */
const BUILD_STEP_KINDS = (/* unused pure expression or super */ null && (['shell', 'gradle', 'maven', 'npm', 'go', 'pip', 'make']));
/** Environments every application has, deployed to `<namespace>-<environment>` by default. */
const DEFAULT_ENVIRONMENTS = ['dev', 'stage', 'prod'];
/** Kubernetes' limit for a namespace name (a DNS-1123 label). */
const MAX_NAMESPACE_LENGTH = 63;
/** DNS-1123 label: what Kubernetes accepts as a namespace name. */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

;// CONCATENATED MODULE: ./src/manifest/environments.ts


/** The environments the application deploys to: dev, stage and prod first, then any the manifest adds. */
function environmentNames(manifest) {
    return Object.keys(manifest.environments);
}
/**
 * The namespace `environment` deploys to: the manifest's override, or
 * `<namespace>-<environment>`. An environment the manifest doesn't name (from
 * a workflow input) is derived the same way and must still make a valid
 * namespace.
 */
function environmentNamespace(manifest, environment) {
    const configured = Object.hasOwn(manifest.environments, environment)
        ? manifest.environments[environment]?.namespace
        : undefined;
    if (configured !== undefined)
        return configured;
    const derived = `${manifest.namespace}-${environment}`;
    if (!DNS_1123_LABEL.test(derived) || derived.length > MAX_NAMESPACE_LENGTH) {
        throw new src_errors/* UserError */.yo(`Environment ${JSON.stringify(environment)} would deploy to namespace ${JSON.stringify(derived)}, which is not a valid Kubernetes namespace (lowercase letters, digits and "-", at most ${MAX_NAMESPACE_LENGTH} characters).`, {
            fix: `use an environment name such as "dev", "stage" or "prod", or give it a namespace under "environments" in ${manifest.file}.`,
            location: { file: manifest.file },
        });
    }
    return derived;
}

;// CONCATENATED MODULE: ./src/template/standard-context.ts


/**
 * The placeholder context every stage fills templates from, built the same
 * way everywhere (helm-deploy values, inspec inputs, drift targets). More
 * specific sources win: default.json and the build outputs are set before the
 * workflow's variables, which cannot override them.
 */
function buildPlaceholderContext(sources) {
    const context = new PlaceholderContext();
    const { manifest, environment, build } = sources;
    if (environment)
        context.set('ENVIRONMENT', environment, { source: 'environment input' });
    if (manifest)
        addManifest(context, manifest, environment);
    else if (sources.manifestPath) {
        const path = sources.manifestPath;
        context.noteAbsentSource((name) => MANIFEST_NAMES.test(name), (name) => `%%${name}%% comes from default.json, and there is none at ${path}: add it (schema/README.md), or pass ${name} in the step's env:.`);
    }
    if (build?.image)
        addImage(context, build.image);
    if (build?.version)
        context.set('VERSION', build.version, { source: 'build-image output "version"' });
    if (sources.env)
        context.addEnvironment(sources.env, sources.secretNames);
    return context;
}
function addManifest(context, manifest, environment) {
    const source = manifest.file;
    context
        .set('APP_NAME', manifest.application.name, { source })
        .set('APP_TYPE', manifest.application.type, { source })
        .set('APP_VERSION', manifest.application.version.value, { source })
        .set('BASE_NAMESPACE', manifest.namespace, { source })
        .set('NAMESPACE', environment ? environmentNamespace(manifest, environment) : manifest.namespace, { source });
    const primary = primaryService(manifest);
    if (primary)
        addService(context, '', primary, source);
    for (const service of manifest.services) {
        addService(context, `SERVICE_${service.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`, service, source);
    }
}
/** The placeholders default.json provides (addManifest, addService). */
const MANIFEST_NAMES = /^(?:APP_NAME|APP_TYPE|APP_VERSION|BASE_NAMESPACE|NAMESPACE|INSTANCES_MIN|INSTANCES_MAX|EXTERNAL_URL|EXTERNAL_HOST|EXTERNAL_PATH|SERVICE_\w+)$/;
/** The service of this application itself, else the first one listed. */
function primaryService(manifest) {
    return (manifest.services.find((s) => s.application.name === manifest.application.name) ??
        manifest.services[0]);
}
function addService(context, prefix, service, source) {
    context
        .set(`${prefix}INSTANCES_MIN`, service.instances.min, { source })
        .set(`${prefix}INSTANCES_MAX`, service.instances.max, { source });
    if (prefix)
        context.set(`${prefix}NAME`, service.name, { source });
    if (service.external) {
        context
            .set(`${prefix}EXTERNAL_URL`, service.external.url, { source })
            .set(`${prefix}EXTERNAL_HOST`, service.external.host, { source })
            .set(`${prefix}EXTERNAL_PATH`, service.external.path, { source });
    }
}
function addImage(context, image) {
    const source = 'build-image output "ref"';
    context.set('IMAGE', image, { source });
    const at = image.indexOf('@');
    const name = at === -1 ? image : image.slice(0, at);
    const lastSlash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    const repository = colon > lastSlash ? name.slice(0, colon) : name;
    context.set('IMAGE_NAME', repository, { source });
    if (at !== -1)
        context.set('IMAGE_DIGEST', image.slice(at + 1), { source });
    if (colon > lastSlash)
        context.set('IMAGE_TAG', name.slice(colon + 1), { source });
}

;// CONCATENATED MODULE: ./src/template/index.ts




;// CONCATENATED MODULE: ./src/inspec/read-file.ts


/** A file the user named in an input; unreadable is their error, said with the input to fix. */
async function readNamedFile(path, display, what, fix) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`The ${what} ${display} cannot be read: ${error.message}`, {
            fix,
            location: { file: display },
            cause: error,
        });
    }
}

;// CONCATENATED MODULE: ./src/inspec/inputs-file.ts








const inputs_file_PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;
/**
 * Renders the inputs template with the same placeholder context and rules
 * as helm-deploy's values files (src/template), then writes it where only
 * this job can read it. An input is sensitive when the workflow names it in
 * `sensitive-inputs` or when any placeholder in its value is a secret.
 */
async function renderInputsFile(templatePath, displayPath, context, sensitiveInputs, scratch) {
    const text = await readNamedFile(templatePath, displayPath, 'inputs file', 'check the `inputs-file` input: a path relative to the repository root.');
    const rendered = renderYamlTemplate(text, displayPath, context).value ?? {};
    if (typeof rendered !== 'object' || Array.isArray(rendered)) {
        throw new src_errors/* UserError */.yo(`The inputs file ${displayPath} must be a mapping of input names to values.`, {
            fix: 'write one `input_name: value` per line, as InSpec reads --input-file.',
            location: { file: displayPath, line: 1 },
        });
    }
    const inputs = rendered;
    const template = ((0,yaml/* parseYaml */.hN)(text, displayPath) ?? {});
    const sensitiveNames = new Set(sensitiveInputs);
    for (const [name, raw] of Object.entries(template)) {
        if (placeholdersIn(raw).some((p) => context.get(p)?.secret))
            sensitiveNames.add(name);
    }
    const secretValues = [];
    for (const name of sensitiveNames) {
        for (const value of leafValues(inputs[name])) {
            maskSecret(value);
            secretValues.push(value);
        }
    }
    const path = (0,external_node_path_.join)(scratch, 'inputs.rendered.yml');
    // 'wx': a new file, so the mode applies and nothing else's file is reused.
    await (0,promises_.writeFile)(path, (0,js_yaml/* dump */.Bh)(inputs), { mode: 0o600, flag: 'wx' });
    return { path, names: Object.keys(inputs), sensitiveNames, secretValues };
}
function placeholdersIn(node) {
    return leafValues(node).flatMap((text) => [...text.matchAll(inputs_file_PLACEHOLDER)].map((m) => m[1] ?? ''));
}
/** Every scalar under a value, as text (nested hashes and lists included). */
function leafValues(node) {
    if (node === null || node === undefined)
        return [];
    if (typeof node === 'object')
        return Object.values(node).flatMap(leafValues);
    return [String(node)];
}

;// CONCATENATED MODULE: ./src/inspec/profile-check.ts


/**
 * `check` before `exec`: a broken profile is reported at the file and line
 * `check` names (relative to the workspace when the profile is in it), and no
 * target is touched.
 */
async function checkProfile(inspec, profile, argument, workspace) {
    const result = await inspec.check(argument, workspace);
    if (result.valid)
        return;
    const where = (file) => file && profile.directory
        ? (0,external_node_path_.relative)(workspace, (0,external_node_path_.resolve)(profile.directory, file))
        : (file ?? profile.display);
    const errors = result.errors.map((e) => new src_errors/* UserError */.yo(`${e.control_id ? `control ${e.control_id}: ` : ''}${e.msg}`, {
        location: {
            file: where(e.file),
            ...(e.line ? { line: e.line } : {}),
            ...(e.column ? { column: e.column } : {}),
        },
    }));
    const how = `run \`${inspec.product} check ${profile.display}\` locally and fix what it reports.`;
    if (errors.length === 0) {
        throw new src_errors/* UserError */.yo(`The profile ${profile.display} fails \`${inspec.product} check\`: ${result.raw || 'no details'}`, { fix: how });
    }
    throw new src_errors/* UserErrors */.tQ(`The profile ${profile.display} fails \`${inspec.product} check\` (nothing was run):`, errors);
}
/** A profile in the repository is given as written (InSpec then writes short refs); others as resolved. */
function profileArgument(profile, workspace) {
    if (!profile.directory)
        return profile.argument;
    const inRepo = (0,external_node_path_.relative)(workspace, profile.directory);
    return inRepo && !inRepo.startsWith('..') && !inRepo.startsWith('-') ? inRepo : profile.argument;
}

;// CONCATENATED MODULE: ./src/tools/git.ts



/** The git CLI, read-only: which files of a checkout count as sources. */
class Git extends tool/* Tool */.N {
    constructor(binary = 'git') {
        super(binary, { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' });
    }
    /**
     * The files git would commit under `dir`: tracked ones plus untracked ones
     * not ignored, relative to `dir`. Undefined outside a git checkout or
     * without git. The checkout is the one whose build is about to run (its own
     * config can already run code there), so git's ownership check, which a
     * checkout made by another user (a container job) trips, is waived.
     */
    async listFiles(dir) {
        try {
            const result = await this.execute([
                '-c',
                'safe.directory=*',
                '-C',
                dir,
                'ls-files',
                '-z',
                '--cached',
                '--others',
                '--exclude-standard',
            ], { silent: true });
            if (result.exitCode !== 0) {
                src_core/* debug */.Yz(`git ls-files in ${dir} exited ${result.exitCode}: ${result.stderr.trim()}`);
                return undefined;
            }
            return [...new Set(result.stdout.split('\0').filter((path) => path !== ''))];
        }
        catch (error) {
            src_core/* debug */.Yz(`git is not usable here: ${(0,src_errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/inspec/git.ts


/**
 * The shared git wrapper, plus fetching a profile pinned to a ref. Only the
 * https and ssh transports are allowed (git's `ext::` and `file://` would run
 * commands or read the runner's disk), and git never prompts.
 */
class ProfileGit extends Git {
    allowedProtocols;
    /** `allowedProtocols` is for tests, which fetch from a local repository over file://. */
    constructor(binary = 'git', allowedProtocols = 'https:ssh') {
        super(binary);
        this.allowedProtocols = allowedProtocols;
    }
    /** Fetches exactly `ref` (tag, branch or commit) into a new directory; returns the commit. */
    async fetchRef(url, ref, dir, display) {
        const git = (args) => this.executeChecked(args, {
            silent: true,
            env: { GIT_ALLOW_PROTOCOL: this.allowedProtocols },
        });
        try {
            await git(['init', '--quiet', dir]);
            await git(['-C', dir, 'fetch', '--quiet', '--depth', '1', '--', url, ref]);
            await git(['-C', dir, 'checkout', '--quiet', '--detach', 'FETCH_HEAD']);
            return (await git(['-C', dir, 'rev-parse', 'HEAD'])).stdout.trim();
        }
        catch (error) {
            if (!(error instanceof src_errors/* ToolError */.v4))
                throw error;
            throw new src_errors/* UserError */.yo(`The profile ${display} could not be fetched: ${lastLine(error.stderr)}`, {
                fix: 'check the URL and the ref after "#" (a tag, branch or commit); a private repository needs credentials the runner can use.',
                cause: error,
            });
        }
    }
}
function lastLine(text) {
    return text.trim().split('\n').at(-1) ?? 'git failed';
}

;// CONCATENATED MODULE: ./src/inspec/profile-source.ts







const ARCHIVE = /\.(tar\.gz|tgz|zip)$/i;
const HTTPS_URL = /^https:\/\//i;
const SCP_LIKE_GIT = /^[\w.-]+@[\w.-]+:[^\s]+$/;
const SAFE_REF = /^[A-Za-z0-9._/-]+$/;
const FORMS = 'a directory in the repository (compliance/profile), a .tar.gz made by `inspec archive`, or a git URL pinned to a ref (https://github.com/org/profile.git#v1.2.0)';
function parseProfileSpec(text, workspace) {
    const value = text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || SCP_LIKE_GIT.test(value)) {
        return parseRemote(value);
    }
    const path = (0,external_node_path_.resolve)(workspace, value);
    const display = (0,external_node_path_.relative)(workspace, path) || '.';
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new src_errors/* UserError */.yo(`Profile "${value}" was not found (looked for ${path}).`, {
            fix: `check the \`profile\` input, and that actions/checkout ran before this step. A profile is ${FORMS}.`,
        });
    }
    if ((0,external_node_fs_.statSync)(path).isDirectory()) {
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(path, 'inspec.yml'))) {
            throw new src_errors/* UserError */.yo(`Profile "${value}" is a directory without an inspec.yml.`, {
                fix: 'point at the profile directory itself (the one holding inspec.yml and controls/).',
                location: { file: display },
            });
        }
        return { kind: 'directory', path, display };
    }
    if (ARCHIVE.test(path))
        return { kind: 'archive', path, display };
    throw new src_errors/* UserError */.yo(`Profile "${value}" is a file but not a profile archive.`, {
        fix: `give ${FORMS}.`,
        location: { file: display },
    });
}
function parseRemote(value) {
    const hash = value.indexOf('#');
    const url = hash === -1 ? value : value.slice(0, hash);
    const ref = hash === -1 ? '' : value.slice(hash + 1);
    const display = hideCredentials(url) + (ref ? `#${ref}` : '');
    const isSsh = /^ssh:\/\//i.test(url) || SCP_LIKE_GIT.test(url);
    if (!HTTPS_URL.test(url) && !isSsh) {
        throw new src_errors/* UserError */.yo(`Profile "${display}" uses a transport inspec-verify does not fetch from.`, {
            fix: 'use an https:// or ssh:// URL (git@host:org/repo.git works too).',
        });
    }
    if (!ref && ARCHIVE.test(new URL(isSsh ? 'https://x' : url).pathname)) {
        return { kind: 'archive-url', url, display };
    }
    if (!ref) {
        throw new src_errors/* UserError */.yo(`Profile "${display}" is not pinned to a version.`, {
            fix: 'add the tag, branch or commit after "#", e.g. https://github.com/org/profile.git#v1.2.0, or use a versioned .tar.gz made by `inspec archive`.',
        });
    }
    if (!SAFE_REF.test(ref) || ref.startsWith('-') || ref.includes('..')) {
        throw new src_errors/* UserError */.yo(`The ref "${ref}" of profile ${display} is not a valid tag, branch or commit.`, {
            fix: 'use letters, digits, ".", "_", "-" and "/" only.',
        });
    }
    return { kind: 'git', url, ref, display };
}
/** Masks and hides a token written into a URL (https://x-access-token:TOKEN@host/…). */
function hideCredentials(url) {
    const match = /^(\w+:\/\/)([^@/]+)@/.exec(url);
    if (!match?.[2])
        return url;
    const [user, password] = match[2].split(':');
    if (password)
        maskSecret(password);
    else if (user)
        maskSecret(user); // a bare token as user name
    return url.replace(match[2], '***');
}
async function resolveProfile(spec, scratch, git = new ProfileGit()) {
    switch (spec.kind) {
        case 'directory':
            return { argument: spec.path, directory: spec.path, display: spec.display };
        case 'archive':
            return { argument: spec.path, directory: undefined, display: spec.display };
        case 'archive-url':
            return { argument: spec.url, directory: undefined, display: spec.display };
        case 'git': {
            const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(scratch, 'profile-'));
            const commit = await git.fetchRef(spec.url, spec.ref, dir, spec.display);
            src_core/* info */.pq(`Fetched profile ${spec.display} at commit ${commit}.`);
            return { argument: dir, directory: dir, display: spec.display, commit };
        }
    }
}

;// CONCATENATED MODULE: ./src/inspec/redact.ts


/** An input is sensitive when the workflow names it, its name looks like a secret, or the profile says so. */
function isSensitive(input, inputNames) {
    return (inputNames.has(input.name) || isSecretName(input.name) || input.options?.sensitive === true);
}
/**
 * A copy of the report safe to write anywhere: the values of sensitive
 * inputs replaced in the echoed `attributes`, whatever their length, and
 * every secret value cut out of all text (src/report/redact.ts), since a
 * failed expectation can quote it in its message.
 */
function redactReport(report, secrets) {
    const copy = secretCutter(secrets.values).cutDeep(report);
    for (const profile of copy.profiles) {
        for (const input of profile.attributes ?? []) {
            if (isSensitive(input, secrets.inputNames) && input.options && 'value' in input.options)
                input.options.value = REDACTED;
        }
    }
    return copy;
}
/**
 * The values of sensitive inputs as InSpec echoed them into `attributes`
 * (named by the workflow, named like a secret, or `sensitive: true` in
 * inspec.yml), so a value set by the profile itself is cut out of messages too.
 */
function sensitiveInputValues(report, inputNames) {
    const values = [];
    for (const profile of report.profiles) {
        for (const input of profile.attributes ?? []) {
            if (!isSensitive(input, inputNames))
                continue;
            values.push(...leaves(input.options?.value).filter((v) => v !== REDACTED));
        }
    }
    return values;
}
function leaves(node) {
    if (node === null || node === undefined)
        return [];
    if (typeof node === 'object')
        return Object.values(node).flatMap(leaves);
    return [String(node)];
}

;// CONCATENATED MODULE: ./src/inspec/report.ts

/** InSpec reports are a few MiB; a 5,000-control STIG run stays well under this. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/**
 * Parses and shape-checks a JSON report. Throws one UserError naming the
 * first field that is not what InSpec writes, so a json-min report, a
 * profile summary (`inspec json`) or an HDF file from another tool is
 * recognised for what it is instead of being judged as empty.
 */
function parseReport(text, source) {
    if (Buffer.byteLength(text, 'utf8') > MAX_REPORT_BYTES) {
        throw notAReport(source, `it is larger than ${MAX_REPORT_BYTES} bytes`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`${source} is not valid JSON: ${error.message}`, {
            fix: 'point at the file InSpec wrote with `--reporter json:PATH`.',
            location: { file: source },
            cause: error,
        });
    }
    const problem = shapeProblem(value);
    if (problem)
        throw notAReport(source, problem);
    return value;
}
function notAReport(source, why) {
    return new src_errors/* UserError */.yo(`${source} is not an InSpec JSON report: ${why}.`, {
        fix: 'use the output of `inspec exec … --reporter json:PATH` (json-min and `inspec json` lack the results the gate needs).',
        location: { file: source },
    });
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The first path that is missing or of the wrong type, or undefined. */
function shapeProblem(value) {
    if (!isObject(value))
        return 'the top level is not an object';
    if (!Array.isArray(value.profiles))
        return '"profiles" is missing';
    for (const [p, profile] of value.profiles.entries()) {
        const at = `profiles[${p}]`;
        if (!isObject(profile))
            return `${at} is not an object`;
        if (typeof profile.name !== 'string')
            return `${at}.name is missing`;
        if (!Array.isArray(profile.controls))
            return `${at}.controls is missing`;
        for (const [c, control] of profile.controls.entries()) {
            const where = `${at}.controls[${c}]`;
            if (!isObject(control))
                return `${where} is not an object`;
            if (typeof control.id !== 'string')
                return `${where}.id is missing`;
            if (typeof control.impact !== 'number')
                return `${where}.impact is not a number`;
            if (!Array.isArray(control.results)) {
                return `${where}.results is missing (a profile summary has no results)`;
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/summary.ts

/**
 * Writes to the job summary when the runner provides one; outside a runner
 * (a local run, the demo without GITHUB_STEP_SUMMARY) it prints nothing and
 * does not fail.
 */
async function writeSummary(build) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return false;
    src_core/* summary */.z.emptyBuffer();
    build(src_core/* summary */.z);
    await src_core/* summary */.z.write();
    return true;
}
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/** A Markdown table from a header row and data rows, escaped. */
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** `1 package`, `3 packages`: a count with its noun (`many` where it is not just an added s). */
function plural(count, word, many = `${word}s`) {
    return `${count} ${count === 1 ? word : many}`;
}

;// CONCATENATED MODULE: ./src/inspec/compare.ts
const FAILING = new Set(['failed', 'error', 'profile_error']);
function isFailing(status) {
    return FAILING.has(status);
}
/** What changed since a previous run of the same gate, by control id; linear in both runs. */
function compareRuns(current, previous) {
    const before = new Map(previous.map((c) => [c.id, c.status]));
    const comparison = {
        newFailures: [],
        fixed: [],
        nowUnchecked: [],
        stillFailing: 0,
        disappeared: [],
    };
    const seen = new Set();
    for (const control of current) {
        seen.add(control.id);
        const was = before.get(control.id);
        const failsNow = isFailing(control.status);
        const failedBefore = was !== undefined && isFailing(was);
        if (failsNow && failedBefore)
            comparison.stillFailing++;
        else if (failsNow)
            comparison.newFailures.push(control);
        else if (failedBefore && control.status === 'not_reviewed')
            comparison.nowUnchecked.push(control);
        else if (failedBefore)
            comparison.fixed.push({ control, before: was });
    }
    for (const control of previous) {
        if (!seen.has(control.id) && isFailing(control.status))
            comparison.disappeared.push(control.id);
    }
    return comparison;
}

;// CONCATENATED MODULE: ./src/inspec/summary.ts




/** GitHub caps a step summary at 1 MiB; long lists are cut well before that. */
const MAX_LISTED_CONTROLS = 100;
const MAX_MESSAGE_CHARS = 400;
const STATUS_LABEL = {
    passed: 'passed',
    failed: 'failed',
    not_applicable: 'not applicable (impact 0 or waived)',
    not_reviewed: 'not reviewed (skipped)',
    error: 'error',
    profile_error: 'no results (profile error)',
};
/** The job summary of a run that produced a report, in Markdown. */
function renderSummary(view) {
    const { gate } = view;
    const verdict = gate.ok ? '✅ Compliance gate passed' : '❌ Compliance gate failed';
    const parts = [
        `## ${verdict}: ${gate.compliance}% compliant`,
        `${view.tool} · target \`${view.target}\` · ${view.profiles.map(profileLabel).join(', ')} · thresholds from ${view.thresholdSource}`,
        countsTable(gate),
    ];
    if (view.notSelected > 0) {
        parts.push(`${view.notSelected} controls of dependencies were not selected by the wrapper profile and are not counted.`);
    }
    if (gate.violations.length > 0) {
        parts.push(`### Threshold violations (${gate.violations.length})`, gate.violations
            .map((v) => `- \`${v.key}\`${v.where?.line ? ` (${(0,src_errors/* formatLocation */.j$)(v.where)})` : ''}: ${v.message}`)
            .join('\n'));
    }
    const failing = view.controls.filter((c) => isFailing(c.status));
    if (failing.length > 0)
        parts.push(`### Failing controls (${failing.length})`, failingTable(failing));
    if (view.waivers.length > 0)
        parts.push(`### Waivers (${view.waivers.length})`, waiverTable(view.waivers));
    if (view.comparison)
        parts.push('### Compared with the previous report', comparisonText(view.comparison));
    return `${parts.join('\n\n')}\n`;
}
/** The job summary of a run that ended without a verdict (the message says why). */
function renderInfrastructureSummary(tool, target, message, fix) {
    return [
        '## ⚠️ Compliance was not evaluated',
        `${tool} · target \`${target}\``,
        message,
        fix ? `**How to fix:** ${fix}` : '',
    ]
        .filter(Boolean)
        .join('\n\n')
        .concat('\n');
}
/** The job summary when an input (threshold file, target, profile…) stopped the run before the scan. */
function renderInputErrorSummary(message, fix) {
    return [
        '## ❌ Compliance was not evaluated: an input needs fixing',
        message,
        fix ? `**How to fix:** ${fix}` : '',
    ]
        .filter(Boolean)
        .join('\n\n')
        .concat('\n');
}
function profileLabel(profile) {
    const status = profile.status && profile.status !== 'loaded' ? ` (${profile.status})` : '';
    return `profile \`${profile.name}\`${profile.version ? ` ${profile.version}` : ''}${status}`;
}
function countsTable(gate) {
    const header = ['Status', ...SEVERITIES, 'total'];
    const rows = STATUSES.map((status) => [
        STATUS_LABEL[status],
        ...SEVERITIES.map((s) => gate.counts.byStatusAndSeverity[status][s]),
        gate.counts.byStatus[status],
    ]);
    rows.push(['**all**', ...SEVERITIES.map((s) => totalFor(gate, s)), gate.counts.total]);
    return markdownTable(header, rows);
}
function totalFor(gate, severity) {
    return STATUSES.reduce((sum, status) => sum + gate.counts.byStatusAndSeverity[status][severity], 0);
}
function failingTable(failing) {
    const shown = failing.slice(0, MAX_LISTED_CONTROLS);
    const table = markdownTable(['Control', 'Severity', 'Status', 'Title', 'Messages'], shown.map((c) => [
        c.id,
        c.severity,
        STATUS_LABEL[c.status],
        c.title,
        clip(failureMessages(c).join('\n')),
    ]));
    return failing.length > shown.length
        ? `${table}\n\n… and ${failing.length - shown.length} more in the JSON report.`
        : table;
}
function waiverTable(waivers) {
    const rows = waivers
        .slice(0, MAX_LISTED_CONTROLS)
        .map((w) => [
        w.control.id,
        STATUS_LABEL[w.control.status],
        clip(w.justification),
        w.expirationDate ?? 'never',
        waiverState(w),
    ]);
    return markdownTable(['Control', 'Status', 'Justification', 'Expires', ''], rows);
}
function waiverState(waiver) {
    switch (waiver.state) {
        case 'expired':
            return '⛔ expired: the control counts again';
        case 'expiring':
            return `⚠️ expires ${waiver.daysLeft === 0 ? 'today' : `in ${waiver.daysLeft} day${waiver.daysLeft === 1 ? '' : 's'}`}`;
        case 'no-expiry':
            return 'no expiry date';
        case 'active':
            return `${waiver.daysLeft} days left`;
    }
}
function comparisonText(comparison) {
    const list = (controls) => controls
        .slice(0, MAX_LISTED_CONTROLS)
        .map((c) => `\`${c.id}\``)
        .join(', ');
    const lines = [
        `- **${comparison.newFailures.length} new failures**${comparison.newFailures.length ? `: ${list(comparison.newFailures)}` : ''}`,
        `- **${comparison.fixed.length} fixed**${comparison.fixed.length ? `: ${list(comparison.fixed.map((f) => f.control))}` : ''}`,
        `- ${comparison.stillFailing} still failing`,
    ];
    if (comparison.nowUnchecked.length) {
        lines.push(`- ${comparison.nowUnchecked.length} failing before and skipped now (not shown fixed): ${list(comparison.nowUnchecked)}`);
    }
    if (comparison.disappeared.length) {
        lines.push(`- ${comparison.disappeared.length} failing before and absent now: ${comparison.disappeared
            .slice(0, MAX_LISTED_CONTROLS)
            .map((id) => `\`${cell(id)}\``)
            .join(', ')}`);
    }
    return lines.join('\n');
}
function clip(text) {
    return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

;// CONCATENATED MODULE: ./src/inspec/target.ts


/** Train transports the gate accepts; `local` runs on the runner itself. */
const TARGET_SCHEMES = ['local', 'docker', 'ssh', 'winrm', 'k8s', 'k8s-container'];
const URL_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(.*)$/s;
/**
 * Checks the `target` input before anything runs: an unknown scheme would
 * otherwise surface as a Train plugin error after the profile was fetched.
 * A password written into the URL is masked at once.
 */
function parseTarget(text) {
    const value = text.trim();
    if (value === 'local' || value === 'local://')
        return { scheme: 'local', display: 'local', args: [] };
    const match = URL_FORM.exec(value);
    const scheme = match?.[1]?.toLowerCase();
    if (!match || !scheme || !TARGET_SCHEMES.includes(scheme)) {
        throw new src_errors/* UserError */.yo(match
            ? `Target "${value}" uses the scheme "${scheme}", which inspec-verify does not support.`
            : `Target "${value}" is not a target URL.`, {
            fix: 'use local, docker://<container>, ssh://<user>@<host>, winrm://<user>@<host>, k8s://<namespace> or k8s-container://<namespace>/<pod>/<container>.',
        });
    }
    const [, , user, password, rest = ''] = match;
    if (password) {
        maskSecret(password);
        maskSecret(decodeURIComponentSafe(password));
    }
    const display = password ? `${scheme}://${user ?? ''}:***@${rest}` : value;
    return { scheme: scheme, display, args: ['--target', value] };
}
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/manifest/suggest.ts
/**
 * The candidate closest to a mistyped word ("build_step" → "build_steps",
 * "node" → "nodejs", "Java" → "java"), or undefined when none is close enough
 * to be a likely typo.
 */
function closestMatch(word, candidates) {
    const typed = word.toLowerCase();
    let best;
    for (const candidate of candidates) {
        const known = candidate.toLowerCase();
        const distance = editDistance(typed, known);
        const longest = Math.max(typed.length, known.length);
        const isPrefix = Math.min(typed.length, known.length) >= 2 &&
            (known.startsWith(typed) || typed.startsWith(known));
        const isClose = distance <= 2 || distance <= longest * 0.4 || isPrefix;
        if (isClose && (!best || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./src/yaml-locations.ts

/**
 * Where each mapping key and each list item stands in a YAML text, by its
 * dotted path (`failed.critical.max` → line 3, column 5; `targets.1` → the
 * second item of `targets`), so a problem in a small configuration file can
 * be reported at file:line:column. Call it on text that already parsed: it
 * relies on the parser having accepted it.
 */
function yamlLocations(text, file) {
    const locations = new Map();
    const stack = [];
    const at = (path, offset) => locations.set(path.join('.'), { file, ...lineAndColumn(text, offset) });
    const valueDone = () => {
        const top = stack.at(-1);
        if (top?.kind === 'mapping')
            top.expectKey = true;
        else if (top?.kind === 'sequence')
            top.index++;
    };
    const childPath = (top) => {
        if (top?.kind === 'mapping')
            return [...top.path, top.key];
        if (top?.kind === 'sequence')
            return [...top.path, String(top.index)];
        return [];
    };
    for (const event of (0,js_yaml/* parseEvents */.PH)(text, { filename: file })) {
        const top = stack.at(-1);
        switch (event.type) {
            case js_yaml/* EVENT_ID */.hy.SCALAR:
                if (top?.kind === 'mapping' && top.expectKey) {
                    top.key = (0,js_yaml/* getScalarValue */.KE)(text, event);
                    top.expectKey = false;
                    at([...top.path, top.key], event.valueStart);
                }
                else {
                    if (top?.kind === 'sequence')
                        at(childPath(top), event.valueStart);
                    valueDone();
                }
                break;
            case js_yaml/* EVENT_ID */.hy.ALIAS:
                if (top?.kind === 'mapping' && top.expectKey)
                    top.expectKey = false;
                else
                    valueDone();
                break;
            case js_yaml/* EVENT_ID */.hy.MAPPING:
            case js_yaml/* EVENT_ID */.hy.SEQUENCE:
                if (top?.kind === 'mapping' && top.expectKey)
                    top.expectKey = false; // a complex key
                if (top?.kind === 'sequence')
                    at(childPath(top), event.start);
                stack.push({
                    kind: event.type === js_yaml/* EVENT_ID */.hy.MAPPING ? 'mapping' : 'sequence',
                    path: childPath(top),
                    expectKey: true,
                    key: '',
                    index: 0,
                });
                break;
            case js_yaml/* EVENT_ID */.hy.DOCUMENT:
                stack.push({ kind: 'document', path: [], expectKey: false, key: '', index: 0 });
                break;
            case js_yaml/* EVENT_ID */.hy.POP:
                if (stack.pop()?.kind !== 'document')
                    valueDone();
                break;
        }
    }
    return locations;
}
function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}

;// CONCATENATED MODULE: ./src/inspec/threshold.ts





/**
 * Threshold files in the MITRE SAF format (`saf validate threshold -T`):
 *
 *   compliance: {min: 80, max: 100}
 *   failed: {critical: {max: 0}, total: {max: 2}}
 *   passed: {high: {controls: [SV-1]}}     # exactly these controls
 *   error: {total: 0}                      # a number alone means "equals"
 *
 * or the same keys flattened (`failed.critical.max: 0`). Unlike the SAF CLI
 * this reader fails closed: an unknown or misspelt key, a bound that is not
 * a whole number, or an empty file is an error at file:line, and `min` and
 * `max` given together are both kept.
 */
const THRESHOLD_STATUSES = ['passed', 'failed', 'skipped', 'no_impact', 'error'];
const SCOPES = ['critical', 'high', 'medium', 'low', 'total'];
/** `none` is a severity only not-applicable controls can have a bound on, as in SAF. */
const NO_IMPACT_SCOPES = [...SCOPES, 'none'];
const BOUNDS = ['min', 'max', 'controls'];
const MAX_THRESHOLD_BYTES = 1024 * 1024;
/**
 * Used when no threshold file is given: nothing may fail or error, and at
 * least one control must pass (a run where everything was skipped checked
 * nothing, which InSpec reports as a success with exit code 101).
 */
function defaultThreshold() {
    const where = { file: 'the default threshold (no `threshold` input)' };
    return {
        source: where.file,
        rules: [
            { kind: 'max', status: 'failed', scope: 'total', value: 0, key: 'failed.total.max', where },
            { kind: 'max', status: 'error', scope: 'total', value: 0, key: 'error.total.max', where },
            { kind: 'min', status: 'passed', scope: 'total', value: 1, key: 'passed.total.min', where },
        ],
    };
}
async function readThresholdFile(path, displayPath = path) {
    const text = await readNamedFile(path, displayPath, 'threshold file', 'check the `threshold` input: it is a path relative to the repository root.');
    return parseThreshold(text, displayPath);
}
function parseThreshold(text, source) {
    const blank = text.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
    const value = blank ? undefined : (0,yaml/* parseYaml */.hN)(text, source, { maxBytes: MAX_THRESHOLD_BYTES });
    if (value === null || value === undefined || isEmptyMapping(value)) {
        throw new src_errors/* UserError */.yo(`The threshold file ${source} is empty.`, {
            fix: 'write at least one threshold (e.g. `failed: {total: {max: 0}}`), or drop the `threshold` input to use the default; an empty gate would pass every report.',
            location: { file: source, line: 1 },
        });
    }
    if (!isMapping(value)) {
        throw new src_errors/* UserError */.yo(`The threshold file ${source} must be a YAML mapping of statuses to bounds.`, {
            fix: 'write it like `failed: {critical: {max: 0}}`.',
            location: { file: source, line: 1 },
        });
    }
    const locations = yamlLocations(text, source);
    const problems = [];
    const rules = [];
    for (const leaf of threshold_leaves(expandFlatKeys(value, source, locations, problems))) {
        const rule = toRule(leaf.path, leaf.value, (depth) => locate(leaf.path.slice(0, depth), leaf.path, locations, source), problems);
        if (rule)
            rules.push(rule);
    }
    if (problems.length > 0) {
        problems.sort(src_errors/* byLocation */.HC);
        throw new src_errors/* UserErrors */.tQ(`${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the threshold file ${source} (nothing was evaluated):`, problems);
    }
    return { source, rules };
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isEmptyMapping(value) {
    return isMapping(value) && Object.keys(value).length === 0;
}
/**
 * SAF's flat form and the nested form mixed at any level:
 * `failed.critical.max: 0` becomes `failed: {critical: {max: 0}}`.
 */
function expandFlatKeys(value, source, locations, problems, prefix = []) {
    const expanded = {};
    for (const [key, child] of Object.entries(value)) {
        const path = [...prefix, ...key.split('.')];
        const inner = isMapping(child)
            ? expandFlatKeys(child, source, locations, problems, path)
            : child;
        if (!mergeAt(expanded, key.split('.'), inner)) {
            problems.push(new src_errors/* UserError */.yo(`"${path.join('.')}" is given twice (flattened and nested).`, {
                location: locate(path, path, locations, source),
                fix: 'keep one of them.',
            }));
        }
    }
    return expanded;
}
/** Sets `value` at `path`, merging mappings; false when a value is already there. */
function mergeAt(root, path, value) {
    let node = root;
    for (const segment of path.slice(0, -1)) {
        node[segment] ??= {};
        const next = node[segment];
        if (!isMapping(next))
            return false;
        node = next;
    }
    const last = path.at(-1) ?? '';
    const existing = node[last];
    if (existing === undefined) {
        node[last] = value;
        return true;
    }
    if (isMapping(existing) && isMapping(value)) {
        return Object.entries(value).every(([key, child]) => mergeAt(existing, [key], child));
    }
    return false;
}
/** Scalars, lists and empty mappings with their paths; a `controls` list is one leaf. */
function* threshold_leaves(node, path = []) {
    for (const [key, value] of Object.entries(node)) {
        if (isMapping(value) && Object.keys(value).length > 0)
            yield* threshold_leaves(value, [...path, key]);
        else
            yield { path: [...path, key], value };
    }
}
/**
 * Where the first segments of a path are written. A flattened key
 * (`failed.critcal.max: 0`) is only known by its full text, so a longer
 * path stands in when the prefix itself was never written.
 */
function locate(path, full, locations, source) {
    for (let length = path.length; length <= full.length; length++) {
        const found = locations.get(full.slice(0, length).join('.'));
        if (found)
            return found;
    }
    return { file: source };
}
/** `locateAt(n)` is where the first n segments of the path are written. */
function toRule(path, value, locateAt, problems) {
    const key = path.join('.');
    const where = locateAt(path.length);
    const problemAt = (depth) => (message, fix) => {
        problems.push(new src_errors/* UserError */.yo(message, { location: locateAt(depth), fix }));
        return undefined;
    };
    const problem = problemAt(path.length);
    const [first = '', second, third, ...rest] = path;
    if (first === 'compliance') {
        if ((second === 'min' || second === 'max') && third === undefined) {
            if (!isCount(value, 100)) {
                return problem(`${key} must be a whole percentage from 0 to 100, not ${show(value)}.`, `write e.g. \`${key}: 80\`.`);
            }
            return { kind: second === 'min' ? 'compliance-min' : 'compliance-max', value, key, where };
        }
        return unknownKey(key, 'did you mean compliance.min or compliance.max?', problemAt(2));
    }
    if (!isStatus(first)) {
        const guess = closestMatch(first, [...THRESHOLD_STATUSES, 'compliance']);
        return unknownKey(key, guess ? `did you mean ${guess}.…?` : 'the first part must be compliance or a status.', problemAt(1));
    }
    const scopes = first === 'no_impact' ? NO_IMPACT_SCOPES : SCOPES;
    if (second === undefined || !scopes.includes(second)) {
        const guess = second === undefined ? undefined : closestMatch(second, scopes);
        const hint = second === 'none'
            ? 'severity "none" has bounds only under no_impact, as in SAF (no_impact.none.max).'
            : `did you mean ${first}.${guess ?? `<${scopes.join('|')}>`}?`;
        return unknownKey(key, hint, problemAt(2));
    }
    const status = first;
    const scope = second;
    if (third === undefined) {
        if (!isCount(value)) {
            return problem(`${key} must be a whole number (it means "exactly"), or a mapping of min, max and controls; got ${show(value)}.`, `write e.g. \`${key}: 0\` or \`${key}: {max: 0}\`.`);
        }
        return { kind: 'equals', status, scope, value, key, where };
    }
    if (rest.length > 0 || !BOUNDS.includes(third)) {
        const guess = closestMatch(third, BOUNDS);
        return unknownKey(key, `did you mean ${first}.${second}.${guess ?? '<min|max|controls>'}?`, problemAt(3));
    }
    if (third === 'controls') {
        if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id !== '')) {
            return problem(`${key} must be a list of control ids, not ${show(value)}.`, `write e.g. \`${key}: [SV-230221]\`.`);
        }
        return { kind: 'controls', status, scope, ids: [...new Set(value)], key, where };
    }
    if (!isCount(value)) {
        return problem(`${key} must be a whole number of controls, not ${show(value)}.`, `write e.g. \`${key}: 0\`.`);
    }
    return { kind: third, status, scope, value, key, where };
}
function unknownKey(key, suggestion, problem) {
    return problem(`Unknown threshold key "${key}".`, `${suggestion} Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses ${THRESHOLD_STATUSES.join(', ')}.`);
}
function isStatus(value) {
    return THRESHOLD_STATUSES.includes(value);
}
function isCount(value, max = Number.MAX_SAFE_INTEGER) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
function show(value) {
    return value === null ? 'nothing' : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/inspec/verdict.ts




const TARGET_FIX = 'check the `target` input, its credentials, and that the runner can reach it; the lines above from InSpec say what it tried.';
/**
 * Decides whether a scan produced something to judge, from its exit code and
 * its report together; the compliance verdict itself comes from the gate, not
 * from InSpec's 100/101. Anything that leaves compliance unknown is an
 * InfrastructureFailure: a bad target or usage (1), a profile that did not
 * load (102, or status "failed"), a profile skipped on this platform, no
 * report, no controls, or controls none of which produced a result.
 */
/**
 * The report the tool wrote to the path this action chose: one that is not
 * complete JSON (it ends early: the tool died or was killed while writing) or
 * not a report is the tool's failure, never a configuration error.
 */
function readOwnReport(text, scan, label) {
    try {
        return parseReport(text, 'the InSpec report');
    }
    catch (error) {
        if (!(0,src_errors/* isUserError */.iU)(error))
            throw error;
        const size = Buffer.byteLength(text, 'utf8');
        throw new failures/* InfrastructureFailure */.q(`${label} exited with code ${scan.exitCode} and left an unreadable report (${size} bytes; it ends early or is not an InSpec report: ${error.message})${tail(scan.stderr)}`, {
            fix: `the tool stopped while writing its report (killed, out of memory or disk space): see its output above and the runner's resources, and re-run the job.`,
            cause: error,
        });
    }
}
function judgeScan(scan, reportText, label) {
    if (scan.meaning === 'usage-or-target') {
        throw new failures/* InfrastructureFailure */.q(`${label} could not run the profile on the target (exit code 1)${tail(scan.stderr)}`, { fix: TARGET_FIX });
    }
    const report = reportText === undefined ? undefined : readOwnReport(reportText, scan, label);
    const failed = report?.profiles.find((p) => p.status === 'failed');
    if (scan.meaning === 'profile-failed' || failed) {
        const why = failed?.status_message?.trim() || lastLines(scan.stderr) || 'no reason given';
        throw new failures/* InfrastructureFailure */.q(`the profile${failed ? ` "${failed.name}"` : ''} failed to load (exit code ${scan.exitCode}): ${why}`, {
            fix: 'run `inspec check` (or `cinc-auditor check`) on the profile and fix the error it reports.',
        });
    }
    if (!['clean', 'failed-controls', 'skipped-only'].includes(scan.meaning)) {
        throw new failures/* InfrastructureFailure */.q(`${label} exited with code ${scan.exitCode}${tail(scan.stderr)}`, {
            fix: 'see the output above; re-run with ACTIONS_STEP_DEBUG=true for the full command.',
        });
    }
    if (!report) {
        throw new failures/* InfrastructureFailure */.q(`${label} exited with code ${scan.exitCode} but wrote no JSON report${tail(scan.stderr)}`, {
            fix: 'check that the runner can write to RUNNER_TEMP and that the tool is a real InSpec or CINC Auditor.',
        });
    }
    const skipped = report.profiles.filter((p) => p.status === 'skipped' && p.parent_profile === undefined);
    if (skipped.length > 0 &&
        skipped.length === report.profiles.filter((p) => !p.parent_profile).length) {
        const why = skipped
            .map((p) => `${p.name}: ${p.skip_message || p.status_message || 'skipped'}`)
            .join('; ');
        throw new failures/* InfrastructureFailure */.q(`the profile was skipped on this target (${why}).`, {
            fix: 'run it against a platform the profile supports (see `supports:` in its inspec.yml), or fix the target.',
        });
    }
    const collected = collectControls(report);
    if (collected.controls.length === 0) {
        throw new failures/* InfrastructureFailure */.q('the report has no controls: nothing was verified.', {
            fix: 'check that the profile has controls and that none of its filters (--controls, require_controls) excluded all of them.',
        });
    }
    if (collected.controls.every((c) => c.results.length === 0)) {
        throw new failures/* InfrastructureFailure */.q(`none of the ${collected.controls.length} controls produced a result: nothing ran on the target.`, {
            fix: 'check the profile against the target by hand; an empty describe block or a crashed transport looks like this.',
        });
    }
    return { report, collected };
}
function lastLines(text, count = 5) {
    return text.trim().split('\n').slice(-count).join('\n').trim();
}
function tail(stderr) {
    const lines = lastLines(stderr);
    return lines ? `:\n${lines}` : '.';
}

;// CONCATENATED MODULE: ./schema/default.schema.json
const default_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json","title":"default.json","description":"The application manifest of pipeline-actions: what the application is and how it is built, published and deployed. Comments (// and /* */) and trailing commas are accepted.","type":"object","additionalProperties":false,"required":["namespace","application"],"properties":{"$schema":{"title":"JSON Schema","description":"The schema editors validate this file against.","type":"string","examples":["https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json"]},"namespace":{"title":"Base namespace","description":"The team\'s base Kubernetes namespace. Each environment gets its own namespace derived from it: <namespace>-dev, <namespace>-stage and <namespace>-prod, unless `environments` says otherwise. A DNS-1123 label of at most 57 characters, so that <namespace>-stage fits Kubernetes\' 63.","$ref":"#/$defs/namespace","examples":["payments"]},"application":{"title":"Application","description":"What the application is: its name, its type and its version.","type":"object","additionalProperties":false,"required":["name","type","version"],"properties":{"name":{"title":"Application name","description":"The application\'s name, used for the image, the chart and the Helm release. A DNS-1123 label (lowercase letters, digits and \'-\') of at most 53 characters, Helm\'s limit for release names.","$ref":"#/$defs/applicationName","examples":["checkout-api"]},"type":{"title":"Application type","description":"What kind of application this is. It chooses the standard chart profile, the probes and the runtime image.","type":"string","enum":["http_html","http_api","worker","static_html","cronjob"],"examples":["http_api"]},"version":{"title":"Version","description":"An exact semantic version such as \\"3.2.1\\", or an X-range such as \\"3.x.x\\", \\"3.2.x\\" or \\"3.x\\": the next version in that range not yet published is used.","$ref":"#/$defs/version","examples":["1.0.x"]}},"examples":[{"name":"checkout-api","type":"http_api","version":"1.0.x"}]},"build":{"title":"Build","description":"How the application is built: the toolchains it needs and the steps to run. Leave it out when the artifacts are already in the repository.","type":"object","additionalProperties":false,"properties":{"system_setup":{"title":"System setup","description":"What the build machine needs.","type":"object","additionalProperties":false,"properties":{"buildfacts":{"title":"Build facts","description":"The toolchains the build needs; they choose the standard builder image. Either an object from toolchain to version ({\\"java\\": \\"17\\"}) or a list of toolchain names ([\\"java\\", \\"nodejs\\"]) to take the builder\'s default versions.","type":["object","array"],"additionalProperties":false,"properties":{"java":{"title":"Java","description":"JDK version, such as \\"17\\" or \\"21\\".","$ref":"#/$defs/toolchainVersion"},"nodejs":{"title":"Node.js","description":"Node.js version, such as \\"20\\" or \\"22\\".","$ref":"#/$defs/toolchainVersion"},"go":{"title":"Go","description":"Go version, such as \\"1.22\\".","$ref":"#/$defs/toolchainVersion"},"python":{"title":"Python","description":"Python version, such as \\"3.12\\" (write it as a string: the number 3.10 would read as 3.1).","$ref":"#/$defs/toolchainVersion"},"dotnet":{"title":".NET","description":".NET SDK version, such as \\"8.0\\".","$ref":"#/$defs/toolchainVersion"},"ruby":{"title":"Ruby","description":"Ruby version, such as \\"3.3\\".","$ref":"#/$defs/toolchainVersion"},"rust":{"title":"Rust","description":"Rust toolchain, such as \\"1.79\\" or \\"stable\\".","$ref":"#/$defs/toolchainVersion"},"php":{"title":"PHP","description":"PHP version, such as \\"8.3\\".","$ref":"#/$defs/toolchainVersion"},"shell":{"title":"Shell","description":"POSIX shell tools only; the version is usually \\"default\\".","$ref":"#/$defs/toolchainVersion"}},"items":{"title":"Toolchain","description":"A toolchain the build needs, at the builder\'s default version.","type":"string","enum":["java","nodejs","go","python","dotnet","ruby","rust","php","shell"]},"uniqueItems":true,"examples":[{"java":"17","nodejs":"20"},["java","nodejs"]]}}},"build_steps":{"title":"Build steps","description":"The steps of the build, run in order. Each step is an object with exactly one key naming its kind: shell, gradle, maven, npm, go, pip or make.","type":"array","items":{"$ref":"#/$defs/buildStep"},"examples":[[{"shell":"./scripts/prepare.sh"},{"gradle":{"useWrapper":true,"tasks":"clean build"}}]]}},"examples":[{"system_setup":{"buildfacts":{"java":"17"}},"build_steps":[{"gradle":{"tasks":"build"}}]}]},"build_command":{"title":"Build command","description":"One shell command that builds the application, for builds too simple for build.build_steps. Give one or the other, not both.","type":"string","minLength":1,"examples":["make release"]},"artifacts":{"title":"Artifacts","description":"The path, or list of paths, that go into the runtime image, relative to the repository root (globs allowed). Never absolute and never through \'..\': nothing outside the repository.","type":["string","array"],"if":{"type":"string"},"then":{"$ref":"#/$defs/artifactPath"},"else":{"minItems":1,"items":{"$ref":"#/$defs/artifactPath"}},"examples":[["build/libs/app.jar"],"dist"]},"services":{"title":"Services","description":"How the application is reached and scaled: one entry per service.","type":"array","items":{"$ref":"#/$defs/service"},"examples":[[{"name":"checkout","external_url":"checkout.example.com","instances":{"min":2,"max":6}}]]},"environments":{"title":"Environments","description":"Per-environment settings, by environment name. dev, stage and prod always exist; name others here to add them. Each may set the namespace it deploys to instead of <namespace>-<environment>.","type":"object","propertyNames":{"$ref":"#/$defs/environmentName"},"additionalProperties":{"$ref":"#/$defs/environment"},"examples":[{"prod":{"namespace":"payments"}}]}},"$defs":{"dnsLabel":{"description":"A DNS-1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"namespace":{"description":"A DNS-1123 label of at most 57 characters, so that <namespace>-stage fits Kubernetes\' 63.","type":"string","minLength":1,"maxLength":57,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"applicationName":{"description":"A DNS-1123 label of at most 53 characters (Helm\'s limit for release names).","type":"string","minLength":1,"maxLength":53,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"serviceName":{"description":"A DNS-1035 label (Kubernetes\' rule for Service names): lowercase letters, digits and \'-\', starting with a letter, ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z]([-a-z0-9]*[a-z0-9])?$"},"environmentName":{"description":"An environment name: a DNS-1123 label such as dev, stage, prod or qa.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"version":{"description":"An exact semantic version (3.2.1, 3.2.1-rc.1) or an X-range (3.x, 3.x.x, 3.2.x).","type":"string","minLength":1,"maxLength":256,"pattern":"^(?:(?:0|[1-9][0-9]*)\\\\.(?:0|[1-9][0-9]*)\\\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\\\+[0-9a-zA-Z-]+(?:\\\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\\\.[xX*](?:\\\\.[xX*])?|(?:0|[1-9][0-9]*)\\\\.(?:0|[1-9][0-9]*)\\\\.[xX*])$"},"toolchainVersion":{"description":"A toolchain version such as \\"17\\", \\"3.12\\", \\"1.22.x\\", \\"lts\\" or \\"default\\".","type":"string","minLength":1,"maxLength":64,"pattern":"^[0-9A-Za-z][0-9A-Za-z._+-]*$"},"artifactPath":{"description":"A path relative to the repository root, globs allowed: not absolute, not starting with \'~\', no \'..\' segment.","type":"string","minLength":1,"maxLength":4096,"pattern":"^(?![/\\\\\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\\\\\])?\\\\.\\\\.(?:[/\\\\\\\\]|$))[^\\\\u0000-\\\\u001f]+$"},"buildStep":{"title":"Build step","description":"One step of the build: an object with exactly one key naming its kind.","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"shell":{"title":"Shell step","description":"A command run by sh in the repository root, such as \\"./scripts/prepare.sh\\".","type":"string","minLength":1,"examples":["./scripts/prepare.sh"]},"gradle":{"title":"Gradle step","description":"Runs Gradle: gradle <tasks>, or ./gradlew <tasks> with useWrapper.","type":"object","additionalProperties":false,"required":["tasks"],"properties":{"tasks":{"title":"Tasks","description":"The tasks and options, separated by spaces, such as \\"clean build\\".","type":"string","minLength":1,"examples":["clean build"]},"useWrapper":{"title":"Use the Gradle wrapper","description":"Run the repository\'s ./gradlew instead of the builder image\'s gradle.","type":"boolean","default":false}},"examples":[{"useWrapper":true,"tasks":"clean build"}]},"maven":{"title":"Maven step","description":"Runs Maven: mvn <goals>, or ./mvnw <goals> with useWrapper.","type":"object","additionalProperties":false,"required":["goals"],"properties":{"goals":{"title":"Goals","description":"The goals and options, separated by spaces, such as \\"clean package -DskipTests\\".","type":"string","minLength":1,"examples":["clean package"]},"useWrapper":{"title":"Use the Maven wrapper","description":"Run the repository\'s ./mvnw instead of the builder image\'s mvn.","type":"boolean","default":false}},"examples":[{"goals":"clean package","useWrapper":true}]},"npm":{"title":"npm step","description":"Runs npm: either a package.json script (npm run <script>) or an npm command (npm <command>), exactly one of the two.","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"script":{"title":"Script","description":"A script from package.json, run as npm run <script>, such as \\"build\\".","type":"string","minLength":1,"examples":["build"]},"command":{"title":"Command","description":"An npm command and its arguments, run as npm <command>, such as \\"ci\\" or \\"test -- --ci\\".","type":"string","minLength":1,"examples":["ci"]}},"examples":[{"script":"build"}]},"go":{"title":"Go step","description":"Runs the go tool: go <command>.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A go command and its arguments, such as \\"build -o bin/server ./cmd/server\\" or \\"test ./...\\".","type":"string","minLength":1,"examples":["build -o bin/server ./cmd/server"]}},"examples":[{"command":"build ./..."}]},"pip":{"title":"pip step","description":"Runs pip with the builder\'s Python: python3 -m pip <command>, never asking for input.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A pip command and its arguments, such as \\"install --target dist/site-packages -r requirements.txt\\".","type":"string","minLength":1,"examples":["install --target dist/site-packages -r requirements.txt"]}},"examples":[{"command":"install --target dist/site-packages -r requirements.txt"}]},"make":{"title":"Make step","description":"Runs make: make <targets>, or the default target when targets is left out.","type":"object","additionalProperties":false,"properties":{"targets":{"title":"Targets","description":"The targets and variables, separated by spaces, such as \\"clean release\\".","type":"string","minLength":1,"examples":["release"]}},"examples":[{"targets":"release"}]}},"examples":[{"shell":"./build.sh"},{"gradle":{"useWrapper":true,"tasks":"clean build"}}]},"service":{"title":"Service","description":"How the application is reached and how far it scales.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"title":"Service name","description":"The Kubernetes Service name, unique in this file. A DNS-1035 label: lowercase letters, digits and \'-\', starting with a letter, at most 63 characters.","$ref":"#/$defs/serviceName","examples":["checkout"]},"external_url":{"title":"External URL","description":"The ingress host the service answers on: a hostname such as \\"checkout.example.com\\" or an https URL with an optional path such as \\"https://example.com/checkout\\". Leave it out for a service that is only reached inside the cluster.","$ref":"#/$defs/externalUrl","examples":["checkout.example.com"]},"application":{"title":"Application","description":"The application behind the service, as <namespace>/<application name>, where namespace is this file\'s namespace. Defaults to this file\'s application.","$ref":"#/$defs/serviceApplication","examples":["payments/checkout-api"]},"instances":{"title":"Instances","description":"The bounds of the autoscaler. min defaults to 1 and max to min (or 1 when min is 0).","type":"object","additionalProperties":false,"properties":{"min":{"title":"Minimum instances","description":"The fewest replicas to run; 0 allows scaling to zero.","type":"integer","minimum":0,"default":1},"max":{"title":"Maximum instances","description":"The most replicas to run; at least min.","type":"integer","minimum":1}},"examples":[{"min":2,"max":6}]}},"examples":[{"name":"checkout","external_url":"checkout.example.com","instances":{"min":2,"max":6}}]},"externalUrl":{"description":"A lowercase hostname (a leading \'*.\' is allowed) or an https:// URL made of such a host and an optional path; no port, query or fragment.","type":"string","minLength":1,"maxLength":2048,"pattern":"^(?:https://)?(?:\\\\*\\\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\\\s?#]*)?$"},"serviceApplication":{"description":"<namespace>/<application name>: two DNS-1123 labels separated by \'/\'.","type":"string","minLength":1,"maxLength":127,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"environment":{"title":"Environment","description":"Settings of one environment.","type":"object","additionalProperties":false,"properties":{"namespace":{"title":"Namespace","description":"The namespace this environment deploys to, instead of <namespace>-<environment>. A DNS-1123 label.","$ref":"#/$defs/dnsLabel","examples":["payments"]}},"examples":[{"namespace":"payments"}]}}}');
;// CONCATENATED MODULE: ./src/manifest/json-path.ts
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** `$.services[0].instances.min`; keys that aren't identifiers as `$["odd key"]`. */
function formatJsonPath(path) {
    let text = '$';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else if (IDENTIFIER.test(segment))
            text += `.${segment}`;
        else
            text += `[${JSON.stringify(segment)}]`;
    }
    return text;
}
/** Ajv's instancePath (a JSON pointer, RFC 6901) as a path; numeric segments of arrays become numbers. */
function jsonPointerToPath(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let current = data;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
        if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
            const index = Number(segment);
            path.push(index);
            current = current[index];
        }
        else {
            path.push(segment);
            current = isPlainObject(current) ? current[segment] : undefined;
        }
    }
    return path;
}
/** Whether `path` matches `pattern`, where `*` in the pattern stands for any one segment. */
function pathMatches(path, pattern) {
    return (path.length === pattern.length &&
        pattern.every((segment, i) => segment === '*' || segment === path[i]));
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const PREVIEW_LENGTH = 60;
/** A short, quoted rendering of a value for messages: `"3.2"`, `17`, `an object`. */
function previewValue(value) {
    if (typeof value === 'string') {
        const quoted = JSON.stringify(value);
        return quoted.length <= PREVIEW_LENGTH ? quoted : `${quoted.slice(0, PREVIEW_LENGTH - 2)}…"`;
    }
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : 'a list';
    if (isPlainObject(value))
        return 'an object';
    return String(value);
}
/** The JSON type name used in messages: "a string", "a number", "a list", "an object". */
function describeJsonType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'a whole number' : 'a number';
    if (typeof value === 'boolean')
        return 'a boolean';
    return `a ${typeof value}`;
}
/** A value as one line of JSON with spaces, for "such as" examples in fixes. */
function inlineJson(value) {
    if (Array.isArray(value))
        return `[${value.map(inlineJson).join(', ')}]`;
    if (isPlainObject(value)) {
        const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
        return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
    }
    return JSON.stringify(value) ?? String(value);
}

;// CONCATENATED MODULE: ./src/manifest/published-schema.ts


/** schema/default.schema.json, the published schema, as the loader uses it. */
const MANIFEST_SCHEMA = default_schema_namespaceObject;
/** A definition under `$defs`, such as "version" or "artifactPath". */
function schemaDefinition(name) {
    const defs = MANIFEST_SCHEMA.$defs;
    const definition = isPlainObject(defs) ? defs[name] : undefined;
    return isPlainObject(definition) ? definition : undefined;
}
/** Whether `value` satisfies the string rules (pattern, length) of a `$defs` definition. */
function matchesDefinition(name, value) {
    const definition = schemaDefinition(name);
    if (!definition)
        return false;
    // JSON Schema counts length in code points; the schema's patterns use Unicode mode, as Ajv does.
    const length = [...value].length;
    const { pattern, minLength, maxLength } = definition;
    return ((typeof minLength !== 'number' || length >= minLength) &&
        (typeof maxLength !== 'number' || length <= maxLength) &&
        (typeof pattern !== 'string' || new RegExp(pattern, 'u').test(value)));
}

;// CONCATENATED MODULE: ./src/manifest/checks.ts



/**
 * Rules the schema can't express because they relate two fields. They read
 * the raw, possibly invalid manifest and check only what is well-typed, so
 * they run in the same pass as the schema and their problems join its list.
 */
function crossFieldProblems(manifest) {
    if (!isPlainObject(manifest))
        return [];
    return [
        ...buildCommandProblems(manifest),
        ...serviceProblems(manifest),
        ...environmentProblems(manifest),
    ];
}
function buildCommandProblems(manifest) {
    const steps = isPlainObject(manifest.build) ? manifest.build.build_steps : undefined;
    if (typeof manifest.build_command !== 'string' || !Array.isArray(steps) || steps.length === 0)
        return [];
    return [
        {
            path: ['build_command'],
            at: 'key',
            message: 'build_command is given as well as build.build_steps, so it would never run.',
            fix: 'move the command into the steps as { "shell": "…" }, or remove one of the two.',
        },
    ];
}
function serviceProblems(manifest) {
    if (!Array.isArray(manifest.services))
        return [];
    const problems = [];
    const firstIndexByName = new Map();
    const namespace = validNamespace(manifest);
    manifest.services.forEach((service, index) => {
        if (!isPlainObject(service))
            return;
        if (typeof service.name === 'string') {
            const first = firstIndexByName.get(service.name);
            if (first === undefined)
                firstIndexByName.set(service.name, index);
            else {
                problems.push({
                    path: ['services', index, 'name'],
                    message: `${JSON.stringify(service.name)} is already the name of $.services[${first}].`,
                    fix: 'give every service its own name.',
                });
            }
        }
        const instances = service.instances;
        if (isPlainObject(instances) &&
            Number.isInteger(instances.min) &&
            Number.isInteger(instances.max)) {
            const [min, max] = [instances.min, instances.max];
            if (min > max) {
                problems.push({
                    path: ['services', index, 'instances', 'min'],
                    message: `min (${min}) is greater than max (${max}).`,
                    fix: `lower min to ${max} or less, or raise max to ${min} or more.`,
                });
            }
        }
        const application = service.application;
        if (namespace && typeof application === 'string' && application.includes('/')) {
            const [serviceNamespace, app] = application.split('/');
            if (serviceNamespace !== namespace) {
                problems.push({
                    path: ['services', index, 'application'],
                    message: `${JSON.stringify(application)} is in namespace "${serviceNamespace}", but this manifest's namespace is "${namespace}".`,
                    fix: `write ${JSON.stringify(`${namespace}/${app}`)}: a service can only route to applications of its own team.`,
                });
            }
        }
    });
    return problems;
}
function environmentProblems(manifest) {
    const namespace = validNamespace(manifest);
    if (namespace === undefined)
        return [];
    const configured = isPlainObject(manifest.environments) ? manifest.environments : {};
    const problems = [];
    const claimedBy = new Map();
    const names = [...new Set([...DEFAULT_ENVIRONMENTS, ...Object.keys(configured)])];
    for (const name of names) {
        const settings = configured[name];
        const override = isPlainObject(settings) ? settings.namespace : undefined;
        if (override !== undefined && typeof override !== 'string')
            continue;
        const derived = `${namespace}-${name}`;
        const target = override ?? derived;
        if (override === undefined &&
            derived.length > MAX_NAMESPACE_LENGTH &&
            DNS_1123_LABEL.test(name)) {
            problems.push({
                path: ['environments', name],
                at: 'key',
                message: `the namespace derived for "${name}", "${derived}", is ${derived.length} characters long; Kubernetes allows ${MAX_NAMESPACE_LENGTH}.`,
                fix: `set a shorter one: "${name}": { "namespace": "…" }, or shorten the environment name.`,
            });
        }
        const other = claimedBy.get(target);
        if (!other) {
            claimedBy.set(target, { name, isOverride: override !== undefined });
            continue;
        }
        // Point at the override that causes the clash, not at an environment the file never mentions.
        const culprit = override !== undefined || !other.isOverride ? name : other.name;
        problems.push({
            path: ['environments', culprit, 'namespace'],
            message: `environments "${other.name}" and "${name}" would both deploy to namespace "${target}".`,
            fix: 'give each environment its own namespace, or one deploy would overwrite the other.',
        });
    }
    return problems;
}
/** The namespace, when the schema accepts it: a rejected one is reported once, not once per use. */
function validNamespace(manifest) {
    const namespace = manifest.namespace;
    return typeof namespace === 'string' && matchesDefinition('namespace', namespace)
        ? namespace
        : undefined;
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/manifest/jsonc.ts

// jsonc-parser's SyntaxKind is an ambient const enum, which isolatedModules can't read.
const TOKEN = {
    openBrace: 1,
    closeBrace: 2,
    openBracket: 3,
    closeBracket: 4,
    eof: 17,
};
/**
 * Far deeper than any manifest (which needs about six levels), and far below
 * what makes the recursive parser overflow the stack.
 */
const MAX_NESTING_DEPTH = 64;
function parseJsonc(text) {
    const lineStarts = lineStartOffsets(text);
    const tooDeepAt = firstTooDeepBracket(text);
    if (tooDeepAt !== undefined)
        return { text, root: undefined, syntaxErrors: [], lineStarts, tooDeepAt };
    const syntaxErrors = [];
    // Comments and trailing commas are how people really write default.json.
    const root = (0,main.parseTree)(text, syntaxErrors, {
        allowTrailingComma: true,
        disallowComments: false,
        allowEmptyContent: false,
    });
    return { text, root, syntaxErrors, lineStarts, tooDeepAt };
}
function firstTooDeepBracket(text) {
    const scanner = (0,main.createScanner)(text, true);
    let depth = 0;
    for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
        if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
            if (++depth > MAX_NESTING_DEPTH)
                return scanner.getTokenOffset();
        }
        else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
            depth = Math.max(0, depth - 1);
        }
    }
    return undefined;
}
function lineStartOffsets(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const char = text.charCodeAt(i);
        if (char === 0x0d && text.charCodeAt(i + 1) === 0x0a)
            i++;
        if (char === 0x0a || char === 0x0d)
            starts.push(i + 1);
    }
    return starts;
}
function positionAt(document, offset) {
    const starts = document.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((starts[middle] ?? 0) <= offset)
            low = middle;
        else
            high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
/**
 * The value node at `path`. Where a key repeats, the last one counts, as in
 * JSON.parse; the repetition itself is reported by findDuplicateKeys.
 */
function findValueNode(root, path) {
    let node = root;
    for (const segment of path) {
        if (!node)
            return undefined;
        node =
            typeof segment === 'number'
                ? arrayItem(node, segment)
                : propertyOf(node, segment)?.children?.[1];
    }
    return node;
}
/** The property node (key and value) for the last segment of `path`, when it names an object property. */
function findPropertyNode(root, path) {
    const last = path.at(-1);
    if (typeof last !== 'string')
        return undefined;
    const parent = findValueNode(root, path.slice(0, -1));
    return parent ? propertyOf(parent, last) : undefined;
}
function arrayItem(node, index) {
    return node.type === 'array' ? node.children?.[index] : undefined;
}
/** Each object's properties by key, built on first lookup: a file with thousands of errors stays fast. */
const propertiesByKey = new WeakMap();
function propertyOf(node, key) {
    if (node.type !== 'object')
        return undefined;
    let index = propertiesByKey.get(node);
    if (!index) {
        index = new Map();
        // Later entries overwrite earlier ones: the last of repeated keys counts.
        for (const property of node.children ?? [])
            index.set(String(property.children?.[0]?.value), property);
        propertiesByKey.set(node, index);
    }
    return index.get(key);
}
/**
 * The plain value of a node. Unlike jsonc-parser's getNodeValue, a key such as
 * "__proto__" becomes an ordinary property, so the schema sees it as unknown
 * instead of it silently changing the object's prototype.
 */
function nodeValue(node) {
    switch (node.type) {
        case 'object': {
            const object = {};
            for (const property of node.children ?? []) {
                const [key, value] = property.children ?? [];
                if (key === undefined || value === undefined)
                    continue;
                Object.defineProperty(object, String(key.value), {
                    value: nodeValue(value),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            }
            return object;
        }
        case 'array':
            return (node.children ?? []).map(nodeValue);
        default:
            return node.value;
    }
}
/** Keys that appear twice in one object: valid JSON, but the first value is silently lost. */
function findDuplicateKeys(root) {
    const duplicates = [];
    const visit = (node, path) => {
        if (node.type === 'array') {
            node.children?.forEach((child, index) => visit(child, [...path, index]));
            return;
        }
        if (node.type !== 'object')
            return;
        const firstByKey = new Map();
        for (const property of node.children ?? []) {
            const [keyNode, valueNode] = property.children ?? [];
            if (!keyNode)
                continue;
            const key = String(keyNode.value);
            const first = firstByKey.get(key);
            if (first)
                duplicates.push({ path: [...path, key], keyNode, firstKeyNode: first });
            else
                firstByKey.set(key, keyNode);
            if (valueNode)
                visit(valueNode, [...path, key]);
        }
    };
    if (root)
        visit(root, []);
    return duplicates;
}

;// CONCATENATED MODULE: ./src/manifest/normalize.ts

/** The one shape consumers see; `raw` has passed the schema and the cross-field checks. */
function normalizeManifest(raw, file, sha256) {
    const steps = (raw.build?.build_steps ?? []).map(normalizeStep);
    return {
        file,
        sha256,
        namespace: raw.namespace,
        application: {
            name: raw.application.name,
            type: raw.application.type,
            version: versionSpec(raw.application.version),
        },
        build: {
            buildfacts: normalizeBuildfacts(raw.build?.system_setup?.buildfacts),
            steps,
            command: steps.length === 0 ? raw.build_command : undefined,
        },
        artifacts: raw.artifacts === undefined ? [] : [raw.artifacts].flat(),
        services: (raw.services ?? []).map((service) => normalizeService(service, raw)),
        environments: normalizeEnvironments(raw),
    };
}
function versionSpec(version) {
    // The schema allows exactly two shapes; three numbers first means an exact version.
    return { kind: /^\d+\.\d+\.\d+(?:[-+]|$)/.test(version) ? 'exact' : 'range', value: version };
}
function normalizeBuildfacts(buildfacts) {
    if (buildfacts === undefined)
        return {};
    if (Array.isArray(buildfacts))
        return Object.fromEntries(buildfacts.map((name) => [name, null]));
    return { ...buildfacts };
}
function normalizeStep(step) {
    if ('shell' in step)
        return { kind: 'shell', command: step.shell };
    if ('gradle' in step)
        return {
            kind: 'gradle',
            tasks: step.gradle.tasks,
            useWrapper: step.gradle.useWrapper ?? false,
        };
    if ('maven' in step)
        return { kind: 'maven', goals: step.maven.goals, useWrapper: step.maven.useWrapper ?? false };
    if ('npm' in step) {
        return {
            kind: 'npm',
            command: 'script' in step.npm ? `run ${step.npm.script}` : step.npm.command,
        };
    }
    if ('go' in step)
        return { kind: 'go', command: step.go.command };
    if ('pip' in step)
        return { kind: 'pip', command: step.pip.command };
    return { kind: 'make', targets: step.make.targets };
}
function normalizeService(service, raw) {
    const [namespace = raw.namespace, name = raw.application.name] = service.application?.split('/') ?? [];
    const min = service.instances?.min ?? 1;
    return {
        name: service.name,
        external: service.external_url === undefined ? undefined : externalEndpoint(service.external_url),
        application: { namespace, name },
        instances: { min, max: service.instances?.max ?? Math.max(min, 1) },
    };
}
function externalEndpoint(url) {
    const withoutScheme = url.replace(/^https:\/\//, '');
    const slash = withoutScheme.indexOf('/');
    return slash < 0
        ? { url, host: withoutScheme, path: '/' }
        : { url, host: withoutScheme.slice(0, slash), path: withoutScheme.slice(slash) };
}
function normalizeEnvironments(raw) {
    const configured = raw.environments ?? {};
    const names = [...new Set([...DEFAULT_ENVIRONMENTS, ...Object.keys(configured)])];
    return Object.fromEntries(names.map((name) => [
        name,
        { namespace: configured[name]?.namespace ?? `${raw.namespace}-${name}` },
    ]));
}

;// CONCATENATED MODULE: ./src/manifest/problem.ts



/** The problems in the order they appear in the file; only the listed ones become errors. */
function toUserErrors(problems, document, file, limit) {
    const placed = problems.map((problem) => ({
        span: problem_locate(problem, document),
        message: `${formatJsonPath(problem.path)}: ${problem.message}`,
        fix: problem.fix,
    }));
    placed.sort((a, b) => a.span.offset - b.span.offset);
    const seen = new Set();
    const distinct = placed.filter(({ span, message }) => {
        const key = `${span.offset}\0${message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const errors = distinct
        .slice(0, limit)
        .map(({ span, message, fix }) => new src_errors/* UserError */.yo(message, { fix, location: sourceLocation(document, file, span) }));
    return { errors, total: distinct.length };
}
/**
 * Where a JSON path is in the text, as file:line:column: for checks made
 * after loading (against the catalog of standard images, say) that must
 * point into default.json like the loader's own problems do.
 */
function locatePath(document, file, path, at = 'value') {
    return sourceLocation(document, file, problem_locate({ path, at, message: '', fix: '' }, document));
}
function problem_locate(problem, document) {
    if (problem.span)
        return problem.span;
    if (problem.at === 'key') {
        const key = findPropertyNode(document.root, problem.path)?.children?.[0];
        if (key)
            return key;
    }
    // A missing property is reported on its parent: walk up until something exists.
    for (let depth = problem.path.length; depth >= 0; depth--) {
        const path = problem.path.slice(0, depth);
        const node = findValueNode(document.root, path);
        if (!node)
            continue;
        // Point at an object's or list's key when it has one: `"build": {` reads better than `{`.
        const key = isContainer(node)
            ? findPropertyNode(document.root, path)?.children?.[0]
            : undefined;
        return key ?? valueSpan(node);
    }
    return { offset: 0, length: 0 };
}
function isContainer(node) {
    return node.type === 'object' || node.type === 'array';
}
/** A scalar's whole text; for an object or list just its opening bracket, not fifty lines. */
function valueSpan(node) {
    return { offset: node.offset, length: isContainer(node) ? 1 : node.length };
}
function sourceLocation(document, file, span) {
    const start = positionAt(document, span.offset);
    const end = positionAt(document, span.offset + span.length);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

;// CONCATENATED MODULE: ./src/manifest/field-formats.ts



const RULES = [
    {
        path: ['namespace'],
        definition: 'namespace',
        explain: (value) => explainDnsLabel(value, {
            what: 'namespace',
            maxLength: maxLengthOf('namespace'),
            lengthReason: `so that "<namespace>-stage" fits Kubernetes' limit of ${MAX_NAMESPACE_LENGTH}`,
        }),
    },
    {
        path: ['application', 'name'],
        definition: 'applicationName',
        explain: (value) => explainDnsLabel(value, {
            what: 'application name',
            maxLength: maxLengthOf('applicationName'),
            lengthReason: "Helm's limit for release names",
        }),
    },
    { path: ['application', 'version'], definition: 'version', explain: explainVersion },
    {
        path: ['build', 'system_setup', 'buildfacts', '*'],
        definition: 'toolchainVersion',
        explain: explainToolchainVersion,
    },
    { path: ['artifacts'], definition: 'artifactPath', explain: explainArtifactPath },
    { path: ['artifacts', '*'], definition: 'artifactPath', explain: explainArtifactPath },
    {
        path: ['services', '*', 'name'],
        definition: 'serviceName',
        explain: (value) => explainDnsLabel(value, {
            what: 'service name',
            maxLength: maxLengthOf('serviceName'),
            mustStartWithLetter: true,
        }),
    },
    {
        path: ['services', '*', 'external_url'],
        definition: 'externalUrl',
        explain: explainExternalUrl,
    },
    {
        path: ['services', '*', 'application'],
        definition: 'serviceApplication',
        explain: explainServiceApplication,
    },
    {
        path: ['environments', '*'],
        definition: 'environmentName',
        isKey: true,
        explain: (value) => explainDnsLabel(value, {
            what: 'environment name',
            maxLength: maxLengthOf('environmentName'),
        }),
    },
    {
        path: ['environments', '*', 'namespace'],
        definition: 'dnsLabel',
        explain: (value) => explainDnsLabel(value, { what: 'namespace', maxLength: maxLengthOf('dnsLabel') }),
    },
];
/** The length limit the schema sets, so that messages and schema can't disagree. */
function maxLengthOf(definition) {
    const maxLength = schemaDefinition(definition)?.maxLength;
    return typeof maxLength === 'number' ? maxLength : Number.POSITIVE_INFINITY;
}
/** The `$defs` definitions the rules explain; the schema test checks every pattern has a rule. */
const EXPLAINED_DEFINITIONS = RULES.map((rule) => rule.definition);
/** The `$defs` definition that gives the value at `path` its format, if any. */
function formatDefinitionAt(path) {
    return RULES.find((rule) => !rule.isKey && pathMatches(path, rule.path))?.definition;
}
/** Why `value` at `path` breaks its format, or undefined when no rule covers that path. */
function explainFormat(path, value, manifest, isKey = false) {
    const rule = RULES.find((r) => (r.isKey ?? false) === isKey && pathMatches(path, r.path));
    return rule?.explain(value, manifest);
}
function explainDnsLabel(value, rule) {
    const shown = previewValue(value);
    const allowed = 'lowercase letters, digits and "-"';
    const suggestion = toDnsLabel(value, rule.maxLength);
    const such = suggestion && suggestion !== value ? `, such as ${JSON.stringify(suggestion)}` : '';
    if (value === '') {
        return {
            message: `the ${rule.what} is empty.`,
            fix: `give a ${rule.what} made of ${allowed}.`,
        };
    }
    if (value.length > rule.maxLength) {
        const reason = rule.lengthReason ? `, ${rule.lengthReason}` : '';
        return {
            message: `${shown} is ${value.length} characters long; ${withArticle(rule.what)} has at most ${rule.maxLength}${reason}.`,
            fix: `shorten it to ${rule.maxLength} characters or fewer${such}.`,
        };
    }
    const invalid = [...new Set(value.replace(/[a-z0-9-]/g, ''))];
    if (invalid.length > 0) {
        const upper = invalid.some((c) => /[A-Z]/.test(c));
        const others = invalid.filter((c) => !/[A-Z]/.test(c)).map((c) => JSON.stringify(c));
        const parts = [...(upper ? ['uppercase letters'] : []), ...others];
        const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
        return {
            message: `${shown} is not a valid ${rule.what}: it has ${listed}.`,
            fix: `use only ${allowed}${such}.`,
        };
    }
    if (rule.mustStartWithLetter && !/^[a-z]/.test(value)) {
        return {
            message: `${shown} is not a valid ${rule.what}: it must start with a letter.`,
            fix: `start it with a lowercase letter, such as ${JSON.stringify(`svc-${value}`.slice(0, rule.maxLength))}.`,
        };
    }
    return {
        message: `${shown} is not a valid ${rule.what}: it must start and end with a letter or digit.`,
        fix: `remove the leading or trailing "-"${such}.`,
    };
}
function listWithAnd(items) {
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('');
}
function withArticle(noun) {
    return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
/** A best guess at the label the user meant: lowercase, other characters as "-". */
function toDnsLabel(value, maxLength) {
    return value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, maxLength)
        .replace(/^-+|-+$/g, '');
}
function explainVersion(value) {
    const message = `${previewValue(value)} is not an exact version or an X-range.`;
    const withoutV = value.replace(/^[vV](?=\d)/, '');
    if (withoutV !== value && isExactOrXRange(withoutV)) {
        return { message, fix: `drop the "v": ${JSON.stringify(withoutV)}.` };
    }
    const caret = /^\^(\d+)(?:\.\d+){0,2}$/.exec(value);
    if (caret) {
        return { message, fix: `write the range as an X-range: ${JSON.stringify(`${caret[1]}.x.x`)}.` };
    }
    const tilde = /^~(\d+)\.(\d+)(?:\.\d+)?$/.exec(value);
    if (tilde) {
        return {
            message,
            fix: `write the range as an X-range: ${JSON.stringify(`${tilde[1]}.${tilde[2]}.x`)}.`,
        };
    }
    const numbers = /^(\d+)(?:\.(\d+))?$/.exec(value);
    if (numbers) {
        const [, major, minor] = numbers;
        const exact = minor === undefined ? `${major}.0.0` : `${major}.${minor}.0`;
        const range = minor === undefined ? `${major}.x.x` : `${major}.${minor}.x`;
        return {
            message,
            fix: `use an exact semver such as ${JSON.stringify(exact)} or a range such as ${JSON.stringify(range)}.`,
        };
    }
    return {
        message,
        fix: 'use an exact semver such as "1.4.2" or a range such as "1.4.x", "1.x.x" or "1.x".',
    };
}
const EXACT_OR_X_RANGE = /^(?:\d+\.\d+\.\d+(?:[-+].*)?|\d+\.[xX*](?:\.[xX*])?|\d+\.\d+\.[xX*])$/;
function isExactOrXRange(value) {
    return EXACT_OR_X_RANGE.test(value);
}
function explainToolchainVersion(value) {
    return {
        message: `${previewValue(value)} is not a toolchain version.`,
        fix: 'write a version such as "17", "3.12", "1.22.x" or "lts": letters, digits, ".", "_", "+" and "-".',
    };
}
function explainArtifactPath(value) {
    const shown = previewValue(value);
    const relative = value.replace(/^(?:[A-Za-z]:)?[/\\~]+/, '');
    const such = relative && relative !== value ? `, such as ${JSON.stringify(relative)}` : '';
    if (value === '') {
        return {
            message: 'the artifact path is empty.',
            fix: 'give a path relative to the repository root, such as "dist".',
        };
    }
    if (/^[/\\]/.test(value) || /^[A-Za-z]:/.test(value)) {
        return {
            message: `${shown} is an absolute path; artifacts must come from inside the repository.`,
            fix: `write it relative to the repository root${such}.`,
        };
    }
    if (value.startsWith('~')) {
        return {
            message: `${shown} starts with "~", the home directory, which is outside the repository.`,
            fix: `write it relative to the repository root${such}.`,
        };
    }
    if (/(?:^|[/\\])\.\.(?:[/\\]|$)/.test(value)) {
        return {
            message: `${shown} goes through "..", which can lead outside the repository.`,
            fix: 'give the path from the repository root without ".." segments.',
        };
    }
    if ([...value].some((char) => char.charCodeAt(0) < 0x20)) {
        return { message: `${shown} contains a control character.`, fix: 'remove it.' };
    }
    return {
        message: `${shown} is not a valid artifact path.`,
        fix: 'give a path relative to the repository root, such as "build/libs/app.jar".',
    };
}
function explainExternalUrl(value) {
    const parts = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)([^?#]*)(.*)$/s.exec(value);
    const [, scheme, hostAndPort = '', path = '', queryAndFragment = ''] = parts ?? [];
    const host = hostAndPort.replace(/:\d*$/, '');
    const faults = [
        ...(scheme && scheme.toLowerCase() !== 'https'
            ? [`the scheme ${scheme}:// (only https is served)`]
            : []),
        ...(/[A-Z]/.test(host) ? ['uppercase letters in the host'] : []),
        ...(host !== hostAndPort ? ['a port (the ingress answers on the standard https port)'] : []),
        ...(queryAndFragment ? ['a query or fragment'] : []),
    ];
    const cleanHost = host.toLowerCase();
    const suggestion = `${scheme ? 'https://' : ''}${cleanHost}${path}`;
    const rest = faults.length > 0 ? `: it has ${listWithAnd(faults)}` : '';
    const canSuggest = faults.length > 0 && matchesDefinition('externalUrl', suggestion);
    return {
        message: `${previewValue(value)} is not a hostname or an https URL${rest}.`,
        fix: canSuggest
            ? `write ${JSON.stringify(suggestion)}${scheme ? ` or just ${JSON.stringify(cleanHost)}` : ''}.`
            : 'write a hostname such as "checkout.example.com" or a URL such as "https://example.com/checkout".',
    };
}
function explainServiceApplication(value, manifest) {
    const namespace = stringAt(manifest, 'namespace') ?? 'my-team';
    const app = stringAt(manifest, 'application', 'name') ?? 'my-app';
    const appPart = value.includes('/') ? (value.split('/').at(-1) ?? app) : value;
    const suggestion = `${namespace}/${toDnsLabel(appPart, 63) || app}`;
    return {
        message: `${previewValue(value)} is not <namespace>/<application>.`,
        fix: `write it as ${JSON.stringify(suggestion)}.`,
    };
}
function stringAt(value, ...path) {
    let current = value;
    for (const key of path)
        current = isPlainObject(current) ? current[key] : undefined;
    return typeof current === 'string' && current !== '' ? current : undefined;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
;// CONCATENATED MODULE: ./src/manifest/validate-manifest.generated.js
// Generated by scripts/gen-validators.mjs from schema/default.schema.json; do not edit.

const validate = validate20;/* harmony default export */ const validate_manifest_generated = ((/* unused pure expression or super */ null && (validate20)));const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json","title":"default.json","description":"The application manifest of pipeline-actions: what the application is and how it is built, published and deployed. Comments (// and /* */) and trailing commas are accepted.","type":"object","additionalProperties":false,"required":["namespace","application"],"properties":{"$schema":{"title":"JSON Schema","description":"The schema editors validate this file against.","type":"string","examples":["https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json"]},"namespace":{"title":"Base namespace","description":"The team's base Kubernetes namespace. Each environment gets its own namespace derived from it: <namespace>-dev, <namespace>-stage and <namespace>-prod, unless `environments` says otherwise. A DNS-1123 label of at most 57 characters, so that <namespace>-stage fits Kubernetes' 63.","$ref":"#/$defs/namespace","examples":["payments"]},"application":{"title":"Application","description":"What the application is: its name, its type and its version.","type":"object","additionalProperties":false,"required":["name","type","version"],"properties":{"name":{"title":"Application name","description":"The application's name, used for the image, the chart and the Helm release. A DNS-1123 label (lowercase letters, digits and '-') of at most 53 characters, Helm's limit for release names.","$ref":"#/$defs/applicationName","examples":["checkout-api"]},"type":{"title":"Application type","description":"What kind of application this is. It chooses the standard chart profile, the probes and the runtime image.","type":"string","enum":["http_html","http_api","worker","static_html","cronjob"],"examples":["http_api"]},"version":{"title":"Version","description":"An exact semantic version such as \"3.2.1\", or an X-range such as \"3.x.x\", \"3.2.x\" or \"3.x\": the next version in that range not yet published is used.","$ref":"#/$defs/version","examples":["1.0.x"]}},"examples":[{"name":"checkout-api","type":"http_api","version":"1.0.x"}]},"build":{"title":"Build","description":"How the application is built: the toolchains it needs and the steps to run. Leave it out when the artifacts are already in the repository.","type":"object","additionalProperties":false,"properties":{"system_setup":{"title":"System setup","description":"What the build machine needs.","type":"object","additionalProperties":false,"properties":{"buildfacts":{"title":"Build facts","description":"The toolchains the build needs; they choose the standard builder image. Either an object from toolchain to version ({\"java\": \"17\"}) or a list of toolchain names ([\"java\", \"nodejs\"]) to take the builder's default versions.","type":["object","array"],"additionalProperties":false,"properties":{"java":{"title":"Java","description":"JDK version, such as \"17\" or \"21\".","$ref":"#/$defs/toolchainVersion"},"nodejs":{"title":"Node.js","description":"Node.js version, such as \"20\" or \"22\".","$ref":"#/$defs/toolchainVersion"},"go":{"title":"Go","description":"Go version, such as \"1.22\".","$ref":"#/$defs/toolchainVersion"},"python":{"title":"Python","description":"Python version, such as \"3.12\" (write it as a string: the number 3.10 would read as 3.1).","$ref":"#/$defs/toolchainVersion"},"dotnet":{"title":".NET","description":".NET SDK version, such as \"8.0\".","$ref":"#/$defs/toolchainVersion"},"ruby":{"title":"Ruby","description":"Ruby version, such as \"3.3\".","$ref":"#/$defs/toolchainVersion"},"rust":{"title":"Rust","description":"Rust toolchain, such as \"1.79\" or \"stable\".","$ref":"#/$defs/toolchainVersion"},"php":{"title":"PHP","description":"PHP version, such as \"8.3\".","$ref":"#/$defs/toolchainVersion"},"shell":{"title":"Shell","description":"POSIX shell tools only; the version is usually \"default\".","$ref":"#/$defs/toolchainVersion"}},"items":{"title":"Toolchain","description":"A toolchain the build needs, at the builder's default version.","type":"string","enum":["java","nodejs","go","python","dotnet","ruby","rust","php","shell"]},"uniqueItems":true,"examples":[{"java":"17","nodejs":"20"},["java","nodejs"]]}}},"build_steps":{"title":"Build steps","description":"The steps of the build, run in order. Each step is an object with exactly one key naming its kind: shell, gradle, maven, npm, go, pip or make.","type":"array","items":{"$ref":"#/$defs/buildStep"},"examples":[[{"shell":"./scripts/prepare.sh"},{"gradle":{"useWrapper":true,"tasks":"clean build"}}]]}},"examples":[{"system_setup":{"buildfacts":{"java":"17"}},"build_steps":[{"gradle":{"tasks":"build"}}]}]},"build_command":{"title":"Build command","description":"One shell command that builds the application, for builds too simple for build.build_steps. Give one or the other, not both.","type":"string","minLength":1,"examples":["make release"]},"artifacts":{"title":"Artifacts","description":"The path, or list of paths, that go into the runtime image, relative to the repository root (globs allowed). Never absolute and never through '..': nothing outside the repository.","type":["string","array"],"if":{"type":"string"},"then":{"$ref":"#/$defs/artifactPath"},"else":{"minItems":1,"items":{"$ref":"#/$defs/artifactPath"}},"examples":[["build/libs/app.jar"],"dist"]},"services":{"title":"Services","description":"How the application is reached and scaled: one entry per service.","type":"array","items":{"$ref":"#/$defs/service"},"examples":[[{"name":"checkout","external_url":"checkout.example.com","instances":{"min":2,"max":6}}]]},"environments":{"title":"Environments","description":"Per-environment settings, by environment name. dev, stage and prod always exist; name others here to add them. Each may set the namespace it deploys to instead of <namespace>-<environment>.","type":"object","propertyNames":{"$ref":"#/$defs/environmentName"},"additionalProperties":{"$ref":"#/$defs/environment"},"examples":[{"prod":{"namespace":"payments"}}]}},"$defs":{"dnsLabel":{"description":"A DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"namespace":{"description":"A DNS-1123 label of at most 57 characters, so that <namespace>-stage fits Kubernetes' 63.","type":"string","minLength":1,"maxLength":57,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"applicationName":{"description":"A DNS-1123 label of at most 53 characters (Helm's limit for release names).","type":"string","minLength":1,"maxLength":53,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"serviceName":{"description":"A DNS-1035 label (Kubernetes' rule for Service names): lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z]([-a-z0-9]*[a-z0-9])?$"},"environmentName":{"description":"An environment name: a DNS-1123 label such as dev, stage, prod or qa.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"version":{"description":"An exact semantic version (3.2.1, 3.2.1-rc.1) or an X-range (3.x, 3.x.x, 3.2.x).","type":"string","minLength":1,"maxLength":256,"pattern":"^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$"},"toolchainVersion":{"description":"A toolchain version such as \"17\", \"3.12\", \"1.22.x\", \"lts\" or \"default\".","type":"string","minLength":1,"maxLength":64,"pattern":"^[0-9A-Za-z][0-9A-Za-z._+-]*$"},"artifactPath":{"description":"A path relative to the repository root, globs allowed: not absolute, not starting with '~', no '..' segment.","type":"string","minLength":1,"maxLength":4096,"pattern":"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"},"buildStep":{"title":"Build step","description":"One step of the build: an object with exactly one key naming its kind.","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"shell":{"title":"Shell step","description":"A command run by sh in the repository root, such as \"./scripts/prepare.sh\".","type":"string","minLength":1,"examples":["./scripts/prepare.sh"]},"gradle":{"title":"Gradle step","description":"Runs Gradle: gradle <tasks>, or ./gradlew <tasks> with useWrapper.","type":"object","additionalProperties":false,"required":["tasks"],"properties":{"tasks":{"title":"Tasks","description":"The tasks and options, separated by spaces, such as \"clean build\".","type":"string","minLength":1,"examples":["clean build"]},"useWrapper":{"title":"Use the Gradle wrapper","description":"Run the repository's ./gradlew instead of the builder image's gradle.","type":"boolean","default":false}},"examples":[{"useWrapper":true,"tasks":"clean build"}]},"maven":{"title":"Maven step","description":"Runs Maven: mvn <goals>, or ./mvnw <goals> with useWrapper.","type":"object","additionalProperties":false,"required":["goals"],"properties":{"goals":{"title":"Goals","description":"The goals and options, separated by spaces, such as \"clean package -DskipTests\".","type":"string","minLength":1,"examples":["clean package"]},"useWrapper":{"title":"Use the Maven wrapper","description":"Run the repository's ./mvnw instead of the builder image's mvn.","type":"boolean","default":false}},"examples":[{"goals":"clean package","useWrapper":true}]},"npm":{"title":"npm step","description":"Runs npm: either a package.json script (npm run <script>) or an npm command (npm <command>), exactly one of the two.","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"script":{"title":"Script","description":"A script from package.json, run as npm run <script>, such as \"build\".","type":"string","minLength":1,"examples":["build"]},"command":{"title":"Command","description":"An npm command and its arguments, run as npm <command>, such as \"ci\" or \"test -- --ci\".","type":"string","minLength":1,"examples":["ci"]}},"examples":[{"script":"build"}]},"go":{"title":"Go step","description":"Runs the go tool: go <command>.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A go command and its arguments, such as \"build -o bin/server ./cmd/server\" or \"test ./...\".","type":"string","minLength":1,"examples":["build -o bin/server ./cmd/server"]}},"examples":[{"command":"build ./..."}]},"pip":{"title":"pip step","description":"Runs pip with the builder's Python: python3 -m pip <command>, never asking for input.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A pip command and its arguments, such as \"install --target dist/site-packages -r requirements.txt\".","type":"string","minLength":1,"examples":["install --target dist/site-packages -r requirements.txt"]}},"examples":[{"command":"install --target dist/site-packages -r requirements.txt"}]},"make":{"title":"Make step","description":"Runs make: make <targets>, or the default target when targets is left out.","type":"object","additionalProperties":false,"properties":{"targets":{"title":"Targets","description":"The targets and variables, separated by spaces, such as \"clean release\".","type":"string","minLength":1,"examples":["release"]}},"examples":[{"targets":"release"}]}},"examples":[{"shell":"./build.sh"},{"gradle":{"useWrapper":true,"tasks":"clean build"}}]},"service":{"title":"Service","description":"How the application is reached and how far it scales.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"title":"Service name","description":"The Kubernetes Service name, unique in this file. A DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters.","$ref":"#/$defs/serviceName","examples":["checkout"]},"external_url":{"title":"External URL","description":"The ingress host the service answers on: a hostname such as \"checkout.example.com\" or an https URL with an optional path such as \"https://example.com/checkout\". Leave it out for a service that is only reached inside the cluster.","$ref":"#/$defs/externalUrl","examples":["checkout.example.com"]},"application":{"title":"Application","description":"The application behind the service, as <namespace>/<application name>, where namespace is this file's namespace. Defaults to this file's application.","$ref":"#/$defs/serviceApplication","examples":["payments/checkout-api"]},"instances":{"title":"Instances","description":"The bounds of the autoscaler. min defaults to 1 and max to min (or 1 when min is 0).","type":"object","additionalProperties":false,"properties":{"min":{"title":"Minimum instances","description":"The fewest replicas to run; 0 allows scaling to zero.","type":"integer","minimum":0,"default":1},"max":{"title":"Maximum instances","description":"The most replicas to run; at least min.","type":"integer","minimum":1}},"examples":[{"min":2,"max":6}]}},"examples":[{"name":"checkout","external_url":"checkout.example.com","instances":{"min":2,"max":6}}]},"externalUrl":{"description":"A lowercase hostname (a leading '*.' is allowed) or an https:// URL made of such a host and an optional path; no port, query or fragment.","type":"string","minLength":1,"maxLength":2048,"pattern":"^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$"},"serviceApplication":{"description":"<namespace>/<application name>: two DNS-1123 labels separated by '/'.","type":"string","minLength":1,"maxLength":127,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"environment":{"title":"Environment","description":"Settings of one environment.","type":"object","additionalProperties":false,"properties":{"namespace":{"title":"Namespace","description":"The namespace this environment deploys to, instead of <namespace>-<environment>. A DNS-1123 label.","$ref":"#/$defs/dnsLabel","examples":["payments"]}},"examples":[{"namespace":"payments"}]}}};const schema32 = {"description":"A DNS-1123 label of at most 57 characters, so that <namespace>-stage fits Kubernetes' 63.","type":"string","minLength":1,"maxLength":57,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"};const schema33 = {"description":"A DNS-1123 label of at most 53 characters (Helm's limit for release names).","type":"string","minLength":1,"maxLength":53,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"};const schema34 = {"description":"An exact semantic version (3.2.1, 3.2.1-rc.1) or an X-range (3.x, 3.x.x, 3.2.x).","type":"string","minLength":1,"maxLength":256,"pattern":"^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$"};const schema35 = {"description":"A toolchain version such as \"17\", \"3.12\", \"1.22.x\", \"lts\" or \"default\".","type":"string","minLength":1,"maxLength":64,"pattern":"^[0-9A-Za-z][0-9A-Za-z._+-]*$"};const schema44 = {"title":"Build step","description":"One step of the build: an object with exactly one key naming its kind.","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"shell":{"title":"Shell step","description":"A command run by sh in the repository root, such as \"./scripts/prepare.sh\".","type":"string","minLength":1,"examples":["./scripts/prepare.sh"]},"gradle":{"title":"Gradle step","description":"Runs Gradle: gradle <tasks>, or ./gradlew <tasks> with useWrapper.","type":"object","additionalProperties":false,"required":["tasks"],"properties":{"tasks":{"title":"Tasks","description":"The tasks and options, separated by spaces, such as \"clean build\".","type":"string","minLength":1,"examples":["clean build"]},"useWrapper":{"title":"Use the Gradle wrapper","description":"Run the repository's ./gradlew instead of the builder image's gradle.","type":"boolean","default":false}},"examples":[{"useWrapper":true,"tasks":"clean build"}]},"maven":{"title":"Maven step","description":"Runs Maven: mvn <goals>, or ./mvnw <goals> with useWrapper.","type":"object","additionalProperties":false,"required":["goals"],"properties":{"goals":{"title":"Goals","description":"The goals and options, separated by spaces, such as \"clean package -DskipTests\".","type":"string","minLength":1,"examples":["clean package"]},"useWrapper":{"title":"Use the Maven wrapper","description":"Run the repository's ./mvnw instead of the builder image's mvn.","type":"boolean","default":false}},"examples":[{"goals":"clean package","useWrapper":true}]},"npm":{"title":"npm step","description":"Runs npm: either a package.json script (npm run <script>) or an npm command (npm <command>), exactly one of the two.","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"script":{"title":"Script","description":"A script from package.json, run as npm run <script>, such as \"build\".","type":"string","minLength":1,"examples":["build"]},"command":{"title":"Command","description":"An npm command and its arguments, run as npm <command>, such as \"ci\" or \"test -- --ci\".","type":"string","minLength":1,"examples":["ci"]}},"examples":[{"script":"build"}]},"go":{"title":"Go step","description":"Runs the go tool: go <command>.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A go command and its arguments, such as \"build -o bin/server ./cmd/server\" or \"test ./...\".","type":"string","minLength":1,"examples":["build -o bin/server ./cmd/server"]}},"examples":[{"command":"build ./..."}]},"pip":{"title":"pip step","description":"Runs pip with the builder's Python: python3 -m pip <command>, never asking for input.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"title":"Command","description":"A pip command and its arguments, such as \"install --target dist/site-packages -r requirements.txt\".","type":"string","minLength":1,"examples":["install --target dist/site-packages -r requirements.txt"]}},"examples":[{"command":"install --target dist/site-packages -r requirements.txt"}]},"make":{"title":"Make step","description":"Runs make: make <targets>, or the default target when targets is left out.","type":"object","additionalProperties":false,"properties":{"targets":{"title":"Targets","description":"The targets and variables, separated by spaces, such as \"clean release\".","type":"string","minLength":1,"examples":["release"]}},"examples":[{"targets":"release"}]}},"examples":[{"shell":"./build.sh"},{"gradle":{"useWrapper":true,"tasks":"clean build"}}]};const schema45 = {"description":"A path relative to the repository root, globs allowed: not absolute, not starting with '~', no '..' segment.","type":"string","minLength":1,"maxLength":4096,"pattern":"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"};const schema51 = {"description":"An environment name: a DNS-1123 label such as dev, stage, prod or qa.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"};const func1 = (ucs2length["default"] ?? ucs2length);const func7 = Object.prototype.hasOwnProperty;const pattern4 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");const pattern6 = new RegExp("^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$", "u");const pattern7 = new RegExp("^[0-9A-Za-z][0-9A-Za-z._+-]*$", "u");const pattern16 = new RegExp("^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$", "u");const schema47 = {"title":"Service","description":"How the application is reached and how far it scales.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"title":"Service name","description":"The Kubernetes Service name, unique in this file. A DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters.","$ref":"#/$defs/serviceName","examples":["checkout"]},"external_url":{"title":"External URL","description":"The ingress host the service answers on: a hostname such as \"checkout.example.com\" or an https URL with an optional path such as \"https://example.com/checkout\". Leave it out for a service that is only reached inside the cluster.","$ref":"#/$defs/externalUrl","examples":["checkout.example.com"]},"application":{"title":"Application","description":"The application behind the service, as <namespace>/<application name>, where namespace is this file's namespace. Defaults to this file's application.","$ref":"#/$defs/serviceApplication","examples":["payments/checkout-api"]},"instances":{"title":"Instances","description":"The bounds of the autoscaler. min defaults to 1 and max to min (or 1 when min is 0).","type":"object","additionalProperties":false,"properties":{"min":{"title":"Minimum instances","description":"The fewest replicas to run; 0 allows scaling to zero.","type":"integer","minimum":0,"default":1},"max":{"title":"Maximum instances","description":"The most replicas to run; at least min.","type":"integer","minimum":1}},"examples":[{"min":2,"max":6}]}},"examples":[{"name":"checkout","external_url":"checkout.example.com","instances":{"min":2,"max":6}}]};const schema48 = {"description":"A DNS-1035 label (Kubernetes' rule for Service names): lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z]([-a-z0-9]*[a-z0-9])?$"};const schema49 = {"description":"A lowercase hostname (a leading '*.' is allowed) or an https:// URL made of such a host and an optional path; no port, query or fragment.","type":"string","minLength":1,"maxLength":2048,"pattern":"^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$"};const schema50 = {"description":"<namespace>/<application name>: two DNS-1123 labels separated by '/'.","type":"string","minLength":1,"maxLength":127,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"};const pattern18 = new RegExp("^[a-z]([-a-z0-9]*[a-z0-9])?$", "u");const pattern19 = new RegExp("^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$", "u");const pattern20 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema47.required,parentSchema:schema47,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((key0 === "name") || (key0 === "external_url")) || (key0 === "application")) || (key0 === "instances"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func1(data0) > 63){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/serviceName/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema48,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(func1(data0) < 1){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/serviceName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema48,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!pattern18.test(data0)){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/serviceName/pattern",keyword:"pattern",params:{pattern: "^[a-z]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema48,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/serviceName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.type,parentSchema:schema48,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.external_url !== undefined){let data1 = data.external_url;if(typeof data1 === "string"){if(func1(data1) > 2048){const err6 = {instancePath:instancePath+"/external_url",schemaPath:"#/$defs/externalUrl/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema49,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(func1(data1) < 1){const err7 = {instancePath:instancePath+"/external_url",schemaPath:"#/$defs/externalUrl/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(!pattern19.test(data1)){const err8 = {instancePath:instancePath+"/external_url",schemaPath:"#/$defs/externalUrl/pattern",keyword:"pattern",params:{pattern: "^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$"},message:"must match pattern \""+"^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$"+"\"",schema:"^(?:https://)?(?:\\*\\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*(?:/[^\\s?#]*)?$",parentSchema:schema49,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/external_url",schemaPath:"#/$defs/externalUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.application !== undefined){let data2 = data.application;if(typeof data2 === "string"){if(func1(data2) > 127){const err10 = {instancePath:instancePath+"/application",schemaPath:"#/$defs/serviceApplication/maxLength",keyword:"maxLength",params:{limit: 127},message:"must NOT have more than 127 characters",schema:127,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(func1(data2) < 1){const err11 = {instancePath:instancePath+"/application",schemaPath:"#/$defs/serviceApplication/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(!pattern20.test(data2)){const err12 = {instancePath:instancePath+"/application",schemaPath:"#/$defs/serviceApplication/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/application",schemaPath:"#/$defs/serviceApplication/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.instances !== undefined){let data3 = data.instances;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key1 in data3){if(!((key1 === "min") || (key1 === "max"))){const err14 = {instancePath:instancePath+"/instances",schemaPath:"#/properties/instances/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema47.properties.instances,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data3.min !== undefined){let data4 = data3.min;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err15 = {instancePath:instancePath+"/instances/min",schemaPath:"#/properties/instances/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.properties.instances.properties.min.type,parentSchema:schema47.properties.instances.properties.min,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if((typeof data4 == "number") && (isFinite(data4))){if(data4 < 0 || isNaN(data4)){const err16 = {instancePath:instancePath+"/instances/min",schemaPath:"#/properties/instances/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema47.properties.instances.properties.min,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}if(data3.max !== undefined){let data5 = data3.max;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err17 = {instancePath:instancePath+"/instances/max",schemaPath:"#/properties/instances/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.properties.instances.properties.max.type,parentSchema:schema47.properties.instances.properties.max,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 1 || isNaN(data5)){const err18 = {instancePath:instancePath+"/instances/max",schemaPath:"#/properties/instances/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47.properties.instances.properties.max,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}}else {const err19 = {instancePath:instancePath+"/instances",schemaPath:"#/properties/instances/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.properties.instances.type,parentSchema:schema47.properties.instances,data:data3};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}validate21.errors = vErrors;return errors === 0;}validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema52 = {"title":"Environment","description":"Settings of one environment.","type":"object","additionalProperties":false,"properties":{"namespace":{"title":"Namespace","description":"The namespace this environment deploys to, instead of <namespace>-<environment>. A DNS-1123 label.","$ref":"#/$defs/dnsLabel","examples":["payments"]}},"examples":[{"namespace":"payments"}]};const schema53 = {"description":"A DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.","type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"};function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate23.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(key0 === "namespace")){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.namespace !== undefined){let data0 = data.namespace;if(typeof data0 === "string"){if(func1(data0) > 63){const err1 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/dnsLabel/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema53,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(func1(data0) < 1){const err2 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/dnsLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema53,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(!pattern4.test(data0)){const err3 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/dnsLabel/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema53,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/dnsLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.type,parentSchema:schema53,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate23.errors = vErrors;return errors === 0;}validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://raw.githubusercontent.com/pipeline-actions/pipeline-actions/v1/schema/default.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.namespace === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "namespace"},message:"must have required property '"+"namespace"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.application === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "application"},message:"must have required property '"+"application"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((((((((key0 === "$schema") || (key0 === "namespace")) || (key0 === "application")) || (key0 === "build")) || (key0 === "build_command")) || (key0 === "artifacts")) || (key0 === "services")) || (key0 === "environments"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.$schema !== undefined){let data0 = data.$schema;if(typeof data0 !== "string"){const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.namespace !== undefined){let data1 = data.namespace;if(typeof data1 === "string"){if(func1(data1) > 57){const err4 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/namespace/maxLength",keyword:"maxLength",params:{limit: 57},message:"must NOT have more than 57 characters",schema:57,parentSchema:schema32,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(func1(data1) < 1){const err5 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema32,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!pattern4.test(data1)){const err6 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/namespace/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema32,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/namespace",schemaPath:"#/$defs/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.application !== undefined){let data2 = data.application;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.name === undefined){const err8 = {instancePath:instancePath+"/application",schemaPath:"#/properties/application/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.application.required,parentSchema:schema31.properties.application,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data2.type === undefined){const err9 = {instancePath:instancePath+"/application",schemaPath:"#/properties/application/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema31.properties.application.required,parentSchema:schema31.properties.application,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data2.version === undefined){const err10 = {instancePath:instancePath+"/application",schemaPath:"#/properties/application/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema31.properties.application.required,parentSchema:schema31.properties.application,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}for(const key1 in data2){if(!(((key1 === "name") || (key1 === "type")) || (key1 === "version"))){const err11 = {instancePath:instancePath+"/application",schemaPath:"#/properties/application/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.application,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.name !== undefined){let data3 = data2.name;if(typeof data3 === "string"){if(func1(data3) > 53){const err12 = {instancePath:instancePath+"/application/name",schemaPath:"#/$defs/applicationName/maxLength",keyword:"maxLength",params:{limit: 53},message:"must NOT have more than 53 characters",schema:53,parentSchema:schema33,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(func1(data3) < 1){const err13 = {instancePath:instancePath+"/application/name",schemaPath:"#/$defs/applicationName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(!pattern4.test(data3)){const err14 = {instancePath:instancePath+"/application/name",schemaPath:"#/$defs/applicationName/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema33,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/application/name",schemaPath:"#/$defs/applicationName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data3};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data2.type !== undefined){let data4 = data2.type;if(typeof data4 !== "string"){const err16 = {instancePath:instancePath+"/application/type",schemaPath:"#/properties/application/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.application.properties.type.type,parentSchema:schema31.properties.application.properties.type,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(!(((((data4 === "http_html") || (data4 === "http_api")) || (data4 === "worker")) || (data4 === "static_html")) || (data4 === "cronjob"))){const err17 = {instancePath:instancePath+"/application/type",schemaPath:"#/properties/application/properties/type/enum",keyword:"enum",params:{allowedValues: schema31.properties.application.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.application.properties.type.enum,parentSchema:schema31.properties.application.properties.type,data:data4};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data2.version !== undefined){let data5 = data2.version;if(typeof data5 === "string"){if(func1(data5) > 256){const err18 = {instancePath:instancePath+"/application/version",schemaPath:"#/$defs/version/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema34,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(func1(data5) < 1){const err19 = {instancePath:instancePath+"/application/version",schemaPath:"#/$defs/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(!pattern6.test(data5)){const err20 = {instancePath:instancePath+"/application/version",schemaPath:"#/$defs/version/pattern",keyword:"pattern",params:{pattern: "^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$"},message:"must match pattern \""+"^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$"+"\"",schema:"^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?|(?:0|[1-9][0-9]*)\\.[xX*](?:\\.[xX*])?|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.[xX*])$",parentSchema:schema34,data:data5};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/application/version",schemaPath:"#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data5};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/application",schemaPath:"#/properties/application/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.application.type,parentSchema:schema31.properties.application,data:data2};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.build !== undefined){let data6 = data.build;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){for(const key2 in data6){if(!((key2 === "system_setup") || (key2 === "build_steps"))){const err23 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.build,data:data6};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data6.system_setup !== undefined){let data7 = data6.system_setup;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key3 in data7){if(!(key3 === "buildfacts")){const err24 = {instancePath:instancePath+"/build/system_setup",schemaPath:"#/properties/build/properties/system_setup/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.build.properties.system_setup,data:data7};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data7.buildfacts !== undefined){let data8 = data7.buildfacts;if(!data8 || typeof data8 != "object"){const err25 = {instancePath:instancePath+"/build/system_setup/buildfacts",schemaPath:"#/properties/build/properties/system_setup/properties/buildfacts/type",keyword:"type",params:{type: schema31.properties.build.properties.system_setup.properties.buildfacts.type},message:"must be object,array",schema:schema31.properties.build.properties.system_setup.properties.buildfacts.type,parentSchema:schema31.properties.build.properties.system_setup.properties.buildfacts,data:data8};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(Array.isArray(data8)){const len0 = data8.length;for(let i0=0; i0<len0; i0++){let data9 = data8[i0];if(typeof data9 !== "string"){const err26 = {instancePath:instancePath+"/build/system_setup/buildfacts/" + i0,schemaPath:"#/properties/build/properties/system_setup/properties/buildfacts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.build.properties.system_setup.properties.buildfacts.items.type,parentSchema:schema31.properties.build.properties.system_setup.properties.buildfacts.items,data:data9};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(!(((((((((data9 === "java") || (data9 === "nodejs")) || (data9 === "go")) || (data9 === "python")) || (data9 === "dotnet")) || (data9 === "ruby")) || (data9 === "rust")) || (data9 === "php")) || (data9 === "shell"))){const err27 = {instancePath:instancePath+"/build/system_setup/buildfacts/" + i0,schemaPath:"#/properties/build/properties/system_setup/properties/buildfacts/items/enum",keyword:"enum",params:{allowedValues: schema31.properties.build.properties.system_setup.properties.buildfacts.items.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.build.properties.system_setup.properties.buildfacts.items.enum,parentSchema:schema31.properties.build.properties.system_setup.properties.buildfacts.items,data:data9};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}let i1 = data8.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data8[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err28 = {instancePath:instancePath+"/build/system_setup/buildfacts",schemaPath:"#/properties/build/properties/system_setup/properties/buildfacts/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema31.properties.build.properties.system_setup.properties.buildfacts,data:data8};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;break;}indices0[item0] = i1;}}}if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key4 in data8){if(!(func7.call(schema31.properties.build.properties.system_setup.properties.buildfacts.properties, key4))){const err29 = {instancePath:instancePath+"/build/system_setup/buildfacts",schemaPath:"#/properties/build/properties/system_setup/properties/buildfacts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.build.properties.system_setup.properties.buildfacts,data:data8};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data8.java !== undefined){let data10 = data8.java;if(typeof data10 === "string"){if(func1(data10) > 64){const err30 = {instancePath:instancePath+"/build/system_setup/buildfacts/java",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data10};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(func1(data10) < 1){const err31 = {instancePath:instancePath+"/build/system_setup/buildfacts/java",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data10};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if(!pattern7.test(data10)){const err32 = {instancePath:instancePath+"/build/system_setup/buildfacts/java",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data10};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/build/system_setup/buildfacts/java",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data10};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data8.nodejs !== undefined){let data11 = data8.nodejs;if(typeof data11 === "string"){if(func1(data11) > 64){const err34 = {instancePath:instancePath+"/build/system_setup/buildfacts/nodejs",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data11};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}if(func1(data11) < 1){const err35 = {instancePath:instancePath+"/build/system_setup/buildfacts/nodejs",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data11};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if(!pattern7.test(data11)){const err36 = {instancePath:instancePath+"/build/system_setup/buildfacts/nodejs",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data11};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/build/system_setup/buildfacts/nodejs",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data11};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data8.go !== undefined){let data12 = data8.go;if(typeof data12 === "string"){if(func1(data12) > 64){const err38 = {instancePath:instancePath+"/build/system_setup/buildfacts/go",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data12};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}if(func1(data12) < 1){const err39 = {instancePath:instancePath+"/build/system_setup/buildfacts/go",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data12};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}if(!pattern7.test(data12)){const err40 = {instancePath:instancePath+"/build/system_setup/buildfacts/go",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data12};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}else {const err41 = {instancePath:instancePath+"/build/system_setup/buildfacts/go",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data12};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data8.python !== undefined){let data13 = data8.python;if(typeof data13 === "string"){if(func1(data13) > 64){const err42 = {instancePath:instancePath+"/build/system_setup/buildfacts/python",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data13};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(func1(data13) < 1){const err43 = {instancePath:instancePath+"/build/system_setup/buildfacts/python",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data13};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if(!pattern7.test(data13)){const err44 = {instancePath:instancePath+"/build/system_setup/buildfacts/python",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data13};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}else {const err45 = {instancePath:instancePath+"/build/system_setup/buildfacts/python",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data13};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data8.dotnet !== undefined){let data14 = data8.dotnet;if(typeof data14 === "string"){if(func1(data14) > 64){const err46 = {instancePath:instancePath+"/build/system_setup/buildfacts/dotnet",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data14};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}if(func1(data14) < 1){const err47 = {instancePath:instancePath+"/build/system_setup/buildfacts/dotnet",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data14};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}if(!pattern7.test(data14)){const err48 = {instancePath:instancePath+"/build/system_setup/buildfacts/dotnet",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data14};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/build/system_setup/buildfacts/dotnet",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data14};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data8.ruby !== undefined){let data15 = data8.ruby;if(typeof data15 === "string"){if(func1(data15) > 64){const err50 = {instancePath:instancePath+"/build/system_setup/buildfacts/ruby",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data15};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}if(func1(data15) < 1){const err51 = {instancePath:instancePath+"/build/system_setup/buildfacts/ruby",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data15};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}if(!pattern7.test(data15)){const err52 = {instancePath:instancePath+"/build/system_setup/buildfacts/ruby",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data15};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}else {const err53 = {instancePath:instancePath+"/build/system_setup/buildfacts/ruby",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data15};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data8.rust !== undefined){let data16 = data8.rust;if(typeof data16 === "string"){if(func1(data16) > 64){const err54 = {instancePath:instancePath+"/build/system_setup/buildfacts/rust",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data16};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}if(func1(data16) < 1){const err55 = {instancePath:instancePath+"/build/system_setup/buildfacts/rust",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data16};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}if(!pattern7.test(data16)){const err56 = {instancePath:instancePath+"/build/system_setup/buildfacts/rust",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data16};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}else {const err57 = {instancePath:instancePath+"/build/system_setup/buildfacts/rust",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data16};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}if(data8.php !== undefined){let data17 = data8.php;if(typeof data17 === "string"){if(func1(data17) > 64){const err58 = {instancePath:instancePath+"/build/system_setup/buildfacts/php",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data17};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}if(func1(data17) < 1){const err59 = {instancePath:instancePath+"/build/system_setup/buildfacts/php",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data17};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}if(!pattern7.test(data17)){const err60 = {instancePath:instancePath+"/build/system_setup/buildfacts/php",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data17};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}else {const err61 = {instancePath:instancePath+"/build/system_setup/buildfacts/php",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data17};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data8.shell !== undefined){let data18 = data8.shell;if(typeof data18 === "string"){if(func1(data18) > 64){const err62 = {instancePath:instancePath+"/build/system_setup/buildfacts/shell",schemaPath:"#/$defs/toolchainVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema35,data:data18};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}if(func1(data18) < 1){const err63 = {instancePath:instancePath+"/build/system_setup/buildfacts/shell",schemaPath:"#/$defs/toolchainVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data18};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}if(!pattern7.test(data18)){const err64 = {instancePath:instancePath+"/build/system_setup/buildfacts/shell",schemaPath:"#/$defs/toolchainVersion/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]*$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]*$"+"\"",schema:"^[0-9A-Za-z][0-9A-Za-z._+-]*$",parentSchema:schema35,data:data18};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}else {const err65 = {instancePath:instancePath+"/build/system_setup/buildfacts/shell",schemaPath:"#/$defs/toolchainVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data18};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}}}}else {const err66 = {instancePath:instancePath+"/build/system_setup",schemaPath:"#/properties/build/properties/system_setup/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.build.properties.system_setup.type,parentSchema:schema31.properties.build.properties.system_setup,data:data7};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data6.build_steps !== undefined){let data19 = data6.build_steps;if(Array.isArray(data19)){const len1 = data19.length;for(let i2=0; i2<len1; i2++){let data20 = data19[i2];if(data20 && typeof data20 == "object" && !Array.isArray(data20)){if(Object.keys(data20).length > 1){const err67 = {instancePath:instancePath+"/build/build_steps/" + i2,schemaPath:"#/$defs/buildStep/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema44,data:data20};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}if(Object.keys(data20).length < 1){const err68 = {instancePath:instancePath+"/build/build_steps/" + i2,schemaPath:"#/$defs/buildStep/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema44,data:data20};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}for(const key5 in data20){if(!(((((((key5 === "shell") || (key5 === "gradle")) || (key5 === "maven")) || (key5 === "npm")) || (key5 === "go")) || (key5 === "pip")) || (key5 === "make"))){const err69 = {instancePath:instancePath+"/build/build_steps/" + i2,schemaPath:"#/$defs/buildStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema44,data:data20};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data20.shell !== undefined){let data21 = data20.shell;if(typeof data21 === "string"){if(func1(data21) < 1){const err70 = {instancePath:instancePath+"/build/build_steps/" + i2+"/shell",schemaPath:"#/$defs/buildStep/properties/shell/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.shell,data:data21};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}else {const err71 = {instancePath:instancePath+"/build/build_steps/" + i2+"/shell",schemaPath:"#/$defs/buildStep/properties/shell/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.shell.type,parentSchema:schema44.properties.shell,data:data21};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}if(data20.gradle !== undefined){let data22 = data20.gradle;if(data22 && typeof data22 == "object" && !Array.isArray(data22)){if(data22.tasks === undefined){const err72 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle",schemaPath:"#/$defs/buildStep/properties/gradle/required",keyword:"required",params:{missingProperty: "tasks"},message:"must have required property '"+"tasks"+"'",schema:schema44.properties.gradle.required,parentSchema:schema44.properties.gradle,data:data22};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}for(const key6 in data22){if(!((key6 === "tasks") || (key6 === "useWrapper"))){const err73 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle",schemaPath:"#/$defs/buildStep/properties/gradle/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.gradle,data:data22};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}if(data22.tasks !== undefined){let data23 = data22.tasks;if(typeof data23 === "string"){if(func1(data23) < 1){const err74 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle/tasks",schemaPath:"#/$defs/buildStep/properties/gradle/properties/tasks/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.gradle.properties.tasks,data:data23};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}else {const err75 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle/tasks",schemaPath:"#/$defs/buildStep/properties/gradle/properties/tasks/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.gradle.properties.tasks.type,parentSchema:schema44.properties.gradle.properties.tasks,data:data23};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}if(data22.useWrapper !== undefined){let data24 = data22.useWrapper;if(typeof data24 !== "boolean"){const err76 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle/useWrapper",schemaPath:"#/$defs/buildStep/properties/gradle/properties/useWrapper/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.gradle.properties.useWrapper.type,parentSchema:schema44.properties.gradle.properties.useWrapper,data:data24};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}}else {const err77 = {instancePath:instancePath+"/build/build_steps/" + i2+"/gradle",schemaPath:"#/$defs/buildStep/properties/gradle/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.gradle.type,parentSchema:schema44.properties.gradle,data:data22};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}if(data20.maven !== undefined){let data25 = data20.maven;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){if(data25.goals === undefined){const err78 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven",schemaPath:"#/$defs/buildStep/properties/maven/required",keyword:"required",params:{missingProperty: "goals"},message:"must have required property '"+"goals"+"'",schema:schema44.properties.maven.required,parentSchema:schema44.properties.maven,data:data25};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}for(const key7 in data25){if(!((key7 === "goals") || (key7 === "useWrapper"))){const err79 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven",schemaPath:"#/$defs/buildStep/properties/maven/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.maven,data:data25};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}if(data25.goals !== undefined){let data26 = data25.goals;if(typeof data26 === "string"){if(func1(data26) < 1){const err80 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven/goals",schemaPath:"#/$defs/buildStep/properties/maven/properties/goals/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.maven.properties.goals,data:data26};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}else {const err81 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven/goals",schemaPath:"#/$defs/buildStep/properties/maven/properties/goals/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.maven.properties.goals.type,parentSchema:schema44.properties.maven.properties.goals,data:data26};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}if(data25.useWrapper !== undefined){let data27 = data25.useWrapper;if(typeof data27 !== "boolean"){const err82 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven/useWrapper",schemaPath:"#/$defs/buildStep/properties/maven/properties/useWrapper/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.maven.properties.useWrapper.type,parentSchema:schema44.properties.maven.properties.useWrapper,data:data27};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}}else {const err83 = {instancePath:instancePath+"/build/build_steps/" + i2+"/maven",schemaPath:"#/$defs/buildStep/properties/maven/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.maven.type,parentSchema:schema44.properties.maven,data:data25};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}if(data20.npm !== undefined){let data28 = data20.npm;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){if(Object.keys(data28).length > 1){const err84 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm",schemaPath:"#/$defs/buildStep/properties/npm/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema44.properties.npm,data:data28};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}if(Object.keys(data28).length < 1){const err85 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm",schemaPath:"#/$defs/buildStep/properties/npm/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema44.properties.npm,data:data28};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}for(const key8 in data28){if(!((key8 === "script") || (key8 === "command"))){const err86 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm",schemaPath:"#/$defs/buildStep/properties/npm/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.npm,data:data28};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}if(data28.script !== undefined){let data29 = data28.script;if(typeof data29 === "string"){if(func1(data29) < 1){const err87 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm/script",schemaPath:"#/$defs/buildStep/properties/npm/properties/script/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.npm.properties.script,data:data29};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}else {const err88 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm/script",schemaPath:"#/$defs/buildStep/properties/npm/properties/script/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.npm.properties.script.type,parentSchema:schema44.properties.npm.properties.script,data:data29};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data28.command !== undefined){let data30 = data28.command;if(typeof data30 === "string"){if(func1(data30) < 1){const err89 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm/command",schemaPath:"#/$defs/buildStep/properties/npm/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.npm.properties.command,data:data30};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}else {const err90 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm/command",schemaPath:"#/$defs/buildStep/properties/npm/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.npm.properties.command.type,parentSchema:schema44.properties.npm.properties.command,data:data30};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}}else {const err91 = {instancePath:instancePath+"/build/build_steps/" + i2+"/npm",schemaPath:"#/$defs/buildStep/properties/npm/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.npm.type,parentSchema:schema44.properties.npm,data:data28};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}if(data20.go !== undefined){let data31 = data20.go;if(data31 && typeof data31 == "object" && !Array.isArray(data31)){if(data31.command === undefined){const err92 = {instancePath:instancePath+"/build/build_steps/" + i2+"/go",schemaPath:"#/$defs/buildStep/properties/go/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema44.properties.go.required,parentSchema:schema44.properties.go,data:data31};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}for(const key9 in data31){if(!(key9 === "command")){const err93 = {instancePath:instancePath+"/build/build_steps/" + i2+"/go",schemaPath:"#/$defs/buildStep/properties/go/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.go,data:data31};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}if(data31.command !== undefined){let data32 = data31.command;if(typeof data32 === "string"){if(func1(data32) < 1){const err94 = {instancePath:instancePath+"/build/build_steps/" + i2+"/go/command",schemaPath:"#/$defs/buildStep/properties/go/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.go.properties.command,data:data32};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}else {const err95 = {instancePath:instancePath+"/build/build_steps/" + i2+"/go/command",schemaPath:"#/$defs/buildStep/properties/go/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.go.properties.command.type,parentSchema:schema44.properties.go.properties.command,data:data32};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}}else {const err96 = {instancePath:instancePath+"/build/build_steps/" + i2+"/go",schemaPath:"#/$defs/buildStep/properties/go/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.go.type,parentSchema:schema44.properties.go,data:data31};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}if(data20.pip !== undefined){let data33 = data20.pip;if(data33 && typeof data33 == "object" && !Array.isArray(data33)){if(data33.command === undefined){const err97 = {instancePath:instancePath+"/build/build_steps/" + i2+"/pip",schemaPath:"#/$defs/buildStep/properties/pip/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema44.properties.pip.required,parentSchema:schema44.properties.pip,data:data33};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}for(const key10 in data33){if(!(key10 === "command")){const err98 = {instancePath:instancePath+"/build/build_steps/" + i2+"/pip",schemaPath:"#/$defs/buildStep/properties/pip/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.pip,data:data33};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}if(data33.command !== undefined){let data34 = data33.command;if(typeof data34 === "string"){if(func1(data34) < 1){const err99 = {instancePath:instancePath+"/build/build_steps/" + i2+"/pip/command",schemaPath:"#/$defs/buildStep/properties/pip/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.pip.properties.command,data:data34};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}else {const err100 = {instancePath:instancePath+"/build/build_steps/" + i2+"/pip/command",schemaPath:"#/$defs/buildStep/properties/pip/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.pip.properties.command.type,parentSchema:schema44.properties.pip.properties.command,data:data34};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}}else {const err101 = {instancePath:instancePath+"/build/build_steps/" + i2+"/pip",schemaPath:"#/$defs/buildStep/properties/pip/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.pip.type,parentSchema:schema44.properties.pip,data:data33};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}if(data20.make !== undefined){let data35 = data20.make;if(data35 && typeof data35 == "object" && !Array.isArray(data35)){for(const key11 in data35){if(!(key11 === "targets")){const err102 = {instancePath:instancePath+"/build/build_steps/" + i2+"/make",schemaPath:"#/$defs/buildStep/properties/make/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema44.properties.make,data:data35};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data35.targets !== undefined){let data36 = data35.targets;if(typeof data36 === "string"){if(func1(data36) < 1){const err103 = {instancePath:instancePath+"/build/build_steps/" + i2+"/make/targets",schemaPath:"#/$defs/buildStep/properties/make/properties/targets/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.make.properties.targets,data:data36};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}else {const err104 = {instancePath:instancePath+"/build/build_steps/" + i2+"/make/targets",schemaPath:"#/$defs/buildStep/properties/make/properties/targets/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.make.properties.targets.type,parentSchema:schema44.properties.make.properties.targets,data:data36};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}}}else {const err105 = {instancePath:instancePath+"/build/build_steps/" + i2+"/make",schemaPath:"#/$defs/buildStep/properties/make/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.properties.make.type,parentSchema:schema44.properties.make,data:data35};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}}else {const err106 = {instancePath:instancePath+"/build/build_steps/" + i2,schemaPath:"#/$defs/buildStep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data20};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}}else {const err107 = {instancePath:instancePath+"/build/build_steps",schemaPath:"#/properties/build/properties/build_steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.build.properties.build_steps.type,parentSchema:schema31.properties.build.properties.build_steps,data:data19};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}}}else {const err108 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.build.type,parentSchema:schema31.properties.build,data:data6};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}if(data.build_command !== undefined){let data37 = data.build_command;if(typeof data37 === "string"){if(func1(data37) < 1){const err109 = {instancePath:instancePath+"/build_command",schemaPath:"#/properties/build_command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.build_command,data:data37};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}else {const err110 = {instancePath:instancePath+"/build_command",schemaPath:"#/properties/build_command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.build_command.type,parentSchema:schema31.properties.build_command,data:data37};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}if(data.artifacts !== undefined){let data38 = data.artifacts;if((typeof data38 !== "string") && (!(Array.isArray(data38)))){const err111 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: schema31.properties.artifacts.type},message:"must be string,array",schema:schema31.properties.artifacts.type,parentSchema:schema31.properties.artifacts,data:data38};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}const _errs104 = errors;let valid30 = true;const _errs105 = errors;if(typeof data38 !== "string"){const err112 = {};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}var _valid0 = _errs105 === errors;errors = _errs104;if(vErrors !== null){if(_errs104){vErrors.length = _errs104;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs107 = errors;if(typeof data38 === "string"){if(func1(data38) > 4096){const err113 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifactPath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema45,data:data38};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}if(func1(data38) < 1){const err114 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifactPath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data38};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}if(!pattern16.test(data38)){const err115 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifactPath/pattern",keyword:"pattern",params:{pattern: "^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"},message:"must match pattern \""+"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"+"\"",schema:"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$",parentSchema:schema45,data:data38};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}else {const err116 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifactPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data38};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}var _valid0 = _errs107 === errors;valid30 = _valid0;ifClause0 = "then";}else {const _errs110 = errors;if(Array.isArray(data38)){if(data38.length < 1){const err117 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/else/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.artifacts.else,data:data38};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}const len2 = data38.length;for(let i3=0; i3<len2; i3++){let data39 = data38[i3];if(typeof data39 === "string"){if(func1(data39) > 4096){const err118 = {instancePath:instancePath+"/artifacts/" + i3,schemaPath:"#/$defs/artifactPath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema45,data:data39};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}if(func1(data39) < 1){const err119 = {instancePath:instancePath+"/artifacts/" + i3,schemaPath:"#/$defs/artifactPath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data39};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}if(!pattern16.test(data39)){const err120 = {instancePath:instancePath+"/artifacts/" + i3,schemaPath:"#/$defs/artifactPath/pattern",keyword:"pattern",params:{pattern: "^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"},message:"must match pattern \""+"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$"+"\"",schema:"^(?![/\\\\~])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\u0000-\\u001f]+$",parentSchema:schema45,data:data39};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}}else {const err121 = {instancePath:instancePath+"/artifacts/" + i3,schemaPath:"#/$defs/artifactPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data39};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}}var _valid0 = _errs110 === errors;valid30 = _valid0;ifClause0 = "else";}if(!valid30){const err122 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema31.properties.artifacts.if,parentSchema:schema31.properties.artifacts,data:data38};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}}if(data.services !== undefined){let data40 = data.services;if(Array.isArray(data40)){const len3 = data40.length;for(let i4=0; i4<len3; i4++){if(!(validate21(data40[i4], {instancePath:instancePath+"/services/" + i4,parentData:data40,parentDataProperty:i4,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;}}}else {const err123 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.services.type,parentSchema:schema31.properties.services,data:data40};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}if(data.environments !== undefined){let data42 = data.environments;if(data42 && typeof data42 == "object" && !Array.isArray(data42)){for(const key12 in data42){const _errs119 = errors;if(typeof key12 === "string"){if(func1(key12) > 63){const err124 = {instancePath:instancePath+"/environments",schemaPath:"#/$defs/environmentName/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema51,data:key12,propertyName:key12};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}if(func1(key12) < 1){const err125 = {instancePath:instancePath+"/environments",schemaPath:"#/$defs/environmentName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema51,data:key12,propertyName:key12};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}if(!pattern4.test(key12)){const err126 = {instancePath:instancePath+"/environments",schemaPath:"#/$defs/environmentName/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema51,data:key12,propertyName:key12};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}else {const err127 = {instancePath:instancePath+"/environments",schemaPath:"#/$defs/environmentName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.type,parentSchema:schema51,data:key12,propertyName:key12};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}var valid37 = _errs119 === errors;if(!valid37){const err128 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/propertyNames",keyword:"propertyNames",params:{propertyName: key12},message:"property name must be valid",schema:schema31.properties.environments.propertyNames,parentSchema:schema31.properties.environments,data:data42};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}for(const key13 in data42){if(!(validate23(data42[key13], {instancePath:instancePath+"/environments/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data42,parentDataProperty:key13,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);errors = vErrors.length;}}}else {const err129 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.environments.type,parentSchema:schema31.properties.environments,data:data42};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}}else {const err130 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}validate20.errors = vErrors;return errors === 0;}validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/manifest/schema.ts





// Compiled ahead of time from schema/default.schema.json (scripts/gen-validators.mjs).

/** Everything in `manifest` the schema rejects, in words a person can act on. */
function schemaProblems(manifest, sourceText) {
    if (validate(manifest))
        return [];
    const errors = validate.errors ?? [];
    // A value of the wrong type also fails its enum or pattern; the type is the problem to report.
    const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    return errors
        .filter((error) => error.keyword === 'type' ||
        error.propertyName !== undefined ||
        !wrongType.has(error.instancePath))
        .flatMap((error) => {
        const problem = explain(error, manifest, sourceText);
        return problem ? [problem] : [];
    });
}
function explain(error, manifest, sourceText) {
    const path = jsonPointerToPath(error.instancePath, manifest);
    const value = error.data;
    const schema = isPlainObject(error.parentSchema)
        ? error.parentSchema
        : {};
    const params = error.params;
    switch (error.keyword) {
        // Both only wrap errors reported on their own: the propertyNames' inner
        // error names the key; the if/then/else branch's errors name the value.
        case 'if':
        case 'propertyNames':
            return undefined;
        case 'required': {
            const missing = String(params.missingProperty);
            const example = firstExample(propertySchema(schema, missing));
            const such = example === undefined ? '' : `, such as ${JSON.stringify(missing)}: ${inlineJson(example)}`;
            return {
                path,
                message: `the required property ${JSON.stringify(missing)} is missing.`,
                fix: `add it${such}.`,
            };
        }
        case 'additionalProperties': {
            const unknown = String(params.additionalProperty);
            const known = Object.keys(isPlainObject(schema.properties) ? schema.properties : {});
            return {
                path: [...path, unknown],
                at: 'key',
                message: `unknown property ${JSON.stringify(unknown)}.`,
                fix: unknownPropertyFix(unknown, path, known),
            };
        }
        case 'enum': {
            const allowed = params.allowedValues.map((v) => JSON.stringify(v));
            const title = typeof schema.title === 'string' ? schema.title.toLowerCase() : 'value';
            const guess = typeof value === 'string'
                ? closestMatch(value, params.allowedValues)
                : undefined;
            const list = allowed.join(', ');
            return {
                path,
                message: `${previewValue(value)} is not a known ${title}.`,
                fix: guess
                    ? `did you mean ${JSON.stringify(guess)}? The allowed values are ${list}.`
                    : `use one of ${list}.`,
            };
        }
        case 'type':
            return typeProblem(path, value, schema, typeNames(params.type), sourceText(path), manifest);
        case 'pattern':
        case 'minLength':
        case 'maxLength': {
            const isKey = error.propertyName !== undefined;
            const text = isKey ? String(error.propertyName) : String(value);
            const at = isKey ? [...path, text] : path;
            const explanation = explainFormat(at, text, manifest, isKey);
            if (explanation)
                return { path: at, at: isKey ? 'key' : 'value', ...explanation };
            if (error.keyword === 'minLength') {
                return {
                    path,
                    message: 'the value is empty.',
                    fix: 'write a value, or leave the property out.',
                };
            }
            const description = typeof schema.description === 'string' ? ` ${schema.description}` : '';
            return {
                path: at,
                at: isKey ? 'key' : 'value',
                message: `${previewValue(text)} is not valid here.`,
                fix: `follow the format:${description}`,
            };
        }
        case 'minimum':
            return {
                path,
                message: `${previewValue(value)} is below the minimum, ${String(params.limit)}.`,
                fix: `use a whole number of at least ${String(params.limit)}.`,
            };
        case 'minItems':
            return {
                path,
                message: 'the list is empty.',
                fix: 'list at least one item, or leave the property out.',
            };
        case 'uniqueItems': {
            const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
            const item = Array.isArray(value) ? value[second ?? 0] : undefined;
            return {
                path: [...path, second ?? 0],
                message: `${previewValue(item)} is listed twice (items ${first} and ${second}).`,
                fix: 'remove one of them.',
            };
        }
        case 'minProperties':
        case 'maxProperties':
            return propertyCountProblem(path, value, error.keyword);
        default:
            return {
                path,
                message: `${previewValue(value)}: ${error.message ?? 'is not valid'}.`,
                fix: 'see this property in schema/default.schema.json.',
            };
    }
}
function unknownPropertyFix(unknown, parentPath, known) {
    const allowed = known.length > 0 ? ` The properties allowed here are ${known.join(', ')}.` : '';
    const guess = closestMatch(unknown, known);
    const homes = propertyHomes()
        .get(unknown)
        ?.filter((home) => !pathMatches(parentPath, home)) ?? [];
    const elsewhere = homes.map(formatHome).join(' or ');
    if (guess && homes.length > 0) {
        return `did you mean ${JSON.stringify(guess)}? Or move ${JSON.stringify(unknown)} to ${elsewhere}, where it belongs.`;
    }
    if (guess)
        return `did you mean ${JSON.stringify(guess)}?${allowed}`;
    if (homes.length > 0) {
        return `${JSON.stringify(unknown)} belongs in ${elsewhere}, not in ${formatJsonPath(parentPath)}: move it there.`;
    }
    return `remove it or correct its name.${allowed}`;
}
function typeProblem(path, value, schema, expected, source, manifest) {
    if (path.length === 0) {
        return {
            path,
            message: `the manifest must be an object, not ${describeJsonType(value)}.`,
            fix: `write one object, such as ${MINIMAL_MANIFEST_EXAMPLE}.`,
        };
    }
    const wanted = expected.map(describeExpectedType).join(' or ');
    const message = `expected ${wanted}, got ${describeActual(value, source)}.`;
    if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
        // Quote the text as written: the number 3.10 has already lost its 0.
        const quoted = source ?? String(value);
        const definition = formatDefinitionAt(path);
        if (definition && !matchesDefinition(definition, quoted)) {
            const explanation = explainFormat(path, quoted, manifest);
            if (explanation)
                return { path, message, fix: `write a string in double quotes, and ${explanation.fix}` };
        }
        return { path, message, fix: `put it in double quotes: ${JSON.stringify(quoted)}.` };
    }
    if (expected.includes('boolean') && (value === 'true' || value === 'false')) {
        return { path, message, fix: `write ${value} without quotes.` };
    }
    if (expected.some((t) => t === 'integer' || t === 'number') &&
        typeof value === 'string' &&
        /^-?\d+(\.\d+)?$/.test(value.trim())) {
        return { path, message, fix: `write ${value.trim()} without quotes.` };
    }
    if (pathMatches(path, ['build', 'build_steps', '*']) && typeof value === 'string') {
        return { path, message, fix: `write it as a shell step: ${inlineJson({ shell: value })}.` };
    }
    if (expected.includes('integer') && typeof value === 'number') {
        return { path, message, fix: `use a whole number such as ${Math.max(0, Math.round(value))}.` };
    }
    if (expected.includes('array') && isPlainObject(value)) {
        return { path, message, fix: 'put the object in a list: [ { … } ].' };
    }
    const example = firstExample(schema);
    const such = example === undefined ? '' : `, such as ${inlineJson(example)}`;
    return { path, message, fix: `write ${wanted} here${such}.` };
}
/** "the number 3.10" (as written), "the string \"17\"", "an object", "null". */
function describeActual(value, source) {
    if (typeof value === 'number')
        return `the number ${source ?? String(value)}`;
    if (typeof value === 'string')
        return `the string ${previewValue(value)}`;
    if (typeof value === 'boolean')
        return String(value);
    return describeJsonType(value);
}
function propertyCountProblem(path, value, keyword) {
    const keys = isPlainObject(value) ? Object.keys(value).map((k) => JSON.stringify(k)) : [];
    if (pathMatches(path, ['build', 'build_steps', '*', 'npm'])) {
        return keyword === 'maxProperties'
            ? {
                path,
                message: 'the npm step has both "script" and "command".',
                fix: 'keep one of them; use two npm steps to run both.',
            }
            : {
                path,
                message: 'the npm step is empty.',
                fix: 'add "script" (npm run <script>) or "command" (npm <command>), such as "script": "build".',
            };
    }
    if (pathMatches(path, ['build', 'build_steps', '*'])) {
        return keyword === 'maxProperties'
            ? {
                path,
                message: `a build step has exactly one kind, but this one has ${keys.join(' and ')}.`,
                fix: 'split it into one step per kind, in the order they should run.',
            }
            : {
                path,
                message: 'the build step is empty.',
                fix: 'give it one kind (shell, gradle, maven, npm, go, pip or make), such as { "shell": "./build.sh" }.',
            };
    }
    return {
        path,
        message: `the object has the wrong number of properties (${keys.length}).`,
        fix: 'see this property in schema/default.schema.json.',
    };
}
function typeNames(type) {
    return Array.isArray(type) ? type.map(String) : [String(type)];
}
function describeExpectedType(type) {
    const names = {
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        boolean: 'true or false',
        object: 'an object',
        array: 'a list',
        null: 'null',
    };
    return names[type] ?? type;
}
function propertySchema(schema, name) {
    return isPlainObject(schema.properties) ? schema.properties[name] : undefined;
}
function firstExample(schema) {
    return isPlainObject(schema) && Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}
let homesByName;
/** Every property name in the schema and where it may appear, to say where a misplaced key belongs. */
function propertyHomes() {
    if (homesByName)
        return homesByName;
    const homes = new Map();
    const visit = (node, at, depth) => {
        if (!isPlainObject(node) || depth > 12)
            return;
        const target = typeof node.$ref === 'string' ? resolveLocalRef(node.$ref) : undefined;
        if (target)
            visit(target, at, depth + 1);
        if (isPlainObject(node.properties)) {
            for (const [name, child] of Object.entries(node.properties)) {
                if (name === '$schema')
                    continue;
                homes.set(name, [...(homes.get(name) ?? []), at]);
                visit(child, [...at, name], depth + 1);
            }
        }
        for (const branch of [node.items, node.additionalProperties])
            visit(branch, [...at, '*'], depth + 1);
        for (const branch of [node.then, node.else])
            visit(branch, at, depth + 1);
    };
    visit(MANIFEST_SCHEMA, [], 0);
    homesByName = homes;
    return homes;
}
function resolveLocalRef(ref) {
    const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
    return name ? schemaDefinition(name) : undefined;
}
function formatHome(home) {
    return home.length === 0
        ? '$ (the top level)'
        : home.reduce((text, segment) => `${text}${segment === '*' ? '[*]' : `.${segment}`}`, '$');
}

;// CONCATENATED MODULE: ./src/manifest/syntax.ts



const VALUE_START = /^["{[0-9tfn-]/;
/** Whether the text holds nothing but whitespace and comments. */
function isBlank(text) {
    return (0,main.createScanner)(text, true).scan() === TOKEN.eof;
}
/**
 * Syntax errors as problems. A missing comma between two values leaves the
 * rest of the file readable, so every one is reported; after any other error
 * the parser is guessing, so reporting stops there rather than listing noise.
 */
function syntaxProblems(document) {
    const errors = [...document.syntaxErrors].sort((a, b) => a.offset - b.offset);
    const problems = [];
    for (const [index, error] of errors.entries()) {
        const found = document.text.slice(error.offset, error.offset + error.length);
        const isMissingComma = (0,main.printParseErrorCode)(error.error) === 'CommaExpected' && VALUE_START.test(found);
        problems.push(isMissingComma ? missingComma(document, error) : describeSyntaxError(document, error, found));
        const isLast = !isMissingComma || problems.length === MAX_LISTED_PROBLEMS;
        if (isLast)
            return { problems, omitted: errors.length - index - 1 };
    }
    return { problems, omitted: 0 };
}
function missingComma(document, error) {
    // The value after the missing comma: a property's key, or a list item.
    const next = document.root ? (0,main.findNodeAtOffset)(document.root, error.offset) : undefined;
    const parent = next?.parent;
    const container = parent?.type === 'property' ? parent.parent : parent;
    const what = parent?.type === 'property'
        ? `the property ${JSON.stringify(parent.children?.[0]?.value)}`
        : `item ${parent?.children?.indexOf(next) ?? '?'}`;
    const nextLine = positionAt(document, error.offset).line;
    // Point where the comma belongs, right after the previous value, not at the next one.
    const insertAt = scanUpTo(document.text, error.offset).previousTokenEnd;
    const { line, column } = positionAt(document, insertAt);
    return {
        path: container
            ? (0,main.getNodePath)(container)
            : cleanPath((0,main.getLocation)(document.text, error.offset).path),
        span: { offset: insertAt, length: 0 },
        message: `missing "," before ${what} on line ${nextLine}.`,
        fix: `add "," at line ${line}, column ${column}, right after the previous value.`,
    };
}
function describeSyntaxError(document, error, found) {
    const path = cleanPath((0,main.getLocation)(document.text, error.offset).path);
    const span = { offset: error.offset, length: error.length };
    const shown = found === '' ? 'the end of the file' : JSON.stringify(truncate(found));
    const code = (0,main.printParseErrorCode)(error.error);
    switch (code) {
        case 'CommaExpected':
        case 'CloseBraceExpected':
        case 'CloseBracketExpected':
            return unclosed(document, error, path, shown);
        case 'InvalidSymbol':
            if (found.startsWith("'")) {
                return {
                    path,
                    span,
                    message: `${shown} is in single quotes, which JSON does not allow.`,
                    fix: `use double quotes: ${JSON.stringify(found.replace(/^'|'$/g, ''))}.`,
                };
            }
            if (/^[A-Za-z_$][\w$-]{0,40}$/.test(found)) {
                return {
                    path,
                    span,
                    message: `unexpected word ${found}: names and text must be in double quotes.`,
                    fix: `write ${JSON.stringify(found)}.`,
                };
            }
            return {
                path,
                span,
                message: `unexpected ${shown}.`,
                fix: 'remove it, or put text in double quotes.',
            };
        case 'PropertyNameExpected':
            return {
                path,
                span,
                message: `expected a property name in double quotes, found ${shown}.`,
                fix: 'write the name in double quotes, such as "name": "value".',
            };
        case 'ValueExpected':
            return {
                path,
                span,
                message: `expected a value, found ${shown}.`,
                fix: 'write a value: a string in double quotes, a number, true, false, null, an object or a list.',
            };
        case 'ColonExpected':
            return {
                path,
                span,
                message: `expected ":" after the property name, found ${shown}.`,
                fix: 'put ":" between the property name and its value.',
            };
        case 'EndOfFileExpected':
            return {
                path: [],
                span,
                message: `unexpected ${shown} after the end of the top-level object.`,
                fix: 'the file holds one object: remove what follows its closing "}" or move it inside.',
            };
        case 'InvalidNumberFormat':
        case 'UnexpectedEndOfNumber':
            return {
                path,
                span,
                message: `${shown} is not a valid number.`,
                fix: 'write numbers like 1, 0.5 or 1e3, and versions as strings such as "1.10".',
            };
        case 'UnexpectedEndOfString':
            return {
                path,
                span,
                message: 'the string is not closed before the end of the line.',
                fix: 'close it with a double quote; write a line break inside a string as \\n.',
            };
        case 'InvalidCharacter':
            return {
                path,
                span,
                message: 'a string contains a control character such as a tab or a line break.',
                fix: 'write a tab as \\t and a line break as \\n.',
            };
        case 'InvalidEscapeCharacter':
        case 'InvalidUnicode':
            return {
                path,
                span,
                message: `${shown} is not a valid escape in a string.`,
                fix: 'write a backslash as \\\\ (or use "/" in paths) and Unicode escapes as \\u followed by four hex digits.',
            };
        case 'UnexpectedEndOfComment':
        case 'InvalidCommentToken':
            return {
                path,
                span,
                message: 'a /* comment is not closed.',
                fix: 'close it with */.',
            };
        default:
            return { path, span, message: `${code} at ${shown}.`, fix: 'correct the JSON syntax here.' };
    }
}
/** A bracket that is never closed, or closed by the wrong kind. */
function unclosed(document, error, path, shown) {
    const open = scanUpTo(document.text, error.offset).openBrackets.at(-1);
    const span = { offset: error.offset, length: error.length };
    if (!open) {
        return { path, span, message: `unexpected ${shown}.`, fix: 'correct the brackets here.' };
    }
    const where = positionAt(document, open.offset);
    const kind = open.token === TOKEN.openBrace ? 'object' : 'list';
    const closer = open.token === TOKEN.openBrace ? '}' : ']';
    const openNode = document.root ? (0,main.findNodeAtOffset)(document.root, open.offset) : undefined;
    return {
        path: openNode ? (0,main.getNodePath)(openNode) : path,
        span,
        message: `the ${kind} opened at line ${where.line}, column ${where.column} is not closed: expected "," or "${closer}", found ${shown}.`,
        fix: `add the missing "${closer}"; when several are missing, the indentation shows where each belongs.`,
    };
}
function scanUpTo(text, offset) {
    const scanner = (0,main.createScanner)(text, true);
    const result = { previousTokenEnd: 0, openBrackets: [] };
    for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
        if (scanner.getTokenOffset() >= offset)
            break;
        result.previousTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
        if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
            result.openBrackets.push({ token, offset: scanner.getTokenOffset() });
        }
        else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
            const opener = token === TOKEN.closeBrace ? TOKEN.openBrace : TOKEN.openBracket;
            const index = result.openBrackets.findLastIndex((open) => open.token === opener);
            if (index >= 0)
                result.openBrackets.splice(index);
        }
    }
    return result;
}
/** jsonc-parser ends a path with "" while it waits for a property name; that segment says nothing. */
function cleanPath(path) {
    return path.at(-1) === '' ? path.slice(0, -1) : path;
}
function truncate(text) {
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

;// CONCATENATED MODULE: ./src/manifest/load.ts












/**
 * Reads and validates a default.json. Throws a UserError when the file can't
 * be read, and a UserErrors listing every problem when its content is wrong.
 */
async function loadManifest(file, options = {}) {
    const displayPath = options.displayPath ?? file;
    const text = await readBoundedText(file, displayPath);
    return parseManifest(text, displayPath);
}
/**
 * Validates manifest text; `file` is only used in messages and locations.
 * Every problem is found in one pass and thrown as one UserErrors, each entry
 * located at file:line:column with its JSON path and a fix.
 */
function parseManifest(text, file) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_MANIFEST_BYTES)
        throw load_tooLarge(file, bytes);
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
    // Editors on Windows may save a byte-order mark; it is not a column anyone sees.
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const document = parseJsonc(body);
    if (isBlank(body)) {
        throw invalid(file, document, [
            {
                path: [],
                span: { offset: 0, length: 0 },
                message: body.trim() === '' ? 'the file is empty.' : 'the file has only comments.',
                fix: `write the manifest object, such as ${MINIMAL_MANIFEST_EXAMPLE}.`,
            },
        ]);
    }
    if (document.tooDeepAt !== undefined) {
        throw invalid(file, document, [
            {
                path: [],
                span: { offset: document.tooDeepAt, length: 1 },
                message: `objects and lists are nested more than ${MAX_NESTING_DEPTH} levels deep here.`,
                fix: 'a manifest needs only a few levels: look for brackets that are opened and never closed.',
            },
        ]);
    }
    if (document.syntaxErrors.length > 0) {
        const { problems, omitted } = syntaxProblems(document);
        const note = omitted > 0
            ? ` (${omitted} more syntax ${load_plural(omitted, 'error')} not shown; fix these first)`
            : '';
        throw invalid(file, document, problems, `The manifest is not valid JSON${note}:`);
    }
    const manifest = document.root ? nodeValue(document.root) : undefined;
    const fromSchema = schemaProblems(manifest, (path) => sourceText(document, path));
    const schemaPaths = new Set(fromSchema.map((problem) => formatJsonPath(problem.path)));
    const problems = [
        ...duplicateKeyProblems(document),
        ...fromSchema,
        // One problem per value: a value the schema rejects is not checked against others.
        ...crossFieldProblems(manifest).filter((problem) => !schemaPaths.has(formatJsonPath(problem.path))),
    ];
    if (problems.length > 0)
        throw invalid(file, document, problems);
    const locate = (path, at) => locatePath(document, file, path, at);
    return { ...normalizeManifest(manifest, file, sha256), locate };
}
function duplicateKeyProblems(document) {
    return findDuplicateKeys(document.root).map(({ path, keyNode, firstKeyNode }) => {
        const first = positionAt(document, firstKeyNode.offset);
        return {
            path,
            span: { offset: keyNode.offset, length: keyNode.length },
            message: `${JSON.stringify(path.at(-1))} appears twice in the same object (first at line ${first.line}, column ${first.column}); only the last value would count.`,
            fix: 'keep one of them.',
        };
    });
}
function sourceText(document, path) {
    const node = findValueNode(document.root, path);
    return node ? document.text.slice(node.offset, node.offset + node.length) : undefined;
}
function invalid(file, document, problems, summary) {
    const { errors, total } = toUserErrors(problems, document, file, MAX_LISTED_PROBLEMS);
    const count = `${total} ${load_plural(total, 'problem')}`;
    const heading = summary ??
        (errors.length < total
            ? `The manifest is not valid (${count}; the first ${errors.length} are listed):`
            : `The manifest is not valid (${count}):`);
    return new src_errors/* UserErrors */.tQ(heading, errors);
}
function load_plural(count, noun) {
    return count === 1 ? noun : `${noun}s`;
}
/** The file as text, never reading more than the size limit, even if the file grows meanwhile. */
async function readBoundedText(file, displayPath) {
    const fullPath = (0,external_node_path_.resolve)(file);
    let handle;
    try {
        handle = await (0,promises_.open)(fullPath, 'r');
    }
    catch (error) {
        throw unreadable(error, fullPath, displayPath);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
            throw new src_errors/* UserError */.yo(`The manifest path ${fullPath} is not a file.`, {
                fix: `point the "${MANIFEST_INPUT}" input at the manifest file itself, such as "${DEFAULT_MANIFEST_PATH}".`,
                location: { file: displayPath },
            });
        }
        if (stats.size > MAX_MANIFEST_BYTES)
            throw load_tooLarge(displayPath, stats.size);
        const buffer = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
        let length = 0;
        while (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        if (length > MAX_MANIFEST_BYTES)
            throw load_tooLarge(displayPath, length);
        try {
            return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer.subarray(0, length));
        }
        catch (error) {
            throw new src_errors/* UserError */.yo(`${displayPath} is not valid UTF-8 text.`, {
                fix: 'save the file as UTF-8.',
                location: { file: displayPath },
                cause: error,
            });
        }
    }
    finally {
        await handle.close();
    }
}
function unreadable(error, fullPath, displayPath) {
    const code = error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
        return new src_errors/* UserError */.yo(`No manifest found at ${fullPath}.`, {
            fix: `add a ${DEFAULT_MANIFEST_PATH} at the repository root, or set the action's "${MANIFEST_INPUT}" input to the path of yours.`,
            cause: error,
        });
    }
    if (code === 'EACCES' || code === 'EPERM') {
        return new src_errors/* UserError */.yo(`The manifest ${fullPath} can't be read: permission denied.`, {
            fix: 'make the file readable by the user the runner runs as.',
            location: { file: displayPath },
            cause: error,
        });
    }
    return error instanceof Error ? error : new Error(String(error));
}
function load_tooLarge(file, bytes) {
    return new src_errors/* UserError */.yo(`${file} is ${bytes} bytes; a manifest may be at most ${MAX_MANIFEST_BYTES} bytes (1 MiB).`, {
        fix: `check that the "${MANIFEST_INPUT}" input points at default.json and not at another file.`,
        location: { file },
    });
}

;// CONCATENATED MODULE: ./src/manifest/index.ts
/** default.json: the application manifest, loaded, validated and normalized. */





// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/inspec/annotate.ts




/** GitHub shows 10 annotations of each level per step; more is noise. */
const MAX_ANNOTATIONS = 50;
/**
 * An annotation on each failing control's line, for profiles kept in the
 * repository (critical and high as errors, the rest as warnings), and a
 * warning for each waiver that lapses within two weeks.
 */
function annotateFindings(controls, waivers, locator, workspace) {
    let emitted = 0;
    for (const control of controls) {
        if (emitted >= MAX_ANNOTATIONS)
            break;
        if (!isFailing(control.status))
            continue;
        const location = locator.locate(control);
        if (!location)
            continue;
        (0,annotations/* annotate */.f)(control.severity === 'critical' || control.severity === 'high' ? 'error' : 'warning', failureMessages(control).join('\n') || control.title, { file: (0,external_node_path_.join)(workspace, location.path), ...(location.line ? { line: location.line } : {}) }, `${control.id} ${control.status.replace('_', ' ')} (${control.severity})`);
        emitted++;
    }
    for (const waiver of waivers) {
        if (waiver.state !== 'expiring')
            continue;
        (0,annotations/* annotate */.f)('warning', `The waiver of ${waiver.control.id} expires on ${waiver.expirationDate} (${waiver.daysLeft} days): ${waiver.justification}`);
    }
}

;// CONCATENATED MODULE: ./src/inspec/junit.ts

/**
 * JUnit XML, one test suite per profile and one test case per control:
 * failed → <failure>, error or no results → <error>, not applicable or
 * skipped → <skipped>, with the severity in the case's properties (InSpec's
 * own junit2 reporter has none).
 */
function toJUnit(controls, options) {
    const suites = new Map();
    for (const control of controls) {
        const suite = suites.get(control.profile);
        if (suite)
            suite.push(control);
        else
            suites.set(control.profile, [control]);
    }
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const all = tally(controls);
    lines.push(`<testsuites name="${xml(options.name)}" tests="${controls.length}" failures="${all.failures}" errors="${all.errors}" skipped="${all.skipped}" time="${seconds(controls)}">`);
    for (const [profile, members] of suites) {
        const counts = tally(members);
        lines.push(`  <testsuite name="${xml(profile)}" tests="${members.length}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(members)}" timestamp="${options.timestamp.toISOString().replace(/\.\d+Z$/, '')}">`);
        for (const control of members)
            lines.push(...testCase(control));
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>', '');
    return lines.join('\n');
}
function testCase(control) {
    const name = control.title ? `${control.id}: ${control.title}` : control.id;
    const open = `    <testcase classname="${xml(control.profile)}" name="${xml(name)}" time="${seconds([control])}">`;
    const properties = `      <properties><property name="severity" value="${control.severity}"/><property name="impact" value="${control.impact}"/></properties>`;
    const detail = failureMessages(control).join('\n');
    const body = [];
    switch (control.status) {
        case 'failed':
            body.push(`      <failure message="${xml(firstLine(detail))}" type="failed">${xml(detail)}</failure>`);
            break;
        case 'error':
        case 'profile_error':
            body.push(`      <error message="${xml(firstLine(detail))}" type="${control.status}">${xml(detail)}</error>`);
            break;
        case 'not_applicable':
        case 'not_reviewed': {
            const reason = control.results.find((r) => r.skip_message)?.skip_message ?? control.status;
            body.push(`      <skipped message="${xml(reason)}"/>`);
            break;
        }
        case 'passed':
            break;
    }
    return [open, properties, ...body, '    </testcase>'];
}
function tally(controls) {
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    for (const c of controls) {
        if (c.status === 'failed')
            failures++;
        else if (c.status === 'error' || c.status === 'profile_error')
            errors++;
        else if (c.status === 'not_applicable' || c.status === 'not_reviewed')
            skipped++;
    }
    return { failures, errors, skipped };
}
function seconds(controls) {
    let total = 0;
    for (const c of controls)
        for (const r of c.results)
            total += r.run_time ?? 0;
    return total.toFixed(6);
}
function firstLine(text) {
    return text.split('\n').find((line) => line.trim() !== '') ?? '';
}
/** Escapes for attributes and text, and drops characters XML 1.0 forbids (ANSI escapes, NUL). */
function xml(text) {
    return text
        .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}

;// CONCATENATED MODULE: ./src/inspec/locate.ts


/**
 * Finds a control's `source_location` inside the repository, so annotations
 * and SARIF point at the line of the control. InSpec writes the ref relative
 * to the directory it ran in (the workspace) or to the profile; a profile
 * fetched from git or an archive lives in a cache outside the repository
 * and gets no location.
 */
class RepoLocator {
    workspace;
    profileDir;
    known = new Map();
    constructor(workspace, profileDir) {
        this.workspace = workspace;
        this.profileDir = profileDir;
    }
    locate(control) {
        const ref = control.source?.ref;
        if (!ref)
            return undefined;
        let path = this.known.get(ref);
        if (!this.known.has(ref)) {
            path = this.find(ref);
            this.known.set(ref, path);
        }
        return path === undefined ? undefined : { path, line: control.source?.line };
    }
    find(ref) {
        const bases = (0,external_node_path_.isAbsolute)(ref) ? [''] : [this.workspace, this.profileDir];
        for (const base of bases) {
            if (base === undefined)
                continue;
            const candidate = (0,external_node_path_.resolve)(this.workspace, base, ref);
            const inRepo = (0,external_node_path_.relative)(this.workspace, candidate);
            if (inRepo.startsWith('..') || (0,external_node_path_.isAbsolute)(inRepo))
                continue;
            if ((0,external_node_fs_.existsSync)(candidate))
                return inRepo.split(external_node_path_.sep).join('/');
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/inspec/sarif.ts


/** GitHub code scanning ranks alerts by this property (0.1–10). */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    none: undefined,
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    none: 'note',
};
const MAX_MESSAGE = 4000;
/**
 * SARIF 2.1.0 for GitHub code scanning: one result per failing control
 * (failed, error, no results), one rule per control, located at the
 * control's source line when the profile is in the repository.
 */
function toSarif(controls, options) {
    const failing = controls.filter((c) => isFailing(c.status));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: options.toolName,
                        ...(options.toolVersion ? { version: options.toolVersion } : {}),
                        informationUri: 'https://docs.chef.io/inspec/',
                        rules: failing.map(rule),
                    },
                },
                results: failing.map((control, index) => result(control, index, options.locate(control))),
            },
        ],
    };
}
function rule(control) {
    const securitySeverity = SECURITY_SEVERITY[control.severity];
    return {
        id: control.id,
        name: control.id,
        shortDescription: { text: control.title || control.id },
        defaultConfiguration: { level: LEVEL[control.severity] },
        properties: {
            tags: ['compliance', 'inspec', control.profile],
            ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
            impact: control.impact,
            severity: control.severity,
        },
    };
}
function result(control, ruleIndex, location) {
    const detail = failureMessages(control).join('\n');
    const text = `${control.title || control.id} (${control.status.replace('_', ' ')}, ${control.severity})${detail ? `\n${detail}` : ''}`;
    return {
        ruleId: control.id,
        ruleIndex,
        level: LEVEL[control.severity],
        message: { text: text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text },
        ...(location
            ? {
                locations: [
                    {
                        physicalLocation: {
                            artifactLocation: { uri: location.path },
                            ...(location.line ? { region: { startLine: location.line } } : {}),
                        },
                    },
                ],
            }
            : {}),
        properties: { profile: control.profile, status: control.status },
    };
}

;// CONCATENATED MODULE: ./src/inspec/waivers.ts
/** A waiver expiring within this many days is warned about. */
const WAIVER_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Every waived control with its justification and expiry. InSpec honours a
 * waiver through its expiration date and runs the control normally after it,
 * so an expired waiver is shown too: the control is back to counting.
 */
function waiverNotes(controls, now) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const notes = [];
    for (const control of controls) {
        const waiver = control.waiver;
        if (!waiver)
            continue;
        const expires = parseDay(waiver.expiration_date);
        const daysLeft = expires === undefined ? undefined : Math.round((expires - today) / DAY_MS);
        notes.push({
            control,
            justification: waiver.justification?.trim() || '(no justification given)',
            expirationDate: waiver.expiration_date,
            daysLeft,
            state: stateOf(daysLeft),
            skipped: waiver.skipped_due_to_waiver === true,
        });
    }
    return notes;
}
function stateOf(daysLeft) {
    if (daysLeft === undefined)
        return 'no-expiry';
    if (daysLeft < 0)
        return 'expired';
    return daysLeft <= WAIVER_WARNING_DAYS ? 'expiring' : 'active';
}
/** `2025-06-30` (InSpec's waiver files) or a full timestamp, as a UTC day. */
function parseDay(text) {
    if (!text)
        return undefined;
    const time = Date.parse(text);
    if (Number.isNaN(time))
        return undefined;
    const date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

;// CONCATENATED MODULE: ./actions/inspec-verify/src/summary.ts











/** Annotations, SARIF, JUnit and the job summary, all from the redacted report. */
async function publishResults(scan, inputs, judged) {
    const { profile, report, controls, notSelected, gate, label, now } = judged;
    const locator = new RepoLocator(scan.workspace, profile.directory);
    const waivers = waiverNotes(controls, now);
    annotateFindings(controls, waivers, locator, scan.workspace);
    const write = async (file, text) => {
        const path = (0,external_node_path_.resolve)(scan.workspace, file);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(path, text);
        src_core/* info */.pq(`Wrote ${file}`);
    };
    if (inputs.sarif) {
        const [toolName, toolVersion] = [label.replace(/ [\d.]+$/, ''), /[\d.]+$/.exec(label)?.[0]];
        const sarif = toSarif(controls, { toolName, toolVersion, locate: (c) => locator.locate(c) });
        await write(inputs.sarif, JSON.stringify(sarif, null, 2));
    }
    if (inputs.junit)
        await write(inputs.junit, toJUnit(controls, { name: 'inspec-verify', timestamp: now }));
    const summary = renderSummary({
        tool: label,
        target: scan.target,
        profiles: report.profiles,
        thresholdSource: scan.threshold,
        gate,
        controls,
        waivers,
        comparison: scan.previous ? compareRuns(controls, scan.previous) : undefined,
        notSelected,
    });
    await writeSummary((builder) => builder.addRaw(summary));
}

;// CONCATENATED MODULE: ./actions/inspec-verify/src/stage.ts



























/**
 * The gate: check every input up front (target, profile, thresholds,
 * previous report, inputs file), find or install the tool, `check` the
 * profile, run it, and judge the JSON report ourselves. Infrastructure and
 * user errors are thrown; a compliance failure is returned with the outputs,
 * so they are set before the step fails.
 */
async function verify(inputs, now = new Date()) {
    const plan = await prepare(inputs).catch(async (error) => {
        // A bad input (a threshold file with a typo) says so in the summary too, not only in the log.
        if (error instanceof src_errors/* UserError */.yo) {
            const text = renderInputErrorSummary(error.message, error instanceof src_errors/* UserErrors */.tQ ? undefined : error.fix);
            await writeSummary((summary) => summary.addRaw(text));
        }
        throw error;
    });
    try {
        const found = await findExecutable({
            product: inputs.tool,
            version: inputs['inspec-version'] ?? DEFAULT_INSPEC_VERSION,
            executable: inputs.executable,
            install: inputs.install,
            downloadUrl: inputs['inspec-download-url'] ?? DEFAULT_DOWNLOAD_URLS[inputs.tool],
            licenseKey: inputs['license-key'],
            workspace: plan.workspace,
        });
        const inspec = new inspec_tool/* Inspec */.zR(found.path, inputs.tool, inputs['license-key']);
        const label = `${inspec.label} ${(await inspec.version()) ?? ''}`.trim();
        src_core/* info */.pq(`Using ${label} (${found.path}, from ${found.from}).`);
        return await scanAndJudge(plan, inputs, inspec, label, now).catch(async (error) => {
            if (error instanceof src_errors/* UserError */.yo) {
                const text = renderInfrastructureSummary(label, plan.target.display, error.message, error.fix);
                await writeSummary((summary) => summary.addRaw(text));
            }
            throw error;
        });
    }
    finally {
        // The rendered inputs and InSpec's own report hold secret values; the redacted copy stays.
        if (plan.rendered)
            await (0,promises_.rm)(plan.rendered.path, { force: true });
        await (0,promises_.rm)((0,external_node_path_.join)(plan.scratch, 'raw-report.json'), { force: true });
    }
}
async function prepare(inputs) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    maskSecret(inputs['license-key']);
    const target = parseTarget(inputs.target);
    const spec = parseProfileSpec(inputs.profile, workspace);
    const threshold = inputs.threshold
        ? await readThresholdFile((0,external_node_path_.resolve)(workspace, inputs.threshold), inputs.threshold)
        : defaultThreshold();
    const previous = inputs['previous-report']
        ? await readPreviousControls((0,external_node_path_.resolve)(workspace, inputs['previous-report']), inputs['previous-report'])
        : undefined;
    const temp = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(temp, { recursive: true });
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(temp, 'inspec-verify-'));
    const rendered = inputs['inputs-file']
        ? await renderInputs(inputs, workspace, scratch)
        : undefined;
    return { workspace, scratch, target, spec, threshold, previous, rendered };
}
async function scanAndJudge(plan, inputs, inspec, label, now) {
    const { workspace, target, threshold } = plan;
    const profile = await resolveProfile(plan.spec, plan.scratch);
    const argument = profileArgument(profile, workspace);
    await checkProfile(inspec, profile, argument, workspace);
    if (target.scheme === 'k8s' || target.scheme === 'k8s-container') {
        const plugin = await inspec.ensurePlugin('train-kubernetes');
        src_core/* info */.pq(`train-kubernetes plugin: ${plugin}`);
    }
    const rawPath = (0,external_node_path_.join)(plan.scratch, 'raw-report.json');
    const result = await src_core/* group */.Os(`${label}: exec ${profile.display} on ${target.display}`, () => inspec.exec({
        profile: argument,
        targetArgs: target.args,
        inputFile: plan.rendered?.path,
        waiverFile: inputs['waiver-file'] ? (0,external_node_path_.resolve)(workspace, inputs['waiver-file']) : undefined,
        reportPath: rawPath,
        cwd: workspace,
    }));
    const text = (0,external_node_fs_.existsSync)(rawPath) ? await (0,promises_.readFile)(rawPath, 'utf8') : undefined;
    const raw = judgeScan(result, text, label).report;
    const inputNames = plan.rendered?.sensitiveNames ?? new Set(inputs['sensitive-inputs']);
    const echoed = sensitiveInputValues(raw, inputNames);
    for (const value of echoed)
        maskSecret(value);
    const report = redactReport(raw, {
        inputNames,
        values: [...(plan.rendered?.secretValues ?? []), ...echoed, inputs['license-key'] ?? ''],
    });
    const reportPath = (0,external_node_path_.join)(plan.scratch, 'report.json');
    await (0,promises_.writeFile)(reportPath, JSON.stringify(report, null, 2));
    const { controls, notSelected } = collectControls(report);
    const gate = evaluateGate(threshold, controls);
    await publishResults({ workspace, target: target.display, threshold: threshold.source, previous: plan.previous }, inputs, {
        profile,
        report,
        controls,
        notSelected: notSelected.length,
        gate,
        label,
        now,
    });
    return {
        outputs: toOutputs(gate, reportPath),
        failure: gate.ok ? undefined : new failures/* ComplianceFailure */.E(gate.violations, threshold.source),
    };
}
async function renderInputs(inputs, workspace, scratch) {
    const manifestPath = (0,external_node_path_.resolve)(workspace, inputs.manifest);
    const manifest = (0,external_node_fs_.existsSync)(manifestPath)
        ? await loadManifest(manifestPath, { displayPath: inputs.manifest })
        : undefined;
    if (!manifest)
        src_core/* info */.pq(`No ${inputs.manifest}: placeholders come from the environment only.`);
    const context = buildPlaceholderContext({
        manifest,
        environment: inputs.environment,
        env: process.env,
        secretNames: inputs['sensitive-inputs'],
    });
    const file = inputs['inputs-file'] ?? '';
    return renderInputsFile((0,external_node_path_.resolve)(workspace, file), file, context, inputs['sensitive-inputs'], scratch);
}
async function readPreviousControls(path, display) {
    const text = await readNamedFile(path, display, 'previous report', 'give the `report` output of an earlier run (download its artifact first), or drop `previous-report`.');
    return collectControls(parseReport(text, display)).controls;
}
function toOutputs(gate, reportPath) {
    const s = gate.counts.byStatus;
    return {
        passed: s.passed,
        failed: s.failed,
        skipped: s.not_applicable + s.not_reviewed,
        errors: s.error + s.profile_error,
        compliance: gate.compliance,
        report: reportPath,
        ok: gate.ok,
    };
}


/***/ })

};
