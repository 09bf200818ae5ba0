export const id = 63;
export const ids = [63];
export const modules = {

/***/ 8781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a7: () => (/* binding */ checkImagePolicy),
/* harmony export */   eK: () => (/* binding */ addViolations)
/* harmony export */ });
/* unused harmony export writePolicySummary */
/* harmony import */ var _src_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _src_policy_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6658);
/* harmony import */ var _src_report_annotations_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(856);
/* harmony import */ var _src_report_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7994);





/**
 * The catalog's image policy on the image just pushed (or reused), before
 * any version tag points at it: one annotation per broken rule; with
 * `enforce` the run stops there, so no version of the app names the image.
 */
async function checkImagePolicy(target, digest, policy, modeInput, manifest, readFacts) {
    if (!policy)
        return undefined;
    const mode = modeInput === 'catalog' ? policy.mode : modeInput;
    const facts = await readFacts();
    const violations = (0,_src_policy_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluatePolicy */ .U)(policy, facts);
    const outcome = { mode, violations, packages: facts.packages.size };
    _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Image policy (${mode}): ${violations.length === 0 ? 'every rule met' : `${violations.length} rule(s) broken`} (${facts.packages.size} Debian packages read from the image).`);
    for (const violation of violations) {
        (0,_src_report_annotations_js__WEBPACK_IMPORTED_MODULE_2__/* .annotate */ .f)(mode === 'enforce' ? 'error' : 'warning', `${target.name}@${digest}: ${violation.message}\nFix: ${violation.fix}`, { file: manifest.file }, `Image policy: ${violation.rule}`);
    }
    if (mode === 'enforce' && violations.length > 0) {
        await writePolicySummary(`${target.name}@${digest}`, outcome);
        throw new _src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The image ${target.name}@${digest} breaks the platform's image policy (${violations.map((v) => v.rule).join(', ')}); no version tag was made.`, {
            fix: 'fix what each "Image policy" annotation says; set the input "policy: warn" to publish anyway while you do.',
        });
    }
    return outcome;
}
/** The summary of a run the policy stopped: which rules the image broke. */
async function writePolicySummary(image, policy) {
    await (0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)((summary) => {
        summary.addHeading(`build-image: ${image} breaks the image policy`, 3);
        addViolations(summary, policy);
    });
}
function addViolations(summary, policy) {
    summary.addRaw((0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownTable */ .Qj)(['Rule', policy.mode === 'enforce' ? 'Violation (enforced)' : 'Violation (warning)', 'Fix'], policy.violations.map((v) => [v.rule, v.message, v.fix])), true);
    summary.addRaw('\n', true);
}


/***/ }),

/***/ 7063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildImage: () => (/* binding */ buildImage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
const APPLICATION_TYPES = [
    'http_html',
    'http_api',
    'worker',
    'static_html',
    'cronjob',
];
/** Toolchains `build.system_setup.buildfacts` may ask for; they choose the builder image. */
const TOOLCHAINS = [
    'java',
    'nodejs',
    'go',
    'python',
    'dotnet',
    'ruby',
    'rust',
    'php',
    'shell',
];
/** The kinds of `build.build_steps` items; each item has exactly one of these keys. */
const BUILD_STEP_KINDS = (/* unused pure expression or super */ null && (['shell', 'gradle', 'maven', 'npm', 'go', 'pip', 'make']));
/** Environments every application has, deployed to `<namespace>-<environment>` by default. */
const DEFAULT_ENVIRONMENTS = ['dev', 'stage', 'prod'];
/** Kubernetes' limit for a namespace name (a DNS-1123 label). */
const constants_MAX_NAMESPACE_LENGTH = 63;
/** DNS-1123 label: what Kubernetes accepts as a namespace name. */
const constants_DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

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
            derived.length > constants_MAX_NAMESPACE_LENGTH &&
            constants_DNS_1123_LABEL.test(name)) {
            problems.push({
                path: ['environments', name],
                at: 'key',
                message: `the namespace derived for "${name}", "${derived}", is ${derived.length} characters long; Kubernetes allows ${constants_MAX_NAMESPACE_LENGTH}.`,
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
            lengthReason: `so that "<namespace>-stage" fits Kubernetes' limit of ${constants_MAX_NAMESPACE_LENGTH}`,
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
        throw new UserError(`Environment ${JSON.stringify(environment)} would deploy to namespace ${JSON.stringify(derived)}, which is not a valid Kubernetes namespace (lowercase letters, digits and "-", at most ${MAX_NAMESPACE_LENGTH} characters).`, {
            fix: `use an environment name such as "dev", "stage" or "prod", or give it a namespace under "environments" in ${manifest.file}.`,
            location: { file: manifest.file },
        });
    }
    return derived;
}

;// CONCATENATED MODULE: ./src/manifest/index.ts
/** default.json: the application manifest, loaded, validated and normalized. */





// EXTERNAL MODULE: ./src/oci/index.ts + 10 modules
var oci = __webpack_require__(6323);
// EXTERNAL MODULE: ./src/build/cache.ts
var build_cache = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var http_transport = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/policy/policy.ts
var policy = __webpack_require__(6658);
// EXTERNAL MODULE: ./src/yaml.ts + 1 modules
var yaml = __webpack_require__(430);
;// CONCATENATED MODULE: ./src/build/catalog-values.ts


const USER = /^(\d+):(\d+)$/;
/** Collects problems with their YAML path; one UserErrors at the end. */
class Problems {
    source;
    errors = [];
    constructor(source) {
        this.source = source;
    }
    add(path, message, fix) {
        this.errors.push(new src_errors/* UserError */.yo(`${formatPath(path)}: ${message}`, { fix, location: { file: this.source } }));
    }
    object(value, path) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value))
            return value;
        this.add(path, `must be a mapping (key: value lines), not ${show(value)}.`, 'see catalog/README.md for the format.');
        return undefined;
    }
    onlyKeys(entry, path, allowed) {
        for (const key of Object.keys(entry)) {
            if (!allowed.includes(key))
                this.add([...path, key], `"${key}" is not a known key here.`, `use only: ${allowed.join(', ')}.`);
        }
    }
    pinnedImage(value, path) {
        if (typeof value !== 'string') {
            this.add(path, `must be an image reference, not ${show(value)}.`, 'write registry/repository@sha256:<digest>.');
            return undefined;
        }
        try {
            const ref = (0,oci/* parseReference */.F2)(value);
            if (!ref.digest) {
                this.add(path, `"${value}" is not pinned by digest.`, `append @sha256:<digest>: standard images are always pinned, so a build names the exact base it used.`);
                return undefined;
            }
            return {
                reference: value,
                name: `${(0,oci/* formatName */.nD)(ref)}${ref.tag ? `:${ref.tag}` : ''}`,
                digest: ref.digest,
                pinned: `${(0,oci/* formatName */.nD)(ref)}@${ref.digest}`,
            };
        }
        catch (error) {
            this.add(path, error.message, 'write registry/repository@sha256:<digest>.');
            return undefined;
        }
    }
    user(value, path) {
        if (typeof value === 'string' && USER.test(value))
            return value;
        this.add(path, `must be a numeric uid:gid such as "10001:10001", not ${show(value)}.`, 'use numbers: a name may not exist in every image.');
        return undefined;
    }
    throwIfAny() {
        if (this.errors.length > 0)
            throw this.toError();
    }
    toError() {
        const count = this.errors.length;
        return new src_errors/* UserErrors */.tQ(`The standard-image catalog ${this.source} is not valid (${count} ${count === 1 ? 'problem' : 'problems'}):`, this.errors);
    }
}
function formatPath(path) {
    return `$${path.map((part) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_][\w-]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`)).join('')}`;
}
function show(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return Array.isArray(value) ? 'a list' : 'a mapping';
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/build/catalog.ts





function isVariants(choice) {
    return 'variants' in choice;
}
/** Every runtime image of the catalog, variants included, in file order. */
function allRuntimes(catalog) {
    return Object.values(catalog.runtimes).flatMap((choice) => isVariants(choice) ? Object.values(choice.variants) : [choice]);
}
const MAX_CATALOG_BYTES = 1024 * 1024;
const TOP_KEYS = ['apiVersion', 'builders', 'runtimes', 'default_builder', 'policy'];
const POLICY_KEYS = [
    'mode',
    'non_root',
    'pinned_bases',
    'required_labels',
    'banned_packages',
    'max_size_mib',
];
const BUILDER_KEYS = ['image', 'user', 'toolchains'];
const RUNTIME_KEYS = ['image', 'user', 'port', 'app_dir', 'probes'];
const PROBE_KEYS = ['http', 'tcp', 'exec', 'initial_delay_seconds'];
const CATALOG_API_VERSION = 'pipeline-actions/v1';
/**
 * Parses and validates a catalog. Every problem is found in one pass and
 * thrown as one UserErrors naming the file and the path of each value.
 */
function parseCatalog(text, source) {
    const value = (0,yaml/* parseYaml */.hN)(text, source, { maxBytes: MAX_CATALOG_BYTES });
    const problems = new Problems(source);
    const root = problems.object(value, []);
    if (!root)
        throw problems.toError();
    problems.onlyKeys(root, [], TOP_KEYS);
    if (root.apiVersion !== CATALOG_API_VERSION) {
        problems.add(['apiVersion'], `must be "${CATALOG_API_VERSION}", not ${show(root.apiVersion)}.`, `start the file with \`apiVersion: ${CATALOG_API_VERSION}\`.`);
    }
    const builders = [];
    const builderMap = root.builders === undefined ? {} : (problems.object(root.builders, ['builders']) ?? {});
    for (const [name, raw] of Object.entries(builderMap)) {
        const builder = readBuilder(problems, name, raw);
        if (builder)
            builders.push(builder);
    }
    const runtimes = {};
    const runtimeMap = problems.object(root.runtimes, ['runtimes']) ?? {};
    for (const [type, raw] of Object.entries(runtimeMap)) {
        if (!APPLICATION_TYPES.includes(type)) {
            problems.add(['runtimes', type], `"${type}" is not an application type.`, `use one of: ${APPLICATION_TYPES.join(', ')}.`);
            continue;
        }
        const choice = readRuntimeChoice(problems, type, raw);
        if (choice)
            runtimes[type] = choice;
    }
    let defaultBuilder;
    if (root.default_builder !== undefined) {
        if (typeof root.default_builder === 'string' &&
            builders.some((b) => b.name === root.default_builder)) {
            defaultBuilder = root.default_builder;
        }
        else {
            problems.add(['default_builder'], `${show(root.default_builder)} is not one of the builders.`, `name one of: ${builders.map((b) => b.name).join(', ') || '(none defined)'}.`);
        }
    }
    const policy = root.policy === undefined ? undefined : readPolicy(problems, root.policy);
    problems.throwIfAny();
    return {
        source,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex'),
        builders,
        runtimes,
        defaultBuilder,
        policy,
    };
}
function readPolicy(problems, raw) {
    const path = ['policy'];
    const entry = problems.object(raw, path);
    if (!entry)
        return undefined;
    problems.onlyKeys(entry, path, POLICY_KEYS);
    const mode = entry.mode ?? 'enforce';
    if (!policy/* POLICY_MODES */.y.includes(mode)) {
        problems.add([...path, 'mode'], `must be enforce or warn, not ${show(mode)}.`, 'write `mode: enforce` or `mode: warn`.');
    }
    const flag = (key) => {
        const value = entry[key] ?? true;
        if (typeof value === 'boolean')
            return value;
        problems.add([...path, key], `must be true or false, not ${show(value)}.`, `write \`${key}: true\`.`);
        return true;
    };
    const names = (key) => {
        const value = entry[key] ?? [];
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== ''))
            return value;
        problems.add([...path, key], `must be a list of names, not ${show(value)}.`, `write e.g. \`${key}: [name, other]\`.`);
        return [];
    };
    let maxSizeMiB;
    if (entry.max_size_mib !== undefined) {
        if (typeof entry.max_size_mib === 'number' && entry.max_size_mib > 0)
            maxSizeMiB = entry.max_size_mib;
        else
            problems.add([...path, 'max_size_mib'], `must be a positive number of MiB, not ${show(entry.max_size_mib)}.`, 'write e.g. `max_size_mib: 512`.');
    }
    return {
        mode: mode,
        nonRoot: flag('non_root'),
        pinnedBases: flag('pinned_bases'),
        requiredLabels: names('required_labels'),
        bannedPackages: names('banned_packages'),
        maxSizeMiB,
    };
}
function readBuilder(problems, name, raw) {
    const path = ['builders', name];
    const entry = problems.object(raw, path);
    if (!entry)
        return undefined;
    problems.onlyKeys(entry, path, BUILDER_KEYS);
    const image = problems.pinnedImage(entry.image, [...path, 'image']);
    const user = problems.user(entry.user ?? '10001:10001', [...path, 'user']);
    const toolchains = {};
    const rawToolchains = problems.object(entry.toolchains, [...path, 'toolchains']);
    for (const [toolchain, version] of Object.entries(rawToolchains ?? {})) {
        if (!TOOLCHAINS.includes(toolchain)) {
            problems.add([...path, 'toolchains', toolchain], `"${toolchain}" is not a toolchain default.json can ask for.`, `use one of: ${TOOLCHAINS.join(', ')}.`);
        }
        else if (typeof version !== 'string' && typeof version !== 'number') {
            problems.add([...path, 'toolchains', toolchain], `the version must be a string such as "18", not ${show(version)}.`, 'quote the version.');
        }
        else {
            toolchains[toolchain] = String(version);
        }
    }
    if (rawToolchains && Object.keys(rawToolchains).length === 0) {
        problems.add([...path, 'toolchains'], 'lists no toolchain, so no build could choose this builder.', 'list the toolchains the image provides, such as `nodejs: "18"`.');
    }
    if (!image || !user)
        return undefined;
    return { name, image, user, toolchains };
}
/** One runtime (a mapping with `image:`), or one per toolchain. */
function readRuntimeChoice(problems, type, raw) {
    const path = ['runtimes', type];
    const entry = problems.object(raw, path);
    if (!entry)
        return undefined;
    if ('image' in entry)
        return readRuntime(problems, type, raw, path);
    const variants = {};
    const names = [...TOOLCHAINS, 'default'];
    for (const [name, value] of Object.entries(entry)) {
        if (!names.includes(name)) {
            problems.add([...path, name], `"${name}" is neither a runtime key (image, user, port, app_dir, probes) nor a toolchain.`, `write one runtime (with image:), or one per toolchain keyed by ${TOOLCHAINS.join(', ')} or default.`);
            continue;
        }
        const variant = name;
        const runtime = readRuntime(problems, type, value, [...path, name], variant);
        if (runtime)
            variants[variant] = runtime;
    }
    if (Object.keys(entry).length === 0) {
        problems.add(path, 'names no runtime image.', "write `image:` and the runtime's settings, or one runtime per toolchain.");
    }
    return { variants };
}
function readRuntime(problems, type, raw, path, variant) {
    const entry = problems.object(raw, path);
    if (!entry)
        return undefined;
    problems.onlyKeys(entry, path, RUNTIME_KEYS);
    const image = problems.pinnedImage(entry.image, [...path, 'image']);
    const user = problems.user(entry.user, [...path, 'user']);
    if (user && user.startsWith('0:')) {
        problems.add([...path, 'user'], 'is root (uid 0); application images never run as root.', 'use the non-root uid:gid the runtime image defines, such as "10001:10001".');
    }
    let port;
    if (entry.port !== undefined && entry.port !== null) {
        if (Number.isInteger(entry.port) &&
            entry.port >= 1 &&
            entry.port <= 65535)
            port = entry.port;
        else
            problems.add([...path, 'port'], `must be a port number (1-65535), not ${show(entry.port)}.`, 'write the port the runtime listens on, such as 8080.');
    }
    const appDir = entry.app_dir ?? '/srv/app';
    if (typeof appDir !== 'string' ||
        !/^\/[\w.\-/]*$/.test(appDir) ||
        appDir.split('/').includes('..')) {
        problems.add([...path, 'app_dir'], `must be an absolute path without "..", not ${show(appDir)}.`, 'write the directory the runtime serves or runs from, such as /srv/app.');
    }
    const probes = {};
    const rawProbes = entry.probes === undefined ? {} : problems.object(entry.probes, [...path, 'probes']);
    for (const [kind, rawProbe] of Object.entries(rawProbes ?? {})) {
        if (kind !== 'liveness' && kind !== 'readiness') {
            problems.add([...path, 'probes', kind], `"${kind}" is not a probe kind.`, 'use liveness or readiness.');
            continue;
        }
        const probe = readProbe(problems, [...path, 'probes', kind], rawProbe, port);
        if (probe)
            probes[kind] = probe;
    }
    if (!image || !user || typeof appDir !== 'string')
        return undefined;
    return {
        type,
        ...(variant ? { variant } : {}),
        image,
        user,
        port,
        appDir: appDir.replace(/\/+$/, '') || '/',
        probes,
    };
}
function readProbe(problems, path, raw, port) {
    const entry = problems.object(raw, path);
    if (!entry)
        return undefined;
    problems.onlyKeys(entry, path, PROBE_KEYS);
    const kinds = ['http', 'tcp', 'exec'].filter((k) => entry[k] !== undefined);
    if (kinds.length !== 1) {
        problems.add(path, `needs exactly one of http, tcp or exec${kinds.length ? ` (has ${kinds.join(' and ')})` : ''}.`, 'write e.g. `http: /healthz`, `tcp: true` or `exec: [cat, /tmp/ready]`.');
        return undefined;
    }
    let delay;
    if (entry.initial_delay_seconds !== undefined) {
        if (Number.isInteger(entry.initial_delay_seconds) &&
            entry.initial_delay_seconds >= 0)
            delay = entry.initial_delay_seconds;
        else
            problems.add([...path, 'initial_delay_seconds'], `must be a whole number of seconds, not ${show(entry.initial_delay_seconds)}.`, 'write e.g. 5.');
    }
    const extra = delay === undefined ? {} : { initialDelaySeconds: delay };
    if (entry.http !== undefined || entry.tcp !== undefined) {
        if (port === undefined) {
            problems.add(path, 'is an http or tcp probe, but the runtime has no port.', 'set `port:` on the runtime, or use an exec probe.');
            return undefined;
        }
    }
    if (entry.http !== undefined) {
        if (typeof entry.http === 'string' && entry.http.startsWith('/'))
            return { kind: 'http', path: entry.http, ...extra };
        problems.add([...path, 'http'], `must be a path starting with "/", not ${show(entry.http)}.`, 'write e.g. `http: /healthz`.');
        return undefined;
    }
    if (entry.tcp !== undefined) {
        if (entry.tcp === true)
            return { kind: 'tcp', ...extra };
        problems.add([...path, 'tcp'], `must be true, not ${show(entry.tcp)}.`, 'write `tcp: true`.');
        return undefined;
    }
    if (Array.isArray(entry.exec) &&
        entry.exec.length > 0 &&
        entry.exec.every((a) => typeof a === 'string')) {
        return { kind: 'exec', command: entry.exec, ...extra };
    }
    problems.add([...path, 'exec'], `must be a non-empty list of strings, not ${show(entry.exec)}.`, 'write e.g. `exec: [cat, /tmp/ready]`.');
    return undefined;
}

