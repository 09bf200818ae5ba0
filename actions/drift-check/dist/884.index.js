export const id = 884;
export const ids = [884];
export const modules = {

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkEnvironment: () => (/* binding */ checkEnvironment)
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
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
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

// EXTERNAL MODULE: ./src/kube/objects.ts
var kube_objects = __webpack_require__(9509);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/kube/manifests.ts



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
        const events = (0,js_yaml/* parseEvents */.PH)(text, { filename: source, maxDepth: MAX_DEPTH });
        documents = (0,js_yaml/* eventsToAst */.zG)(events, { source: text, schema: yaml/* KUBERNETES_YAML_SCHEMA */.$z });
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
            throw new src_errors/* UserError */.yo(`${source}: document ${index + 1} is a ${contents.kind}, not a Kubernetes object.`, { fix: 'every rendered document must be a mapping with apiVersion, kind and metadata.' });
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
    return (0,js_yaml/* present */.Eb)(documents, { schema: yaml/* KUBERNETES_YAML_SCHEMA */.$z, lineWidth: -1 });
}
/** The objects of a stream as values, read as Kubernetes reads them; empty documents dropped. */
function parseManifestObjects(text, source) {
    checkSize(text, source);
    let documents;
    try {
        documents = (0,js_yaml/* loadAll */.gh)(text, {
            filename: source,
            schema: yaml/* KUBERNETES_YAML_SCHEMA */.$z,
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
            throw new src_errors/* UserError */.yo(`${source}: a document is not a Kubernetes object.`, {
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
        throw new src_errors/* UserError */.yo(`${source} is ${size} bytes, more than the ${MAX_MANIFEST_BYTES} bytes a release can hold.`, { fix: 'split the chart into several releases.' });
    }
}
function manifestYamlError(error, source) {
    if (!(error instanceof js_yaml/* YAMLException */.tB))
        return error;
    const mark = error.mark;
    return new src_errors/* UserError */.yo(`${source} is not valid YAML: ${error.reason}`, {
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

;// CONCATENATED MODULE: ./src/render/annotate.ts

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
        const target = mappingChild(mappingChild(object, 'metadata'), 'annotations');
        for (const [key, value] of entries)
            mappingSet(target, key, stringNode(value));
    }
}
/** Whether an annotation is one of ours (ignored when comparing objects). */
function isTraceAnnotation(key) {
    return key.startsWith(TRACE_ANNOTATION_PREFIX);
}

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
    const currentByKey = new Map(input.current.map((object) => [objectKey(objectRef(object), namespace), object]));
    const objects = [];
    const desiredKeys = new Set();
    for (const desired of input.desired) {
        const ref = objectRef(desired);
        const key = objectKey(ref, namespace);
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
        const ref = objectRef(object);
        if (!desiredKeys.has(objectKey(ref, namespace)))
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
    const before = new Set(input.previous.map((object) => objectKey(objectRef(object), namespace)));
    const byGit = new Map(diff.objects.map((object) => [objectKey(object.ref, namespace), object.changes]));
    const live = diffRelease({
        desired: input.applied.filter((object) => before.has(objectKey(objectRef(object), namespace))),
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
        const gitPaths = (byGit.get(objectKey(object.ref, namespace)) ?? []).map((change) => change.path);
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
    return changes.map(({ path, ...change }) => isSecretChange(desired.kind ?? '', path, [change.before, change.after], secrets)
        ? { path: formatPath(path), kind: change.kind, redacted: true }
        : { path: formatPath(path), ...change });
}
/** Whether an annotation is written by Helm, kubectl, a controller or our traceability (not the chart). */
function isManagedAnnotation(key) {
    return isTraceAnnotation(key) || MANAGED_ANNOTATIONS.some((pattern) => pattern.test(key));
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
        const what = describeObject(object.ref);
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

// EXTERNAL MODULE: ./src/drift/paths.ts
var paths = __webpack_require__(1119);
;// CONCATENATED MODULE: ./src/drift/defaults.ts

/** Where a field sits below a pod spec, `*` for any list item; and its default. */
const CONTAINER = {
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: (container) => imagePullPolicy(container.image),
    'ports.*.protocol': 'TCP',
    'env.*.valueFrom.fieldRef.apiVersion': 'v1',
    ...probe('livenessProbe'),
    ...probe('readinessProbe'),
    ...probe('startupProbe'),
};
const POD_SPEC = {
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    enableServiceLinks: true,
    ...below('containers.*', CONTAINER),
    ...below('initContainers.*', CONTAINER),
    'volumes.*.configMap.defaultMode': 0o644,
    'volumes.*.secret.defaultMode': 0o644,
    'volumes.*.projected.defaultMode': 0o644,
    'volumes.*.downwardAPI.defaultMode': 0o644,
    'volumes.*.downwardAPI.items.*.fieldRef.apiVersion': 'v1',
};
const JOB_SPEC = {
    backoffLimit: 6,
    completions: 1,
    parallelism: 1,
    completionMode: 'NonIndexed',
    suspend: false,
    ...below('template.spec', POD_SPEC),
};
/** Per kind, relative to the object. */
const BY_KIND = {
    Pod: below('spec', POD_SPEC),
    Deployment: {
        'spec.revisionHistoryLimit': 10,
        'spec.progressDeadlineSeconds': 600,
        'spec.strategy.type': 'RollingUpdate',
        'spec.strategy.rollingUpdate.maxSurge': '25%',
        'spec.strategy.rollingUpdate.maxUnavailable': '25%',
        ...below('spec.template.spec', POD_SPEC),
    },
    StatefulSet: {
        'spec.revisionHistoryLimit': 10,
        'spec.podManagementPolicy': 'OrderedReady',
        'spec.updateStrategy.type': 'RollingUpdate',
        'spec.updateStrategy.rollingUpdate.partition': 0,
        'spec.persistentVolumeClaimRetentionPolicy.whenDeleted': 'Retain',
        'spec.persistentVolumeClaimRetentionPolicy.whenScaled': 'Retain',
        'spec.volumeClaimTemplates.*.spec.volumeMode': 'Filesystem',
        ...below('spec.template.spec', POD_SPEC),
    },
    DaemonSet: {
        'spec.revisionHistoryLimit': 10,
        'spec.updateStrategy.type': 'RollingUpdate',
        'spec.updateStrategy.rollingUpdate.maxSurge': 0,
        'spec.updateStrategy.rollingUpdate.maxUnavailable': 1,
        ...below('spec.template.spec', POD_SPEC),
    },
    ReplicaSet: below('spec.template.spec', POD_SPEC),
    Job: below('spec', JOB_SPEC),
    CronJob: {
        'spec.concurrencyPolicy': 'Allow',
        'spec.suspend': false,
        'spec.successfulJobsHistoryLimit': 3,
        'spec.failedJobsHistoryLimit': 1,
        ...below('spec.jobTemplate.spec', JOB_SPEC),
    },
    Service: {
        'spec.type': 'ClusterIP',
        'spec.sessionAffinity': 'None',
        'spec.internalTrafficPolicy': 'Cluster',
        'spec.ports.*.protocol': 'TCP',
        'spec.ports.*.targetPort': (port) => port.port,
    },
};
/**
 * Whether `value`, at `path` of a live object of `kind`, is what the API
 * server fills in when the field is left out. `live` is the (normalized)
 * live object, for defaults that depend on a sibling (a container's
 * imagePullPolicy on its image, a service port's targetPort on its port).
 */
function isServerDefault(kind, path, value, live) {
    const table = BY_KIND[kind];
    if (!table)
        return false;
    const key = path.map((segment) => (isItem(segment) ? '*' : segment)).join('.');
    if (!Object.hasOwn(table, key))
        return false;
    const entry = table[key];
    let fallback = entry;
    if (typeof entry === 'function') {
        const holder = (0,paths/* valueAt */.fK)(live, path.slice(0, -1));
        if (!(0,paths/* isObject */.Gv)(holder))
            return false;
        fallback = entry(holder);
    }
    return fallback !== undefined && String(fallback) === String(value);
}
/** The pull policy the server gives a container: Always for `:latest` or no tag, else IfNotPresent. */
function imagePullPolicy(image) {
    if (typeof image !== 'string')
        return undefined;
    if (image.includes('@'))
        return 'IfNotPresent';
    const name = image.slice(image.lastIndexOf('/') + 1);
    const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : '';
    return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}
function probe(name) {
    return {
        [`${name}.timeoutSeconds`]: 1,
        [`${name}.periodSeconds`]: 10,
        [`${name}.successThreshold`]: 1,
        [`${name}.failureThreshold`]: 3,
        [`${name}.httpGet.scheme`]: 'HTTP',
    };
}
function below(prefix, table) {
    return Object.fromEntries(Object.entries(table).map(([key, value]) => [`${prefix}.${key}`, value]));
}
function isItem(segment) {
    return typeof segment === 'number' || (0,paths/* isKeyed */.XX)(segment);
}

// EXTERNAL MODULE: ./src/drift/managed-fields.ts
var managed_fields = __webpack_require__(6762);
;// CONCATENATED MODULE: ./src/drift/compare.ts




/** Where a value is a resource quantity (so `1Gi` is `1024Mi`). */
const QUANTITY_PARENTS = new Set([
    'requests',
    'limits',
    'hard',
    'capacity',
    'allocatable',
    'overhead',
    'default',
    'defaultRequest',
    'max',
    'min',
    'maxLimitRequestRatio',
]);
const compare_QUANTITY_KEYS = new Set(['sizeLimit', 'averageValue', 'storage']);
function compareObject(states, options) {
    const { ref } = states;
    const whole = (cls, change, note) => [
        {
            class: cls,
            ref,
            path: [],
            pointer: '',
            change,
            setByRelease: false,
            ...(note ? { note } : {}),
        },
    ];
    if (states.desired && states.deployed && !states.live)
        return whole('missing-from-cluster', 'removed');
    if (states.desired && !states.deployed && !states.live)
        return whole('not-deployed', 'added');
    if (!states.desired && states.deployed && states.live) {
        return whole('not-deployed', 'removed', 'removed from Git; the next deploy deletes it');
    }
    if (!states.desired && !states.deployed && states.live) {
        return [
            { ...whole('extra-in-cluster', 'added')[0], manager: creator(states.live) },
        ];
    }
    if (!states.live || (!states.desired && !states.deployed))
        return [];
    if (!states.deployed) {
        return whole('not-deployed', 'added', 'in Git and in the cluster, but not part of the deployed release (the next deploy adopts it)');
    }
    return new Walk(states, options).run();
}
class Walk {
    states;
    options;
    found = [];
    /** Live pointers the comparison went into (maps and lists Git sets). */
    visited = new Set();
    /** Live pointers compared as a whole (a leaf, or a whole list or item). */
    covered = [];
    owners;
    live;
    constructor(states, options) {
        this.states = states;
        this.options = options;
        this.owners = (0,managed_fields/* owners */.Zk)(states.live);
        this.live = normalizeObject(states.live);
    }
    run() {
        const desired = this.states.desired ? normalizeObject(this.states.desired) : undefined;
        const deployed = this.states.deployed ? normalizeObject(this.states.deployed) : undefined;
        this.node([], desired, deployed, this.live, '');
        this.addedByOthers();
        return this.found;
    }
    node(...[path, d, p, l, pointer]) {
        if (compare_isAbsent(d) && compare_isAbsent(p))
            return;
        const git = [d, p].filter((value) => !compare_isAbsent(value));
        if (git.every(paths/* isObject */.Gv) && (compare_isAbsent(l) || (0,paths/* isObject */.Gv)(l))) {
            if (pointer !== undefined)
                this.visited.add(pointer);
            const keys = new Set([...Object.keys(asObject(d)), ...Object.keys(asObject(p))]);
            for (const key of keys) {
                const live = asObject(l)[key];
                this.node([...path, key], asObject(d)[key], asObject(p)[key], live, child(pointer, key, live));
            }
            return;
        }
        if (git.every(Array.isArray) && (compare_isAbsent(l) || Array.isArray(l))) {
            if (this.list(path, asArray(d), asArray(p), asArray(l), pointer))
                return;
        }
        this.leaf(path, d, p, l, pointer);
    }
    /** Lists of objects matched by merge key (or by index when both sides have the same length); false: compare as a whole. */
    list(path, d, p, l, pointer) {
        const key = mergeKey([d, p].filter((items) => items.length > 0));
        if (!key) {
            const objects = [...d, ...p].every(paths/* isObject */.Gv);
            const lengths = new Set([d, p].filter((items) => items.length > 0).map((items) => items.length));
            if (!objects || lengths.size !== 1 || l.length !== [...lengths][0])
                return false;
            if (pointer !== undefined)
                this.visited.add(pointer);
            for (let index = 0; index < l.length; index++) {
                this.node([...path, index], d[index], p[index], l[index], child(pointer, String(index), l[index]));
            }
            return true;
        }
        if (pointer !== undefined)
            this.visited.add(pointer);
        const id = (item) => String(item[key]);
        const ids = [...new Set([...d, ...p].map(id))];
        for (const value of ids) {
            const di = d.find((item) => id(item) === value);
            const pi = p.find((item) => id(item) === value);
            const liveIndex = l.findIndex((item) => (0,paths/* isObject */.Gv)(item) && id(item) === value);
            const li = liveIndex === -1 ? undefined : l[liveIndex];
            const index = liveIndex !== -1 ? liveIndex : Math.max(d.indexOf(di), p.indexOf(pi));
            const segment = { key, value, index };
            const itemPointer = pointer !== undefined && li !== undefined ? `${pointer}/${liveIndex}` : undefined;
            if (di !== undefined && pi !== undefined && li !== undefined) {
                this.node([...path, segment], di, pi, li, itemPointer);
            }
            else {
                this.leaf([...path, segment], di, pi, li, itemPointer);
            }
        }
        // Items only the cluster has: someone added them (a deploy-time mutation is the release's own).
        for (const [index, item] of l.entries()) {
            if (!(0,paths/* isObject */.Gv)(item) || item[key] === undefined || ids.includes(id(item)))
                continue;
            const itemPointer = pointer === undefined ? undefined : `${pointer}/${index}`;
            this.added([...path, { key, value: id(item), index }], item, itemPointer);
        }
        return true;
    }
    leaf(...[path, d, p, l, pointer]) {
        if (pointer !== undefined)
            this.covered.push(pointer);
        const liveIsDeployed = same(l, p, path);
        const gitIsDeployed = same(d, p, path);
        if (liveIsDeployed) {
            if (!gitIsDeployed)
                this.push('not-deployed', path, pointer, { d, p, l });
            return;
        }
        const candidates = pointer === undefined ? [] : (0,managed_fields/* ownersOf */.K2)(this.owners, pointer);
        const manager = (0,managed_fields/* blame */.Sy)(candidates, this.options.releaseManagers);
        const byRelease = !manager ||
            this.options.releaseManagers.has(manager.manager) ||
            (compare_isAbsent(p) && isServerDefault(this.states.ref.kind, path, l, this.live));
        if (compare_isAbsent(p) && byRelease) {
            // Git now sets a field the deploy left to the server (a default) or that the release itself wrote.
            if (!same(l, d, path))
                this.push('not-deployed', path, pointer, { d, p: l, l }, manager);
            return;
        }
        this.push('changed-in-cluster', path, pointer, { d, p, l }, manager, !gitIsDeployed);
    }
    push(cls, path, pointer, values, manager, gitChanged = false) {
        const before = values.p;
        const after = cls === 'not-deployed' ? values.d : values.l;
        const change = compare_isAbsent(before)
            ? 'added'
            : compare_isAbsent(after)
                ? 'removed'
                : 'changed';
        const difference = {
            class: cls,
            ref: this.states.ref,
            path,
            pointer: pointer ?? (0,paths/* formatPointer */.$2)(path),
            change,
            setByRelease: !manager || this.options.releaseManagers.has(manager.manager),
        };
        if (!compare_isAbsent(values.p))
            difference.deployed = values.p;
        if (!compare_isAbsent(values.l))
            difference.live = values.l;
        if (!compare_isAbsent(values.d))
            difference.desired = values.d;
        if (manager)
            difference.manager = manager;
        if (gitChanged)
            difference.gitChanged = true;
        this.found.push(difference);
    }
    /**
     * A field or list item only the live object has, set by someone other than
     * the release. A map Git does not set at all is reported key by key (so a
     * rule on one key, say an annotation `kubectl rollout restart` adds, leaves
     * the others watched); a value the API server defaults is not drift,
     * whoever owns it now.
     */
    added(path, value, pointer) {
        if (pointer !== undefined && this.isCovered(pointer))
            return;
        const last = path[path.length - 1];
        if ((0,paths/* isObject */.Gv)(value) && !compare_isAbsent(value) && typeof last === 'string') {
            for (const [key, inner] of Object.entries(value))
                this.added([...path, key], inner, child(pointer, key, inner));
            if (pointer !== undefined)
                this.covered.push(pointer);
            return;
        }
        if (isServerDefault(this.states.ref.kind, path, value, this.live)) {
            if (pointer !== undefined)
                this.covered.push(pointer);
            return;
        }
        const candidates = pointer === undefined ? [] : (0,managed_fields/* ownersOf */.K2)(this.owners, pointer);
        const manager = (0,managed_fields/* blame */.Sy)(candidates, this.options.releaseManagers);
        if (!manager || this.options.releaseManagers.has(manager.manager))
            return;
        if (pointer !== undefined)
            this.covered.push(pointer);
        this.push('changed-in-cluster', path, pointer, { d: undefined, p: undefined, l: value }, manager);
    }
    /** Fields of the live object that no Git field covers, owned by a manager other than the release's. */
    addedByOthers() {
        for (const owner of this.owners) {
            if (this.options.releaseManagers.has(owner.manager))
                continue;
            const pointers = [...owner.items, ...owner.fields].sort((a, b) => a.length - b.length);
            for (const pointer of pointers) {
                if (this.visited.has(pointer) || this.isCovered(pointer))
                    continue;
                const located = locate(this.live, pointer);
                if (!located || compare_isAbsent(located.value))
                    continue;
                this.added(located.path, located.value, pointer);
            }
        }
    }
    isCovered(pointer) {
        return this.covered.some((leaf) => (0,managed_fields/* within */.ux)(pointer, leaf));
    }
}
/** The manager that created an object (its oldest entry), for objects nobody deployed. */
function creator(live) {
    const all = (0,managed_fields/* owners */.Zk)(live);
    const oldest = [...all].sort((a, b) => (a.time ?? '~').localeCompare(b.time ?? '~'))[0];
    return oldest ? (0,managed_fields/* blame */.Sy)([oldest], new Set()) : undefined;
}
/** The path (keyed segments where the list has a merge key) and value at a live pointer. */
function locate(root, pointer) {
    const path = [];
    let current = root;
    for (const raw of pointer.split('/').slice(1)) {
        const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(current)) {
            const index = Number(part);
            const item = current[index];
            const key = mergeKey([current]);
            path.push(key && (0,paths/* isObject */.Gv)(item) ? { key, value: String(item[key]), index } : index);
            current = item;
        }
        else if ((0,paths/* isObject */.Gv)(current)) {
            path.push(part);
            current = current[part];
        }
        else {
            return undefined;
        }
    }
    return { path, value: current };
}
function child(pointer, key, live) {
    if (pointer === undefined || live === undefined)
        return undefined;
    return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
function asObject(value) {
    return (0,paths/* isObject */.Gv)(value) ? value : {};
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function compare_isAbsent(value) {
    return (value === undefined ||
        value === null ||
        (Array.isArray(value) && value.length === 0) ||
        ((0,paths/* isObject */.Gv)(value) && Object.keys(value).length === 0));
}
/** Equal as Kubernetes means it: empty is absent, `"80"` is `80`, quantities by value. */
function same(a, b, path) {
    if (compare_isAbsent(a) || compare_isAbsent(b))
        return compare_isAbsent(a) && compare_isAbsent(b);
    if (Array.isArray(a) || Array.isArray(b)) {
        return (Array.isArray(a) &&
            Array.isArray(b) &&
            a.length === b.length &&
            a.every((item, i) => same(item, b[i], [...path, i])));
    }
    if ((0,paths/* isObject */.Gv)(a) || (0,paths/* isObject */.Gv)(b)) {
        if (!(0,paths/* isObject */.Gv)(a) || !(0,paths/* isObject */.Gv)(b))
            return false;
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((key) => same(a[key], b[key], [...path, key]));
    }
    if (a === b)
        return true;
    if (isQuantityPath(path)) {
        const x = parseQuantity(a);
        const y = parseQuantity(b);
        if (x !== undefined && y !== undefined)
            return Math.abs(x - y) <= Math.abs(x) * 1e-9;
    }
    return String(a) === String(b);
}
function isQuantityPath(path) {
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    return ((typeof last === 'string' && compare_QUANTITY_KEYS.has(last)) ||
        (typeof parent === 'string' && QUANTITY_PARENTS.has(parent)));
}

;// CONCATENATED MODULE: ./src/drift/ignore.ts


function applyIgnores(differences, rules) {
    const kept = [];
    const suppressed = [];
    const used = new Set();
    for (const difference of differences) {
        let match;
        for (const rule of rules) {
            const reason = rule.match(difference);
            if (reason !== undefined) {
                match = { rule: rule.id, reason, difference };
                break;
            }
        }
        if (match) {
            used.add(match.rule);
            suppressed.push(match);
        }
        else {
            kept.push(difference);
        }
    }
    const unused = rules.filter((rule) => !rule.builtIn && !used.has(rule.id)).map((rule) => rule.id);
    return { kept, suppressed, unused };
}
const WORKLOAD_REPLICAS = ['spec', 'replicas'];
/**
 * `spec.replicas` of every workload an autoscaler targets: the HPAs of the
 * release and the ones live in its namespaces (KEDA and others create their own).
 */
function hpaReplicasRule(autoscalers, defaultNamespace) {
    const targets = new Map();
    for (const hpa of autoscalers) {
        if (hpa.kind !== 'HorizontalPodAutoscaler')
            continue;
        const ref = hpa.spec?.scaleTargetRef;
        if (!ref?.kind || !ref.name)
            continue;
        const namespace = hpa.metadata?.namespace ?? defaultNamespace;
        targets.set(`${(0,kube_objects/* apiGroup */.oI)(ref.apiVersion ?? '')}/${ref.kind}/${namespace}/${ref.name}`, `${namespace}/${hpa.metadata?.name ?? '?'}`);
    }
    return {
        id: 'hpa-replicas',
        reason: "the replicas of a workload a HorizontalPodAutoscaler targets are the autoscaler's to set",
        builtIn: true,
        match(difference) {
            if (!samePath(difference.path, WORKLOAD_REPLICAS))
                return undefined;
            const ref = difference.ref;
            const hpa = targets.get(`${(0,kube_objects/* apiGroup */.oI)(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? defaultNamespace}/${ref.name}`);
            return hpa
                ? `HorizontalPodAutoscaler ${hpa} scales ${ref.kind}/${ref.name} (its scaleTargetRef)`
                : undefined;
        },
    };
}
const CA_BUNDLES = {
    MutatingWebhookConfiguration: [['webhooks', '*', 'clientConfig', 'caBundle']],
    ValidatingWebhookConfiguration: [['webhooks', '*', 'clientConfig', 'caBundle']],
    CustomResourceDefinition: [['spec', 'conversion', 'webhook', 'clientConfig', 'caBundle']],
    APIService: [['spec', 'caBundle']],
};
const webhookCaBundleRule = {
    id: 'webhook-ca-bundle',
    reason: "CA bundles are injected after the deploy (cert-manager's cainjector, or the serving component itself)",
    builtIn: true,
    match(difference) {
        const patterns = CA_BUNDLES[difference.ref.kind] ?? [];
        return patterns.some((pattern) => matchesPrefix(difference.path, pattern))
            ? this.reason
            : undefined;
    },
};
const defaultedRule = {
    id: 'defaulted',
    reason: 'Git leaves the field empty and the API server fills it in',
    builtIn: true,
    match(difference) {
        if (difference.class !== 'changed-in-cluster' || !difference.setByRelease)
            return undefined;
        const empty = difference.deployed === '' ||
            (difference.deployed === undefined && difference.desired === '');
        return empty && difference.live !== undefined && difference.live !== ''
            ? this.reason
            : undefined;
    },
};
function builtInRules(autoscalers, defaultNamespace) {
    return [hpaReplicasRule(autoscalers, defaultNamespace), webhookCaBundleRule, defaultedRule];
}
/** A user's rule; `id` names it in the report (its position in the config, or its own name). */
function userRule(id, spec) {
    const pattern = (0,paths/* parsePointer */.vp)(spec.pointer);
    const reason = spec.reason ?? `ignored by rule ${id}`;
    return {
        id,
        reason,
        builtIn: false,
        spec,
        match(difference) {
            const ref = difference.ref;
            if (spec.kind !== undefined && !glob(spec.kind, ref.kind))
                return undefined;
            if (spec.group !== undefined && !glob(spec.group, (0,kube_objects/* apiGroup */.oI)(ref.apiVersion)))
                return undefined;
            if (spec.name !== undefined && !glob(spec.name, ref.name))
                return undefined;
            if (spec.namespace !== undefined && !glob(spec.namespace, ref.namespace ?? ''))
                return undefined;
            if (spec.manager !== undefined && !glob(spec.manager, difference.manager?.manager ?? ''))
                return undefined;
            return matchesPrefix(difference.path, pattern) ? reason : undefined;
        },
    };
}
/** Whether the pattern's segments match the start of the path (a rule on a map covers what is below it). */
function matchesPrefix(path, pattern) {
    if (pattern.length > path.length)
        return false;
    return pattern.every((part, index) => segmentMatches(path[index], part));
}
function segmentMatches(segment, part) {
    if (part === '*')
        return true;
    if (typeof segment === 'number')
        return String(segment) === part;
    if ((0,paths/* isKeyed */.XX)(segment))
        return segment.value === part || String(segment.index) === part;
    return segment === part;
}
function samePath(path, expected) {
    return path.length === expected.length && (0,paths/* formatPath */.jV)(path) === expected.join('.');
}
/** `*` matches any run of characters; everything else literally. */
function glob(pattern, text) {
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
    return regex.test(text);
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var http_transport = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
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

;// CONCATENATED MODULE: ./src/drift/live.ts



const AUTOSCALER = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
/** Helm stores each release revision in a Secret of this type; they are not the chart's. */
const HELM_RELEASE_SECRETS = 'type!=helm.sh/release.v1';
function kindKey(ref) {
    return `${(0,kube_objects/* apiGroup */.oI)(ref.apiVersion)}/${ref.kind}`;
}
/**
 * LISTs shared by every target of a run: the first target that needs
 * `deployments.apps in shop-dev` lists it, every other target of that
 * namespace reads the same answer. So requests grow with namespaces x
 * kinds, not with releases.
 */
class SharedLists {
    client;
    /** By namespace ('' for cluster-wide), then by resource and selector. */
    lists = new Map();
    constructor(client) {
        this.client = client;
    }
    list(resource, namespace, options) {
        const key = `${resource.group}/${resource.version}/${resource.name} ${options.fieldSelector ?? ''}`;
        let lists = this.lists.get(namespace ?? '');
        if (!lists) {
            lists = new Map();
            this.lists.set(namespace ?? '', lists);
        }
        let list = lists.get(key);
        if (!list) {
            list = this.client.list(resource, namespace, options);
            lists.set(key, list);
        }
        return list;
    }
    /**
     * Drops what was listed in a namespace once no target needs it any more,
     * so a run holds the live objects of the namespaces being checked, not of
     * the whole fleet (a later target of it would list again).
     */
    forget(namespace) {
        this.lists.delete(namespace);
    }
}
async function readLive(client, refs, defaultNamespace, concurrency, shared) {
    const kinds = new Map();
    for (const ref of [...refs, { ...AUTOSCALER, name: '' }])
        if (!kinds.has(kindKey(ref)))
            kinds.set(kindKey(ref), ref);
    const discovered = await mapSettled([...kinds.values()], concurrency, (ref) => client.resource(ref.apiVersion, ref.kind));
    const resources = new Map();
    const unserved = [];
    for (const [index, ref] of [...kinds.values()].entries()) {
        const result = discovered[index];
        if (result?.status === 'rejected')
            throw result.reason;
        if (result?.value)
            resources.set(kindKey(ref), result.value);
        else if (ref.kind !== AUTOSCALER.kind)
            unserved.push(`${ref.apiVersion} ${ref.kind}`);
    }
    const jobs = new Map();
    const namespaces = new Set([defaultNamespace]);
    for (const ref of refs) {
        const resource = resources.get(kindKey(ref));
        if (!resource)
            continue;
        const namespace = resource.namespaced ? (ref.namespace ?? defaultNamespace) : undefined;
        if (namespace)
            namespaces.add(namespace);
        jobs.set(`${kindKey(ref)} ${namespace ?? ''}`, { resource, namespace });
    }
    const autoscaler = resources.get(kindKey(AUTOSCALER));
    if (autoscaler) {
        for (const namespace of namespaces)
            jobs.set(`${kindKey(AUTOSCALER)} ${namespace}`, { resource: autoscaler, namespace });
    }
    const lister = shared ?? client;
    const listed = await mapSettled([...jobs.values()], concurrency, (job) => lister.list(job.resource, job.namespace, job.resource.kind === 'Secret' && job.resource.group === ''
        ? { fieldSelector: HELM_RELEASE_SECRETS }
        : {}));
    const objects = new Map();
    const autoscalers = [];
    for (const result of listed) {
        if (result.status === 'rejected')
            throw result.reason;
        for (const object of result.value ?? []) {
            if (object.kind === AUTOSCALER.kind)
                autoscalers.push(object);
            objects.set((0,kube_objects/* objectKey */.T5)((0,kube_objects/* objectRef */.DA)(object), defaultNamespace), object);
        }
    }
    return {
        objects,
        autoscalers,
        resources,
        unserved,
        lists: [...jobs.values()].map((job) => `${describeResource(job.resource)}${job.namespace ? ` in ${job.namespace}` : ' (cluster-wide)'}`),
    };
}
/**
 * Whether a live object nobody deployed belongs to the release: it carries
 * the release's instance label or Helm's release annotation, and no
 * controller made it (ReplicaSets, Jobs of a CronJob, hook objects).
 */
function carriesReleaseLabels(object, release, namespace) {
    const labels = object.metadata?.labels ?? {};
    const annotations = object.metadata?.annotations ?? {};
    const owners = (object.metadata?.ownerReferences ?? []);
    if (owners.some((owner) => owner.controller))
        return false;
    if (annotations['helm.sh/hook'])
        return false;
    if (labels['app.kubernetes.io/instance'] === release)
        return true;
    return (annotations['meta.helm.sh/release-name'] === release &&
        (annotations['meta.helm.sh/release-namespace'] ?? namespace) === namespace);
}

;// CONCATENATED MODULE: ./src/drift/remediate.ts








/**
 * Restores what was changed or deleted in the cluster to the release's last
 * deployed state, with server-side apply, object by object; nothing that is
 * only in Git (that is the next deploy's job) and no object nobody deployed
 * (deleting what someone created is left to people).
 *
 * Who owns the restored fields decides whether the next deploy works:
 *   - helm applying client-side (helm 3, and releases that began on helm 3):
 *     only the drifted fields are applied, as `pipeline-actions-drift-check`;
 *     helm's next upgrade patches over them (updates never conflict);
 *   - helm applying server-side (helm 4): the object is applied whole, as helm
 *     last applied it, under helm's own field manager. Under any other
 *     manager, the next `helm upgrade` that changes a restored field fails
 *     with "Apply failed with N conflicts" (helm 4 does not force).
 * Fields someone added are removed with a JSON patch guarded by a test of
 * their current value, so a change made in between is never lost silently.
 */
const FIELD_MANAGER = 'pipeline-actions-drift-check';
/** SSA merge keys copied into list items of a partial apply, so the server finds the item. */
const ITEM_KEYS = ['name', 'containerPort', 'protocol', 'port', 'mountPath', 'devicePath', 'ip'];
async function remediate(client, input) {
    const writer = releaseMethod([...input.live.values()]);
    const serverSide = writer?.operation === 'Apply';
    const report = {
        method: serverSide
            ? `server-side apply of each whole object as helm last applied it, as field manager "${writer.manager}" (the release is applied server-side)`
            : `server-side apply of the drifted fields, as field manager "${FIELD_MANAGER}"`,
        restored: [],
        failed: [],
        skipped: [],
    };
    const plans = new Map();
    for (const difference of input.differences) {
        const ref = difference.ref;
        if (difference.class === 'not-deployed' || difference.class === 'extra-in-cluster') {
            report.skipped.push({
                object: ref,
                path: (0,paths/* formatPath */.jV)(difference.path),
                why: difference.class === 'not-deployed'
                    ? 'only in Git: the next deploy brings it'
                    : 'nobody deployed it: delete it, or add it to Git',
            });
            continue;
        }
        const key = (0,kube_objects/* objectKey */.T5)(ref, input.namespace);
        const deployed = input.deployed.get(key);
        const resource = input.resources.get(kindKey(ref));
        if (!deployed || !resource)
            continue;
        let plan = plans.get(key);
        if (!plan) {
            const whole = serverSide || difference.class === 'missing-from-cluster';
            plan = {
                ref,
                resource,
                manager: serverSide && writer ? writer.manager : FIELD_MANAGER,
                removals: [],
                fields: [],
                differences: [],
                ...(whole ? { apply: owned(deployed, input.release, input.namespace, resource) } : {}),
            };
            plans.set(key, plan);
        }
        plan.differences.push(difference);
        plan.fields.push(difference.path.length === 0 ? '(the whole object)' : (0,paths/* formatPath */.jV)(difference.path));
        if (difference.deployed === undefined && difference.live !== undefined) {
            const raw = valueAtPointer(input.live.get(key), difference.pointer);
            plan.removals.push({ op: 'test', path: difference.pointer, value: raw }, { op: 'remove', path: difference.pointer });
        }
        else if (difference.path.length > 0 && !serverSide) {
            plan.apply ??= skeleton(deployed, input.namespace, resource);
            restoreField(plan.apply, normalizeObject(deployed), difference.path);
        }
    }
    const results = await mapSettled([...plans.values()], input.concurrency, async (plan) => {
        if (plan.apply)
            await client.apply(plan.resource, plan.apply, { fieldManager: plan.manager, force: true });
        if (plan.removals.length > 0) {
            await client.jsonPatch(plan.resource, plan.resource.namespaced ? (plan.ref.namespace ?? input.namespace) : undefined, plan.ref.name, orderRemovals(plan.removals), {
                fieldManager: FIELD_MANAGER,
            });
        }
    });
    for (const [index, plan] of [...plans.values()].entries()) {
        const result = results[index];
        if (result?.status === 'rejected') {
            report.failed.push(explainFailure(plan, result.reason, input.namespace));
        }
        else {
            report.restored.push({ object: plan.ref, fields: plan.fields });
        }
    }
    return report;
}
/**
 * Why a restore was refused, and what to do. A list item whose key field was
 * edited in the cluster (a container port's number) is, to server-side
 * apply, another item: applying the deployed one adds it beside the edited
 * one, and validation refuses two items with the same name.
 */
function explainFailure(plan, error, namespace) {
    const object = (0,kube_objects/* describeObject */.v8)(plan.ref);
    const failed = { object: plan.ref, error: `${object}: ${(0,src_errors/* errorMessage */.gJ)(error)}` };
    if ((0,src_errors/* isUserError */.iU)(error))
        return { ...failed, ...(error.fix ? { fix: error.fix } : {}) };
    if (!(error instanceof KubeApiError))
        return failed;
    const duplicates = error.causes.filter((cause) => cause.reason === 'FieldValueDuplicate' || /^Duplicate value/.test(cause.message ?? ''));
    if (duplicates.length > 0) {
        // The API server may name the same duplicate more than once.
        const refused = [
            ...new Set(duplicates.map((cause) => `${cause.field ? `${cause.field}: ` : ''}${cause.message ?? 'Duplicate value'}`)),
        ].join('; ');
        const rekeyed = plan.differences.filter(isRekeyed);
        const edits = rekeyed
            .map((difference) => `${(0,paths/* formatPath */.jV)(difference.path)} ${remediate_show(difference.deployed)} → ${remediate_show(difference.live)}`)
            .join(', ');
        const patch = rekeyed.map((difference) => ({
            op: 'replace',
            path: difference.pointer,
            value: difference.deployed,
        }));
        const where = `${plan.ref.kind.toLowerCase()}/${plan.ref.name}${plan.ref.namespace || namespace ? ` -n ${plan.ref.namespace ?? namespace}` : ''}`;
        return {
            object: plan.ref,
            error: `${object}: the API server refused the restore as a list-key conflict (${refused}).` +
                (edits
                    ? ` The cluster's edit changed a field that identifies a list item to server-side apply (${edits}), so applying the deployed item adds it next to the edited one instead of replacing it.`
                    : ' A list item in the cluster has the same name as the deployed one but other key fields, so server-side apply adds the deployed item next to it instead of replacing it.'),
            fix: patch.length > 0
                ? `set the value back in place, e.g. kubectl patch ${where} --type=json -p '${JSON.stringify(patch)}', or deploy the release again; then run drift-check again.`
                : `edit the list item back to what the release deployed (kubectl edit ${where}), or deploy the release again; then run drift-check again.`,
        };
    }
    if (error.status === 409) {
        return {
            ...failed,
            fix: 'the object changed while it was restored; run drift-check again.',
        };
    }
    return failed;
}
/** A change to a field the server identifies a list item by (`ports[name=http].containerPort`), under a list matched by another key. */
function isRekeyed(difference) {
    const field = difference.path[difference.path.length - 1];
    const item = difference.path[difference.path.length - 2];
    return (difference.change === 'changed' &&
        typeof field === 'string' &&
        ITEM_KEYS.includes(field) &&
        item !== undefined &&
        (0,paths/* isKeyed */.XX)(item) &&
        item.key !== field);
}
function remediate_show(value) {
    return JSON.stringify(value) ?? 'nothing';
}
/** How helm writes this release, from the objects' managedFields: the manager that set Helm's annotation. */
function releaseMethod(live) {
    const writers = live.map(managed_fields/* releaseWriter */.Fo).filter((writer) => writer !== undefined);
    const applied = writers.filter((writer) => writer.operation === 'Apply');
    return applied.length > writers.length / 2 ? applied[0] : writers[0];
}
/** The deployed object with the metadata helm adds when it applies it (so helm keeps owning it). */
function owned(deployed, release, namespace, resource) {
    const object = structuredClone(deployed);
    const metadata = (object.metadata ??= {});
    if (resource.namespaced)
        metadata.namespace ??= namespace;
    else
        delete metadata.namespace;
    metadata.labels = { ...metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' };
    metadata.annotations = {
        ...metadata.annotations,
        'meta.helm.sh/release-name': release,
        'meta.helm.sh/release-namespace': namespace,
    };
    return object;
}
/** apiVersion, kind and name: the start of a partial apply. */
function skeleton(deployed, namespace, resource) {
    return {
        apiVersion: deployed.apiVersion ?? '',
        kind: deployed.kind ?? '',
        metadata: {
            name: deployed.metadata?.name ?? '',
            ...(resource.namespaced ? { namespace: deployed.metadata?.namespace ?? namespace } : {}),
        },
    };
}
/**
 * Copies the deployed value at `path` into the apply configuration, with
 * the structure above it: list items by their merge keys; a list without
 * merge keys (atomic for server-side apply) whole.
 */
function restoreField(target, deployed, path) {
    let into = target;
    let from = deployed;
    for (let index = 0; index < path.length; index++) {
        const segment = path[index];
        const last = index === path.length - 1;
        if (typeof segment === 'number')
            return; // handled by the list's parent (whole list)
        if ((0,paths/* isKeyed */.XX)(segment))
            return; // handled by the parent (below)
        const value = (0,paths/* isObject */.Gv)(from) ? from[segment] : undefined;
        const next = path[index + 1];
        if (last || value === undefined || (typeof next === 'number' && Array.isArray(value))) {
            into[segment] = structuredClone(value);
            return;
        }
        if (next !== undefined && (0,paths/* isKeyed */.XX)(next) && Array.isArray(value)) {
            const item = value.find((entry) => (0,paths/* isObject */.Gv)(entry) && String(entry[next.key]) === next.value);
            if (!(0,paths/* isObject */.Gv)(item))
                return;
            const list = (Array.isArray(into[segment]) ? into[segment] : []);
            into[segment] = list;
            let entry = list.find((existing) => String(existing[next.key]) === next.value);
            if (!entry) {
                entry = Object.fromEntries(ITEM_KEYS.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]));
                list.push(entry);
            }
            if (index + 1 === path.length - 1) {
                Object.assign(entry, structuredClone(item));
                return;
            }
            into = entry;
            from = item;
            index++;
            continue;
        }
        if (!(0,paths/* isObject */.Gv)(into[segment]))
            into[segment] = {};
        into = into[segment];
        from = value;
    }
}
function valueAtPointer(object, pointer) {
    let current = object;
    for (const raw of pointer.split('/').slice(1)) {
        const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(current))
            current = current[Number(part)];
        else if ((0,paths/* isObject */.Gv)(current))
            current = current[part];
        else
            return undefined;
    }
    return current;
}
/** Removals of list items go from the highest index down, so earlier ones do not shift later ones. */
function orderRemovals(operations) {
    const pairs = [];
    for (let index = 0; index < operations.length; index += 2)
        pairs.push(operations.slice(index, index + 2));
    const parts = (pointer) => String(pointer).split('/');
    pairs.sort((a, b) => {
        const x = parts(a[0]?.path);
        const y = parts(b[0]?.path);
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] === y[i])
                continue;
            const nx = Number(x[i]);
            const ny = Number(y[i]);
            return Number.isInteger(nx) && Number.isInteger(ny)
                ? ny - nx
                : (x[i] ?? '').localeCompare(y[i] ?? '');
        }
        return y.length - x.length;
    });
    return pairs.flat();
}

;// CONCATENATED MODULE: ./src/record/record.ts

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
class UnreadableRecord extends src_errors/* UserError */.yo {
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

// EXTERNAL MODULE: ./src/drift/report.ts
var drift_report = __webpack_require__(4201);
;// CONCATENATED MODULE: ./src/drift/check.ts









function recordSummary(record) {
    return {
        app: record.app,
        ...(record.commit ? { commit: record.commit } : {}),
        ...(record.run ? { run: record.run } : {}),
        ...(record.build.version ? { buildVersion: record.build.version } : {}),
        images: record.images.map((image) => `${image.image}@${image.digest}`),
        deployedAt: record.deployedAt,
    };
}
async function checkTarget(target, deps) {
    const before = { ...deps.client.counts };
    const helm = await deps.states(target);
    const refs = [...helm.desired, ...helm.deployed].map(kube_objects/* objectRef */.DA);
    let live = await readLive(deps.client, refs, target.namespace, deps.concurrency, deps.lists);
    const deployed = byKey(helm.deployed, target.namespace);
    const compare = (state) => {
        const differences = differencesOf(target, helm.desired, deployed, state);
        const rules = [
            ...builtInRules([...state.autoscalers, ...helm.desired], target.namespace),
            ...deps.userRules,
        ];
        return applyIgnores(differences, rules);
    };
    const outcome = compare(live);
    const report = {
        release: target.release,
        namespace: target.namespace,
        chart: helm.chart,
        status: outcome.kept.length > 0 ? 'drifted' : 'clean',
        deployedRevision: helm.revision.revision,
        basis: helm.basis,
        ...(helm.render ? { render: helm.render } : {}),
        ...(helm.record ? { record: recordSummary(helm.record) } : {}),
        counts: (0,drift_report/* countByClass */.VR)(outcome.kept),
        changes: outcome.kept.map((difference) => (0,drift_report/* reportChange */.RJ)(difference, deps.redactor)),
        ignored: outcome.suppressed.map(drift_report/* reportIgnored */.J3),
        unusedRules: outcome.unused,
        objects: {
            desired: helm.desired.length,
            deployed: helm.deployed.length,
            live: live.objects.size,
        },
    };
    if (live.unserved.length > 0) {
        for (const change of report.changes) {
            if (live.unserved.includes(`${change.object.apiVersion} ${change.object.kind}`)) {
                change.note = `the API server does not serve ${change.object.apiVersion} ${change.object.kind} (a CRD removed?)`;
            }
        }
    }
    if (deps.remediate && outcome.kept.some((difference) => restorable(difference))) {
        report.remediation = await remediate(deps.client, {
            release: target.release,
            namespace: target.namespace,
            differences: outcome.kept,
            deployed,
            live: live.objects,
            resources: live.resources,
            concurrency: deps.concurrency,
        });
        live = await readLive(deps.client, refs, target.namespace, deps.concurrency);
        const after = compare(live);
        report.after = {
            counts: (0,drift_report/* countByClass */.VR)(after.kept),
            changes: after.kept.map((difference) => (0,drift_report/* reportChange */.RJ)(difference, deps.redactor)),
        };
    }
    report.requests = since(before, deps.client.counts);
    return { report, suppressed: outcome.suppressed };
}
function restorable(difference) {
    return difference.class === 'changed-in-cluster' || difference.class === 'missing-from-cluster';
}
/** Every object in any of its three states, compared. */
function differencesOf(target, desired, deployed, live) {
    const wanted = byKey(desired, target.namespace);
    const keys = new Set([...wanted.keys(), ...deployed.keys()]);
    for (const [key, object] of live.objects) {
        if (isRecordObject(object))
            continue;
        if (!keys.has(key) && carriesReleaseLabels(object, target.release, target.namespace))
            keys.add(key);
    }
    const releaseManagers = new Set(['helm', FIELD_MANAGER]);
    for (const key of keys) {
        const writer = (0,managed_fields/* releaseWriter */.Fo)(live.objects.get(key));
        if (writer)
            releaseManagers.add(writer.manager);
    }
    const differences = [];
    for (const key of [...keys].sort()) {
        const object = wanted.get(key) ?? deployed.get(key) ?? live.objects.get(key);
        if (!object)
            continue;
        const found = compareObject({
            ref: qualified((0,kube_objects/* objectRef */.DA)(object), live, target.namespace),
            desired: wanted.get(key),
            deployed: deployed.get(key),
            live: live.objects.get(key),
        }, { releaseManagers });
        // By field, whatever order the chart (or kustomize) wrote them in.
        differences.push(...found.sort((a, b) => (0,paths/* formatPath */.jV)(a.path).localeCompare((0,paths/* formatPath */.jV)(b.path))));
    }
    return differences;
}
function byKey(objects, namespace) {
    return new Map(objects.map((object) => [(0,kube_objects/* objectKey */.T5)((0,kube_objects/* objectRef */.DA)(object), namespace), object]));
}
/** The namespace filled in for namespaced kinds, dropped for cluster-scoped ones. */
function qualified(ref, live, namespace) {
    const resource = live.resources.get(kindKey(ref));
    const { namespace: own, ...rest } = ref;
    return resource && !resource.namespaced ? rest : { ...rest, namespace: own ?? namespace };
}
function since(before, now) {
    return {
        discovery: now.discovery - before.discovery,
        list: now.list - before.list,
        apply: now.apply - before.apply,
        patch: now.patch - before.patch,
        total: now.total - before.total,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/manifest/index.ts + 12 modules
var manifest = __webpack_require__(6727);
// EXTERNAL MODULE: ./src/record/app-key.ts
var app_key = __webpack_require__(5272);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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

// EXTERNAL MODULE: ./src/manifest/environments.ts
var environments = __webpack_require__(923);
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
        .set('NAMESPACE', environment ? (0,environments/* environmentNamespace */.L)(manifest, environment) : manifest.namespace, { source });
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/release/storage.ts


/** The statuses a LIST asks for: the revision that serves, and any in progress. */
const LIVE_STATUSES = ['deployed', 'pending-install', 'pending-upgrade', 'pending-rollback'];
/** A storage object that cannot be decoded: reported as an error of that release, never as "no drift". */
class ReleaseDecodeError extends Error {
    name = 'ReleaseDecodeError';
}
const SECRET = {
    group: '',
    version: 'v1',
    kind: 'Secret',
    name: 'secrets',
    namespaced: true,
    verbs: ['get', 'list'],
};
const CONFIG_MAP = { ...SECRET, kind: 'ConfigMap', name: 'configmaps' };
const MAX_DECODED_BYTES = 64 * 1024 * 1024;
/**
 * Storage objects per page: each holds a whole release (its chart too), so
 * pages of 100 keep a page's body to a few MB however large the fleet.
 */
const STORAGE_PAGE_SIZE = 100;
/** The driver helm would use, from HELM_DRIVER as helm reads it; undefined for those that keep releases outside the cluster (sql, memory) or unknown ones. */
function clusterDriver(value = process.env.HELM_DRIVER) {
    const driver = (value ?? '').trim().toLowerCase();
    if (driver === '' || driver === 'secret' || driver === 'secrets')
        return 'secret';
    if (driver === 'configmap' || driver === 'configmaps')
        return 'configmap';
    return undefined;
}
/** The driver helm would use, from HELM_DRIVER as helm reads it; a clear error for those outside the cluster. */
function storageDriver(value = process.env.HELM_DRIVER) {
    const driver = clusterDriver(value);
    if (driver)
        return driver;
    if ((value ?? '').trim().toLowerCase() === 'sql') {
        throw new src_errors/* UserError */.yo('HELM_DRIVER=sql keeps Helm releases in an SQL database, outside the cluster; drift-check reads them only from the cluster.', {
            fix: 'deploy with the default secret driver (or configmap), or unset HELM_DRIVER for this job.',
        });
    }
    throw new src_errors/* UserError */.yo(`HELM_DRIVER=${value} is not a storage driver drift-check can read (secret, configmap).`, {
        fix: 'set HELM_DRIVER to secret or configmap, as the deploys used, or unset it (secret).',
    });
}
class ReleaseStorage {
    client;
    driver;
    constructor(client, driver = 'secret') {
        this.client = client;
        this.driver = driver;
    }
    /**
     * The live revisions (deployed or in progress) of every release in a
     * namespace, or cluster-wide when `namespace` is undefined; one LIST.
     * `selector` adds label requirements (e.g. `pipeline-actions.dev/environment=dev`).
     */
    async list(namespace, selector = []) {
        const resource = this.resource();
        const labelSelector = [
            'owner=helm',
            `status in (${LIVE_STATUSES.join(',')})`,
            ...selector,
        ].join(',');
        // Page by page, keeping of each object only its labels and its compressed entry.
        const revisions = [];
        try {
            await this.client.listEach(resource, namespace, { labelSelector, pageSize: STORAGE_PAGE_SIZE }, {
                item: (item) => {
                    const revision = this.revisionOf(item);
                    if (revision)
                        revisions.push(revision);
                },
                restart: () => (revisions.length = 0),
            });
        }
        catch (error) {
            throw forbidden(error, resource, namespace) ?? error;
        }
        return revisions;
    }
    /**
     * Every revision Helm keeps of one release, whatever its status, oldest
     * first (what `helm history` reads); one LIST. Empty when there is none.
     */
    async history(release, namespace) {
        const resource = this.resource();
        let items;
        try {
            items = await this.client.list(resource, namespace, {
                labelSelector: `owner=helm,name=${release}`,
            });
        }
        catch (error) {
            throw forbidden(error, resource, namespace) ?? error;
        }
        return (items ?? [])
            .flatMap((item) => {
            const revision = this.revisionOf(item);
            return revision?.name === release ? [revision] : [];
        })
            .sort((a, b) => a.revision - b.revision);
    }
    /** One revision of a release (what `helm get manifest --revision` reads); one GET, undefined when there is none. */
    async revision(release, namespace, revision) {
        const resource = this.resource();
        let item;
        try {
            item = await this.client.get(resource, namespace, `sh.helm.release.v1.${release}.v${revision}`);
        }
        catch (error) {
            throw forbidden(error, resource, namespace) ?? error;
        }
        return item ? this.revisionOf(item) : undefined;
    }
    resource() {
        return this.driver === 'secret' ? SECRET : CONFIG_MAP;
    }
    revisionOf(item) {
        const metadata = item.metadata ?? {};
        const labels = (metadata.labels ?? {});
        const name = labels.name;
        const revision = Number(labels.version);
        if (!name || !Number.isInteger(revision))
            return undefined;
        const namespace = metadata.namespace ?? '';
        const object = `${item.kind ?? (this.driver === 'secret' ? 'Secret' : 'ConfigMap')} ${metadata.name ?? ''} in ${namespace}`;
        // Only the entry is kept, not the object it came in.
        const entry = item.data?.release;
        const secret = this.driver === 'secret';
        return {
            name,
            namespace,
            revision,
            status: labels.status ?? 'unknown',
            labels,
            object,
            decode: () => decodeRelease(entry, secret, object),
        };
    }
}
/** Helm's `release` entry: base64 (twice for a Secret's data), gzip (older helm: plain), JSON. */
function decodeRelease(entry, secret, object) {
    if (!entry)
        throw new ReleaseDecodeError(`${object} has no "release" entry.`);
    let raw;
    try {
        const text = secret ? Buffer.from(entry, 'base64').toString('latin1') : entry;
        raw = Buffer.from(text, 'base64');
        if (raw[0] === 0x1f && raw[1] === 0x8b) {
            raw = (0,external_node_zlib_.gunzipSync)(raw, { maxOutputLength: MAX_DECODED_BYTES });
        }
    }
    catch (error) {
        throw new ReleaseDecodeError(`${object} is not a readable Helm release: ${String(error)}`, {
            cause: error,
        });
    }
    let json;
    try {
        json = JSON.parse(raw.toString('utf8'));
    }
    catch (error) {
        throw new ReleaseDecodeError(`${object} does not hold a Helm release as JSON.`, {
            cause: error,
        });
    }
    if (typeof json !== 'object' || json === null || typeof json.name !== 'string') {
        throw new ReleaseDecodeError(`${object} does not hold a Helm release (no name).`);
    }
    return {
        name: json.name,
        namespace: json.namespace ?? '',
        version: json.version ?? 0,
        manifest: json.manifest ?? '',
        info: {
            status: json.info?.status ?? 'unknown',
            description: json.info?.description ?? '',
            lastDeployed: json.info?.last_deployed,
        },
        chart: {
            name: json.chart?.metadata?.name ?? '',
            version: json.chart?.metadata?.version ?? '',
            appVersion: json.chart?.metadata?.appVersion,
        },
        labels: json.labels ?? {},
    };
}
/** Groups a listing by release name. */
function releaseStates(revisions) {
    const states = new Map();
    for (const revision of revisions) {
        const key = `${revision.namespace}/${revision.name}`;
        const state = states.get(key) ?? { current: undefined, deployed: undefined };
        if (!state.current || revision.revision > state.current.revision)
            state.current = revision;
        if (revision.status === 'deployed' &&
            (!state.deployed || revision.revision > state.deployed.revision))
            state.deployed = revision;
        states.set(key, state);
    }
    return states;
}
/** A LIST refused for RBAC, as the one message that names the missing permission. */
function forbidden(error, resource, namespace) {
    if (!(error instanceof src_errors/* UserError */.yo) || !/forbidden|does not allow/i.test(error.message))
        return undefined;
    const where = namespace ? `in namespace ${namespace}` : 'cluster-wide';
    return new src_errors/* UserError */.yo(`The kubeconfig's identity may not list ${resource.name} ${where}, where Helm keeps its releases, so the deployed releases cannot be read. ${error.message}`, {
        fix: `grant it get and list on ${resource.name} ${where} (a Role with apiGroups [""], resources ["${resource.name}"], verbs ["get", "list"], bound to it)${namespace ? '' : ', or give the namespaces (default.json, or .github/drift.yml targets) so only those are read'}.`,
        cause: error,
    });
}

;// CONCATENATED MODULE: ./src/drift/plan.ts











async function planTargets(inputs) {
    const namespaces = new Set();
    if (inputs.configured)
        for (const target of inputs.configured)
            namespaces.add(target.namespace);
    else if (inputs.manifest)
        namespaces.add((0,manifest/* environmentNamespace */.LD)(inputs.manifest, inputs.environment));
    else
        namespaces.add(undefined);
    // Cluster-wide, only the revisions whose labels name this environment (the record's short keys).
    const wide = isLabelValue(inputs.environment)
        ? [`${RECORD_LABELS.environment}=${inputs.environment}`]
        : [];
    const listed = await mapSettled([...namespaces], inputs.concurrency, (namespace) => inputs.storage.list(namespace, namespace === undefined ? wide : []));
    const revisions = [];
    for (const result of listed) {
        if (result.status === 'rejected')
            throw result.reason;
        revisions.push(...result.value);
    }
    const states = releaseStates(revisions);
    if (inputs.configured) {
        return inputs.configured
            .filter((target) => inShard(inputs.shard, target.namespace, target.release))
            .map((target) => ({
            target,
            state: states.get(`${target.namespace}/${target.release}`),
            source: 'config',
        }));
    }
    return discover(inputs, states);
}
/** Zero configuration: the releases whose records name this app, environment and repository. */
function discover(inputs, states) {
    const appDir = inputs.manifest
        ? (0,app_key/* appKey */.$)(inputs.manifest.application.name, inputs.workspace, inputs.manifestPath).dir
        : undefined;
    const appName = inputs.manifest?.application.name;
    const planned = [];
    const unrecorded = [];
    const sorted = [...states.entries()].sort(([a], [b]) => a.localeCompare(b));
    const ours = (record) => record.environment === inputs.environment &&
        !(inputs.repository && record.repository && record.repository !== inputs.repository) &&
        (appDir === undefined || record.app.dir === appDir);
    for (const [key, state] of sorted) {
        const revision = state.deployed ?? state.current;
        if (!revision || !inShard(inputs.shard, revision.namespace, revision.name))
            continue;
        const where = `release ${revision.name} in namespace ${revision.namespace}`;
        const base = {
            release: revision.name,
            namespace: revision.namespace,
            environments: undefined,
            chart: '',
            version: undefined,
            repositoryUrl: undefined,
            values: [],
            set: {},
            kustomize: undefined,
            image: undefined,
            buildVersion: undefined,
            allowMutableTags: false,
            where: `the deploy record of ${where}`,
        };
        // A first install that never finished has no deployed revision; its pending one still
        // says whose it is, so the release is checked (and reported as such), not taken for unrecorded.
        const recorded = state.deployed ?? firstInstallPending(state);
        let record;
        try {
            record = recorded ? decodeRecord(recorded) : undefined;
        }
        catch (error) {
            // A record (or a release) that cannot be read is an error of that release, never skipped.
            planned.push({ target: base, state, source: 'record', error });
            continue;
        }
        if (!record) {
            if (appName && revision.name === appName)
                unrecorded.push(key);
            continue;
        }
        if (!ours(record))
            continue;
        planned.push({ target: targetFromRecord(base, record), state, source: 'record' });
    }
    if (planned.length === 0 && inputs.shard) {
        // A shard may be empty when the fleet is small: that is no error if other shards have releases.
        const elsewhere = sorted.some(([, state]) => {
            const revision = state.deployed;
            if (!revision || inShard(inputs.shard, revision.namespace, revision.name))
                return false;
            try {
                const record = decodeRecord(revision);
                return record !== undefined && ours(record);
            }
            catch {
                return false; // not known to be ours: the shard that holds it reports it
            }
        });
        if (elsewhere)
            return [];
    }
    if (planned.length === 0) {
        const [first] = unrecorded;
        if (first) {
            const [namespace, release] = first.split('/');
            throw new src_errors/* UserError */.yo(`Release ${release} in namespace ${namespace} has no deploy record (it was deployed before helm-deploy wrote one, or by another tool), and there is no drift config to say how Git renders it.`, {
                fix: `deploy it once with helm-deploy (which records it), or describe it in .github/drift.yml: targets: [{ release: ${release}, namespace: ${namespace}, chart: …, values: […] }].`,
            });
        }
        const where = inputs.manifest
            ? `namespace ${(0,manifest/* environmentNamespace */.LD)(inputs.manifest, inputs.environment)}`
            : 'any namespace this kubeconfig can read';
        throw new src_errors/* UserError */.yo(`No release in ${where} has a deploy record of ${appName ? `app ${appName}` : 'this repository'} for environment "${inputs.environment}"${inputs.shard ? ` in shard ${inputs.shard.index}/${inputs.shard.count}` : ''}.`, {
            fix: 'deploy the app to this environment with helm-deploy first (it writes the record), or list the releases to check in .github/drift.yml.',
        });
    }
    return planned;
}
/** The pending revision of a first install that never finished (no revision was ever deployed). */
function firstInstallPending(state) {
    const current = state?.current;
    return !state?.deployed && current?.status === 'pending-install' ? current : undefined;
}
function targetFromRecord(base, record) {
    const request = record.request;
    return {
        ...base,
        chart: request.chart,
        version: request.version,
        repositoryUrl: request.repositoryUrl,
        values: request.values,
        set: request.set,
        kustomize: request.kustomize,
        allowMutableTags: request.allowMutableTags,
        manifestPath: request.manifest,
    };
}
/**
 * A revision's objects and record, decoded when its release is checked and
 * not kept afterwards (the caller drops them with the target's result), so
 * memory does not grow with the fleet.
 */
function decodeRevision(revision) {
    const where = revisionName(revision);
    const all = parseManifestObjects(revision.decode().manifest, `the manifest of ${where}`);
    return {
        objects: all.filter((object) => !isRecordObject(object)),
        record: findRecord(all, where),
    };
}
/**
 * A revision's record alone, for planning: only the manifest's documents
 * that mention the record's label are parsed, the chart's objects are not.
 */
function decodeRecord(revision) {
    const where = revisionName(revision);
    const candidates = revision
        .decode()
        .manifest.split(/^---(?:[ \t].*)?$/m)
        .filter((document) => document.includes(RECORD_OBJECT_LABEL));
    if (candidates.length === 0)
        return undefined;
    return findRecord(parseManifestObjects(candidates.join('\n---\n'), `the manifest of ${where}`), where);
}
function revisionName(revision) {
    return `release ${revision.name} revision ${revision.revision} in namespace ${revision.namespace}`;
}
/**
 * Whether Git asks now for what the record says was deployed: the request
 * hash of the target as Git has it now, against the record's.
 */
async function gitUnchanged(target, record, options) {
    const manifest = target.manifest ?? (await manifestFor(target, options));
    const now = requestHash({
        workspace: options.workspace,
        manifest,
        environment: options.environment,
        chart: target.chart,
        version: target.version,
        repositoryUrl: target.repositoryUrl,
        values: target.values,
        set: target.set,
        kustomize: target.kustomize,
        allowMutableTags: target.allowMutableTags,
    });
    return now === record.request.hash;
}
/** The default.json a target's values are templated with: the record's, when it names another file. */
async function manifestFor(target, options) {
    if (!target.manifestPath)
        return options.manifest;
    const file = (0,external_node_path_.isAbsolute)(target.manifestPath)
        ? target.manifestPath
        : (0,external_node_path_.resolve)(options.workspace, target.manifestPath);
    const given = options.manifestPath ? (0,external_node_path_.resolve)(options.workspace, options.manifestPath) : undefined;
    if (options.manifest && given === file)
        return options.manifest;
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    target.manifest = await (0,manifest/* loadManifest */.eY)(file, { displayPath: target.manifestPath });
    return target.manifest;
}
/** Parses `3/8`: the third of eight shards. */
function parseShard(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new src_errors/* UserError */.yo(`Input "shard" is "${value}"; it must be k/n with 1 <= k <= n, e.g. 3/8.`, {
            fix: 'give the shard as its number and the number of shards, e.g. shard: ${{ matrix.shard }}/8.',
        });
    }
    return { index, count };
}
/** A stable choice: the same release always falls in the same shard, whatever else is deployed. */
function inShard(shard, namespace, release) {
    if (!shard || shard.count === 1)
        return true;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${namespace}/${release}`).digest();
    return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}

;// CONCATENATED MODULE: ./src/drift/states.ts


async function targetStates(planned, env) {
    if (planned.error)
        throw planned.error;
    const target = planned.target;
    const revision = deployedRevision(planned);
    const { objects: deployed, record } = decodeRevision(revision);
    const common = { deployed, revision: { revision: revision.revision, status: revision.status } };
    if (record) {
        const options = {
            workspace: env.workspace,
            environment: env.environment,
            manifest: env.manifest,
            manifestPath: env.manifestPath,
        };
        if (await gitUnchanged(target, record, options)) {
            const chart = `${record.chart.ref}${record.chart.version ? ` ${record.chart.version}` : ''}`;
            return { ...common, desired: deployed, chart, basis: 'deployed', record };
        }
        const withBuild = {
            ...target,
            image: target.image ?? record.build.image,
            buildVersion: target.buildVersion ?? record.build.version,
            manifest: await manifestFor(target, options),
        };
        const rendered = await env.renderSlot(() => env.renderer.render(withBuild, record));
        return {
            ...common,
            desired: rendered.objects,
            chart: rendered.chart,
            basis: 'rendered',
            render: rendered.mode,
            record,
        };
    }
    const rendered = await env.renderSlot(() => env.renderer.render(target));
    return {
        ...common,
        desired: rendered.objects,
        chart: rendered.chart,
        basis: 'no-record',
        render: rendered.mode,
    };
}
/** The last deployed revision; a release that is missing, pending or never deployed is an error, not "no drift". */
function deployedRevision(planned) {
    const { target, state } = planned;
    const where = `release ${target.release} in namespace ${target.namespace}`;
    if (!state?.current) {
        throw new src_errors/* UserError */.yo(`There is no ${where}: nothing was deployed to compare with.`, {
            fix: `deploy it first, or correct release/namespace in ${target.where}.`,
        });
    }
    const firstInstall = firstInstallPending(state);
    if (firstInstall) {
        const since = pendingSince(firstInstall);
        throw new src_errors/* UserError */.yo(`The first install of ${where} never finished: revision ${firstInstall.revision} is pending-install${since ? ` since ${since}` : ''}, and no revision was ever deployed to compare with.`, {
            fix: `if no deploy of it is running now, deploy again with helm-deploy's recover-pending: true (it removes a first install that never finished, then installs), or remove it with \`helm uninstall ${target.release} -n ${target.namespace}\`.`,
        });
    }
    if (state.current.status.startsWith('pending-')) {
        throw new src_errors/* UserError */.yo(`The ${where} is ${state.current.status} (revision ${state.current.revision}): a deploy is running or was cancelled, so its live state proves nothing yet.`, {
            fix: "check again after the deploy; a release stuck pending is recovered with helm-deploy's recover-pending.",
        });
    }
    if (!state.deployed) {
        throw new src_errors/* UserError */.yo(`The ${where} has no deployed revision (the latest is ${state.current.status}).`, {
            fix: 'deploy it successfully first; drift is measured against the last deployed revision.',
        });
    }
    return state.deployed;
}
/** When a pending revision started (helm's last_deployed), when its body can be read. */
function pendingSince(revision) {
    try {
        return revision.decode().info.lastDeployed;
    }
    catch {
        return undefined;
    }
}
/** A bound on concurrent tasks (each render starts a helm process: a few at once). */
function slots(limit) {
    let running = 0;
    const waiting = [];
    return async (task) => {
        if (running >= limit)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await task();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}

// EXTERNAL MODULE: ./src/drift/redact.ts
var drift_redact = __webpack_require__(2814);
;// CONCATENATED MODULE: ./src/helm/archive.ts


const DEFAULT_LIMITS = {
    maxUnpackedBytes: 100 * 1024 * 1024,
    maxFiles: 10_000,
};
const archive_BLOCK = 512;
function readChartArchive(tgz, source, limits = {}) {
    const bounds = { ...DEFAULT_LIMITS, ...limits };
    let tar;
    try {
        tar = (0,external_node_zlib_.gunzipSync)(tgz, { maxOutputLength: bounds.maxUnpackedBytes });
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
    while (offset + archive_BLOCK <= tar.length) {
        const header = tar.subarray(offset, offset + archive_BLOCK);
        if (header.every((byte) => byte === 0))
            break; // end of archive
        if (!checksumMatches(header))
            throw notAChart(source, `a tar header at byte ${offset} is corrupt`);
        const size = readSize(header.subarray(124, 136));
        const type = String.fromCharCode(header[156] ?? 0);
        const dataStart = offset + archive_BLOCK;
        const dataEnd = dataStart + size;
        if (dataEnd > tar.length)
            throw notAChart(source, 'it is truncated');
        const data = tar.subarray(dataStart, dataEnd);
        offset = dataStart + Math.ceil(size / archive_BLOCK) * archive_BLOCK;
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
    for (let i = 0; i < archive_BLOCK; i++)
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
    return new src_errors/* UserError */.yo(`${source} is not a readable chart archive: ${why}.`, {
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
            return chart_scalarText(text, lineOf(key)) ?? String(value);
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
function chart_scalarText(text, line) {
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
        for (const entry of (0,external_node_fs_.readdirSync)(path, { withFileTypes: true })) {
            const child = (0,external_node_path_.join)(path, entry.name);
            const name = inside ? `${inside}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(child, name, files);
            else if (entry.isFile() && (TEMPLATE_PATH.test(name) || SUBCHART_ARCHIVE.test(name)))
                files.set(name, (0,external_node_fs_.readFileSync)(child));
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

;// CONCATENATED MODULE: ./src/oci/reference.ts

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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
function normalizeConfigKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
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
    return host === DOCKER_HUB ? 'https://index.docker.io/v1/' : host;
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
function docker_config_dockerConfigCredentials(registry, path = dockerConfigPath()) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
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


// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
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
    if ((0,retry/* isTransientStatus */.Dm)(exchange.status)) {
        return new src_errors/* TransientError */.N_(`${what}${detail}`, {
            retryAfterMs: (0,retry/* parseRetryAfter */.mu)(exchange.retryAfter, now),
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
    const host = registryApiHost(registry);
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
        return isPlainHttpAnswer(error);
    }
    finally {
        transport.close();
    }
}

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
                throw new src_errors/* UserError */.yo(`Registry ${this.registry} asks for credentials at ${url.origin} over plain HTTP; they were not sent.`, { fix: 'Use a registry whose token service is served over HTTPS.' });
            }
            headers.authorization = basicAuthorization(credentials.username, credentials.password);
        }
        const response = await this.fetchToken(url, headers);
        const start = this.now();
        if (response.status === 401 || response.status === 403) {
            throw new src_errors/* UserError */.yo(`The token service of registry ${this.registry} (${url.origin}) refused ${credentials ? 'the credentials' : 'an anonymous token'} for ${scope} (HTTP ${response.status}${registryErrorSummary(response.body, ': ')}).`, { fix: credentialsFix(this.registry, credentials !== undefined) });
        }
        if ((0,retry/* isTransientStatus */.Dm)(response.status)) {
            throw new src_errors/* TransientError */.N_(`The token service of registry ${this.registry} answered HTTP ${response.status}.`, { retryAfterMs: (0,retry/* parseRetryAfter */.mu)(headerValue(response.headers['retry-after']), start) });
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
const MAX_REDIRECTS = 5;
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
        this.transport = new http_transport/* HttpTransport */.G5({
            ca,
            userAgent: options.userAgent ?? 'pipeline-actions',
            timeoutMs: options.timeoutMs ?? session_DEFAULT_TIMEOUT_MS,
        });
        const credentials = options.credentials ??
            (options.dockerConfig === false
                ? undefined
                : docker_config_dockerConfigCredentials(registry, options.dockerConfig));
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
            return await (0,retry/* retry */.L5)((attempt) => {
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
            if (error instanceof http_transport/* ResponseTooLargeError */.by)
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
        const digest = isDigest(reference) ? reference : (headerDigest ?? digestOf(bytes));
        return { digest, mediaType, bytes, json };
    }
    /** A blob of at most maxBytes (config blobs and the like), its digest verified. */
    async getBlob(repository, digest, maxBytes) {
        validateRepository(repository);
        validateDigest(digest);
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
        const digest = digestOf(bytes);
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
        validateRepository(repository);
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
        validateRepository(repository);
        validateDigest(digest);
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
        const ref = typeof reference === 'string' ? parseReference(reference) : reference;
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
        const ref = typeof reference === 'string' ? parseReference(reference) : reference;
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
        validateDigest(reference);
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
    const reference = parseReference(text);
    const bare = `oci://${reference.registry}/${reference.repository}`;
    if (reference.tag && request.version && chartVersionTag(request.version) !== reference.tag) {
        throw new src_errors/* UserError */.yo(`The chart reference ${text} names version ${reference.tag}, but input "${versionInput}" is ${request.version}.`, { fix: 'give the version in one place only.' });
    }
    const version = request.version ?? (reference.tag ? reference.tag : undefined);
    if (!version && !reference.digest)
        throw missingVersion(text, versionInput);
    const plainHttp = await speaksPlainHttp(reference.registry);
    const client = new RegistryClient(reference.registry, {
        ...(request.credentials ? { credentials: request.credentials } : {}),
        ...(request.caFile ? { caFile: request.caFile } : {}),
        userAgent: 'pipeline-actions/helm-deploy',
    });
    try {
        const wanted = reference.digest ?? chartVersionTag(version);
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
        const identity = objectIdentity(node);
        const path = POD_SPEC_PATHS[identity.kind];
        if (!path)
            continue;
        const podSpec = mappingPath(node, ...path);
        for (const list of CONTAINER_LISTS) {
            const containers = mappingGet(podSpec, list);
            if (!isSequence(containers))
                continue;
            for (const [index, container] of containers.items.entries()) {
                const imageNode = mappingGet(container, 'image');
                const image = scalarText(imageNode);
                if (image === undefined || imageNode?.kind !== 'scalar')
                    continue;
                uses.push({
                    object: identity,
                    list,
                    container: scalarText(mappingGet(container, 'name')) ?? `#${index + 1}`,
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
            const reference = parseReference(image);
            references.set(image, reference);
            if (isMutableTag(reference) && !options.allowMutableTags) {
                problems.push(new src_errors/* UserError */.yo(`Image ${image} (used by ${usedBy(uses)}) is given only by ${reference.tag ? `the mutable tag "${reference.tag}"` : 'its name (that is the mutable tag "latest")'}, which allow-mutable-tags: false refuses.`, {
                    fix: 'deploy an immutable version tag or a digest (the `ref` output of build-image), or set allow-mutable-tags: true.',
                }));
            }
        }
        catch (error) {
            if (!(0,src_errors/* isUserError */.iU)(error))
                throw error;
            problems.push(new src_errors/* UserError */.yo(`${error.message} It is used by ${usedBy(uses)}.`, { fix: error.fix }));
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
    return new src_errors/* UserError */.yo(`Image ${image} is pinned to ${reference.digest}, which ${reference.registry} does not have: it answered that ${reference.repository} holds no such manifest.`, {
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
        const key = (0,src_errors/* isUserError */.iU)(failure.error)
            ? `user\0${failure.error.message}\0${failure.error.fix ?? ''}`
            : `other\0${(0,src_errors/* errorMessage */.gJ)(failure.error)}`;
        groups.set(key, [...(groups.get(key) ?? []), failure]);
    }
    const problems = [];
    const others = [];
    for (const group of groups.values()) {
        const first = group[0];
        const message = describeFailure(group);
        if ((0,src_errors/* isUserError */.iU)(first.error)) {
            const unreachable = (0,src_errors/* isOutage */.uD)(first.error.cause);
            const fix = unreachable
                ? `${first.error.fix ? `${first.error.fix.replace(/\.$/, '')}; ` : ''}${UNREACHABLE_REGISTRY_FIX}`
                : first.error.fix;
            problems.push(new src_errors/* UserError */.yo(message, { fix, cause: first.error }));
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
    const reason = (0,src_errors/* errorMessage */.gJ)(first.error).replace(/\.$/, '');
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
    return `${(0,kube_objects/* describeObject */.v8)(use.object)} (${kind} ${use.container})`;
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
    return new src_errors/* UserErrors */.tQ(`${problems.length} ${many}:`, problems);
}

;// CONCATENATED MODULE: ./src/render/kustomize.ts





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
    if (!(0,external_node_fs_.existsSync)(overlay) || !(0,external_node_fs_.statSync)(overlay).isDirectory()) {
        throw new src_errors/* UserError */.yo(`Input "${input}" names ${overlay}, which is not a directory.`, {
            fix: 'give the directory that holds kustomization.yaml, relative to the repository root.',
        });
    }
    const file = KUSTOMIZATION_FILES.map((name) => (0,external_node_path_.join)(overlay, name)).find((path) => (0,external_node_fs_.existsSync)(path));
    if (!file) {
        throw new src_errors/* UserError */.yo(`${overlay} (input "${input}") has no kustomization.yaml.`, {
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
    const copy = (0,external_node_path_.join)(workDir, 'overlay');
    (0,external_node_fs_.cpSync)(overlay, copy, { recursive: true, dereference: true });
    const copiedFile = (0,external_node_path_.join)(copy, file.slice(overlay.length + 1));
    const kustomization = (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(file, 'utf8'), file);
    if (kustomization === null || typeof kustomization !== 'object' || Array.isArray(kustomization)) {
        throw new src_errors/* UserError */.yo(`${file} is not a kustomization (a YAML mapping).`, {
            location: { file },
            fix: 'write it as a mapping with patches:, labels:, images: and the like.',
        });
    }
    const fields = kustomization;
    const resources = fields.resources ?? [];
    if (!Array.isArray(resources)) {
        throw new src_errors/* UserError */.yo(`${file}: "resources" must be a list.`, { location: { file } });
    }
    fields.resources = [RENDERED_CHART_FILE, ...resources];
    (0,external_node_fs_.writeFileSync)(copiedFile, (0,js_yaml/* dump */.Bh)(fields, { lineWidth: -1 }));
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(copy, RENDERED_CHART_FILE), manifests);
    try {
        return await builder.kustomize(copy);
    }
    catch (error) {
        if (error instanceof src_errors/* UserError */.yo)
            throw error;
        const detail = error.stderr ?? error.message;
        throw new src_errors/* UserError */.yo(`The kustomize overlay ${overlay} could not be applied to the chart: ${lastErrorLine(detail)}`, {
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

;// CONCATENATED MODULE: ./src/tools/kubectl.ts



/**
 * The one wrapper of kubectl: kustomize builds, and reads of live objects,
 * pods and events while helm waits and after it failed (failure reports);
 * the state read before a deploy goes through src/kube/client.ts. It never
 * writes to the cluster; Helm does that. The kubeconfig is passed through
 * KUBECONFIG, so one instance talks to one cluster.
 */
const REQUEST_TIMEOUT = '30s';
const kubectl_DEFAULT_TIMEOUT_MS = 2 * 60_000;
class Kubectl extends Tool {
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
        const result = await this.execute(args, { timeoutMs: kubectl_DEFAULT_TIMEOUT_MS, ...options });
        if (result.exitCode !== 0)
            throw apiFailure(result, undefined, this.binary, args);
        return result;
    }
}
/** `Deployment.v1.apps`, or just `ConfigMap` for the core group: what `kubectl get` resolves unambiguously. */
function resourceName(ref) {
    const group = (0,kube_objects/* apiGroup */.oI)(ref.apiVersion);
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
        return new src_errors/* UserError */.yo(`${where} presented a certificate that is not trusted: ${detail}`, {
            fix: "check the cluster's certificate-authority-data in the kubeconfig.",
        });
    }
    if (UNAUTHORIZED.test(text)) {
        return new src_errors/* UserError */.yo(`${where} refused the kubeconfig's credentials: ${detail}`, {
            fix: 'check that the kubeconfig (its token or client certificate) is current.',
        });
    }
    if (FORBIDDEN.test(text)) {
        return new src_errors/* UserError */.yo(`${where} does not allow this: ${detail}`, {
            fix: 'grant the deploying identity the RBAC permissions it needs in this namespace.',
        });
    }
    if (UNREACHABLE.test(text)) {
        return new src_errors/* TransientError */.N_(`${where} cannot be reached: ${detail}`);
    }
    return new src_errors/* ToolError */.v4(binary, args, result.exitCode, text);
}
function lastLine(text) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return (lines.pop() ?? '').replace(/^(?:error|E\d{4} [\d:.]+\s+\d+ \S+\]):?\s*/i, '').trim();
}

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
    let nodes = parseManifestNodes(manifests, 'the rendered chart');
    if (config.kustomize) {
        const builder = dependencies.kustomize ?? new Kubectl(config.kustomize.kubectl);
        (0,external_node_fs_.mkdirSync)(dependencies.workDir, { recursive: true });
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(dependencies.workDir, 'kustomize-'));
        try {
            const built = await applyOverlay(presentManifests(nodes), config.kustomize.overlay, builder, work);
            nodes = parseManifestNodes(built, `the output of the kustomize overlay ${config.kustomize.overlay}`);
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    }
    const images = await pinImages(nodes, {
        resolver: dependencies.resolver,
        allowMutableTags: config.allowMutableTags,
        unpublished: config.unpublished,
        ...(config.concurrency ? { concurrency: config.concurrency } : {}),
    });
    annotateObjects(nodes, config.annotations);
    if (config.record) {
        const record = {
            ...config.record,
            images: uniqueImages(images).map((image) => ({ image: image.image, digest: image.digest })),
        };
        nodes.push(...parseManifestNodes((0,js_yaml/* dump */.Bh)(recordObject(record), { lineWidth: -1 }), 'the deploy record'));
    }
    return { manifests: presentManifests(nodes), objects: nodes.map(objectIdentity), images };
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
    if (error instanceof UserErrors) {
        return {
            user: true,
            message: error.message.split('\n')[0] ?? '',
            errors: error.errors.map(serializeError),
        };
    }
    if (isUserError(error)) {
        return { user: true, message: error.message, fix: error.fix, location: error.location };
    }
    return { user: false, message: errorMessage(error) };
}
function deserializeError(error) {
    if (!error.user)
        return new Error(`The post-renderer failed: ${error.message}`);
    if (error.errors) {
        return new src_errors/* UserErrors */.tQ(error.message, error.errors.map((each) => deserializeError(each)));
    }
    return new src_errors/* UserError */.yo(error.message, {
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
        child = JSON.parse(readFileSync(configFile, 'utf8'));
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
        process.stderr.write(`pipeline-actions post-renderer: ${errorMessage(error)}\n`);
        return 1;
    }
    finally {
        pool?.close();
    }
}
function writeReport(file, report) {
    writeFileSync(file, JSON.stringify(report), { mode: 0o600 });
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
    const own = join(dirname(bundle), POST_RENDER_BUNDLE);
    return { command: process.execPath, args: [existsSync(own) ? own : bundle] };
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
            isPlainObject(existing) && isPlainObject(filled) ? deepMerge(existing, filled) : filled;
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
    if (isPlainObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, context, key, problems, placeholders)]));
    }
    return value;
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function deepMerge(base, over) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(over)) {
        const existing = merged[key];
        merged[key] =
            isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
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
        ? HelmPostRenderer.install(dir, options.helm.major, options.postRender, options.entry)
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
        const pool = options.resolver ? undefined : registryPool(prepared.config.registries);
        try {
            const output = await postRender(manifest, prepared.config, {
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
        objects: parseManifestObjects(manifest, 'the rendered release'),
        hooks: hooks.flatMap((text) => parseManifestObjects(text, 'a rendered hook')),
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








;// CONCATENATED MODULE: ./src/drift/render.ts








class DesiredRenderer {
    env;
    charts = new Map();
    pools = new Map();
    chartCount = 0;
    constructor(env) {
        this.env = env;
    }
    /**
     * A target's desired state as helm-deploy would deploy it. The
     * build-specific context (image, build version) comes from the target,
     * which takes it from the deploy record when Git does not name it.
     */
    async render(target, record) {
        const env = this.env;
        const helm = await env.helm();
        const manifest = target.manifest ?? env.manifest;
        const context = buildPlaceholderContext({
            ...(manifest ? { manifest } : {}),
            environment: env.environment,
            build: {
                ...(target.image ? { image: target.image } : {}),
                ...(target.buildVersion ? { version: target.buildVersion } : {}),
            },
            env: process.env,
        });
        for (const value of context.secretValues())
            env.secrets.add(value);
        const chart = await this.chart(helm, target);
        const access = scopedAccess(env.login, { chart: target.chart, image: target.image }, env.caFile);
        const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.scratch, 'target-'));
        const prepared = prepareRelease({
            helm,
            workspace: env.workspace,
            scratch,
            values: { files: target.values, set: target.set },
            context,
            postRender: {
                ...(target.kustomize
                    ? {
                        kustomize: {
                            overlay: render_inWorkspace(env.workspace, target.kustomize),
                            kubectl: env.kubectl,
                        },
                    }
                    : {}),
                allowMutableTags: target.allowMutableTags,
                registries: access,
                // Traceability annotations change with every run; comparisons ignore them.
                annotations: {},
            },
            // No entry: helm renders, and the post-render chain runs here, in this process.
        });
        try {
            const release = { release: target.release, namespace: target.namespace };
            const resolver = recordedDigests(record, this.pool(access));
            const desired = chart.server
                ? await renderDesired(helm, { ...release, chart: chart.source }, prepared, 'server', {
                    resolver,
                })
                : await renderDesired(helm, { ...release, chart: chart.source }, prepared, 'client', {
                    capabilities: await env.capabilities(),
                    // Only releases with a deployed revision are rendered: helm would upgrade them.
                    isUpgrade: true,
                    resolver,
                });
            return {
                objects: desired.objects,
                chart: chart.resolved.display,
                mode: chart.server ? 'server' : 'client',
            };
        }
        finally {
            prepared.dispose();
        }
    }
    close() {
        for (const pool of this.pools.values())
            pool.close();
        this.pools.clear();
    }
    /** The chart of a target, resolved and unpacked once for every release that uses it. */
    chart(helm, target) {
        const key = JSON.stringify([target.chart, target.version ?? '', target.repositoryUrl ?? '']);
        let chart = this.charts.get(key);
        if (!chart) {
            chart = this.prepareChart(helm, target);
            this.charts.set(key, chart);
        }
        return chart;
    }
    async prepareChart(helm, target) {
        const env = this.env;
        const resolved = await resolveChart(helm, {
            chart: target.chart,
            version: target.version,
            workspace: env.workspace,
            repositoryUrl: target.repositoryUrl,
            credentials: env.login,
            caFile: env.caFile,
            inputs: {
                chart: `${target.where}.chart`,
                version: `${target.where}.version`,
                repositoryUrl: `${target.where}.repository-url`,
            },
        });
        let dir = resolved.source.ref;
        if (resolved.kind !== 'local') {
            const destination = (0,external_node_path_.join)(env.scratch, 'charts', String(this.chartCount++));
            (0,external_node_fs_.mkdirSync)(destination, { recursive: true });
            await helm.pull(resolved.source.ref, {
                ...(resolved.source.version ? { version: resolved.source.version } : {}),
                destination,
                untar: true,
            }, { plainHttp: resolved.source.plainHttp ?? false, caFile: resolved.source.caFile });
            const [unpacked] = (0,external_node_fs_.readdirSync)(destination, { withFileTypes: true }).filter((entry) => entry.isDirectory());
            if (!unpacked)
                throw new Error(`helm pull ${resolved.display} left no chart directory.`);
            dir = (0,external_node_path_.join)(destination, unpacked.name);
        }
        const server = needsServer(chartTemplates(dir), await env.capabilities());
        if (server) {
            core/* info */.pq(`${resolved.display}: ${server}, so it is rendered by a server dry run.`);
        }
        return {
            resolved,
            // A server render takes the chart as helm-deploy gave it; a client one, the unpacked copy.
            source: server ? resolved.source : { ref: dir },
            server,
        };
    }
    pool(access) {
        const key = JSON.stringify(access);
        let pool = this.pools.get(key);
        if (!pool) {
            pool = registryPool(access);
            this.pools.set(key, pool);
        }
        return pool;
    }
}
/** `lookup` called as a template function (its arguments follow). */
const LOOKUP = /(?<![\w.$-])lookup\s+[("$.\w]/;
/** `.Capabilities.APIVersions.Has "group/version[/Kind]"`, the version written out. */
const HAS_API = /APIVersions\.Has\s+"([^"]+)"/g;
/**
 * Why a chart's render depends on the cluster beyond its capabilities;
 * undefined when `helm template` with them renders what a server dry run
 * would.
 */
function needsServer(templates, capabilities) {
    const served = new Set(capabilities.apiVersions);
    for (const [path, text] of templates) {
        if (LOOKUP.test(text))
            return `${path} calls lookup (it reads the cluster)`;
        for (const match of text.matchAll(HAS_API)) {
            const api = match[1];
            // helm template answers yes for every built-in API it knows, served or not.
            if (!served.has(api) && isBuiltInGroup(api)) {
                return `${path} asks whether the cluster serves ${api}, which it does not`;
            }
        }
    }
    return undefined;
}
function isBuiltInGroup(api) {
    const parts = api.split('/');
    const group = parts.length === 1 || /^v\d/.test(parts[0]) ? '' : parts[0];
    return !group.includes('.') || group.endsWith('.k8s.io');
}
/**
 * Pins each image to the digest the release's record says was deployed
 * (the same reference as written); anything else is asked of the registry.
 */
function recordedDigests(record, pool) {
    const known = new Map();
    for (const image of record?.images ?? []) {
        try {
            known.set(referenceKey(parseReference(image.image)), image.digest);
        }
        catch {
            // A reference the record holds but this parser refuses: ask the registry instead.
        }
    }
    return {
        resolveDigest: (reference) => Promise.resolve(known.get(referenceKey(reference))).then((digest) => digest ?? pool.resolveDigest(reference)),
        // Drift is what differs from what was deployed: a pinned digest stays as
        // written, whether or not its registry still has it.
        checkPinned: async () => ({
            status: 'unchecked',
            reason: 'drift-check compares references as written',
        }),
    };
}
function referenceKey(reference) {
    return `${reference.registry}/${reference.repository}:${reference.tag ?? 'latest'}`;
}
function render_inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}

// EXTERNAL MODULE: ./src/manifest/suggest.ts
var suggest = __webpack_require__(7271);
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

;// CONCATENATED MODULE: ./src/drift/targets.ts








const MAX_CONFIG_BYTES = 256 * 1024;
const TOP_KEYS = ['targets', 'ignore'];
const TARGET_KEYS = [
    'release',
    'namespace',
    'environment',
    'chart',
    'version',
    'repository-url',
    'values',
    'set',
    'kustomize',
    'image',
    'build-version',
    'allow-mutable-tags',
];
const RULE_KEYS = ['pointer', 'kind', 'group', 'name', 'namespace', 'manager', 'reason'];
function loadDriftConfig(source) {
    let config;
    if (source.inline !== undefined) {
        config = parseDriftConfig(source.inline, 'input "targets"', source.context, true);
    }
    else {
        const path = (0,external_node_path_.isAbsolute)(source.file) ? source.file : (0,external_node_path_.resolve)(source.workspace, source.file);
        const shown = (0,external_node_path_.relative)(source.workspace, path).startsWith('..')
            ? path
            : (0,external_node_path_.relative)(source.workspace, path);
        if ((!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) &&
            source.optional &&
            !source.fileExplicit) {
            config = { source: shown, configured: false, targets: [], ignore: [] };
        }
        else if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) {
            throw new src_errors/* UserError */.yo(`There is nothing to check: the input "targets" is empty and ${shown} does not exist.`, {
                fix: `list the releases to check in ${shown} (targets: - chart: …), or inline in the targets input${source.fileExplicit ? '' : ', or point the config input at your file'}.`,
            });
        }
        else {
            config = parseDriftConfig((0,external_node_fs_.readFileSync)(path, 'utf8'), shown, source.context, false);
        }
    }
    if (source.ignore !== undefined) {
        const extra = parseDriftConfig(`ignore:\n${indent(source.ignore)}`, 'input "ignore"', source.context, false, true);
        config.ignore.push(...extra.ignore.map((rule) => ({ ...rule, id: rule.id.replace(/^ignore/, 'input ignore') })));
    }
    return config;
}
function indent(text) {
    return text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
}
/** Parses (and templates) a config; `listAllowed`: a bare list stands for `targets:`. */
function parseDriftConfig(text, source, context, listAllowed, ignoreOnly = false) {
    const rendered = renderYamlTemplate(text, source, context, { maxBytes: MAX_CONFIG_BYTES }).value;
    const locate = locator(text, source);
    const problems = [];
    const problem = (path, message, fix) => problems.push(new src_errors/* UserError */.yo(`${path ? `${path}: ` : ''}${message}`, { fix, location: locate(path) }));
    let root;
    if (Array.isArray(rendered) && listAllowed)
        root = { targets: rendered };
    else if (isMap(rendered))
        root = rendered;
    else {
        throw new src_errors/* UserError */.yo(`${source} must be a mapping with "targets" (and optionally "ignore")${listAllowed ? ', or a list of targets' : ''}.`, {
            fix: 'write `targets:` followed by a list of `- chart: …` entries.',
            location: { file: source, line: 1 },
        });
    }
    unknownKeys(root, TOP_KEYS, '', problem);
    const targets = [];
    if (!ignoreOnly) {
        const list = root.targets;
        if (!Array.isArray(list) || list.length === 0) {
            problem('targets', 'there are no targets.', 'list at least one release to check: `- chart: deploy/chart`.');
        }
        else {
            for (const [index, item] of list.entries()) {
                const target = parseTarget(item, `targets[${index}]`, source, problem);
                if (target)
                    targets.push(target);
            }
        }
    }
    const ignore = [];
    if (root.ignore !== undefined && root.ignore !== null) {
        if (!Array.isArray(root.ignore)) {
            problem('ignore', 'must be a list of rules.', 'write `- pointer: /spec/replicas` entries.');
        }
        else {
            for (const [index, item] of root.ignore.entries()) {
                const rule = parseRule(item, `ignore[${index}]`, problem);
                if (rule)
                    ignore.push({ id: `ignore[${index}]`, spec: rule });
            }
        }
    }
    if (problems.length === 1)
        throw problems[0];
    if (problems.length > 1)
        throw new src_errors/* UserErrors */.tQ(`${source} has ${problems.length} problems:`, problems);
    return { source, configured: true, targets, ignore };
}
function parseTarget(item, path, source, problem) {
    if (!isMap(item)) {
        problem(path, 'a target must be a mapping (chart, values, …).', 'write it as `- chart: deploy/chart`.');
        return undefined;
    }
    unknownKeys(item, TARGET_KEYS, path, problem);
    const text = (key) => {
        const value = item[key];
        if (value === undefined || value === null || value === '')
            return undefined;
        if (typeof value === 'string' || typeof value === 'number')
            return String(value);
        problem(`${path}.${key}`, `must be text, not ${describe(value)}.`, `write ${key}: followed by one value.`);
        return undefined;
    };
    const list = (key) => {
        const value = item[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'string')
            return [value];
        if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
            return value;
        problem(`${path}.${key}`, `must be a list of text, not ${describe(value)}.`, `write ${key}: [a, b].`);
        return undefined;
    };
    const chart = text('chart');
    if (!chart)
        problem(`${path}.chart`, 'the chart is missing.', 'give the chart directory, an oci:// reference or repo/name.');
    const set = item.set;
    if (set !== undefined && set !== null && !isMap(set)) {
        problem(`${path}.set`, `must be a mapping of values, not ${describe(set)}.`, 'write set: { image.tag: "1.2.3" }.');
    }
    const allow = item['allow-mutable-tags'];
    if (allow !== undefined && typeof allow !== 'boolean') {
        problem(`${path}.allow-mutable-tags`, 'must be true or false.', 'write allow-mutable-tags: true.');
    }
    const release = text('release');
    if (release !== undefined &&
        (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53)) {
        problem(`${path}.release`, `"${release}" is not a release name.`, 'helm takes lowercase letters, digits and "-", at most 53 characters.');
    }
    return {
        release,
        namespace: text('namespace'),
        environments: list('environment'),
        chart: chart ?? '',
        version: text('version'),
        repositoryUrl: text('repository-url'),
        values: list('values') ?? [],
        set: isMap(set) ? set : {},
        kustomize: text('kustomize'),
        image: text('image'),
        buildVersion: text('build-version'),
        allowMutableTags: allow === true,
        where: `${source} ${path}`,
    };
}
function parseRule(item, path, problem) {
    if (!isMap(item)) {
        problem(path, 'a rule must be a mapping (pointer, kind, name, …).', 'write it as `- pointer: /spec/replicas`.');
        return undefined;
    }
    unknownKeys(item, RULE_KEYS, path, problem);
    const spec = { pointer: '' };
    for (const key of RULE_KEYS) {
        const value = item[key];
        if (value === undefined || value === null)
            continue;
        if (typeof value !== 'string') {
            problem(`${path}.${key}`, `must be text, not ${describe(value)}.`, `quote it: ${key}: "…".`);
            continue;
        }
        spec[key] = value;
    }
    if (item.pointer === undefined) {
        problem(`${path}.pointer`, 'the JSON pointer is missing.', 'give the field to ignore, e.g. pointer: /spec/replicas ("" for whole objects).');
        return undefined;
    }
    try {
        (0,paths/* parsePointer */.vp)(spec.pointer);
    }
    catch (error) {
        problem(`${path}.pointer`, error.message, 'write a JSON pointer such as /metadata/labels/team (~1 for a "/" in a key).');
    }
    return spec;
}
function unknownKeys(map, known, path, problem) {
    for (const key of Object.keys(map)) {
        if (known.includes(key))
            continue;
        const suggestion = (0,suggest/* closestMatch */.h)(key, known);
        problem(path ? `${path}.${key}` : key, `unknown key "${key}".`, suggestion ? `did you mean "${suggestion}"?` : `the keys here are: ${known.join(', ')}.`);
    }
}
/** The targets of `environment`, with release and namespace from default.json where the config leaves them out. */
function selectTargets(config, environment, manifest) {
    const chosen = config.targets.filter((target) => !target.environments || target.environments.includes(environment));
    if (chosen.length === 0) {
        throw new src_errors/* UserError */.yo(`${config.source} has no target for environment "${environment}".`, {
            fix: `add "${environment}" to a target's environment list, or leave a target's environment out to check it everywhere.`,
        });
    }
    return chosen.map((target) => {
        const release = target.release ?? manifest?.application.name;
        const namespace = target.namespace ?? (manifest ? (0,environments/* environmentNamespace */.L)(manifest, environment) : undefined);
        if (!release || !namespace) {
            throw new src_errors/* UserError */.yo(`${target.where} has no ${release ? 'namespace' : 'release'}, and there is no default.json to take it from.`, {
                fix: 'give release and namespace in the target, or point the manifest input at default.json.',
            });
        }
        return { ...target, release, namespace };
    });
}
function isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}
/**
 * Where a path (`targets[1].chart`) stands in the text: the position of its
 * key (or item), else of the nearest enclosing one, else the file alone.
 */
function locator(text, file) {
    let locations = new Map();
    try {
        locations = yamlLocations(text, file);
    }
    catch {
        // The text parsed before (renderYamlTemplate); nothing to place.
    }
    return (path) => {
        const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
        for (let length = segments.length; length > 0; length--) {
            const found = locations.get(segments.slice(0, length).join('.'));
            if (found)
                return found;
        }
        return { file };
    };
}

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
    const result = await Exec.run(exec.command, exec.args ?? [], {
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
const failures_CERTIFICATE = /x509:|certificate signed by unknown authority|tls: failed to verify certificate/i;
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
    if (failures_CERTIFICATE.test(text)) {
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
    return Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(991)]).then(__webpack_require__.bind(__webpack_require__, 5991));
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

;// CONCATENATED MODULE: ./actions/drift-check/src/stage.ts

























/**
 * The drift check of one environment: every input checked before the
 * cluster is asked anything (config, default.json, placeholders, the
 * kubeconfig), the API server probed, then each target compared (and
 * restored, in remediate mode) one after another. A target that cannot be
 * checked is an error of the whole run, never "no drift".
 */
/**
 * helm processes rendering at once: a `helm template` is short and mostly
 * CPU, so a few more than the runner's two cores keep both busy while
 * processes start and the in-process chain runs.
 */
const RENDERS_AT_ONCE = 4;
async function checkEnvironment(inputs) {
    const started = Date.now();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const temp = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(temp, { recursive: true });
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(temp, 'drift-check-'));
    const home = HelmHome.create('drift-check-home-');
    let client;
    let renderer;
    try {
        // First, so a kubeconfig given as content is masked before anything else runs.
        const kubeconfig = prepareKubeconfig(inputs.kubeconfig, workspace, scratch);
        const manifest = await readManifest(inputs, workspace);
        const context = buildPlaceholderContext({
            ...(manifest ? { manifest } : {}),
            environment: inputs.environment,
            env: process.env,
        });
        const config = loadDriftConfig({
            inline: inputs.targets,
            file: inputs.config,
            fileExplicit: inputs.configExplicit,
            ignore: inputs.ignore,
            workspace,
            context,
            optional: true,
        });
        const configured = config.configured
            ? selectTargets(config, inputs.environment, manifest)
            : undefined;
        const rules = config.ignore.map((rule) => userRule(rule.id, rule.spec));
        const { login, ca } = readRegistryInputs(inputs, { workspace, scratch });
        const shard = parseShard(inputs.shard);
        const driver = storageDriver();
        client = new KubeClient(loadKubeconfig(kubeconfig.file), {
            maxSockets: inputs.concurrency,
            userAgent: 'pipeline-actions/drift-check',
        });
        const version = await client.version();
        core/* info */.pq(`Kubernetes ${version} at ${client.connection.server}`);
        const planned = await planTargets({
            storage: new ReleaseStorage(client, driver),
            environment: inputs.environment,
            workspace,
            manifest,
            manifestPath: inputs.manifest,
            configured,
            shard,
            concurrency: inputs.concurrency,
            repository: process.env.GITHUB_REPOSITORY || undefined,
        });
        core/* info */.pq(`${planned.length} release${planned.length === 1 ? '' : 's'} to check${config.configured ? ` (from ${config.source})` : ' (found by their deploy records)'}${shard ? `, shard ${shard.index}/${shard.count}` : ''}`);
        // helm starts only when a release must be rendered (Git changed, or no record).
        let helm;
        const startHelm = () => {
            helm ??= setupHelm(helmSourceOf(inputs), helmSetupOptions(inputs, home)).then((started) => {
                started.useKubeconfig(kubeconfig.file);
                core/* info */.pq(`helm ${started.version} at ${started.binary}`);
                return started;
            });
            return helm;
        };
        // Every render's helm shares one discovery cache.
        process.env.KUBECACHEDIR ??= (0,external_node_path_.join)(scratch, 'kube-cache');
        const secrets = new Set();
        const kube = client;
        renderer = new DesiredRenderer({
            helm: startHelm,
            capabilities: () => kube.capabilities(),
            workspace,
            scratch,
            manifest,
            environment: inputs.environment,
            kubectl: inputs.kubectl,
            login,
            caFile: ca?.file,
            secrets,
        });
        const statesEnv = {
            renderer,
            workspace,
            environment: inputs.environment,
            manifest,
            manifestPath: inputs.manifest,
            renderSlot: slots(Math.min(RENDERS_AT_ONCE, inputs.concurrency)),
        };
        const byTarget = new Map(planned.map((item) => [item.target, item]));
        const lists = new SharedLists(client);
        const suppressedByRule = new Map();
        // Targets still to check per namespace: a namespace's LISTs are dropped after its last one.
        const pending = new Map();
        for (const { target } of planned)
            pending.set(target.namespace, (pending.get(target.namespace) ?? 0) + 1);
        const outcomes = await mapSettled(planned, inputs.concurrency, async (item) => {
            try {
                const result = await checkTarget(item.target, {
                    client: kube,
                    states: (target) => targetStates(byTarget.get(target) ?? item, statesEnv),
                    lists,
                    userRules: rules,
                    redactor: (0,drift_redact/* redactor */.$)([...secrets]),
                    concurrency: inputs.concurrency,
                    remediate: inputs.mode === 'remediate',
                });
                // Only the counts of what was ignored are kept: the differences hold parts of live objects.
                for (const { rule } of result.suppressed)
                    suppressedByRule.set(rule, (suppressedByRule.get(rule) ?? 0) + 1);
                return result.report;
            }
            finally {
                // Its stored release (the compressed manifest) is not needed any more.
                item.state = undefined;
                const left = (pending.get(item.target.namespace) ?? 1) - 1;
                pending.set(item.target.namespace, left);
                if (left === 0)
                    lists.forget(item.target.namespace);
            }
        });
        const results = [];
        const errors = [];
        for (const [index, outcome] of outcomes.entries()) {
            const { target } = planned[index];
            const name = `${target.release} in ${target.namespace}`;
            if (outcome.status === 'fulfilled') {
                const report = outcome.value;
                core/* info */.pq(`${name}: ${report.changes.length} differences, ${report.ignored.length} ignored (${describeBasis(report)})`);
                results.push(report);
                continue;
            }
            const error = outcome.reason;
            if (!(0,src_errors/* isUserError */.iU)(error) && error instanceof Error && error.stack)
                core/* debug */.Yz(error.stack);
            const message = (0,drift_redact/* redactor */.$)([...secrets]).scrub((0,src_errors/* errorMessage */.gJ)(error) + ((0,src_errors/* isUserError */.iU)(error) && error.fix ? ` Fix: ${error.fix}` : ''));
            core/* error */.z3(`${name}: ${message}`);
            errors.push(error);
            results.push({
                release: target.release,
                namespace: target.namespace,
                chart: target.chart,
                status: 'error',
                error: message,
                counts: (0,drift_report/* emptyCounts */.W1)(),
                changes: [],
                ignored: [],
                unusedRules: [],
            });
        }
        const allRules = [
            ...builtInRules([], '').map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: true })),
            ...rules.map((rule) => ({ id: rule.id, reason: rule.reason, builtIn: false })),
        ];
        const count = results.reduce((total, target) => total + target.changes.length, 0);
        const report = {
            version: 1,
            environment: inputs.environment,
            ...(manifest
                ? { app: (0,app_key/* appKeyText */.y)((0,app_key/* appKey */.$)(manifest.application.name, workspace, inputs.manifest)) }
                : {}),
            ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
            generatedAt: new Date().toISOString(),
            status: results.some((target) => target.status === 'error')
                ? 'error'
                : count > 0
                    ? 'drifted'
                    : 'clean',
            count,
            fingerprint: (0,drift_report/* fingerprint */.Rj)(results),
            targets: results,
            rules: allRules.map((rule) => ({ ...rule, suppressed: suppressedByRule.get(rule.id) ?? 0 })),
            requests: { ...client.counts },
            durationMs: Date.now() - started,
            peakRssBytes: process.resourceUsage().maxRSS * 1024,
            ...(workflowRunUrl() ? { run: workflowRunUrl() } : {}),
        };
        const reportPath = (0,external_node_path_.join)(temp, `drift-report-${inputs.environment.replace(/[^\w.-]/g, '_')}.json`);
        (0,external_node_fs_.writeFileSync)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        return { report, reportPath, errors };
    }
    finally {
        renderer?.close();
        client?.close();
        home.dispose();
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
function describeBasis(report) {
    if (report.basis === 'deployed')
        return 'Git unchanged since the recorded deploy: no render';
    if (report.basis === 'rendered')
        return 'Git changed since the recorded deploy: rendered';
    return 'no deploy record: rendered from the drift config';
}
async function readManifest(inputs, workspace) {
    const file = (0,external_node_path_.isAbsolute)(inputs.manifest) ? inputs.manifest : (0,external_node_path_.resolve)(workspace, inputs.manifest);
    if (!(0,external_node_fs_.existsSync)(file) && !inputs.manifestExplicit)
        return undefined;
    return (0,manifest/* loadManifest */.eY)(file, { displayPath: inputs.manifest });
}


/***/ })

};
