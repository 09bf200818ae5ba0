export const id = 382;
export const ids = [382];
export const modules = {

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


/***/ })

};
