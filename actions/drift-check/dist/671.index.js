export const id = 671;
export const ids = [671];
export const modules = {

/***/ 6762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ releaseWriter),
/* harmony export */   K2: () => (/* binding */ ownersOf),
/* harmony export */   Sy: () => (/* binding */ blame),
/* harmony export */   Zk: () => (/* binding */ owners),
/* harmony export */   fp: () => (/* binding */ describeAttribution),
/* harmony export */   ux: () => (/* binding */ within)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1119);

/** The managers of a live object, status-subresource entries left out (nothing a deploy sets). */
function owners(live) {
    const entries = (live?.metadata?.managedFields ?? []);
    const result = [];
    for (const entry of Array.isArray(entries) ? entries : []) {
        if (entry.subresource === 'status' ||
            entry.fieldsType !== 'FieldsV1' ||
            !(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(entry.fieldsV1))
            continue;
        const owner = {
            manager: entry.manager ?? '(unnamed)',
            operation: entry.operation ?? 'Update',
            fields: [],
            items: [],
        };
        if (entry.subresource)
            owner.subresource = entry.subresource;
        if (entry.time)
            owner.time = entry.time;
        collect(entry.fieldsV1, live, '', owner);
        result.push(owner);
    }
    return result;
}
function collect(node, value, pointer, owner) {
    for (const [name, child] of Object.entries(node)) {
        if (name === '.') {
            owner.items.push(pointer);
            continue;
        }
        const step = resolve(name, value);
        if (step === undefined)
            continue; // the field or item is gone from the live object
        const childPointer = `${pointer}/${step.segment}`;
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(child) && Object.keys(child).length > 0)
            collect(child, step.value, childPointer, owner);
        else
            owner.fields.push(childPointer);
    }
}
/** One FieldsV1 key (`f:name`, `k:{…}`, `v:…`, `i:3`) as a pointer segment into `value`. */
function resolve(name, value) {
    const kind = name.slice(0, 2);
    const rest = name.slice(2);
    if (kind === 'f:') {
        return {
            segment: rest.replace(/~/g, '~0').replace(/\//g, '~1'),
            value: (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value) ? value[rest] : undefined,
        };
    }
    if (!Array.isArray(value))
        return undefined;
    let index = -1;
    if (kind === 'i:')
        index = Number(rest);
    else if (kind === 'k:' || kind === 'v:') {
        let wanted;
        try {
            wanted = JSON.parse(rest);
        }
        catch {
            return undefined;
        }
        index =
            kind === 'k:' && (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(wanted)
                ? value.findIndex((item) => (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(item) &&
                    Object.entries(wanted).every(([key, want]) => String(item[key]) === String(want)))
                : value.findIndex((item) => JSON.stringify(item) === JSON.stringify(wanted));
    }
    if (!Number.isInteger(index) || index < 0 || index >= value.length)
        return undefined;
    return { segment: String(index), value: value[index] };
}
/** Whether `pointer` is `prefix` or below it. */
function within(pointer, prefix) {
    return pointer === prefix || pointer.startsWith(`${prefix}/`);
}
/**
 * The managers that own the field at `pointer`: the field itself, an
 * ancestor they own as a whole, or something below it.
 */
function ownersOf(all, pointer) {
    return all.filter((owner) => owner.fields.some((field) => within(pointer, field) || within(field, pointer)) ||
        // Owning an item (`.`) is owning its place in the list, not its fields.
        owner.items.some((item) => within(item, pointer)));
}
/**
 * The manager to name for a change: one that is not the release's own
 * (helm, or us restoring it) when there is one, the most recent first.
 */
function blame(candidates, releaseManagers) {
    const others = candidates.filter((owner) => !releaseManagers.has(owner.manager));
    const pool = others.length > 0 ? others : candidates;
    const best = [...pool].sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''))[0];
    if (!best)
        return undefined;
    const { manager, operation, subresource, time } = best;
    return { manager, operation, ...(subresource ? { subresource } : {}), ...(time ? { time } : {}) };
}
/** The field manager (and how it writes) that set Helm's release annotation: the tool that deployed the object. */
function releaseWriter(live) {
    const found = ownersOf(owners(live), '/metadata/annotations/meta.helm.sh~1release-name').find((owner) => !owner.subresource);
    if (!found)
        return undefined;
    return {
        manager: found.manager,
        operation: found.operation,
        ...(found.time ? { time: found.time } : {}),
    };
}
/** `kubectl-edit (Update) at 2026-05-01T10:00:00Z`, `kubectl via the scale subresource`. */
function describeAttribution(attribution) {
    if (!attribution)
        return 'unknown';
    const how = attribution.subresource ? ` via the ${attribution.subresource} subresource` : '';
    return `${attribution.manager}${how}${attribution.time ? ` at ${attribution.time}` : ''}`;
}


/***/ }),

