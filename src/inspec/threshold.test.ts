import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../errors.js';
import { parseThreshold, type ThresholdRule } from './threshold.js';

function rules(text: string): string[] {
  return parseThreshold(text, 'threshold.yml').rules.map(describeRule);
}

function describeRule(rule: ThresholdRule): string {
  const value = 'ids' in rule ? `[${rule.ids.join(',')}]` : rule.value;
  return `${rule.key} ${rule.kind} ${value} @${rule.where.line}:${rule.where.column}`;
}

function problems(text: string): string[] {
  try {
    parseThreshold(text, 'threshold.yml');
  } catch (error) {
    const errors = error instanceof UserErrors ? error.errors : [error as UserError];
    return errors.map(
      (e) => `${e.location?.line}:${e.location?.column} ${e.message}${e.fix ? ` | ${e.fix}` : ''}`,
    );
  }
  throw new Error('expected the threshold to be rejected');
}

describe('threshold files in the SAF format', () => {
  it('reads the nested form, with each rule located at its key', () => {
    const text = [
      'compliance:', //              1
      '  min: 80', //                2
      'failed:', //                  3
      '  critical: {max: 0}', //     4
      '  total:', //                 5
      '    max: 2', //               6
      'passed:', //                  7
      '  high:', //                  8
      '    controls: [SV-1, SV-2]', // 9
      'error:', //                   10
      '  total: 0', //               11
      'no_impact:', //               12
      '  none: {max: 24}', //        13
    ].join('\n');
    expect(rules(text)).toEqual([
      'compliance.min compliance-min 80 @2:3',
      'failed.critical.max max 0 @4:14',
      'failed.total.max max 2 @6:5',
      'passed.high.controls controls [SV-1,SV-2] @9:5',
      'error.total equals 0 @11:3',
      'no_impact.none.max max 24 @13:10',
    ]);
  });

  it('reads the flat form and keeps both min and max for one key (SAF drops min)', () => {
    expect(rules('passed.total.min: 2\npassed.total.max: 5\ncompliance.min: 50\n')).toEqual([
      'passed.total.min min 2 @1:1',
      'passed.total.max max 5 @2:1',
      'compliance.min compliance-min 50 @3:1',
    ]);
  });

  it('reads JSON too (it is YAML), flat keys mixed with nested ones', () => {
    expect(rules('{"failed.total.max": 0, "failed": {"high": {"max": 1}}}')).toEqual([
      // A quoted key is located at its first character inside the quotes.
      'failed.total.max max 0 @1:3',
      'failed.high.max max 1 @1:46',
    ]);
  });

  it('fails closed on every unknown or misspelt key at once, with a suggestion', () => {
    const text = [
      'failed:',
      '  critcal: {max: 0}', // 2: severity typo
      'passed:',
      '  total: {minimum: 3}', // 4: bound typo
      'skiped.total.max: 0', // 5: status typo
      'failed.none.max: 0', // 6: none only under no_impact
      'compliance: 80', // 7: needs min/max
    ].join('\n');
    expect(problems(text)).toEqual([
      '2:3 Unknown threshold key "failed.critcal.max". | did you mean failed.critical? Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses passed, failed, skipped, no_impact, error.',
      '4:11 Unknown threshold key "passed.total.minimum". | did you mean passed.total.min? Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses passed, failed, skipped, no_impact, error.',
      '5:1 Unknown threshold key "skiped.total.max". | did you mean skipped.…? Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses passed, failed, skipped, no_impact, error.',
      '6:1 Unknown threshold key "failed.none.max". | severity "none" has bounds only under no_impact, as in SAF (no_impact.none.max). Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses passed, failed, skipped, no_impact, error.',
      '7:1 Unknown threshold key "compliance". | did you mean compliance.min or compliance.max? Keys are compliance.min|max and <status>.<severity|total>.<min|max|controls>, statuses passed, failed, skipped, no_impact, error.',
    ]);
  });

  it('rejects values that are not whole numbers of controls or percentages', () => {
    expect(
      problems(
        'failed:\n  total: {max: -1}\ncompliance: {min: 120}\npassed:\n  high: {controls: SV-1}\nerror:\n  total: "0"\n',
      ),
    ).toEqual([
      '2:11 failed.total.max must be a whole number of controls, not -1. | write e.g. `failed.total.max: 0`.',
      '3:14 compliance.min must be a whole percentage from 0 to 100, not 120. | write e.g. `compliance.min: 80`.',
      '5:10 passed.high.controls must be a list of control ids, not "SV-1". | write e.g. `passed.high.controls: [SV-230221]`.',
      '7:3 error.total must be a whole number (it means "exactly"), or a mapping of min, max and controls; got "0". | write e.g. `error.total: 0` or `error.total: {max: 0}`.',
    ]);
  });

  it('rejects a key given both flattened and nested', () => {
    expect(problems('failed.total.max: 0\nfailed:\n  total:\n    max: 1\n')).toEqual([
      '2:1 "failed" is given twice (flattened and nested). | keep one of them.',
    ]);
  });

  it('fails closed on an empty file or one that is not a mapping', () => {
    for (const text of ['', '# only a comment\n', '{}', 'null']) {
      expect(() => parseThreshold(text, 't.yml')).toThrow('The threshold file t.yml is empty.');
    }
    expect(() => parseThreshold('- failed\n', 't.yml')).toThrow('must be a YAML mapping');
    expect(() => parseThreshold('failed: [\n', 't.yml')).toThrow(/not valid YAML/);
  });
});
