export const id = 814;
export const ids = [814,382];
export const modules = {

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ Exec)
/* harmony export */ });
/* unused harmony export quoteForDisplay */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/**
 * The one place processes are started. Arguments always go as an array and
 * never through a shell, so no input can become shell syntax. Tool wrappers
 * call this, which gives tests a single seam to observe.
 */
class Exec {
    static async run(command, args, options = {}) {
        const log = options.silent ? _core_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz : _core_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq;
        log(`[command]${command} ${args.map(quoteForDisplay).join(' ')}`);
        const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
                cwd: options.cwd,
                env: mergeEnv(options.env),
                shell: false,
                stdio: ['pipe', 'pipe', 'pipe'],
                timeout: options.timeoutMs,
                killSignal: 'SIGTERM',
            });
            const stdout = new BoundedBuffer(maxBytes);
            const stderr = new BoundedBuffer(maxBytes);
            let failure;
            child.stdout.on('data', (chunk) => {
                if (!stdout.push(chunk))
                    failure ??= outputTooLarge(command, 'stdout', maxBytes);
                if (!options.silent)
                    process.stdout.write(chunk);
            });
            child.stderr.on('data', (chunk) => {
                if (!stderr.push(chunk))
                    failure ??= outputTooLarge(command, 'stderr', maxBytes);
                if (!options.silent)
                    process.stderr.write(chunk);
            });
            child.on('error', (error) => {
                failure ??=
                    error.code === 'ENOENT'
                        ? new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`"${command}" was not found${options.cwd ? ` (working directory ${options.cwd})` : ''}.`, {
                            fix: `install ${command} on the runner, or give this action the path to it.`,
                            cause: error,
                        })
                        : error;
            });
            child.on('close', (code, signal) => {
                if (failure)
                    return reject(failure);
                if (code === null) {
                    const why = options.timeoutMs ? ` (timeout ${options.timeoutMs} ms)` : '';
                    return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(command, args, 128, `killed by ${signal ?? 'a signal'}${why}\n${stderr.text()}`));
                }
                resolve({ exitCode: code, stdout: stdout.text(), stderr: stderr.text() });
            });
            // A child that exits before reading its input must not crash us with EPIPE.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input);
        });
    }
    /** Like run(), but a non-zero exit is a ToolError carrying the end of stderr. */
    static async check(command, args, options = {}) {
        const result = await Exec.run(command, args, options);
        if (result.exitCode !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(command, args, result.exitCode, result.stderr || result.stdout);
        }
        return result;
    }
}
function mergeEnv(extra) {
    const env = { ...process.env };
    for (const [key, value] of Object.entries(extra ?? {})) {
        if (value === undefined)
            delete env[key];
        else
            env[key] = value;
    }
    return env;
}
/** Shows argv the way a reader can paste it into a shell; only for logs. */
function quoteForDisplay(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function outputTooLarge(command, stream, maxBytes) {
    return new Error(`${command} wrote more than ${maxBytes} bytes to ${stream}; refusing to hold more.`);
}
class BoundedBuffer {
    maxBytes;
    chunks = [];
    size = 0;
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    push(chunk) {
        if (this.size + chunk.length > this.maxBytes)
            return false;
        this.chunks.push(chunk);
        this.size += chunk.length;
        return true;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}


/***/ }),

/***/ 7856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ showProxy),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/* unused harmony export bypassesProxy */
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


/***/ }),

/***/ 1164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ HttpTransport),
  by: () => (/* binding */ ResponseTooLargeError),
  fO: () => (/* binding */ transientStatus)
});

// UNUSED EXPORTS: ERROR_BODY_MAX_BYTES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/http/proxy.ts
var http_proxy = __webpack_require__(7856);
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
            done(Object.assign(new Error(`the proxy ${(0,http_proxy/* showProxy */.CK)(this.proxy)} cannot be reached: ${error.message}`, {
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
    const message = `The proxy ${(0,http_proxy/* showProxy */.CK)(proxy)} refused to open a tunnel to ${target} (HTTP ${status}${reason ? ` ${reason}` : ''}).`;
    if (status === 407) {
        return new errors/* UserError */.yo(message, {
            fix: "put the proxy's user name and password in the HTTPS_PROXY URL (http://user:password@proxy:port), or ask for a proxy that admits this runner.",
        });
    }
    if (status === 403) {
        return new errors/* UserError */.yo(message, {
            fix: `allow ${target} on the proxy, or add its host to NO_PROXY if this runner reaches it directly.`,
        });
    }
    // 502, 503, 504: the proxy could not reach the host, or is overloaded.
    return status >= 500 ? new errors/* TransientError */.N_(message) : new Error(message);
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
        const proxy = (0,http_proxy/* proxyFor */.iJ)(url, this.options.env);
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
    if (!(0,retry/* isTransientStatus */.Dm)(response.status))
        return undefined;
    const header = response.headers['retry-after'];
    const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(Array.isArray(header) ? header[0] : header);
    return new errors/* TransientError */.N_(message, retryAfterMs === undefined ? {} : { retryAfterMs });
}
function tooLarge(url, size, limit) {
    return new ResponseTooLargeError(`The answer to ${url.pathname} is larger than the ${limit} bytes accepted (at least ${size}).`, size);
}
function cut(url, size, declared) {
    return Object.assign(new Error(`the transfer of ${url.pathname} stopped after ${size} of ${Number.isFinite(declared) ? declared : 'an unknown number of'} bytes`), { code: 'ECONNRESET' });
}


/***/ }),

/***/ 4483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OV: () => (/* binding */ parseManifestNodes),
/* harmony export */   P: () => (/* binding */ mappingSet),
/* harmony export */   Q8: () => (/* binding */ mappingPath),
/* harmony export */   _C: () => (/* binding */ stringNode),
/* harmony export */   f0: () => (/* binding */ parseManifestObjects),
/* harmony export */   gN: () => (/* binding */ objectIdentity),
/* harmony export */   it: () => (/* binding */ presentManifests),
/* harmony export */   pH: () => (/* binding */ mappingGet),
/* harmony export */   rj: () => (/* binding */ mappingChild),
/* harmony export */   wZ: () => (/* binding */ isSequence),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/* unused harmony exports MAX_MANIFEST_BYTES, isMapping */
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4536);



/**
 * Rendered Kubernetes manifests as YAML nodes. The post-renderer edits them
 * at the node level (an image, an annotation) and writes every other scalar
 * back exactly as the chart wrote it, so `defaultMode: 0644` or `enabled: on`
 * keep the meaning Kubernetes gives them.
 *
 * Values (for diffs and reports) are read the way Kubernetes reads YAML:
 * YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where `0644` is octal and `on`
 * is true, and where timestamps stay text.
 */
const STR = 'tag:yaml.org,2002:str';
const MAP = 'tag:yaml.org,2002:map';
const NULL = 'tag:yaml.org,2002:null';
const PLAIN = 1;
const BLOCK = 1;
/** Rendered charts are bounded by the 1 MiB release secret; kustomize output can be a little larger. */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 100;
const MAX_ALIASES = 100;
/**
 * The objects of a multi-document stream as mapping nodes. Empty documents
 * (what a chart renders for a disabled template: only a `# Source:` comment)
 * are dropped; anything else that is not a mapping is an error.
 */
function parseManifestNodes(text, source) {
    checkSize(text, source);
    let documents;
    try {
        const events = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseEvents */ .PH)(text, { filename: source, maxDepth: MAX_DEPTH });
        documents = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .eventsToAst */ .zG)(events, { source: text, schema: _yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .KUBERNETES_YAML_SCHEMA */ .$z });
    }
    catch (error) {
        throw manifestYamlError(error, source);
    }
    const nodes = [];
    for (const [index, document] of documents.entries()) {
        const contents = document.contents;
        if (isEmpty(contents))
            continue;
        if (contents.kind !== 'mapping') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source}: document ${index + 1} is a ${contents.kind}, not a Kubernetes object.`, { fix: 'every rendered document must be a mapping with apiVersion, kind and metadata.' });
        }
        nodes.push(contents);
    }
    return nodes;
}
/** The stream back as text, `---` between objects. */
function presentManifests(nodes) {
    if (nodes.length === 0)
        return '';
    const documents = nodes.map((node) => ({
        contents: node,
        explicitStart: true,
        directives: [],
    }));
    return (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .present */ .Eb)(documents, { schema: _yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .KUBERNETES_YAML_SCHEMA */ .$z, lineWidth: -1 });
}
/** The objects of a stream as values, read as Kubernetes reads them; empty documents dropped. */
function parseManifestObjects(text, source) {
    checkSize(text, source);
    let documents;
    try {
        documents = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .loadAll */ .gh)(text, {
            filename: source,
            schema: _yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .KUBERNETES_YAML_SCHEMA */ .$z,
            maxDepth: MAX_DEPTH,
            maxAliases: MAX_ALIASES,
        });
    }
    catch (error) {
        throw manifestYamlError(error, source);
    }
    const objects = [];
    for (const document of documents) {
        if (document === null || document === undefined)
            continue;
        if (typeof document !== 'object' || Array.isArray(document)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source}: a document is not a Kubernetes object.`, {
                fix: 'every rendered document must be a mapping with apiVersion, kind and metadata.',
            });
        }
        const object = document;
        // `kind: List` (what `kubectl get -o yaml` writes) stands for its items.
        if (typeof object.kind === 'string' &&
            object.kind.endsWith('List') &&
            Array.isArray(object.items)) {
            objects.push(...object.items);
        }
        else {
            objects.push(object);
        }
    }
    return objects;
}
function isEmpty(node) {
    return node === null || (node.kind === 'scalar' && node.tag === NULL && node.value.trim() === '');
}
function checkSize(text, source) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_MANIFEST_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source} is ${size} bytes, more than the ${MAX_MANIFEST_BYTES} bytes a release can hold.`, { fix: 'split the chart into several releases.' });
    }
}
function manifestYamlError(error, source) {
    if (!(error instanceof js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLException */ .tB))
        return error;
    const mark = error.mark;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source} is not valid YAML: ${error.reason}`, {
        fix: 'check the template that renders this part of the manifest.',
        location: {
            file: source,
            ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
        },
        cause: error,
    });
}
// --- node helpers -----------------------------------------------------------
function isMapping(node) {
    return node?.kind === 'mapping';
}
function isSequence(node) {
    return node?.kind === 'sequence';
}
/** The text of a scalar node; undefined for anything else (or a null scalar). */
function scalarText(node) {
    if (node?.kind !== 'scalar' || node.tag === NULL)
        return undefined;
    return node.value;
}
/** The value under `key` in a mapping node. */
function mappingGet(node, key) {
    if (!isMapping(node))
        return undefined;
    return node.items.find((item) => scalarText(item.key) === key)?.value;
}
/** Follows a path of keys through mapping nodes. */
function mappingPath(node, ...keys) {
    let current = node;
    for (const key of keys)
        current = mappingGet(current, key);
    return current;
}
/** Sets `key` to `value` in a mapping node, replacing an existing entry. */
function mappingSet(node, key, value) {
    const existing = node.items.find((item) => scalarText(item.key) === key);
    if (existing)
        existing.value = value;
    else
        node.items.push({ key: stringNode(key), value });
}
/** The mapping under `key`, created (block style) when missing or null. */
function mappingChild(node, key) {
    const existing = mappingGet(node, key);
    if (isMapping(existing))
        return existing;
    const created = {
        kind: 'mapping',
        tag: MAP,
        tagged: false,
        style: BLOCK,
        items: [],
    };
    mappingSet(node, key, created);
    return created;
}
/** A string scalar; the presenter quotes it when plain text would read as another type. */
function stringNode(value) {
    return { kind: 'scalar', tag: STR, tagged: false, style: PLAIN, value };
}
/** kind, apiVersion, namespace and name of an object node, for messages and reports. */
function objectIdentity(node) {
    const metadata = mappingGet(node, 'metadata');
    const namespace = scalarText(mappingGet(metadata, 'namespace'));
    return {
        apiVersion: scalarText(mappingGet(node, 'apiVersion')) ?? '',
        kind: scalarText(mappingGet(node, 'kind')) ?? '',
        name: scalarText(mappingGet(metadata, 'name')) ?? '',
        ...(namespace ? { namespace } : {}),
    };
}


/***/ }),

/***/ 9509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ objectRef),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   oI: () => (/* binding */ apiGroup),
/* harmony export */   v8: () => (/* binding */ describeObject)
/* harmony export */ });
/**
 * The Kubernetes object model every layer shares: an object as read from a
 * manifest or the API server, and the reference that names one. Rendering,
 * the tool wrappers, the API client, deploy reports and drift all take these
 * from here (see README, Architecture); nothing here imports another module.
 */
function objectRef(object) {
    const namespace = object.metadata?.namespace;
    return {
        apiVersion: object.apiVersion ?? '',
        kind: object.kind ?? '',
        name: object.metadata?.name ?? '',
        ...(namespace ? { namespace } : {}),
    };
}
/** The API group of an apiVersion: `apps` for `apps/v1`, '' for `v1`. */
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash === -1 ? '' : apiVersion.slice(0, slash);
}
/** `Deployment/storefront`, or `Deployment shop-dev/storefront` with a namespace. */
function describeObject(ref) {
    return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
/**
 * The identity two renderings of one object share whatever its version:
 * group, kind, namespace (the default one when absent) and name.
 */
function objectKey(ref, defaultNamespace = '') {
    return `${apiGroup(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? defaultNamespace}/${ref.name}`;
}


/***/ }),