;// CONCATENATED MODULE: ./src/build/catalog-source.ts






/** Whether a catalog location is a URL rather than a file path. */
function isUrl(location) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}
async function loadCatalog(location, options = {}) {
    const text = isUrl(location)
        ? await fetchCatalog(location, options)
        : await readCatalogFile(location);
    return parseCatalog(text, location);
}
async function readCatalogFile(path) {
    try {
        const info = await (0,promises_.stat)(path);
        if (!info.isFile())
            throw new src_errors/* UserError */.yo(`The catalog ${path} is not a file.`, {
                fix: 'point the "catalog" input at the catalog YAML file.',
            });
        if (info.size > MAX_CATALOG_BYTES)
            throw catalog_source_tooLarge(path, info.size);
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error instanceof src_errors/* UserError */.yo)
            throw error;
        const code = error.code;
        throw new src_errors/* UserError */.yo(code === 'ENOENT'
            ? `No standard-image catalog at ${path}.`
            : `The catalog ${path} cannot be read: ${(0,src_errors/* errorMessage */.gJ)(error)}.`, {
            fix: 'set the "catalog" input to the path of the catalog file (relative to the workspace) or its https URL; leave it empty for the catalog of this release.',
            cause: error,
        });
    }
}
async function fetchCatalog(location, options) {
    const url = new URL(location);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (0,proxy/* isLoopbackHost */.cW)(url.hostname))) {
        throw new src_errors/* UserError */.yo(`The catalog URL ${url.origin}${url.pathname} is not https.`, {
            fix: 'serve the catalog over https (plain http is accepted only on the loopback address).',
        });
    }
    if (url.username || url.password) {
        throw new src_errors/* UserError */.yo('The catalog URL carries credentials.', {
            fix: 'publish the catalog where it can be read without credentials in the URL.',
        });
    }
    const transport = new http_transport/* HttpTransport */.G5({
        userAgent: 'pipeline-actions',
        timeoutMs: options.timeoutMs ?? 30_000,
    });
    try {
        return await (0,retry/* retry */.L5)(async () => {
            let response;
            try {
                response = await transport.requestFollowing({
                    method: 'GET',
                    url,
                    maxBodyBytes: MAX_CATALOG_BYTES,
                });
            }
            catch (error) {
                if (error instanceof http_transport/* ResponseTooLargeError */.by)
                    throw catalog_source_tooLarge(url.href, error.size);
                if (error instanceof src_errors/* UserError */.yo)
                    throw error;
                throw new src_errors/* TransientError */.N_(`Could not fetch the catalog ${url.href}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, {
                    cause: error,
                });
            }
            const transient = (0,http_transport/* transientStatus */.fO)(response, `The catalog server answered HTTP ${response.status} for ${url.href}.`);
            if (transient)
                throw transient;
            if (response.status < 200 || response.status >= 300) {
                throw new src_errors/* UserError */.yo(`The catalog server answered HTTP ${response.status} for ${url.href}.`, {
                    fix: 'check the "catalog" URL.',
                });
            }
            return response.body.toString('utf8');
        }, options.retry);
    }
    finally {
        transport.close();
    }
}
function catalog_source_tooLarge(source, bytes) {
    return new src_errors/* UserError */.yo(`The catalog ${source} is ${bytes} bytes; at most ${MAX_CATALOG_BYTES} are accepted.`, {
        fix: 'check that the "catalog" input names the catalog YAML and not another file.',
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const file of files) {
        const path = (0,external_node_path_.join)(root, file);
        const info = await (0,promises_.lstat)(path).catch(() => undefined);
        if (!info)
            continue; // listed by git but deleted in the working tree
        if (info.isSymbolicLink())
            hash.update(`link ${file} ${await (0,promises_.readlink)(path)}\n`);
        else if (info.isFile())
            hash.update(`file ${file} ${info.mode & 0o111 ? 'x' : '-'} ${await fileSha256(path)}\n`);
    }
    return hash.digest('hex');
}
async function fileSha256(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
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
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
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

;// CONCATENATED MODULE: ./src/build/labels.ts
/**
 * The labels every application image carries: the OCI annotations
 * (title, version, source, revision, base name and digest) and the build
 * record a later run compares against to decide whether, and why, to
 * rebuild: the content hash and its parts.
 */
const PREFIX = 'io.github.pipeline-actions';
const LABELS = {
    title: 'org.opencontainers.image.title',
    version: 'org.opencontainers.image.version',
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    vendor: 'org.opencontainers.image.vendor',
    baseName: 'org.opencontainers.image.base.name',
    baseDigest: 'org.opencontainers.image.base.digest',
    contentHash: `${PREFIX}.content-hash`,
    sourcesHash: `${PREFIX}.sources-hash`,
    configHash: `${PREFIX}.config-hash`,
    manifestSha256: `${PREFIX}.manifest-sha256`,
    builderName: `${PREFIX}.builder.name`,
    builderDigest: `${PREFIX}.builder.digest`,
    applicationType: `${PREFIX}.application-type`,
};
function imageLabels(record, runtime, builder, description) {
    const labels = {
        [LABELS.title]: description.title,
        [LABELS.version]: description.version,
        [LABELS.vendor]: description.namespace,
        [LABELS.baseName]: runtime.name,
        [LABELS.baseDigest]: runtime.digest,
        [LABELS.contentHash]: record.contentHash,
        [LABELS.sourcesHash]: record.sourcesHash,
        [LABELS.configHash]: record.configHash,
        [LABELS.manifestSha256]: description.manifestSha256,
        [LABELS.applicationType]: description.applicationType,
    };
    if (description.source)
        labels[LABELS.source] = description.source;
    if (description.revision)
        labels[LABELS.revision] = description.revision;
    if (builder) {
        labels[LABELS.builderName] = builder.name;
        labels[LABELS.builderDigest] = builder.digest;
    }
    return labels;
}
/** The record an earlier image carries; undefined for an image not built by this action. */
function readBuildRecord(labels) {
    const contentHash = labels[LABELS.contentHash];
    const sourcesHash = labels[LABELS.sourcesHash];
    const configHash = labels[LABELS.configHash];
    const runtimeName = labels[LABELS.baseName];
    const runtimeDigest = labels[LABELS.baseDigest];
    if (!contentHash || !sourcesHash || !configHash || !runtimeName || !runtimeDigest)
        return undefined;
    const builderName = labels[LABELS.builderName];
    const builderDigest = labels[LABELS.builderDigest];
    return {
        contentHash,
        sourcesHash,
        configHash,
        runtime: { name: runtimeName, digest: runtimeDigest },
        builder: builderName && builderDigest ? { name: builderName, digest: builderDigest } : undefined,
    };
}

;// CONCATENATED MODULE: ./src/build/publish.ts


/** Where `tag` points now; undefined when it does not exist. */
async function tagDigest(client, repository, tag) {
    return (await client.headManifest(repository, tag))?.digest;
}
/**
 * Points a free tag at `digest`. Nothing is written when the tag already
 * points there; a tag that points elsewhere is an error.
 */
async function tagImmutable(client, repository, digest, tag) {
    const current = await tagDigest(client, repository, tag);
    if (current === digest)
        return 'existed';
    if (current !== undefined)
        throw tagTaken(repository, tag, current);
    const manifest = await client.getManifest(repository, digest);
    await (0,oci/* writeTagIfUnchanged */.k5)({
        client,
        repository,
        tag,
        expected: undefined,
        write: (condition) => client.putManifest(repository, tag, manifest.bytes, manifest.mediaType, condition),
    });
    return 'created';
}
/** Points a channel tag at `digest`, wherever it pointed before. */
async function tagMutable(client, repository, digest, tag) {
    if ((await tagDigest(client, repository, tag)) === digest)
        return;
    const manifest = await client.getManifest(repository, digest);
    await client.putManifest(repository, tag, manifest.bytes, manifest.mediaType);
}
/** Compressed size of an image: its config and layers as the manifest lists them (all platforms of an index). */
async function imageSize(client, repository, digest) {
    const manifest = await client.getManifest(repository, digest);
    const json = manifest.json;
    if (Array.isArray(json.manifests)) {
        let total = 0;
        for (const entry of json.manifests) {
            if (typeof entry.digest === 'string')
                total += await imageSize(client, repository, entry.digest);
        }
        return total;
    }
    return ((json.config?.size ?? 0) +
        (json.layers ?? []).reduce((sum, layer) => sum + (layer.size ?? 0), 0));
}
function tagTaken(repository, tag, current) {
    return new src_errors/* UserError */.yo(`${repository}:${tag} already exists with other content (${current}); version tags are never overwritten.`, {
        fix: 'another build published this version first: run the build again to get the next free version, or raise application.version in default.json.',
    });
}

;// CONCATENATED MODULE: ./src/build/select-images.ts




/**
 * Choosing the standard images for an application: the runtime by its
 * `application.type`, the builder by its `buildfacts`.
 */
function selectRuntime(catalog, manifest) {
    const type = manifest.application.type;
    const choice = catalog.runtimes[type];
    if (choice && !isVariants(choice))
        return choice;
    if (choice) {
        // One runtime per language: the first buildfact that has one, else the default.
        const wanted = Object.keys(manifest.build.buildfacts);
        for (const toolchain of wanted) {
            const runtime = choice.variants[toolchain];
            if (runtime)
                return runtime;
        }
        if (choice.variants.default)
            return choice.variants.default;
        const offered = Object.keys(choice.variants);
        throw new src_errors/* UserError */.yo(`The standard-image catalog has a runtime for application.type "${type}" per language (${offered.join(', ')}), and build.system_setup.buildfacts names none of them${wanted.length ? ` (it names ${wanted.join(', ')})` : ''}.`, {
            fix: `add the application's language to "buildfacts" (one of ${offered.join(', ')}), or ask the platform team for a "${type}" runtime for ${wanted[0] ?? 'your language'}.`,
            location: manifest.locate(['build', 'system_setup', 'buildfacts']),
        });
    }
    const known = Object.keys(catalog.runtimes);
    throw new src_errors/* UserError */.yo(`The standard-image catalog has no runtime image for application.type "${type}" (it has: ${known.join(', ') || 'none'}).`, {
        fix: `use one of those types, or ask the platform team to add a "${type}" runtime to the catalog.`,
        location: manifest.locate(['application', 'type']),
    });
}
/** Whether the build needs a builder container at all. */
function needsBuilder(manifest, packageFormat) {
    return (manifest.build.steps.length > 0 ||
        manifest.build.command !== undefined ||
        packageFormat === 'deb');
}
/**
 * The builder that provides every toolchain the buildfacts ask for, at the
 * version asked for ("18" matches 18 and 18.x; no version takes any). Of
 * several, the one with the fewest other toolchains wins, then file order.
 * Without buildfacts, the catalog's default builder.
 */
function selectBuilder(catalog, manifest) {
    const wanted = Object.entries(manifest.build.buildfacts);
    if (wanted.length === 0) {
        const fallback = catalog.builders.find((b) => b.name === catalog.defaultBuilder);
        if (fallback)
            return fallback;
        throw new src_errors/* UserError */.yo(`${manifest.file} names no build.system_setup.buildfacts, and the catalog has no default builder.`, {
            fix: `add the toolchains the build needs, such as "buildfacts": { "nodejs": "24" }; the catalog's builders provide: ${describeBuilders(catalog)}.`,
            location: manifest.locate(['build']),
        });
    }
    const fits = catalog.builders.filter((builder) => wanted.every(([toolchain, version]) => provides(builder, toolchain, version)));
    if (fits.length > 0) {
        return fits.reduce((best, next) => (toolchainCount(next) < toolchainCount(best) ? next : best));
    }
    throw new src_errors/* UserError */.yo(`No standard builder provides ${describeWanted(manifest.build.buildfacts)} (build.system_setup.buildfacts).`, {
        fix: `ask for what a builder provides — ${describeBuilders(catalog)} — or ask the platform team for a builder with ${describeWanted(manifest.build.buildfacts)}.`,
        location: manifest.locate(['build', 'system_setup', 'buildfacts']),
    });
}
function provides(builder, toolchain, version) {
    const has = builder.toolchains[toolchain];
    if (has === undefined)
        return false;
    if (version === null || version === '' || version === 'default')
        return true;
    return has === version || has.startsWith(`${version}.`);
}
function toolchainCount(builder) {
    return Object.keys(builder.toolchains).length;
}
function describeWanted(buildfacts) {
    return Object.entries(buildfacts)
        .map(([toolchain, version]) => (version ? `${toolchain} ${version}` : toolchain))
        .join(' + ');
}
function describeBuilders(catalog) {
    if (catalog.builders.length === 0)
        return '(the catalog has no builders)';
    return catalog.builders.map((b) => `${b.name} (${describeToolchains(b)})`).join('; ');
}
/** The toolchain each kind of build step runs; shell and make need none beyond the image's shell. */
const STEP_TOOLCHAINS = {
    shell: undefined,
    make: undefined,
    gradle: 'java',
    maven: 'java',
    npm: 'nodejs',
    go: 'go',
    pip: 'python',
};
/**
 * The standard images for a build, with everything that can be known before
 * a container runs checked up front: the runtime for application.type, the
 * builder for the buildfacts, every build step's tool among the builder's
 * toolchains, and a wrapper script (./gradlew, ./mvnw) present where a step
 * asks for one. Every problem is reported at once, each at its place in
 * default.json.
 */
function chooseImages(catalog, manifest, options) {
    const errors = [];
    const attempt = (choose) => {
        try {
            return choose();
        }
        catch (error) {
            if (!(error instanceof src_errors/* UserError */.yo))
                throw error;
            errors.push(error);
            return undefined;
        }
    };
    const runtime = attempt(() => selectRuntime(catalog, manifest));
    const builder = needsBuilder(manifest, options.packageFormat)
        ? attempt(() => selectBuilder(catalog, manifest))
        : undefined;
    if (builder)
        errors.push(...stepToolProblems(catalog, manifest, builder));
    if (options.context)
        errors.push(...wrapperProblems(manifest, options.context));
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new src_errors/* UserErrors */.tQ(`${manifest.file} asks for what the standard images cannot do (${errors.length} problems); nothing was built:`, errors);
    return { runtime: runtime, builder };
}
function stepToolProblems(catalog, manifest, builder) {
    const problems = [];
    manifest.build.steps.forEach((step, index) => {
        const toolchain = STEP_TOOLCHAINS[step.kind];
        if (!toolchain || builder.toolchains[toolchain] !== undefined)
            return;
        const wanted = [
            ...new Set([...Object.keys(manifest.build.buildfacts), toolchain]),
        ];
        const fitting = catalog.builders.filter((b) => wanted.every((t) => b.toolchains[t] !== undefined));
        const how = fitting.length
            ? `add "${toolchain}" to build.system_setup.buildfacts (${wanted.join(' + ')} chooses the builder "${fitting[0].name}")`
            : `no builder of the catalog provides ${wanted.join(' + ')}: ask the platform team for one, or use a shell step with the tools the builder has`;
        problems.push(new src_errors/* UserError */.yo(`$.build.build_steps[${index}]: a ${step.kind} step needs ${toolchain}, and the builder "${builder.name}" chosen for ${Object.keys(manifest.build.buildfacts).join(' + ') || 'this build'} does not provide it (it has ${describeToolchains(builder)}).`, {
            fix: `${how}.`,
            location: manifest.locate(['build', 'build_steps', index, step.kind], 'key'),
        }));
    });
    return problems;
}
function wrapperProblems(manifest, context) {
    const problems = [];
    manifest.build.steps.forEach((step, index) => {
        if ((step.kind !== 'gradle' && step.kind !== 'maven') || !step.useWrapper)
            return;
        const script = step.kind === 'gradle' ? 'gradlew' : 'mvnw';
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(context, script)))
            return;
        problems.push(new src_errors/* UserError */.yo(`$.build.build_steps[${index}].${step.kind}.useWrapper: the step runs ./${script}, and the repository has no ${script} at its root.`, {
            fix: `commit the ${step.kind === 'gradle' ? 'Gradle' : 'Maven'} wrapper (${script} and its ${step.kind === 'gradle' ? 'gradle/wrapper/' : '.mvn/wrapper/'} files), or set "useWrapper": false to use the builder's ${step.kind}.`,
            location: manifest.locate(['build', 'build_steps', index, step.kind, 'useWrapper'], 'key'),
        }));
    });
    return problems;
}
function describeToolchains(builder) {
    return Object.entries(builder.toolchains)
        .map(([t, v]) => `${t} ${v}`)
        .join(', ');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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

;// CONCATENATED MODULE: ./src/tools/git.ts



/** The git CLI, read-only: which files of a checkout count as sources. */
class Git extends Tool {
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
                core/* debug */.Yz(`git ls-files in ${dir} exited ${result.exitCode}: ${result.stderr.trim()}`);
                return undefined;
            }
            return [...new Set(result.stdout.split('\0').filter((path) => path !== ''))];
        }
        catch (error) {
            core/* debug */.Yz(`git is not usable here: ${(0,src_errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/build/source-files.ts



/**
 * The files whose content makes up an application's sources: in a git
 * checkout, what git would commit (tracked files and untracked ones not
 * ignored, so build outputs listed in .gitignore do not count); elsewhere
 * every file. `.git` never counts, nor the paths in `exclude` (default.json,
 * which counts as configuration). Sorted, `/`-separated, relative to root.
 */
async function listSourceFiles(root, exclude = [], git = new Git()) {
    const listed = (await git.listFiles(root)) ?? (await walk(root, ''));
    const skipped = new Set(exclude);
    return listed
        .filter((path) => !skipped.has(path) && !path.split('/').includes('.git'))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
async function walk(root, rel) {
    const files = [];
    for (const entry of await (0,promises_.readdir)((0,external_node_path_.join)(root, rel), { withFileTypes: true })) {
        if (entry.name === '.git')
            continue;
        const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory())
            files.push(...(await walk(root, path)));
        else
            files.push(path);
    }
    return files;
}

;// CONCATENATED MODULE: ./src/build/versions.ts

/**
 * Versions and tags. An exact version is used as written; an X-range
 * ("3.x.x", "3.2.x", "3.x") becomes the next free version in it: one patch
 * above the highest version tag in the range, or the range's first version.
 * Only release tags count (3.1.4, not 3.1.4-rc.1 nor 3.1.4-base.…).
 */
/** Tags that are release versions, highest first. */
function releaseVersions(tags) {
    return tags
        .filter((tag) => semver_default().valid(tag) === tag && semver_default().prerelease(tag) === null)
        .sort((semver_default()).rcompare);
}
function resolveVersion(spec, tags) {
    if (spec.kind === 'exact')
        return spec.value;
    const highest = semver_default().maxSatisfying(releaseVersions(tags), spec.value);
    if (highest)
        return semver_default().inc(highest, 'patch');
    return semver_default().minVersion(spec.value).version;
}
/**
 * The tag of the image this one follows: the version itself when it exists
 * (an exact version), else the highest release in the range, else the
 * highest release of all. Undefined for the first image.
 */
function previousVersionTag(spec, tags) {
    const releases = releaseVersions(tags);
    if (spec.kind === 'exact') {
        const own = versionTag(spec.value);
        if (tags.includes(own))
            return own;
    }
    else {
        const inRange = semver_default().maxSatisfying(releases, spec.value);
        if (inRange)
            return inRange;
    }
    return releases[0];
}
/** The tag of a version: OCI tags cannot hold "+", so build metadata is joined with "_" as helm does. */
function versionTag(version) {
    return version.replaceAll('+', '_');
}
/** `content-<sha256>`: the tag that names an image's content hash, so it is found without a rebuild. */
function contentTag(contentHash) {
    return `content-${contentHash}`;
}
function isContentTag(tag) {
    return /^content-[0-9a-f]{64}$/.test(tag);
}
/**
 * The tag a base rebuild adds: the version, the base image's name and the
 * start of its digest (`1.0.1-runtime-http.c7b1bcc81e15`).
 */
function baseTag(version, base) {
    const image = (base.name.split('/').pop() ?? 'base')
        .split(':')[0]
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
    const short = base.digest.slice(base.digest.indexOf(':') + 1, base.digest.indexOf(':') + 13);
    return `${versionTag(version)}-${image}.${short}`.slice(0, 128);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/policy/packages.ts

const STATUS = 'var/lib/dpkg/status';
const STATUS_DIR = 'var/lib/dpkg/status.d/';
const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release'];
/** name → package of every package whose status is "installed". */
function parseDpkgStatus(text) {
    const packages = new Map();
    for (const stanza of text.split(/\n\s*\n/)) {
        const fields = new Map();
        for (const line of stanza.split('\n')) {
            const match = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
            if (match)
                fields.set(match[1].toLowerCase(), match[2].trim());
        }
        const name = fields.get('package');
        const status = fields.get('status');
        if (!name)
            continue;
        // status.d files have no Status field: each one is an installed package.
        if (status !== undefined && !/\binstalled$/.test(status))
            continue;
        packages.set(name, {
            version: fields.get('version') ?? '',
            architecture: fields.get('architecture') ?? '',
        });
    }
    return packages;
}
/** os-release's fields (`KEY=value`, values optionally quoted); undefined without an ID. */
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (match)
            fields.set(match[1], match[2].replace(/^(["'])(.*)\1$/, '$2'));
    }
    const id = fields.get('ID');
    if (!id)
        return undefined;
    return {
        id,
        versionId: fields.get('VERSION_ID'),
        codename: fields.get('VERSION_CODENAME'),
        prettyName: fields.get('PRETTY_NAME'),
    };
}
/** The packages of an image from its layers, bottom first. */
function installedPackages(layers) {
    return imageSystem(layers).packages;
}
/** Packages and distribution of an image from its layers, bottom first. */
function imageSystem(layers) {
    const files = finalFiles(layers, (path) => path === STATUS || path.startsWith(STATUS_DIR) || OS_RELEASE.includes(path));
    const packages = parseDpkgStatus(files.get(STATUS) ?? '');
    for (const [path, text] of files) {
        if (!path.startsWith(STATUS_DIR))
            continue;
        for (const [name, found] of parseDpkgStatus(text))
            packages.set(name, found);
    }
    const osRelease = OS_RELEASE.map((path) => files.get(path)).find((text) => text !== undefined);
    return { packages, os: osRelease === undefined ? undefined : parseOsRelease(osRelease) };
}
/**
 * The regular files `wanted` selects, as the image's file system holds them
 * after every layer (bottom first): a later layer replaces a file, a
 * whiteout (`.wh.<name>`) removes it, an opaque whiteout empties its directory.
 */
function finalFiles(layers, wanted) {
    const files = new Map();
    for (const layer of layers) {
        const tar = layerTar(layer);
        if (!tar)
            continue;
        for (const entry of tarEntries(tar)) {
            const path = entry.name.replace(/^\.?\//, '');
            const dir = path.slice(0, path.lastIndexOf('/') + 1);
            const base = path.slice(dir.length);
            if (base === '.wh..wh..opq') {
                for (const known of [...files.keys()])
                    if (known.startsWith(dir))
                        files.delete(known);
                continue;
            }
            if (base.startsWith('.wh.')) {
                const removed = dir + base.slice(4);
                for (const known of [...files.keys()]) {
                    if (known === removed || known.startsWith(`${removed}/`))
                        files.delete(known);
                }
                continue;
            }
            if (!wanted(path))
                continue;
            // A link or directory in a later layer hides the file as well.
            if (entry.type === 'file')
                files.set(path, entry.data.toString('utf8'));
            else
                files.delete(path);
        }
    }
    return files;
}
function layerTar(layer) {
    if (/gzip/.test(layer.mediaType))
        return (0,external_node_zlib_.gunzipSync)(layer.bytes);
    if (/tar$/.test(layer.mediaType))
        return layer.bytes;
    return undefined; // zstd and foreign layers: not read
}
/** The entries of a tar stream (ustar, GNU long names, PAX paths). */
function* tarEntries(tar) {
    let offset = 0;
    let longName;
    while (offset + 512 <= tar.length) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every((byte) => byte === 0))
            return;
        const size = parseInt(packages_text(header, 124, 12).trim() || '0', 8);
        const flag = String.fromCharCode(header[156] ?? 0);
        const data = tar.subarray(offset + 512, offset + 512 + size);
        offset += 512 + Math.ceil(size / 512) * 512;
        if (flag === 'L') {
            longName = data.toString('utf8').replace(/\0+$/, '');
            continue;
        }
        if (flag === 'x') {
            const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
            if (path)
                longName = path[1];
            continue;
        }
        if (flag === 'g')
            continue;
        const prefix = packages_text(header, 345, 155);
        const name = longName ?? (prefix ? `${prefix}/${packages_text(header, 0, 100)}` : packages_text(header, 0, 100));
        longName = undefined;
        yield { name, type: flag === '0' || flag === '\0' ? 'file' : 'other', data };
    }
}
function packages_text(buffer, start, length) {
    const raw = buffer.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

;// CONCATENATED MODULE: ./src/policy/facts.ts

/** A layer is read whole to find the dpkg database; bigger ones are refused. */
const MAX_LAYER_BYTES = 1024 * 1024 * 1024;
/**
 * What the policy checks and the SBOM lists, read back from the registry
 * after the push: the config's user and labels, the packages of the dpkg
 * database in the layers and the distribution, and the compressed size. Each layer is fetched once, in turn,
 * and dropped once its tar has been walked.
 */
async function readImageFacts(client, repository, reference) {
    const image = await client.getImageConfig(repository, reference);
    const manifest = (await client.getManifest(repository, image.manifestDigest)).json;
    const layers = [];
    let size = manifest.config?.size ?? 0;
    for (const layer of manifest.layers ?? []) {
        size += layer.size ?? 0;
        layers.push({
            mediaType: layer.mediaType,
            bytes: await client.getBlob(repository, layer.digest, MAX_LAYER_BYTES),
        });
    }
    const config = (image.config.config ?? {});
    const system = imageSystem(layers);
    return {
        user: config.User ?? '',
        labels: image.labels,
        packages: system.packages,
        os: system.os,
        sizeBytes: size,
        manifestDigest: image.manifestDigest,
    };
}

;// CONCATENATED MODULE: ./src/tools/docker.ts





/** Credential keys docker's config.json may carry that name another program. */
const CREDENTIAL_STORE_KEYS = ['credsStore'];
/** Entries of the user's docker config directory that are shared, not copied. */
const LINKED_ENTRIES = ['buildx', 'cli-plugins', 'contexts'];
class Docker extends Tool {
    configDir;
    constructor(configDir, binary) {
        super(binary, {
            DOCKER_CONFIG: configDir,
            DOCKER_BUILDKIT: '1',
            BUILDX_NO_DEFAULT_ATTESTATIONS: '1',
        });
        this.configDir = configDir;
    }
    /**
     * A docker CLI with its own config directory under `tempDir`. `userConfigDir`
     * is where the user's config lives (DOCKER_CONFIG, else ~/.docker).
     */
    static async create(tempDir, options = {}) {
        const userDir = options.userConfigDir ?? process.env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
        const configDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'docker-config-'));
        await (0,promises_.chmod)(configDir, 0o700);
        const config = await readUserConfig((0,external_node_path_.join)(userDir, 'config.json'));
        for (const key of CREDENTIAL_STORE_KEYS)
            delete config[key];
        await (0,promises_.writeFile)((0,external_node_path_.join)(configDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, {
            mode: 0o600,
        });
        for (const entry of LINKED_ENTRIES) {
            const from = (0,external_node_path_.join)(userDir, entry);
            if (await exists(from))
                await (0,promises_.symlink)(from, (0,external_node_path_.join)(configDir, entry));
        }
        return new Docker(configDir, options.binary ?? 'docker');
    }
    /** Deletes the config directory and the credentials in it. */
    async remove() {
        await (0,promises_.rm)(this.configDir, { recursive: true, force: true });
    }
    /** The buildx version; a UserError when the plugin is missing. */
    async buildxVersion() {
        const result = await this.execute(['buildx', 'version'], { silent: true });
        if (result.exitCode !== 0) {
            throw new src_errors/* UserError */.yo('docker buildx (the BuildKit client) is not available on this runner.', {
                fix: 'add a docker/setup-buildx-action step before this one, or install the docker-buildx plugin.',
            });
        }
        return result.stdout.trim();
    }
    /** The driver of the builder buildx would use: docker, docker-container, kubernetes, remote. */
    async builderDriver() {
        const result = await this.execute(['buildx', 'inspect'], { silent: true });
        if (result.exitCode !== 0)
            return undefined;
        return /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1];
    }
    /**
     * Logs in for pulls and pushes through docker, the password on stdin. A
     * credential helper the user configured for this registry is dropped
     * first, so the password is written to this config only.
     */
    async login(registry, username, password) {
        const file = (0,external_node_path_.join)(this.configDir, 'config.json');
        const config = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        if (config.credHelpers && registry in config.credHelpers) {
            delete config.credHelpers[registry];
            await (0,promises_.writeFile)(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
        }
        const result = await this.execute(['login', registry, '--username', username, '--password-stdin'], {
            input: password,
            silent: true,
        });
        if (result.exitCode !== 0)
            throw dockerFailure(['login', registry], result, `log in to ${registry}`);
    }
    /** Runs a container to completion; the caller reads the exit code. */
    async run(spec) {
        return this.execute(runArguments(spec), { silent: spec.silent ?? false });
    }
    /** `docker buildx build`, reading the digest from the metadata file buildx writes. */
    async build(spec, options = {}) {
        const args = buildArguments(spec);
        const result = await this.execute(args, options);
        if (result.exitCode !== 0)
            throw dockerFailure(args, result, 'build the image');
        const metadata = await (0,promises_.readFile)(spec.metadataFile, 'utf8').catch(() => '{}');
        const digest = JSON.parse(metadata)['containerimage.digest'];
        return { digest: typeof digest === 'string' ? digest : undefined, stderr: result.stderr };
    }
}
function runArguments(spec) {
    const args = ['run', '--rm', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
    if (spec.user)
        args.push('--user', spec.user);
    for (const mount of spec.mounts ?? []) {
        const fields = ['type=bind', `source=${mount.source}`, `target=${mount.target}`];
        if (mount.readOnly)
            fields.push('readonly');
        args.push('--mount', fields.map(csvField).join(','));
    }
    if (spec.workdir)
        args.push('--workdir', spec.workdir);
    for (const [name, value] of Object.entries(spec.env ?? {}))
        args.push('--env', `${name}=${value}`);
    args.push(spec.image, ...spec.command);
    return args;
}
/** docker reads --mount as one CSV record: a field with a comma or quote is quoted. */
function csvField(field) {
    return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function buildArguments(spec) {
    const args = ['buildx', 'build', '--progress', 'plain', '--provenance=false', '--sbom=false'];
    args.push('--file', spec.dockerfile, '--metadata-file', spec.metadataFile);
    for (const tag of spec.tags)
        args.push('--tag', tag);
    for (const cache of spec.cacheFrom ?? [])
        args.push('--cache-from', cache);
    for (const cache of spec.cacheTo ?? [])
        args.push('--cache-to', cache);
    args.push(spec.output === 'push' ? '--push' : '--load', spec.context);
    return args;
}
const AUTH_FAILURE = /unauthorized|authentication required|no basic auth credentials|requested access to the resource is denied|pull access denied|401 Unauthorized|403 Forbidden|incorrect username or password/i;
const MISSING_IMAGE = /manifest unknown|failed to resolve source metadata|manifest for \S+ not found/i;
const TLS_FAILURE = /x509: |certificate signed by unknown authority|tls: failed to verify/i;
const TRANSIENT_FAILURE = /\b(50[0234]|429)\b[^\n]*\b(Service Unavailable|Bad Gateway|Gateway Time-?out|Too Many Requests|Internal Server Error)\b|connection reset by peer|i\/o timeout|TLS handshake timeout|connection refused|unexpected EOF|toomanyrequests/i;
/**
 * A failed docker call as the error a user should see: rejected credentials
 * and untrusted certificates are theirs to fix, registry hiccups are
 * transient (worth another attempt), anything else keeps docker's words.
 */
function dockerFailure(args, result, what) {
    const output = `${result.stderr}\n${result.stdout}`;
    const line = lastMatchingLine(output, AUTH_FAILURE) ?? lastMatchingLine(output, TLS_FAILURE);
    if (line && AUTH_FAILURE.test(line)) {
        return new src_errors/* UserError */.yo(`docker could not ${what}: the registry refused access (${line}).`, {
            fix: 'check the username and password inputs (from a secret), and that they may push to this repository; for the standard images, that the runner may pull them.',
        });
    }
    if (line && TLS_FAILURE.test(line)) {
        return new src_errors/* UserError */.yo(`docker could not ${what}: the registry's TLS certificate is not trusted (${line}).`, {
            fix: 'make docker trust the registry CA: put it in /etc/docker/certs.d/<host:port>/ca.crt on the runner (BuildKit in a container needs it in its buildkitd config).',
        });
    }
    const missing = lastMatchingLine(output, MISSING_IMAGE);
    if (missing) {
        return new src_errors/* UserError */.yo(`docker could not ${what}: an image it needs does not exist (${missing}).`, {
            fix: 'check the image references (and digests) in the standard-image catalog.',
        });
    }
    const transient = lastMatchingLine(output, TRANSIENT_FAILURE);
    if (transient) {
        return new src_errors/* TransientError */.N_(`docker could not ${what}: ${transient}`, {
            cause: new src_errors/* ToolError */.v4('docker', args, result.exitCode, result.stderr),
        });
    }
    return new src_errors/* ToolError */.v4('docker', args, result.exitCode, result.stderr || result.stdout);
}
function lastMatchingLine(text, pattern) {
    const lines = text.split('\n').filter((l) => pattern.test(l));
    const last = lines.at(-1)?.trim();
    return last ? last.slice(0, 500) : undefined;
}
async function readUserConfig(file) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? parsed
            : {};
    }
    catch {
        return {};
    }
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}

