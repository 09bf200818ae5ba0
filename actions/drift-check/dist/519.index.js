export const id = 519;
export const ids = [519,25];
export const modules = {

/***/ 8025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notify: () => (/* binding */ notify),
  remaining: () => (/* binding */ remaining)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/drift/summary.ts
var summary = __webpack_require__(8999);
;// CONCATENATED MODULE: ./src/http/fetch.ts
/**
 * A `fetch` for libraries that take one (Octokit's `request.fetch`), sending
 * through an HttpTransport so they share its proxy settings, TLS and bounds.
 * Only what such clients use: a URL, method, headers, a string or byte body,
 * an abort signal and the redirect mode; the answer is read whole (at most
 * `maxBodyBytes`) before the Response is returned.
 */
function transportFetch(transport, maxBodyBytes) {
    return async (input, init = {}) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const method = (init.method ?? 'GET').toUpperCase();
        const headers = {};
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
        const response = redirect === 'follow'
            ? await transport.requestFollowing(request)
            : { ...(await transport.request(request)), url };
        if (redirect === 'error' && response.status >= 300 && response.status < 400) {
            throw new TypeError(`${url.host} redirected ${url.pathname}, which was not allowed.`);
        }
        return toResponse(response, response.url, method);
    };
}
function bodyOf(body) {
    if (body === undefined || body === null)
        return {};
    if (typeof body === 'string')
        return { body };
    if (body instanceof ArrayBuffer)
        return { body: Buffer.from(body) };
    if (ArrayBuffer.isView(body))
        return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
    if (body instanceof URLSearchParams)
        return { body: body.toString() };
    throw new TypeError('Only string and byte request bodies can be sent through the transport.');
}
function toResponse(response, url, method) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined)
            continue;
        for (const one of Array.isArray(value) ? value : [value])
            headers.append(name, one);
    }
    const empty = method === 'HEAD' || [101, 204, 205, 304].includes(response.status);
    const result = new Response(empty ? null : new Uint8Array(response.body), {
        status: response.status,
        headers,
    });
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
}

// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var http_transport = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/github/client.ts




