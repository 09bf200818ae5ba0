export const id = 178;
export const ids = [178];
export const modules = {

/***/ 2814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ redactor),
/* harmony export */   s: () => (/* binding */ sizeOf)
/* harmony export */ });
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(649);

function redactor(knownSecrets = []) {
    const cutter = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .secretCutter */ .Em)(knownSecrets);
    return {
        isSecret: (ref, path, value) => (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .isSecretChange */ .X7)(ref.kind, path, [value], cutter),
        scrub: cutter.cut,
    };
}
/** The size a value takes, in bytes: a Secret's data decoded from base64, anything else as text. */
function sizeOf(value, base64) {
    if (value === undefined)
        return undefined;
    if (typeof value === 'string')
        return base64 ? Buffer.from(value, 'base64').length : Buffer.byteLength(value);
    if (value !== null && typeof value === 'object' && base64) {
        return Object.values(value).reduce((total, item) => total + (sizeOf(item, true) ?? 0), 0);
    }
    return Buffer.byteLength(JSON.stringify(value));
}


/***/ }),

/***/ 4201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J3: () => (/* binding */ reportIgnored),
/* harmony export */   RJ: () => (/* binding */ reportChange),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   VR: () => (/* binding */ countByClass),
/* harmony export */   W1: () => (/* binding */ emptyCounts)
/* harmony export */ });
/* unused harmony exports DRIFT_CLASSES, show */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1119);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2814);



/**
 * The JSON report (the `report` output), the one source the job summary,
 * the issue and the webhook are written from. Values are shown as bounded
 * JSON text; secret ones only by their size.
 */
const DRIFT_CLASSES = (/* unused pure expression or super */ null && ([
    'changed-in-cluster',
    'missing-from-cluster',
    'extra-in-cluster',
    'not-deployed',
]));
const MAX_SHOWN_CHARS = 240;
function emptyCounts() {
    return {
        'changed-in-cluster': 0,
        'missing-from-cluster': 0,
        'extra-in-cluster': 0,
        'not-deployed': 0,
    };
}
function countByClass(changes) {
    const counts = emptyCounts();
    for (const change of changes)
        counts[change.class]++;
    return counts;
}
/** A difference as reported: values as bounded text, secret ones as sizes. */
function reportChange(difference, redactor) {
    const reported = {
        class: difference.class,
        object: difference.ref,
        path: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(difference.path),
        pointer: difference.pointer,
        change: difference.change,
    };
    const before = difference.class === 'not-deployed'
        ? (difference.deployed ?? difference.live)
        : difference.deployed;
    const after = difference.class === 'not-deployed' ? difference.desired : difference.live;
    const desired = difference.gitChanged ? difference.desired : undefined;
    const values = [before, after, desired];
    const secret = difference.path.length > 0 &&
        values.some((value) => redactor.isSecret(difference.ref, difference.path, value));
    if (secret) {
        const base64 = difference.ref.kind === 'Secret' && difference.path[0] === 'data';
        const redacted = {};
        const sizes = values.map((value) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeOf */ .s)(value, base64));
        if (sizes[0] !== undefined)
            redacted.before = sizes[0];
        if (sizes[1] !== undefined)
            redacted.after = sizes[1];
        if (sizes[2] !== undefined)
            redacted.desired = sizes[2];
        reported.redacted = redacted;
    }
    else if (difference.path.length > 0) {
        if (before !== undefined)
            reported.before = show(before, redactor);
        if (after !== undefined)
            reported.after = show(after, redactor);
        if (desired !== undefined)
            reported.desired = show(desired, redactor);
    }
    if (difference.manager)
        reported.manager = difference.manager;
    const note = difference.note ??
        (difference.gitChanged ? 'Git changes this field too (not deployed yet)' : undefined);
    if (note)
        reported.note = note;
    return reported;
}
function reportIgnored(suppressed) {
    return {
        rule: suppressed.rule,
        reason: suppressed.reason,
        object: suppressed.difference.ref,
        path: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(suppressed.difference.path),
        class: suppressed.difference.class,
    };
}
/** A value as one line of JSON, cut at 240 characters. */
function show(value, redactor) {
    const text = redactor
        ? redactor.scrub(JSON.stringify(value) ?? 'null')
        : (JSON.stringify(value) ?? 'null');
    return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
/**
 * The drift's fingerprint: a hash of what differs, where, and how (for a
 * secret, its sizes and when it was changed, never its content). The same
 * drift on the next run gives the same fingerprint, so an issue is only
 * touched when the drift itself changes.
 */
function fingerprint(targets) {
    const lines = [];
    for (const target of targets) {
        for (const change of target.after?.changes ?? target.changes) {
            const object = change.object;
            lines.push(JSON.stringify([
                target.namespace,
                target.release,
                change.class,
                object.apiVersion.split('/').length > 1 ? object.apiVersion.split('/')[0] : '',
                object.kind,
                object.namespace ?? '',
                object.name,
                change.path,
                change.before ?? null,
                change.after ?? null,
                change.redacted ? [change.redacted, change.manager?.time ?? null] : null,
            ]));
        }
    }
    lines.sort();
    if (lines.length === 0)
        return 'clean';
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}


/***/ }),

