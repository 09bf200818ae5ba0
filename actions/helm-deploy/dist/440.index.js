export const id = 440;
export const ids = [440];
export const modules = {

/***/ 9440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeDeploySummary: () => (/* binding */ writeDeploySummary),
  writeFailureSummary: () => (/* binding */ writeFailureSummary)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
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

;// CONCATENATED MODULE: ./actions/helm-deploy/src/summary.ts

/** The job summary of a deploy or dry run: release, revision, pinned images, and the diff. */
async function writeDeploySummary(outcome) {
    const title = outcome.dryRun
        ? `helm-deploy dry run: ${outcome.release} in ${outcome.namespace} — ${outcome.changed ? `${countChanges(outcome)} to change` : 'no change'}`
        : `helm-deploy: ${outcome.release} in ${outcome.namespace} — revision ${outcome.revision} ${outcome.status}`;
    await writeSummary((summary) => {
        summary.addHeading(title, 2);
        summary.addRaw(table(['', ''], [
            ['release', outcome.release],
            ['namespace', outcome.namespace],
            ['revision', outcome.revision ?? '(none yet)'],
            ['status', outcome.status],
            ['chart', `${outcome.chart}`],
            ['helm', outcome.helmVersion],
            ['changed', outcome.changed],
        ]), true);
        if (outcome.recovered) {
            summary.addRaw(`\n> Release was ${outcome.recovered.from.status} at revision ${outcome.recovered.from.revision}; recovered first with \`${outcome.recovered.recovery.command}\`.\n`, true);
        }
        const restored = outcome.diff.restored ?? [];
        if (restored.length > 0) {
            summary.addRaw(`\n> Restored what had changed in the cluster since the last deploy: ${restored
                .map((object) => `${object.ref.kind}/${object.ref.name}${object.action === 'create' ? ' (deleted, recreated)' : ` (${object.changes.map((change) => change.path).join(', ')})`}`)
                .join('; ')}.\n`, true);
        }
        addImages(summary, outcome.images);
        summary.addHeading(outcome.dryRun ? 'What would change' : 'What changed', 3);
        if (outcome.diffText.trim() === '')
            summary.addRaw('No change.\n', true);
        else
            summary.addCodeBlock(outcome.diffText, 'diff');
    });
}
/** The job summary of a failed deploy: what did not become ready, events, the release's state. */
async function writeFailureSummary(failure) {
    await writeSummary((summary) => {
        summary.addHeading(`helm-deploy failed: ${failure.release} in ${failure.namespace}`, 2);
        summary.addRaw(`\n**helm:** ${summary_escape(failure.helmError)}\n\n`, true);
        if (failure.releaseState)
            summary.addRaw(`**Release state:** ${summary_escape(failure.releaseState)}\n`, true);
        if (failure.report.notReady.length > 0) {
            summary.addHeading('Not ready', 3);
            summary.addRaw(table(['resource', 'state', 'why'], failure.report.notReady.map((item) => [
                `${item.ref.kind}/${item.ref.name}`,
                item.state,
                item.reasons.join('\n') || '—',
            ])), true);
        }
        if (failure.report.events.length > 0) {
            summary.addHeading('Recent events', 3);
            summary.addRaw(table(['object', 'type', 'reason', 'message', 'count', 'last seen'], failure.report.events.map((event) => [
                event.object,
                event.type,
                event.reason,
                event.message,
                event.count,
                event.last,
            ])), true);
        }
        addImages(summary, failure.images);
    });
}
function addImages(summary, images) {
    if (images.length === 0)
        return;
    summary.addHeading('Images (pinned to digests)', 3);
    summary.addRaw(table(['image', 'deployed as', 'used by'], images.map((image) => [
        image.image,
        image.alreadyPinned
            ? `${image.pinned} (as given${image.unchecked === undefined ? '' : ', not checked: its registry could not be asked'})`
            : image.pinned,
        image.usedBy.join('\n'),
    ])), true);
}
/** A table as its own Markdown block (GitHub needs a blank line after the HTML headings). */
function table(...args) {
    return `\n${markdownTable(...args)}\n`;
}
function countChanges(outcome) {
    const changed = outcome.diff.objects.filter((object) => object.action !== 'unchanged').length;
    return `${changed} object${changed === 1 ? '' : 's'}`;
}
function summary_escape(text) {
    return text.replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'));
}


/***/ })

};
