export const id = 647;
export const ids = [647];
export const modules = {

/***/ 5647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/render/annotate.ts
var annotate = __webpack_require__(8162);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/deploy/line-diff.ts
/**
 * A change inside a multi-line string (a config file held in a ConfigMap, a
 * script in a Job) as the lines that differ, unified-diff style, instead of
 * two truncated one-line strings that look the same. Longest-common-
 * subsequence over lines, bounded: past MAX_LINES lines on either side the
 * caller keeps the one-line form.
 */
const MAX_LINES = 2000;
/** Unchanged lines shown around each change. */
const CONTEXT = 1;
/** Changed and context lines shown at most, then "… N more lines". */
const MAX_SHOWN = 60;
/** Whether a change from `before` to `after` reads better as lines. */
function isMultiLineChange(before, after) {
    return (typeof before === 'string' &&
        typeof after === 'string' &&
        (before.includes('\n') || after.includes('\n')) &&
        before.split('\n').length <= MAX_LINES &&
        after.split('\n').length <= MAX_LINES);
}
function operations(a, b) {
    // lengths[i][j]: longest common subsequence of a[i..] and b[j..]
    const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lengths[i][j] =
                a[i] === b[j]
                    ? lengths[i + 1][j + 1] + 1
                    : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
        }
    }
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            ops.push({ kind: ' ', line: a[i++] });
            j++;
        }
        else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
            // what goes before what comes, as unified diffs read
            ops.push({ kind: '-', line: a[i++] });
        }
        else {
            ops.push({ kind: '+', line: b[j++] });
        }
    }
    return ops;
}
/** The differing lines with a little context, each prefixed `-`, `+` or a space, and indented. */
function lineDiff(before, after, indent = '    ') {
    const ops = operations(before.split('\n'), after.split('\n'));
    const near = ops.map((_, index) => ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((op) => op.kind !== ' '));
    const lines = [];
    let skipped = false;
    for (const [index, op] of ops.entries()) {
        if (!near[index]) {
            skipped = true;
            continue;
        }
        if (skipped && lines.length > 0)
            lines.push(`${indent}  …`);
        skipped = false;
        lines.push(`${op.kind}${indent}${op.line}`);
    }
    if (lines.length > MAX_SHOWN) {
        const rest = lines.length - MAX_SHOWN;
        return [...lines.slice(0, MAX_SHOWN), `${indent}  … ${rest} more line${rest === 1 ? '' : 's'}`];
    }
    return lines;
}

// EXTERNAL MODULE: ./src/kube/objects.ts
var kube_objects = __webpack_require__(9509);
;// CONCATENATED MODULE: ./src/deploy/diff.ts




/** Annotations that are not the chart's: Helm's, kubectl's and the controllers'. */
const MANAGED_ANNOTATIONS = [
    /^meta\.helm\.sh\//,
    /^postrenderer\.helm\.sh\//,
    /^kubectl\.kubernetes\.io\/last-applied-configuration$/,
    /^deployment\.kubernetes\.io\/revision$/,
    /^(?:pv|volume|volume\.beta)\.kubernetes\.io\//,
];
/** What the API server keeps about an object; no deploy sets it. */
const SERVER_METADATA = [
    'managedFields',
    'creationTimestamp',
    'resourceVersion',
    'uid',
    'generation',
    'selfLink',
    'ownerReferences',
    'finalizers',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
];
/** Strategic-merge keys of the lists a pod spec (and others) hold. */
/**
 * Strategic-merge keys lists are matched by, in order of preference; used only
 * when every item has one and the values are unique (shared with drift-check).
 */
const MERGE_KEYS = ['name', 'containerPort', 'port', 'mountPath', 'devicePath', 'ip'];
const QUANTITY_KEYS = new Set(['cpu', 'memory', 'storage', 'ephemeral-storage']);
function diffRelease(input) {
    const { namespace } = input;
    const currentByKey = new Map(input.current.map((object) => [(0,kube_objects/* objectKey */.T5)((0,kube_objects/* objectRef */.DA)(object), namespace), object]));
    const objects = [];
    const desiredKeys = new Set();
    for (const desired of input.desired) {
        const ref = (0,kube_objects/* objectRef */.DA)(desired);
        const key = (0,kube_objects/* objectKey */.T5)(ref, namespace);
        desiredKeys.add(key);
        const current = currentByKey.get(key);
        if (!current) {
            objects.push({ ref, action: 'create', changes: [] });
            continue;
        }
        const changes = diffObject(desired, current, input.mode, input.secrets);
        objects.push({ ref, action: changes.length > 0 ? 'update' : 'unchanged', changes });
    }
    const gone = input.mode === 'exact' ? input.current : (input.previous ?? []);
    for (const object of gone) {
        const ref = (0,kube_objects/* objectRef */.DA)(object);
        if (!desiredKeys.has((0,kube_objects/* objectKey */.T5)(ref, namespace)))
            objects.push({ ref, action: 'delete', changes: [] });
    }
    return { objects, changed: objects.some((object) => object.action !== 'unchanged') };
}
/**
 * The diff of a deploy (the new revision against the previous one) with what
 * it restored: the live objects read just before it, compared with what it
 * applied, less what Git changed. A redeploy of the same Git that undid a
 * change made in the cluster is then a change, and says which.
 */
function withRestored(diff, input) {
    const { namespace } = input;
    const before = new Set(input.previous.map((object) => (0,kube_objects/* objectKey */.T5)((0,kube_objects/* objectRef */.DA)(object), namespace)));
    const byGit = new Map(diff.objects.map((object) => [(0,kube_objects/* objectKey */.T5)(object.ref, namespace), object.changes]));
    const live = diffRelease({
        desired: input.applied.filter((object) => before.has((0,kube_objects/* objectKey */.T5)((0,kube_objects/* objectRef */.DA)(object), namespace))),
        current: input.live,
        namespace,
        mode: 'live',
        ...(input.secrets ? { secrets: input.secrets } : {}),
    });
    const restored = [];
    for (const object of live.objects) {
        if (object.action === 'create') {
            restored.push(object);
            continue;
        }
        const gitPaths = (byGit.get((0,kube_objects/* objectKey */.T5)(object.ref, namespace)) ?? []).map((change) => change.path);
        const changes = object.changes.filter((change) => !gitPaths.some((path) => within(change.path, path) || within(path, change.path)));
        if (changes.length > 0)
            restored.push({ ref: object.ref, action: 'update', changes });
    }
    return { ...diff, restored, changed: diff.changed || restored.length > 0 };
}
/** Whether a formatted path is `prefix` or below it. */
function within(path, prefix) {
    return (prefix === '' ||
        path === prefix ||
        path.startsWith(`${prefix}.`) ||
        path.startsWith(`${prefix}[`));
}
/** The field changes from `current` to `desired` for one object. */
function diffObject(desired, current, mode, secrets) {
    const changes = [];
    compare(normalizeObject(desired), normalizeObject(current), [], changes, mode);
    // A Secret's data, a field named like a secret, or a value that holds a
    // known secret (src/report/redact.ts): shown only as changed.
    return changes.map(({ path, ...change }) => (0,redact/* isSecretChange */.X7)(desired.kind ?? '', path, [change.before, change.after], secrets)
        ? { path: formatPath(path), kind: change.kind, redacted: true }
        : { path: formatPath(path), ...change });
}
/** Whether an annotation is written by Helm, kubectl, a controller or our traceability (not the chart). */
function isManagedAnnotation(key) {
    return (0,annotate/* isTraceAnnotation */.Bt)(key) || MANAGED_ANNOTATIONS.some((pattern) => pattern.test(key));
}
/**
 * A copy of an object with only what a deploy sets: no status, none of the
 * metadata the API server keeps, none of the managed annotations; a Secret's
 * stringData written as the data the server stores. drift-check compares
 * with the same rules.
 */
function normalizeObject(object) {
    const copy = structuredClone(object);
    delete copy.status;
    const metadata = copy.metadata;
    if (isObject(metadata)) {
        for (const key of SERVER_METADATA)
            delete metadata[key];
        const annotations = metadata.annotations;
        if (isObject(annotations)) {
            for (const key of Object.keys(annotations))
                if (isManagedAnnotation(key))
                    delete annotations[key];
        }
    }
    if (copy.kind === 'Secret' && isObject(copy.stringData)) {
        const data = isObject(copy.data) ? copy.data : {};
        for (const [key, value] of Object.entries(copy.stringData)) {
            data[key] = Buffer.from(String(value ?? ''), 'utf8').toString('base64');
        }
        copy.data = data;
        delete copy.stringData;
    }
    return copy;
}
function compare(desired, current, path, changes, mode) {
    if (isAbsent(desired)) {
        if (mode === 'exact' && !isAbsent(current))
            changes.push({ path: path, kind: 'removed', before: current });
        return;
    }
    if (isAbsent(current)) {
        changes.push({ path: path, kind: 'added', after: desired });
        return;
    }
    if (isObject(desired) && isObject(current)) {
        for (const [key, value] of Object.entries(desired))
            compare(value, current[key], [...path, key], changes, mode);
        if (mode === 'exact') {
            for (const [key, value] of Object.entries(current)) {
                if (!(key in desired) && !isAbsent(value)) {
                    changes.push({ path: [...path, key], kind: 'removed', before: value });
                }
            }
        }
        return;
    }
    if (Array.isArray(desired) && Array.isArray(current)) {
        compareLists(desired, current, path, changes, mode);
        return;
    }
    if (!sameScalar(desired, current, path)) {
        changes.push({ path: path, kind: 'changed', before: current, after: desired });
    }
}
function compareLists(desired, current, path, changes, mode) {
    const key = desired.length > 0 ? mergeKey([desired]) : current.length > 0 ? mergeKey([current]) : undefined;
    if (key) {
        const currentByKey = new Map(current.filter(isObject).map((item) => [String(item[key]), item]));
        const desiredKeys = new Set();
        for (const item of desired) {
            const id = String(item[key]);
            desiredKeys.add(id);
            compare(item, currentByKey.get(id), [...path, { key, value: id }], changes, mode);
        }
        for (const [id, item] of currentByKey) {
            if (!desiredKeys.has(id))
                changes.push({
                    path: [...path, { key, value: id }],
                    kind: 'removed',
                    before: item,
                });
        }
        return;
    }
    const length = Math.max(desired.length, current.length);
    for (let index = 0; index < length; index++) {
        if (index >= desired.length) {
            changes.push({ path: [...path, index], kind: 'removed', before: current[index] });
        }
        else {
            compare(desired[index], current[index], [...path, index], changes, mode);
        }
    }
}
/** The first merge key every item of every list has, unique within each list. */
function mergeKey(lists) {
    if (lists.length === 0 || !lists.every((items) => items.every(isObject)))
        return undefined;
    return MERGE_KEYS.find((key) => lists.every((items) => {
        const values = items.map((item) => item[key]);
        return (values.every((value) => value !== undefined && value !== null) &&
            new Set(values.map(String)).size === values.length);
    }));
}
function sameScalar(desired, current, path) {
    if (desired === current)
        return true;
    const last = path[path.length - 1];
    const inResources = path.some((part) => part === 'resources' || part === 'capacity' || part === 'hard');
    if (typeof last === 'string' && (QUANTITY_KEYS.has(last) || inResources)) {
        const a = parseQuantity(desired);
        const b = parseQuantity(current);
        if (a !== undefined && b !== undefined)
            return Math.abs(a - b) <= Math.abs(a) * 1e-9;
    }
    if ((typeof desired === 'number' || typeof desired === 'string' || typeof desired === 'boolean') &&
        (typeof current === 'number' || typeof current === 'string' || typeof current === 'boolean')) {
        return String(desired) === String(current);
    }
    return JSON.stringify(desired) === JSON.stringify(current);
}
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const SUFFIX = {
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};
/** A Kubernetes quantity (`500m`, `1Gi`, `0.5`, 2) as a number. */
function parseQuantity(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value !== 'string')
        return undefined;
    const match = QUANTITY.exec(value.trim());
    if (!match)
        return undefined;
    return Number(match[1]) * (match[2] ? (SUFFIX[match[2]] ?? 1) : 1);
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isAbsent(value) {
    return (value === undefined ||
        value === null ||
        (Array.isArray(value) && value.length === 0) ||
        (isObject(value) && Object.keys(value).length === 0));
}
function formatPath(path) {
    let text = '';
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else if (typeof part === 'object')
            text += `[${part.key}=${part.value}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(part))
            text += text === '' ? part : `.${part}`;
        else
            text += `[${JSON.stringify(part)}]`;
    }
    return text;
}
const MAX_VALUE_CHARS = 300;
function show(value) {
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
/**
 * The diff as text in unified-diff style (GitHub colours it in a ```diff
 * block): a header per object, `-` for what goes, `+` for what comes.
 */