;// CONCATENATED MODULE: ./actions/build-image/src/catalog-location.ts



/**
 * The "catalog" input as a location: a URL as is, a path relative to the
 * workspace. build-image bundles no catalog: the standard images are the
 * platform team's, published from its own repository with their digests
 * (catalog/README.md), so there is no default that could name real images.
 */
function catalogLocation(input, workspace) {
    if (!input) {
        throw new src_errors/* UserError */.yo('Input "catalog" is empty: build-image needs the catalog of standard images your platform team publishes, and ships none of its own (no image could be named by a digest that exists on every registry).', {
            fix: 'set "catalog" to the pinned catalog file in the workspace or its https URL; a platform team publishes one by pushing its standard images and pinning catalog/standard-images.yaml with scripts/pin-catalog.ts (see catalog/README.md).',
        });
    }
    if (isUrl(input))
        return input;
    return (0,external_node_path_.isAbsolute)(input) ? input : (0,external_node_path_.resolve)(workspace, input);
}

;// CONCATENATED MODULE: ./src/build/reason.ts
function rebuildReason(current, previous) {
    if (!previous || previous.sourcesHash !== current.sourcesHash)
        return 'commit';
    if (previous.configHash !== current.configHash)
        return 'config';
    if (changedBase(current, previous))
        return 'base';
    return 'config';
}
/** The base that differs from the previous image, runtime first; undefined when both are the same. */
function changedBase(current, previous) {
    if (!sameImage(current.runtime, previous.runtime))
        return current.runtime;
    if (current.builder && !sameImage(current.builder, previous.builder))
        return current.builder;
    return undefined;
}
function sameImage(a, b) {
    return b !== undefined && a.name === b.name && a.digest === b.digest;
}