const IDEMPOTENT = /^(GET|PATCH|PUT|DELETE) /;
const TIMEOUT_MS = 30_000;
/** GitHub's largest JSON answers (100 issues with their bodies) are a few MB. */
const ANSWER_MAX_BYTES = 32 * 1024 * 1024;
class GitHubClient {
    options;
    owner;
    repo;
    baseUrl;
    client;
    constructor(options) {
        this.options = options;
        const repository = options.repository ?? process.env.GITHUB_REPOSITORY ?? '';
        const [owner, repo, ...rest] = repository.split('/');
        if (!owner || !repo || rest.length > 0) {
            throw new errors/* UserError */.yo(`"${repository}" is not a repository (owner/name).`, {
                fix: 'run in GitHub Actions (GITHUB_REPOSITORY), or give the repository as owner/name.',
            });
        }
        this.owner = owner;
        this.repo = repo;
        const baseUrl = (options.apiUrl ??
            process.env.GITHUB_API_URL ??
            'https://api.github.com').replace(/\/+$/, '');
        this.baseUrl = baseUrl;
    }
    /** Octokit, loaded at the first request: a run that reports nothing never loads it. */
    octokit() {
        this.client ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413)).then(({ getOctokit }) => {
            const transport = new http_transport/* HttpTransport */.G5({ userAgent: 'pipeline-actions', timeoutMs: TIMEOUT_MS });
            return getOctokit(this.options.token, {
                baseUrl: this.baseUrl,
                userAgent: 'pipeline-actions',
                // Replaces @actions/github's own proxy-aware fetch.
                request: { fetch: transportFetch(transport, ANSWER_MAX_BYTES) },
            });
        });
        return this.client;
    }
    /**
     * One request (`GET /repos/{owner}/{repo}/issues`); owner and repo are
     * filled in. Requests that are safe to repeat are retried on 429/5xx and
     * secondary rate limits; a creating POST never is (it could duplicate).
     */
    async request(route, params = {}) {
        const call = async () => {
            try {
                const response = await (await this.octokit()).request(route, {
                    owner: this.owner,
                    repo: this.repo,
                    ...params,
                });
                return response;
            }
            catch (error) {
                throw this.explain(route, error);
            }
        };
        if (!IDEMPOTENT.test(route))
            return call();
        return (0,retry/* retry */.L5)(call, {
            attempts: this.options.attempts ?? 4,
            baseDelayMs: 1000,
            maxDelayMs: 20_000,
        });
    }
    /** Every page of a list endpoint (100 a page), up to `maxPages`; `truncated` says whether there was more. */
    async paginate(route, params, maxPages) {
        const items = [];
        for (let page = 1; page <= maxPages; page++) {
            const response = await this.request(route, { ...params, per_page: 100, page });
            items.push(...response.data);
            const link = String(response.headers.link ?? '');
            if (!/rel="next"/.test(link))
                return { items, truncated: false };
        }
        return { items, truncated: true };
    }
    explain(route, error) {
        const status = error.status;
        if (typeof status !== 'number' || status === 0)
            return error;
        const response = error.response;
        const message = response?.data?.message ?? error.message;
        const headers = response?.headers ?? {};
        const permission = this.options.permission ?? 'the permission this needs';
        const repository = `${this.owner}/${this.repo}`;
        if (status === 429 ||
            status >= 500 ||
            (status === 403 && (headers['retry-after'] || headers['x-ratelimit-remaining'] === '0'))) {
            const wait = (0,retry/* parseRetryAfter */.mu)(headers['retry-after']);
            return new errors/* TransientError */.N_(`GitHub answered ${route} with ${status}: ${message}`, wait === undefined ? {} : { retryAfterMs: wait });
        }
        if (status === 401) {
            return new errors/* UserError */.yo(`GitHub refused the token (${route}: ${message}).`, {
                fix: "pass a valid token in github-token (the default is the job's GITHUB_TOKEN).",
            });
        }
        if (status === 403 || status === 404) {
            return new errors/* UserError */.yo(`GitHub did not let the token ${route.replace(/\{owner\}\/\{repo\}/, repository)} (${status}: ${message}).`, {
                fix: `give the job \`permissions: ${permission}\`, or a token that may do this in ${repository}.`,
            });
        }
        if (status === 410) {
            return new errors/* UserError */.yo(`${repository} has issues turned off (${message}).`, {
                fix: 'turn issues on in the repository settings, or set issue: false.',
            });
        }
        return new Error(`GitHub answered ${route} with ${status}: ${message}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/github/issues.ts
const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const MAX_PAGES = 10;
/** GitHub refuses bodies longer than 65536 characters. */
const MAX_BODY_CHARS = 65_000;
class IssueTracker {
    github;
    /** `<!-- pipeline-actions:drift-check key="dev"`, `<!-- pipeline-actions:drift-check app="shop" key="dev"` */
    marker;
    constructor(github, 
    /** The kind of report: `drift-check`. */
    kind, 
    /** What the issue is about: the environment. */
    key, 
    /**
     * Whose it is: the application, in a repository with several (each keeps
     * its own issue per environment, and never closes another's). It comes
     * before the key, so no marker is the start of another.
     */
    app) {
        this.github = github;
        const legacy = `<!-- pipeline-actions:${kind} key="${encodeURIComponent(key)}"`;
        this.marker =
            app === undefined
                ? legacy
                : `<!-- pipeline-actions:${kind} app="${encodeURIComponent(app)}" key="${encodeURIComponent(key)}"`;
        if (app !== undefined)
            this.legacyMarker = legacy;
    }
    /** The marker of issues kept before they were per app: one is taken over when drift is reported, never closed. */
    legacyMarker;
    /** The open issue carrying the marker (the oldest, if a race made two), and the oldest with the legacy marker. */
    async find() {
        const { items } = await this.github.paginate('GET /repos/{owner}/{repo}/issues', { state: 'open', sort: 'created', direction: 'asc' }, MAX_PAGES);
        const marked = (marker) => marker === undefined
            ? []
            : items.filter((item) => !item.pull_request &&
                (item.body ?? '').includes(`${marker} `) &&
                (item.user?.type === 'Bot' || TRUSTED.has(item.author_association ?? '')));
        const found = marked(this.marker);
        const first = found[0];
        const legacy = marked(this.legacyMarker)[0];
        return {
            issue: first ? this.tracked(first) : undefined,
            duplicates: found.slice(1).map((item) => item.number),
            ...(legacy ? { legacy: this.tracked(legacy, this.legacyMarker) } : {}),
        };
    }
    /**
     * Opens the issue, or updates it when the fingerprint changed; nothing when
     * it did not. With no issue of its own, one with the legacy marker is taken
     * over (its description rewritten with this marker).
     */
    async report(content, now = new Date()) {
        const found = await this.find();
        const { duplicates } = found;
        const issue = found.issue ?? found.legacy;
        if (found.issue && found.issue.fingerprint === content.fingerprint)
            return { action: 'unchanged', issue: found.issue, duplicates };
        const firstSeen = issue?.firstSeen ?? now.toISOString();
        const body = this.body(content, firstSeen);
        if (!issue) {
            const created = await this.github.request('POST /repos/{owner}/{repo}/issues', {
                title: content.title,
                body,
                ...(content.labels && content.labels.length > 0 ? { labels: [...content.labels] } : {}),
            });
            return { action: 'opened', issue: this.tracked(created.data), duplicates };
        }
        const updated = await this.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            issue_number: issue.number,
            title: content.title,
            body,
        });
        if (content.changeComment)
            await this.comment(issue.number, content.changeComment);
        return { action: 'updated', issue: this.tracked(updated.data), duplicates };
    }
    /** Closes the issue with a comment, when there is one. */
    async resolve(comment) {
        const { issue, duplicates } = await this.find();
        if (!issue)
            return { action: 'none', issue: undefined, duplicates };
        await this.comment(issue.number, comment);
        await this.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            issue_number: issue.number,
            state: 'closed',
            state_reason: 'completed',
        });
        return { action: 'closed', issue, duplicates };
    }
    async comment(issueNumber, body) {
        await this.github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            issue_number: issueNumber,
            body: body.slice(0, MAX_BODY_CHARS),
        });
    }
    body(content, firstSeen) {
        const metadata = `${this.marker} fingerprint="${encodeURIComponent(content.fingerprint)}" first-seen="${firstSeen}" -->`;
        const room = MAX_BODY_CHARS - metadata.length - 2;
        const text = content.body.length > room
            ? `${content.body.slice(0, room - 40)}\n\n… (cut to fit an issue)`
            : content.body;
        return `${text}\n\n${metadata}`;
    }
    tracked(issue, marker = this.marker) {
        const body = issue.body ?? '';
        const start = body.indexOf(`${marker} `);
        const comment = start === -1 ? '' : body.slice(start, body.indexOf('-->', start) + 3);
        const attribute = (name) => {
            const value = new RegExp(`\\b${name}="([^"]*)"`).exec(comment)?.[1];
            return value === undefined ? undefined : decodeURIComponent(value);
        };
        return {
            number: issue.number,
            url: issue.html_url,
            title: issue.title,
            fingerprint: attribute('fingerprint'),
            firstSeen: attribute('first-seen'),
        };
    }
}

// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
;// CONCATENATED MODULE: ./src/report/webhook.ts




const MAX_TEXT_CHARS = 3000;
/** A webhook answers `ok` or the like; nothing larger is read. */
const webhook_ANSWER_MAX_BYTES = 64 * 1024;
async function postWebhook(url, text, options = {}) {
    let target;
    try {
        target = new URL(url);
    }
    catch {
        throw new errors/* UserError */.yo('The webhook URL is not a URL.', {
            fix: 'pass the incoming-webhook URL your chat tool gave you.',
        });
    }
    if (target.protocol !== 'https:' &&
        !(target.protocol === 'http:' && (0,proxy/* isLoopbackHost */.cW)(target.hostname))) {
        throw new errors/* UserError */.yo(`The webhook URL must use https (it is ${target.protocol}//${target.host}).`, {
            fix: 'use the https:// URL of the incoming webhook.',
        });
    }
    const body = JSON.stringify({
        text: text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS - 1)}…` : text,
    });
    const transport = new http_transport/* HttpTransport */.G5({
        userAgent: 'pipeline-actions',
        timeoutMs: options.timeoutMs ?? 10_000,
    });
    try {
        await (0,retry/* retry */.L5)(async () => {
            const response = await transport.request({
                method: 'POST',
                url: target,
                headers: { 'content-type': 'application/json' },
                body,
                maxBodyBytes: webhook_ANSWER_MAX_BYTES,
            });
            if (response.status >= 200 && response.status < 300)
                return;
            const transient = (0,http_transport/* transientStatus */.fO)(response, `the webhook answered ${response.status}`);
            if (transient)
                throw transient;
            // Redirects are not followed: the URL is a secret and goes nowhere else.
            throw new errors/* UserError */.yo(`The webhook at ${target.host} refused the notification (HTTP ${response.status}).`, {
                fix: 'check that the webhook URL is current (chat tools revoke old ones).',
            });
        }, { attempts: options.attempts ?? 3, baseDelayMs: 500, maxDelayMs: 5000 });
    }
    finally {
        transport.close();
    }
}

;// CONCATENATED MODULE: ./actions/drift-check/src/notify.ts






/** What is still different once remediation (if any) is done: that is what the issue shows. */
function remaining(report) {
    return report.targets.reduce((total, target) => total + (target.after?.changes.length ?? target.changes.length), 0);
}
async function notify(report, inputs) {
    if (report.status === 'error') {
        core/* warning */.$e('Not updating the drift issue or the webhook: some targets could not be checked (see above).');
        return { issue: undefined, webhook: false };
    }
    const left = remaining(report);
    const subject = report.app ? `${inputs.environment} (${report.app})` : inputs.environment;
    let issue;
    if (inputs.issue) {
        if (!inputs['github-token']) {
            core/* warning */.$e('issue is true but github-token is empty: no issue is kept. Pass a token, or set issue: false.');
        }
        else {
            const github = new GitHubClient({
                token: inputs['github-token'],
                permission: 'issues: write',
            });
            const tracker = new IssueTracker(github, 'drift-check', inputs.environment, report.app);
            issue =
                left > 0
                    ? await tracker.report({
                        title: `Drift in ${subject}: ${left} difference${left === 1 ? '' : 's'}`,
                        body: (0,summary/* renderMarkdown */.Gc)(report),
                        fingerprint: report.fingerprint,
                        labels: inputs['issue-labels'],
                        changeComment: `The drift changed: ${(0,summary/* headline */.Pl)(report)}.${report.run ? ` Seen by ${report.run}.` : ''} The description shows it as it is now.`,
                    })
                    : await tracker.resolve(`No drift in ${subject} any more${report.run ? ` (checked by ${report.run})` : ''}${report.targets.some((target) => target.remediation) ? ', after remediation' : ''}. Closing.`);
            core/* info */.pq(`issue: ${issue.action}${issue.issue ? ` #${issue.issue.number} ${issue.issue.url}` : ''}`);
            if (issue.duplicates.length > 0) {
                core/* warning */.$e(`Other open drift issues for ${subject} carry the same marker: #${issue.duplicates.join(', #')}; close them by hand.`);
            }
        }
    }
    let webhook = false;
    const url = inputs['webhook-url'];
    // With an issue, only news is sent; without one, every run that finds drift.
    const news = issue ? ['opened', 'updated', 'closed'].includes(issue.action) : left > 0;
    if (url && news) {
        const link = issue?.issue ? ` ${issue.issue.url}` : report.run ? ` ${report.run}` : '';
        const text = left > 0 ? `${(0,summary/* headline */.Pl)(report)}.${link}` : `Drift in ${subject} is gone.${link}`;
        try {
            await postWebhook(url, text);
            webhook = true;
        }
        catch (error) {
            core/* warning */.$e(`The webhook notification failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return { issue, webhook };
}


/***/ }),

/***/ 4519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DriftFound: () => (/* binding */ DriftFound),
/* harmony export */   judge: () => (/* binding */ judge)
/* harmony export */ });
/* harmony import */ var _src_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _src_drift_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8999);
/* harmony import */ var _notify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8025);




/**
 * How the run ends, once the report is written and people are told: a
 * target that could not be checked fails it (never "no drift"), so does a
 * failed remediation, and drift itself in mode: fail; what remediation left
 * is a warning.
 */
/** Drift, in mode: fail. A failure of its own kind, never to be read as an error of the check. */
class DriftFound extends _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    name = 'DriftFound';
}
function judge(report, errors, mode, issueUrl) {
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1) {
        const messages = errors.map((error) => (0,_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isUserError */ .iU)(error) ? error : new _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(String(error.message ?? error)));
        throw new _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserErrors */ .tQ(`${errors.length} of ${report.targets.length} targets could not be checked:`, messages);
    }
    const failed = report.targets.flatMap((target) => target.remediation?.failed ?? []);
    if (failed.length > 0) {
        throw new _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Remediation failed for ${failed.length} object${failed.length === 1 ? '' : 's'}: ${failed.map((item) => item.error).join('; ')}`, {
            fix: [...new Set(failed.map((item) => item.fix).filter((fix) => fix !== undefined))].join(' ') || 'see the job summary.',
        });
    }
    if (mode === 'fail' && report.count > 0) {
        throw new DriftFound(`${(0,_src_drift_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .headline */ .Pl)(report)}.`, {
            fix: `see the job summary${issueUrl ? ` and ${issueUrl}` : ''}; deploy Git again, or run with mode: remediate to restore what was changed in the cluster.`,
        });
    }
    if (mode === 'remediate' && (0,_notify_js__WEBPACK_IMPORTED_MODULE_3__.remaining)(report) > 0) {
        _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${(0,_notify_js__WEBPACK_IMPORTED_MODULE_3__.remaining)(report)} differences are left after remediation (only in Git, or objects nobody deployed); see the job summary.`);
    }
}


/***/ }),

/***/ 8999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   Pl: () => (/* binding */ headline)
/* harmony export */ });
/* unused harmony export code */
/* harmony import */ var _kube_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9509);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7994);
/* harmony import */ var _managed_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6762);



/**
 * The drift report as Markdown, for the job summary and the issue body:
 * a table per target and kind of difference, with the field, the values
 * (secrets only by size), and who changed it and when. Everything from the
 * cluster is shown as code, so a label value can neither mention anyone nor
 * inject HTML. Bounded: the tables shrink until the text fits.
 */
const TITLES = {
    'changed-in-cluster': 'Changed in the cluster since the last deploy',
    'missing-from-cluster': 'Deployed, but missing from the cluster',
    'extra-in-cluster': "In the cluster with the release's labels, but not in Git",
    'not-deployed': 'In Git, not deployed yet',
};
const SHORT = {
    'changed-in-cluster': 'changed in the cluster',
    'missing-from-cluster': 'missing from the cluster',
    'extra-in-cluster': 'extra in the cluster',
    'not-deployed': 'not deployed yet',
};
const ORDER = [
    'changed-in-cluster',
    'missing-from-cluster',
    'extra-in-cluster',
    'not-deployed',
];
function renderMarkdown(report, maxChars = 60_000) {
    for (const rows of [500, 100, 30, 10, 3]) {
        const text = render(report, rows);
        if (text.length <= maxChars)
            return text;
    }
    return `${render(report, 1).slice(0, maxChars - 80)}\n\n… (cut; the whole report is in the job's JSON report)\n`;
}
/** A one-line account for the log and the webhook: `dev: 3 differences in storefront (2 changed in the cluster, 1 not deployed)`. */
function headline(report) {
    if (report.status === 'error')
        return `Drift in ${report.environment} could not be checked`;
    if (report.count === 0)
        return `No drift in ${report.environment}`;
    const totals = new Map();
    for (const target of report.targets) {
        for (const cls of ORDER)
            totals.set(cls, (totals.get(cls) ?? 0) + target.counts[cls]);
    }
    const parts = ORDER.filter((cls) => (totals.get(cls) ?? 0) > 0).map((cls) => `${totals.get(cls)} ${SHORT[cls]}`);
    return `Drift in ${report.environment}: ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(report.count, 'difference')} (${parts.join('; ')})`;
}
function render(report, maxRows) {
    const lines = [`### ${headline(report)}`, ''];
    lines.push((0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)([
        'release',
        'namespace',
        'chart',
        'deployed revision',
        ...ORDER.map((cls) => SHORT[cls]),
        'ignored',
    ], report.targets.map((target) => [
        target.release,
        target.namespace,
        target.chart,
        target.deployedRevision ?? '',
        ...(target.status === 'error'
            ? ORDER.map(() => 'error')
            : ORDER.map((cls) => target.counts[cls])),
        target.ignored.length,
    ])), '');
    for (const target of report.targets)
        lines.push(...renderTarget(target, maxRows));
    const suppressing = report.rules.filter((rule) => rule.suppressed > 0 || !rule.builtIn);
    if (suppressing.length > 0) {
        lines.push('#### Ignore rules', '', (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['rule', 'reason', 'suppressed'], suppressing.map((rule) => [
            `${rule.id}${rule.builtIn ? ' (built in)' : ''}`,
            rule.reason,
            rule.suppressed || 'nothing (stale?)',
        ])), '');
    }
    const requests = report.requests;
    lines.push(`<sub>${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(requests.total, 'API request')} (${requests.discovery} discovery, ${requests.list} list${requests.apply + requests.patch > 0 ? `, ${requests.apply} apply, ${requests.patch} patch` : ''}) in ${(report.durationMs / 1000).toFixed(1)} s${report.run ? ` · [run](${report.run})` : ''} · fingerprint \`${report.fingerprint}\`</sub>`);
    return `${lines.join('\n')}\n`;
}
/** Where the desired state came from, and what the deploy record says was deployed. */
function describeBasis(target) {
    const record = target.record;
    const deployed = record
        ? ` Deployed${record.buildVersion ? ` build ${code(record.buildVersion)}` : ''}${record.commit ? ` from ${code(record.commit.slice(0, 12))}` : ''}${record.run ? ` ([run](${record.run}))` : ''}.`
        : '';
    if (target.basis === 'deployed')
        return `Git has not changed since this deploy (its record's request hash matches): compared with what was deployed.${deployed}`;
    if (target.basis === 'rendered')
        return `**Git has changes not deployed yet** (the request hash differs from the record's): rendered from Git now, with the deployed image.${deployed}`;
    if (target.basis === 'no-record')
        return '_No deploy record_ (deployed before helm-deploy wrote records, or by another tool): rendered from the drift config.';
    return undefined;
}
function renderTarget(target, maxRows) {
    const lines = [`#### ${code(target.release)} in ${code(target.namespace)}`, ''];
    if (target.status === 'error') {
        lines.push(`**Not checked:** ${escapeText(target.error ?? 'unknown error')}`, '');
        return lines;
    }
    const basis = describeBasis(target);
    if (basis)
        lines.push(basis, '');
    if (target.changes.length === 0)
        lines.push(`No differences from revision ${target.deployedRevision ?? '?'}.`, '');
    for (const cls of ORDER) {
        const changes = target.changes.filter((change) => change.class === cls);
        if (changes.length === 0)
            continue;
        lines.push(`**${TITLES[cls]}** (${changes.length})`, '', table(cls, changes, maxRows), '');
    }
    if (target.ignored.length > 0) {
        const rows = target.ignored
            .slice(0, maxRows)
            .map((item) => [
            item.rule,
            (0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .describeObject */ .v8)(item.object),
            code(item.path || '(object)'),
            item.reason,
        ]);
        lines.push(`<details><summary>Ignored (${target.ignored.length})</summary>`, '', (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['rule', 'object', 'field', 'why'], rows), more(target.ignored.length, maxRows), '</details>', '');
    }
    const remediation = target.remediation;
    if (remediation) {
        lines.push(`**Remediation** — ${remediation.method}`, '');
        for (const restored of remediation.restored) {
            lines.push(`- restored ${(0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .describeObject */ .v8)(restored.object)}: ${restored.fields.map(code).join(', ')}`);
        }
        for (const failed of remediation.failed)
            lines.push(`- **failed**: ${escapeText(failed.error)}${failed.fix ? ` How to fix: ${escapeText(failed.fix)}` : ''}`);
        for (const skipped of remediation.skipped.slice(0, maxRows)) {
            lines.push(`- left alone: ${(0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .describeObject */ .v8)(skipped.object)} ${code(skipped.path || '(object)')} — ${skipped.why}`);
        }
        const after = target.after;
        lines.push('', after && after.changes.length === 0
            ? 'After remediation: no differences.'
            : `After remediation: ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(after?.changes.length ?? 0, 'difference')} left.`, '');
    }
    return lines;
}
function table(cls, changes, maxRows) {
    const shown = changes.slice(0, maxRows);
    const object = (change) => (0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .describeObject */ .v8)(change.object);
    let text;
    switch (cls) {
        case 'changed-in-cluster':
            text = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['object', 'field', 'deployed', 'live', 'changed by'], shown.map((change) => [
                object(change),
                code(change.path),
                value(change, 'before'),
                value(change, 'after'),
                who(change),
            ]));
            break;
        case 'not-deployed':
            text = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['object', 'field', 'deployed', 'in Git'], shown.map((change) => [
                object(change),
                change.path ? code(change.path) : objectChange(change),
                value(change, 'before'),
                value(change, 'after'),
            ]));
            break;
        case 'missing-from-cluster':
            text = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['object', 'note'], shown.map((change) => [
                object(change),
                change.note ?? 'deleted (deletions leave no field manager; see the audit log for who)',
            ]));
            break;
        case 'extra-in-cluster':
            text = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['object', 'created by'], shown.map((change) => [object(change), who(change)]));
            break;
    }
    return `${text}${more(changes.length, maxRows)}`;
}
function objectChange(change) {
    return change.change === 'added'
        ? '(new object)'
        : change.change === 'removed'
            ? '(deleted by the next deploy)'
            : '(object)';
}
function value(change, side) {
    if (change.redacted) {
        const size = change.redacted[side];
        return size === undefined ? '(not set)' : `(secret, ${(0,_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(size, 'byte')})`;
    }
    const text = change[side];
    return text === undefined ? '(not set)' : code(text);
}
function who(change) {
    const text = (0,_managed_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAttribution */ .fp)(change.manager);
    return change.note ? `${text} — ${change.note}` : text;
}
function more(total, shown) {
    return total > shown ? `\n\n… and ${total - shown} more (see the JSON report)` : '';
}
/** Inline code that survives any content: a fence longer than any run of backticks inside. */
function code(text) {
    if (text === '')
        return '';
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
function escapeText(text) {
    return text.replace(/[<>@]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '@': '@\u200b' })[char] ?? char);
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony export cell */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);

/**
 * Writes to the job summary when the runner provides one; outside a runner
 * (a local run, the demo without GITHUB_STEP_SUMMARY) it prints nothing and
 * does not fail.
 */
async function writeSummary(build) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return false;
    _core_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer();
    build(_core_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z);
    await _core_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.write();
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


/***/ })

};