function formatDiff(diff) {
    const lines = [];
    const objects = [
        ...diff.objects.map((object) => ({ object, restored: false })),
        ...(diff.restored ?? []).map((object) => ({ object, restored: true })),
    ];
    for (const { object, restored } of objects) {
        if (object.action === 'unchanged')
            continue;
        const what = (0,kube_objects/* describeObject */.v8)(object.ref);
        if (object.action === 'create') {
            lines.push(`+ ${what} (${restored ? 'restored: it was deleted from the cluster since the last deploy' : 'new'})`);
            continue;
        }
        if (object.action === 'delete') {
            lines.push(`- ${what} (removed)`);
            continue;
        }
        lines.push(restored
            ? `@@ ${what} (restored: changed in the cluster since the last deploy) @@`
            : `@@ ${what} @@`);
        for (const change of object.changes) {
            if (change.redacted) {
                lines.push(`! ${change.path}: (secret value ${change.kind}, not shown)`);
                continue;
            }
            if (change.kind === 'changed' && isMultiLineChange(change.before, change.after)) {
                lines.push(`~ ${change.path}: (text changed, line by line)`);
                lines.push(...lineDiff(String(change.before), String(change.after)));
                continue;
            }
            if (change.kind !== 'added')
                lines.push(`- ${change.path}: ${show(change.before)}`);
            if (change.kind !== 'removed')
                lines.push(`+ ${change.path}: ${show(change.after)}`);
        }
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/deploy/cluster.ts

/**
 * The API server answers (`/version`, through the in-process client, which
 * retries a transient failure with backoff), or a UserError that names it
 * and says what to check.
 */
async function probeCluster(client) {
    const url = client.connection.server;
    try {
        return { version: await client.version(), url };
    }
    catch (error) {
        const network = networkFailure(error);
        if (network === undefined)
            throw error;
        throw new src_errors/* UserError */.yo(`The Kubernetes API server ${url} cannot be reached: ${network}.`, {
            fix: `check the kubeconfig's server address (${url}) and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).`,
            cause: error,
        });
    }
}
const REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by peer',
    ETIMEDOUT: 'timed out',
    ENOTFOUND: 'no such host',
    EHOSTUNREACH: 'no route to host',
    ENETUNREACH: 'network is unreachable',
    EAI_AGAIN: 'no such host (DNS lookup failed for now)',
};
/** What went wrong on the network, when the client could not reach the server; else undefined (its own message stands). */
function networkFailure(error) {
    if (!(error instanceof src_errors/* UserError */.yo))
        return undefined;
    const cause = error.cause;
    const reason = typeof cause?.code === 'string' ? REASONS[cause.code] : undefined;
    return reason && `${reason} (${String(cause?.message)})`;
}

// EXTERNAL MODULE: ./src/deploy/explain.ts
var explain = __webpack_require__(5280);
// EXTERNAL MODULE: ./src/deploy/failure.ts
var failure = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/yaml.ts
var yaml = __webpack_require__(4536);
;// CONCATENATED MODULE: ./src/deploy/kubeconfig.ts






function prepareKubeconfig(value, workspace, privateDir, input = 'kubeconfig') {
    if (value === undefined || value.trim() === '')
        return { file: undefined, written: false };
    if (looksLikeContent(value)) {
        maskKubeconfig(value);
        const config = (0,yaml/* parseYaml */.hN)(value, `input "${input}"`);
        if (config === null || typeof config !== 'object' || !('clusters' in config)) {
            throw new src_errors/* UserError */.yo(`Input "${input}" is not a kubeconfig: it has no clusters.`, {
                fix: 'pass the whole kubeconfig file (apiVersion: v1, kind: Config, clusters, users, contexts), e.g. from a secret.',
            });
        }
        const file = (0,external_node_path_.join)(privateDir, 'kubeconfig');
        (0,external_node_fs_.writeFileSync)(file, value.endsWith('\n') ? value : `${value}\n`, { mode: 0o600 });
        return { file, written: true };
    }
    const file = (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(workspace, value);
    if (!(0,external_node_fs_.existsSync)(file) || !(0,external_node_fs_.statSync)(file).isFile()) {
        throw new src_errors/* UserError */.yo(`Input "${input}" names ${value}, which is not a file on the runner.`, {
            fix: 'pass the kubeconfig itself (from a secret), or the path of a kubeconfig file an earlier step wrote.',
        });
    }
    // A file an earlier step wrote holds credentials too: masked before a tool can print one.
    (0,redact/* maskKubeconfigCredentials */.cR)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    return { file, written: false };
}
function looksLikeContent(value) {
    return (value.includes('\n') ||
        /^\s*(?:apiVersion|kind|clusters)\s*:/.test(value) ||
        value.trim().startsWith('{'));
}
/** Masks the whole content and each credential in it (src/report/redact.ts). */
function maskKubeconfig(value) {
    core/* setSecret */.Pq(value);
    (0,redact/* maskKubeconfigCredentials */.cR)(value);
}

// EXTERNAL MODULE: ./src/deploy/release.ts + 1 modules
var deploy_release = __webpack_require__(9936);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
        span: locate(problem, document),
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
    return sourceLocation(document, file, locate({ path, at, message: '', fix: '' }, document));
}
function locate(problem, document) {
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
        const problem = schema_explain(error, manifest, sourceText);
        return problem ? [problem] : [];
    });
}
function schema_explain(error, manifest, sourceText) {
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
        throw tooLarge(file, bytes);
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
            ? ` (${omitted} more syntax ${plural(omitted, 'error')} not shown; fix these first)`
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
    const count = `${total} ${plural(total, 'problem')}`;
    const heading = summary ??
        (errors.length < total
            ? `The manifest is not valid (${count}; the first ${errors.length} are listed):`
            : `The manifest is not valid (${count}):`);
    return new src_errors/* UserErrors */.tQ(heading, errors);
}
function plural(count, noun) {
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
            throw tooLarge(displayPath, stats.size);
        const buffer = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
        let length = 0;
        while (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        if (length > MAX_MANIFEST_BYTES)
            throw tooLarge(displayPath, length);
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
function tooLarge(file, bytes) {
    return new src_errors/* UserError */.yo(`${file} is ${bytes} bytes; a manifest may be at most ${MAX_MANIFEST_BYTES} bytes (1 MiB).`, {
        fix: `check that the "${MANIFEST_INPUT}" input points at default.json and not at another file.`,
        location: { file },
    });
}

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

;// CONCATENATED MODULE: ./src/manifest/index.ts
/** default.json: the application manifest, loaded, validated and normalized. */





// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
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
        return (0,oci_reference/* parseReference */.F2)(reference).registry;
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


// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/helm/archive.ts


const DEFAULT_LIMITS = {
    maxUnpackedBytes: 100 * 1024 * 1024,
    maxFiles: 10_000,
};
const BLOCK = 512;
function archive_readChartArchive(tgz, source, limits = {}) {
    const bounds = { ...DEFAULT_LIMITS, ...limits };
    let tar;
    try {
        tar = gunzipSync(tgz, { maxOutputLength: bounds.maxUnpackedBytes });
    }
    catch (error) {
        const tooLarge = error.code === 'ERR_BUFFER_TOO_LARGE';
        throw notAChart(source, tooLarge
            ? `it unpacks to more than ${bounds.maxUnpackedBytes} bytes`
            : 'it is not a gzip file (or it is truncated)', error);
    }
    const entries = readTar(tar, source, bounds.maxFiles);
    const tops = new Set(entries.map((entry) => entry.path.split('/')[0] ?? ''));
    if (entries.length === 0 || tops.size !== 1 || tops.has('')) {
        throw notAChart(source, 'it does not hold exactly one top-level chart directory');
    }
    const [name = ''] = tops;
    const files = new Map();
    for (const entry of entries) {
        const inside = entry.path.slice(name.length + 1);
        if (inside !== '')
            files.set(inside, entry.data);
    }
    if (!files.has('Chart.yaml'))
        throw notAChart(source, `${name}/Chart.yaml is missing`);
    return { name, files };
}
function readTar(tar, source, maxFiles) {
    const entries = [];
    let offset = 0;
    let longName;
    let paxPath;
    while (offset + BLOCK <= tar.length) {
        const header = tar.subarray(offset, offset + BLOCK);
        if (header.every((byte) => byte === 0))
            break; // end of archive
        if (!checksumMatches(header))
            throw notAChart(source, `a tar header at byte ${offset} is corrupt`);
        const size = readSize(header.subarray(124, 136));
        const type = String.fromCharCode(header[156] ?? 0);
        const dataStart = offset + BLOCK;
        const dataEnd = dataStart + size;
        if (dataEnd > tar.length)
            throw notAChart(source, 'it is truncated');
        const data = tar.subarray(dataStart, dataEnd);
        offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'L') {
            longName = cString(data);
            continue;
        }
        if (type === 'x') {
            paxPath = paxRecords(data).get('path') ?? paxPath;
            continue;
        }
        if (type === 'g' || type === 'K')
            continue;
        const path = normalizePath(paxPath ?? longName ?? ustarName(header));
        longName = undefined;
        paxPath = undefined;
        if (type !== '0' && type !== '\0' && type !== '7')
            continue; // directories, links, devices
        if (entries.length >= maxFiles)
            throw notAChart(source, `it holds more than ${maxFiles} files`);
        entries.push({ path, data: Buffer.from(data) });
    }
    return entries;
}
function ustarName(header) {
    const name = cString(header.subarray(0, 100));
    const magic = header.subarray(257, 262).toString('latin1');
    const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
    return prefix ? `${prefix}/${name}` : name;
}
function normalizePath(path) {
    return path
        .split('/')
        .filter((part) => part !== '' && part !== '.')
        .join('/');
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}
/** Octal digits, or base-256 (high bit set) for sizes above 8 GiB. */
function readSize(field) {
    if (((field[0] ?? 0) & 0x80) !== 0) {
        let value = 0;
        for (let i = 1; i < field.length; i++)
            value = value * 256 + (field[i] ?? 0);
        return value;
    }
    const text = cString(field).trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function checksumMatches(header) {
    const stored = parseInt(cString(header.subarray(148, 156)).trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    return stored === sum;
}
/** PAX records: `<length> <key>=<value>\n`, repeated. */
function paxRecords(data) {
    const records = new Map();
    let offset = 0;
    while (offset < data.length) {
        const space = data.indexOf(0x20, offset);
        if (space === -1)
            break;
        const length = Number(data.subarray(offset, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0)
            break;
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals > 0)
            records.set(record.slice(0, equals), record.slice(equals + 1));
        offset += length;
    }
    return records;
}
function notAChart(source, why, cause) {
    return new UserError(`${source} is not a readable chart archive: ${why}.`, {
        fix: 'check that it is a chart packaged by `helm package` (a .tgz), and that it downloaded completely.',
        cause,
    });
}

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

// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/oci/failures.ts
var failures = __webpack_require__(7050);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var http_transport = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/helm/oci.ts





/**
 * Helm charts in an OCI registry: a manifest whose layer of media type
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip` is the packaged
 * chart (and, when signed, a `…provenance.v1.prov` layer).
 */
const HELM_CHART_CONTENT = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const HELM_CHART_PROVENANCE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
const CHART_MAX_BYTES = (/* unused pure expression or super */ null && (20 * 1024 * 1024));
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
    const host = (0,oci_reference/* registryApiHost */.Mb)(registry);
    if (!(0,proxy/* isLoopbackHost */.cW)(new URL(`http://${host}`).hostname))
        return false;
    const transport = new http_transport/* HttpTransport */.G5({ userAgent: 'pipeline-actions', timeoutMs });
    try {
        // A dropped connection says nothing about the scheme: ask again.
        await (0,retry/* retry */.L5)(() => transport.request({
            method: 'GET',
            url: new URL(`https://${host}/v2/`),
            maxBodyBytes: 64 * 1024,
        }), { attempts: 4, baseDelayMs: 200 });
        return false;
    }
    catch (error) {
        // A certificate we do not trust still means TLS; only a plain answer means HTTP.
        return (0,failures/* isPlainHttpAnswer */.xQ)(error);
    }
    finally {
        transport.close();
    }
}

// EXTERNAL MODULE: ./src/oci/client.ts + 6 modules
var oci_client = __webpack_require__(6801);
;// CONCATENATED MODULE: ./src/render/chart.ts









async function resolveChart(helm, request) {
    const chartInput = request.inputs?.chart ?? 'chart';
    const versionInput = request.inputs?.version ?? 'chart-version';
    const text = request.chart.trim();
    if (text.startsWith('oci://'))
        return resolveOci(helm, text, request, versionInput);
    const local = (0,external_node_path_.isAbsolute)(text) ? text : (0,external_node_path_.resolve)(request.workspace, text);
    if ((0,external_node_fs_.existsSync)(local)) {
        const chart = readChartDirectory(local);
        if (request.version && request.version !== chart.version) {
            throw new src_errors/* UserError */.yo(`Input "${versionInput}" asks for version ${request.version}, but the chart in ${text} is version ${chart.version}.`, {
                fix: `leave "${versionInput}" empty for a chart directory, or set it to ${chart.version}.`,
                location: { file: chart.chartFile, ...chart_lineAt(chart.lineOf('version')) },
            });
        }
        if (chart.dependencies.length > 0)
            await helm.dependencyBuild(local);
        return { kind: 'local', source: { ref: local }, display: text, version: chart.version };
    }
    if (/^[a-z0-9]([\w.-]*)\/[a-z0-9]([\w.-]*)$/i.test(text) && request.repositoryUrl) {
        if (!request.version)
            throw missingVersion(text, versionInput);
        const [repo] = text.split('/');
        await helm.repoAdd(repo, request.repositoryUrl, request.credentials, {
            caFile: request.caFile,
        });
        return {
            kind: 'repository',
            source: { ref: text, version: request.version, caFile: request.caFile },
            display: `${text} (${request.repositoryUrl})`,
            version: request.version,
        };
    }
    throw new src_errors/* UserError */.yo(`Input "${chartInput}" is "${text}", which is no directory in the repository${/^[\w.-]+\/[\w.-]+$/.test(text) ? ` and, without "${request.inputs?.repositoryUrl ?? 'repository-url'}", no repo/name chart either` : ''}.`, {
        fix: 'give a chart directory relative to the repository root, an oci:// reference (the `ref` output of helm-push), or repo/name with repository-url.',
    });
}
async function resolveOci(helm, text, request, versionInput) {
    const reference = (0,oci_reference/* parseReference */.F2)(text);
    const bare = `oci://${reference.registry}/${reference.repository}`;
    if (reference.tag && request.version && (0,oci_reference/* chartVersionTag */.Jb)(request.version) !== reference.tag) {
        throw new src_errors/* UserError */.yo(`The chart reference ${text} names version ${reference.tag}, but input "${versionInput}" is ${request.version}.`, { fix: 'give the version in one place only.' });
    }
    const version = request.version ?? (reference.tag ? reference.tag : undefined);
    if (!version && !reference.digest)
        throw missingVersion(text, versionInput);
    const plainHttp = await speaksPlainHttp(reference.registry);
    const client = new oci_client/* RegistryClient */.bP(reference.registry, {
        ...(request.credentials ? { credentials: request.credentials } : {}),
        ...(request.caFile ? { caFile: request.caFile } : {}),
        userAgent: 'pipeline-actions/helm-deploy',
    });
    try {
        const wanted = reference.digest ?? (0,oci_reference/* chartVersionTag */.Jb)(version);
        const found = await client.headManifest(reference.repository, wanted);
        if (!found) {
            const tags = await client.listTags(reference.repository).catch(() => []);
            const versions = tags
                .filter((tag) => semver_default().valid(tag.replaceAll('_', '+')))
                .sort((a, b) => semver_default().rcompare(a.replaceAll('_', '+'), b.replaceAll('_', '+')))
                .slice(0, 5);
            throw new src_errors/* UserError */.yo(`Chart ${bare} has no version ${reference.digest ?? version}${versions.length > 0 ? ` (the newest there: ${versions.join(', ')})` : ' (the repository has no versions at all)'}.`, {
                fix: `set "${versionInput}" to a published version (the \`version\` output of helm-push).`,
            });
        }
        core/* info */.pq(`chart ${bare}:${version ?? ''}${reference.digest ? `@${reference.digest}` : ''} is ${found.digest}`);
    }
    finally {
        client.close();
    }
    if (request.credentials) {
        await helm.registryLogin(reference.registry, request.credentials, {
            plainHttp,
            caFile: request.caFile,
        });
    }
    const ref = reference.digest ? `${bare}@${reference.digest}` : bare;
    return {
        kind: 'oci',
        source: {
            ref,
            ...(reference.digest ? {} : { version: version.replaceAll('_', '+') }),
            plainHttp,
            caFile: request.caFile,
        },
        display: `${bare}${version ? `:${version}` : ''}${reference.digest ? `@${reference.digest}` : ''}`,
        version,
    };
}
function missingVersion(chart, versionInput) {
    return new src_errors/* UserError */.yo(`Chart ${chart} has no version: input "${versionInput}" is empty and the reference names none.`, {
        fix: `set "${versionInput}" to the chart version to deploy (the \`version\` output of helm-push); a deploy is pinned, never "the newest".`,
    });
}
function chart_lineAt(line) {
    return line === undefined ? {} : { line };
}

// EXTERNAL MODULE: ./src/render/images.ts + 1 modules
var render_images = __webpack_require__(668);
// EXTERNAL MODULE: ./src/render/kustomize.ts
var kustomize = __webpack_require__(3371);
// EXTERNAL MODULE: ./src/render/post-render.ts + 1 modules
var post_render = __webpack_require__(5814);
// EXTERNAL MODULE: ./src/kube/manifests.ts
var manifests = __webpack_require__(4483);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
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
            throw new src_errors/* UserError */.yo(`%%${name}%% has no value.`, {
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

;// CONCATENATED MODULE: ./src/render/values.ts





const SET_INPUT = 'input "set"';
function renderValues(request) {
    const problems = [];
    const files = [];
    const placeholders = new Set();
    for (const [index, given] of request.files.entries()) {
        const path = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(request.workspace, given);
        const shown = displayPath(path, request.workspace);
        if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) {
            problems.push(new src_errors/* UserError */.yo(`Values file ${shown} does not exist.`, {
                fix: 'list values files relative to the repository root, one per line (check the checkout step too).',
            }));
            continue;
        }
        const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        if (!text.includes('%%')) {
            files.push(path);
            continue;
        }
        try {
            // Read as helm reads values (YAML 1.1), since the result goes to helm as JSON.
            const rendered = renderYamlTemplate(text, shown, request.context, {
                schema: yaml/* KUBERNETES_YAML_SCHEMA */.$z,
            });
            for (const use of rendered.uses)
                placeholders.add(use.name);
            const out = (0,external_node_path_.join)(request.scratch, `values-${index + 1}.json`);
            (0,external_node_fs_.writeFileSync)(out, JSON.stringify(rendered.value ?? {}), { mode: 0o600 });
            files.push(out);
        }
        catch (error) {
            if (error instanceof src_errors/* UserErrors */.tQ)
                problems.push(...error.errors);
            else if (error instanceof src_errors/* UserError */.yo)
                problems.push(error);
            else
                throw error;
        }
    }
    const set = expandSet(request.set, request.context, problems, placeholders);
    if (problems.length > 0) {
        const unresolved = problems.filter((problem) => /^%%\w+%% has no value\.$/.test(problem.message)).length;
        const summary = unresolved === problems.length
            ? `${unresolved === 1 ? 'A placeholder has' : `${unresolved} placeholders have`} no value:`
            : `The values cannot be rendered (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
        throw problems.length === 1 && unresolved === 0
            ? problems[0]
            : new src_errors/* UserErrors */.tQ(summary, problems);
    }
    if (Object.keys(set).length > 0) {
        const out = (0,external_node_path_.join)(request.scratch, 'values-set.json');
        (0,external_node_fs_.writeFileSync)(out, JSON.stringify(set), { mode: 0o600 });
        files.push(out);
    }
    return { files, placeholders: [...placeholders].sort() };
}
/**
 * The `set` map as nested values: `image.tag: x` becomes `{image: {tag: x}}`,
 * `a\.b: x` keeps the dot. Strings anywhere in it may hold placeholders.
 */
function expandSet(set, context, problems = [], placeholders = new Set()) {
    const result = {};
    for (const [key, value] of Object.entries(set)) {
        const path = splitKey(key);
        if (path.some((part) => part === '')) {
            problems.push(new src_errors/* UserError */.yo(`${SET_INPUT}: "${key}" is not a values path.`, {
                fix: 'write dotted keys such as image.tag or ingress.annotations.kubernetes\\.io/ingress\\.class.',
            }));
            continue;
        }
        let target = result;
        for (const part of path.slice(0, -1)) {
            const existing = target[part];
            if (existing === undefined ||
                existing === null ||
                typeof existing !== 'object' ||
                Array.isArray(existing)) {
                target[part] = {};
            }
            target = target[part];
        }
        const leaf = path[path.length - 1];
        const filled = fill(value, context, key, problems, placeholders);
        const existing = target[leaf];
        target[leaf] =
            values_isPlainObject(existing) && values_isPlainObject(filled) ? deepMerge(existing, filled) : filled;
    }
    return result;
}
function splitKey(key) {
    const parts = [];
    let current = '';
    for (let i = 0; i < key.length; i++) {
        const char = key[i];
        if (char === '\\' && key[i + 1] === '.') {
            current += '.';
            i++;
        }
        else if (char === '.') {
            parts.push(current);
            current = '';
        }
        else {
            current += char;
        }
    }
    parts.push(current);
    return parts;
}
function fill(value, context, key, problems, placeholders) {
    if (typeof value === 'string') {
        if (!value.includes('%%'))
            return value;
        for (const match of value.matchAll(/%%([A-Za-z_][A-Za-z0-9_]*)%%/g))
            placeholders.add(match[1] ?? '');
        try {
            return renderString(value, context, { file: `${SET_INPUT} (${key})` });
        }
        catch (error) {
            if (error instanceof src_errors/* UserError */.yo) {
                problems.push(error);
                return value;
            }
            throw error;
        }
    }
    if (Array.isArray(value))
        return value.map((item) => fill(item, context, key, problems, placeholders));
    if (values_isPlainObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, context, key, problems, placeholders)]));
    }
    return value;
}
function values_isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function deepMerge(base, over) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(over)) {
        const existing = merged[key];
        merged[key] =
            values_isPlainObject(existing) && values_isPlainObject(value) ? deepMerge(existing, value) : value;
    }
    return merged;
}
function displayPath(path, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? path : rel;
}

;// CONCATENATED MODULE: ./src/render/release.ts




function prepareRelease(options) {
    const values = renderValues({
        files: options.values.files,
        set: options.values.set,
        workspace: options.workspace,
        context: options.context,
        scratch: options.scratch,
    });
    const dir = (0,external_node_path_.join)(options.scratch, 'post-render');
    const postRenderer = options.entry
        ? post_render.HelmPostRenderer.install(dir, options.helm.major, options.postRender, options.entry)
        : undefined;
    return {
        valuesFiles: values.files,
        placeholders: values.placeholders,
        config: options.postRender,
        postRenderer,
        workDir: (0,external_node_path_.join)(dir, 'work'),
        dispose: () => postRenderer?.dispose(),
    };
}
/**
 * The desired state. `server`: `helm upgrade --install --dry-run=server`,
 * rendered against the live cluster (lookups, capabilities, the release's
 * next revision) and changing nothing; `client`: `helm template`, no cluster
 * needed (given the cluster's capabilities, it renders what the server mode
 * does for a chart that looks nothing up).
 */
async function renderDesired(helm, target, prepared, mode = 'server', options = {}) {
    const hook = prepared.postRenderer;
    hook?.resetReport();
    let manifest;
    let hooks = [];
    let release;
    try {
        if (mode === 'server') {
            release = await helm.upgradeInstall({
                ...target,
                valuesFiles: prepared.valuesFiles,
                wait: false,
                timeoutSeconds: 300,
                atomic: false,
                dryRun: true,
                postRenderer: hook,
            });
            manifest = release.manifest;
            hooks = release.hooks;
        }
        else {
            manifest = await helm.template({
                ...target,
                valuesFiles: prepared.valuesFiles,
                postRenderer: hook,
                capabilities: options.capabilities,
                ...(options.isUpgrade ? { isUpgrade: true } : {}),
            });
        }
    }
    catch (error) {
        throw hook?.failure() ?? error;
    }
    let images = hook?.report()?.images ?? [];
    if (!hook) {
        const pool = options.resolver ? undefined : (0,post_render.registryPool)(prepared.config.registries);
        try {
            const output = await (0,post_render.postRender)(manifest, prepared.config, {
                resolver: options.resolver ?? pool,
                workDir: prepared.workDir,
            });
            manifest = output.manifests;
            images = output.images;
        }
        finally {
            pool?.close();
        }
    }
    return {
        objects: (0,manifests/* parseManifestObjects */.f0)(manifest, 'the rendered release'),
        hooks: hooks.flatMap((text) => (0,manifests/* parseManifestObjects */.f0)(text, 'a rendered hook')),
        manifest,
        images,
        ...(release ? { release } : {}),
    };
}

;// CONCATENATED MODULE: ./src/render/index.ts
/**
 * The rendering chain of a release: templated values → helm → post-render
 * (empty documents dropped, kustomize overlay, images pinned to digests,
 * traceability annotations). helm-deploy deploys what it produces; drift-check
 * compares it with the live cluster.
 */








;// CONCATENATED MODULE: ./src/kube/client.ts



/** Aggregated discovery (GA in Kubernetes 1.30), with plain discovery as the fallback. */
const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const PAGE_SIZE = 500;
const MAX_PAGES = 200;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const TLS_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ALTNAME|certificate|unable to get local issuer/i;
class KubeClient {
    connection;
    options;
    counts = { discovery: 0, list: 0, apply: 0, patch: 0, total: 0 };
    transport;
    base;
    discovered = new Map();
    constructor(connection, options = {}) {
        this.connection = connection;
        this.options = options;
        this.base = new URL(connection.server);
    }
    /**
     * The transport, made at the first request: an exec credential plugin may
     * answer with a client certificate, known only once it has run.
     */
    transportFor() {
        const { connection, options } = this;
        this.transport ??= new http_transport/* HttpTransport */.G5({
            // The kubeconfig's CA is the only one trusted, as kubectl does.
            ca: connection.ca,
            caOnly: true,
            cert: connection.cert,
            key: connection.key,
            servername: connection.tlsServerName,
            rejectUnauthorized: !connection.insecureSkipTlsVerify,
            maxSockets: options.maxSockets ?? 8,
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            userAgent: options.userAgent ?? 'pipeline-actions',
            // The cluster's proxy-url stands in for the runner's proxy settings, as in kubectl.
            ...(connection.proxyUrl
                ? { env: { https_proxy: connection.proxyUrl, http_proxy: connection.proxyUrl } }
                : {}),
        });
        return this.transport;
    }
    /** The server's version (`v1.34.10`): proves it answers and accepts us. */
    async version() {
        const response = await this.send('GET', '/version', 'discovery');
        const body = this.json(response, 'read the server version', '/version');
        this.gitVersion = body.gitVersion ?? 'unknown';
        return this.gitVersion;
    }
    gitVersion;
    /** The resource type of a kind in an apiVersion; undefined when the server does not serve it. */
    async resource(apiVersion, kind) {
        return (await this.discoverCached(apiVersion))?.find((resource) => resource.kind === kind);
    }
    capabilitiesOnce;
    /**
     * What helm calls the cluster's capabilities (`.Capabilities` in a
     * chart): the server's version and every `group/version` it serves with
     * every `group/version/Kind` in it, as helm's own discovery lists them.
     * Asked once per client, with aggregated discovery (two requests: /api
     * and /apis); a server without it is asked per group-version.
     */
    capabilities() {
        this.capabilitiesOnce ??= this.readCapabilities();
        return this.capabilitiesOnce;
    }
    async readCapabilities() {
        const kubeVersion = this.gitVersion ?? (await this.version());
        const versions = new Set();
        let legacy = [];
        for (const path of ['/api', '/apis']) {
            const response = await this.send('GET', path, 'discovery', undefined, AGGREGATED_DISCOVERY);
            const body = this.json(response, 'discover the served APIs', path);
            if (body.kind === 'APIGroupDiscoveryList') {
                for (const group of body.items ?? []) {
                    const name = group.metadata?.name ?? '';
                    for (const version of group.versions ?? []) {
                        const gv = name ? `${name}/${version.version}` : version.version;
                        versions.add(gv);
                        for (const resource of version.resources ?? []) {
                            const kinds = [resource, ...(resource.subresources ?? [])];
                            for (const each of kinds) {
                                if (each.responseKind?.kind)
                                    versions.add(`${gv}/${each.responseKind.kind}`);
                            }
                        }
                    }
                }
            }
            else {
                // Unaggregated: /api lists versions, /apis groups; kinds by one request per group-version.
                legacy = [
                    ...legacy,
                    ...(body.versions ?? []),
                    ...(body.groups ?? []).flatMap((group) => (group.versions ?? []).map((version) => version.groupVersion)),
                ];
            }
        }
        for (const gv of legacy) {
            versions.add(gv);
            for (const resource of (await this.discoverCached(gv)) ?? [])
                versions.add(`${gv}/${resource.kind}`);
        }
        return { kubeVersion, apiVersions: [...versions].sort() };
    }
    discoverCached(apiVersion) {
        let resources = this.discovered.get(apiVersion);
        if (!resources) {
            resources = this.discover(apiVersion);
            this.discovered.set(apiVersion, resources);
        }
        return resources;
    }
    async discover(apiVersion) {
        const slash = apiVersion.indexOf('/');
        const group = slash === -1 ? '' : apiVersion.slice(0, slash);
        const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
        const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
        const response = await this.send('GET', path, 'discovery');
        if (response.status === 404)
            return undefined;
        const list = this.json(response, `discover ${apiVersion}`, path);
        return (list.resources ?? [])
            .filter((resource) => !resource.name.includes('/'))
            .map((resource) => ({
            group,
            version,
            kind: resource.kind,
            name: resource.name,
            namespaced: resource.namespaced,
            verbs: resource.verbs ?? [],
        }));
    }
    /**
     * Every object of a resource type in a namespace (cluster-wide for
     * cluster-scoped types): one LIST, in pages of 500. Undefined when the
     * server does not serve the type.
     */
    async list(resource, namespace, options = {}) {
        const items = [];
        const served = await this.listEach(resource, namespace, options, {
            item: (item) => items.push(item),
            restart: () => (items.length = 0),
        });
        return served ? items : undefined;
    }
    /**
     * The same LIST, handed over one item at a time as each page arrives, so
     * a caller that keeps a little of each item never holds the whole list.
     * `restart`: the pages so far are void (the continue token expired) and
     * the items come again from the first. False when the type is not served.
     */
    async listEach(resource, namespace, options, visit) {
        const path = collectionPath(resource, namespace);
        let token;
        for (let page = 0; page < MAX_PAGES; page++) {
            const query = new URLSearchParams({ limit: String(options.pageSize ?? PAGE_SIZE) });
            if (options.labelSelector)
                query.set('labelSelector', options.labelSelector);
            if (options.fieldSelector)
                query.set('fieldSelector', options.fieldSelector);
            if (token)
                query.set('continue', token);
            const response = await this.send('GET', `${path}?${query}`, 'list');
            if (response.status === 404 && page === 0)
                return false;
            if (response.status === 410 && token) {
                // The continue token expired between pages: read the whole list again.
                visit.restart();
                token = undefined;
                continue;
            }
            const list = this.json(response, `list ${describeResource(resource)}${namespace ? ` in namespace ${namespace}` : ''}`, path);
            const kind = resource.kind;
            const apiVersion = resource.group
                ? `${resource.group}/${resource.version}`
                : resource.version;
            // Items of a LIST carry no apiVersion/kind of their own.
            for (const item of list.items ?? [])
                visit.item({ apiVersion, kind, ...item });
            token = list.metadata?.continue || undefined;
            if (!token)
                return true;
        }
        throw new Error(`Listing ${describeResource(resource)} took more than ${MAX_PAGES} pages of ${options.pageSize ?? PAGE_SIZE}; refusing to hold more.`);
    }
    /** One object by name; undefined when it does not exist. */
    async get(resource, namespace, name) {
        const path = `${collectionPath(resource, namespace)}/${encodeURIComponent(name)}`;
        const response = await this.send('GET', path, 'list');
        if (response.status === 404)
            return undefined;
        return this.json(response, `read ${resource.kind} ${name}`, path);
    }
    /**
     * The live state of the given objects, as `kubectl get --ignore-not-found`
     * gives it (without managedFields, as kubectl shows them): those that do
     * not exist (or whose kind the server does not serve) are left out;
     * `namespace` is where namespaced objects without one of their own live.
     * One discovery per group-version, then the GETs at once.
     */
    async getObjects(refs, namespace) {
        const found = await Promise.all(refs.map(async (ref) => {
            const resource = await this.resource(ref.apiVersion, ref.kind);
            if (!resource)
                return undefined;
            const object = await this.get(resource, resource.namespaced ? (ref.namespace ?? namespace) : undefined, ref.name);
            if (object?.metadata)
                delete object.metadata.managedFields;
            return object;
        }));
        return found.filter((object) => object !== undefined);
    }
    /** Server-side apply of `object` as `fieldManager` (force takes fields from other managers). */
    async apply(resource, object, options) {
        const name = object.metadata?.name ?? '';
        const path = `${collectionPath(resource, resource.namespaced ? object.metadata?.namespace : undefined)}/${encodeURIComponent(name)}`;
        const query = new URLSearchParams({ fieldManager: options.fieldManager });
        if (options.force)
            query.set('force', 'true');
        const response = await this.send('PATCH', `${path}?${query}`, 'apply', {
            body: JSON.stringify(object),
            contentType: 'application/apply-patch+yaml',
        });
        return this.json(response, `apply ${resource.kind} ${name}`, path);
    }
    /** An RFC 6902 JSON patch (use `test` operations to guard against concurrent changes). */
    async jsonPatch(resource, namespace, name, operations, options) {
        const path = `${collectionPath(resource, namespace)}/${encodeURIComponent(name)}`;
        const query = new URLSearchParams({ fieldManager: options.fieldManager });
        const response = await this.send('PATCH', `${path}?${query}`, 'patch', {
            body: JSON.stringify(operations),
            contentType: 'application/json-patch+json',
        });
        return this.json(response, `patch ${resource.kind} ${name}`, path);
    }
    close() {
        this.transport?.close();
    }
    /** One request, retried while the failure is transient; every attempt is counted. */
    send(method, path, kind, payload, accept) {
        return (0,retry/* retry */.L5)(async () => {
            this.counts[kind]++;
            this.counts.total++;
            const response = await this.once(method, path, payload, accept);
            if ((0,retry/* isTransientStatus */.Dm)(response.status)) {
                throw new src_errors/* TransientError */.N_(`${method} ${path}: HTTP ${response.status} ${statusMessage(response)}`, {
                    ...retryAfter(response),
                });
            }
            return response;
        }, { attempts: this.options.attempts ?? 4, baseDelayMs: 300, maxDelayMs: 3000 }).catch((error) => {
            throw this.unreachable(error);
        });
    }
    async once(method, path, payload, accept = 'application/json') {
        const url = new URL(this.base.pathname.replace(/\/$/, '') + path, this.base);
        const authorization = await this.connection.authorization?.();
        const headers = {
            accept,
            ...(authorization ? { authorization } : {}),
            ...(payload ? { 'content-type': payload.contentType } : {}),
        };
        const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        return this.transportFor()
            .request({
            method,
            url,
            headers,
            maxBodyBytes: limit,
            ...(payload ? { body: payload.body } : {}),
        })
            .catch((error) => {
            if (!(error instanceof http_transport/* ResponseTooLargeError */.by))
                throw error;
            throw new Error(`${method} ${path} answered more than ${limit} bytes; refusing to hold more.`, {
                cause: error,
            });
        });
    }
    /** A failure to reach the server (after the retries), as the error a user should see. */
    unreachable(error) {
        if (error instanceof src_errors/* UserError */.yo)
            return error;
        const where = `The Kubernetes API server ${this.connection.server} (${this.connection.source})`;
        const message = error instanceof Error ? error.message : String(error);
        const code = error?.code ?? '';
        if (TLS_ERRORS.test(code) || TLS_ERRORS.test(message)) {
            return new src_errors/* UserError */.yo(`${where} presented a certificate that is not trusted: ${message}`, {
                fix: "check the cluster's certificate-authority-data (and tls-server-name) in the kubeconfig.",
                cause: error,
            });
        }
        if (error instanceof src_errors/* TransientError */.N_ && !code) {
            return new src_errors/* UserError */.yo(`${where} keeps failing: ${message}`, {
                fix: "check the API server's health (and its load); drift-check retried with backoff.",
                cause: error,
            });
        }
        if ((0,retry/* isTransient */.dg)(error) || code === 'ENOTFOUND') {
            return new src_errors/* UserError */.yo(`${where} cannot be reached: ${message}`, {
                fix: 'check the server address in the kubeconfig and that this runner can reach it (network, VPN, firewall, a self-hosted runner for a private cluster).',
                cause: error,
            });
        }
        return error;
    }
    /** The JSON body of a successful response; a clear error for anything else. */
    json(response, what, path) {
        if (response.status >= 200 && response.status < 300) {
            try {
                return JSON.parse(response.body.toString('utf8'));
            }
            catch (error) {
                throw new Error(`The API server's answer to ${path} is not JSON.`, { cause: error });
            }
        }
        const detail = statusMessage(response);
        const where = `the Kubernetes API server ${this.connection.server}`;
        if (response.status === 401) {
            throw new src_errors/* UserError */.yo(`Could not ${what}: ${where} refused the kubeconfig's credentials (${detail}).`, {
                fix: 'check that the kubeconfig (its token, client certificate or credential plugin) is current.',
            });
        }
        if (response.status === 403) {
            throw new src_errors/* UserError */.yo(`Could not ${what}: ${where} does not allow it (${detail}).`, {
                fix: "grant the identity of the kubeconfig get and list on the release's kinds in its namespaces (and patch, for mode: remediate).",
            });
        }
        throw new KubeApiError(`Could not ${what}: ${where} answered HTTP ${response.status} (${detail}).`, response.status, ...statusOf(response));
    }
}
/** `/apis/apps/v1/namespaces/shop/deployments`, `/api/v1/nodes`. */
function collectionPath(resource, namespace) {
    const root = resource.group
        ? `/apis/${resource.group}/${resource.version}`
        : `/api/${resource.version}`;
    return resource.namespaced && namespace
        ? `${root}/namespaces/${encodeURIComponent(namespace)}/${resource.name}`
        : `${root}/${resource.name}`;
}
/** `deployments.apps`, `configmaps`: how kubectl names a resource type. */
function describeResource(resource) {
    return resource.group ? `${resource.name}.${resource.group}` : resource.name;
}
/** A refusal of the API server other than of the credentials: its HTTP status and the Status it sent. */
class KubeApiError extends Error {
    status;
    reason;
    causes;
    name = 'KubeApiError';
    constructor(message, status, 
    /** `Invalid`, `Conflict`, `AlreadyExists`… */
    reason, 
    /** What was refused, field by field (`FieldValueDuplicate` at `spec…ports[1].name`). */
    causes) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.causes = causes;
    }
}
function statusOf(response) {
    try {
        const status = JSON.parse(response.body.toString('utf8').slice(0, 65_536));
        return [status.reason, status.details?.causes ?? []];
    }
    catch {
        return [undefined, []];
    }
}
function statusMessage(response) {
    const text = response.body.toString('utf8').slice(0, 4096);
    try {
        const status = JSON.parse(text);
        const causes = (status.details?.causes ?? [])
            .map((cause) => [cause.field, cause.message].filter(Boolean).join(': '))
            .filter((cause) => cause !== '');
        return [
            status.message ?? status.reason ?? `HTTP ${response.status}`,
            ...causes.slice(0, 5),
        ].join('; ');
    }
    catch {
        return text.trim().split('\n')[0] || `HTTP ${response.status}`;
    }
}
function retryAfter(response) {
    const header = response.headers['retry-after'];
    const ms = (0,retry/* parseRetryAfter */.mu)(Array.isArray(header) ? header[0] : header);
    return ms === undefined ? {} : { retryAfterMs: ms };
}

// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
;// CONCATENATED MODULE: ./src/kube/config.ts








const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const MAX_KUBECONFIG_BYTES = 4 * 1024 * 1024;
const EXEC_TIMEOUT_MS = 60_000;
/**
 * The connection for `file` (a kubeconfig path), else KUBECONFIG (a list of
 * files merged first-wins, as kubectl does), else ~/.kube/config, else the
 * in-cluster service account.
 */
function loadKubeconfig(file, env = process.env) {
    const files = file
        ? [file]
        : (env.KUBECONFIG ?? '').split(external_node_path_.delimiter).filter((path) => path !== '' && (0,external_node_fs_.existsSync)(path));
    if (files.length === 0 && !file) {
        const home = (0,external_node_path_.join)(env.HOME ?? (0,external_node_os_.homedir)(), '.kube', 'config');
        if ((0,external_node_fs_.existsSync)(home))
            files.push(home);
    }
    if (files.length === 0) {
        if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(SERVICE_ACCOUNT_DIR, 'token'))) {
            return inCluster(env);
        }
        throw new src_errors/* UserError */.yo('No kubeconfig was given and none was found (KUBECONFIG, ~/.kube/config).', {
            fix: 'pass the kubeconfig in the `kubeconfig` input (from a secret), or set up the cluster in an earlier step.',
        });
    }
    const configs = files.map(readKubeconfig);
    return connectionFrom(configs);
}
function readKubeconfig(path) {
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${path} does not exist.`, {
            fix: 'check the path, or pass the kubeconfig content itself.',
        });
    }
    const value = (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(path, 'utf8'), path, { maxBytes: MAX_KUBECONFIG_BYTES });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new src_errors/* UserError */.yo(`${path} is not a kubeconfig (a YAML mapping with clusters, users and contexts).`, {
            location: { file: path },
        });
    }
    return { ...value, path };
}
/** First-wins lookup across the files, as kubectl merges KUBECONFIG. */
function find(configs, list, name) {
    const field = list === 'clusters' ? 'cluster' : list === 'users' ? 'user' : 'context';
    for (const config of configs) {
        const found = (config[list] ?? []).find((item) => item?.name === name);
        if (found)
            return { entry: (found[field] ?? {}), file: config.path };
    }
    return undefined;
}
function connectionFrom(configs) {
    const where = configs.map((config) => config.path).join(external_node_path_.delimiter);
    const contextName = configs.find((config) => config['current-context'])?.['current-context'];
    if (!contextName) {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${where} has no current-context.`, {
            fix: 'set current-context in the kubeconfig (kubectl config use-context NAME).',
        });
    }
    const context = find(configs, 'contexts', contextName);
    if (!context?.entry.cluster) {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${where} has no context "${contextName}" with a cluster.`, {
            fix: 'check current-context and the contexts list of the kubeconfig.',
        });
    }
    const cluster = find(configs, 'clusters', context.entry.cluster);
    if (!cluster?.entry.server) {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${where} has no cluster "${context.entry.cluster}" with a server.`, {
            fix: 'check the clusters list of the kubeconfig.',
        });
    }
    const user = context.entry.user
        ? find(configs, 'users', context.entry.user)
        : undefined;
    const source = `${where} (context ${contextName})`;
    const connection = {
        server: cluster.entry.server.replace(/\/+$/, ''),
        source,
        insecureSkipTlsVerify: cluster.entry['insecure-skip-tls-verify'] === true,
        ...bytes('ca', cluster.entry['certificate-authority-data'], cluster.entry['certificate-authority'], cluster.file),
    };
    if (cluster.entry['tls-server-name'])
        connection.tlsServerName = cluster.entry['tls-server-name'];
    const proxyUrl = cluster.entry['proxy-url'];
    if (proxyUrl)
        connection.proxyUrl = checkProxyUrl(proxyUrl, cluster.file);
    if (user)
        addUser(connection, user.entry, user.file, cluster.entry);
    return connection;
}
/** kubectl also takes socks5:// here; the one HTTP transport speaks to http and https proxies only. */
function checkProxyUrl(value, file) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${file} sets proxy-url to ${url ? url.protocol.slice(0, -1) : 'something that is not a URL'}; only http:// and https:// proxies are supported.`, {
            fix: 'give an http(s) forward proxy in proxy-url (for example http://proxy.corp:3128), or remove it and set HTTPS_PROXY on the runner.',
        });
    }
    if (url.password)
        (0,redact/* maskSecret */.$l)(decodeURIComponent(url.password));
    return url.href;
}
function addUser(connection, user, file, cluster) {
    Object.assign(connection, bytes('cert', user['client-certificate-data'], user['client-certificate'], file), bytes('key', user['client-key-data'], user['client-key'], file));
    if (user.token) {
        (0,redact/* maskSecret */.$l)(user.token);
        const header = `Bearer ${user.token}`;
        connection.authorization = async () => header;
    }
    else if (user.tokenFile) {
        const path = relativeTo(file, user.tokenFile);
        connection.authorization = async () => `Bearer ${readSecretFile(path)}`;
    }
    else if (user.username !== undefined && user.password !== undefined) {
        (0,redact/* maskSecret */.$l)(user.password);
        const header = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
        core/* setSecret */.Pq(header.slice(6));
        connection.authorization = async () => header;
    }
    else if (user.exec) {
        connection.authorization = execCredential(connection, user.exec, cluster);
    }
    else if (user['auth-provider']) {
        // gcp and azure left client-go in Kubernetes 1.26; oidc remains there, but not here.
        const name = user['auth-provider'].name ?? 'unknown';
        throw new src_errors/* UserError */.yo(name === 'oidc'
            ? "The kubeconfig's user authenticates with the oidc auth-provider, which this client does not support."
            : `The kubeconfig's user authenticates with the "${name}" auth-provider, which was removed from Kubernetes clients.`, {
            fix: name === 'oidc'
                ? 'use kubelogin as an exec credential plugin (`kubectl oidc-login get-token`), or a token the workflow gets from its identity provider.'
                : 'use the exec credential plugin your provider ships (for example gke-gcloud-auth-plugin or kubelogin).',
        });
    }
}
/** A bearer token (or client certificate) from an exec plugin, asked once per run. */
function execCredential(connection, exec, cluster) {
    let token;
    return () => {
        token ??= runExecPlugin(connection, exec, cluster);
        return token;
    };
}
async function runExecPlugin(connection, exec, cluster) {
    if (!exec.command) {
        throw new src_errors/* UserError */.yo("The kubeconfig's exec credential plugin has no command.", {
            fix: 'set users[].user.exec.command in the kubeconfig.',
        });
    }
    const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
    const info = {
        apiVersion,
        kind: 'ExecCredential',
        spec: {
            interactive: false,
            ...(exec.provideClusterInfo
                ? {
                    cluster: {
                        server: cluster.server,
                        ...(cluster['certificate-authority-data']
                            ? { 'certificate-authority-data': cluster['certificate-authority-data'] }
                            : {}),
                        ...(cluster['tls-server-name']
                            ? { 'tls-server-name': cluster['tls-server-name'] }
                            : {}),
                    },
                }
                : {}),
        },
    };
    const env = { KUBERNETES_EXEC_INFO: JSON.stringify(info) };
    for (const entry of exec.env ?? [])
        env[entry.name] = entry.value;
    const result = await src_exec/* Exec */.W.run(exec.command, exec.args ?? [], {
        env,
        silent: true,
        timeoutMs: EXEC_TIMEOUT_MS,
        maxOutputBytes: 1024 * 1024,
    });
    if (result.exitCode !== 0) {
        throw new src_errors/* UserError */.yo(`The kubeconfig's credential plugin ${exec.command} failed (exit code ${result.exitCode}): ${result.stderr.trim().split('\n').pop() ?? ''}`, {
            fix: 'run it by hand on the runner; it usually needs a login step (cloud credentials) earlier in the job.',
        });
    }
    let status;
    try {
        status = JSON.parse(result.stdout).status;
    }
    catch {
        status = undefined;
    }
    if (!status || (!status.token && !status.clientCertificateData)) {
        throw new src_errors/* UserError */.yo(`The kubeconfig's credential plugin ${exec.command} printed no ExecCredential with a token or certificate.`, {
            fix: 'check the plugin and its apiVersion in the kubeconfig.',
        });
    }
    if (status.clientCertificateData && status.clientKeyData) {
        (0,redact/* maskSecret */.$l)(status.clientKeyData);
        connection.cert = Buffer.from(status.clientCertificateData);
        connection.key = Buffer.from(status.clientKeyData);
    }
    if (!status.token)
        return undefined;
    (0,redact/* maskSecret */.$l)(status.token);
    return `Bearer ${status.token}`;
}
function inCluster(env) {
    const host = env.KUBERNETES_SERVICE_HOST ?? '';
    const port = env.KUBERNETES_SERVICE_PORT ?? '443';
    const tokenFile = (0,external_node_path_.join)(SERVICE_ACCOUNT_DIR, 'token');
    return {
        server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
        source: 'the pod service account (in-cluster)',
        insecureSkipTlsVerify: false,
        ca: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(SERVICE_ACCOUNT_DIR, 'ca.crt')),
        authorization: async () => `Bearer ${readSecretFile(tokenFile)}`,
    };
}
function readSecretFile(path) {
    const value = (0,external_node_fs_.readFileSync)(path, 'utf8').trim();
    (0,redact/* maskSecret */.$l)(value);
    return value;
}
/** `<field>` from inline base64 data, else from a file relative to the kubeconfig. */
function bytes(field, data, path, kubeconfig) {
    if (data)
        return { [field]: Buffer.from(data, 'base64') };
    if (!path)
        return {};
    const full = relativeTo(kubeconfig, path);
    if (!(0,external_node_fs_.existsSync)(full)) {
        throw new src_errors/* UserError */.yo(`The kubeconfig ${kubeconfig} names ${path}, which does not exist on the runner.`, {
            fix: 'embed the file as *-data (base64) in the kubeconfig, or create it in an earlier step.',
        });
    }
    return { [field]: (0,external_node_fs_.readFileSync)(full) };
}
function relativeTo(kubeconfig, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)((0,external_node_path_.dirname)(kubeconfig), path);
}