/***/ 1119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ formatPointer),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   XX: () => (/* binding */ isKeyed),
/* harmony export */   fK: () => (/* binding */ valueAt),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   vp: () => (/* binding */ parsePointer)
/* harmony export */ });
/* unused harmony exports indexedIn, startsWith */
/**
 * Paths into Kubernetes objects. A segment is a map key, an item of a list
 * matched by its merge key (`containers[name=web]`, so a reordered list is
 * not a change), or a list index. Paths print two ways: for people
 * (`spec.template.spec.containers[name=web].image`) and as an RFC 6901 JSON
 * pointer with the item's index in the object (`/spec/template/spec/containers/0/image`).
 */
function isKeyed(segment) {
    return typeof segment === 'object';
}
/** `spec.template.spec.containers[name=web].env[name=GREETING].value`; `metadata.labels["app.kubernetes.io/name"]`. */
function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else if (isKeyed(segment))
            text += `[${segment.key}=${segment.value}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(segment))
            text += text === '' ? segment : `.${segment}`;
        else
            text += `[${JSON.stringify(segment)}]`;
    }
    return text;
}
/** The RFC 6901 pointer (`~` as `~0`, `/` as `~1`). */
function formatPointer(path) {
    return path
        .map((segment) => typeof segment === 'number'
        ? `/${segment}`
        : isKeyed(segment)
            ? `/${segment.index}`
            : `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`)
        .join('');
}
/** The segments of an RFC 6901 pointer, unescaped. */
function parsePointer(pointer) {
    if (pointer === '')
        return [];
    if (!pointer.startsWith('/'))
        throw new Error(`"${pointer}" is not a JSON pointer: it must start with "/"`);
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** The value at `path` in `value`, keyed segments matched by key. */
function valueAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        if (isKeyed(segment)) {
            if (!Array.isArray(current))
                return undefined;
            current = current.find((item) => isObject(item) && String(item[segment.key]) === segment.value);
        }
        else if (typeof segment === 'number') {
            current = Array.isArray(current) ? current[segment] : undefined;
        }
        else {
            current = Array.isArray(current) ? undefined : current[segment];
        }
    }
    return current;
}
/** `path` with each keyed segment's index taken from `value` (where the item is), for pointers into it. */
function indexedIn(value, path) {
    const result = [];
    let current = value;
    for (const segment of path) {
        if (isKeyed(segment) && Array.isArray(current)) {
            const index = current.findIndex((item) => isObject(item) && String(item[segment.key]) === segment.value);
            result.push({ ...segment, index: index === -1 ? segment.index : index });
            current = index === -1 ? undefined : current[index];
        }
        else {
            result.push(segment);
            current = valueAt(current, [segment]);
        }
    }
    return result;
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Whether `prefix` is `path` or one of its ancestors. */
function startsWith(path, prefix) {
    if (prefix.length > path.length)
        return false;
    return prefix.every((segment, index) => sameSegment(segment, path[index]));
}
function sameSegment(a, b) {
    if (isKeyed(a) || isKeyed(b))
        return isKeyed(a) && isKeyed(b) && a.key === b.key && a.value === b.value;
    return a === b;
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


/***/ })

};
