export const id = 0;
export const ids = [0];
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

/***/ 6000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatBytes: () => (/* binding */ formatBytes),
/* harmony export */   writeBuildSummary: () => (/* binding */ writeBuildSummary)
/* harmony export */ });
/* harmony import */ var _src_report_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7994);
/* harmony import */ var _policy_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8781);


/** The job summary: what was published, on which base, why, how big and how long it took. */
async function writeBuildSummary(outcome) {
    await (0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)((summary) => {
        summary.addHeading(`build-image: ${outcome.image}:${outcome.version}`, 3);
        summary.addRaw((0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', 'build-image'], [
            ['Image', `\`${outcome.image}\``],
            ['Tags', outcome.tags.map((tag) => `\`${tag}\``).join(', ') || '(none: not pushed)'],
            ['Digest', outcome.digest ? `\`${outcome.digest}\`` : '(not pushed)'],
            ['Base (runtime)', `\`${outcome.baseRef}\``],
            ['Builder', outcome.builderRef ? `\`${outcome.builderRef}\`` : '(no build steps)'],
            ['Reason', reasonText(outcome)],
            [
                'Size',
                outcome.sizeBytes === undefined ? '(not pushed)' : formatBytes(outcome.sizeBytes),
            ],
            [
                'Build time',
                outcome.rebuilt ? `${outcome.buildSeconds.toFixed(1)} s` : 'none (reused)',
            ],
            ['Content hash', `\`${outcome.contentHash}\``],
            ['Image policy', policyText(outcome.policy)],
            ['SBOM', sbomText(outcome)],
        ]), true);
        summary.addRaw('\n', true);
        if (outcome.policy?.violations.length)
            (0,_policy_check_js__WEBPACK_IMPORTED_MODULE_1__/* .addViolations */ .eK)(summary, outcome.policy);
    });
}
function policyText(policy) {
    if (!policy)
        return 'none (the catalog sets no policy)';
    if (policy.violations.length === 0)
        return `${policy.mode}: every rule met`;
    return `${policy.mode}: ${policy.violations.length} rule(s) broken (${policy.violations.map((v) => v.rule).join(', ')})`;
}
function sbomText(outcome) {
    const sbom = outcome.sbom;
    if (!sbom)
        return outcome.digest ? 'none (sbom: false)' : 'none (not pushed)';
    if (!sbom.ref)
        return `**not pushed**: ${sbom.error ?? 'unknown error'} (the image is published without it)`;
    const how = sbom.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema';
    if (!sbom.pushed)
        return `\`${sbom.ref}\` (already there; found through the ${how})`;
    const lockfiles = sbom.lockfiles.length > 0 ? sbom.lockfiles.join(', ') : 'no lock file';
    return `\`${sbom.ref}\`: CycloneDX 1.6, ${(0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(sbom.osPackages ?? 0, 'OS package')}, ${(0,_src_report_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(sbom.dependencies ?? 0, 'dependency', 'dependencies')} (${lockfiles}); found through the ${how}`;
}
function reasonText(outcome) {
    switch (outcome.reason) {
        case 'none':
            return 'none: an identical image already existed and was reused';
        case 'retag':
            return `retag: an identical image already existed; it was tagged with the new version ${outcome.version}`;
        case 'commit':
            return outcome.previous
                ? `commit: the sources differ from ${outcome.previous}`
                : 'commit: the first image of this app';
        case 'config':
            return `config: default.json or the catalog's settings differ from ${outcome.previous ?? 'the last image'}`;
        case 'base':
            return `base: a standard image changed since ${outcome.previous ?? 'the last image'}`;
    }
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
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