// EXTERNAL MODULE: ./src/record/record.ts
var record = __webpack_require__(5380);
;// CONCATENATED MODULE: ./src/record/app-key.ts

/** The key of the app whose default.json is `manifestPath` (as given: relative to the workspace, or absolute). */
function appKey(name, workspace, manifestPath) {
    const file = (0,external_node_path_.isAbsolute)(manifestPath) ? manifestPath : (0,external_node_path_.resolve)(workspace, manifestPath);
    return { name, dir: (0,external_node_path_.relative)(workspace, (0,external_node_path_.dirname)(file)).split(external_node_path_.sep).join('/') || '.' };
}
/**
 * The key as one string, for issue markers and titles: the name for an app
 * at the root (as before apps had directories), `dir/name` elsewhere (a
 * name is a DNS label, so no `/` makes two keys look alike).
 */
function appKeyText(key) {
    return key.dir === '.' ? key.name : `${key.dir}/${key.name}`;
}

;// CONCATENATED MODULE: ./src/build/content-hash.ts




/**
 * The content hash names what an image is made of, so that the same inputs
 * are recognised without a rebuild: the sources, the configuration
 * (default.json, the package format, the runtime's settings, how the image
 * is generated) and the exact base images. Each part is hashed on its own
 * and recorded on the image, so a later run can say which part changed.
 */