/***/ 6801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: MANIFEST_MAX_BYTES, choosePlatform, nextLink

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/oci/digest.ts

/** `sha256:<hex>` (or sha512) of some bytes. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Recomputes `expected` with its own algorithm; false when the bytes differ or the algorithm is unknown. */
function matchesDigest(bytes, expected) {
    const algorithm = expected.slice(0, expected.indexOf(':'));
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        return false;
    return digestOf(bytes, algorithm) === expected;
}

;// CONCATENATED MODULE: ./src/oci/media-types.ts
/** Manifest media types a registry may store; asked for in this order of preference. */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/**
 * Every manifest type is accepted, so the registry answers with what it stores
 * and its digest; with a narrower Accept it may convert (a different digest)
 * or answer 404, as distribution 2.8 does for OCI manifests.
 */
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST];
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/oci/failures.ts
var failures = __webpack_require__(7050);
;// CONCATENATED MODULE: ./src/oci/auth.ts




const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 9110 §11.6.1):
 * `Bearer realm="https://auth.example/token",service="registry",scope="…"`,
 * `Basic realm="Registry"`, or several separated by commas.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    if (!header)
        return challenges;
    let current;
    let i = 0;
    const skipSpaces = () => {
        while (i < header.length && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    while (i < header.length) {
        skipSpaces();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const token = TOKEN.exec(header.slice(i))?.[0];
        if (!token) {
            i++; // not a token character: skip it rather than give up on the rest
            continue;
        }
        i += token.length;
        skipSpaces();
        if (header[i] === '=' && current) {
            i++;
            skipSpaces();
            current.params[token.toLowerCase()] = readValue();
        }
        else {
            current = { scheme: token.toLowerCase(), params: {} };
            challenges.push(current);
        }
    }
    return challenges;
    function readValue() {
        if (header[i] !== '"') {
            const start = i;
            while (i < header.length && header[i] !== ',' && header[i] !== ' ')
                i++;
            return header.slice(start, i);
        }
        let value = '';
        for (i++; i < header.length && header[i] !== '"'; i++) {
            if (header[i] === '\\' && i + 1 < header.length)
                i++;
            value += header[i];
        }
        i++; // closing quote
        return value;
    }
}
/** The challenge to answer: Bearer when offered (it is what registries prefer), else Basic. */
function pickChallenge(challenges) {
    return (challenges.find((c) => c.scheme === 'bearer' && c.params.realm) ??
        challenges.find((c) => c.scheme === 'basic'));
}
/** `repository:team/app:pull` or `repository:team/app:pull,push`. */
function repositoryScope(repository, push) {
    return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}
function basicAuthorization(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
/** Tokens are dropped this long before they expire so none expires in flight. */
const EXPIRY_MARGIN_MS = 5_000;
/** The token spec's default lifetime when the server gives none. */
const DEFAULT_TOKEN_SECONDS = 60;
/**
 * Authentication state for one registry host: the challenge it answered with,
 * and bearer tokens cached by scope until they expire.
 */
class RegistryAuth {
    registry;
    credentials;
    fetchToken;
    now;
    challenge;
    tokens = new Map();
    inFlight = new Map();
    constructor(registry, credentials, fetchToken, now = Date.now) {
        this.registry = registry;
        this.credentials = credentials;
        this.fetchToken = fetchToken;
        this.now = now;
    }
    get hasCredentials() {
        return this.credentials !== undefined;
    }
    /** The Authorization header for a request in `scope`, once the registry's challenge is known. */
    async authorization(scope) {
        const credentials = this.credentials;
        if (credentials && 'token' in credentials)
            return `Bearer ${credentials.token}`;
        const challenge = this.challenge;
        if (!challenge)
            return undefined;
        if (challenge.scheme === 'basic') {
            return credentials
                ? basicAuthorization(credentials.username, credentials.password)
                : undefined;
        }
        return `Bearer ${await this.bearerToken(challenge, scope)}`;
    }
    /**
     * Learns from a 401. True when another attempt with fresh authorization can
     * succeed; false when it would only repeat a refusal (wrong credentials).
     */
    challenged(header, scope, sent) {
        const challenge = pickChallenge(parseWwwAuthenticate(header));
        if (!challenge)
            return false;
        this.challenge = challenge;
        if (this.credentials && 'token' in this.credentials)
            return false;
        if (challenge.scheme === 'basic')
            return sent === undefined && this.credentials !== undefined;
        // A cached bearer token may have expired or lack the scope: fetch one more.
        const key = this.tokenKey(challenge, scope);
        const hadToken = this.tokens.delete(key);
        return sent === undefined || hadToken;
    }
    tokenKey(challenge, scope) {
        return `${challenge.params.realm ?? ''} ${challenge.params.service ?? ''} ${scope}`;
    }
    async bearerToken(challenge, scope) {
        const key = this.tokenKey(challenge, scope);
        const cached = this.tokens.get(key);
        if (cached && cached.expiresAt > this.now())
            return cached.token;
        // Concurrent requests in one scope share a single token fetch.
        let pending = this.inFlight.get(key);
        if (!pending) {
            pending = this.requestToken(challenge, scope).finally(() => this.inFlight.delete(key));
            this.inFlight.set(key, pending);
        }
        return pending;
    }
    async requestToken(challenge, scope) {
        const realm = parseRealm(challenge.params.realm ?? '', this.registry);
        const url = new URL(realm);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.append('scope', scope);
        // The registry may ask for more than we planned (another repository on mount).
        const asked = challenge.params.scope;
        if (asked && asked !== scope)
            url.searchParams.append('scope', asked);
        const headers = { accept: 'application/json' };
        const credentials = this.credentials;
        if (credentials && 'username' in credentials) {
            if (url.protocol !== 'https:' && !(0,proxy/* isLoopbackHost */.cW)(url.hostname)) {
                throw new errors/* UserError */.yo(`Registry ${this.registry} asks for credentials at ${url.origin} over plain HTTP; they were not sent.`, { fix: 'Use a registry whose token service is served over HTTPS.' });
            }
            headers.authorization = basicAuthorization(credentials.username, credentials.password);
        }
        const response = await this.fetchToken(url, headers);
        const start = this.now();
        if (response.status === 401 || response.status === 403) {
            throw new errors/* UserError */.yo(`The token service of registry ${this.registry} (${url.origin}) refused ${credentials ? 'the credentials' : 'an anonymous token'} for ${scope} (HTTP ${response.status}${(0,failures/* registryErrorSummary */.eA)(response.body, ': ')}).`, { fix: credentialsFix(this.registry, credentials !== undefined) });
        }
        if ((0,retry/* isTransientStatus */.Dm)(response.status)) {
            throw new errors/* TransientError */.N_(`The token service of registry ${this.registry} answered HTTP ${response.status}.`, { retryAfterMs: (0,retry/* parseRetryAfter */.mu)(headerValue(response.headers['retry-after']), start) });
        }
        if (response.status !== 200) {
            throw new Error(`The token service of registry ${this.registry} (${url.origin}) answered HTTP ${response.status}${(0,failures/* registryErrorSummary */.eA)(response.body, ': ')}`);
        }
        const { token, expiresInSeconds } = parseTokenResponse(response.body, this.registry);
        const lifetimeMs = expiresInSeconds * 1000;
        this.tokens.set(this.tokenKey(challenge, scope), {
            token,
            expiresAt: start + Math.max(0, lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2)),
        });
        return token;
    }
}
/** Reads `token` (or the OAuth2 `access_token`) and its lifetime from a token response body. */
function parseTokenResponse(body, registry) {
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new Error(`The token service of registry ${registry} answered with something that is not JSON.`);
    }
    const record = (parsed ?? {});
    const token = [record.token, record.access_token].find((value) => typeof value === 'string' && value !== '');
    if (!token) {
        throw new Error(`The token service of registry ${registry} answered without a token.`);
    }
    const expiresIn = record.expires_in;
    const expiresInSeconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
        ? expiresIn
        : DEFAULT_TOKEN_SECONDS;
    return { token, expiresInSeconds };
}
function parseRealm(realm, registry) {
    try {
        const url = new URL(realm);
        if (url.protocol === 'https:' || url.protocol === 'http:')
            return url;
    }
    catch {
        // reported below
    }
    throw new Error(`Registry ${registry} named an unusable token realm "${realm}".`);
}
function credentialsFix(registry, given) {
    return given
        ? `Check the registry credentials (the username/password inputs or the secret they come from) for ${registry}, and that they may access this repository.`
        : `Pass credentials for ${registry} (the registry username/password inputs, from a secret) or log in with docker login.`;
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
;// CONCATENATED MODULE: ./src/oci/scheme.ts


/**
 * Which scheme a registry is spoken to in. `https` and `http` are fixed;
 * `auto` is https, except that a loopback registry (127.0.0.1, localhost,
 * ::1) whose https attempt meets a plain-HTTP answer is spoken to in plain
 * HTTP from then on, as docker does for localhost registries.
 */
class RegistryScheme {
    host;
    /** Decided scheme; undefined while `auto` has not yet learned it. */
    scheme;
    loopbackFallback;
    constructor(host, requested = 'auto') {
        this.host = host;
        this.scheme = requested === 'auto' ? undefined : requested;
        this.loopbackFallback =
            requested === 'auto' && (0,proxy/* isLoopbackHost */.cW)(new URL(`http://${host}`).hostname);
        if (requested === 'auto' && !this.loopbackFallback)
            this.scheme = 'https';
    }
    /** `https://host` (or `http://host` once learned or asked for). */
    baseUrl() {
        return `${this.scheme ?? 'https'}://${this.host}`;
    }
    /** An https exchange got an answer: the registry speaks TLS. */
    answered(url) {
        if (this.scheme === undefined && url.protocol === 'https:')
            this.scheme = 'https';
    }
    /**
     * Whether a failed https exchange should be tried again in plain HTTP, and
     * from now on every other one. Every request that went out over https
     * before the scheme was learned falls back, not only the first: concurrent
     * first lookups all meet this.
     */
    fallsBack(url, error) {
        const learning = this.scheme === undefined || this.scheme === 'http';
        if (!learning || url.protocol !== 'https:' || !this.loopbackFallback)
            return false;
        if (!(0,failures/* isPlainHttpAnswer */.xQ)(error))
            return false;
        return true;
    }
    /** Switches to plain HTTP; true the first time (worth a log line). */
    useHttp() {
        const first = this.scheme === undefined;
        this.scheme = 'http';
        return first;
    }
}

;// CONCATENATED MODULE: ./src/oci/session.ts









/** Answers that should carry no body (HEAD, upload steps) still get a bound. */
const SMALL_BODY_MAX_BYTES = 64 * 1024;
const TOKEN_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;
class RegistrySession {
    registry;
    options;
    /** Where its API lives: `registry-1.docker.io` for Docker Hub. */
    host;
    transport;
    auth;
    caGiven;
    scheme;
    constructor(
    /** The registry as people name it: `docker.io`, `127.0.0.1:5000`. */
    registry, options = {}) {
        this.registry = registry;
        this.options = options;
        this.host = (0,oci_reference/* registryApiHost */.Mb)(registry);
        const ca = options.ca ?? (options.caFile ? readCaFile(options.caFile) : undefined);
        this.caGiven = ca !== undefined;
        this.scheme = new RegistryScheme(this.host, options.scheme);
        this.transport = new transport/* HttpTransport */.G5({
            ca,
            userAgent: options.userAgent ?? 'pipeline-actions',
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        });
        const credentials = options.credentials ??
            (options.dockerConfig === false
                ? undefined
                : (0,docker_config/* dockerConfigCredentials */.D)(registry, options.dockerConfig));
        this.auth = new RegistryAuth(registry, credentials, async (url, headers) => {
            try {
                const response = await this.transport.request({
                    method: 'GET',
                    url,
                    headers,
                    maxBodyBytes: TOKEN_MAX_BYTES,
                });
                this.logExchange('GET', url, response.status);
                return response;
            }
            catch (error) {
                throw (0,failures/* networkFailure */.rd)(error, `${registry} (token service ${url.host})`, this.caGiven);
            }
        });
    }
    /** Closes idle connections so the process can exit. */
    close() {
        this.transport.close();
    }
    /** Whether a URL points at this registry's API host (any scheme). */
    isRegistryUrl(url) {
        const own = new URL(`http://${this.host}`);
        if (url.hostname !== own.hostname)
            return false;
        if (own.port === '')
            return url.port === '';
        return (url.port || (url.protocol === 'https:' ? '443' : '80')) === own.port;
    }
    /** `https://host`, or `http://host` for a plain-HTTP registry. */
    baseUrl() {
        return this.scheme.baseUrl();
    }
    /** `action`, retried through retry() while it fails transiently; each retry logged. */
    async withRetry(what, action) {
        let attempts = 0;
        const options = this.options.retry ?? {};
        try {
            return await (0,retry/* retry */.L5)((attempt) => {
                attempts = attempt;
                return action();
            }, {
                ...options,
                onRetry: (error, attempt, delayMs) => {
                    this.options.log?.(`${this.registry}: ${what} failed (attempt ${attempt}): ${(0,errors/* errorMessage */.gJ)(error)}; retrying in ${delayMs} ms`);
                    options.onRetry?.(error, attempt, delayMs);
                },
            });
        }
        catch (error) {
            if (error instanceof errors/* TransientError */.N_ && attempts > 1) {
                throw new errors/* TransientError */.N_(`${error.message} (gave up after ${attempts} attempts)`, {
                    cause: error,
                    retryAfterMs: error.retryAfterMs,
                });
            }
            throw error;
        }
    }
    /** One exchange with the registry, answering its authentication challenge once. */
    async send(exchange) {
        const scope = repositoryScope(exchange.repository, exchange.push ?? false);
        for (let round = 1;; round++) {
            const authorization = await this.auth.authorization(scope);
            const response = await this.request(exchange, authorization);
            if (response.status === 401) {
                const challenge = header(response, 'www-authenticate');
                if (round === 1 && this.auth.challenged(challenge, scope, authorization))
                    continue;
                throw this.refused(exchange, response, authorization !== undefined);
            }
            if (response.status === 403)
                throw this.refused(exchange, response, authorization !== undefined);
            return response;
        }
    }
    /** GET that follows redirects (blob storage); credentials only go to the registry itself. */
    async followRedirects(exchange) {
        let response = await this.send(exchange);
        let url = new URL(exchange.target, this.baseUrl());
        for (let hops = 0; [301, 302, 303, 307, 308].includes(response.status); hops++) {
            const location = header(response, 'location');
            if (!location || hops >= MAX_REDIRECTS) {
                throw new Error(`Registry ${this.registry} redirected ${exchange.method} ${url.pathname} ${location ? `more than ${MAX_REDIRECTS} times` : 'without a Location'}.`);
            }
            const next = new URL(location, url);
            if (next.protocol !== 'https:' && url.protocol === 'https:') {
                throw new Error(`Registry ${this.registry} redirected to plain HTTP (${next.host}); refused.`);
            }
            url = next;
            response = this.isRegistryUrl(next)
                ? await this.send({ ...exchange, target: next.href })
                : await this.transport
                    .request({ method: 'GET', url: next, maxBodyBytes: exchange.maxBodyBytes })
                    .catch((error) => {
                    throw (0,failures/* networkFailure */.rd)(error, `${this.registry} (redirect to ${next.host})`, this.caGiven);
                });
        }
        return response;
    }
    /** Sends one request, choosing the scheme; transport failures become user-facing errors. */
    async request(exchange, authorization) {
        const url = new URL(exchange.target, this.baseUrl());
        const headers = { ...exchange.headers };
        // Credentials go to the registry only, never to a host named by Link or Location.
        if (authorization && this.isRegistryUrl(url))
            headers.authorization = authorization;
        const send = (to) => this.transport.request({
            method: exchange.method,
            url: to,
            headers,
            ...(exchange.body ? { body: exchange.body } : {}),
            maxBodyBytes: exchange.maxBodyBytes,
        });
        try {
            const response = await send(url);
            this.scheme.answered(url);
            this.logExchange(exchange.method, url, response.status);
            return response;
        }
        catch (error) {
            if (error instanceof transport/* ResponseTooLargeError */.by)
                throw error;
            if (this.scheme.fallsBack(url, error)) {
                if (this.scheme.useHttp()) {
                    this.options.log?.(`${this.registry} answers in plain HTTP; using http:// from now on`);
                }
                url.protocol = 'http:';
                try {
                    const response = await send(url);
                    this.logExchange(exchange.method, url, response.status);
                    return response;
                }
                catch (fallbackError) {
                    throw (0,failures/* networkFailure */.rd)(fallbackError, this.registry, this.caGiven);
                }
            }
            throw (0,failures/* networkFailure */.rd)(error, this.registry, this.caGiven);
        }
    }
    /** One line per exchange, without query (upload state) or headers (credentials). */
    logExchange(method, url, status) {
        this.options.log?.(`${method} ${url.protocol}//${url.host}${url.pathname} -> ${status}`);
    }
    refused(exchange, response, authenticated) {
        const action = exchange.push ? 'push to' : 'read';
        const detail = (0,failures/* registryErrorSummary */.eA)(response.body, ': ');
        const given = this.auth.hasCredentials;
        const problem = response.status === 403
            ? `denied access (HTTP 403${detail}) to ${action} ${exchange.repository}`
            : authenticated
                ? `rejected the credentials (HTTP 401${detail}) to ${action} ${exchange.repository}`
                : `requires authentication (HTTP 401${detail}) to ${action} ${exchange.repository}`;
        return new errors/* UserError */.yo(`Registry ${this.registry} ${problem}.`, {
            fix: credentialsFix(this.registry, given),
        });
    }
    /**
     * One exchange, retried while it fails transiently (429 and 5xx included);
     * an answer with a status in `accepted` is returned, any other is an error.
     */
    call(what, exchange, accepted, followRedirects = false) {
        return this.withRetry(what, async () => {
            const response = followRedirects
                ? await this.followRedirects(exchange)
                : await this.send(exchange);
            if (!accepted.includes(response.status)) {
                this.unexpected(response, exchange.method, exchange.repository, exchange.target);
            }
            return response;
        });
    }
    unexpected(response, method, repository, target) {
        const path = target.startsWith('/') ? target : new URL(target).pathname;
        const failure = (0,failures/* statusFailure */.FP)({
            registry: this.registry,
            method,
            path: path.split('?')[0] ?? path,
            status: response.status,
            retryAfter: header(response, 'retry-after'),
            body: response.body,
        });
        if (!(failure instanceof errors/* TransientError */.N_))
            failure.message += ` (repository ${repository})`;
        throw failure;
    }
}
function readCaFile(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`The CA file ${path} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}.`, {
            fix: 'Pass the path of a PEM file holding the CA certificate of the registry.',
            cause: error,
        });
    }
}
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./src/oci/tag-write.ts

