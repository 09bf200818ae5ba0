export const id = 764;
export const ids = [764];
export const modules = {

/***/ 3766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeShards: () => (/* binding */ mergeShards)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/drift/report.ts
var report = __webpack_require__(4201);
;// CONCATENATED MODULE: ./src/drift/merge.ts




/**
 * The reports of the shards of one app and environment, merged into the one
 * report its single issue is kept from. A shard that is missing (its job
 * failed before writing a report) or that could not check everything makes
 * the whole an error: a merge never turns a gap into "no drift".
 */
function mergeReports(dir, environment, app) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new src_errors/* UserError */.yo(`merge-reports names ${dir}, which is not a directory.`, {
            fix: 'download the shard jobs’ drift reports into one directory and pass its path.',
        });
    }
    const files = walk(dir).filter((file) => file.endsWith('.json'));
    const reports = files.map((file) => {
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            throw new src_errors/* UserError */.yo(`${file} is not a drift report (not JSON).`, { cause: error });
        }
    });
    const mine = reports.filter((report) => report.environment === environment && (app === undefined || report.app === app));
    if (mine.length === 0) {
        throw new src_errors/* UserError */.yo(`${dir} holds no drift report of environment "${environment}"${app ? ` and app ${app}` : ''}.`, {
            fix: "check that every shard job uploaded its report (drift-check's report output).",
        });
    }
    const count = mine[0]?.shard ? Number(mine[0].shard.split('/')[1]) : 1;
    const seen = new Set(mine.map((report) => report.shard ?? '1/1'));
    const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((shard) => !seen.has(shard));
    const targets = mine
        .flatMap((report) => report.targets)
        .sort((a, b) => `${a.namespace}/${a.release}`.localeCompare(`${b.namespace}/${b.release}`));
    const rules = new Map();
    for (const rule of mine.flatMap((report) => report.rules)) {
        const known = rules.get(rule.id);
        rules.set(rule.id, known ? { ...known, suppressed: known.suppressed + rule.suppressed } : rule);
    }
    const requests = { discovery: 0, list: 0, apply: 0, patch: 0, total: 0 };
    for (const report of mine)
        for (const key of Object.keys(requests))
            requests[key] += report.requests[key] ?? 0;
    const total = targets.reduce((sum, target) => sum + target.changes.length, 0);
    const error = missing.length > 0 ||
        mine.some((report) => report.status === 'error') ||
        targets.some((target) => target.status === 'error');
    const first = mine[0];
    return {
        ...first,
        shard: undefined,
        status: error ? 'error' : total > 0 ? 'drifted' : 'clean',
        count: total,
        fingerprint: (0,report/* fingerprint */.Rj)(targets),
        targets,
        rules: [...rules.values()],
        requests,
        durationMs: Math.max(...mine.map((report) => report.durationMs)),
        generatedAt: new Date().toISOString(),
        ...(missing.length > 0 ? { missingShards: missing } : {}),
    };
}
function walk(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = (0,external_node_path_.join)(dir, entry.name);
        return entry.isDirectory() ? walk(path) : [path];
    });
}

// EXTERNAL MODULE: ./src/manifest/index.ts + 12 modules
var src_manifest = __webpack_require__(6727);
// EXTERNAL MODULE: ./src/record/app-key.ts
var app_key = __webpack_require__(5272);
;// CONCATENATED MODULE: ./actions/drift-check/src/merge.ts







/** The shards' reports as one: the issue of an app and environment is kept from all of them. */
async function mergeShards(inputs) {
    const environment = inputs.environment;
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const file = (0,external_node_path_.resolve)(workspace, inputs.manifest);
    const manifest = (0,external_node_fs_.existsSync)(file)
        ? await (0,src_manifest/* loadManifest */.eY)(file, { displayPath: inputs.manifest })
        : undefined;
    const report = mergeReports(inputs['merge-reports'] ?? '', environment, manifest
        ? (0,app_key/* appKeyText */.y)((0,app_key/* appKey */.$)(manifest.application.name, workspace, inputs.manifest))
        : undefined);
    const reportPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `drift-report-${environment.replace(/[^\w.-]/g, '_')}.json`);
    (0,external_node_fs_.writeFileSync)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const errors = report.targets
        .filter((target) => target.status === 'error')
        .map((target) => new src_errors/* UserError */.yo(`${target.release} in ${target.namespace}: ${target.error ?? ''}`));
    if (report.missingShards?.length) {
        errors.push(new src_errors/* UserError */.yo(`No report from shard ${report.missingShards.join(', ')}.`, {
            fix: 'see the failed shard jobs; their releases were not checked.',
        }));
    }
    return { report, reportPath, errors };
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


/***/ })

};
