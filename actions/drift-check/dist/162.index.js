export const id = 162;
export const ids = [162];
export const modules = {

/***/ 162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportDrift: () => (/* binding */ reportDrift)
/* harmony export */ });
/* harmony import */ var _src_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _src_drift_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8999);
/* harmony import */ var _src_report_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7994);



/** The outputs of the contract and the job summary (within the runner's 1 MiB). */
async function reportDrift(report, reportPath) {
    _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report', reportPath);
    _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', report.status);
    if (report.status !== 'error') {
        _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('drifted', String(report.count > 0));
        _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('count', String(report.count));
    }
    const restored = report.targets.reduce((total, target) => total + (target.remediation?.restored.length ?? 0), 0);
    _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('remediated', String(restored));
    _src_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_src_drift_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .headline */ .Pl)(report));
    await (0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .Sy)((summary) => summary.addRaw((0,_src_drift_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMarkdown */ .Gc)(report, 900_000)));
}


/***/ }),

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
