export const id = 280;
export const ids = [280];
export const modules = {

/***/ 5280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeployFailed: () => (/* binding */ DeployFailed),
/* harmony export */   explainFailure: () => (/* binding */ explainFailure),
/* harmony export */   helmErrorLine: () => (/* binding */ helmErrorLine)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4457);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9936);




/**
 * A deploy that helm reported as failed, explained in one message: helm's
 * own error line, what was not ready (from the watch, or sampled now), the
 * recent events of those objects, and the state the release was left in.
 */
/** A deploy that reached the cluster and failed: what was not ready, the events, the release's state. */
class DeployFailed extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    release;
    namespace;
    report;
    releaseState;
    images;
    helmError;
    name = 'DeployFailed';
    constructor(message, release, namespace, report, releaseState, images, helmError) {
        super(message, {
            fix: 'see the job summary for the resources that did not become ready and their events; fix the cause and deploy again.',
        });
        this.release = release;
        this.namespace = namespace;
        this.report = report;
        this.releaseState = releaseState;
        this.images = images;
        this.helmError = helmError;
    }
}
/** Everything known about a failed upgrade, gathered into a DeployFailed (never throws itself). */
async function explainFailure(releases, kubectl, failure) {
    const { release, namespace } = failure;
    const helmError = helmErrorLine(failure.error.stderr);
    let notReady = failure.watch.notReady();
    const report = { notReady: [], events: [] };
    let releaseState = '';
    try {
        if (notReady.length === 0)
            notReady = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .sampleReadiness */ .pm)(kubectl, failure.objects, namespace);
        report.notReady = notReady;
        // The events of what was not ready, when that is known; else of every object of the release.
        const objects = notReady.length > 0 ? notReady.map((item) => item.ref) : failure.objects;
        report.events = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .recentEvents */ .Ls)(kubectl, namespace, objects, failure.started);
        releaseState = (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReleaseState */ .CX)((await (0,_release_js__WEBPACK_IMPORTED_MODULE_3__/* .readRelease */ .iJ)(releases, release, namespace)).history, release);
    }
    catch (error) {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not collect everything about the failure: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
    const notReadyText = notReady.length > 0
        ? ` Not ready: ${notReady
            .map((item) => `${item.ref.kind}/${item.ref.name} (${item.state}${item.reasons[0] ? `; ${item.reasons[0]}` : ''})`)
            .join(', ')}.`
        : '';
    const message = `The deploy of release ${release} to ${namespace} failed: ${helmError}.${notReadyText}${releaseState ? ` ${releaseState}` : ''}`;
    return new DeployFailed(message, release, namespace, report, releaseState, failure.images, helmError);
}
/** The line of helm's output that says what went wrong. */
function helmErrorLine(output) {
    const lines = output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const error = [...lines].reverse().find((line) => line.startsWith('Error:')) ??
        lines[lines.length - 1] ??
        'helm failed';
    return error.replace(/^Error:\s*/, '').replace(/\.$/, '');
}


/***/ }),

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ describeReleaseState),
/* harmony export */   E_: () => (/* binding */ ReadinessWatch),
/* harmony export */   Ls: () => (/* binding */ recentEvents),
/* harmony export */   pm: () => (/* binding */ sampleReadiness)
/* harmony export */ });
/* unused harmony exports readiness, podsOf */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _kube_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9509);