/** HTTP headers for a condition, for the manifest PUT. */
function conditionHeaders(condition) {
    if (!condition)
        return {};
    return 'free' in condition ? { 'if-none-match': '*' } : { 'if-match': `"${condition.digest}"` };
}
/** Thrown by a write whose precondition the registry refused (HTTP 412). */
class PreconditionFailed extends Error {
    name = 'PreconditionFailed';
}
/** Writes the tag if it still points at `expected`; returns the digest it now holds (ours). */
async function writeTagIfUnchanged(w) {
    const before = (await w.client.headManifest(w.repository, w.tag))?.digest;
    if (before !== w.expected)
        throw tagConflict(w, before, undefined);
    let written;
    try {
        written = await w.write(w.expected === undefined ? { free: true } : { digest: w.expected });
    }
    catch (error) {
        // A refused precondition may also be a retried write whose first attempt
        // landed: the read-back below tells which.
        if (!(error instanceof PreconditionFailed))
            throw error;
    }
    const after = (await w.client.headManifest(w.repository, w.tag))?.digest;
    if (written === undefined || after !== written)
        throw tagConflict(w, after, written);
    return written;
}
/** A version tag that another writer holds (or took while we wrote). */
function tagConflict(w, holder, ours) {
    const where = `${w.client.registry}/${w.repository}:${w.tag}`;
    const was = w.expected ?? 'free';
    const now = holder ?? 'nothing (the tag was removed)';
    const lost = ours ? ` We wrote ${ours}, but the tag now holds ${now}` : ` It now holds ${now}`;
    return new UserError(`Another run published ${where} at the same time: the tag was ${was} when this run checked it.${lost}; this run did not publish it.`, {
        fix: `version tags are never overwritten: run the job again to publish the next free version (or raise the version), and check that the content ${holder ?? 'now there'} is the one you want under ${w.tag}. Runs that publish the same version should not run concurrently (a workflow \`concurrency\` group).`,
    });
}

;// CONCATENATED MODULE: ./src/oci/client.ts






