export const id = 519;
export const ids = [519];
export const modules = {

/***/ 4519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PUSH_RETRY: () => (/* binding */ PUSH_RETRY),
  pushChart: () => (/* binding */ pushChart)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core.ts + 1 modules
var core = __webpack_require__(5851);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/yaml.ts + 1 modules
var yaml = __webpack_require__(430);
// EXTERNAL MODULE: ./src/helm/archive.ts
var archive = __webpack_require__(9682);
;// CONCATENATED MODULE: ./src/helm/chart.ts





const CHART_YAML_MAX_BYTES = 1024 * 1024;
function readChartDirectory(dir) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new src_errors/* UserError */.yo(`The chart directory ${dir} does not exist.`, {
            fix: `set \`chart:\` to the directory that holds Chart.yaml${suggestCharts(dir)}.`,
        });
    }
    const chartFile = (0,external_node_path_.join)(dir, 'Chart.yaml');
    if (!(0,external_node_fs_.existsSync)(chartFile)) {
        throw new src_errors/* UserError */.yo('This directory has no Chart.yaml, so it is not a Helm chart.', {
            fix: `point \`chart:\` at the directory that holds Chart.yaml${suggestCharts(dir)}, or create one with \`helm create\`.`,
            location: { file: dir },
        });
    }
    const text = (0,external_node_fs_.readFileSync)(chartFile, 'utf8');
    const parsed = (0,yaml/* parseYaml */.hN)(text, chartFile, { maxBytes: CHART_YAML_MAX_BYTES });
    const lineOf = (key) => topLevelLine(text, key);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new src_errors/* UserError */.yo('Chart.yaml must be a YAML mapping (apiVersion, name, version, …).', {
            fix: 'see https://helm.sh/docs/topics/charts/#the-chartyaml-file for its fields.',
            location: { file: chartFile, line: 1 },
        });
    }
    const chart = parsed;
    const field = (key, required) => {
        const value = chart[key];
        if (value === undefined || value === null || value === '') {
            if (!required)
                return undefined;
            throw new src_errors/* UserError */.yo(`Chart.yaml has no \`${key}\`.`, {
                fix: `add \`${key}: …\` to Chart.yaml.`,
                location: { file: chartFile, line: 1 },
            });
        }
        if (typeof value === 'string')
            return value;
        if (typeof value === 'number') {
            // YAML reads `version: 1.0` as a number; helm keeps the text as written.
            return scalarText(text, lineOf(key)) ?? String(value);
        }
        throw new src_errors/* UserError */.yo(`\`${key}\` in Chart.yaml must be a string.`, {
            fix: `write it as \`${key}: "…"\`.`,
            location: { file: chartFile, ...lineAt(lineOf(key)) },
        });
    };
    const apiVersion = field('apiVersion', true) ?? 'v2';
    const name = field('name', true) ?? '';
    const version = field('version', true) ?? '';
    const appVersion = field('appVersion', false);
    let dependencies = chart.dependencies;
    let dependenciesFile = chartFile;
    const requirements = (0,external_node_path_.join)(dir, 'requirements.yaml');
    if (apiVersion === 'v1' && dependencies === undefined && (0,external_node_fs_.existsSync)(requirements)) {
        dependenciesFile = requirements;
        const declared = (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(requirements, 'utf8'), requirements, {
            maxBytes: CHART_YAML_MAX_BYTES,
        });
        dependencies = declared?.dependencies;
    }
    return {
        dir,
        chartFile,
        apiVersion,
        name,
        version,
        appVersion,
        dependencies: readDependencies(dependencies, dependenciesFile, lineOf),
        dependenciesFile,
        lineOf,
    };
}
function readDependencies(value, file, lineOf) {
    if (value === undefined || value === null)
        return [];
    const location = { file, ...lineAt(lineOf('dependencies')) };
    if (!Array.isArray(value)) {
        throw new src_errors/* UserError */.yo('`dependencies` must be a list.', {
            fix: 'write each dependency as `- name: …`, `version: …`, `repository: …`.',
            location,
        });
    }
    return value.map((entry, index) => {
        const dependency = (entry ?? {});
        const text = (key) => typeof dependency[key] === 'string' || typeof dependency[key] === 'number'
            ? String(dependency[key])
            : '';
        const name = text('name');
        if (name === '') {
            throw new src_errors/* UserError */.yo(`Dependency #${index + 1} has no \`name\`.`, {
                fix: 'give every dependency a name, version and repository.',
                location,
            });
        }
        const result = {
            name,
            version: text('version'),
            repository: text('repository'),
        };
        if (text('alias') !== '')
            result.alias = text('alias');
        return result;
    });
}
/** Line of a top-level `key:` in a YAML text. */
function topLevelLine(text, key) {
    const lines = text.split(/\r?\n/);
    const pattern = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    const index = lines.findIndex((line) => pattern.test(line));
    return index === -1 ? undefined : index + 1;
}
/** The value of a `key: value` line as written. */
function scalarText(text, line) {
    if (line === undefined)
        return undefined;
    return /:\s*["']?([^"'\s#]+)/.exec(text.split(/\r?\n/)[line - 1] ?? '')?.[1];
}
function lineAt(line) {
    return line === undefined ? {} : { line };
}
/**
 * The text of every template of a chart directory and of its subcharts
 * (directories, and packaged `.tgz` ones as helm dependency build leaves
 * them), keyed `subchart/…/templates/x.yaml`: what a caller scans for the
 * template functions a render depends on (`lookup`, `.Capabilities`).
 */
const TEMPLATE_PATH = /(^|\/)templates\//;
const SUBCHART_ARCHIVE = /(^|\/)charts\/[^/]+\.tgz$/;
function chartTemplates(dir) {
    const templates = new Map();
    const addFiles = (files, prefix) => {
        for (const [path, data] of files) {
            if (TEMPLATE_PATH.test(path))
                templates.set(`${prefix}${path}`, data.toString('utf8'));
            else if (SUBCHART_ARCHIVE.test(path))
                addFiles(readChartArchive(data, `${prefix}${path}`).files, `${prefix}${path}/`);
        }
    };
    const walk = (path, inside, files) => {
        for (const entry of readdirSync(path, { withFileTypes: true })) {
            const child = join(path, entry.name);
            const name = inside ? `${inside}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(child, name, files);
            else if (entry.isFile() && (TEMPLATE_PATH.test(name) || SUBCHART_ARCHIVE.test(name)))
                files.set(name, readFileSync(child));
        }
    };
    const files = new Map();
    walk(dir, '', files);
    addFiles(files, '');
    return templates;
}
/** ` (found: charts/app)` when Chart.yaml files sit one or two levels below. */
function suggestCharts(dir) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const found = [];
    const visit = (path, depth) => {
        if (depth > 2 || found.length >= 3)
            return;
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(path);
        }
        catch {
            return;
        }
        if (depth > 0 && names.includes('Chart.yaml')) {
            found.push((0,external_node_path_.relative)(workspace, path) || '.');
            return;
        }
        for (const name of names) {
            if (name.startsWith('.') || name === 'node_modules')
                continue;
            const child = (0,external_node_path_.join)(path, name);
            try {
                if ((0,external_node_fs_.statSync)(child).isDirectory())
                    visit(child, depth + 1);
            }
            catch {
                // unreadable: skip
            }
        }
    };
    visit((0,external_node_fs_.existsSync)(dir) ? dir : workspace, 0);
    return found.length > 0 ? ` (found: ${found.join(', ')})` : '';
}

// EXTERNAL MODULE: ./src/helm/content.ts
var helm_content = __webpack_require__(2965);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

;// CONCATENATED MODULE: ./src/helm/dependencies.ts





function planDependencies(chart) {
    const plan = { registries: [], repositories: [], local: [] };
    for (const dependency of chart.dependencies) {
        const repository = dependency.repository.trim();
        if (repository === '' || repository.startsWith('file://')) {
            plan.local.push(dependency);
        }
        else if (repository.startsWith('oci://')) {
            const host = repository.slice('oci://'.length).split('/')[0] ?? '';
            if (host === '')
                throw badRepository(chart, dependency, 'it names no registry host');
            if (!plan.registries.includes(host))
                plan.registries.push(host);
        }
        else if (/^https?:\/\//.test(repository)) {
            if (!plan.repositories.includes(repository))
                plan.repositories.push(repository);
        }
        else if (repository.startsWith('@') || repository.startsWith('alias:')) {
            throw badRepository(chart, dependency, `it refers to a repository by name ("${repository}"), which only exists in someone's local helm configuration`);
        }
        else {
            throw badRepository(chart, dependency, 'it is neither oci://, https://, http:// nor file://');
        }
    }
    return plan;
}
/** Logs in, adds repositories and runs `helm dependency build`; a no-op without dependencies. */
async function resolveDependencies(helm, chart, options) {
    const plan = planDependencies(chart);
    if (plan.registries.length === 0 && plan.repositories.length === 0 && plan.local.length === 0) {
        return plan;
    }
    const build = {};
    for (const host of plan.registries) {
        const connection = await options.connectionFor(host);
        if (connection.plainHttp)
            build.plainHttp = true;
        if (connection.caFile)
            build.caFile = connection.caFile;
        const credentials = options.credentialsFor(host);
        if (credentials) {
            core/* info */.pq(`dependencies: logging in to ${host}`);
            await retry(() => helm.registryLogin(host, credentials, connection), options.retry);
        }
    }
    for (const url of plan.repositories) {
        const origin = new URL(url).origin;
        const credentials = options.credentialsFor(origin);
        const connection = await options.connectionFor(new URL(url).host);
        core/* info */.pq(`dependencies: adding the repository ${url}`);
        await retry(() => helm.repoAdd(repositoryName(url), url, credentials, { caFile: connection.caFile }), options.retry);
    }
    try {
        await retry(() => helm.dependencyBuild(chart.dir, build), options.retry);
    }
    catch (error) {
        throw dependencyFailure(error, chart);
    }
    return plan;
}
/** A stable name for a repository URL in the private repositories.yaml. */
function repositoryName(url) {
    return `dep-${(0,external_node_crypto_.createHash)('sha256').update(url).digest('hex').slice(0, 12)}`;
}
function dependencyFailure(error, chart) {
    const location = { file: chart.dependenciesFile, ...lineOf(chart) };
    if (error instanceof src_errors/* TransientError */.N_) {
        return new src_errors/* UserError */.yo(`The dependencies of ${chart.name} could not be downloaded: ${error.message} (after several attempts).`, {
            fix: 'check the repository URLs in Chart.yaml; if they are right, the repository is unavailable: re-run the job later.',
            location,
            cause: error,
        });
    }
    if (!(error instanceof src_errors/* ToolError */.v4))
        return error;
    const text = error.stderr;
    if (/out of sync/i.test(text)) {
        return new src_errors/* UserError */.yo(`Chart.lock of ${chart.name} does not match the dependencies declared in ${chart.dependenciesFile}.`, {
            fix: `run \`helm dependency update ${chart.dir}\` and commit the new Chart.lock.`,
            location: { file: (0,external_node_path_.join)(chart.dir, 'Chart.lock') },
            cause: error,
        });
    }
    const reason = lastError(text);
    if (/not found|can't get a valid version|no chart version found|could not download|no repository definition/i.test(reason)) {
        return new src_errors/* UserError */.yo(`A dependency of ${chart.name} cannot be resolved: ${reason}`, {
            fix: 'check the name, version (or range) and repository of each dependency in Chart.yaml.',
            location,
            cause: error,
        });
    }
    return error;
}
/** The last `Error: …` line helm printed, without the prefix. */
function lastError(text) {
    const lines = text.split('\n').map((line) => line.trim());
    const errors = lines.filter((line) => line.startsWith('Error:'));
    return (errors.pop() ?? lines.filter(Boolean).pop() ?? '').replace(/^Error:\s*/, '');
}
function badRepository(chart, dependency, why) {
    return new src_errors/* UserError */.yo(`The repository of dependency "${dependency.name}" cannot be used: ${why}.`, {
        fix: 'write the repository as a URL in Chart.yaml: oci://registry/path, https://charts.example.com, or file://../path for a local chart.',
        location: { file: chart.dependenciesFile, ...lineOf(chart) },
    });
}
function lineOf(chart) {
    if (chart.dependenciesFile !== chart.chartFile)
        return {};
    const line = chart.lineOf('dependencies');
    return line === undefined ? {} : { line };
}

// EXTERNAL MODULE: ./src/helm/immutability.ts
var immutability = __webpack_require__(2880);
;// CONCATENATED MODULE: ./src/helm/lint.ts


/*
 * A failed `helm lint` as errors at the chart's files. The Helm wrapper reads
 * helm's output into findings (src/tools/helm/lint-output.ts); this is what
 * they mean for a chart in the workspace.
 */
/** Where a finding is, in the workspace; a Chart.yaml finding naming a key points at its line. */
function findingLocation(finding, chart) {
    if (!finding.file)
        return undefined;
    const location = { file: (0,external_node_path_.join)(chart.dir, finding.file) };
    let line = finding.line;
    if (line === undefined && finding.file === 'Chart.yaml') {
        const key = /^([A-Za-z]+)\b/.exec(finding.message)?.[1];
        if (key)
            line = chart.lineOf(key);
    }
    if (line !== undefined)
        location.line = line;
    if (finding.column !== undefined)
        location.column = finding.column;
    return location;
}
/** The errors of a failed lint as one UserErrors, each at its file and line. */
function lintErrors(findings, chart) {
    const errors = findings
        .filter((finding) => finding.level === 'error')
        .map((finding) => {
        const location = findingLocation(finding, chart);
        return new src_errors/* UserError */.yo(`helm lint: ${finding.message.replace(/\n\s*/g, ' ')}`, {
            fix: fixFor(finding),
            ...(location ? { location } : {}),
        });
    });
    const list = errors.length > 0
        ? errors
        : [
            new src_errors/* UserError */.yo('helm lint failed without naming a problem.', {
                fix: `run \`helm lint ${chart.dir}\` locally to see why.`,
            }),
        ];
    return new src_errors/* UserErrors */.tQ(`helm lint found ${list.length} error${list.length === 1 ? '' : 's'} in chart ${chart.name}; nothing was packaged or pushed:`, list);
}
function fixFor(finding) {
    if (/yaml: line/.test(finding.message)) {
        return finding.file?.startsWith('templates/')
            ? 'correct the YAML the template renders (the line is that of the rendered output; `helm template` shows it).'
            : 'correct the YAML at that line.';
    }
    if (/nil pointer|executing|parse error|function .* not defined/.test(finding.message)) {
        return 'correct the template at that line, or give the value it reads a default.';
    }
    if (/SemVer/i.test(finding.message))
        return 'use a semantic version such as 1.2.3.';
    return 'correct the chart as the message says; `helm lint` shows the same locally.';
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

;// CONCATENATED MODULE: ./src/oci/failures.ts


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
    if (isTransientStatus(exchange.status)) {
        return new src_errors/* TransientError */.N_(`${what}${detail}`, {
            retryAfterMs: parseRetryAfter(exchange.retryAfter, now),
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
    const message = (0,src_errors/* errorMessage */.gJ)(error);
    return (errorCode(error) === 'EPROTO' ||
        errorCode(error) === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        /wrong version number|packet length too long|http request/i.test(message));
}
/** A failure below HTTP (connection, DNS, TLS) as the error a user should see. */
function networkFailure(error, registry, caGiven) {
    if (error instanceof src_errors/* UserError */.yo || error instanceof src_errors/* TransientError */.N_)
        return error;
    const code = errorCode(error);
    // Node appends advice about --use-system-ca; ours follows in `fix`.
    const message = (0,src_errors/* errorMessage */.gJ)(error).split('; if the root CA')[0] ?? '';
    if (code && UNTRUSTED_CERTIFICATE.has(code)) {
        return new src_errors/* UserError */.yo(`TLS verification of registry ${registry} failed: ${message} (${code}). Its certificate is not signed by a trusted CA.`, {
            cause: error,
            fix: caGiven
                ? `The CA certificate that was passed did not sign ${registry}'s certificate; pass the CA that did.`
                : `Pass the registry's CA certificate (the CA file input, a PEM file) so its certificate can be verified.`,
        });
    }
    if (code && INVALID_CERTIFICATE.has(code)) {
        return new src_errors/* UserError */.yo(`TLS certificate of registry ${registry} is not valid: ${message} (${code}).`, {
            cause: error,
            fix: `Fix the registry's certificate (its validity dates and that it names ${registry}).`,
        });
    }
    if (code === 'ENOTFOUND') {
        return new src_errors/* UserError */.yo(`Registry host ${registry} was not found (DNS lookup failed).`, {
            cause: error,
            fix: 'Check the registry host name in the image or chart reference.',
        });
    }
    if (code && TRANSIENT_NETWORK.has(code)) {
        const suffix = message.includes(code) ? '' : ` (${code})`;
        return new src_errors/* TransientError */.N_(`Could not talk to registry ${registry}: ${message}${suffix}.`, {
            cause: error,
        });
    }
    if (isPlainHttpAnswer(error)) {
        return new src_errors/* UserError */.yo(`Registry ${registry} did not answer with TLS: ${message}.`, {
            cause: error,
            fix: 'If the registry serves plain HTTP, use the http scheme (insecure registries are allowed on loopback hosts only with the auto scheme).',
        });
    }
    return new Error(`Request to registry ${registry} failed: ${message}`, { cause: error });
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

;// CONCATENATED MODULE: ./src/oci/reference.ts

const reference_DOCKER_HUB = 'docker.io';
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
    return new src_errors/* UserError */.yo(`Invalid image reference "${text}": ${problem}.`, { fix: FIX });
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
function reference_validateDigest(digest, text = digest) {
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
        reference_validateDigest(value);
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
function reference_parseReference(input) {
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
        reference_validateDigest(digest, text);
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
        registry = reference_DOCKER_HUB;
        repository = rest;
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST)
        registry = reference_DOCKER_HUB;
    validateRegistry(registry, text);
    // Docker Hub's official images live under library/.
    if (registry === reference_DOCKER_HUB && repository !== '' && !repository.includes('/')) {
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
    reference_validateDigest(digest);
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
    return registry === reference_DOCKER_HUB || registry === 'index.docker.io' ? DOCKER_HUB_API_HOST : registry;
}

;// CONCATENATED MODULE: ./src/helm/oci.ts





/**
 * Helm charts in an OCI registry: a manifest whose layer of media type
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip` is the packaged
 * chart (and, when signed, a `…provenance.v1.prov` layer).
 */
const HELM_CHART_CONTENT = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const HELM_CHART_PROVENANCE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
const CHART_MAX_BYTES = 20 * 1024 * 1024;
/** The chart a tag points to, or undefined when the tag does not exist. */
async function findOciChart(client, repository, tag) {
    const head = await client.headManifest(repository, tag);
    if (!head)
        return undefined;
    return {
        digest: head.digest,
        archive: async () => {
            const manifest = await client.getManifest(repository, head.digest);
            const layers = Array.isArray(manifest.json.layers) ? manifest.json.layers : [];
            const layer = layers.find((entry) => entry?.mediaType === HELM_CHART_CONTENT);
            if (typeof layer?.digest !== 'string') {
                throw new Error(`${client.registry}/${repository}:${tag} is not a Helm chart (its manifest has no ${HELM_CHART_CONTENT} layer).`);
            }
            return client.getBlob(repository, layer.digest, CHART_MAX_BYTES);
        },
    };
}
/**
 * Whether a registry speaks plain HTTP, which helm 4 must be told with
 * --plain-http. Only loopback registries may (as docker allows); anything else
 * is HTTPS.
 */
async function speaksPlainHttp(registry, timeoutMs = 10_000) {
    const host = registryApiHost(registry);
    if (!isLoopbackHost(new URL(`http://${host}`).hostname))
        return false;
    const transport = new HttpTransport({ userAgent: 'pipeline-actions', timeoutMs });
    try {
        // A dropped connection says nothing about the scheme: ask again.
        await retry(() => transport.request({
            method: 'GET',
            url: new URL(`https://${host}/v2/`),
            maxBodyBytes: 64 * 1024,
        }), { attempts: 4, baseDelayMs: 200 });
        return false;
    }
    catch (error) {
        // A certificate we do not trust still means TLS; only a plain answer means HTTP.
        return isPlainHttpAnswer(error);
    }
    finally {
        transport.close();
    }
}

;// CONCATENATED MODULE: ./src/helm/version.ts

/**
 * Chart versions are exact SemVer 2 (`1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`):
 * helm sorts and resolves them as semver, and an OCI tag is derived from
 * them (`+` becomes `_`, tags hold at most 128 characters).
 */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const OCI_TAG_MAX = 128;
function checkChartVersion(version, source) {
    const problem = versionProblem(version);
    if (!problem)
        return;
    const where = 'input' in source ? `Input "${source.input}"` : 'The chart version in Chart.yaml';
    const fix = 'input' in source
        ? `set \`${source.input}\` to an exact semantic version such as 1.4.0, 1.4.0-rc.1 or 1.4.0+build.7.`
        : 'set `version:` in Chart.yaml to an exact semantic version such as 1.4.0 (or pass the version input).';
    throw new src_errors/* UserError */.yo(`${where} is "${version}", which ${problem}.`, {
        fix,
        ...('location' in source ? { location: source.location } : {}),
    });
}
function versionProblem(version) {
    if (/^[vV]\d/.test(version) && SEMVER.test(version.slice(1))) {
        return 'starts with "v"; chart versions are plain semver';
    }
    if (!SEMVER.test(version)) {
        return 'is not a semantic version (MAJOR.MINOR.PATCH, optionally -prerelease and +build)';
    }
    if (version.length > OCI_TAG_MAX) {
        return `is longer than the ${OCI_TAG_MAX} characters an OCI tag can hold`;
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/oci/docker-config.ts







/**
 * Credentials that `docker login` left in `~/.docker/config.json` (or
 * `$DOCKER_CONFIG/config.json`), used when none are passed explicitly.
 * As docker does: a registry named in `credHelpers`, or any registry when
 * `credsStore` is set, asks that credential helper
 * (`docker-credential-<name> get`); otherwise the inline `auths` entry.
 */
function dockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/** `https://index.docker.io/v1/` and `registry.example.com/v2` both name a host; this finds it. */
function docker_config_normalizeConfigKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? reference_DOCKER_HUB : host;
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
        const host = docker_config_normalizeConfigKey(key);
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
            if (docker_config_normalizeConfigKey(key) === host && typeof name === 'string' && name !== '')
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
    return host === reference_DOCKER_HUB ? 'https://index.docker.io/v1/' : host;
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
    const result = (0,external_node_child_process_.spawnSync)(program, ['get'], {
        input: helperServerAddress(host),
        shell: false,
        timeout: HELPER_LIMITS.timeoutMs,
        maxBuffer: HELPER_LIMITS.maxOutputBytes,
        encoding: 'utf8',
    });
    const out = (result.stdout ?? '').trim();
    const failed = (why) => {
        core/* warning */.$e(`Docker credential helper ${program} gave no credentials for ${host}: ${why}. Continuing without credentials for ${host}.`);
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
        core/* setSecret */.Pq(answer.Secret);
        return failed('it gave an identity token, which is not supported');
    }
    if (typeof answer.Username !== 'string' || answer.Username === '') {
        core/* setSecret */.Pq(answer.Secret);
        return failed('its answer has no Username');
    }
    (0,redact/* maskBasicAuth */.H8)(answer.Username, answer.Secret);
    return { username: answer.Username, password: answer.Secret };
}
/** Credentials for `registry` from the docker config file (or its credential helper), if any. */
function dockerConfigCredentials(registry, path = dockerConfigPath()) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
    const host = docker_config_normalizeConfigKey(registry);
    const helper = configuredHelper(text, host);
    if (helper)
        return helperCredentials(helper, host);
    return parseDockerConfig(text).get(host);
}

;// CONCATENATED MODULE: ./src/registry/access.ts






/**
 * Registry access from the user's inputs, the one home of its rules:
 *
 * - a login is `registry-username` and `registry-password`, both or neither
 *   (one message for each missing half);
 * - `registry-ca` is the PEM itself or the path of a PEM file (relative to
 *   the workspace); a path that is no file, or a file that is no PEM, is an
 *   error with its own message;
 * - a login goes only to the registries it belongs to (the chart's, the
 *   image's, the destination's); any other host gets what `docker login`
 *   stored in docker's config.json, or nothing.
 */
/** The input names, the same in every action and workflow. */
const REGISTRY_INPUTS = {
    username: 'registry-username',
    password: 'registry-password',
    ca: 'registry-ca',
};
/** The login, masked (password and the base64 of `user:password`), or undefined when neither half is set. */
function readLogin(inputs) {
    const username = inputs['registry-username'];
    const password = inputs['registry-password'];
    if (username === undefined && password === undefined)
        return undefined;
    if (username === undefined || password === undefined) {
        const [set, missing] = username === undefined
            ? [REGISTRY_INPUTS.password, REGISTRY_INPUTS.username]
            : [REGISTRY_INPUTS.username, REGISTRY_INPUTS.password];
        throw new src_errors/* UserError */.yo(`Input "${set}" is set but "${missing}" is not.`, {
            fix: `set both ${REGISTRY_INPUTS.username} and ${REGISTRY_INPUTS.password} (a registry login), or neither (then the runner's docker login, if any, is used).`,
        });
    }
    (0,redact/* maskBasicAuth */.H8)(username, password);
    return { username, password };
}
const PEM_MARK = '-----BEGIN';
/** `registry-ca`: the PEM itself, or the path of a PEM file (relative to the workspace). */
function readCa(value, workspace) {
    if (value === undefined || value === '')
        return undefined;
    if (value.includes(PEM_MARK))
        return { pem: value, path: undefined };
    const path = (0,external_node_path_.resolve)(workspace, value);
    if (!isFile(path)) {
        throw new src_errors/* UserError */.yo(`Input "${REGISTRY_INPUTS.ca}" is neither a PEM certificate nor a file on the runner (${path}).`, {
            fix: 'pass the CA certificate itself (PEM, from a secret or variable) or the path of a PEM file, relative to the workspace.',
        });
    }
    const pem = (0,external_node_fs_.readFileSync)(path, 'utf8');
    if (!pem.includes(PEM_MARK)) {
        throw new src_errors/* UserError */.yo(`Input "${REGISTRY_INPUTS.ca}" names ${path}, which is not a PEM certificate.`, { fix: 'pass a PEM file: it starts with -----BEGIN CERTIFICATE-----.' });
    }
    return { pem, path };
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/** A file holding the CA: the one named, or a private copy (0600) written into `scratch`. */
function caFile(ca, scratch) {
    if (ca.path)
        return ca.path;
    const file = (0,external_node_path_.join)(scratch, 'registry-ca.pem');
    (0,external_node_fs_.writeFileSync)(file, `${ca.pem.trim()}\n`, { mode: 0o600 });
    return file;
}
/** The login and the CA (as a file) from the three registry inputs; every mistake a UserError. */
function readRegistryInputs(inputs, where) {
    const login = readLogin(inputs);
    const ca = readCa(inputs['registry-ca'], where.workspace);
    return { login, ca: ca ? { ...ca, file: caFile(ca, where.scratch) } : undefined };
}
/** The registry host of an image or OCI chart reference (`oci://` or not); undefined when it is none. */
function registryHost(reference) {
    if (!reference)
        return undefined;
    try {
        return parseReference(reference).registry;
    }
    catch {
        return undefined;
    }
}
/**
 * Registry access for rendering a release: the login goes only to the
 * chart's registry (an `oci://` chart) and the image's, never to any other
 * host; the CA to every registry.
 */
function scopedAccess(login, owners, caFile) {
    const access = {};
    if (login) {
        const chart = owners.chart?.startsWith('oci://') ? owners.chart : undefined;
        access.credentials = {};
        for (const host of [registryHost(chart), registryHost(owners.image)]) {
            if (host)
                access.credentials[host] = login;
        }
    }
    if (caFile)
        access.caFile = caFile;
    return access;
}
/**
 * Who logs in where when a chart's dependencies are fetched: the login goes
 * to its own hosts only (`own`: the destinations, as registry hosts or
 * repository origins); any other registry gets the user name and password
 * `docker login` stored, if any; a repository origin elsewhere gets nothing.
 */
function loginFor(hostOrOrigin, own, login, dockerConfig) {
    if (login && own(hostOrOrigin))
        return login;
    if (hostOrOrigin.includes('://'))
        return undefined;
    const stored = dockerConfigCredentials(hostOrOrigin, dockerConfig);
    return stored && 'username' in stored ? stored : undefined;
}

;// CONCATENATED MODULE: ./src/registry/index.ts


// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/exec.ts



const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/**
 * The one place processes are started. Arguments always go as an array and
 * never through a shell, so no input can become shell syntax. Tool wrappers
 * call this, which gives tests a single seam to observe.
 */
class Exec {
    static async run(command, args, options = {}) {
        const log = options.silent ? core/* debug */.Yz : core/* info */.pq;
        log(`[command]${command} ${args.map(quoteForDisplay).join(' ')}`);
        const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(command, args, {
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
                        ? new src_errors/* UserError */.yo(`"${command}" was not found${options.cwd ? ` (working directory ${options.cwd})` : ''}.`, {
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
                    return reject(new src_errors/* ToolError */.v4(command, args, 128, `killed by ${signal ?? 'a signal'}${why}\n${stderr.text()}`));
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
            throw new src_errors/* ToolError */.v4(command, args, result.exitCode, result.stderr || result.stdout);
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

;// CONCATENATED MODULE: ./src/tools/tool.ts

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
        return Exec.run(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
    }
    executeChecked(args, options = {}) {
        return Exec.check(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
    }
}

;// CONCATENATED MODULE: ./src/tools/gpg.ts





class Gpg extends Tool {
    home;
    constructor(home) {
        super('gpg', { GNUPGHOME: home });
        this.home = home;
    }
    static create() {
        const base = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        (0,external_node_fs_.mkdirSync)(base, { recursive: true });
        const home = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, 'gnupg-'));
        return new Gpg(home);
    }
    /** The key's user id and fingerprint, read without importing it anywhere. */
    async inspectPrivateKey(armored, input = 'sign-key') {
        const result = await this.execute(['--batch', '--with-colons', '--import-options', 'show-only', '--import'], { input: armored, silent: true, timeoutMs: 60_000 });
        const records = result.stdout.split('\n').map((line) => line.split(':'));
        const hasSecret = records.some((fields) => fields[0] === 'sec');
        const hasPublic = records.some((fields) => fields[0] === 'pub');
        if (result.exitCode !== 0 || (!hasSecret && !hasPublic)) {
            throw new src_errors/* UserError */.yo(`Input "${input}" is not an OpenPGP key gpg can read.`, {
                fix: 'pass the ASCII-armoured private key (gpg --armor --export-secret-keys <id>), from a secret.',
            });
        }
        if (!hasSecret) {
            throw new src_errors/* UserError */.yo(`Input "${input}" holds a public key; signing needs the private key.`, {
                fix: 'export it with gpg --armor --export-secret-keys <id> and store that in the secret.',
            });
        }
        const uid = records.find((fields) => fields[0] === 'uid')?.[9];
        const fingerprint = records.find((fields) => fields[0] === 'fpr')?.[9] ?? '';
        if (!uid) {
            throw new src_errors/* UserError */.yo(`The key in input "${input}" has no user id, which helm needs to find it.`, {
                fix: 'add a user id to the key (gpg --quick-add-uid) and export it again.',
            });
        }
        return { userId: unescapeColons(uid), fingerprint };
    }
    /** Writes the key as a binary keyring file (what helm's openpgp reader takes). */
    async writeKeyring(armored, file) {
        await this.executeChecked(['--batch', '--yes', '--dearmor', '--output', file], {
            input: armored,
            silent: true,
            timeoutMs: 60_000,
        });
    }
    dispose() {
        (0,external_node_fs_.rmSync)(this.home, { recursive: true, force: true });
    }
}
/** gpg --with-colons escapes `:` and other bytes as `\xNN`. */
function unescapeColons(text) {
    return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

;// CONCATENATED MODULE: ./src/tools/helm/charts.ts
/** The flags that reach a registry or repository as `connection` says. */
function connect(connection) {
    return [
        ...(connection.plainHttp ? ['--plain-http'] : []),
        ...(connection.caFile ? ['--ca-file', connection.caFile] : []),
    ];
}

;// CONCATENATED MODULE: ./src/tools/helm/failures.ts

/**
 * What a failed helm command means for the user, read from helm's output:
 * chart and registry commands (helmFailure) and release commands
 * (releaseFailure) fail in different ways, so each has its classifier.
 */
/** Worth another attempt: a broken connection, a cut body, throttling, a gateway or server outage. */
const TRANSIENT = new RegExp(`${src_errors/* GO_CONNECTION_FAILURE */.Bc.source}|unexpected EOF|: EOF\\b|no such host.*temporary|\\b(?:429|502|503|504)\\b|Too Many Requests|Service Unavailable|Bad Gateway|Gateway Timeout|context deadline exceeded`, 'i');
const AUTH = /\b401\b|\bunauthorized\b|authentication required|\b403\b|\bforbidden\b|access (?:to the resource )?(?:is )?denied|denied: requested access/i;
const CERTIFICATE = /x509:|certificate signed by unknown authority|tls: failed to verify certificate/i;
/** A failed helm command as the error a user should see. */
function helmFailure(what, args, result, binary = 'helm') {
    const text = (result.stderr || result.stdout).trim();
    const line = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('Error:'))
        .pop() ??
        text.split('\n').pop() ??
        '';
    if (CERTIFICATE.test(text)) {
        return new src_errors/* UserError */.yo(`helm ${what} failed: the server's TLS certificate is not trusted (${line}).`, {
            fix: "pass the CA that signed the server's certificate (the registry-ca input).",
        });
    }
    if (AUTH.test(text)) {
        return new src_errors/* UserError */.yo(`helm ${what} was refused: ${line}`, {
            fix: 'check the username and password (or token) and that they may access this repository.',
        });
    }
    if (TRANSIENT.test(text))
        return new src_errors/* TransientError */.N_(`helm ${what} failed: ${line}`);
    return new src_errors/* ToolError */.v4(binary, args, result.exitCode, text);
}
const IN_PROGRESS = /another operation \(install\/upgrade\/rollback\) is in progress/i;
const UNREACHABLE_CLUSTER = /Kubernetes cluster unreachable/i;
/** Two upgrades raced for one revision: helm's storage refuses the second (the revision's Secret exists). */
const RACED = /(?:UPGRADE|INSTALLATION) FAILED: .*release: already exists|^Error: release: already exists/im;
/**
 * A failed release command. Another operation in progress and an
 * unreachable cluster are explained; anything else is a ToolError with
 * helm's output, for the caller to explain (helm's "context deadline
 * exceeded" on a wait is a failed deploy, never something to retry).
 */
function releaseFailure(release, args, result, binary = 'helm') {
    const text = (result.stderr || result.stdout).trim();
    if (RACED.test(text)) {
        return new src_errors/* UserError */.yo(`Another deploy of release ${release} created the same revision at the same moment; this one stopped before changing anything.`, {
            fix: 'run deploys of one release one at a time: a `concurrency:` group per release in the workflow.',
        });
    }
    if (IN_PROGRESS.test(text)) {
        return new src_errors/* UserError */.yo(`Another operation on release ${release} is in progress (another deploy, or one that was cancelled and left it pending).`, {
            fix: 'let the other deploy finish (use a `concurrency:` group per release in the workflow); if none is running, deploy again with recover-pending: true.',
        });
    }
    if (UNREACHABLE_CLUSTER.test(text)) {
        const line = text.split('\n').find((l) => UNREACHABLE_CLUSTER.test(l)) ?? text;
        return new src_errors/* TransientError */.N_(line.replace(/^Error:\s*/, ''));
    }
    return new src_errors/* ToolError */.v4(binary, args, result.exitCode, text);
}

;// CONCATENATED MODULE: ./src/tools/helm/home.ts



/** Helm's private configuration, cache and data directories, removed by dispose(). */
class HelmHome {
    root;
    registryConfig;
    repositoryConfig;
    repositoryCache;
    constructor(root) {
        this.root = root;
        for (const dir of ['config', 'cache', 'data', 'config/registry']) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(root, dir), { recursive: true, mode: 0o700 });
        }
        this.registryConfig = (0,external_node_path_.join)(root, 'config', 'registry', 'config.json');
        this.repositoryConfig = (0,external_node_path_.join)(root, 'config', 'repositories.yaml');
        this.repositoryCache = (0,external_node_path_.join)(root, 'cache', 'repository');
    }
    static create(prefix = 'helm-') {
        const base = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        (0,external_node_fs_.mkdirSync)(base, { recursive: true });
        return new HelmHome((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, prefix)));
    }
    /** Every helm directory points here (plugins, content cache and the rest included). */
    env() {
        return {
            HELM_CONFIG_HOME: (0,external_node_path_.join)(this.root, 'config'),
            HELM_CACHE_HOME: (0,external_node_path_.join)(this.root, 'cache'),
            HELM_DATA_HOME: (0,external_node_path_.join)(this.root, 'data'),
            HELM_REGISTRY_CONFIG: this.registryConfig,
            HELM_REPOSITORY_CONFIG: this.repositoryConfig,
            HELM_REPOSITORY_CACHE: this.repositoryCache,
        };
    }
    /** The same, as the global flags every helm command takes. */
    globalArgs() {
        return [
            '--registry-config',
            this.registryConfig,
            '--repository-config',
            this.repositoryConfig,
            '--repository-cache',
            this.repositoryCache,
        ];
    }
    dispose() {
        (0,external_node_fs_.rmSync)(this.root, { recursive: true, force: true });
    }
}

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
        core/* addPath */.fM((0,external_node_path_.dirname)(path));
        core/* info */.pq(`${release.tool} ${release.version}: from the tool cache (${cachedDir})`);
        return { path, cached: true };
    }
    const expected = release.sha256 ?? (await fetchChecksum(release));
    core/* info */.pq(`${release.tool} ${release.version}: downloading ${release.url}`);
    const file = await download(release.url, release);
    try {
        const actual = await sha256File(file);
        if (actual !== expected) {
            throw new src_errors/* UserError */.yo(`The download of ${release.tool} ${release.version} from ${release.url} has sha256 ${actual}, but ${release.sha256 ? 'the pinned checksum' : release.checksumUrl} says ${expected}; it was not installed.`, {
                fix: `retry the job; if it fails again the file or its checksum was changed at the source${release.locationHint ? ` (${release.locationHint})` : ''}.`,
            });
        }
        core/* info */.pq(`${release.tool} ${release.version}: sha256 ${actual} verified`);
        const extracted = await extract(file, release);
        const inside = (0,external_node_path_.join)(extracted, release.binary);
        if (!(0,external_node_fs_.existsSync)(inside) || !(0,external_node_fs_.statSync)(inside).isFile()) {
            throw new Error(`The ${release.tool} ${release.version} archive from ${release.url} has no ${release.binary}.`);
        }
        (0,external_node_fs_.chmodSync)(inside, 0o755);
        const cachedAt = await (await toolCache()).cacheDir(extracted, release.tool, version);
        (0,external_node_fs_.rmSync)(extracted, { recursive: true, force: true });
        const path = (0,external_node_path_.join)(cachedAt, release.binary);
        core/* addPath */.fM((0,external_node_path_.dirname)(path));
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

;// CONCATENATED MODULE: ./src/tools/helm/install.ts



/**
 * Which helm an action runs: the `helm-version` input read, and the binary
 * found on PATH or installed from get.helm.sh (or a mirror) through the
 * verified, cached download of src/tools/install.ts.
 */
/** The helm an action uses unless its `helm-version` input says otherwise. */
const DEFAULT_HELM_VERSION = 'v3.17.3';
/** Helm's official download location: `<base>/helm-<version>-<os>-<arch>.tar.gz` and `.sha256sum`. */
const HELM_DOWNLOAD_URL = 'https://get.helm.sh';
/** Parses a `helm-version` input: `path`, or an exact version `v3.17.3` / `3.17.3`. */
function parseHelmVersion(value, input = 'helm-version') {
    const text = value.trim();
    if (text === 'path')
        return { kind: 'path' };
    const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(text);
    if (!match) {
        throw new src_errors/* UserError */.yo(`Input "${input}" is "${value}", which is neither an exact helm version nor "path".`, {
            fix: `write an exact release such as ${DEFAULT_HELM_VERSION} or v4.1.4 (ranges and "latest" are not pinned), or "path" for the helm on PATH.`,
        });
    }
    const version = `v${match[1]}`;
    const major = Number(version.slice(1).split('.')[0]);
    if (major !== 3 && major !== 4) {
        throw new src_errors/* UserError */.yo(`Input "${input}" asks for helm ${version}; helm 3 and helm 4 are supported.`, {
            fix: `use a helm 3 or helm 4 release, such as ${DEFAULT_HELM_VERSION} or v4.1.4.`,
        });
    }
    return { kind: 'release', version };
}
/** Where the helm an action's inputs ask for comes from (checked before any work). */
function helmSourceOf(inputs) {
    return parseHelmVersion(inputs['helm-version'] ?? DEFAULT_HELM_VERSION);
}
/** The setup options an action's helm inputs give. */
function helmSetupOptions(inputs, home) {
    const downloadUrl = inputs['helm-download-url'];
    return { home, ...(downloadUrl ? { downloadUrl } : {}), downloadInput: 'helm-download-url' };
}
/** The helm binary a `helm-version` input names: the one on PATH, or that release installed. */
async function locateHelm(source, options = {}) {
    if (source.kind === 'path') {
        const binary = findOnPath(process.platform === 'win32' ? 'helm.exe' : 'helm');
        if (!binary) {
            throw new src_errors/* UserError */.yo('helm-version is "path", but there is no helm on PATH.', {
                fix: 'install helm in an earlier step, or set helm-version to a release such as v3.17.3 to have it installed.',
            });
        }
        return binary;
    }
    const { os, arch } = helmPlatform();
    const base = (options.downloadUrl ?? HELM_DOWNLOAD_URL).replace(/\/+$/, '');
    const windows = os === 'windows';
    const file = `helm-${source.version}-${os}-${arch}.${windows ? 'zip' : 'tar.gz'}`;
    const installed = await installTool({
        tool: 'helm',
        version: source.version,
        url: `${base}/${file}`,
        checksumUrl: `${base}/${file}.sha256sum`,
        archive: windows ? 'zip' : 'tar.gz',
        binary: `${os}-${arch}/helm${windows ? '.exe' : ''}`,
        ...(options.downloadUrl
            ? { locationHint: `check the ${options.downloadInput ?? 'download URL'} input, ${base}` }
            : {}),
    });
    return installed.path;
}
/** Helm's names for this machine: linux/darwin/windows and amd64/arm64/…. */
function helmPlatform(platform = process.platform, cpu = process.arch) {
    const os = platform === 'win32' ? 'windows' : platform;
    const arches = {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm',
        ia32: '386',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
        loong64: 'loong64',
    };
    const arch = arches[cpu];
    if (!arch || !['linux', 'darwin', 'windows'].includes(os)) {
        throw new src_errors/* UserError */.yo(`helm publishes no binary for ${platform}/${cpu}.`, {
            fix: 'install helm yourself in an earlier step and set helm-version: path.',
        });
    }
    return { os, arch };
}

;// CONCATENATED MODULE: ./src/tools/helm/lint-output.ts
/**
 * `helm lint` output as findings on the chart's files. Both majors print
 * `[LEVEL] <path>: <message>` lines; helm 4 continues long messages on
 * indented lines, helm 3 with a tab. Where a problem is comes from the
 * message: `<chart>/templates/x.yaml:6:15` (template execution, helm 3 and 4),
 * `parse error at (<chart>/templates/x.tpl:2)`, or `yaml: line 12` (a YAML
 * error in the file the finding names; for a template, the line of its
 * rendered output).
 */
const FINDING = /^\[(ERROR|WARNING|INFO)\]\s([^:]*):\s?(.*)$/;
const LEVELS = { ERROR: 'error', WARNING: 'warning', INFO: 'info' };
function parseLintOutput(output) {
    const findings = [];
    let current;
    const flush = () => {
        if (current)
            findings.push(locate(current.level, current.path, current.lines.join('\n')));
        current = undefined;
    };
    for (const raw of output.split(/\r?\n/)) {
        const match = FINDING.exec(raw);
        if (match) {
            flush();
            const [, level = 'INFO', path = '', message = ''] = match;
            current = { level: LEVELS[level] ?? 'info', path: path.trim(), lines: [message.trim()] };
        }
        else if (current && /^\s+\S/.test(raw)) {
            current.lines.push(raw.trim());
        }
        else {
            flush();
        }
    }
    flush();
    return findings;
}
function locate(level, path, message) {
    const finding = { level, path, message };
    // `<chart>/templates/x.yaml:6:15` or `(<chart>/charts/sub/templates/_h.tpl:2)`
    const template = /(?:^|[\s(<"])[^\s/():"]+\/((?:charts\/[^\s/():"]+\/)*templates\/[^\s():"]+?):(\d+)(?::(\d+))?(?=[\s):"]|$)/.exec(message);
    if (template) {
        finding.file = template[1];
        finding.line = Number(template[2]);
        if (template[3] !== undefined)
            finding.column = Number(template[3]);
        return finding;
    }
    if (path !== '' && !path.endsWith('/'))
        finding.file = path;
    const yamlLine = /\bline (\d+)\b/.exec(message);
    if (finding.file && yamlLine)
        finding.line = Number(yamlLine[1]);
    return finding;
}

;// CONCATENATED MODULE: ./src/tools/helm/releases.ts
/**
 * What the release commands (upgrade --install, template, history, rollback,
 * uninstall, get manifest) take and give, and how a chart source becomes
 * flags.
 */
/** The flags that fetch `chart` at its version, from where it says. */
function chartArgs(chart) {
    return [
        ...(chart.version ? ['--version', chart.version] : []),
        ...(chart.plainHttp ? ['--plain-http'] : []),
        ...(chart.caFile ? ['--ca-file', chart.caFile] : []),
    ];
}
function parseHelmRelease(json) {
    const raw = JSON.parse(json);
    return {
        name: raw.name ?? '',
        namespace: raw.namespace ?? '',
        revision: raw.version ?? 0,
        status: raw.info?.status ?? 'unknown',
        description: raw.info?.description ?? '',
        manifest: raw.manifest ?? '',
        hooks: (raw.hooks ?? []).map((hook) => hook.manifest ?? ''),
    };
}

;// CONCATENATED MODULE: ./src/tools/version-cache.ts




/**
 * What a tool binary said its version was, remembered per binary so later
 * runs on the same runner skip the `helm version` process (tens of ms each
 * deploy). The key is the binary's real path with its size, inode and
 * modification time: a binary replaced in place is asked again. Kept in the
 * runner's tool cache (which lasts across jobs on a self-hosted runner), else
 * the system's temporary directory. Every failure here means "not cached".
 */
class ToolVersionCache {
    dir;
    constructor(dir = (0,external_node_path_.join)(process.env['RUNNER_TOOL_CACHE'] || (0,external_node_os_.tmpdir)(), 'pipeline-actions', 'tool-versions')) {
        this.dir = dir;
    }
    get(binary) {
        const file = this.file(binary);
        if (!file)
            return undefined;
        try {
            const version = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
            return version === '' ? undefined : version;
        }
        catch {
            return undefined;
        }
    }
    set(binary, version) {
        const file = this.file(binary);
        if (!file)
            return;
        try {
            (0,external_node_fs_.mkdirSync)(this.dir, { recursive: true });
            (0,external_node_fs_.writeFileSync)(file, `${version}\n`);
        }
        catch {
            // a read-only cache only costs the next run one process
        }
    }
    file(binary) {
        try {
            const real = (0,external_node_fs_.realpathSync)(binary);
            const stat = (0,external_node_fs_.statSync)(real);
            const key = [real, stat.size, stat.ino, stat.mtimeMs].join('\0');
            return (0,external_node_path_.join)(this.dir, (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 32));
        }
        catch {
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/tools/helm.ts














/** Flags whose spelling differs between helm 3 and helm 4. */
const FLAGS = {
    /** helm 3's `registry login` has no --plain-http; it speaks plain HTTP to loopback registries by itself. */
    loginPlainHttp: { 3: [], 4: ['--plain-http'] },
    /** Roll back a failed install/upgrade (helm 4 deprecates --atomic). */
    rollbackOnFailure: { 3: ['--atomic'], 4: ['--rollback-on-failure'] },
};
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
class Helm extends Tool {
    home;
    version;
    major;
    constructor(binary, home, 
    /** `v3.17.3` */
    version, major) {
        super(binary, home.env());
        this.home = home;
        this.version = version;
        this.major = major;
    }
    /**
     * Asks the binary its version, once per binary (ToolVersionCache); only
     * helm 3 and helm 4 are accepted.
     */
    static async open(binary, home, versions = new ToolVersionCache()) {
        let version = versions.get(binary);
        if (version === undefined) {
            const probe = new Helm(binary, home, 'unknown', 3);
            const { stdout } = await probe.executeChecked(['version', '--template', '{{.Version}}'], {
                silent: true,
                timeoutMs: 60_000,
            });
            version = stdout.trim();
            if (/^v?[34]\./.test(version))
                versions.set(binary, version);
        }
        const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
        if (major !== 3 && major !== 4) {
            throw new src_errors/* UserError */.yo(`${binary} is helm ${version || '(unknown version)'}; helm 3 or helm 4 is needed.`, {
                fix: 'set `helm-version` to a helm 3 or helm 4 release (for example v3.17.3 or v4.1.4).',
            });
        }
        return new Helm(binary, home, version, major);
    }
    /** The spelling of a flag for this major. */
    flag(name) {
        return [...FLAGS[name][this.major]];
    }
    // --- Charts and registries (helm-push, chart sources) ---------------------
    async lint(chartDir, options = {}) {
        const args = ['lint', chartDir, ...(options.strict ? ['--strict'] : [])];
        const result = await this.helm(args, { silent: true });
        const output = `${result.stdout}\n${result.stderr}`;
        return { ok: result.exitCode === 0, findings: parseLintOutput(output), output };
    }
    async dependencyBuild(chartDir, connection = {}) {
        await this.checked('dependency build', [
            'dependency',
            'build',
            chartDir,
            ...connect(connection),
        ]);
    }
    /** Packages a chart directory into `destination`; returns the .tgz path (a .prov next to it when signed). */
    async package(chartDir, destination, options = {}) {
        const args = ['package', chartDir, '--destination', destination];
        if (options.version)
            args.push('--version', options.version);
        if (options.appVersion)
            args.push('--app-version', options.appVersion);
        if (options.sign) {
            args.push('--sign', '--key', options.sign.key, '--keyring', options.sign.keyring);
            if (options.sign.passphraseFile)
                args.push('--passphrase-file', options.sign.passphraseFile);
        }
        const { stdout } = await this.checked('package', args);
        const saved = /saved it to:\s*(.+\.tgz)\s*$/m.exec(stdout)?.[1];
        if (!saved)
            throw new Error(`helm package did not say where it saved the chart:\n${stdout}`);
        return (0,external_node_path_.isAbsolute)(saved) ? saved : (0,external_node_path_.join)(process.cwd(), saved);
    }
    /** `helm registry login`, the password on stdin. */
    async registryLogin(host, credentials, connection = {}) {
        const args = [
            'registry',
            'login',
            host,
            '--username',
            credentials.username,
            '--password-stdin',
        ];
        if (connection.plainHttp)
            args.push(...this.flag('loginPlainHttp'));
        if (connection.caFile)
            args.push('--ca-file', connection.caFile);
        await this.checked(`registry login ${host}`, args, { input: credentials.password });
    }
    /** `helm push <tgz> oci://host/path`; the .prov next to the .tgz goes along. */
    async push(tgz, remote, connection = {}) {
        const { stdout, stderr } = await this.checked(`push to ${remote}`, [
            'push',
            tgz,
            remote,
            ...connect(connection),
        ]);
        const text = `${stdout}\n${stderr}`;
        const ref = /^Pushed:\s*(\S+)/m.exec(text)?.[1];
        const digest = /^Digest:\s*(sha256:[a-f0-9]{64})/m.exec(text)?.[1];
        if (!ref || !digest)
            throw new Error(`helm push did not report what it pushed:\n${text}`);
        return { ref, digest };
    }
    async pull(ref, options, connection = {}) {
        const args = ['pull', ref, '--destination', options.destination, ...connect(connection)];
        if (options.version)
            args.push('--version', options.version);
        if (options.untar)
            args.push('--untar');
        if (options.prov)
            args.push('--prov');
        await this.checked(`pull ${ref}`, args);
    }
    /** Chart.yaml of a chart reference, as helm shows it. */
    async showChart(ref, options = {}, connection = {}) {
        const args = ['show', 'chart', ref, ...connect(connection)];
        if (options.version)
            args.push('--version', options.version);
        return (await this.checked(`show chart ${ref}`, args, { silent: true })).stdout;
    }
    /** `helm repo add` into the private repository config (replacing an entry of that name). */
    async repoAdd(name, url, credentials, connection = {}) {
        const args = ['repo', 'add', name, url, '--force-update'];
        if (connection.caFile)
            args.push('--ca-file', connection.caFile);
        let input;
        if (credentials) {
            args.push('--username', credentials.username, '--password-stdin');
            input = credentials.password;
        }
        await this.checked(`repo add ${url}`, args, input === undefined ? {} : { input });
    }
    /** Runs helm with the private home's flags; a non-zero exit is returned, not thrown. */
    helm(args, options = {}) {
        return this.execute([...args, ...this.home.globalArgs()], {
            timeoutMs: DEFAULT_TIMEOUT_MS,
            ...options,
        });
    }
    async checked(what, args, options = {}) {
        const result = await this.helm(args, options);
        if (result.exitCode !== 0)
            throw helmFailure(what, args, result, this.binary);
        return result;
    }
    // --- Releases (helm-deploy, drift-check) -----------------------------------
    /** The kubeconfig release commands use (as KUBECONFIG); undefined: helm's own default. */
    kubeconfigFile;
    /** Points every release command at a kubeconfig file. */
    useKubeconfig(file) {
        this.kubeconfigFile = file;
    }
    /**
     * `helm upgrade --install` (values reset to the chart's plus the given
     * files: a deploy is declarative), or with `dryRun` its server-side dry
     * run, which changes nothing. Returns the release as helm reports it. A
     * failure is a ToolError carrying helm's output (the caller explains it),
     * except another operation in progress, which is a UserError.
     */
    async upgradeInstall(request) {
        const args = [
            'upgrade',
            request.release,
            request.chart.ref,
            '--install',
            '--namespace',
            request.namespace,
            '--reset-values',
            '--output',
            'json',
            ...chartArgs(request.chart),
            ...request.valuesFiles.flatMap((file) => ['--values', file]),
        ];
        if (request.createNamespace)
            args.push('--create-namespace');
        if (request.description)
            args.push('--description', request.description);
        const labels = Object.entries(request.labels ?? {});
        if (labels.length > 0)
            args.push('--labels', labels.map(([key, value]) => `${key}=${value}`).join(','));
        if (request.dryRun) {
            args.push('--dry-run=server');
        }
        else {
            args.push('--timeout', `${request.timeoutSeconds}s`);
            if (request.wait)
                args.push(...this.waitArgs());
            if (request.atomic)
                args.push(...this.flag('rollbackOnFailure'));
        }
        args.push(...(request.postRenderer?.helmArgs ?? []));
        const result = await this.helm(args, {
            silent: true,
            env: { ...this.kubeEnv(), ...request.postRenderer?.env },
            timeoutMs: (request.timeoutSeconds * 2 + 300) * 1000,
        });
        if (result.exitCode !== 0)
            throw releaseFailure(request.release, args, result, this.binary);
        return parseHelmRelease(result.stdout);
    }
    /** `helm template`: the manifests without touching the cluster (unless `validate`). */
    async template(request) {
        const args = [
            'template',
            request.release,
            request.chart.ref,
            '--namespace',
            request.namespace,
            ...chartArgs(request.chart),
            ...request.valuesFiles.flatMap((file) => ['--values', file]),
            '--skip-tests',
            ...(request.includeHooks ? [] : ['--no-hooks']),
            ...(request.validate ? ['--validate'] : []),
            ...(request.isUpgrade ? ['--is-upgrade'] : []),
            ...capabilityArgs(request.capabilities),
            ...(request.postRenderer?.helmArgs ?? []),
        ];
        const result = await this.helm(args, {
            silent: true,
            env: { ...this.kubeEnv(), ...request.postRenderer?.env },
        });
        if (result.exitCode !== 0)
            throw releaseFailure(request.release, args, result, this.binary);
        return result.stdout;
    }
    /** The release's revisions, oldest first; empty when there is no such release. */
    async history(release, namespace, max = 20) {
        const args = [
            'history',
            release,
            '--namespace',
            namespace,
            '--output',
            'json',
            '--max',
            String(max),
        ];
        const result = await this.helm(args, { silent: true, env: this.kubeEnv(), timeoutMs: 120_000 });
        if (result.exitCode !== 0) {
            if (/release: not found/.test(result.stderr))
                return [];
            throw releaseFailure(release, args, result, this.binary);
        }
        const revisions = JSON.parse(result.stdout || '[]');
        return revisions.sort((a, b) => a.revision - b.revision);
    }
    /** `helm rollback RELEASE REVISION`, waiting for the rolled-back resources when asked. */
    async rollback(release, namespace, revision, options) {
        const args = ['rollback', release, String(revision), '--namespace', namespace];
        args.push('--timeout', `${options.timeoutSeconds}s`);
        if (options.wait)
            args.push(...this.waitArgs());
        const result = await this.helm(args, {
            env: this.kubeEnv(),
            timeoutMs: (options.timeoutSeconds + 120) * 1000,
        });
        if (result.exitCode !== 0)
            throw releaseFailure(release, args, result, this.binary);
    }
    /** `helm uninstall RELEASE` (what recovers a first install stuck in pending-install). */
    async uninstall(release, namespace, timeoutSeconds = 300) {
        const args = [
            'uninstall',
            release,
            '--namespace',
            namespace,
            '--timeout',
            `${timeoutSeconds}s`,
        ];
        const result = await this.helm(args, {
            env: this.kubeEnv(),
            timeoutMs: (timeoutSeconds + 120) * 1000,
        });
        if (result.exitCode !== 0)
            throw releaseFailure(release, args, result, this.binary);
    }
    /** The manifest of a revision (the latest by default); undefined when there is no release. */
    async getManifest(release, namespace, revision) {
        const args = ['get', 'manifest', release, '--namespace', namespace];
        if (revision !== undefined)
            args.push('--revision', String(revision));
        const result = await this.helm(args, { silent: true, env: this.kubeEnv(), timeoutMs: 120_000 });
        if (result.exitCode !== 0) {
            if (/release: not found/.test(result.stderr))
                return undefined;
            throw releaseFailure(release, args, result, this.binary);
        }
        return result.stdout;
    }
    /** `--wait` as each major spells "wait until ready": helm 4 needs the watcher strategy named. */
    waitArgs() {
        return this.major === 3 ? ['--wait'] : ['--wait=watcher'];
    }
    kubeEnv() {
        return this.kubeconfigFile ? { KUBECONFIG: this.kubeconfigFile } : {};
    }
}
function capabilityArgs(capabilities) {
    if (!capabilities)
        return [];
    const args = ['--kube-version', capabilities.kubeVersion];
    // One flag, comma-separated (helm splits it): hundreds of entries stay one argument.
    if (capabilities.apiVersions.length > 0)
        args.push('--api-versions', capabilities.apiVersions.join(','));
    return args;
}
/** Finds or installs the helm a `helm-version` input names, and opens it in `home` (a fresh one by default). */
async function setupHelm(source, options = {}) {
    const binary = await locateHelm(source, options);
    const helm = await Helm.open(binary, options.home ?? HelmHome.create());
    if (source.kind === 'release' && helm.version !== source.version) {
        throw new Error(`The helm installed for ${source.version} reports ${helm.version}.`);
    }
    return helm;
}

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
            if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
                throw new src_errors/* UserError */.yo(`Registry ${this.registry} asks for credentials at ${url.origin} over plain HTTP; they were not sent.`, { fix: 'Use a registry whose token service is served over HTTPS.' });
            }
            headers.authorization = basicAuthorization(credentials.username, credentials.password);
        }
        const response = await this.fetchToken(url, headers);
        const start = this.now();
        if (response.status === 401 || response.status === 403) {
            throw new src_errors/* UserError */.yo(`The token service of registry ${this.registry} (${url.origin}) refused ${credentials ? 'the credentials' : 'an anonymous token'} for ${scope} (HTTP ${response.status}${registryErrorSummary(response.body, ': ')}).`, { fix: credentialsFix(this.registry, credentials !== undefined) });
        }
        if (isTransientStatus(response.status)) {
            throw new src_errors/* TransientError */.N_(`The token service of registry ${this.registry} answered HTTP ${response.status}.`, { retryAfterMs: parseRetryAfter(headerValue(response.headers['retry-after']), start) });
        }
        if (response.status !== 200) {
            throw new Error(`The token service of registry ${this.registry} (${url.origin}) answered HTTP ${response.status}${registryErrorSummary(response.body, ': ')}`);
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

;// CONCATENATED MODULE: ./src/oci/digest.ts

/** `sha256:<hex>` (or sha512) of some bytes. */
function digest_digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Recomputes `expected` with its own algorithm; false when the bytes differ or the algorithm is unknown. */
function matchesDigest(bytes, expected) {
    const algorithm = expected.slice(0, expected.indexOf(':'));
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        return false;
    return digest_digestOf(bytes, algorithm) === expected;
}

;// CONCATENATED MODULE: ./src/oci/media-types.ts
/** Manifest media types a registry may store; asked for in this order of preference. */
const media_types_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const media_types_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const media_types_OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/**
 * Every manifest type is accepted, so the registry answers with what it stores
 * and its digest; with a narrower Accept it may convert (a different digest)
 * or answer 404, as distribution 2.8 does for OCI manifests.
 */
const MANIFEST_ACCEPT = [media_types_OCI_INDEX, media_types_OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST];
function isIndexMediaType(mediaType) {
    return mediaType === media_types_OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

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
            requested === 'auto' && isLoopbackHost(new URL(`http://${host}`).hostname);
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
        if (!isPlainHttpAnswer(error))
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
const session_MAX_REDIRECTS = 5;
const session_DEFAULT_TIMEOUT_MS = 30_000;
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
        this.host = registryApiHost(registry);
        const ca = options.ca ?? (options.caFile ? readCaFile(options.caFile) : undefined);
        this.caGiven = ca !== undefined;
        this.scheme = new RegistryScheme(this.host, options.scheme);
        this.transport = new HttpTransport({
            ca,
            userAgent: options.userAgent ?? 'pipeline-actions',
            timeoutMs: options.timeoutMs ?? session_DEFAULT_TIMEOUT_MS,
        });
        const credentials = options.credentials ??
            (options.dockerConfig === false
                ? undefined
                : dockerConfigCredentials(registry, options.dockerConfig));
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
                throw networkFailure(error, `${registry} (token service ${url.host})`, this.caGiven);
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
            return await retry((attempt) => {
                attempts = attempt;
                return action();
            }, {
                ...options,
                onRetry: (error, attempt, delayMs) => {
                    this.options.log?.(`${this.registry}: ${what} failed (attempt ${attempt}): ${(0,src_errors/* errorMessage */.gJ)(error)}; retrying in ${delayMs} ms`);
                    options.onRetry?.(error, attempt, delayMs);
                },
            });
        }
        catch (error) {
            if (error instanceof src_errors/* TransientError */.N_ && attempts > 1) {
                throw new src_errors/* TransientError */.N_(`${error.message} (gave up after ${attempts} attempts)`, {
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
            if (!location || hops >= session_MAX_REDIRECTS) {
                throw new Error(`Registry ${this.registry} redirected ${exchange.method} ${url.pathname} ${location ? `more than ${session_MAX_REDIRECTS} times` : 'without a Location'}.`);
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
                    throw networkFailure(error, `${this.registry} (redirect to ${next.host})`, this.caGiven);
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
            if (error instanceof ResponseTooLargeError)
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
                    throw networkFailure(fallbackError, this.registry, this.caGiven);
                }
            }
            throw networkFailure(error, this.registry, this.caGiven);
        }
    }
    /** One line per exchange, without query (upload state) or headers (credentials). */
    logExchange(method, url, status) {
        this.options.log?.(`${method} ${url.protocol}//${url.host}${url.pathname} -> ${status}`);
    }
    refused(exchange, response, authenticated) {
        const action = exchange.push ? 'push to' : 'read';
        const detail = registryErrorSummary(response.body, ': ');
        const given = this.auth.hasCredentials;
        const problem = response.status === 403
            ? `denied access (HTTP 403${detail}) to ${action} ${exchange.repository}`
            : authenticated
                ? `rejected the credentials (HTTP 401${detail}) to ${action} ${exchange.repository}`
                : `requires authentication (HTTP 401${detail}) to ${action} ${exchange.repository}`;
        return new src_errors/* UserError */.yo(`Registry ${this.registry} ${problem}.`, {
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
        const failure = statusFailure({
            registry: this.registry,
            method,
            path: path.split('?')[0] ?? path,
            status: response.status,
            retryAfter: header(response, 'retry-after'),
            body: response.body,
        });
        if (!(failure instanceof src_errors/* TransientError */.N_))
            failure.message += ` (repository ${repository})`;
        throw failure;
    }
}
function readCaFile(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`The CA file ${path} cannot be read: ${(0,src_errors/* errorMessage */.gJ)(error)}.`, {
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
class tag_write_PreconditionFailed extends Error {
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
        if (!(error instanceof tag_write_PreconditionFailed))
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
    return new src_errors/* UserError */.yo(`Another run published ${where} at the same time: the tag was ${was} when this run checked it.${lost}; this run did not publish it.`, {
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
class client_RegistryClient {
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
        validateRepository(repository);
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
        validateRepository(repository);
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
        if (isDigest(reference) && digest !== reference) {
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
        validateRepository(repository);
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
            throw new src_errors/* UserError */.yo(`${this.registry}/${repository}${isDigest(reference) ? '@' : ':'}${reference} does not exist (no such manifest in the registry).`, { fix: 'Check the image or chart name and its tag or digest.' });
        }
        const bytes = response.body;
        const headerDigest = header(response, 'docker-content-digest');
        const what = `manifest ${repository}:${reference} from ${this.registry}`;
        for (const expected of [headerDigest, isDigest(reference) ? reference : undefined]) {
            if (expected !== undefined && !matchesDigest(bytes, expected)) {
                throw new Error(`The ${what} does not match its digest ${expected}.`);
            }
        }
        const json = parseJson(bytes, `the ${what}`, this.registry);
        const mediaType = mediaTypeOf(header(response, 'content-type')) ??
            (typeof json.mediaType === 'string' ? json.mediaType : '');
        const digest = isDigest(reference) ? reference : (headerDigest ?? digest_digestOf(bytes));
        return { digest, mediaType, bytes, json };
    }
    /** A blob of at most maxBytes (config blobs and the like), its digest verified. */
    async getBlob(repository, digest, maxBytes) {
        validateRepository(repository);
        reference_validateDigest(digest);
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
        validateRepository(repository);
        validateManifestReference(reference);
        const digest = digest_digestOf(bytes);
        if (isDigest(reference) && !matchesDigest(bytes, reference)) {
            throw new src_errors/* UserError */.yo(`The manifest pushed to ${repository}@${reference} has digest ${digest}, not ${reference}.`, { fix: 'Push the manifest under a tag, or under the digest of its bytes.' });
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
            throw new tag_write_PreconditionFailed(`Registry ${this.registry} refused to write ${repository}:${reference}: its precondition (${Object.values(conditionHeaders(condition)).join('')}) no longer holds.`);
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
        validateRepository(repository);
        const digest = digest_digestOf(bytes);
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
        validateRepository(repository);
        reference_validateDigest(digest);
        const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
        const target = `/v2/${repository}/referrers/${digest}${query}`;
        const response = await this.session.call(`GET referrers of ${repository}@${digest}`, {
            method: 'GET',
            repository,
            target,
            headers: { accept: media_types_OCI_INDEX },
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
        const ref = typeof reference === 'string' ? reference_parseReference(reference) : reference;
        if (registryApiHost(ref.registry) !== this.host) {
            throw new Error(`The client for ${this.registry} cannot resolve ${formatReference(ref)}.`);
        }
        if (ref.digest)
            return ref.digest;
        const key = `${ref.repository}:${manifestReference(ref)}`;
        let pending = this.resolved.get(key);
        if (!pending) {
            pending = this.headManifest(ref.repository, manifestReference(ref)).then((found) => {
                if (found)
                    return found.digest;
                throw new src_errors/* UserError */.yo(`Image ${formatReference(ref)} does not exist in the registry.`, {
                    fix: `Check the tag, or push ${formatName(ref)}:${manifestReference(ref)} first.`,
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
        const ref = typeof reference === 'string' ? reference_parseReference(reference) : reference;
        if (!ref.digest)
            throw new Error(`${formatReference(ref)} is not pinned by digest.`);
        const key = `${ref.repository}@${ref.digest}`;
        let pending = this.checked.get(key);
        if (!pending) {
            pending = this.headManifest(ref.repository, ref.digest).then((found) => (found ? { status: 'found' } : { status: 'missing' }), (error) => {
                if ((0,src_errors/* isOutage */.uD)(error) || (0,src_errors/* isUserError */.iU)(error)) {
                    return { status: 'unchecked', reason: (0,src_errors/* errorMessage */.gJ)(error) };
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
                throw new src_errors/* UserError */.yo(`${this.registry}/${repository}:${reference} has no image for ${formatPlatform(platform)}.`, { fix: 'Build the image for that platform, or read another platform.' });
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
        reference_validateDigest(reference);
    else
        validateTag(reference);
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

;// CONCATENATED MODULE: ./src/oci/pool.ts



class RegistryPool {
    options;
    clients = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    client(registry) {
        const key = normalizeConfigKey(registry) === DOCKER_HUB ? DOCKER_HUB : registry.toLowerCase();
        let client = this.clients.get(key);
        if (!client) {
            const { credentials, registries, ...shared } = this.options;
            const own = credentials
                ? Object.entries(credentials).find(([host]) => normalizeConfigKey(host) === key)?.[1]
                : undefined;
            client = new RegistryClient(key, { ...shared, ...registries?.[key], credentials: own });
            this.clients.set(key, client);
        }
        return client;
    }
    /** The digest a reference points to; each reference is asked for once, however many callers. */
    resolveDigest(reference) {
        const ref = typeof reference === 'string' ? parseReference(reference) : reference;
        return this.client(ref.registry).resolveDigest(ref);
    }
    /** Whether a pinned reference's registry has its digest (see RegistryClient.checkPinned). */
    checkPinned(reference) {
        const ref = typeof reference === 'string' ? parseReference(reference) : reference;
        return this.client(ref.registry).checkPinned(ref);
    }
    close() {
        for (const client of this.clients.values())
            client.close();
    }
}

;// CONCATENATED MODULE: ./src/oci/referrers.ts




/**
 * Artifacts that refer to an image (an SBOM, a signature), as the OCI
 * distribution spec 1.1 keeps them: a manifest whose `subject` is the
 * image's descriptor. A registry with the referrers API indexes it itself
 * (and says so with `OCI-Subject`); for one without, the client keeps the
 * referrers tag schema: an index under the tag `sha256-<hex>` of the image's
 * digest, listing the referring manifests.
 */
/** The empty config of an artifact manifest, `{}`. */
const EMPTY_CONFIG = Buffer.from('{}');
/** Read-modify-write rounds of the fallback index before giving up (a concurrent writer won each). */
const TAG_SCHEMA_ROUNDS = 3;
/** The referrers tag schema's tag for a digest: `sha256-<hex>`, at most 64 characters after the dash. */
function referrersTag(digest) {
    validateDigest(digest);
    const [algorithm, hex] = digest.split(':');
    return `${algorithm}-${hex.slice(0, 64)}`;
}
/**
 * Pushes an artifact that refers to `subject`: its blobs, then its manifest
 * by digest; then, when the registry did not index it, the fallback index
 * under the referrers tag. Nothing names the manifest before it is complete,
 * and the index never names a manifest that is not there.
 */
async function pushReferrer(client, repository, subject, artifact) {
    const configDigest = await client.putBlob(repository, EMPTY_CONFIG);
    const layerDigest = await client.putBlob(repository, artifact.bytes);
    const annotations = artifact.annotations ?? {};
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: artifact.artifactType,
        config: { mediaType: OCI_EMPTY, digest: configDigest, size: EMPTY_CONFIG.length, data: 'e30=' },
        layers: [
            {
                mediaType: artifact.mediaType,
                digest: layerDigest,
                size: artifact.bytes.length,
                ...(artifact.title
                    ? { annotations: { 'org.opencontainers.image.title': artifact.title } }
                    : {}),
            },
        ],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const digest = digestOf(bytes);
    const pushed = await client.pushManifest(repository, digest, bytes, OCI_MANIFEST);
    // Some registries answer OCI-Subject without serving the API: ask it before trusting it.
    if (pushed.subject === subject.digest &&
        (await client.getReferrers(repository, subject.digest)) !== undefined) {
        return { digest, via: 'referrers-api' };
    }
    await addToTagSchemaIndex(client, repository, subject.digest, {
        mediaType: OCI_MANIFEST,
        digest,
        size: bytes.length,
        artifactType: artifact.artifactType,
        annotations,
    });
    return { digest, via: 'tag-schema' };
}
/**
 * The manifests that refer to `digest` (of one artifact type, if given):
 * through the referrers API, or the tag schema's index when the registry
 * has no such API.
 */
async function listReferrers(client, repository, digest, artifactType) {
    const fromApi = await client.getReferrers(repository, digest, artifactType);
    if (fromApi)
        return { referrers: fromApi.map(toReferrer), via: 'referrers-api' };
    const { index } = await readTagSchema(client, repository, digest);
    const referrers = index.manifests
        .map(toReferrer)
        .filter((r) => artifactType === undefined || r.artifactType === artifactType);
    return { referrers, via: 'tag-schema' };
}
/** The tag schema's index and the digest the tag holds (undefined when there is none yet). */
async function readTagSchema(client, repository, digest) {
    const tag = referrersTag(digest);
    if (!(await client.headManifest(repository, tag))) {
        return { index: { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }, digest: undefined };
    }
    const current = await client.getManifest(repository, tag);
    const isIndex = current.mediaType === OCI_INDEX || current.json.mediaType === OCI_INDEX;
    if (!isIndex || !Array.isArray(current.json.manifests)) {
        throw new Error(`${client.registry}/${repository}:${tag} is not an OCI image index, so it cannot list the referrers of ${digest}; remove the tag (it belongs to the OCI referrers tag schema).`);
    }
    return { index: current.json, digest: current.digest };
}
/**
 * Adds an entry to the tag schema's index: read, append, write under the
 * condition that the tag still holds what was read (for registries that
 * honour preconditions, src/oci/tag-write.ts), read back; a round lost to
 * another writer is done again.
 */
async function addToTagSchemaIndex(client, repository, subject, entry) {
    const tag = referrersTag(subject);
    for (let round = 1;; round++) {
        const current = await readTagSchema(client, repository, subject);
        if (current.index.manifests.some((m) => m.digest === entry.digest))
            return;
        const next = { ...current.index, manifests: [...current.index.manifests, entry] };
        const condition = current.digest === undefined ? { free: true } : { digest: current.digest };
        try {
            await client.putManifest(repository, tag, Buffer.from(JSON.stringify(next)), OCI_INDEX, condition);
        }
        catch (error) {
            if (!(error instanceof PreconditionFailed))
                throw error;
        }
        // Two writers may have read the same index; the later PUT wins. Read back.
        const { index: after } = await readTagSchema(client, repository, subject);
        if (after.manifests.some((m) => m.digest === entry.digest))
            return;
        if (round >= TAG_SCHEMA_ROUNDS) {
            throw new Error(`${client.registry}/${repository}:${tag} lost the entry of ${entry.digest} to concurrent writers ${TAG_SCHEMA_ROUNDS} times.`);
        }
    }
}
function toReferrer(entry) {
    const annotations = {};
    if (entry.annotations && typeof entry.annotations === 'object') {
        for (const [key, value] of Object.entries(entry.annotations)) {
            if (typeof value === 'string')
                annotations[key] = value;
        }
    }
    return {
        digest: String(entry.digest),
        mediaType: String(entry.mediaType ?? ''),
        size: Number(entry.size ?? 0),
        artifactType: typeof entry.artifactType === 'string' ? entry.artifactType : undefined,
        annotations,
    };
}

;// CONCATENATED MODULE: ./src/oci/index.ts










;// CONCATENATED MODULE: ./actions/helm-push/src/destinations.ts


/**
 * A `destination` line: `oci://host[:port][/path]` (an OCI registry, where the
 * chart becomes `host/path/<chart>:<version>`) or `https://…` (a
 * ChartMuseum-compatible repository).
 */
const REGISTRY = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;
function parseDestination(text) {
    const value = text.trim().replace(/\/+$/, '');
    if (value.startsWith('oci://')) {
        const rest = value.slice('oci://'.length);
        const slash = rest.indexOf('/');
        const registry = slash === -1 ? rest : rest.slice(0, slash);
        const path = slash === -1 ? '' : rest.slice(slash + 1);
        if (!REGISTRY.test(registry) || /[@\s]/.test(rest) || path.includes(':')) {
            throw destinations_invalid(text, 'an OCI destination is oci://host[:port]/path, without a chart name, tag or digest');
        }
        if (path !== '') {
            try {
                validateRepository(path);
            }
            catch (error) {
                throw destinations_invalid(text, `"${path}" is not a valid repository path (${error.message})`);
            }
        }
        return { kind: 'oci', text: value, registry, path };
    }
    if (/^https?:\/\//.test(value)) {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw destinations_invalid(text, 'it is not a valid URL');
        }
        if (url.username || url.password) {
            throw destinations_invalid(text, 'it carries credentials; pass them in the username and password inputs');
        }
        if (url.search || url.hash)
            throw destinations_invalid(text, 'a repository URL has no query or fragment');
        return { kind: 'http', text: value, url: url.href.replace(/\/+$/, '') };
    }
    throw destinations_invalid(text, 'it must start with oci:// (an OCI registry) or https:// (a chart repository)');
}
/** `path/<chart>` inside the registry. */
function ociRepository(destination, chart) {
    return destination.path === '' ? chart : `${destination.path}/${chart}`;
}
/**
 * The published reference: `oci://host/path/chart:<tag>`. A `+` in the version
 * is `_` in the tag (OCI tags cannot hold `+`); helm maps it back when pulling
 * with `--version`.
 */
function ociRef(destination, chart, version) {
    return `oci://${destination.registry}/${ociRepository(destination, chart)}:${chartVersionTag(version)}`;
}
function destinations_invalid(text, why) {
    // Never repeat credentials written into a URL.
    const shown = text.replace(/\/\/[^/@\s]*@/, '//***@');
    return new src_errors/* UserError */.yo(`Destination "${shown}" cannot be used: ${why}.`, {
        fix: 'write one destination per line: oci://registry.example.com/team/charts or https://charts.example.com/team.',
    });
}

;// CONCATENATED MODULE: ./src/helm/repository.ts







const INDEX_MAX_BYTES = 32 * 1024 * 1024;
const repository_CHART_MAX_BYTES = 20 * 1024 * 1024;
const SMALL_MAX_BYTES = 1024 * 1024;
class ChartRepository {
    options;
    /** The repository URL, ending in `/`. */
    url;
    transport;
    constructor(url, options = {}) {
        this.options = options;
        this.url = new URL(url.endsWith('/') ? url : `${url}/`);
        if (this.url.protocol !== 'https:' && this.url.protocol !== 'http:') {
            throw new src_errors/* UserError */.yo(`${url} is not an http(s) chart repository URL.`, {
                fix: 'write it as https://host/path (or oci://host/path for an OCI registry).',
            });
        }
        if (options.credentials &&
            this.url.protocol === 'http:' &&
            !isLoopbackHost(this.url.hostname)) {
            throw new src_errors/* UserError */.yo(`Credentials for ${this.url.origin} would travel in plain HTTP; they were not sent.`, { fix: 'use the https:// URL of the chart repository.' });
        }
        this.transport = new HttpTransport({
            ca: options.ca,
            userAgent: 'pipeline-actions',
            timeoutMs: options.timeoutMs ?? 60_000,
        });
    }
    /** Where ChartMuseum takes uploads for this repository. */
    get uploadUrl() {
        const path = this.url.pathname.replace(/\/+$/, '');
        return new URL(`/api${path}/charts`, this.url.origin);
    }
    /** Every entry of the index for `name`; an empty list when the chart is not there. */
    async entries(name) {
        const target = new URL('index.yaml', this.url);
        const response = await this.call('GET', target, INDEX_MAX_BYTES, [200]);
        const index = (0,yaml/* parseYaml */.hN)(response.body.toString('utf8'), target.href, {
            maxBytes: INDEX_MAX_BYTES,
        });
        const list = index?.entries?.[name];
        if (!Array.isArray(list))
            return [];
        return list.flatMap((raw) => {
            const entry = (raw ?? {});
            if (entry.version === undefined)
                return [];
            return [
                {
                    name,
                    version: String(entry.version),
                    digest: typeof entry.digest === 'string' ? entry.digest.replace(/^sha256:/, '') : undefined,
                    urls: Array.isArray(entry.urls) ? entry.urls.map(String) : [],
                },
            ];
        });
    }
    async find(name, version) {
        return (await this.entries(name)).find((entry) => entry.version === version);
    }
    /** The archive of an index entry, checked against the digest the index records. */
    async download(entry) {
        const first = entry.urls[0];
        if (!first) {
            throw new Error(`The index of ${this.url.href} lists ${entry.name} ${entry.version} without a URL.`);
        }
        const target = new URL(first, this.url);
        const response = await this.call('GET', target, repository_CHART_MAX_BYTES, [200]);
        if (entry.digest && sha256(response.body) !== entry.digest) {
            throw new src_errors/* TransientError */.N_(`${target.href} does not match the sha256 ${entry.digest} its repository index records.`);
        }
        return response.body;
    }
    /**
     * Uploads a chart (and its provenance file) in one multipart request, so
     * the repository never holds a signed chart without its signature.
     * `force` replaces an existing version (ChartMuseum's `?force`).
     */
    async upload(fileName, chart, options = {}) {
        const boundary = `----pipeline-actions-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
        const parts = [];
        const part = (field, name, data) => {
            parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
                'Content-Type: application/octet-stream\r\n\r\n'), data, Buffer.from('\r\n'));
        };
        part('chart', fileName, chart);
        if (options.prov)
            part('prov', `${fileName}.prov`, options.prov);
        parts.push(Buffer.from(`--${boundary}--\r\n`));
        const target = this.uploadUrl;
        if (options.force)
            target.searchParams.set('force', 'true');
        const response = await this.call('POST', target, SMALL_MAX_BYTES, [200, 201, 409], {
            body: Buffer.concat(parts),
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
        if (response.status === 409) {
            throw new src_errors/* UserError */.yo(`${this.url.href} already holds ${fileName} and refused to replace it (HTTP 409${detail(response)}).`, {
                fix: 'bump the chart version; if if-exists is overwrite, the repository must allow overwrites (ChartMuseum: do not set --disable-force-overwrite).',
            });
        }
    }
    close() {
        this.transport.close();
    }
    call(method, target, maxBodyBytes, accepted, extra = {}) {
        const what = `${method} ${target.origin}${target.pathname}`;
        return retry(async () => {
            const headers = { ...extra.headers };
            const credentials = this.options.credentials;
            if (credentials && target.origin === this.url.origin) {
                headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
            }
            let response;
            try {
                response = await this.transport.request({
                    method,
                    url: target,
                    headers,
                    ...(extra.body ? { body: extra.body } : {}),
                    maxBodyBytes,
                });
            }
            catch (error) {
                throw networkFailure(error, `chart repository ${target.host}`, this.options.ca !== undefined);
            }
            this.options.log?.(`${what} -> ${response.status}`);
            if (accepted.includes(response.status))
                return response;
            throw this.failure(what, response);
        }, {
            ...this.options.retry,
            onRetry: (error, attempt, delayMs) => this.options.log?.(`${what} failed (attempt ${attempt}): ${(0,src_errors/* errorMessage */.gJ)(error)}; retrying in ${delayMs} ms`),
        });
    }
    failure(what, response) {
        const status = response.status;
        if (status === 401 || status === 403) {
            return new src_errors/* UserError */.yo(`Chart repository ${this.url.href} ${status === 401 ? (this.options.credentials ? 'rejected the credentials' : 'requires credentials') : 'denied access'} (HTTP ${status}${detail(response)}).`, {
                fix: this.options.credentials
                    ? 'check the username and password (or token), and that they may publish to this repository.'
                    : 'pass the username and password inputs (from a secret).',
            });
        }
        if (status === 404) {
            return new src_errors/* UserError */.yo(`${what} answered HTTP 404: there is no chart repository at ${this.url.href}.`, {
                fix: 'check the destination URL (it is the URL helm repo add would take, serving index.yaml).',
            });
        }
        const retryAfter = response.headers['retry-after'];
        const message = `${what} answered HTTP ${status}${detail(response)}`;
        if (isTransientStatus(status)) {
            return new src_errors/* TransientError */.N_(message, {
                retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
            });
        }
        return new Error(message);
    }
}
/** `: <the server's error>`, from ChartMuseum's `{"error": "…"}` or the text, shortened. */
function detail(response) {
    const text = response.body.subarray(0, 4096).toString('utf8').trim();
    if (text === '')
        return '';
    let message = text;
    try {
        const parsed = JSON.parse(text);
        message = String(parsed.error ?? parsed.message ?? text);
    }
    catch {
        // not JSON
    }
    return `: ${message.replace(/\s+/g, ' ').slice(0, 300)}`;
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}

;// CONCATENATED MODULE: ./actions/helm-push/src/targets.ts








function createTarget(destination, chart, version, options) {
    return destination.kind === 'oci'
        ? new OciTarget(destination, chart, version, options)
        : new HttpTarget(destination, chart, version, options);
}
class OciTarget {
    destination;
    options;
    ref;
    client;
    repository;
    tag;
    constructor(destination, chart, version, options) {
        this.destination = destination;
        this.options = options;
        this.repository = ociRepository(destination, chart);
        this.tag = chartVersionTag(version);
        this.ref = ociRef(destination, chart, version);
        this.client = new client_RegistryClient(destination.registry, {
            credentials: options.credentials,
            ca: options.ca?.pem,
            userAgent: 'pipeline-actions/helm-push',
            retry: options.retry,
            log: (line) => core/* debug */.Yz(line),
        });
    }
    async find() {
        const found = await findOciChart(this.client, this.repository, this.tag);
        if (!found)
            return undefined;
        return {
            digest: found.digest,
            content: async () => (0,helm_content/* chartContent */.uG)(await found.archive(), this.ref),
        };
    }
    // A tag is replaced by pushing to it; `overwrite` needs nothing more here.
    async publish(chart, helm, _overwrite, existing) {
        const registry = this.destination.registry;
        const connection = await this.options.connectionFor(registry);
        if (this.options.credentials) {
            await retry(() => helm.registryLogin(registry, this.options.credentials, connection), this.options.retry);
        }
        const remote = `oci://${registry}${this.destination.path ? `/${this.destination.path}` : ''}`;
        // helm writes the tag itself and sends no precondition: the tag is
        // checked just before the push and read back after it (tag-write.ts).
        return writeTagIfUnchanged({
            client: this.client,
            repository: this.repository,
            tag: this.tag,
            expected: existing?.digest,
            write: async () => {
                const pushed = await retry(() => helm.push(chart.file, remote, connection), {
                    ...this.options.retry,
                    service: `the registry at ${registry}`,
                    consequence: `${this.ref} was not published`,
                    onRetry: (error, attempt, delayMs) => core/* warning */.$e(`helm push to ${remote} failed (attempt ${attempt}): ${(0,src_errors/* errorMessage */.gJ)(error)}; retrying in ${delayMs} ms`),
                });
                return pushed.digest;
            },
        });
    }
    close() {
        this.client.close();
    }
}
class HttpTarget {
    destination;
    chart;
    version;
    options;
    ref;
    repository;
    constructor(destination, chart, version, options) {
        this.destination = destination;
        this.chart = chart;
        this.version = version;
        this.options = options;
        this.ref = destination.url;
        this.repository = new ChartRepository(destination.url, {
            credentials: options.credentials,
            ca: options.ca?.pem,
            retry: options.retry,
            log: (line) => core/* debug */.Yz(line),
        });
    }
    async find() {
        const entry = await this.repository.find(this.chart, this.version);
        if (!entry)
            return undefined;
        return {
            digest: `sha256:${entry.digest ?? ''}`,
            content: async (ours) => entry.digest === sha256(ours.bytes)
                ? ours.content
                : (0,helm_content/* chartContent */.uG)(await this.repository.download(entry), `${this.ref} ${this.chart}-${this.version}.tgz`),
        };
    }
    async publish(chart, _helm, overwrite) {
        const fileName = `${chart.name}-${chart.version}.tgz`;
        await this.repository.upload(fileName, chart.bytes, { prov: chart.prov, force: overwrite });
        const digest = sha256(chart.bytes);
        const entry = await this.repository.find(this.chart, this.version);
        if (entry?.digest !== digest) {
            throw new src_errors/* TransientError */.N_(`${this.ref} accepted ${fileName}, but its index lists ${entry?.digest ? `sha256:${entry.digest}` : 'no such version'} instead of sha256:${digest}.`);
        }
        return `sha256:${digest}`;
    }
    close() {
        this.repository.close();
    }
}

;// CONCATENATED MODULE: ./actions/helm-push/src/stage.ts


















/** Attempts for registry and helm exchanges that fail transiently (resets, 5xx). */
const PUSH_RETRY = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };
async function pushChart(inputs) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const chart = readChartDirectory((0,external_node_path_.resolve)(workspace, inputs.chart));
    const version = inputs['chart-version'] ?? chart.version;
    checkChartVersion(version, inputs['chart-version'] !== undefined
        ? { input: 'chart-version' }
        : { location: { file: chart.chartFile, ...stage_lineAt(chart.lineOf('version')) } });
    const destinations = inputs.destination.map(parseDestination);
    const helmSource = helmSourceOf(inputs);
    const credentials = readLogin(inputs);
    const registryCa = readCa(inputs['registry-ca'], workspace);
    const scratchBase = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(scratchBase, { recursive: true });
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(scratchBase, 'helm-push-'));
    const home = HelmHome.create();
    const targets = [];
    try {
        const ca = registryCa && { pem: registryCa.pem, file: caFile(registryCa, scratch) };
        const plainHttp = new Map();
        const destinationHosts = new Set(destinations.map((d) => (d.kind === 'oci' ? d.registry : new URL(d.url).host)));
        const connectionFor = async (host) => {
            let plain = plainHttp.get(host);
            if (!plain)
                plainHttp.set(host, (plain = speaksPlainHttp(host)));
            return {
                plainHttp: await plain,
                ...(ca && destinationHosts.has(host) ? { caFile: ca.file } : {}),
            };
        };
        const options = { credentials, ca, connectionFor, retry: PUSH_RETRY };
        for (const destination of destinations) {
            targets.push(createTarget(destination, chart.name, version, options));
        }
        // 1. What is already published (this also proves the credentials, before any work).
        const existing = await findExisting(targets, chart.name, version, inputs['if-exists']);
        // 2. Helm, 3. dependencies, 4. lint.
        const helm = await setupHelm(helmSource, helmSetupOptions(inputs, home));
        core/* info */.pq(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
        const plan = await resolveDependencies(helm, chart, {
            credentialsFor: (host) => loginFor(host, (own) => isDestination(own, destinations), credentials),
            connectionFor,
            retry: PUSH_RETRY,
        });
        if (plan.registries.length + plan.repositories.length + plan.local.length > 0) {
            core/* info */.pq(`dependencies of ${chart.name} built (${[...plan.registries.map((r) => `oci://${r}`), ...plan.repositories].join(', ') || 'local charts only'})`);
        }
        const lint = inputs.lint ? await lintChart(helm, chart) : undefined;
        // 5. Package (and sign), then the content digest everything is compared by.
        const packaged = await packageChart(helm, chart, inputs, scratch);
        core/* info */.pq(`content digest of ${packaged.name} ${packaged.version}: ${packaged.content.digest}`);
        // 6. Publish where needed.
        const outcomes = await publishAll(targets, existing, packaged, helm, inputs['if-exists']);
        return {
            chart: chart.name,
            version,
            appVersion: inputs['app-version'] ?? chart.appVersion,
            contentDigest: packaged.content.digest,
            helmVersion: helm.version,
            signed: packaged.prov !== undefined,
            lint,
            destinations: outcomes,
        };
    }
    finally {
        for (const target of targets)
            target.close();
        home.dispose();
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
async function findExisting(targets, chart, version, ifExists) {
    const existing = [];
    for (const target of targets) {
        const found = await target.find();
        core/* info */.pq(`${target.ref}: ${found ? `version ${version} exists (${found.digest})` : `version ${version} is new`}`);
        if (found && ifExists === 'fail') {
            throw new src_errors/* UserError */.yo(`Chart ${chart} version ${version} already exists at ${target.ref}, and if-exists is fail.`, { fix: 'publish a new version (bump `version` in Chart.yaml or the chart-version input).' });
        }
        existing.push(found);
    }
    return existing;
}
/**
 * Decides for every destination first (so a different chart under an existing
 * version stops the run before anything is pushed anywhere), then publishes.
 */
async function publishAll(targets, existing, packaged, helm, ifExists) {
    const version = packaged.version;
    const decisions = [];
    for (const [index, target] of targets.entries()) {
        const found = existing[index];
        decisions.push((0,immutability/* decide */.L)(ifExists, packaged.content, {
            ref: target.ref,
            version,
            content: found ? await found.content(packaged) : undefined,
        }));
    }
    const outcomes = [];
    for (const [index, target] of targets.entries()) {
        const decision = decisions[index];
        const base = { destination: target.destination.text, ref: target.ref };
        if (decision.action === 'keep') {
            core/* info */.pq(`${target.ref}: the same content is already published; nothing pushed`);
            outcomes.push({ ...base, digest: existing[index]?.digest ?? '', result: 'unchanged' });
            continue;
        }
        const overwrite = decision.reason === 'overwrite';
        if (decision.reason === 'overwrite') {
            core/* warning */.$e(`${target.ref}: replacing version ${version} (if-exists: overwrite); ${decision.difference}`);
        }
        const digest = await target.publish(packaged, helm, overwrite, existing[index]);
        core/* info */.pq(`${target.ref}: ${overwrite ? 'replaced' : 'pushed'} (${digest})`);
        outcomes.push({
            ...base,
            digest,
            result: overwrite ? 'replaced' : 'pushed',
            ...(decision.reason === 'overwrite' ? { difference: decision.difference } : {}),
        });
    }
    return outcomes;
}
/** Whether a registry host or repository origin is one of the destinations (their login goes there). */
function isDestination(hostOrOrigin, destinations) {
    return destinations.some((d) => d.kind === 'oci' ? d.registry === hostOrOrigin : new URL(d.url).origin === hostOrOrigin);
}
async function lintChart(helm, chart) {
    const report = await helm.lint(chart.dir);
    core/* startGroup */.Oh(`helm lint ${chart.dir}`);
    core/* info */.pq(report.output.trim());
    core/* endGroup */.N4();
    const count = (level) => report.findings.filter((finding) => finding.level === level).length;
    for (const finding of report.findings) {
        if (finding.level !== 'warning')
            continue;
        (0,annotations/* annotate */.f)('warning', finding.message, findingLocation(finding, chart), 'helm lint');
    }
    if (!report.ok)
        throw lintErrors(report.findings, chart);
    return { errors: count('error'), warnings: count('warning') };
}
async function packageChart(helm, chart, inputs, scratch) {
    const out = (0,external_node_path_.join)(scratch, 'package');
    (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    let sign;
    let gpg;
    try {
        if (inputs['sign-key']) {
            gpg = Gpg.create();
            const key = await gpg.inspectPrivateKey(inputs['sign-key']);
            const keyring = (0,external_node_path_.join)(gpg.home, 'secring.gpg');
            await gpg.writeKeyring(inputs['sign-key'], keyring);
            core/* info */.pq(`signing with ${key.userId} (${key.fingerprint})`);
            // Always a file (empty without a passphrase), so helm never prompts on a terminal;
            // in the private GNUPGHOME (0700), removed with it right after packaging.
            const passphraseFile = (0,external_node_path_.join)(gpg.home, 'passphrase');
            (0,external_node_fs_.writeFileSync)(passphraseFile, `${inputs['sign-passphrase'] ?? ''}\n`, { mode: 0o600 });
            sign = { key: key.userId, keyring, passphraseFile };
        }
        const file = await helm
            .package(chart.dir, out, {
            version: inputs['chart-version'],
            appVersion: inputs['app-version'],
            ...(sign ? { sign } : {}),
        })
            .catch((error) => {
            throw sign ? signingFailure(error) : error;
        });
        const bytes = (0,external_node_fs_.readFileSync)(file);
        const prov = (0,external_node_fs_.existsSync)(`${file}.prov`) ? (0,external_node_fs_.readFileSync)(`${file}.prov`) : undefined;
        const content = (0,helm_content/* chartContent */.uG)(bytes, file);
        const version = inputs['chart-version'] ?? chart.version;
        return { name: content.name, version, file, bytes, prov, content };
    }
    finally {
        gpg?.dispose();
    }
}
function signingFailure(error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/passphrase|decrypt|private key|incorrect key|checksum failure|inappropriate ioctl/i.test(text)) {
        return new src_errors/* UserError */.yo('helm could not sign the chart with the key in "sign-key".', {
            fix: 'check that "sign-passphrase" is the passphrase of that key (leave it empty for a key without one).',
            cause: error,
        });
    }
    return error;
}
function stage_lineAt(line) {
    return line === undefined ? {} : { line };
}


/***/ })

};
