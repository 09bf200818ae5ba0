import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { commentMarker, conclusionOf, parseNeeds, renderReport } from './pr-report.js';

// What pr-checks.yml hands pr-report: toJSON(needs) of its report job.
const needs = {
  build: {
    result: 'success',
    outputs: { image: 'ghcr.io/acme/shop/storefront', version: '1.0.3', reason: 'commit' },
  },
  chart: { result: 'success', outputs: { chart: 'storefront', version: '0.1.0', warnings: '1' } },
  'dry-run': {
    result: 'success',
    outputs: { environment: 'dev', release: 'storefront', namespace: 'shop-dev', changed: 'true' },
  },
  compliance: { result: 'skipped', outputs: {} },
};
const context = {
  sha: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/storefront/actions/runs/7',
  key: 'pr-checks',
};

describe('the pull-request report', () => {
  it('lists every check job in workflow order with what it found', () => {
    const report = renderReport(parseNeeds(JSON.stringify(needs)), context);
    expect(report.conclusion).toBe('success');
    expect(report.title).toBe('3 of 4 checks passed');
    expect(report.summary.split('\n')).toEqual([
      '| Check | Result | Details |',
      '| --- | --- | --- |',
      '| Image builds (not pushed) | ✅ success | `ghcr.io/acme/shop/storefront` version `1.0.3`, reason: commit |',
      '| Chart lints and packages | ✅ success | `storefront-0.1.0.tgz`, 1 lint warning(s) |',
      '| What would change in dev | ✅ success | release `storefront` in `shop-dev` would change (the diff is in the job summary) |',
      '| Compliance profile loads | ⏭️ skipped | not run |',
    ]);
  });

  it('opens the comment with its hidden marker, so the next push finds and updates it', () => {
    const { comment } = renderReport(parseNeeds(JSON.stringify(needs)), context);
    expect(comment.startsWith('<!-- pipeline-actions:pr-report:pr-checks -->\n')).toBe(true);
    expect(comment).toContain('### ✅ pipeline-actions: all checks passed');
    expect(comment).toContain('Commit `0123456`');
    expect(comment).toContain('(https://github.com/acme/storefront/actions/runs/7)');
    // Different keys (two apps in one repository) never find each other's comment.
    expect(commentMarker('shop')).not.toBe(commentMarker('ledger'));
    // A key cannot close the HTML comment early.
    expect(commentMarker('a-->b')).toBe('<!-- pipeline-actions:pr-report:a->b -->');
  });

  it('fails when any job failed, and names the failed checks in the title', () => {
    const failed = {
      ...needs,
      chart: { result: 'failure', outputs: {} },
      compliance: {
        result: 'failure',
        outputs: { profile: 'compliance/profile', valid: 'false', errors: '2' },
      },
    };
    const report = renderReport(parseNeeds(JSON.stringify(failed)), context);
    expect(report.conclusion).toBe('failure');
    expect(report.title).toBe(
      '2 of 4 checks failed: Chart lints and packages, Compliance profile loads',
    );
    expect(report.summary).toContain(
      '| Chart lints and packages | ❌ failure | failed: see the job log |',
    );
    expect(report.summary).toContain('profile `compliance/profile` does not load: 2 error(s)');
    expect(report.comment).toContain('### ❌ pipeline-actions: some checks failed');
  });

  it('says when a dry run would change nothing', () => {
    const same = {
      'dry-run': {
        ...needs['dry-run'],
        outputs: { ...needs['dry-run'].outputs, changed: 'false' },
      },
    };
    expect(renderReport(parseNeeds(JSON.stringify(same)), context).summary).toContain(
      'no change to release `storefront` in `shop-dev`',
    );
  });

  it('lists any other job by id with its first outputs, escaped for a table', () => {
    const other = { smoke: { result: 'success', outputs: { url: 'https://x|y', note: 'a`b' } } };
    expect(renderReport(parseNeeds(JSON.stringify(other)), context).summary).toContain(
      "| smoke | ✅ success | url: `https://x\\|y`, note: `a'b` |",
    );
  });

  it('cancelled beats success, failure beats cancelled; skipped counts as passed', () => {
    const job = (result: 'success' | 'failure' | 'cancelled' | 'skipped') => ({
      id: result,
      result,
      outputs: {},
    });
    expect(conclusionOf([job('success'), job('skipped')])).toBe('success');
    expect(conclusionOf([job('success'), job('cancelled')])).toBe('cancelled');
    expect(conclusionOf([job('cancelled'), job('failure')])).toBe('failure');
  });

  it.each([
    ['not JSON', '{build', /is not JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['an unknown result', '{"build":{"result":"neutral"}}', /job "build" has result "neutral"/],
    ['no job', '{}', /names no job/],
  ])('refuses needs that is %s, saying how to pass it', (_, text, message) => {
    let error: unknown;
    try {
      parseNeeds(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).fix ?? '').toMatch(/toJSON\(needs\)|needs:/);
  });
});