const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const TAG_PAGE_MAX_BYTES = 4 * 1024 * 1024;
const CONFIG_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_TAG_PAGE_SIZE = 1000;
const DEFAULT_MAX_TAG_PAGES = 100;
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
class RegistryClient {
    options;
    /** The registry as people name it: `docker.io`, `127.0.0.1:5000`. */
    registry;
    /** Where its API lives: `registry-1.docker.io` for Docker Hub. */
    host;
    session;
    resolved = new Map();
    checked = new Map();
    constructor(registry, options = {}) {
        this.options = options;
        this.session = new RegistrySession(registry, options);
        this.registry = registry;
        this.host = this.session.host;
    }
    /**
     * Every tag of a repository, following `Link` pagination. A repository that
     * does not exist yet has no tags.
     */
    async listTags(repository) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        const pageSize = this.options.tagPageSize ?? DEFAULT_TAG_PAGE_SIZE;
        const maxPages = this.options.maxTagPages ?? DEFAULT_MAX_TAG_PAGES;
        const tags = new Set();
        let target = `/v2/${repository}/tags/list?n=${pageSize}`;
        for (let page = 0; target !== undefined; page++) {
            if (page >= maxPages) {
                throw new Error(`Registry ${this.registry} still had more tags of ${repository} after ${maxPages} pages of ${pageSize}; not all were read.`);
            }
            const url = target;
            const response = await this.session.call(`list tags of ${repository}`, { method: 'GET', repository, target: url, maxBodyBytes: TAG_PAGE_MAX_BYTES }, [200, 404]);
            if (response.status === 404)
                return [];
            const body = parseJson(response.body, `the tag list of ${repository}`, this.registry);
            const pageTags = body.tags;
            if (Array.isArray(pageTags)) {
                for (const tag of pageTags)
                    if (typeof tag === 'string')
                        tags.add(tag);
            }
            target = nextLink(header(response, 'link'));
        }
        return [...tags];
    }
    /**
     * Digest, media type and size of a manifest, as the registry stores it
     * (an index stays an index); undefined when there is none.
     */
    async headManifest(repository, reference) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        validateManifestReference(reference);
        const target = `/v2/${repository}/manifests/${reference}`;
        const response = await this.session.call(`HEAD ${repository}:${reference}`, {
            method: 'HEAD',
            repository,
            target,
            headers: { accept: MANIFEST_ACCEPT.join(', ') },
            maxBodyBytes: SMALL_BODY_MAX_BYTES,
        }, [200, 404]);
        if (response.status === 404)
            return undefined;
        const digest = header(response, 'docker-content-digest');
        if (!digest) {
            // Some registries leave the digest out of HEAD answers: read the manifest.
            const manifest = await this.getManifest(repository, reference);
            return {
                digest: manifest.digest,
                mediaType: manifest.mediaType,
                size: manifest.bytes.length,
            };
        }
        if ((0,oci_reference/* isDigest */.Bc)(reference) && digest !== reference) {
            throw new Error(`Registry ${this.registry} answered digest ${digest} for ${repository}@${reference}.`);
        }
        return {
            digest,
            mediaType: mediaTypeOf(header(response, 'content-type')) ?? '',
            size: Number(header(response, 'content-length') ?? 0),
        };
    }
    /** A manifest's bytes and JSON, its digest verified. Throws a UserError when there is none. */
    async getManifest(repository, reference) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        validateManifestReference(reference);
        const target = `/v2/${repository}/manifests/${reference}`;
        const response = await this.session.call(`GET ${repository}:${reference}`, {
            method: 'GET',
            repository,
            target,
            headers: { accept: MANIFEST_ACCEPT.join(', ') },
            maxBodyBytes: MANIFEST_MAX_BYTES,
        }, [200, 404]);
        if (response.status === 404) {
            throw new errors/* UserError */.yo(`${this.registry}/${repository}${(0,oci_reference/* isDigest */.Bc)(reference) ? '@' : ':'}${reference} does not exist (no such manifest in the registry).`, { fix: 'Check the image or chart name and its tag or digest.' });
        }
        const bytes = response.body;
        const headerDigest = header(response, 'docker-content-digest');
        const what = `manifest ${repository}:${reference} from ${this.registry}`;
        for (const expected of [headerDigest, (0,oci_reference/* isDigest */.Bc)(reference) ? reference : undefined]) {
            if (expected !== undefined && !matchesDigest(bytes, expected)) {
                throw new Error(`The ${what} does not match its digest ${expected}.`);
            }
        }
        const json = parseJson(bytes, `the ${what}`, this.registry);
        const mediaType = mediaTypeOf(header(response, 'content-type')) ??
            (typeof json.mediaType === 'string' ? json.mediaType : '');
        const digest = (0,oci_reference/* isDigest */.Bc)(reference) ? reference : (headerDigest ?? digestOf(bytes));
        return { digest, mediaType, bytes, json };
    }
    /** A blob of at most maxBytes (config blobs and the like), its digest verified. */
    async getBlob(repository, digest, maxBytes) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        (0,oci_reference/* validateDigest */.n2)(digest);
        const target = `/v2/${repository}/blobs/${digest}`;
        const response = await this.session.call(`GET blob ${repository}@${digest}`, { method: 'GET', repository, target, maxBodyBytes: maxBytes }, [200, 404], true);
        if (response.status === 404) {
            throw new Error(`Registry ${this.registry} has no blob ${digest} in ${repository}.`);
        }
        if (!matchesDigest(response.body, digest)) {
            throw new Error(`Blob ${digest} of ${repository} from ${this.registry} does not match its digest.`);
        }
        return response.body;
    }
    /**
     * Stores manifest bytes under a tag (or their digest). Re-tagging is a GET of
     * the manifest and a PUT of the same bytes under the new tag; no rebuild.
     * A `condition` is sent as an HTTP precondition; a registry that refuses it
     * (412) makes this throw PreconditionFailed (see tag-write.ts).
     */
    async putManifest(repository, reference, bytes, mediaType, condition) {
        return (await this.pushManifest(repository, reference, bytes, mediaType, condition)).digest;
    }
    /**
     * putManifest, also telling whether the registry indexed the manifest's
     * `subject` for the referrers API (its `OCI-Subject` answer header).
     */
    async pushManifest(repository, reference, bytes, mediaType, condition) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        validateManifestReference(reference);
        const digest = digestOf(bytes);
        if ((0,oci_reference/* isDigest */.Bc)(reference) && !matchesDigest(bytes, reference)) {
            throw new errors/* UserError */.yo(`The manifest pushed to ${repository}@${reference} has digest ${digest}, not ${reference}.`, { fix: 'Push the manifest under a tag, or under the digest of its bytes.' });
        }
        const target = `/v2/${repository}/manifests/${reference}`;
        const response = await this.session.call(`PUT ${repository}:${reference}`, {
            method: 'PUT',
            repository,
            push: true,
            target,
            headers: { 'content-type': mediaType, ...conditionHeaders(condition) },
            body: bytes,
            maxBodyBytes: SMALL_BODY_MAX_BYTES,
        }, condition ? [201, 412] : [201]);
        if (response.status === 412) {
            throw new PreconditionFailed(`Registry ${this.registry} refused to write ${repository}:${reference}: its precondition (${Object.values(conditionHeaders(condition)).join('')}) no longer holds.`);
        }
        const stored = header(response, 'docker-content-digest');
        if (stored && !matchesDigest(bytes, stored)) {
            throw new Error(`Registry ${this.registry} stored the manifest for ${repository}:${reference} as ${stored}, but its bytes hash to ${digest}.`);
        }
        return { digest, subject: header(response, 'oci-subject') };
    }
    /**
     * Uploads a blob (monolithic: POST, then PUT with its digest) unless the
     * repository has it already. Returns its digest.
     */
    async putBlob(repository, bytes) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        const digest = digestOf(bytes);
        const blobPath = `/v2/${repository}/blobs/${digest}`;
        const existing = await this.session.call(`HEAD blob ${repository}@${digest}`, { method: 'HEAD', repository, target: blobPath, maxBodyBytes: SMALL_BODY_MAX_BYTES }, [200, 404]);
        if (existing.status === 200)
            return digest;
        // An upload that fails half-way is started again as a whole.
        await this.session.withRetry(`upload blob ${digest} to ${repository}`, async () => {
            const uploads = `/v2/${repository}/blobs/uploads/`;
            const started = await this.session.send({
                method: 'POST',
                repository,
                push: true,
                target: uploads,
                body: Buffer.alloc(0),
                maxBodyBytes: SMALL_BODY_MAX_BYTES,
            });
            if (started.status !== 202)
                this.session.unexpected(started, 'POST', repository, uploads);
            const location = header(started, 'location');
            if (!location) {
                throw new Error(`Registry ${this.registry} started a blob upload to ${repository} without a Location.`);
            }
            const url = new URL(location, `${this.session.baseUrl()}${uploads}`);
            url.searchParams.set('digest', digest);
            const done = await this.session.send({
                method: 'PUT',
                repository,
                push: true,
                target: url.href,
                headers: { 'content-type': 'application/octet-stream' },
                body: bytes,
                maxBodyBytes: SMALL_BODY_MAX_BYTES,
            });
            if (done.status !== 201)
                this.session.unexpected(done, 'PUT', repository, url.href);
        });
        return digest;
    }
    /**
     * The referrers API (OCI distribution 1.1): the index of manifests whose
     * `subject` is `digest`, optionally filtered by artifact type (here, when
     * the registry did not filter). undefined when the registry has no
     * referrers API (it answers 404; the tag schema is then the way).
     */
    async getReferrers(repository, digest, artifactType) {
        (0,oci_reference/* validateRepository */.FL)(repository);
        (0,oci_reference/* validateDigest */.n2)(digest);
        const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
        const target = `/v2/${repository}/referrers/${digest}${query}`;
        const response = await this.session.call(`GET referrers of ${repository}@${digest}`, {
            method: 'GET',
            repository,
            target,
            headers: { accept: OCI_INDEX },
            maxBodyBytes: MANIFEST_MAX_BYTES,
        }, [200, 404]);
        if (response.status === 404)
            return undefined;
        const index = parseJson(response.body, `the referrers of ${repository}@${digest}`, this.registry);
        const manifests = Array.isArray(index.manifests)
            ? index.manifests.filter((m) => m !== null && typeof m === 'object')
            : [];
        return artifactType ? manifests.filter((m) => m.artifactType === artifactType) : manifests;
    }
    /**
     * The digest an image reference points to now. Pinned references are
     * returned as they are; each other reference is asked for once per client,
     * concurrent callers sharing the answer.
     */
    async resolveDigest(reference) {
        const ref = typeof reference === 'string' ? (0,oci_reference/* parseReference */.F2)(reference) : reference;
        if ((0,oci_reference/* registryApiHost */.Mb)(ref.registry) !== this.host) {
            throw new Error(`The client for ${this.registry} cannot resolve ${(0,oci_reference/* formatReference */.FH)(ref)}.`);
        }
        if (ref.digest)
            return ref.digest;
        const key = `${ref.repository}:${(0,oci_reference/* manifestReference */.Tn)(ref)}`;
        let pending = this.resolved.get(key);
        if (!pending) {
            pending = this.headManifest(ref.repository, (0,oci_reference/* manifestReference */.Tn)(ref)).then((found) => {
                if (found)
                    return found.digest;
                throw new errors/* UserError */.yo(`Image ${(0,oci_reference/* formatReference */.FH)(ref)} does not exist in the registry.`, {
                    fix: `Check the tag, or push ${(0,oci_reference/* formatName */.nD)(ref)}:${(0,oci_reference/* manifestReference */.Tn)(ref)} first.`,
                });
            });
            pending.catch(() => this.resolved.delete(key));
            this.resolved.set(key, pending);
        }
        return pending;
    }
    /**
     * Whether the registry has the manifest a pinned reference names:
     * `found`, `missing` (it answered that it has none), or `unchecked` with
     * the reason it could not be asked (unreachable, or it refused without a
     * login): a caller then trusts the digest as given. Asked once per client.
     */
    checkPinned(reference) {
        const ref = typeof reference === 'string' ? (0,oci_reference/* parseReference */.F2)(reference) : reference;
        if (!ref.digest)
            throw new Error(`${(0,oci_reference/* formatReference */.FH)(ref)} is not pinned by digest.`);
        const key = `${ref.repository}@${ref.digest}`;
        let pending = this.checked.get(key);
        if (!pending) {
            pending = this.headManifest(ref.repository, ref.digest).then((found) => (found ? { status: 'found' } : { status: 'missing' }), (error) => {
                if ((0,errors/* isOutage */.uD)(error) || (0,errors/* isUserError */.iU)(error)) {
                    return { status: 'unchecked', reason: (0,errors/* errorMessage */.gJ)(error) };
                }
                throw error;
            });
            this.checked.set(key, pending);
        }
        return pending;
    }
    /**
     * The config blob of an image (its labels, such as
     * `org.opencontainers.image.base.digest`). For a multi-platform index the
     * manifest of `platform` (default linux/amd64) is read.
     */
    async getImageConfig(repository, reference, platform = DEFAULT_PLATFORM) {
        const top = await this.getManifest(repository, reference);
        let manifest = top;
        if (isIndexMediaType(top.mediaType) || Array.isArray(top.json.manifests)) {
            const chosen = choosePlatform(top.json, platform);
            if (!chosen) {
                throw new errors/* UserError */.yo(`${this.registry}/${repository}:${reference} has no image for ${formatPlatform(platform)}.`, { fix: 'Build the image for that platform, or read another platform.' });
            }
            manifest = await this.getManifest(repository, chosen);
        }
        const config = manifest.json.config;
        if (typeof config?.digest !== 'string') {
            throw new Error(`The manifest ${manifest.digest} of ${repository} in ${this.registry} names no config blob.`);
        }
        const blob = await this.getBlob(repository, config.digest, CONFIG_MAX_BYTES);
        const parsed = parseJson(blob, `the config of ${repository}:${reference}`, this.registry);
        const rawLabels = parsed.config?.Labels;
        const labels = {};
        if (rawLabels && typeof rawLabels === 'object') {
            for (const [key, value] of Object.entries(rawLabels)) {
                if (typeof value === 'string')
                    labels[key] = value;
            }
        }
        return {
            digest: top.digest,
            manifestDigest: manifest.digest,
            configDigest: config.digest,
            config: parsed,
            labels,
        };
    }
    /** Closes idle connections so the process can exit. */
    close() {
        this.session.close();
    }
}
function validateManifestReference(reference) {
    if (reference.includes(':'))
        (0,oci_reference/* validateDigest */.n2)(reference);
    else
        (0,oci_reference/* validateTag */.z7)(reference);
}
function mediaTypeOf(contentType) {
    const type = contentType?.split(';')[0]?.trim();
    return type ? type : undefined;
}
function parseJson(bytes, what, registry) {
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new Error(`Registry ${registry} answered ${what} with something that is not JSON.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error(`Registry ${registry} answered ${what} with JSON that is not an object.`);
    }
    return parsed;
}
/** The `rel="next"` target of a Link header: `</v2/app/tags/list?n=100&last=x>; rel="next"`. */
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (match && /;\s*rel="?next"?(?:\s|;|$)/i.test(match[2] ?? ''))
            return match[1];
    }
    return undefined;
}
/** The manifest of an index for a platform; attestation entries (`unknown/unknown`) never match. */
function choosePlatform(index, platform) {
    const manifests = Array.isArray(index.manifests) ? index.manifests : [];
    const candidates = manifests.filter((m) => typeof m?.digest === 'string');
    const matches = candidates.filter((m) => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture);
    const exact = matches.find((m) => platform.variant === undefined || m.platform?.variant === platform.variant);
    return (exact ?? matches[0])?.digest;
}
function formatPlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ dockerConfigCredentials),
/* harmony export */   xA: () => (/* binding */ normalizeConfigKey)
/* harmony export */ });
/* unused harmony exports dockerConfigPath, parseDockerConfig, configuredHelper, HELPER_LIMITS, helperCredentials */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(828);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(649);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2148);







/**
 * Credentials that `docker login` left in `~/.docker/config.json` (or
 * `$DOCKER_CONFIG/config.json`), used when none are passed explicitly.
 * As docker does: a registry named in `credHelpers`, or any registry when
 * `credsStore` is set, asks that credential helper
 * (`docker-credential-<name> get`); otherwise the inline `auths` entry.
 */
function dockerConfigPath(env = process.env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker'), 'config.json');
}
/** `https://index.docker.io/v1/` and `registry.example.com/v2` both name a host; this finds it. */
function normalizeConfigKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? _reference_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB */ .Xb : host;
}
/** Credentials per registry host from a docker config file's text; malformed entries are skipped. */
function parseDockerConfig(text) {
    const found = new Map();
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        return found;
    }
    const auths = config?.auths;
    if (!auths || typeof auths !== 'object')
        return found;
    for (const [key, value] of Object.entries(auths)) {
        const credentials = entryCredentials(value);
        const host = normalizeConfigKey(key);
        if (credentials && !found.has(host))
            found.set(host, credentials);
    }
    return found;
}
function entryCredentials(entry) {
    if (!entry || typeof entry !== 'object')
        return undefined;
    if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
        return { token: entry.registrytoken };
    }
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        return undefined;
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string') {
        return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/** The credential helper docker would ask for `host`: `credHelpers[host]`, else `credsStore`. */
function configuredHelper(text, host) {
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const helpers = config?.credHelpers;
    if (helpers && typeof helpers === 'object') {
        for (const [key, name] of Object.entries(helpers)) {
            if (normalizeConfigKey(key) === host && typeof name === 'string' && name !== '')
                return name;
        }
    }
    const store = config?.credsStore;
    return typeof store === 'string' && store !== '' ? store : undefined;
}
/** Bounds on a credential helper: time (ECR's asks AWS for a token) and output. */
const HELPER_LIMITS = { timeoutMs: 30_000, maxOutputBytes: 1024 * 1024 };
/** What docker's helper protocol answers for a host it holds nothing for. */
const NOT_FOUND = 'credentials not found';
/** The address docker gives a helper: Docker Hub's historical URL, or the host itself. */
function helperServerAddress(host) {
    return host === _reference_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB */ .Xb ? 'https://index.docker.io/v1/' : host;
}
/**
 * Runs `docker-credential-<helper> get` as docker does: the server address on
 * stdin, `{"Username", "Secret"}` on stdout; no shell, bounded in time and
 * output. "credentials not found" is no credentials; a helper that is not
 * installed, fails or answers nonsense is a warning and no credentials (the
 * request then goes anonymously and the registry's refusal says what to do).
 * Run synchronously: the registry client reads its credentials when built.
 */