/**
 * Bumped whenever the image generated from the same inputs changes (the
 * Dockerfile template, the labels), so such a change rebuilds as "config".
 */
const GENERATOR_VERSION = 1;
/** SHA-256 over each file's path, kind, exec bit and content (or link target). */
async function sourcesHash(root, files) {
    const hash = createHash('sha256');
    for (const file of files) {
        const path = join(root, file);
        const info = await lstat(path).catch(() => undefined);
        if (!info)
            continue; // listed by git but deleted in the working tree
        if (info.isSymbolicLink())
            hash.update(`link ${file} ${await readlink(path)}\n`);
        else if (info.isFile())
            hash.update(`file ${file} ${info.mode & 0o111 ? 'x' : '-'} ${await fileSha256(path)}\n`);
    }
    return hash.digest('hex');
}
async function fileSha256(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/** The configuration part: everything but the sources and the base digests. */
function configHash(inputs) {
    const { runtime, builder } = inputs;
    return sha256(stableJson({
        generator: GENERATOR_VERSION,
        manifest: inputs.manifest.sha256,
        package: inputs.packageFormat,
        runtime: {
            type: runtime.type,
            user: runtime.user,
            port: runtime.port ?? null,
            appDir: runtime.appDir,
        },
        builder: builder ? { name: builder.name, user: builder.user } : null,
    }));
}
/** The build record of the image these inputs would make. */
function buildRecord(sources, config, runtime, builder) {
    const runtimeBase = { name: runtime.image.name, digest: runtime.image.digest };
    const builderBase = builder
        ? { name: builder.image.name, digest: builder.image.digest }
        : undefined;
    const contentHash = sha256([
        'pipeline-actions build-image content',
        `sources ${sources}`,
        `config ${config}`,
        `runtime ${runtimeBase.name}@${runtimeBase.digest}`,
        `builder ${builderBase ? `${builderBase.name}@${builderBase.digest}` : '-'}`,
    ].join('\n'));
    return {
        contentHash,
        sourcesHash: sources,
        configHash: config,
        runtime: runtimeBase,
        builder: builderBase,
    };
}
function sha256(text) {
    return createHash('sha256').update(text, 'utf8').digest('hex');
}
/** JSON with keys sorted at every level, so equal values hash equally. */
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
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
            (0,redact/* maskSecret */.$l)(String(value));
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
                secret: secrets.has(name) || (0,redact/* isSecretName */.eh)(name),
                source: ENVIRONMENT_SOURCE,
            });
        }
        return this;
    }
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