/** What workloads create, named after them. */
const OWNED_KINDS = new Set([
    'Pod',
    'ReplicaSet',
    'Job',
    'ControllerRevision',
    'PersistentVolumeClaim',
]);
const WATCHED_KINDS = new Set([
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'Job',
    'Pod',
    'PersistentVolumeClaim',
]);
/** Why a workload is not ready, or undefined when it is. */
function readiness(object) {
    const spec = (object.spec ?? {});
    const status = (object.status ?? {});
    const num = (value) => (typeof value === 'number' ? value : 0);
    const conditionReasons = (types) => conditions(status)
        .filter((condition) => types.includes(condition.type) && condition.status !== 'True')
        .map((condition) => `${condition.reason ?? condition.type}: ${condition.message ?? ''}`.trim());
    const generationBehind = typeof object.metadata?.generation === 'number' &&
        num(status.observedGeneration) < object.metadata.generation;
    switch (object.kind) {
        case 'Deployment':
        case 'StatefulSet':
        case 'ReplicaSet': {
            // As `kubectl rollout status` judges it: every replica updated, no old
            // ones left, and the updated ones available (ready, for a StatefulSet).
            const wanted = spec.replicas === undefined ? 1 : num(spec.replicas);
            const ready = num(object.kind === 'Deployment' ? status.availableReplicas : status.readyReplicas);
            const total = num(status.replicas);
            const updated = object.kind === 'ReplicaSet' ? total : num(status.updatedReplicas);
            const revisionBehind = object.kind === 'StatefulSet' &&
                status.updateRevision !== undefined &&
                status.currentRevision !== status.updateRevision;
            if (ready >= wanted &&
                updated >= wanted &&
                total <= updated &&
                !revisionBehind &&
                !generationBehind) {
                return undefined;
            }
            const old = total > updated ? `, ${total - updated} old still running` : '';
            return {
                state: `${updated}/${wanted} updated, ${ready} ${object.kind === 'Deployment' ? 'available' : 'ready'}${old}`,
                reasons: conditionReasons(['Available', 'Progressing', 'ReplicaFailure']),
            };
        }
        case 'DaemonSet': {
            const wanted = num(status.desiredNumberScheduled);
            const ready = num(status.numberReady);
            if (ready >= wanted && !generationBehind)
                return undefined;
            return { state: `${ready}/${wanted} ready`, reasons: [] };
        }
        case 'Job': {
            if (num(status.failed) === 0)
                return undefined;
            return { state: `${num(status.failed)} failed`, reasons: conditionReasons(['Failed']) };
        }
        case 'Pod':
            return podReadiness(object);
        case 'PersistentVolumeClaim': {
            if (status.phase === 'Bound')
                return undefined;
            return { state: String(status.phase ?? 'Pending'), reasons: [] };
        }
        default:
            return undefined;
    }
}
function podReadiness(pod) {
    const status = (pod.status ?? {});
    const ready = conditions(status).find((condition) => condition.type === 'Ready');
    if (ready?.status === 'True' || status.phase === 'Succeeded')
        return undefined;
    const reasons = conditions(status)
        .filter((condition) => condition.status !== 'True' && (condition.reason || condition.message))
        .map((condition) => `${condition.reason ?? condition.type}: ${condition.message ?? ''}`.trim());
    const statuses = [
        ...asArray(status.initContainerStatuses),
        ...asArray(status.containerStatuses),
    ];
    for (const container of statuses) {
        const waiting = container.state?.waiting;
        const terminated = container.state?.terminated;
        const name = String(container.name ?? '');
        if (waiting?.reason)
            reasons.push(`container ${name} ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`);
        if (terminated?.reason && terminated.reason !== 'Completed') {
            reasons.push(`container ${name} ${terminated.reason} (exit ${terminated.exitCode ?? '?'})`);
        }
    }
    return { state: String(status.phase ?? 'Pending'), reasons: [...new Set(reasons)] };
}
function conditions(status) {
    return asArray(status.conditions);
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
/** The pods a workload selects (matchLabels), from a list of pods. */
function podsOf(workload, pods) {
    const selector = (workload.spec ?? {}).selector;
    const labels = selector?.matchLabels;
    if (!labels || Object.keys(labels).length === 0)
        return [];
    return pods.filter((pod) => Object.entries(labels).every(([key, value]) => pod.metadata?.labels?.[key] === value));
}
/** The not-ready workloads among `refs` right now, each with its not-ready pods. */
async function sampleReadiness(kubectl, refs, namespace) {
    const watched = refs.filter((ref) => WATCHED_KINDS.has(ref.kind));
    if (watched.length === 0)
        return [];
    const [objects, pods] = await Promise.all([
        kubectl.getObjects(watched, namespace),
        kubectl.list('pods', namespace),
    ]);
    const notReady = [];
    for (const object of objects) {
        const problem = readiness(object);
        if (!problem)
            continue;
        const reasons = [...problem.reasons];
        for (const pod of podsOf(object, pods)) {
            const podProblem = podReadiness(pod);
            if (!podProblem)
                continue;
            const detail = podProblem.reasons.length > 0 ? `: ${podProblem.reasons.join('; ')}` : '';
            reasons.push(`pod ${pod.metadata?.name ?? '?'} ${podProblem.state}${detail}`);
        }
        notReady.push({ ref: (0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .objectRef */ .DA)(object), state: problem.state, reasons: [...new Set(reasons)] });
    }
    return notReady;
}
/**
 * Samples the release's workloads every few seconds while helm waits. The
 * objects to watch are known only once the post-renderer has run, hence the
 * provider.
 */
class ReadinessWatch {
    kubectl;
    namespace;
    objects;
    intervalMs;
    timer;
    running;
    lastNotReady = [];
    stopped = false;
    constructor(kubectl, namespace, objects, intervalMs = 4000) {
        this.kubectl = kubectl;
        this.namespace = namespace;
        this.objects = objects;
        this.intervalMs = intervalMs;
    }
    start() {
        const tick = () => {
            if (this.stopped)
                return;
            this.running = this.sample().finally(() => {
                if (!this.stopped)
                    this.timer = setTimeout(tick, this.intervalMs);
            });
        };
        this.timer = setTimeout(tick, this.intervalMs);
    }
    async stop() {
        this.stopped = true;
        if (this.timer)
            clearTimeout(this.timer);
        await this.running;
    }
    /** The last sample in which something was not ready (empty when every sample was ready). */
    notReady() {
        return this.lastNotReady;
    }
    async sample() {
        const refs = this.objects();
        if (!refs)
            return;
        try {
            const notReady = await sampleReadiness(this.kubectl, refs, this.namespace);
            if (notReady.length > 0)
                this.lastNotReady = notReady;
        }
        catch (error) {
            _core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`readiness sample failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}
/** Recent events (since `since`) of the given objects and of their pods, replica sets and jobs; warnings first. */
async function recentEvents(kubectl, namespace, objects, since, max = 20) {
    const events = await kubectl.list('events', namespace);
    const related = (kind, name) => objects.some((object) => (kind === object.kind && name === object.name) ||
        (OWNED_KINDS.has(kind) && name.startsWith(`${object.name}-`)));
    const lines = [];
    for (const event of events) {
        const involved = (event.involvedObject ?? {});
        if (!involved.name || !related(involved.kind ?? '', involved.name))
            continue;
        const last = String(event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp ?? '');
        const at = Date.parse(last);
        if (Number.isNaN(at) || at < since.getTime() - 1000)
            continue;
        lines.push({
            object: (0,_kube_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeObject */ .v8)({
                apiVersion: '',
                kind: involved.kind ?? '',
                name: involved.name,
                namespace: involved.namespace ?? namespace,
            }),
            type: String(event.type ?? ''),
            reason: String(event.reason ?? ''),
            message: String(event.message ?? '').trim(),
            count: typeof event.count === 'number' ? event.count : 1,
            last,
            at,
        });
    }
    lines.sort((a, b) => (a.type === b.type ? b.at - a.at : a.type === 'Warning' ? -1 : 1));
    return lines.slice(0, max).map(({ at: _at, ...line }) => line);
}
/** The release after a failure, in words: which revision serves, and what became of the failed one. */
function describeReleaseState(history, release) {
    const current = history[history.length - 1];
    if (!current)
        return `Release ${release} does not exist (a failed first install is removed when atomic).`;
    const deployed = [...history].reverse().find((revision) => revision.status === 'deployed');
    const parts = [
        `Release ${release} is at revision ${current.revision} (${current.status}${current.description ? `: ${current.description}` : ''}).`,
    ];
    const rolledBackTo = /^Rollback to (\d+)/.exec(current.description)?.[1];
    if (current.status === 'deployed' && rolledBackTo) {
        const failed = [...history].reverse().find((revision) => revision.status === 'failed');
        parts.push(`It was rolled back to the configuration of revision ${rolledBackTo}, which serves again${failed ? `; revision ${failed.revision} failed` : ''}.`);
    }
    else if (current.status === 'failed' && deployed) {
        parts.push(`Revision ${deployed.revision} is the last one deployed; the cluster may hold parts of revision ${current.revision}. \`helm rollback ${release} ${deployed.revision}\` restores revision ${deployed.revision} completely.`);
    }
    else if (!deployed) {
        parts.push('No revision is deployed.');
    }
    return parts.join(' ');
}


/***/ }),