function helperCredentials(helper, host) {
    const program = `docker-credential-${helper}`;
    const result = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(program, ['get'], {
        input: helperServerAddress(host),
        shell: false,
        timeout: HELPER_LIMITS.timeoutMs,
        maxBuffer: HELPER_LIMITS.maxOutputBytes,
        encoding: 'utf8',
    });
    const out = (result.stdout ?? '').trim();
    const failed = (why) => {
        _core_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(`Docker credential helper ${program} gave no credentials for ${host}: ${why}. Continuing without credentials for ${host}.`);
        return undefined;
    };
    const code = result.error?.code;
    // A helper that exits before reading stdin breaks the pipe (EPIPE): what it
    // said and its exit code still tell the story.
    if (result.error && !(code === 'EPIPE' && result.status !== null)) {
        if (code === 'ENOENT')
            return failed('it is not installed (not on PATH)');
        if (code === 'ETIMEDOUT')
            return failed(`it did not answer within ${HELPER_LIMITS.timeoutMs / 1000} s`);
        return failed(result.error.message);
    }
    if (result.status !== 0) {
        if (`${out}\n${result.stderr ?? ''}`.includes(NOT_FOUND))
            return undefined;
        const said = (result.stderr || out).trim().split('\n').slice(-1)[0] ?? '';
        return failed(`it exited with ${result.status ?? result.signal}${said ? ` (${said})` : ''}`);
    }
    let answer;
    try {
        answer = JSON.parse(out);
    }
    catch {
        return failed('its answer is not JSON');
    }
    if (typeof answer?.Secret !== 'string' || answer.Secret === '')
        return undefined;
    // "<token>" marks an identity token (an OAuth refresh token), which this client does not use.
    if (answer.Username === '<token>') {
        _core_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq(answer.Secret);
        return failed('it gave an identity token, which is not supported');
    }
    if (typeof answer.Username !== 'string' || answer.Username === '') {
        _core_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq(answer.Secret);
        return failed('its answer has no Username');
    }
    (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .maskBasicAuth */ .H8)(answer.Username, answer.Secret);
    return { username: answer.Username, password: answer.Secret };
}
/** Credentials for `registry` from the docker config file (or its credential helper), if any. */
function dockerConfigCredentials(registry, path = dockerConfigPath()) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
    const host = normalizeConfigKey(registry);
    const helper = configuredHelper(text, host);
    if (helper)
        return helperCredentials(helper, host);
    return parseDockerConfig(text).get(host);
}


/***/ }),

/***/ 7050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ statusFailure),
/* harmony export */   eA: () => (/* binding */ registryErrorSummary),
/* harmony export */   rd: () => (/* binding */ networkFailure),
/* harmony export */   xQ: () => (/* binding */ isPlainHttpAnswer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9809);


/**
 * Turning what a registry (or the network on the way) answered into the error
 * a user should see: throttling and server failures are transient and carry
 * Retry-After; certificate problems say which CA to pass; anything else keeps
 * the status and the registry's own error codes, truncated.
 */
const SUMMARY_MAX_CHARS = 300;
/**
 * The registry's error body as one line: `MANIFEST_UNKNOWN: manifest unknown`
 * from `{"errors":[{"code","message"}]}`, else the text itself; truncated.
 * Empty when there is nothing to say, otherwise prefixed with `prefix`.
 */
function registryErrorSummary(body, prefix = '') {
    if (!body || body.length === 0)
        return '';
    const text = body
        .subarray(0, 16 * 1024)
        .toString('utf8')
        .trim();
    let summary = text.replace(/\s+/g, ' ');
    try {
        const errors = JSON.parse(text).errors;
        if (Array.isArray(errors) && errors.length > 0) {
            summary = errors
                .map((e) => [e?.code, e?.message].filter((part) => typeof part === 'string' && part).join(': '))
                .filter(Boolean)
                .join('; ');
        }
    }
    catch {
        // not JSON: keep the text
    }
    if (summary === '')
        return '';
    if (summary.length > SUMMARY_MAX_CHARS)
        summary = `${summary.slice(0, SUMMARY_MAX_CHARS)}…`;
    return `${prefix}${summary}`;
}
/** An unexpected status as an error: transient (retried) for 408/429/5xx, otherwise final. */
function statusFailure(exchange, now = Date.now()) {
    const what = `Registry ${exchange.registry} answered HTTP ${exchange.status} to ${exchange.method} ${exchange.path}`;
    const detail = registryErrorSummary(exchange.body, ': ');
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransientStatus */ .Dm)(exchange.status)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${what}${detail}`, {
            retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(exchange.retryAfter, now),
        });
    }
    return new Error(`${what}${detail}`);
}
const UNTRUSTED_CERTIFICATE = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
]);
const INVALID_CERTIFICATE = new Set([
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_REVOKED',
]);
const TRANSIENT_NETWORK = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
    'EHOSTDOWN',
]);
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/** A TLS client that reached a plain-HTTP server: OpenSSL reads the HTTP answer as a bad record. */
function isPlainHttpAnswer(error) {
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    return (errorCode(error) === 'EPROTO' ||
        errorCode(error) === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        /wrong version number|packet length too long|http request/i.test(message));
}
/** A failure below HTTP (connection, DNS, TLS) as the error a user should see. */
function networkFailure(error, registry, caGiven) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_)
        return error;
    const code = errorCode(error);
    // Node appends advice about --use-system-ca; ours follows in `fix`.
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('; if the root CA')[0] ?? '';
    if (code && UNTRUSTED_CERTIFICATE.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`TLS verification of registry ${registry} failed: ${message} (${code}). Its certificate is not signed by a trusted CA.`, {
            cause: error,
            fix: caGiven
                ? `The CA certificate that was passed did not sign ${registry}'s certificate; pass the CA that did.`
                : `Pass the registry's CA certificate (the CA file input, a PEM file) so its certificate can be verified.`,
        });
    }
    if (code && INVALID_CERTIFICATE.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`TLS certificate of registry ${registry} is not valid: ${message} (${code}).`, {
            cause: error,
            fix: `Fix the registry's certificate (its validity dates and that it names ${registry}).`,
        });
    }
    if (code === 'ENOTFOUND') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Registry host ${registry} was not found (DNS lookup failed).`, {
            cause: error,
            fix: 'Check the registry host name in the image or chart reference.',
        });
    }
    if (code && TRANSIENT_NETWORK.has(code)) {
        const suffix = message.includes(code) ? '' : ` (${code})`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`Could not talk to registry ${registry}: ${message}${suffix}.`, {
            cause: error,
        });
    }
    if (isPlainHttpAnswer(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Registry ${registry} did not answer with TLS: ${message}.`, {
            cause: error,
            fix: 'If the registry serves plain HTTP, use the http scheme (insecure registries are allowed on loopback hosts only with the auto scheme).',
        });
    }
    return new Error(`Request to registry ${registry} failed: ${message}`, { cause: error });
}


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   FL: () => (/* binding */ validateRepository),
/* harmony export */   Jb: () => (/* binding */ chartVersionTag),
/* harmony export */   Mb: () => (/* binding */ registryApiHost),
/* harmony export */   RB: () => (/* binding */ isMutableTag),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   z7: () => (/* binding */ validateTag)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_API_HOST, DEFAULT_TAG, isDigestPinned, withDigest, withTag */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const DOCKER_HUB = 'docker.io';
/** Docker Hub's distribution API does not live on docker.io itself. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const DEFAULT_TAG = 'latest';
const EXAMPLE = 'registry.example.com/team/app:1.2.3 (or nginx:1.27, or app@sha256:<64 hex>)';
const FIX = `Write it as host[:port]/path/name[:tag][@sha256:digest], for example ${EXAMPLE}.`;
// Distribution spec: path components are lowercase alphanumerics separated by
// one `.`, one or two `_`, or any number of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Registered algorithms and the exact form of their encoded part. */
const DIGEST_ENCODINGS = {
    sha256: /^[a-f0-9]{64}$/,
    sha512: /^[a-f0-9]{128}$/,
};
const HOST_LABEL = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
/** docker's limit on the whole name, registry included. */
const NAME_MAX_LENGTH = 255;
function invalid(text, problem) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Invalid image reference "${text}": ${problem}.`, { fix: FIX });
}
/** Checks a repository path (`team/app`); throws a UserError that says what is wrong. */
function validateRepository(repository, text = repository) {
    if (repository === '')
        throw invalid(text, 'the repository name is empty');
    for (const component of repository.split('/')) {
        if (component === '') {
            throw invalid(text, `the repository "${repository}" has an empty path component`);
        }
        if (PATH_COMPONENT.test(component))
            continue;
        if (PATH_COMPONENT.test(component.toLowerCase())) {
            throw invalid(text, `repository names must be lowercase ("${component}")`);
        }
        throw invalid(text, `"${component}" is not a valid repository path component (lowercase letters and digits, ` +
            'separated by ".", "_", "__" or "-")');
    }
}
/** Checks a tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
function validateTag(tag, text = tag) {
    if (TAG.test(tag))
        return;
    if (tag.includes('+')) {
        throw invalid(text, `tag "${tag}" contains "+", which OCI tags cannot hold (helm writes "_" instead: ` +
            `"${tag.replaceAll('+', '_')}")`);
    }
    if (tag.length > 128)
        throw invalid(text, `tag "${tag.slice(0, 20)}…" is longer than 128`);
    throw invalid(text, `tag "${tag}" must start with a letter, digit or "_" and contain only letters, digits, "_", "." and "-"`);
}
/** Checks a digest; only sha256 and sha512 are accepted (the algorithms registries verify). */
function validateDigest(digest, text = digest) {
    if (!DIGEST.test(digest)) {
        throw invalid(text, `"${digest}" is not a digest (expected sha256:<64 lowercase hex>)`);
    }
    const [algorithm = '', encoded = ''] = digest.split(':', 2);
    const encoding = DIGEST_ENCODINGS[algorithm];
    if (!encoding) {
        throw invalid(text, `digest algorithm "${algorithm}" is not supported (use sha256 or sha512)`);
    }
    if (!encoding.test(encoded)) {
        throw invalid(text, `a ${algorithm} digest has ${algorithm === 'sha256' ? 64 : 128} lowercase hex characters, ` +
            `got "${encoded}"`);
    }
}
function isDigest(value) {
    try {
        validateDigest(value);
        return true;
    }
    catch {
        return false;
    }
}
function validateRegistry(registry, text) {
    const portAt = registry.startsWith('[') ? registry.indexOf(']:') + 1 : registry.lastIndexOf(':');
    const host = portAt > 0 ? registry.slice(0, portAt) : registry;
    const port = portAt > 0 ? registry.slice(portAt + 1) : undefined;
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) {
        throw invalid(text, `"${port}" is not a port number`);
    }
    if (IPV6.test(host))
        return;
    if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
        throw invalid(text, `"${host}" is not a valid registry host name`);
    }
}
/**
 * Whether the first path component names a registry: docker's rule is that it
 * contains a `.` or a `:`, is `localhost`, or is not lowercase.
 */
function looksLikeRegistry(component) {
    return (component.includes('.') ||
        component.includes(':') ||
        component === 'localhost' ||
        component !== component.toLowerCase());
}
/**
 * Parses an image or chart reference. Accepts an `oci://` prefix (helm's chart
 * form) and, for those, turns `+` in the tag into `_` as helm does, since OCI
 * tags cannot hold `+`. Throws a UserError naming the problem.
 */
function parseReference(input) {
    const text = input.trim();
    let rest = text;
    const isOci = rest.startsWith('oci://');
    if (isOci)
        rest = rest.slice('oci://'.length);
    if (rest === '')
        throw invalid(text, 'it is empty');
    if (/\s/.test(rest))
        throw invalid(text, 'it contains whitespace');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
        throw invalid(text, 'only the oci:// scheme is accepted; leave out any other scheme');
    }
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        validateDigest(digest, text);
    }
    // A colon after the last slash separates the tag (earlier colons are ports).
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (isOci)
            tag = tag.replaceAll('+', '_');
        validateTag(tag, text);
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    let registry;
    let repository;
    if (slash >= 0 && looksLikeRegistry(first)) {
        registry = first;
        repository = rest.slice(slash + 1);
    }
    else {
        registry = DOCKER_HUB;
        repository = rest;
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST)
        registry = DOCKER_HUB;
    validateRegistry(registry, text);
    // Docker Hub's official images live under library/.
    if (registry === DOCKER_HUB && repository !== '' && !repository.includes('/')) {
        repository = `library/${repository}`;
    }
    validateRepository(repository, text);
    if (registry.length + 1 + repository.length > NAME_MAX_LENGTH) {
        throw invalid(text, `the name is longer than ${NAME_MAX_LENGTH} characters`);
    }
    const reference = { registry, repository };
    if (tag !== undefined)
        reference.tag = tag;
    if (digest !== undefined)
        reference.digest = digest;
    return reference;
}
/**
 * The canonical text: `docker.io/library/nginx:latest`, `host/app:1.0@sha256:…`.
 * With neither tag nor digest, `:latest` is written out.
 */