/***/ 9392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ MAX_NAMESPACE_LENGTH),
/* harmony export */   HX: () => (/* binding */ MINIMAL_MANIFEST_EXAMPLE),
/* harmony export */   Hg: () => (/* binding */ MANIFEST_INPUT),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   e: () => (/* binding */ DEFAULT_MANIFEST_PATH),
/* harmony export */   p0: () => (/* binding */ DEFAULT_ENVIRONMENTS),
/* harmony export */   sl: () => (/* binding */ MAX_LISTED_PROBLEMS),
/* harmony export */   zT: () => (/* binding */ DNS_1123_LABEL)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA_ID, APPLICATION_TYPES, TOOLCHAINS, BUILD_STEP_KINDS */
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


/***/ }),

/***/ 923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ environmentNamespace)
/* harmony export */ });
/* unused harmony export environmentNames */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9392);


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
    if (!_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .DNS_1123_LABEL */ .zT.test(derived) || derived.length > _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NAMESPACE_LENGTH */ .CX) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Environment ${JSON.stringify(environment)} would deploy to namespace ${JSON.stringify(derived)}, which is not a valid Kubernetes namespace (lowercase letters, digits and "-", at most ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NAMESPACE_LENGTH */ .CX} characters).`, {
            fix: `use an environment name such as "dev", "stage" or "prod", or give it a namespace under "environments" in ${manifest.file}.`,
            location: { file: manifest.file },
        });
    }
    return derived;
}


/***/ }),

/***/ 6727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LD: () => (/* reexport */ environments/* environmentNamespace */.L),
  eY: () => (/* reexport */ loadManifest)
});

// UNUSED EXPORTS: APPLICATION_TYPES, BUILD_STEP_KINDS, DEFAULT_ENVIRONMENTS, DEFAULT_MANIFEST_PATH, MANIFEST_INPUT, MANIFEST_SCHEMA, MANIFEST_SCHEMA_ID, MAX_MANIFEST_BYTES, TOOLCHAINS, environmentNames, parseManifest

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/manifest/constants.ts
var constants = __webpack_require__(9392);
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
    const names = [...new Set([...constants/* DEFAULT_ENVIRONMENTS */.p0, ...Object.keys(configured)])];
    for (const name of names) {
        const settings = configured[name];
        const override = isPlainObject(settings) ? settings.namespace : undefined;
        if (override !== undefined && typeof override !== 'string')
            continue;
        const derived = `${namespace}-${name}`;
        const target = override ?? derived;
        if (override === undefined &&
            derived.length > constants/* MAX_NAMESPACE_LENGTH */.CX &&
            constants/* DNS_1123_LABEL */.zT.test(name)) {
            problems.push({
                path: ['environments', name],
                at: 'key',
                message: `the namespace derived for "${name}", "${derived}", is ${derived.length} characters long; Kubernetes allows ${constants/* MAX_NAMESPACE_LENGTH */.CX}.`,
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
    const names = [...new Set([...constants/* DEFAULT_ENVIRONMENTS */.p0, ...Object.keys(configured)])];
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
            lengthReason: `so that "<namespace>-stage" fits Kubernetes' limit of ${constants/* MAX_NAMESPACE_LENGTH */.CX}`,
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