/***/ 9936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v4: () => (/* binding */ checkReleaseName),
  uQ: () => (/* binding */ deployDescription),
  dP: () => (/* binding */ ensureNotPending),
  P$: () => (/* binding */ pendingGraceSeconds),
  iJ: () => (/* binding */ readRelease),
  t4: () => (/* binding */ releaseReader)
});

// UNUSED EXPORTS: helmReleases, isPending, recoveryFor, storedReleases

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/render/annotate.ts
var annotate = __webpack_require__(8162);
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
        throw new UserError('HELM_DRIVER=sql keeps Helm releases in an SQL database, outside the cluster; drift-check reads them only from the cluster.', {
            fix: 'deploy with the default secret driver (or configmap), or unset HELM_DRIVER for this job.',
        });
    }
    throw new UserError(`HELM_DRIVER=${value} is not a storage driver drift-check can read (secret, configmap).`, {
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
    if (!(error instanceof errors/* UserError */.yo) || !/forbidden|does not allow/i.test(error.message))
        return undefined;
    const where = namespace ? `in namespace ${namespace}` : 'cluster-wide';
    return new errors/* UserError */.yo(`The kubeconfig's identity may not list ${resource.name} ${where}, where Helm keeps its releases, so the deployed releases cannot be read. ${error.message}`, {
        fix: `grant it get and list on ${resource.name} ${where} (a Role with apiGroups [""], resources ["${resource.name}"], verbs ["get", "list"], bound to it)${namespace ? '' : ', or give the namespaces (default.json, or .github/drift.yml targets) so only those are read'}.`,
        cause: error,
    });
}

;// CONCATENATED MODULE: ./src/deploy/release.ts




/**
 * Release safety before an upgrade. A release whose latest revision is
 * `pending-*` is either being deployed right now or was abandoned by a
 * cancelled job ("another operation is in progress" for every later deploy).
 * Either way nothing is upgraded: the deploy stops with the command that
 * fixes it, or, with recover-pending, rolls back to the last good revision
 * first. It uninstalls only a first install that never finished (revision 1,
 * pending-install, nothing else in Helm's storage): a release that has ever
 * run is never uninstalled by anything automatic; with no good revision to
 * return to, it is refused with the commands to choose from. A release
 * that has been pending for less than the grace period may still be another
 * deploy at work, so it is never recovered: concurrent deploys of one release
 * are refused, not interleaved. Helm itself refuses to create a revision
 * while another is pending, and two deploys racing for the same revision
 * number collide on the storage object's name, so only one of them can win.
 */
/** Revisions to ask helm for: every one Helm's storage keeps (helm reads them all; --max only cuts its output). */
const WHOLE_HISTORY = 1_000_000;
/** The release read from Helm's storage (Secrets or ConfigMaps) through the API: no process. */
function storedReleases(storage) {
    return {
        history: async (release, namespace) => (await storage.history(release, namespace)).map((stored) => {
            const body = stored.decode();
            return {
                revision: stored.revision,
                updated: body.info.lastDeployed ?? '',
                status: body.info.status,
                chart: `${body.chart.name}-${body.chart.version}`,
                app_version: body.chart.appVersion ?? '',
                description: body.info.description,
            };
        }),
        manifest: async (release, namespace, revision) => (await storage.revision(release, namespace, revision))?.decode().manifest,
    };
}
/** The release read by helm processes (`helm history`, `helm get manifest`). */
function helmReleases(helm) {
    return {
        history: (release, namespace) => helm.history(release, namespace, WHOLE_HISTORY),
        manifest: (release, namespace, revision) => helm.getManifest(release, namespace, revision),
    };
}
/**
 * How helm-deploy reads releases: from the cluster with the client when
 * helm keeps them there (HELM_DRIVER secret, the default, or configmap),
 * else through helm.
 */
function releaseReader(helm, client) {
    const driver = clusterDriver();
    return driver ? storedReleases(new ReleaseStorage(client, driver)) : helmReleases(helm);
}
async function readRelease(reader, release, namespace) {
    const history = await reader.history(release, namespace);
    return {
        history,
        current: history[history.length - 1],
        deployed: [...history].reverse().find((revision) => revision.status === 'deployed'),
    };
}
function isPending(revision) {
    return revision?.status.startsWith('pending-') ?? false;
}
/**
 * The way out of a pending release: roll back to the last good revision in
 * the whole history; uninstall only a first install that never finished;
 * otherwise refuse (a release that once ran is never uninstalled).
 */
function recoveryFor(state, release, namespace) {
    const pending = state.current;
    const good = [...state.history]
        .reverse()
        .find((revision) => revision !== pending &&
        (revision.status === 'deployed' || revision.status === 'superseded'));
    if (good) {
        return {
            kind: 'rollback',
            revision: good.revision,
            command: `helm rollback ${release} ${good.revision} --namespace ${namespace}`,
        };
    }
    const firstInstall = state.history.length === 1 && pending?.revision === 1 && pending.status === 'pending-install';
    const uninstall = `helm uninstall ${release} --namespace ${namespace}`;
    if (firstInstall)
        return { kind: 'uninstall', command: uninstall };
    return {
        kind: 'refuse',
        command: `helm history ${release} --namespace ${namespace}\` to choose a revision for \`helm rollback ${release} <revision> --namespace ${namespace}\`, or \`${uninstall}`,
    };
}
/** Stops (or, when asked and safe, recovers) a release stuck in pending-*. */
async function ensureNotPending(helm, reader, options) {
    const { release, namespace } = options;
    const state = await readRelease(reader, release, namespace);
    const pending = state.current;
    if (!pending || !isPending(pending))
        return { state };
    const recovery = recoveryFor(state, release, namespace);
    const since = Date.parse(pending.updated);
    const ageSeconds = Number.isNaN(since)
        ? undefined
        : Math.max(0, Math.round(((options.now ?? new Date()).getTime() - since) / 1000));
    const what = `Release ${release} in namespace ${namespace} is ${pending.status} (revision ${pending.revision}, since ${pending.updated}${ageSeconds === undefined ? '' : `, ${formatAge(ageSeconds)} ago`})`;
    if (!options.recover) {
        throw new errors/* UserError */.yo(`${what}: another deploy is running, or one was cancelled and left it stuck. Nothing was changed.`, {
            fix: `if no other deploy of this release is running, run \`${recovery.command}\`, or deploy again with recover-pending: true.`,
        });
    }
    if (ageSeconds === undefined) {
        throw new errors/* UserError */.yo(`${what}: Helm's date for it cannot be read, so there is no telling whether another deploy is still at work; it was not recovered. Nothing was changed.`, {
            fix: `if no other deploy of this release is running, run \`${recovery.command}\` yourself.`,
        });
    }
    if (recovery.kind === 'refuse') {
        throw new errors/* UserError */.yo(`${what}, and no revision in its history of ${state.history.length} was ever deployed successfully, yet it is not a first install: recover-pending never uninstalls a release that has run, and has nothing to roll back to. Nothing was changed.`, { fix: `look at \`${recovery.command}\` yourself.` });
    }
    if (ageSeconds < options.graceSeconds) {
        throw new errors/* UserError */.yo(`${what}: that is recent enough to be another deploy still at work, so it was not recovered. Nothing was changed.`, {
            fix: `run deploys of one release one at a time (a \`concurrency:\` group in the workflow); recover-pending acts on a release pending for more than ${options.graceSeconds}s (recover-pending-after).`,
        });
    }
    core/* warning */.$e(`${what}; recovering it (recover-pending): ${recovery.command}`);
    if (recovery.kind === 'rollback') {
        await helm.rollback(release, namespace, recovery.revision, {
            wait: true,
            timeoutSeconds: options.timeoutSeconds,
        });
    }
    else {
        await helm.uninstall(release, namespace, options.timeoutSeconds);
    }
    return {
        state: await readRelease(reader, release, namespace),
        recovered: { from: pending, recovery },
    };
}
function formatAge(seconds) {
    if (seconds < 120)
        return `${seconds}s`;
    if (seconds < 7200)
        return `${Math.round(seconds / 60)} min`;
    return `${Math.round(seconds / 3600)} h`;
}
/**
 * How long a pending release may be another deploy at work: its upgrade
 * (the wait, and hooks, each up to the timeout) and, when atomic, its
 * rollback. Unknown for certain, so generous by default.
 */
function pendingGraceSeconds(timeoutSeconds, given) {
    return given ?? 2 * timeoutSeconds + 60;
}
/** A release name helm takes, or a UserError that says where it came from. */
function checkReleaseName(release) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53) {
        throw new errors/* UserError */.yo(`Release name "${release}" is not valid: helm takes lowercase letters, digits and "-", at most 53 characters.`, { fix: 'set the `release` input, or fix application.name in default.json.' });
    }
}
/** The description helm stores with the revision: which commit, by whom, from which run. */
function deployDescription() {
    const sha = process.env.GITHUB_SHA?.slice(0, 12);
    const actor = process.env.GITHUB_ACTOR;
    const run = (0,annotate/* workflowRunUrl */.CX)();
    return ['helm-deploy', sha ? `of ${sha}` : '', actor ? `by ${actor}` : '', run ? `(${run})` : '']
        .filter((part) => part !== '')
        .join(' ');
}


/***/ })

};