function formatReference(ref) {
    const tag = ref.tag ?? (ref.digest ? undefined : DEFAULT_TAG);
    return `${ref.registry}/${ref.repository}${tag ? `:${tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The name without tag or digest: `127.0.0.1:5000/team/app`. */
function formatName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** What to ask the registry for: the digest when pinned, else the tag (`latest` by default). */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}
function isDigestPinned(ref) {
    return ref.digest !== undefined;
}
/**
 * A mutable tag is one that is expected to move: `latest`, or no tag at all.
 * A digest-pinned reference is never mutable.
 */
function isMutableTag(ref) {
    return ref.digest === undefined && (ref.tag === undefined || ref.tag === DEFAULT_TAG);
}
/** The same reference pinned to `digest`; the tag is kept for readers (`app:1.2@sha256:…`). */
function withDigest(ref, digest) {
    validateDigest(digest);
    return { ...ref, digest };
}
/** The same repository under another tag (and no digest). */
function withTag(ref, tag) {
    validateTag(tag);
    return { registry: ref.registry, repository: ref.repository, tag };
}
/** The tag helm uses for a chart version: OCI tags cannot hold `+`, so it becomes `_`. */
function chartVersionTag(version) {
    const tag = version.replaceAll('+', '_');
    validateTag(tag);
    return tag;
}
/** The host that serves the distribution API for a registry name. */
function registryApiHost(registry) {
    return registry === DOCKER_HUB || registry === 'index.docker.io' ? DOCKER_HUB_API_HOST : registry;
}


/***/ }),

/***/ 5380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FZ: () => (/* binding */ recordLabels),
/* harmony export */   NV: () => (/* binding */ recordObject),
/* harmony export */   XO: () => (/* binding */ isRecordObject),
/* harmony export */   hl: () => (/* binding */ RECORD_VERSION)
/* harmony export */ });
/* unused harmony exports RECORD_PREFIX, RECORD_OBJECT_LABEL, RECORD_SECRET_TYPE, RECORD_LABELS, recordObjectName, isLabelValue, findRecord, UnreadableRecord */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * The deploy record: what a release revision runs and what it was made
 * from, written by helm-deploy with every revision and read back by
 * drift-check (and later deploys) from the cluster alone.
 *
 * It has two homes, because Helm offers no single one that is both
 * selectable and roomy:
 *
 * - Helm's release labels (`helm upgrade --labels`, helm >= 3.13 and 4),
 *   which Helm stores on its own storage object: short, selectable keys
 *   (RECORD_LABELS) so `kubectl get secret -l pipeline-actions.dev/app=shop`
 *   finds every revision of an app in an environment.
 * - The whole record, as JSON in a Secret the post-renderer appends to the
 *   release's manifest (RECORD_OBJECT_LABEL marks it). Appended after the
 *   chart, kustomize, pinning and annotations ran, it never changes an
 *   object of the chart; helm-deploy's diff and drift-check leave it out.
 *   Being part of the manifest, Helm stores it in the revision itself, so
 *   `helm rollback` (which re-applies an earlier revision's manifest) gives
 *   the new revision the record of the revision it rolled back to: a
 *   rollback says truthfully what it runs. A Secret, not a ConfigMap,
 *   because the record keeps the `set` input, which Helm also keeps only in
 *   Secrets.
 */
const RECORD_VERSION = 1;
const RECORD_PREFIX = 'pipeline-actions.dev/';
/** Marks the record object in a release's manifest. */
const RECORD_OBJECT_LABEL = `${RECORD_PREFIX}deploy-record`;
const RECORD_SECRET_TYPE = `${RECORD_PREFIX}deploy-record.v1`;
const RECORD_LABELS = {
    record: `${RECORD_PREFIX}record`,
    app: `${RECORD_PREFIX}app`,
    environment: `${RECORD_PREFIX}environment`,
    request: `${RECORD_PREFIX}request`,
};
/** The record object's name in a release. */
function recordObjectName(release) {
    return `${release}-deploy-record`;
}
/** The Secret the post-renderer appends to the release's manifest. */
function recordObject(record) {
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
            name: recordObjectName(record.release),
            labels: {
                [RECORD_OBJECT_LABEL]: 'true',
                ...recordLabels(record),
            },
        },
        type: RECORD_SECRET_TYPE,
        data: { record: Buffer.from(JSON.stringify(record), 'utf8').toString('base64') },
    };
}
/** Whether an object is a deploy record (left out of every diff and drift comparison). */
function isRecordObject(object) {
    return object?.metadata?.labels?.[RECORD_OBJECT_LABEL] === 'true';
}
/** The short, selectable part: labels for `helm upgrade --labels` (values that are not valid label values are left out). */
function recordLabels(record) {
    const labels = {
        [RECORD_LABELS.record]: `v${RECORD_VERSION}`,
        [RECORD_LABELS.app]: record.app.name,
        [RECORD_LABELS.environment]: record.environment,
        [RECORD_LABELS.request]: record.request.hash.slice(0, 32),
    };
    return Object.fromEntries(Object.entries(labels).filter(([, value]) => isLabelValue(value)));
}
function isLabelValue(value) {
    return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value);
}
/** A release's record, from the objects of its stored manifest; undefined when it has none (deployed before records existed). */
function findRecord(objects, where) {
    const object = objects.find(isRecordObject);
    if (!object)
        return undefined;
    const data = object.data?.record;
    let record;
    try {
        record = JSON.parse(Buffer.from(data ?? '', 'base64').toString('utf8'));
    }
    catch (error) {
        throw new UnreadableRecord(`The deploy record of ${where} is not readable JSON.`, error);
    }
    const problem = checkRecord(record);
    if (problem)
        throw new UnreadableRecord(`The deploy record of ${where} ${problem}.`);
    return record;
}
/** A record that is there but cannot be read: its release is an error, never "no drift". */
class UnreadableRecord extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'UnreadableRecord';
    constructor(message, cause) {
        super(message, {
            fix: 'deploy the release again with helm-deploy (it writes a new record); do not edit records by hand.',
            ...(cause === undefined ? {} : { cause }),
        });
    }
}
function checkRecord(record) {
    if (typeof record !== 'object' || record === null)
        return 'is not an object';
    const value = record;
    if (value.version !== RECORD_VERSION)
        return `has version ${String(value.version)}, this drift-check reads version ${RECORD_VERSION}`;
    if (typeof value.app?.name !== 'string' || typeof value.app.dir !== 'string')
        return 'names no application';
    if (typeof value.environment !== 'string')
        return 'names no environment';
    if (typeof value.request?.hash !== 'string' || typeof value.request.chart !== 'string')
        return 'has no request';
    if (!Array.isArray(value.request.values) || typeof value.request.set !== 'object')
        return 'has a malformed request';
    if (!Array.isArray(value.images))
        return 'has no image list';
    return undefined;
}


/***/ }),

/***/ 8162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ isTraceAnnotation),
/* harmony export */   CX: () => (/* binding */ workflowRunUrl),
/* harmony export */   NH: () => (/* binding */ annotateObjects),
/* harmony export */   kd: () => (/* binding */ traceAnnotations)
/* harmony export */ });
/* unused harmony exports TRACE_ANNOTATION_PREFIX, TRACE_ANNOTATIONS */
/* harmony import */ var _kube_manifests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4483);

/**
 * Traceability: every deployed object says which commit, which workflow run
 * and which actor put it there. They go on the objects' own metadata only,
 * never on pod templates, so deploying the same content again does not
 * restart a single pod. Diffs and drift checks ignore them (they change with
 * every run by design).
 */
const TRACE_ANNOTATION_PREFIX = 'pipeline-actions.dev/';
const TRACE_ANNOTATIONS = {
    commit: `${TRACE_ANNOTATION_PREFIX}commit`,
    run: `${TRACE_ANNOTATION_PREFIX}run`,
    actor: `${TRACE_ANNOTATION_PREFIX}actor`,
    ref: `${TRACE_ANNOTATION_PREFIX}ref`,
};
/** The annotations for this workflow run, from the runner's GITHUB_* variables. */
function traceAnnotations(env = process.env) {
    const annotations = {};
    if (env.GITHUB_SHA)
        annotations[TRACE_ANNOTATIONS.commit] = env.GITHUB_SHA;
    const runUrl = workflowRunUrl(env);
    if (runUrl)
        annotations[TRACE_ANNOTATIONS.run] = runUrl;
    if (env.GITHUB_ACTOR)
        annotations[TRACE_ANNOTATIONS.actor] = env.GITHUB_ACTOR;
    if (env.GITHUB_REF)
        annotations[TRACE_ANNOTATIONS.ref] = env.GITHUB_REF;
    return annotations;
}
/** `https://github.com/acme/shop/actions/runs/123/attempts/2`, or undefined outside a runner. */
function workflowRunUrl(env = process.env) {
    const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
    if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID)
        return undefined;
    const attempt = GITHUB_RUN_ATTEMPT && GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${GITHUB_RUN_ATTEMPT}` : '';
    return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${attempt}`;
}
/** Sets the annotations on every object's metadata (replacing earlier values of the same keys). */
function annotateObjects(objects, annotations) {
    const entries = Object.entries(annotations);
    if (entries.length === 0)
        return;
    for (const object of objects) {
        const target = (0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .mappingChild */ .rj)((0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .mappingChild */ .rj)(object, 'metadata'), 'annotations');
        for (const [key, value] of entries)
            (0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .mappingSet */ .P)(target, key, (0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .stringNode */ ._C)(value));
    }
}
/** Whether an annotation is one of ours (ignored when comparing objects). */
function isTraceAnnotation(key) {
    return key.startsWith(TRACE_ANNOTATION_PREFIX);
}


/***/ }),

/***/ 668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mc: () => (/* binding */ pinImages)
});

// UNUSED EXPORTS: DEFAULT_PIN_CONCURRENCY, UNREACHABLE_REGISTRY_FIX, WORKLOAD_KINDS, findImages

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/render/limit.ts
/**
 * Runs `task` for every item with at most `limit` running at once; results
 * keep the items' order. Every task settles before this returns, so a failure
 * never leaves work running behind the caller's back.
 */
async function mapSettled(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { status: 'fulfilled', value: await task(items[index], index) };
            }
            catch (reason) {
                results[index] = { status: 'rejected', reason };
            }
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    await Promise.all(workers);
    return results;
}

// EXTERNAL MODULE: ./src/kube/manifests.ts
var manifests = __webpack_require__(4483);
// EXTERNAL MODULE: ./src/kube/objects.ts
var objects = __webpack_require__(9509);
;// CONCATENATED MODULE: ./src/render/images.ts





/**
 * Every container image of every workload, pinned to the digest its registry
 * serves now: each distinct reference is asked for once, with a bound on how
 * many are asked at the same time. A reference that is already pinned is kept,
 * once its registry confirms it has that digest; when the registry cannot be
 * asked, the digest is trusted as given and the image says why (`unchecked`).
 */
