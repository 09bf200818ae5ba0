import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_REPORTS, referencePath } from '../../test/fixtures/inspec/reports.js';
import { parseReport } from './report.js';

describe('reading an InSpec JSON report', () => {
  it.each(REFERENCE_REPORTS)('reads the real report %s', (name) => {
    const report = parseReport(readFileSync(referencePath(name), 'utf8'), name);
    expect(report.profiles.length).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', '{"profiles": [', /^r\.json is not valid JSON: /],
    ['an array', '[]', /^r\.json is not an InSpec JSON report: the top level is not an object\.$/],
    [
      'json-min output',
      '{"controls": [{"id": "a", "status": "passed"}], "statistics": {}}',
      /"profiles" is missing/,
    ],
    [
      'an `inspec json` profile summary',
      '{"profiles": [{"name": "p", "controls": [{"id": "a", "impact": 0.5}]}]}',
      /profiles\[0\]\.controls\[0\]\.results is missing \(a profile summary has no results\)/,
    ],
    [
      'a control without impact',
      '{"profiles": [{"name": "p", "controls": [{"id": "a", "results": []}]}]}',
      /profiles\[0\]\.controls\[0\]\.impact is not a number/,
    ],
  ])('says what is wrong with %s', (_, text, message) => {
    expect(() => parseReport(text, 'r.json')).toThrow(message);
  });
});