;// CONCATENATED MODULE: ./actions/build-image/src/plan.ts






async function planImage(target, manifest, tags, record) {
    const content = contentTag(record.contentHash);
    if (tags.includes(content)) {
        const image = await target.client.getImageConfig(target.repository, content);
        return reusePlan(target, image.digest, image.labels, []);
    }
    const spec = manifest.application.version;
    const previousTag = previousVersionTag(spec, tags);
    const previous = previousTag
        ? await target.client.getImageConfig(target.repository, previousTag)
        : undefined;
    const previousRecord = previous ? readBuildRecord(previous.labels) : undefined;
    if (previous && previousRecord?.contentHash === record.contentHash) {
        // The same content, published before its content tag existed: reuse it and add the tag.
        return reusePlan(target, previous.digest, previous.labels, [content]);
    }
    const version = resolveVersion(spec, tags);
    const reason = rebuildReason(record, previousRecord);
    const newTags = [];
    const tag = versionTag(version);
    if (tags.includes(tag)) {
        if (reason !== 'base' || !previousRecord)
            throw versionTaken(target, manifest, version, reason, tags);
        core/* info */.pq(`Version ${version} exists with the same sources and configuration on an older base: keeping it, adding a base tag.`);
    }
    else {
        newTags.push(tag);
    }
    if (reason === 'base' && previousRecord) {
        const base = changedBase(record, previousRecord);
        if (base)
            newTags.push(baseTag(version, base));
    }
    return {
        kind: 'build',
        version,
        reason,
        tags: newTags,
        previous: previousTag ? `${target.name}:${previousTag}` : undefined,
    };
}
async function reusePlan(target, digest, labels, restore) {
    const version = labels[LABELS.version];
    const record = readBuildRecord(labels);
    if (!version || !record) {
        throw new Error(`${target.name}@${digest} carries a content tag but not the labels build-image writes.`);
    }
    const candidates = [versionTag(version)];
    candidates.push(baseTag(version, record.runtime));
    if (record.builder)
        candidates.push(baseTag(version, record.builder));
    const pointing = [];
    for (const tag of candidates) {
        if ((await tagDigest(target.client, target.repository, tag)) === digest)
            pointing.push(tag);
    }
    const versionFree = (await tagDigest(target.client, target.repository, versionTag(version))) === undefined;
    if (pointing.length === 0 && versionFree)
        restore.push(versionTag(version));
    return { kind: 'reuse', digest, version, tags: pointing, restore };
}
function versionTaken(target, manifest, version, reason, tags) {
    const what = reason === 'commit'
        ? 'its sources differ from this build'
        : reason === 'config'
            ? "its configuration differs from this build's (default.json, the package format or the catalog's settings)"
            : 'it was built differently';
    const [major, minor] = version.split('.');
    const next = resolveVersion({ kind: 'range', value: `${major}.${minor}.x` }, tags);
    return new src_errors/* UserError */.yo(`Version ${version} of ${target.name} already exists with other content: ${what}. Version tags are never overwritten; nothing was built or pushed.`, {
        fix: `raise application.version (${next} is free), or write an X-range such as "${major}.${minor}.x" to publish the next free version.`,
        location: { file: manifest.file },
    });
}