/** Where the pod spec sits in each kind that runs containers. */
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
/** How many registries lookups run at once. */
const DEFAULT_PIN_CONCURRENCY = 8;
/** Every image field of every workload in the manifests. */
function findImages(objects) {
    const uses = [];
    for (const node of objects) {
        const identity = (0,manifests/* objectIdentity */.gN)(node);
        const path = POD_SPEC_PATHS[identity.kind];
        if (!path)
            continue;
        const podSpec = (0,manifests/* mappingPath */.Q8)(node, ...path);
        for (const list of CONTAINER_LISTS) {
            const containers = (0,manifests/* mappingGet */.pH)(podSpec, list);
            if (!(0,manifests/* isSequence */.wZ)(containers))
                continue;
            for (const [index, container] of containers.items.entries()) {
                const imageNode = (0,manifests/* mappingGet */.pH)(container, 'image');
                const image = (0,manifests/* scalarText */.ws)(imageNode);
                if (image === undefined || imageNode?.kind !== 'scalar')
                    continue;
                uses.push({
                    object: identity,
                    list,
                    container: (0,manifests/* scalarText */.ws)((0,manifests/* mappingGet */.pH)(container, 'name')) ?? `#${index + 1}`,
                    image: image.trim(),
                    node: imageNode,
                });
            }
        }
    }
    return uses;
}
/** Pins every image in place; returns what was pinned, one entry per distinct image. */
async function pinImages(objects, options) {
    const byImage = new Map();
    for (const use of findImages(objects)) {
        const list = byImage.get(use.image) ?? [];
        list.push(use);
        byImage.set(use.image, list);
    }
    const images = [...byImage.keys()].sort();
    const problems = [];
    const references = new Map();
    for (const image of images) {
        const uses = byImage.get(image) ?? [];
        try {
            const reference = (0,oci_reference/* parseReference */.F2)(image);
            references.set(image, reference);
            if ((0,oci_reference/* isMutableTag */.RB)(reference) && !options.allowMutableTags) {
                problems.push(new errors/* UserError */.yo(`Image ${image} (used by ${usedBy(uses)}) is given only by ${reference.tag ? `the mutable tag "${reference.tag}"` : 'its name (that is the mutable tag "latest")'}, which allow-mutable-tags: false refuses.`, {
                    fix: 'deploy an immutable version tag or a digest (the `ref` output of build-image), or set allow-mutable-tags: true.',
                }));
            }
        }
        catch (error) {
            if (!(0,errors/* isUserError */.iU)(error))
                throw error;
            problems.push(new errors/* UserError */.yo(`${error.message} It is used by ${usedBy(uses)}.`, { fix: error.fix }));
        }
    }
    if (problems.length > 0)
        throw combine(problems, 'image cannot be deployed', 'images cannot be deployed');
    const settled = await mapSettled(images, options.concurrency ?? DEFAULT_PIN_CONCURRENCY, async (image) => {
        const reference = references.get(image);
        if (reference.digest !== undefined && options.unpublished?.includes(image)) {
            return { digest: reference.digest };
        }
        return lookUp(reference, options.resolver);
    });
    const pinned = [];
    const failures = [];
    for (const [index, image] of images.entries()) {
        const uses = byImage.get(image) ?? [];
        const result = settled[index];
        if (result?.status === 'rejected') {
            failures.push({ image, uses, error: result.reason });
            continue;
        }
        const found = result?.value ?? { digest: '' };
        const reference = references.get(image);
        if (found.check?.status === 'missing') {
            failures.push({
                image,
                uses,
                error: pinnedDigestMissing(image, reference),
            });
            continue;
        }
        const alreadyPinned = reference?.digest !== undefined;
        const text = alreadyPinned ? image : `${image}@${found.digest}`;
        for (const use of uses)
            use.node.value = text;
        pinned.push({
            image,
            pinned: text,
            digest: found.digest,
            alreadyPinned,
            usedBy: uses.map(describeUse),
            ...(found.check?.status === 'unchecked' ? { unchecked: found.check.reason } : {}),
        });
    }
    if (failures.length > 0)
        throw pinningFailure(failures);
    return pinned;
}
/** A tag's digest, or a pinned reference's digest and what its registry said of it. */
async function lookUp(reference, resolver) {
    if (reference.digest === undefined)
        return { digest: await resolver.resolveDigest(reference) };
    return { digest: reference.digest, check: await resolver.checkPinned(reference) };
}
function pinnedDigestMissing(image, reference) {
    return new errors/* UserError */.yo(`Image ${image} is pinned to ${reference.digest}, which ${reference.registry} does not have: it answered that ${reference.repository} holds no such manifest.`, {
        fix: 'deploy a digest that exists (the `ref` output of the build-image run you mean), or push that image first; check the repository name as well as the digest.',
    });
}
/** Where README explains the ways forward when an image's registry cannot be reached. */
const UNREACHABLE_REGISTRY_FIX = "if the runner cannot reach this registry, deploy from a mirror it can reach (the image input or the chart's values) or with references already pinned by digest; see helm-deploy's README, \"When the runner cannot reach an image's registry\".";
/**
 * One error for every reference that could not be pinned: a cause shared by
 * several references (a registry that is not found, refuses the login or is
 * down) is said once, followed by each reference and the objects using it.
 * A failure that is not the user's (an outage, a bug) keeps its class.
 */
function pinningFailure(failures) {
    const groups = new Map();
    for (const failure of failures) {
        const key = (0,errors/* isUserError */.iU)(failure.error)
            ? `user\0${failure.error.message}\0${failure.error.fix ?? ''}`
            : `other\0${(0,errors/* errorMessage */.gJ)(failure.error)}`;
        groups.set(key, [...(groups.get(key) ?? []), failure]);
    }
    const problems = [];
    const others = [];
    for (const group of groups.values()) {
        const first = group[0];
        const message = describeFailure(group);
        if ((0,errors/* isUserError */.iU)(first.error)) {
            const unreachable = (0,errors/* isOutage */.uD)(first.error.cause);
            const fix = unreachable
                ? `${first.error.fix ? `${first.error.fix.replace(/\.$/, '')}; ` : ''}${UNREACHABLE_REGISTRY_FIX}`
                : first.error.fix;
            problems.push(new errors/* UserError */.yo(message, { fix, cause: first.error }));
        }
        else {
            others.push({ message, cause: first.error });
        }
    }
    if (others.length > 0) {
        // Not the user's: the first cause keeps its class (an outage is reported as one).
        const text = others.map((o) => o.message).join('\n');
        return new Error(problems.length > 0
            ? `${text}\n${problems.map((p) => `${p.message}${p.fix ? ` (${p.fix})` : ''}`).join('\n')}`
            : text, { cause: others[0]?.cause });
    }
    return combine(problems, 'image could not be pinned to a digest', 'images could not be pinned to a digest');
}
/** A reason and the references it stopped; a reason that names its one image keeps its words. */
function describeFailure(group) {
    const first = group[0];
    const reason = (0,errors/* errorMessage */.gJ)(first.error).replace(/\.$/, '');
    if (group.length === 1 && reason.includes(first.image)) {
        return `${reason} (used by ${usedBy(first.uses)}).`;
    }
    if (group.length === 1) {
        return `Image ${first.image} (used by ${usedBy(first.uses)}) could not be pinned to a digest: ${reason}.`;
    }
    const lines = group.map((f) => `\n    - ${f.image}, used by ${usedBy(f.uses)}`);
    return `${group.length} images could not be pinned to a digest: ${reason}.${lines.join('')}`;
}
function describeUse(use) {
    const kind = use.list === 'containers'
        ? 'container'
        : use.list === 'initContainers'
            ? 'init container'
            : 'ephemeral container';
    return `${(0,objects/* describeObject */.v8)(use.object)} (${kind} ${use.container})`;
}
function usedBy(uses) {
    const described = uses.map(describeUse);
    return described.length > 3
        ? `${described.slice(0, 3).join(', ')} and ${described.length - 3} more`
        : described.join(', ');
}
function combine(problems, one, many) {
    if (problems.length === 1)
        return problems[0];
    return new errors/* UserErrors */.tQ(`${problems.length} ${many}:`, problems);
}


/***/ }),

/***/ 3371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* binding */ applyOverlay),
/* harmony export */   nW: () => (/* binding */ findKustomization)
/* harmony export */ });
/* unused harmony export RENDERED_CHART_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4536);





/**
 * A kustomize overlay applied to what the chart rendered, the way one
 * customizes an upstream chart without forking it. The overlay directory is
 * the user's own kustomization (patches, labels, images, …) without any
 * resources: a copy of it gets the rendered chart added as its first resource
 * and is built. The overlay must be self-contained (nothing from `../`).
 */
/** The file the rendered chart is written to inside the copied overlay. */
const RENDERED_CHART_FILE = 'rendered-chart.yaml';
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** The overlay's kustomization file; a UserError naming the input when there is none. */
function findKustomization(overlay, input = 'kustomize') {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(overlay) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(overlay).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input "${input}" names ${overlay}, which is not a directory.`, {
            fix: 'give the directory that holds kustomization.yaml, relative to the repository root.',
        });
    }
    const file = KUSTOMIZATION_FILES.map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(overlay, name)).find((path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path));
    if (!file) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${overlay} (input "${input}") has no kustomization.yaml.`, {
            fix: 'add a kustomization.yaml with the patches to apply to the rendered chart.',
        });
    }
    return file;
}
/**
 * Builds the overlay over `manifests` in `workDir` (a fresh directory the
 * caller owns and removes).
 */
async function applyOverlay(manifests, overlay, builder, workDir) {
    const file = findKustomization(overlay);
    const copy = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, 'overlay');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)(overlay, copy, { recursive: true, dereference: true });
    const copiedFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(copy, file.slice(overlay.length + 1));
    const kustomization = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .parseYaml */ .hN)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), file);
    if (kustomization === null || typeof kustomization !== 'object' || Array.isArray(kustomization)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is not a kustomization (a YAML mapping).`, {
            location: { file },
            fix: 'write it as a mapping with patches:, labels:, images: and the like.',
        });
    }
    const fields = kustomization;
    const resources = fields.resources ?? [];
    if (!Array.isArray(resources)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file}: "resources" must be a list.`, { location: { file } });
    }
    fields.resources = [RENDERED_CHART_FILE, ...resources];
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(copiedFile, (0,js_yaml__WEBPACK_IMPORTED_MODULE_2__/* .dump */ .Bh)(fields, { lineWidth: -1 }));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(copy, RENDERED_CHART_FILE), manifests);
    try {
        return await builder.kustomize(copy);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo)
            throw error;
        const detail = error.stderr ?? error.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The kustomize overlay ${overlay} could not be applied to the chart: ${lastErrorLine(detail)}`, {
            location: { file },
            fix: 'check that every patch targets an object the chart renders (kind and name) and that the overlay is self-contained.',
            cause: error,
        });
    }
}
function lastErrorLine(text) {
    const lines = text
        .trim()
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return (lines.find((line) => line.startsWith('error:')) ??
        lines.pop() ??
        'kustomize failed').replace(/^error:\s*/, '');
}


/***/ }),

/***/ 5814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HelmPostRenderer: () => (/* binding */ HelmPostRenderer),
  POST_RENDER_BUNDLE: () => (/* binding */ POST_RENDER_BUNDLE),
  POST_RENDER_FLAG: () => (/* binding */ POST_RENDER_FLAG),
  POST_RENDER_PLUGIN: () => (/* binding */ POST_RENDER_PLUGIN),
  bundledPostRenderer: () => (/* binding */ bundledPostRenderer),
  postRender: () => (/* binding */ postRender),
  registryPool: () => (/* binding */ registryPool),
  runPostRenderer: () => (/* binding */ runPostRenderer)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/oci/client.ts + 6 modules
var oci_client = __webpack_require__(6801);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
;// CONCATENATED MODULE: ./src/oci/pool.ts



class RegistryPool {
    options;
    clients = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    client(registry) {
        const key = (0,docker_config/* normalizeConfigKey */.xA)(registry) === oci_reference/* DOCKER_HUB */.Xb ? oci_reference/* DOCKER_HUB */.Xb : registry.toLowerCase();
        let client = this.clients.get(key);
        if (!client) {
            const { credentials, registries, ...shared } = this.options;
            const own = credentials
                ? Object.entries(credentials).find(([host]) => (0,docker_config/* normalizeConfigKey */.xA)(host) === key)?.[1]
                : undefined;
            client = new oci_client/* RegistryClient */.bP(key, { ...shared, ...registries?.[key], credentials: own });
            this.clients.set(key, client);
        }
        return client;
    }
    /** The digest a reference points to; each reference is asked for once, however many callers. */
    resolveDigest(reference) {
        const ref = typeof reference === 'string' ? (0,oci_reference/* parseReference */.F2)(reference) : reference;
        return this.client(ref.registry).resolveDigest(ref);
    }
    /** Whether a pinned reference's registry has its digest (see RegistryClient.checkPinned). */
    checkPinned(reference) {
        const ref = typeof reference === 'string' ? (0,oci_reference/* parseReference */.F2)(reference) : reference;
        return this.client(ref.registry).checkPinned(ref);
    }
    close() {
        for (const client of this.clients.values())
            client.close();
    }
}

// EXTERNAL MODULE: ./src/tools/kubectl.ts
var kubectl = __webpack_require__(9481);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/render/annotate.ts
var annotate = __webpack_require__(8162);
// EXTERNAL MODULE: ./src/render/images.ts + 1 modules
var render_images = __webpack_require__(668);
// EXTERNAL MODULE: ./src/render/kustomize.ts
var kustomize = __webpack_require__(3371);
// EXTERNAL MODULE: ./src/kube/manifests.ts
var kube_manifests = __webpack_require__(4483);
;// CONCATENATED MODULE: ./src/render/post-render.ts











/**
 * The post-render chain, run by Helm between rendering and applying, so Helm
 * keeps the release (history, rollback) of exactly what was applied:
 *
 *   drop empty documents → kustomize overlay → pin every image → annotate
 *
 * `postRender()` is the chain itself (drift-check and tests call it in
 * process). `HelmPostRenderer` hooks it into Helm: helm 3 runs an executable
 * (`--post-renderer PATH`), helm 4 a `postrenderer/v1` plugin
 * (`--post-renderer NAME`, found in HELM_PLUGINS). Both start this same code
 * in a child process: the action's own bundle with POST_RENDER_FLAG and the
 * path of a config file. The child reports what it did (objects, pinned
 * images, or the error) in a JSON file next to that config, so the action can
 * tell the user "image x:1 does not exist" rather than helm's
 * "error while running post render".
 */
const POST_RENDER_FLAG = '--pipeline-actions-post-render';
const POST_RENDER_PLUGIN = 'pipeline-actions-post-render';
async function postRender(manifests, config, dependencies) {
    let nodes = (0,kube_manifests/* parseManifestNodes */.OV)(manifests, 'the rendered chart');
    if (config.kustomize) {
        const builder = dependencies.kustomize ?? new kubectl/* Kubectl */.bx(config.kustomize.kubectl);
        (0,external_node_fs_.mkdirSync)(dependencies.workDir, { recursive: true });
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(dependencies.workDir, 'kustomize-'));
        try {
            const built = await (0,kustomize/* applyOverlay */.LP)((0,kube_manifests/* presentManifests */.it)(nodes), config.kustomize.overlay, builder, work);
            nodes = (0,kube_manifests/* parseManifestNodes */.OV)(built, `the output of the kustomize overlay ${config.kustomize.overlay}`);
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    }
    const images = await (0,render_images/* pinImages */.Mc)(nodes, {
        resolver: dependencies.resolver,
        allowMutableTags: config.allowMutableTags,
        unpublished: config.unpublished,
        ...(config.concurrency ? { concurrency: config.concurrency } : {}),
    });
    (0,annotate/* annotateObjects */.NH)(nodes, config.annotations);
    if (config.record) {
        const record = {
            ...config.record,
            images: uniqueImages(images).map((image) => ({ image: image.image, digest: image.digest })),
        };
        nodes.push(...(0,kube_manifests/* parseManifestNodes */.OV)((0,js_yaml/* dump */.Bh)((0,record_record/* recordObject */.NV)(record), { lineWidth: -1 }), 'the deploy record'));
    }
    return { manifests: (0,kube_manifests/* presentManifests */.it)(nodes), objects: nodes.map(kube_manifests/* objectIdentity */.gN), images };
}
function uniqueImages(images) {
    const seen = new Map();
    for (const image of images)
        if (!seen.has(image.pinned))
            seen.set(image.pinned, image);
    return [...seen.values()];
}
/** A RegistryPool for the configured access (call close() when done). */
function registryPool(access) {
    return new RegistryPool({
        credentials: access.credentials,
        ...(access.caFile ? { caFile: access.caFile } : {}),
        userAgent: 'pipeline-actions/helm-deploy',
    });
}
function serializeError(error) {
    if (error instanceof errors/* UserErrors */.tQ) {
        return {
            user: true,
            message: error.message.split('\n')[0] ?? '',
            errors: error.errors.map(serializeError),
        };
    }
    if ((0,errors/* isUserError */.iU)(error)) {
        return { user: true, message: error.message, fix: error.fix, location: error.location };
    }
    return { user: false, message: (0,errors/* errorMessage */.gJ)(error) };
}
function deserializeError(error) {
    if (!error.user)
        return new Error(`The post-renderer failed: ${error.message}`);
    if (error.errors) {
        return new errors/* UserErrors */.tQ(error.message, error.errors.map((each) => deserializeError(each)));
    }
    return new errors/* UserError */.yo(error.message, {
        ...(error.fix ? { fix: error.fix } : {}),
        ...(error.location ? { location: error.location } : {}),
    });
}
/**
 * The post-renderer's main: manifests on stdin, the result on stdout, the
 * report into the file the config names. Only the result may reach stdout
 * (helm reads it as the manifests), so anything else written there, logs of
 * the libraries included, goes to stderr. Returns the exit code.
 */
async function runPostRenderer(configFile) {
    const stdoutWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => process.stderr.write(chunk, ...rest));
    let child;
    let pool;
    try {
        child = JSON.parse((0,external_node_fs_.readFileSync)(configFile, 'utf8'));
        const input = await readStdin();
        pool = registryPool(child.config.registries);
        const output = await postRender(input, child.config, {
            resolver: pool,
            workDir: child.workDir,
        });
        writeReport(child.report, { objects: output.objects, images: output.images });
        await new Promise((resolve, reject) => stdoutWrite(output.manifests, (error) => (error ? reject(error) : resolve())));
        return 0;
    }
    catch (error) {
        if (child)
            writeReport(child.report, { objects: [], images: [], error: serializeError(error) });
        process.stderr.write(`pipeline-actions post-renderer: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 1;
    }
    finally {
        pool?.close();
    }
}
function writeReport(file, report) {
    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(report), { mode: 0o600 });
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/** The post-renderer's own bundle, built next to each action bundle that renders (scripts/build.mjs). */
const POST_RENDER_BUNDLE = 'post-render.js';
/**
 * How helm starts the post-renderer from a running action bundle: the small
 * post-render.js beside it, or (run from elsewhere) the bundle itself in
 * post-render mode, which its index.ts also understands.
 */
