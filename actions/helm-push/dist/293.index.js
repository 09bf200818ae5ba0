export const id = 293;
export const ids = [293];
export const modules = {

/***/ 1293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writePushSummary: () => (/* binding */ writePushSummary)
});

// EXTERNAL MODULE: ./src/core.ts + 1 modules
var core = __webpack_require__(5851);
;// CONCATENATED MODULE: ./src/report/summary.ts

/**
 * Writes to the job summary when the runner provides one; outside a runner
 * (a local run, the demo without GITHUB_STEP_SUMMARY) it prints nothing and
 * does not fail.
 */
async function writeSummary(build) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return false;
    core/* summary */.z.emptyBuffer();
    build(core/* summary */.z);
    await core/* summary */.z.write();
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

;// CONCATENATED MODULE: ./actions/helm-push/src/summary.ts

const RESULT_TEXT = {
    pushed: 'pushed',
    replaced: 'replaced (if-exists: overwrite)',
    unchanged: 'unchanged (same content already published)',
};
async function writePushSummary(outcome) {
    return writeSummary((summary) => {
        summary.addHeading(`helm-push: ${outcome.chart} ${outcome.version}`, 3);
        summary.addRaw(markdownTable(['destination', 'reference', 'digest', 'result'], outcome.destinations.map((d) => [
            d.destination,
            `\`${d.ref}\``,
            `\`${d.digest}\``,
            d.difference ? `${RESULT_TEXT[d.result]}: ${d.difference}` : RESULT_TEXT[d.result],
        ])), true);
        const facts = [
            `content digest \`${outcome.contentDigest}\``,
            outcome.appVersion ? `appVersion ${outcome.appVersion}` : undefined,
            `helm ${outcome.helmVersion}`,
            outcome.signed ? 'signed (.prov published)' : 'not signed',
            outcome.lint
                ? `helm lint: ${outcome.lint.warnings} warning${outcome.lint.warnings === 1 ? '' : 's'}`
                : 'helm lint skipped',
        ].filter(Boolean);
        summary.addRaw(`\n${facts.join(' · ')}\n`, true);
    });
}


/***/ })

};