// EXTERNAL MODULE: ./actions/build-image/src/policy-check.ts
var policy_check = __webpack_require__(8781);
;// CONCATENATED MODULE: ./src/build/artifacts.ts



const MAX_ARTIFACT_FILES = 100_000;
const GLOB_CHARS = /[*?[\]{}]/;
async function collectArtifacts(root, patterns, dest, manifestFile) {
    const collection = {
        root,
        realRoot: await (0,promises_.realpath)(root),
        dest,
        manifestFile,
        placed: new Map(),
        bytes: 0,
    };
    await (0,promises_.mkdir)(dest, { recursive: true, mode: 0o755 });
    for (const pattern of patterns) {
        const normalized = normalizePattern(pattern, manifestFile);
        const matches = await matchPattern(root, normalized);
        if (matches.length === 0) {
            throw new src_errors/* UserError */.yo(`Artifact "${pattern}" matched nothing in the repository after the build.`, {
                fix: 'check that the build writes it at that path (relative to the repository root), or correct the path in "artifacts".',
                location: { file: manifestFile },
            });
        }
        for (const match of matches)
            await placeMatch(collection, match, pattern);
    }
    return { files: collection.placed.size, bytes: collection.bytes };
}
function normalizePattern(pattern, manifestFile) {
    const trimmed = pattern
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    const normalized = trimmed === '' ? '.' : trimmed;
    if ((0,external_node_path_.isAbsolute)(normalized) ||
        normalized.split('/').includes('..') ||
        normalized.startsWith('~')) {
        throw new src_errors/* UserError */.yo(`Artifact "${pattern}" points outside the repository.`, {
            fix: 'give the path relative to the repository root, without ".." segments.',
            location: { file: manifestFile },
        });
    }
    return normalized;
}
/** Repository-relative paths the pattern names: itself, or every match of a glob (links not followed). */
async function matchPattern(root, pattern) {
    if (!GLOB_CHARS.test(pattern)) {
        return (await (0,promises_.lstat)((0,external_node_path_.join)(root, pattern)).then(() => true, () => false))
            ? [pattern]
            : [];
    }
    const segments = pattern.split('/');
    const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
    const base = segments.slice(0, firstGlob).join('/');
    const matches = [];
    const walk = async (rel) => {
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, rel), { withFileTypes: true }).catch(() => []);
        for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
            if (entry.name === '.git')
                continue;
            const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
            if ((0,external_node_path_.matchesGlob)(child, pattern))
                matches.push(child);
            else if (entry.isDirectory())
                await walk(child);
        }
    };
    await walk(base);
    return matches;
}
async function placeMatch(collection, rel, pattern) {
    const source = (0,external_node_path_.join)(collection.root, rel);
    const { path, info } = await followInside(collection, source, rel, pattern);
    if (info.isDirectory())
        await placeDirectory(collection, path, '', pattern, new Set([path]));
    else if (info.isFile())
        await placeFile(collection, path, (0,external_node_path_.basename)(rel), rel, pattern);
    else
        throw notRegular(collection, rel, pattern);
}
async function placeDirectory(collection, directory, destRel, pattern, visiting) {
    await (0,promises_.mkdir)((0,external_node_path_.join)(collection.dest, destRel), { recursive: true, mode: 0o755 });
    const real = await (0,promises_.realpath)(directory);
    const entries = (await (0,promises_.readdir)(directory)).sort(compare);
    for (const name of entries) {
        if (name === '.git')
            continue;
        const entryPath = (0,external_node_path_.join)(directory, name);
        const rel = (0,external_node_path_.relative)(collection.root, entryPath).split(external_node_path_.sep).join('/');
        const { path, info } = await followInside(collection, entryPath, rel, pattern);
        const childDest = destRel === '' ? name : `${destRel}/${name}`;
        if (info.isDirectory()) {
            // A link to this directory or one it is in would be copied forever.
            if (visiting.has(path) || real === path || real.startsWith(path + external_node_path_.sep)) {
                throw new src_errors/* UserError */.yo(`Artifact "${pattern}" contains ${rel}, a link that loops back to a directory it is in.`, {
                    fix: 'remove the link, or leave that directory out of "artifacts".',
                    location: { file: collection.manifestFile },
                });
            }
            await placeDirectory(collection, path, childDest, pattern, new Set([...visiting, path]));
        }
        else if (info.isFile()) {
            await placeFile(collection, path, childDest, rel, pattern);
        }
        else {
            throw notRegular(collection, rel, pattern);
        }
    }
}
/** The real path behind `path` and its stats; a link must resolve inside the repository. */
async function followInside(collection, path, rel, pattern) {
    const own = await (0,promises_.lstat)(path);
    if (!own.isSymbolicLink())
        return { path, info: own };
    let target;
    try {
        target = await (0,promises_.realpath)(path);
    }
    catch {
        throw new src_errors/* UserError */.yo(`Artifact "${pattern}" contains ${rel}, a symbolic link whose target does not exist.`, {
            fix: 'remove the broken link, or leave it out of "artifacts".',
            location: { file: collection.manifestFile },
        });
    }
    if (target !== collection.realRoot && !target.startsWith(collection.realRoot + external_node_path_.sep)) {
        throw new src_errors/* UserError */.yo(`Artifact "${pattern}" contains ${rel}, a symbolic link to ${target}, outside the repository.`, {
            fix: 'artifacts come from the repository only: copy the file into the repository during the build, or leave the link out of "artifacts".',
            location: { file: collection.manifestFile },
        });
    }
    return { path: target, info: await (0,promises_.stat)(target) };
}
async function placeFile(collection, source, destRel, rel, pattern) {
    const earlier = collection.placed.get(destRel);
    if (earlier !== undefined) {
        throw new src_errors/* UserError */.yo(`Artifacts ${earlier} and ${rel} would both be copied to ${destRel} in the image.`, {
            fix: `artifacts land like Dockerfile COPY (a file by its name, a directory's contents directly), so two of them collide; list the directory that holds them instead, or rename one (pattern "${pattern}").`,
            location: { file: collection.manifestFile },
        });
    }
    if (collection.placed.size >= MAX_ARTIFACT_FILES) {
        throw new src_errors/* UserError */.yo(`The artifacts hold more than ${MAX_ARTIFACT_FILES} files.`, {
            fix: 'list the build outputs the image needs, not whole trees such as node_modules or ".".',
            location: { file: collection.manifestFile },
        });
    }
    collection.placed.set(destRel, rel);
    const target = (0,external_node_path_.join)(collection.dest, destRel);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true, mode: 0o755 });
    await (0,promises_.copyFile)(source, target);
    const info = await (0,promises_.stat)(source);
    await (0,promises_.chmod)(target, info.mode & 0o111 ? 0o755 : 0o644);
    collection.bytes += info.size;
}
function notRegular(collection, rel, pattern) {
    return new src_errors/* UserError */.yo(`Artifact "${pattern}" contains ${rel}, which is neither a file nor a directory.`, {
        fix: 'leave sockets, pipes and devices out of "artifacts".',
        location: { file: collection.manifestFile },
    });
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/build/deb.ts
function debPackage(manifest, version) {
    const { namespace } = manifest;
    const { name, type } = manifest.application;
    const packageName = `${namespace}-${name}`;
    const control = [
        `Package: ${packageName}`,
        `Version: ${debianVersion(version)}`,
        'Architecture: all',
        `Maintainer: ${namespace} team`,
        'Section: misc',
        'Priority: optional',
        `Description: ${name} (${type}) of team ${namespace}`,
        ` Built from default.json by pipeline-actions build-image; installs into`,
        ` /opt/${namespace}/${name}.`,
        '',
    ].join('\n');
    return {
        name: packageName,
        version: debianVersion(version),
        installDir: `/opt/${namespace}/${name}`,
        control,
    };
}
/** semver → Debian version: the pre-release separator `-` would mean a Debian revision. */
function debianVersion(version) {
    const plus = version.indexOf('+');
    const core = plus < 0 ? version : version.slice(0, plus);
    const build = plus < 0 ? '' : version.slice(plus);
    const dash = core.indexOf('-');
    return ((dash < 0 ? core : `${core.slice(0, dash)}~${core.slice(dash + 1).replace(/-/g, '.')}`) + build);
}

;// CONCATENATED MODULE: ./src/build/dockerfile.ts
function generateDockerfile(spec) {
    const { runtime, payload } = spec;
    const lines = spec.comment.split('\n').map((line) => `# ${line}`.trimEnd());
    let workdir = runtime.appDir;
    if (payload.kind === 'deb') {
        lines.push(`FROM ${payload.builder.pinned} AS package`, `COPY --chown=0:0 ${payload.dir}/ /tmp/package/`, 'RUN ["dpkg-deb", "--root-owner-group", "--build", "/tmp/package", "/tmp/app.deb"]', 'RUN ["dpkg-deb", "--extract", "/tmp/app.deb", "/tmp/rootfs"]', '', `FROM ${runtime.image.pinned}`, 'COPY --from=package --chown=0:0 /tmp/rootfs/ /');
        workdir = payload.installDir;
    }
    else {
        lines.push(`FROM ${runtime.image.pinned}`, `COPY --chown=0:0 ${payload.dir}/ ${runtime.appDir}/`);
    }
    lines.push(`WORKDIR ${workdir}`, `USER ${runtime.user}`);
    if (runtime.port !== undefined)
        lines.push(`EXPOSE ${runtime.port}`);
    const labels = Object.entries(spec.labels).sort(([a], [b]) => (a < b ? -1 : 1));
    if (labels.length > 0) {
        lines.push(`LABEL ${labels.map(([key, value]) => `${quote(key)}=${quote(value)}`).join(' \\\n      ')}`);
    }
    return `${lines.join('\n')}\n`;
}
/** A Dockerfile double-quoted word: backslash, quote and `$` (variable expansion) escaped; one line. */
function quote(value) {
    return `"${value.replace(/[\r\n]+/g, ' ').replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

;// CONCATENATED MODULE: ./src/build/workspace.ts


/** Where the workspace is mounted inside the builder. */
const CONTAINER_WORKSPACE = '/workspace';
async function prepareWorkspace(context, builder, tempDir) {
    const owner = await (0,promises_.lstat)(context);
    if (owner.uid !== 0)
        return workspace(context, `${owner.uid}:${owner.gid}`, false, builder);
    const copy = (0,external_node_path_.join)(tempDir, 'workspace');
    await (0,promises_.cp)(context, copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    const self = process.getuid?.() ?? 0;
    if (self !== 0)
        return workspace(copy, `${self}:${process.getgid?.() ?? self}`, true, builder);
    const [uid, gid] = builder.user.split(':').map(Number);
    await chownTree(copy, uid, gid);
    return workspace(copy, builder.user, true, builder);
}
function workspace(dir, user, copied, builder) {
    return { dir, user, copied, home: user === builder.user ? undefined : '/tmp' };
}
async function chownTree(path, uid, gid) {
    await (0,promises_.lchown)(path, uid, gid);
    const info = await (0,promises_.lstat)(path);
    if (!info.isDirectory())
        return;
    for (const entry of await (0,promises_.readdir)(path))
        await chownTree((0,external_node_path_.join)(path, entry), uid, gid);
}

;// CONCATENATED MODULE: ./src/build/run-steps.ts




/** Lines of a failed step's log quoted in its error. */
const FAILED_STEP_LOG_LINES = 25;
/**
 * Runs the build steps in order inside the builder image, each in its own
 * collapsible log group, each as `sh -c` in the container with its stderr
 * merged into stdout so the end of the log reads in order. The first step
 * that fails stops the build with its exit code and the end of its log.
 */
async function runBuildSteps(docker, builder, workspace, steps, options) {
    for (const step of steps) {
        core/* startGroup */.Oh(`Build step ${step.index}/${steps.length} (${step.kind}): ${step.command}`);
        let result;
        try {
            result = await docker.run(stepContainer(builder, workspace, step, options.env ?? {}));
        }
        finally {
            core/* endGroup */.N4();
        }
        if (result.exitCode === 0)
            continue;
        if (result.exitCode === 125 &&
            /Error response from daemon|Unable to find image|^docker: /m.test(result.stderr)) {
            throw dockerFailure(['run', builder.image.pinned], result, `start the builder image ${builder.name}`);
        }
        throw stepFailed(step, steps.length, result, builder, options.manifestFile);
    }
}
function stepContainer(builder, workspace, step, env) {
    return {
        image: builder.image.pinned,
        // The step is the user's own command line, run by the container's shell:
        // the outer shell only merges stderr into stdout and hands it over as $1.
        command: ['sh', '-c', 'exec 2>&1; sh -c "$1"', 'build-step', step.command],
        user: workspace.user,
        workdir: CONTAINER_WORKSPACE,
        mounts: [{ source: workspace.dir, target: CONTAINER_WORKSPACE }],
        env: { CI: 'true', ...(workspace.home ? { HOME: workspace.home } : {}), ...env },
    };
}
function stepFailed(step, total, result, builder, manifestFile) {
    const tail = lastLines(result.stdout + result.stderr, FAILED_STEP_LOG_LINES);
    const log = tail.length > 0
        ? `\nLast lines of its log:\n${tail.map((l) => `  ${l}`).join('\n')}`
        : ' (it wrote nothing)';
    return new src_errors/* UserError */.yo(`Build step ${step.index} of ${total} (${step.path}, ${step.kind}) failed with exit code ${result.exitCode}: ${step.command}${log}`, {
        fix: `make the step succeed; it runs as \`sh -c\` in ${builder.image.pinned} (builder "${builder.name}"), in the repository root, as a non-root user.`,
        location: { file: manifestFile },
    });
}
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
function lastLines(text, count) {
    return text
        .replace(ANSI, '')
        .split(/\r?\n|\r/)
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '')
        .slice(-count);
}