function bundledPostRenderer(bundle = process.argv[1] ?? '') {
    const own = (0,external_node_path_.join)((0,external_node_path_.dirname)(bundle), POST_RENDER_BUNDLE);
    return { command: process.execPath, args: [(0,external_node_fs_.existsSync)(own) ? own : bundle] };
}
/**
 * The chain installed for one helm in a private directory: a config file
 * (0600: it may hold registry credentials), an executable for helm 3, a
 * plugin for helm 4, and the report the child writes. dispose() removes it all.
 */
class HelmPostRenderer {
    dir;
    helmArgs;
    env;
    reportFile;
    constructor(dir, 
    /** Flags for helm upgrade/template. */
    helmArgs, 
    /** Environment helm needs to find it (HELM_PLUGINS for helm 4). */
    env, reportFile) {
        this.dir = dir;
        this.helmArgs = helmArgs;
        this.env = env;
        this.reportFile = reportFile;
    }
    static install(dir, major, config, entry) {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const configFile = (0,external_node_path_.join)(dir, 'post-render.json');
        const reportFile = (0,external_node_path_.join)(dir, 'post-render-report.json');
        const child = { config, report: reportFile, workDir: (0,external_node_path_.join)(dir, 'work') };
        (0,external_node_fs_.writeFileSync)(configFile, JSON.stringify(child), { mode: 0o600 });
        const args = [...entry.args, POST_RENDER_FLAG, configFile];
        if (major === 3) {
            const script = (0,external_node_path_.join)(dir, 'post-render');
            const line = [entry.command, ...args].map(shellQuote).join(' ');
            (0,external_node_fs_.writeFileSync)(script, `#!/bin/sh\nexec ${line}\n`, { mode: 0o700 });
            (0,external_node_fs_.chmodSync)(script, 0o700);
            return new HelmPostRenderer(dir, ['--post-renderer', script], {}, reportFile);
        }
        const plugins = (0,external_node_path_.join)(dir, 'plugins');
        const plugin = (0,external_node_path_.join)(plugins, POST_RENDER_PLUGIN);
        (0,external_node_fs_.mkdirSync)(plugin, { recursive: true, mode: 0o700 });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(plugin, 'plugin.yaml'), pluginYaml(entry.command, args), { mode: 0o600 });
        return new HelmPostRenderer(dir, ['--post-renderer', POST_RENDER_PLUGIN], { HELM_PLUGINS: plugins }, reportFile);
    }
    /** What the last run of the child reported; undefined when it did not run. */
    report() {
        if (!(0,external_node_fs_.existsSync)(this.reportFile))
            return undefined;
        return JSON.parse((0,external_node_fs_.readFileSync)(this.reportFile, 'utf8'));
    }
    /** The child's failure as the error to show, when it failed. */
    failure() {
        const error = this.report()?.error;
        return error ? deserializeError(error) : undefined;
    }
    /** Forget the last report (before the next helm command). */
    resetReport() {
        (0,external_node_fs_.rmSync)(this.reportFile, { force: true });
    }
    dispose() {
        (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
    }
}
/** helm 4's plugin.yaml for a `postrenderer/v1` plugin run as a subprocess. */
function pluginYaml(command, args) {
    const quoted = (text) => JSON.stringify(text);
    return [
        'apiVersion: v1',
        'type: postrenderer/v1',
        `name: ${POST_RENDER_PLUGIN}`,
        'version: 1.0.0',
        'runtime: subprocess',
        'runtimeConfig:',
        '  platformCommand:',
        `    - command: ${quoted(command)}`,
        `      args: [${args.map(quoted).join(', ')}]`,
        '',
    ].join('\n');
}
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export DEFAULT_ATTEMPTS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OutageError */ .AP(options.service, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error), {
                    attempts: attempt,
                    elapsedMs: Date.now() - started,
                    ...(options.consequence === undefined ? {} : { consequence: options.consequence }),
                    cause: error,
                });
            }
            const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
            const jittered = Math.round(random() * ceiling);
            const serverAsked = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_ ? error.retryAfterMs : undefined;
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
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return false;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_)
        return true;
    const code = error?.code;
    return typeof code === 'string' && _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TRANSIENT_NETWORK_CODES */ .pE.has(code);
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


/***/ }),

/***/ 9481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bx: () => (/* binding */ Kubectl)
/* harmony export */ });
/* unused harmony exports resourceName, apiFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _kube_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9509);
/* harmony import */ var _tool_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9601);



/**
 * The one wrapper of kubectl: kustomize builds, and reads of live objects,
 * pods and events while helm waits and after it failed (failure reports);
 * the state read before a deploy goes through src/kube/client.ts. It never
 * writes to the cluster; Helm does that. The kubeconfig is passed through
 * KUBECONFIG, so one instance talks to one cluster.
 */
const REQUEST_TIMEOUT = '30s';
const DEFAULT_TIMEOUT_MS = 2 * 60_000;
class Kubectl extends _tool_js__WEBPACK_IMPORTED_MODULE_1__/* .Tool */ .N {
    kubeconfig;
    constructor(binary = 'kubectl', 
    /** Path of the kubeconfig; undefined means kubectl's own default (KUBECONFIG, ~/.kube/config). */
    kubeconfig) {
        super(binary, kubeconfig ? { KUBECONFIG: kubeconfig } : {});
        this.kubeconfig = kubeconfig;
    }
    /** `kubectl kustomize DIR`: the built kustomization as YAML. */
    async kustomize(dir) {
        return (await this.run(['kustomize', dir], { silent: true })).stdout;
    }
    /**
     * The live state of the given objects (those that do not exist are left
     * out); `namespace` is where objects without one of their own live.
     */
    async getObjects(refs, namespace) {
        const byNamespace = new Map();
        for (const ref of refs) {
            const ns = ref.namespace ?? namespace;
            const names = byNamespace.get(ns) ?? [];
            names.push(`${resourceName(ref)}/${ref.name}`);
            byNamespace.set(ns, names);
        }
        const objects = [];
        for (const [ns, names] of byNamespace) {
            for (let start = 0; start < names.length; start += 50) {
                objects.push(...(await this.getJson([
                    'get',
                    ...names.slice(start, start + 50),
                    '-n',
                    ns,
                    '--ignore-not-found',
                ])));
            }
        }
        return objects;
    }
    /** Every object of a kind in a namespace (`pods`, `events`, `replicasets.apps`). */
    list(resource, namespace) {
        return this.getJson(['get', resource, '-n', namespace]);
    }
    async getJson(args) {
        const { stdout } = await this.run([...args, '-o', 'json', `--request-timeout=${REQUEST_TIMEOUT}`], {
            silent: true,
        });
        if (stdout.trim() === '')
            return [];
        const parsed = JSON.parse(stdout);
        return Array.isArray(parsed.items) ? parsed.items : [parsed];
    }
    async run(args, options = {}) {
        const result = await this.execute(args, { timeoutMs: DEFAULT_TIMEOUT_MS, ...options });
        if (result.exitCode !== 0)
            throw apiFailure(result, undefined, this.binary, args);
        return result;
    }
}
/** `Deployment.v1.apps`, or just `ConfigMap` for the core group: what `kubectl get` resolves unambiguously. */
function resourceName(ref) {
    const group = (0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .apiGroup */ .oI)(ref.apiVersion);
    if (group === '')
        return ref.kind;
    const version = ref.apiVersion.slice(group.length + 1);
    return `${ref.kind}.${version}.${group}`;
}
const UNREACHABLE = /connection refused|connection to the server .* was refused|Unable to connect to the server|no such host|i\/o timeout|network is unreachable|no route to host|connection reset by peer|TLS handshake timeout|context deadline exceeded|Client\.Timeout|EOF$/im;
const UNAUTHORIZED = /\bUnauthorized\b|\b401\b|must be logged in|provide credentials/i;
const FORBIDDEN = /\bForbidden\b|\b403\b/;
const CERTIFICATE = /x509:|certificate signed by unknown authority|tls: failed to verify/i;
/** A failed kubectl call as the error a user should see. */
function apiFailure(result, server, binary, args) {
    const text = (result.stderr || result.stdout).trim();
    const where = server ? `The Kubernetes API server ${server}` : 'The Kubernetes API server';
    const detail = lastLine(text);
    if (CERTIFICATE.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} presented a certificate that is not trusted: ${detail}`, {
            fix: "check the cluster's certificate-authority-data in the kubeconfig.",
        });
    }
    if (UNAUTHORIZED.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} refused the kubeconfig's credentials: ${detail}`, {
            fix: 'check that the kubeconfig (its token or client certificate) is current.',
        });
    }
    if (FORBIDDEN.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} does not allow this: ${detail}`, {
            fix: 'grant the deploying identity the RBAC permissions it needs in this namespace.',
        });
    }
    if (UNREACHABLE.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${where} cannot be reached: ${detail}`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolError */ .v4(binary, args, result.exitCode, text);
}
function lastLine(text) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return (lines.pop() ?? '').replace(/^(?:error|E\d{4} [\d:.]+\s+\d+ \S+\]):?\s*/i, '').trim();
}


/***/ }),

/***/ 9601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ Tool)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3190);

/**
 * Base of the one-wrapper-per-external-tool classes (Docker, Helm, Kubectl,
 * InSpec…): every call of a tool goes through execute(), so a subclass adds
 * the tool's environment and flags in one place.
 */
class Tool {
    binary;
    env;
    constructor(binary, env = {}) {
        this.binary = binary;
        this.env = env;
    }
    execute(args, options = {}) {
        return _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .Exec */ .W.run(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
    }
    executeChecked(args, options = {}) {
        return _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .Exec */ .W.check(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
    }
}


/***/ })

};