// EXTERNAL MODULE: ./src/manifest/suggest.ts
var suggest = __webpack_require__(7271);
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
                ? (0,suggest/* closestMatch */.h)(value, params.allowedValues)
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
    const guess = (0,suggest/* closestMatch */.h)(unknown, known);
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
            fix: `write one object, such as ${constants/* MINIMAL_MANIFEST_EXAMPLE */.HX}.`,
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
        const isLast = !isMissingComma || problems.length === constants/* MAX_LISTED_PROBLEMS */.sl;
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
    if (bytes > constants/* MAX_MANIFEST_BYTES */.ZJ)
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
                fix: `write the manifest object, such as ${constants/* MINIMAL_MANIFEST_EXAMPLE */.HX}.`,
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
    const { errors, total } = toUserErrors(problems, document, file, constants/* MAX_LISTED_PROBLEMS */.sl);
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
                fix: `point the "${constants/* MANIFEST_INPUT */.Hg}" input at the manifest file itself, such as "${constants/* DEFAULT_MANIFEST_PATH */.e}".`,
                location: { file: displayPath },
            });
        }
        if (stats.size > constants/* MAX_MANIFEST_BYTES */.ZJ)
            throw tooLarge(displayPath, stats.size);
        const buffer = Buffer.alloc(constants/* MAX_MANIFEST_BYTES */.ZJ + 1);
        let length = 0;
        while (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        if (length > constants/* MAX_MANIFEST_BYTES */.ZJ)
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
            fix: `add a ${constants/* DEFAULT_MANIFEST_PATH */.e} at the repository root, or set the action's "${constants/* MANIFEST_INPUT */.Hg}" input to the path of yours.`,
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
    return new src_errors/* UserError */.yo(`${file} is ${bytes} bytes; a manifest may be at most ${constants/* MAX_MANIFEST_BYTES */.ZJ} bytes (1 MiB).`, {
        fix: `check that the "${constants/* MANIFEST_INPUT */.Hg}" input points at default.json and not at another file.`,
        location: { file },
    });
}

// EXTERNAL MODULE: ./src/manifest/environments.ts
var environments = __webpack_require__(923);
;// CONCATENATED MODULE: ./src/manifest/index.ts
/** default.json: the application manifest, loaded, validated and normalized. */






/***/ }),

/***/ 7271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
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


/***/ }),

/***/ 5272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ appKey),
/* harmony export */   y: () => (/* binding */ appKeyText)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** The key of the app whose default.json is `manifestPath` (as given: relative to the workspace, or absolute). */
function appKey(name, workspace, manifestPath) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(manifestPath) ? manifestPath : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, manifestPath);
    return { name, dir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(workspace, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file)).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') || '.' };
}
/**
 * The key as one string, for issue markers and titles: the name for an app
 * at the root (as before apps had directories), `dir/name` elsewhere (a
 * name is a DNS label, so no `/` makes two keys look alike).
 */
function appKeyText(key) {
    return key.dir === '.' ? key.name : `${key.dir}/${key.name}`;
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   Em: () => (/* binding */ secretCutter),
/* harmony export */   H8: () => (/* binding */ maskBasicAuth),
/* harmony export */   X7: () => (/* binding */ isSecretChange),
/* harmony export */   cR: () => (/* binding */ maskKubeconfigCredentials),
/* harmony export */   eh: () => (/* binding */ isSecretName)
/* harmony export */ });
/* unused harmony exports REDACTED, MIN_CUT_LENGTH, isSecretField, secretValuesIn */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);

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
            _core_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(form);
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
    _core_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
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


/***/ })

};