;// CONCATENATED MODULE: ./src/build/step-commands.ts
function stepCommands(manifest) {
    const { steps, command } = manifest.build;
    if (steps.length === 0) {
        return command === undefined
            ? []
            : [{ index: 1, path: '$.build_command', kind: 'build_command', command }];
    }
    return steps.map((step, i) => ({
        index: i + 1,
        path: `$.build.build_steps[${i}]`,
        kind: step.kind,
        command: commandLine(step),
    }));
}
function commandLine(step) {
    switch (step.kind) {
        case 'shell':
            return step.command;
        case 'gradle':
            return `${step.useWrapper ? './gradlew' : 'gradle'} --no-daemon --console=plain ${step.tasks}`;
        case 'maven':
            return `${step.useWrapper ? './mvnw' : 'mvn'} --batch-mode ${step.goals}`;
        case 'npm':
            return `npm ${step.command}`;
        case 'go':
            return `go ${step.command}`;
        case 'pip':
            // pip through the builder's python3 (no pip/pip3 name to guess), never asking.
            return `python3 -m pip --no-input --disable-pip-version-check ${step.command}`;
        case 'make':
            return step.targets ? `make ${step.targets}` : 'make';
    }
}

;// CONCATENATED MODULE: ./actions/build-image/src/produce.ts