;// CONCATENATED MODULE: ./src/record/request.ts





/** Bumped whenever what the hash covers changes (every record then reads as "Git changed" once). */
const REQUEST_HASH_VERSION = 1;
const MAX_FILES = 5000;
const request_PLACEHOLDER = /%%([A-Za-z_][A-Za-z0-9_]*)%%/g;
function requestHash(inputs) {
    const gitContext = buildPlaceholderContext({
        ...(inputs.manifest ? { manifest: inputs.manifest } : {}),
        environment: inputs.environment,
    });
    const used = new Set();
    const values = inputs.values.map((file) => {
        const path = inWorkspace(inputs.workspace, file);
        const text = (0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isFile() ? (0,external_node_fs_.readFileSync)(path, 'utf8') : null;
        if (text)
            for (const match of text.matchAll(request_PLACEHOLDER))
                used.add(match[1]);
        return { file, sha256: text === null ? null : request_sha256(text) };
    });
    const setText = stableJson(inputs.set);
    for (const match of setText.matchAll(request_PLACEHOLDER))
        used.add(match[1]);
    const context = {};
    for (const name of [...used].sort()) {
        const entry = gitContext.get(name);
        if (entry)
            context[name] = String(entry.value);
    }
    const local = inWorkspace(inputs.workspace, inputs.chart);
    const chart = !inputs.chart.startsWith('oci://') && (0,external_node_fs_.existsSync)(local) && (0,external_node_fs_.statSync)(local).isDirectory()
        ? { dir: (0,external_node_path_.relative)(inputs.workspace, local), content: directoryDigest(local) }
        : {
            ref: inputs.chart,
            version: inputs.version ?? null,
            repository: inputs.repositoryUrl ?? null,
        };
    const kustomize = inputs.kustomize
        ? {
            dir: inputs.kustomize,
            content: directoryDigest(inWorkspace(inputs.workspace, inputs.kustomize)),
        }
        : null;
    return request_sha256(stableJson({
        v: REQUEST_HASH_VERSION,
        chart,
        values,
        set: setText,
        context,
        kustomize,
        postRender: { allowMutableTags: inputs.allowMutableTags },
    }));
}
/** `sha256:<hex>` over every regular file under a directory, by relative path and content. */
function directoryDigest(dir) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
        return null;
    const lines = [];
    const walk = (current) => {
        for (const entry of (0,external_node_fs_.readdirSync)(current, { withFileTypes: true })) {
            if (entry.name === '.git')
                continue;
            const path = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (entry.isFile()) {
                if (lines.length >= MAX_FILES)
                    throw new Error(`${dir} holds more than ${MAX_FILES} files.`);
                lines.push(`${request_sha256((0,external_node_fs_.readFileSync)(path))}  ${(0,external_node_path_.relative)(dir, path).split(external_node_path_.sep).join('/')}`);
            }
        }
    };
    walk(dir);
    return `sha256:${request_sha256(lines.sort().join('\n'))}`;
}
function request_sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}