async function produceImage(input) {
    const { manifest, builder, runtime } = input;
    if (manifest.artifacts.length === 0) {
        throw new src_errors/* UserError */.yo(`${manifest.file} lists no artifacts, so nothing would go into the image.`, {
            fix: 'add "artifacts": the build outputs the runtime image needs, such as ["dist"].',
            location: { file: manifest.file },
        });
    }
    let sources = input.context;
    const steps = stepCommands(manifest);
    if (steps.length > 0 && builder) {
        const workspace = await prepareWorkspace(input.context, builder, input.tempDir);
        core/* info */.pq(`Build steps run in ${builder.image.pinned} as ${workspace.user}` +
            (workspace.copied
                ? ` on a copy of the workspace (${input.context} belongs to root).`
                : ' with the workspace mounted.'));
        await runBuildSteps(input.docker, builder, workspace, steps, {
            manifestFile: manifest.file,
            env: {
                APP_NAMESPACE: manifest.namespace,
                APP_NAME: manifest.application.name,
                APP_VERSION: input.version,
            },
        });
        sources = workspace.dir;
    }
    const contextDir = (0,external_node_path_.join)(input.tempDir, 'image');
    let payload;
    let collected;
    if (input.packageFormat === 'deb') {
        if (!builder)
            throw new Error('package: deb needs a builder image');
        const deb = debPackage(manifest, input.version);
        const packageDir = (0,external_node_path_.join)(contextDir, 'package');
        collected = await collectArtifacts(sources, manifest.artifacts, (0,external_node_path_.join)(packageDir, deb.installDir), manifest.file);
        await (0,promises_.mkdir)((0,external_node_path_.join)(packageDir, 'DEBIAN'), { recursive: true });
        await (0,promises_.chmod)((0,external_node_path_.join)(packageDir, 'DEBIAN'), 0o755);
        await (0,promises_.writeFile)((0,external_node_path_.join)(packageDir, 'DEBIAN', 'control'), deb.control, { mode: 0o644 });
        payload = { kind: 'deb', dir: 'package', builder: builder.image, installDir: deb.installDir };
        core/* info */.pq(`Packaged as ${deb.name} ${deb.version} (Architecture: all), installed into ${deb.installDir}.`);
    }
    else {
        collected = await collectArtifacts(sources, manifest.artifacts, (0,external_node_path_.join)(contextDir, 'app'), manifest.file);
        payload = { kind: 'files', dir: 'app' };
    }
    core/* info */.pq(`Artifacts: ${collected.files} files, ${collected.bytes} bytes (${manifest.artifacts.join(', ')}).`);
    const dockerfile = generateDockerfile({
        comment: `Generated by pipeline-actions build-image for ${manifest.namespace}/${manifest.application.name} ${input.version}.\nThe standard runtime image by digest, the artifacts, a non-root user. Do not edit: default.json and the catalog are the sources.`,
        runtime,
        payload,
        labels: input.labels,
    });
    const dockerfilePath = (0,external_node_path_.join)(input.tempDir, 'Dockerfile');
    await (0,promises_.writeFile)(dockerfilePath, dockerfile);
    core/* startGroup */.Oh('Generated Dockerfile');
    core/* info */.pq(dockerfile);
    core/* endGroup */.N4();
    const digest = await buildWithFallback(input, contextDir, dockerfilePath);
    return { digest, artifactFiles: collected.files, artifactBytes: collected.bytes };
}
async function buildWithFallback(input, contextDir, dockerfile) {
    let cache = input.cache;
    for (const note of cache.notes)
        core/* warning */.$e(`Build cache: ${note}`);
    const metadataFile = (0,external_node_path_.join)(input.tempDir, 'build-metadata.json');
    const build = () => input.docker.build({
        context: contextDir,
        dockerfile,
        tags: input.tags,
        output: input.push ? 'push' : 'load',
        metadataFile,
        cacheFrom: cache.from,
        cacheTo: cache.to,
    });
    core/* startGroup */.Oh(`docker buildx build${input.push ? ' --push' : ' --load'} ${input.tags.join(' ')}`);
    try {
        return await (0,retry/* retry */.L5)(async () => {
            try {
                return (await build()).digest;
            }
            catch (error) {
                const usesCache = cache.from.length + cache.to.length > 0;
                if (!usesCache || !(0,build_cache/* isCacheFailure */.d)(errorText(error)))
                    throw error;
                core/* warning */.$e(`Build cache: the build failed in its cache import or export (${(0,src_errors/* errorMessage */.gJ)(error).split('\n')[0]}); building again without a cache.`);
                cache = { from: [], to: [], notes: [] };
                return (await build()).digest;
            }
        }, {
            attempts: input.retries,
            baseDelayMs: 2000,
            onRetry: (error, attempt, delayMs) => core/* warning */.$e(`docker buildx build: attempt ${attempt} of ${input.retries} failed (${(0,src_errors/* errorMessage */.gJ)(error)}); retrying in ${delayMs} ms.`),
        });
    }
    finally {
        core/* endGroup */.N4();
    }
}
function errorText(error) {
    const cause = error.cause;
    const stderr = error.stderr ?? cause?.stderr;
    return `${(0,src_errors/* errorMessage */.gJ)(error)}\n${typeof stderr === 'string' ? stderr : ''}`;
}

// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
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
    const file = join(scratch, 'registry-ca.pem');
    writeFileSync(file, `${ca.pem.trim()}\n`, { mode: 0o600 });
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


;// CONCATENATED MODULE: ./actions/build-image/src/target.ts





function openTarget(inputs, manifest, workspace) {
    const base = inputs.registry.replace(/^(https?|oci):\/\//, '').replace(/\/+$/, '');
    let reference;
    try {
        reference = (0,oci/* parseReference */.F2)(`${base}/${manifest.namespace}/${manifest.application.name}`);
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`Input "registry" (${inputs.registry}) does not make a valid image name: ${(0,src_errors/* errorMessage */.gJ)(error)}`, {
            fix: 'set it to a registry host and optional path in lowercase, such as ghcr.io/acme or 127.0.0.1:5000/team.',
        });
    }
    if (reference.tag || reference.digest) {
        throw new src_errors/* UserError */.yo(`Input "registry" (${inputs.registry}) must not carry a tag or digest.`, {
            fix: 'give only the registry and path; the image is named after default.json and tagged with its version.',
        });
    }
    const login = readLogin(inputs);
    const ca = readCa(inputs['registry-ca'], workspace)?.pem;
    const retries = inputs.retries;
    const client = new oci/* RegistryClient */.bP(reference.registry, {
        credentials: login,
        ca,
        userAgent: 'pipeline-actions/build-image',
        retry: {
            attempts: retries,
            onRetry: (error, attempt, delayMs) => core/* info */.pq(`Registry ${reference.registry}: attempt ${attempt} of ${retries} failed: ${(0,src_errors/* errorMessage */.gJ)(error)}; retrying in ${delayMs} ms.`),
        },
        log: (line) => core/* debug */.Yz(line),
    });
    return {
        reference,
        name: (0,oci/* formatName */.nD)(reference),
        registry: reference.registry,
        repository: reference.repository,
        client,
        login,
        ca,
    };
}
/**
 * docker (BuildKit on the docker driver) trusts a registry's CA only from
 * /etc/docker/certs.d/<host:port>/ca.crt; say so when it is not there.
 */
function warnIfDockerDistrustsCa(registry, ca) {
    if (!ca)
        return;
    const file = `/etc/docker/certs.d/${registry}/ca.crt`;
    if ((0,external_node_fs_.existsSync)(file))
        return;
    core/* warning */.$e(`docker may not trust the CA given in "registry-ca" for ${registry}: ${file} does not exist. If the push fails with an x509 error, install the CA there (sudo) before this step.`);
}

;// CONCATENATED MODULE: ./actions/build-image/src/stage.ts























async function buildImage(inputs) {
    const workspace = (0,external_node_path_.resolve)(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const prepared = await prepare(inputs, workspace);
    const { manifest, runtime, builder } = prepared;
    const channelTags = checkChannelTags(inputs['channel-tags']);
    const target = openTarget(inputs, manifest, workspace);
    try {
        core/* info */.pq(`Image: ${target.name}`);
        const tags = await target.client.listTags(target.repository);
        const { record, files } = await describeBuild(inputs, prepared, workspace);
        core/* info */.pq(`Content hash: ${record.contentHash} (sources ${record.sourcesHash.slice(0, 12)}, config ${record.configHash.slice(0, 12)})`);
        const plan = await planImage(target, manifest, tags, record);
        const base = {
            image: target.name,
            baseRef: runtime.image.pinned,
            builderRef: builder?.image.pinned,
            contentHash: record.contentHash,
        };
        if (plan.kind === 'reuse') {
            core/* info */.pq(`An identical image exists: ${target.name}@${plan.digest} (version ${plan.version}); nothing is built.`);
            const { policy, sbom } = await checkAndDescribe(inputs, prepared, target, plan.digest, {
                dir: prepared.context,
                files,
                version: plan.version,
            });
            const written = inputs.push
                ? await publishTags(target, plan.digest, plan.restore, channelTags)
                : [];
            return {
                ...base,
                tags: orderTags([...plan.tags, ...written, contentTag(record.contentHash)]),
                digest: plan.digest,
                version: plan.version,
                rebuilt: false,
                // A version tag written onto existing content is a new version to deploy.
                reason: written.includes(versionTag(plan.version)) ? 'retag' : 'none',
                previous: undefined,
                sizeBytes: await imageSize(target.client, target.repository, plan.digest),
                buildSeconds: 0,
                policy,
                sbom,
            };
        }
        return await buildNew(inputs, prepared, target, plan, record, files, channelTags, base);
    }
    finally {
        target.client.close();
    }
}
async function prepare(inputs, workspace) {
    const context = insideWorkspace(workspace, inputs.context, 'context');
    const manifestPath = insideWorkspace(workspace, inputs.manifest, 'manifest');
    const manifest = await loadManifest(manifestPath, {
        displayPath: (0,external_node_path_.relative)(workspace, manifestPath) || manifestPath,
    });
    const location = catalogLocation(inputs.catalog, workspace);
    const catalog = await loadCatalog(location, { retry: { attempts: inputs.retries } });
    // Everything the catalog decides is checked before any container runs.
    const { runtime, builder } = chooseImages(catalog, manifest, {
        packageFormat: inputs.package,
        context,
    });
    core/* info */.pq(`Standard images (catalog ${location}, sha256 ${catalog.sha256.slice(0, 12)}):`);
    core/* info */.pq(`  runtime for ${manifest.application.type}${runtime.variant ? ` (${runtime.variant})` : ''}: ${runtime.image.pinned} (user ${runtime.user}${runtime.port ? `, port ${runtime.port}` : ''})`);
    core/* info */.pq(builder
        ? `  builder "${builder.name}": ${builder.image.pinned}`
        : '  builder: none (no build steps)');
    const catalogPath = isUrl(location) ? undefined : location;
    return { manifest, context, runtime, builder, catalogPath, policy: catalog.policy };
}
/** The build record (content hash) and the source files it was computed from. */
async function describeBuild(inputs, prepared, workspace) {
    const { manifest, context, runtime, builder, catalogPath } = prepared;
    // default.json and a catalog kept in the repository are configuration, not sources.
    const configFiles = [(0,external_node_path_.resolve)(workspace, inputs.manifest), ...(catalogPath ? [catalogPath] : [])];
    const exclude = configFiles.map((file) => (0,external_node_path_.relative)(context, file).split(external_node_path_.sep).join('/'));
    const files = await listSourceFiles(context, exclude);
    const sources = await sourcesHash(context, files);
    const config = configHash({ manifest, packageFormat: inputs.package, runtime, builder });
    return { record: buildRecord(sources, config, runtime, builder), files };
}
/**
 * What follows the push of an image, before any version tag names it: the
 * image policy, then the SBOM (with `sbom: true` and a push). Both read the
 * image's layers, once.
 */
async function checkAndDescribe(inputs, prepared, target, digest, sources) {
    let read;
    const facts = () => (read ??= readImageFacts(target.client, target.repository, digest));
    const policy = await (0,policy_check/* checkImagePolicy */.a7)(target, digest, prepared.policy, inputs.policy, prepared.manifest, facts);
    if (!inputs.sbom) {
        core/* info */.pq('SBOM: not made (sbom: false).');
        return { policy, sbom: undefined };
    }
    if (!inputs.push) {
        core/* info */.pq('SBOM: pushed next to a pushed image only (push: false); not made.');
        return { policy, sbom: undefined };
    }
    // The SBOM library loads only for an image that gets one.
    const { publishSbom } = await Promise.all(/* import() */[__webpack_require__.e(571), __webpack_require__.e(365)]).then(__webpack_require__.bind(__webpack_require__, 8365));
    return { policy, sbom: await publishSbom(target, digest, facts, sources) };
}
async function buildNew(inputs, prepared, target, plan, record, files, channelTags, base) {
    const { manifest, runtime, builder } = prepared;
    core/* info */.pq(`Version ${plan.version} (${manifest.application.version.kind === 'range' ? `next free in ${manifest.application.version.value}` : 'as written'}); reason: ${plan.reason}${plan.previous ? ` (compared with ${plan.previous})` : ''}.`);
    const started = Date.now();
    const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(tempRoot, { recursive: true });
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, 'build-image-'));
    const docker = await Docker.create(tempDir);
    try {
        core/* info */.pq(await docker.buildxVersion());
        if (target.login && inputs.push)
            await docker.login(target.registry, target.login.username, target.login.password);
        if (inputs.push)
            warnIfDockerDistrustsCa(target.registry, target.ca);
        const content = contentTag(record.contentHash);
        const labels = imageLabels(record, runtime.image, builder?.image, {
            title: manifest.application.name,
            version: plan.version,
            namespace: manifest.namespace,
            applicationType: manifest.application.type,
            manifestSha256: manifest.sha256,
            source: process.env.GITHUB_REPOSITORY
                ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
                : undefined,
            revision: process.env.GITHUB_SHA,
        });
        const produced = await produceImage({
            docker,
            manifest,
            context: prepared.context,
            tempDir,
            runtime,
            builder,
            packageFormat: inputs.package,
            version: plan.version,
            labels,
            tags: inputs.push
                ? [`${target.name}:${content}`]
                : [...plan.tags, ...channelTags].map((tag) => `${target.name}:${tag}`),
            push: inputs.push,
            cache: (0,build_cache/* cachePlan */.u7)(inputs.cache, {
                driver: await docker.builderDriver(),
                image: target.name,
                scope: `${manifest.namespace}-${manifest.application.name}`,
                env: process.env,
            }),
            retries: inputs.retries,
        });
        if (!inputs.push) {
            core/* info */.pq('push: false; the image was built and loaded into the local docker, not pushed.');
            if (prepared.policy)
                core/* info */.pq('Image policy: checked on the pushed image only; not checked.');
            if (inputs.sbom)
                core/* info */.pq('SBOM: pushed next to a pushed image only; not made.');
            return {
                ...base,
                tags: plan.tags,
                digest: undefined,
                version: plan.version,
                rebuilt: true,
                reason: plan.reason,
                previous: plan.previous,
                sizeBytes: undefined,
                buildSeconds: (Date.now() - started) / 1000,
                policy: undefined,
                sbom: undefined,
            };
        }
        const digest = await verifyPushed(target, content, produced.digest);
        const { policy, sbom } = await checkAndDescribe(inputs, prepared, target, digest, {
            dir: prepared.context,
            files,
            version: plan.version,
        });
        const made = await publishTags(target, digest, plan.tags, channelTags);
        return {
            ...base,
            tags: orderTags([...made, content]),
            digest,
            version: plan.version,
            rebuilt: true,
            reason: plan.reason,
            previous: plan.previous,
            sizeBytes: await imageSize(target.client, target.repository, digest),
            buildSeconds: (Date.now() - started) / 1000,
            policy,
            sbom,
        };
    }
    finally {
        await docker.remove();
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    }
}
/** The pushed content tag must hold what BuildKit reported; its digest is the image's. */
async function verifyPushed(target, content, reported) {
    const stored = await target.client.headManifest(target.repository, content);
    if (!stored)
        throw new Error(`The push reported success, but ${target.name}:${content} is not in the registry.`);
    if (reported && reported !== stored.digest) {
        throw new Error(`BuildKit reported ${reported}, but ${target.name}:${content} holds ${stored.digest}.`);
    }
    return stored.digest;
}
/** Creates the immutable tags (only while free), then moves the channel tags. Returns them all. */
async function publishTags(target, digest, immutable, channels) {
    const done = [];
    for (const tag of immutable) {
        const result = await tagImmutable(target.client, target.repository, digest, tag);
        core/* info */.pq(`${target.name}:${tag} ${result === 'created' ? '->' : 'already points at'} ${digest}`);
        done.push(tag);
    }
    for (const tag of channels) {
        await tagMutable(target.client, target.repository, digest, tag);
        core/* info */.pq(`${target.name}:${tag} (channel) -> ${digest}`);
        done.push(tag);
    }
    return done;
}
/** Version tags first, then base and channel tags, the content tag last. */
function orderTags(tags) {
    const unique = [...new Set(tags)];
    const rank = (tag) => semver_default().valid(tag) === tag ? 0 : isContentTag(tag) ? 3 : /^\d+\.\d+\.\d+/.test(tag) ? 1 : 2;
    return unique
        .map((tag, i) => ({ tag, i }))
        .sort((a, b) => rank(a.tag) - rank(b.tag) || a.i - b.i)
        .map(({ tag }) => tag);
}
function checkChannelTags(tags) {
    for (const tag of tags) {
        try {
            (0,oci/* validateTag */.z7)(tag);
        }
        catch (error) {
            throw new src_errors/* UserError */.yo(`Input "channel-tags": ${error.message}`, {
                fix: 'use tags such as "3", "3.1" or "stable".',
            });
        }
        if (semver_default().valid(tag) || isContentTag(tag) || tag === 'buildcache') {
            throw new src_errors/* UserError */.yo(`Input "channel-tags" names "${tag}", which is a version or reserved tag; those never move.`, {
                fix: 'use moving names only, such as the major version "3", "3.1" or "stable".',
            });
        }
    }
    return [...new Set(tags)];
}
function insideWorkspace(workspace, path, input) {
    const full = (0,external_node_path_.resolve)(workspace, path);
    if (full !== workspace && !full.startsWith(workspace + external_node_path_.sep)) {
        throw new src_errors/* UserError */.yo(`Input "${input}" (${path}) points outside the workspace ${workspace}.`, {
            fix: `give the ${input} relative to the repository root, without leading "..".`,
        });
    }
    return full;
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

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ dockerConfigCredentials)
/* harmony export */ });
/* unused harmony exports dockerConfigPath, normalizeConfigKey, parseDockerConfig, configuredHelper, HELPER_LIMITS, helperCredentials */
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

/***/ 6323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* reexport */ client_RegistryClient),
  nD: () => (/* reexport */ oci_reference/* formatName */.nD),
  xt: () => (/* reexport */ listReferrers),
  F2: () => (/* reexport */ oci_reference/* parseReference */.F2),
  eX: () => (/* reexport */ pushReferrer),
  LN: () => (/* reexport */ referrersTag),
  z7: () => (/* reexport */ oci_reference/* validateTag */.z7),
  k5: () => (/* reexport */ writeTagIfUnchanged)
});

// UNUSED EXPORTS: DEFAULT_TAG, DOCKER_CONFIG, DOCKER_HUB, DOCKER_HUB_API_HOST, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, MANIFEST_ACCEPT, OCI_CONFIG, OCI_EMPTY, OCI_INDEX, OCI_MANIFEST, PreconditionFailed, RegistryAuth, RegistryPool, chartVersionTag, conditionHeaders, digestOf, dockerConfigCredentials, dockerConfigPath, formatReference, isDigest, isDigestPinned, isIndexMediaType, isMutableTag, manifestReference, matchesDigest, parseDockerConfig, parseWwwAuthenticate, pickChallenge, registryApiHost, repositoryScope, tagConflict, validateDigest, validateRepository, withDigest, withTag

// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
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
        return new errors/* TransientError */.N_(`${what}${detail}`, {
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
    const message = (0,errors/* errorMessage */.gJ)(error);
    return (errorCode(error) === 'EPROTO' ||
        errorCode(error) === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        /wrong version number|packet length too long|http request/i.test(message));
}
/** A failure below HTTP (connection, DNS, TLS) as the error a user should see. */
function networkFailure(error, registry, caGiven) {
    if (error instanceof errors/* UserError */.yo || error instanceof errors/* TransientError */.N_)
        return error;
    const code = errorCode(error);
    // Node appends advice about --use-system-ca; ours follows in `fix`.
    const message = (0,errors/* errorMessage */.gJ)(error).split('; if the root CA')[0] ?? '';
    if (code && UNTRUSTED_CERTIFICATE.has(code)) {
        return new errors/* UserError */.yo(`TLS verification of registry ${registry} failed: ${message} (${code}). Its certificate is not signed by a trusted CA.`, {
            cause: error,
            fix: caGiven
                ? `The CA certificate that was passed did not sign ${registry}'s certificate; pass the CA that did.`
                : `Pass the registry's CA certificate (the CA file input, a PEM file) so its certificate can be verified.`,
        });
    }
    if (code && INVALID_CERTIFICATE.has(code)) {
        return new errors/* UserError */.yo(`TLS certificate of registry ${registry} is not valid: ${message} (${code}).`, {
            cause: error,
            fix: `Fix the registry's certificate (its validity dates and that it names ${registry}).`,
        });
    }
    if (code === 'ENOTFOUND') {
        return new errors/* UserError */.yo(`Registry host ${registry} was not found (DNS lookup failed).`, {
            cause: error,
            fix: 'Check the registry host name in the image or chart reference.',
        });
    }
    if (code && TRANSIENT_NETWORK.has(code)) {
        const suffix = message.includes(code) ? '' : ` (${code})`;
        return new errors/* TransientError */.N_(`Could not talk to registry ${registry}: ${message}${suffix}.`, {
            cause: error,
        });
    }
    if (isPlainHttpAnswer(error)) {
        return new errors/* UserError */.yo(`Registry ${registry} did not answer with TLS: ${message}.`, {
            cause: error,
            fix: 'If the registry serves plain HTTP, use the http scheme (insecure registries are allowed on loopback hosts only with the auto scheme).',
        });
    }
    return new Error(`Request to registry ${registry} failed: ${message}`, { cause: error });
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
                throw new errors/* UserError */.yo(`Registry ${this.registry} asks for credentials at ${url.origin} over plain HTTP; they were not sent.`, { fix: 'Use a registry whose token service is served over HTTPS.' });
            }
            headers.authorization = basicAuthorization(credentials.username, credentials.password);
        }
        const response = await this.fetchToken(url, headers);
        const start = this.now();
        if (response.status === 401 || response.status === 403) {
            throw new errors/* UserError */.yo(`The token service of registry ${this.registry} (${url.origin}) refused ${credentials ? 'the credentials' : 'an anonymous token'} for ${scope} (HTTP ${response.status}${registryErrorSummary(response.body, ': ')}).`, { fix: credentialsFix(this.registry, credentials !== undefined) });
        }
        if ((0,retry/* isTransientStatus */.Dm)(response.status)) {
            throw new errors/* TransientError */.N_(`The token service of registry ${this.registry} answered HTTP ${response.status}.`, { retryAfterMs: (0,retry/* parseRetryAfter */.mu)(headerValue(response.headers['retry-after']), start) });
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

// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(1164);
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
        const failure = statusFailure({
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
    return new errors/* UserError */.yo(`Another run published ${where} at the same time: the tag was ${was} when this run checked it.${lost}; this run did not publish it.`, {
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
    (0,oci_reference/* validateDigest */.n2)(digest);
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











/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   FL: () => (/* binding */ validateRepository),
/* harmony export */   Mb: () => (/* binding */ registryApiHost),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   z7: () => (/* binding */ validateTag)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_API_HOST, DEFAULT_TAG, isDigestPinned, isMutableTag, withDigest, withTag, chartVersionTag */
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

/***/ 6658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ evaluatePolicy),
/* harmony export */   y: () => (/* binding */ POLICY_MODES)
/* harmony export */ });
/**
 * The platform's image policy, checked on every image build-image makes (the
 * counterpart, at build time, of an admission policy such as Anchore's):
 * the catalog's `policy:` section says which rules apply and whether a
 * violation fails the build (`enforce`) or is only reported (`warn`).
 */
const POLICY_MODES = ['enforce', 'warn'];
const BASE_LABELS = [
    ['org.opencontainers.image.base.name', 'org.opencontainers.image.base.digest'],
    ['io.github.pipeline-actions.builder.name', 'io.github.pipeline-actions.builder.digest'],
];
/** Every rule the image breaks, one violation per rule, in a fixed order. */
function evaluatePolicy(policy, facts) {
    const violations = [];
    if (policy.nonRoot && isRoot(facts.user)) {
        violations.push({
            rule: 'non-root',
            message: `the image runs as ${facts.user ? `"${facts.user}"` : 'root (no USER set)'}.`,
            fix: 'use a runtime whose catalog entry names a non-root uid:gid, such as "10001:10001".',
        });
    }
    if (policy.pinnedBases) {
        const unpinned = BASE_LABELS.filter(([name, digest]) => facts.labels[name] !== undefined &&
            !/^sha256:[0-9a-f]{64}$/.test(facts.labels[digest] ?? '')).map(([name]) => facts.labels[name]);
        if (facts.labels[BASE_LABELS[0][0]] === undefined)
            unpinned.unshift('(the runtime is not recorded)');
        if (unpinned.length > 0) {
            violations.push({
                rule: 'pinned-bases',
                message: `bases not recorded with a digest: ${unpinned.join(', ')}.`,
                fix: 'pin every image of the catalog by digest (scripts/pin-catalog.ts).',
            });
        }
    }
    const missing = policy.requiredLabels.filter((label) => !facts.labels[label]?.trim());
    if (missing.length > 0) {
        violations.push({
            rule: 'required-labels',
            message: `labels missing or empty: ${missing.join(', ')}.`,
            fix: 'build from a GitHub workflow (it sets source and revision), or ask the platform team which labels are required and how to set them.',
        });
    }
    const banned = policy.bannedPackages.filter((name) => facts.packages.has(name));
    if (banned.length > 0) {
        violations.push({
            rule: 'banned-packages',
            message: `banned packages installed: ${banned.map((name) => `${name} ${facts.packages.get(name)?.version}`).join(', ')}.`,
            fix: 'remove them from the image (a standard runtime never has them; a deb package of the app must not depend on them).',
        });
    }
    if (policy.maxSizeMiB !== undefined && facts.sizeBytes > policy.maxSizeMiB * 1024 * 1024) {
        violations.push({
            rule: 'size',
            message: `the image is ${(facts.sizeBytes / 1024 / 1024).toFixed(1)} MiB compressed, over the budget of ${policy.maxSizeMiB} MiB.`,
            fix: 'put only what the app needs at run time into "artifacts" (no build caches, tests or sources).',
        });
    }
    return violations;
}
function isRoot(user) {
    const name = user.split(':')[0] ?? '';
    return name === '' || name === '0' || name === 'root';
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H8: () => (/* binding */ maskBasicAuth)
/* harmony export */ });
/* unused harmony exports REDACTED, MIN_CUT_LENGTH, isSecretName, isSecretField, isSecretChange, secretValuesIn, maskSecret, maskKubeconfigCredentials, secretCutter */
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


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports DEFAULT_ATTEMPTS, isTransient */
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