;// CONCATENATED MODULE: ./src/record/write.ts





function deployRecord(inputs, env = process.env) {
    const local = write_inWorkspace(inputs.workspace, inputs.chart);
    const chartDigest = inputs.chart.startsWith('oci://') ? null : directoryDigest(local);
    const hash = requestHash({
        workspace: inputs.workspace,
        manifest: inputs.manifest,
        environment: inputs.environment,
        chart: inputs.chart,
        version: inputs.version,
        repositoryUrl: inputs.repositoryUrl,
        values: inputs.values,
        set: inputs.set,
        kustomize: inputs.kustomize,
        allowMutableTags: inputs.allowMutableTags,
    });
    return {
        version: record/* RECORD_VERSION */.hl,
        app: appKey(inputs.manifest?.application.name ?? inputs.release, inputs.workspace, inputs.manifestPath),
        repository: env.GITHUB_REPOSITORY || undefined,
        environment: inputs.environment,
        release: inputs.release,
        namespace: inputs.namespace,
        chart: {
            ref: inputs.chart,
            version: inputs.version,
            digest: chartDigest ?? undefined,
        },
        build: { image: inputs.image, version: inputs.buildVersion },
        commit: env.GITHUB_SHA || undefined,
        run: inputs.run,
        deployedAt: new Date().toISOString(),
        request: {
            hash,
            chart: inputs.chart,
            version: inputs.version,
            repositoryUrl: inputs.repositoryUrl,
            values: [...inputs.values],
            set: inputs.set,
            kustomize: inputs.kustomize,
            allowMutableTags: inputs.allowMutableTags,
            manifest: posix((0,external_node_path_.relative)(inputs.workspace, write_inWorkspace(inputs.workspace, inputs.manifestPath))),
        },
    };
}
/** Release labels came with helm 3.13 (`--labels`); helm 4 has them. */
function supportsReleaseLabels(helmVersion) {
    const version = semver_default().coerce(helmVersion);
    return version !== null && semver_default().gte(version, '3.13.0');
}
function write_inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}
function posix(path) {
    return path.split(external_node_path_.sep).join('/');
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
    const transport = new http_transport/* HttpTransport */.G5({
        userAgent: 'pipeline-actions',
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
    let attempts = 0;
    try {
        await (0,retry/* retry */.L5)(async (attempt) => {
            attempts = attempt;
            const response = await transport.download({ url: new URL(url), maxBodyBytes: DOWNLOAD_MAX_BYTES }, file);
            const status = response.status;
            if (status >= 200 && status < 300)
                return;
            const transient = (0,http_transport/* transientStatus */.fO)(response, `${url} answered HTTP ${status}`);
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
            findings.push(lint_output_locate(current.level, current.path, current.lines.join('\n')));
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
function lint_output_locate(level, path, message) {
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

// EXTERNAL MODULE: ./src/tools/tool.ts
var tool = __webpack_require__(9601);
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
const helm_DEFAULT_TIMEOUT_MS = 10 * 60_000;
class Helm extends tool/* Tool */.N {
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
            timeoutMs: helm_DEFAULT_TIMEOUT_MS,
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

// EXTERNAL MODULE: ./src/tools/kubectl.ts
var tools_kubectl = __webpack_require__(9481);
;// CONCATENATED MODULE: ./actions/helm-deploy/src/stage.ts
























/**
 * default.json, which an upstream chart deployed with both \`release\` and
 * \`namespace\` does not need: then a missing file is no error (placeholders
 * that need it say so). Otherwise it must be there.
 */
async function optionalManifest(inputs, workspace) {
    const path = (0,external_node_path_.resolve)(workspace, inputs.manifest);
    if (inputs.release !== undefined && inputs.namespace !== undefined && !(0,external_node_fs_.existsSync)(path)) {
        core/* info */.pq(`No ${inputs.manifest}: deploying release ${inputs.release} into ${inputs.namespace} without it.`);
        return undefined;
    }
    return loadManifest(path, { displayPath: inputs.manifest });
}
async function deploy(inputs, entry) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const base = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(base, { recursive: true });
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, 'helm-deploy-'));
    const home = HelmHome.create('helm-deploy-home-');
    let prepared;
    let client;
    try {
        // First, so a kubeconfig given as content is masked before anything else runs.
        const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
        const manifest = await optionalManifest(inputs, workspace);
        const release = inputs.release ?? manifest.application.name;
        const namespace = inputs.namespace ?? environmentNamespace(manifest, inputs.environment);
        (0,deploy_release/* checkReleaseName */.v4)(release);
        const context = buildPlaceholderContext({
            ...(manifest ? { manifest } : { manifestPath: inputs.manifest }),
            environment: inputs.environment,
            build: {
                ...(inputs.image ? { image: inputs.image } : {}),
                ...(inputs['build-version'] ? { version: inputs['build-version'] } : {}),
            },
            env: process.env,
        });
        const { login: credentials, ca } = readRegistryInputs(inputs, { workspace, scratch });
        const caFile = ca?.file;
        if (inputs['render-only'] && inputs.kubeconfig) {
            throw new src_errors/* UserError */.yo('render-only renders without the cluster: it takes no kubeconfig.', {
                fix: 'remove the kubeconfig input; compare the rendered objects in another job (the rendered input).',
            });
        }
        const helm = await setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home));
        helm.useKubeconfig(kubeconfig.file);
        core/* info */.pq(`helm ${helm.version} (helm ${helm.major}) at ${helm.binary}`);
        const kubectl = new tools_kubectl/* Kubectl */.bx(inputs.kubectl, kubeconfig.file);
        // The cluster's state is read in this process (no kubectl, no helm); only helm writes.
        const cluster = () => (client ??= new KubeClient(loadKubeconfig(kubeconfig.file), {
            userAgent: 'pipeline-actions/helm-deploy',
        }));
        if (inputs.rendered !== undefined) {
            return await compareRendered(helm, cluster(), inputs, {
                release,
                namespace,
                rendered: inputs.rendered,
                secrets: (0,redact/* secretCutter */.Em)([...context.secretValues(), ...(0,redact/* secretValuesIn */.Yl)(inputs.set)]),
            });
        }
        const overlay = inputs.kustomize ? resolveIn(workspace, inputs.kustomize) : undefined;
        if (overlay)
            (0,kustomize/* findKustomization */.nW)(overlay);
        prepared = prepareRelease({
            helm,
            workspace,
            scratch,
            values: { files: inputs.values, set: inputs.set },
            context,
            postRender: {
                ...(overlay ? { kustomize: { overlay, kubectl: inputs.kubectl } } : {}),
                allowMutableTags: inputs['allow-mutable-tags'],
                // render-only renders a pull request, whose image is not published.
                ...(inputs['render-only'] && inputs.image ? { unpublished: [inputs.image] } : {}),
                registries: scopedAccess(credentials, { chart: inputs.chart, image: inputs.image }, caFile),
                annotations: (0,annotate/* traceAnnotations */.kd)(),
                record: deployRecord({
                    workspace,
                    manifest,
                    manifestPath: inputs.manifest,
                    environment: inputs.environment,
                    release,
                    namespace,
                    chart: inputs.chart,
                    version: inputs['chart-version'],
                    repositoryUrl: inputs['repository-url'],
                    values: inputs.values,
                    set: inputs.set,
                    kustomize: inputs.kustomize,
                    allowMutableTags: inputs['allow-mutable-tags'],
                    image: inputs.image,
                    buildVersion: inputs['build-version'],
                    run: (0,annotate/* workflowRunUrl */.CX)(),
                }),
            },
            entry,
        });
        if (prepared.placeholders.length > 0) {
            core/* info */.pq(`values: filled ${prepared.placeholders.map((name) => `%%${name}%%`).join(', ')}`);
        }
        if (!inputs['render-only']) {
            const server = await probeCluster(cluster());
            core/* info */.pq(`Kubernetes ${server.version} at ${server.url}`);
        }
        const chart = await resolveChart(helm, {
            chart: inputs.chart,
            version: inputs['chart-version'],
            workspace,
            repositoryUrl: inputs['repository-url'],
            credentials,
            caFile,
        });
        core/* info */.pq(`chart: ${chart.display}`);
        if (inputs['render-only']) {
            // Templates that may come from a pull request: helm template, no cluster.
            const desired = await renderDesired(helm, { release, namespace, chart: chart.source }, prepared, 'client');
            return {
                release,
                namespace,
                chart: chart.display,
                chartVersion: chart.version,
                helmVersion: helm.version,
                recovered: undefined,
                placeholders: prepared.placeholders,
                revision: undefined,
                status: 'rendered',
                dryRun: true,
                images: desired.images,
                diff: diffRelease({
                    desired: withoutRecord(desired.objects),
                    current: [],
                    namespace,
                    mode: 'exact',
                }),
                diffText: '',
                changed: false,
                manifest: desired.manifest,
            };
        }
        // A dry run changes nothing, not even a stuck release.
        const recover = inputs['recover-pending'] && !inputs['dry-run'];
        const releases = (0,deploy_release/* releaseReader */.t4)(helm, cluster());
        const { pending, previous } = await currentRelease(helm, releases, inputs, release, namespace, recover);
        const state = pending.state;
        const target = { release, namespace, chart: chart.source };
        // Secret placeholder and `set` values never reach the summary (the runner masks logs, not
        // summaries): the diff hides every change whose value holds one (src/report/redact.ts).
        const secrets = (0,redact/* secretCutter */.Em)([...context.secretValues(), ...(0,redact/* secretValuesIn */.Yl)(inputs.set)]);
        const common = {
            release,
            namespace,
            chart: chart.display,
            chartVersion: chart.version,
            helmVersion: helm.version,
            recovered: pending.recovered,
            placeholders: prepared.placeholders,
        };
        if (inputs['dry-run']) {
            const desired = await renderDesired(helm, target, prepared, 'server');
            const wanted = withoutRecord(desired.objects);
            const live = await cluster().getObjects(wanted.map(kube_objects/* objectRef */.DA), namespace);
            const diff = diffRelease({
                desired: wanted,
                current: live,
                previous,
                namespace,
                mode: 'live',
                secrets,
            });
            return {
                ...common,
                revision: state.deployed?.revision ?? state.current?.revision,
                status: 'dry-run',
                dryRun: true,
                images: desired.images,
                diff,
                diffText: formatDiff(diff),
                changed: diff.changed,
            };
        }
        // What runs now, to tell what the deploy sets back (a redeploy of the same Git can restore drift).
        const liveBefore = previous.length > 0 ? await cluster().getObjects(previous.map(kube_objects/* objectRef */.DA), namespace) : [];
        const upgraded = await upgrade(helm, kubectl, releases, prepared, {
            target,
            inputs,
            namespace,
            release,
            previous,
        });
        const applied = withoutRecord((0,manifests/* parseManifestObjects */.f0)(upgraded.manifest, 'the deployed release'));
        const diff = withRestored(diffRelease({ desired: applied, current: previous, namespace, mode: 'exact', secrets }), { applied, previous, live: liveBefore, namespace, secrets });
        return {
            ...common,
            revision: upgraded.revision,
            status: upgraded.status,
            dryRun: false,
            images: prepared.postRenderer?.report()?.images ?? [],
            diff,
            diffText: formatDiff(diff),
            changed: diff.changed,
        };
    }
    finally {
        client?.close();
        prepared?.dispose();
        home.dispose();
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** The release as it stands (refusing, or recovering, a pending one) and its deployed objects. */
async function currentRelease(helm, releases, inputs, release, namespace, recover) {
    const pending = await (0,deploy_release/* ensureNotPending */.dP)(helm, releases, {
        release,
        namespace,
        recover,
        graceSeconds: (0,deploy_release/* pendingGraceSeconds */.P$)(inputs.timeout, inputs['recover-pending-after']),
        timeoutSeconds: inputs.timeout,
    });
    const current = pending.state.current;
    const manifest = current
        ? await releases.manifest(release, namespace, current.revision)
        : undefined;
    // The deploy record is ours, not the chart's: no diff shows it.
    const previous = manifest
        ? withoutRecord((0,manifests/* parseManifestObjects */.f0)(manifest, 'the current release'))
        : [];
    return { pending, previous };
}
/**
 * A dry run of objects rendered in another job (render-only): they are
 * compared with the live objects and the deployed release; no chart and no
 * template runs here, so a job with cluster credentials runs no code from a
 * pull request.
 */
async function compareRendered(helm, client, inputs, given) {
    const { release, namespace } = given;
    if (!inputs['dry-run']) {
        throw new src_errors/* UserError */.yo('The rendered input only works with dry-run: true.', {
            fix: 'set dry-run: true; a deploy renders the chart itself.',
        });
    }
    const server = await probeCluster(client);
    core/* info */.pq(`Kubernetes ${server.version} at ${server.url}`);
    const desired = withoutRecord((0,manifests/* parseManifestObjects */.f0)(given.rendered, 'the rendered input'));
    const { pending, previous } = await currentRelease(helm, (0,deploy_release/* releaseReader */.t4)(helm, client), inputs, release, namespace, false);
    const state = pending.state;
    const live = await client.getObjects(desired.map(kube_objects/* objectRef */.DA), namespace);
    const diff = diffRelease({
        desired,
        current: live,
        previous,
        namespace,
        mode: 'live',
        secrets: given.secrets,
    });
    return {
        release,
        namespace,
        chart: '(rendered in another job)',
        chartVersion: undefined,
        helmVersion: helm.version,
        recovered: undefined,
        placeholders: [],
        revision: state.deployed?.revision ?? state.current?.revision,
        status: 'dry-run',
        dryRun: true,
        images: [],
        diff,
        diffText: formatDiff(diff),
        changed: diff.changed,
    };
}
async function upgrade(helm, kubectl, releases, prepared, context) {
    const { inputs, namespace, release } = context;
    const postRenderer = prepared.postRenderer;
    if (!postRenderer)
        throw new Error('The post-renderer was not installed for helm.');
    postRenderer.resetReport();
    const watch = new failure/* ReadinessWatch */.E_(kubectl, namespace, () => postRenderer.report()?.objects);
    if (inputs.wait || inputs.atomic)
        watch.start();
    const started = new Date();
    try {
        const result = await helm.upgradeInstall({
            ...context.target,
            valuesFiles: prepared.valuesFiles,
            wait: inputs.wait,
            timeoutSeconds: inputs.timeout,
            atomic: inputs.atomic,
            createNamespace: inputs['create-namespace'],
            description: (0,deploy_release/* deployDescription */.uQ)(),
            labels: supportsReleaseLabels(helm.version) && prepared.config.record
                ? (0,record/* recordLabels */.FZ)(prepared.config.record)
                : undefined,
            postRenderer,
        });
        core/* info */.pq(`release ${release} revision ${result.revision}: ${result.status} (${result.description})`);
        return result;
    }
    catch (error) {
        await watch.stop();
        const rendered = postRenderer.failure();
        if (rendered)
            throw rendered;
        if (!(error instanceof src_errors/* ToolError */.v4))
            throw error;
        throw await (0,explain.explainFailure)(releases, kubectl, {
            error,
            release,
            namespace,
            started,
            watch,
            objects: postRenderer.report()?.objects ?? [],
            images: postRenderer.report()?.images ?? [],
        });
    }
    finally {
        await watch.stop();
    }
}
function resolveIn(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}
function withoutRecord(objects) {
    return objects.filter((object) => !(0,record/* isRecordObject */.XO)(object));
}


/***/ })

};
