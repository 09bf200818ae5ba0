import { describe, expect, it } from 'vitest';
import { fixturePath, problemsOf, readFixture } from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

const parse = (text: string) => () => parseManifest(text, 'default.json');

describe('syntax errors', () => {
  it('reports every missing comma where the comma belongs, even after a comment', async () => {
    const problems = await problemsOf(() =>
      loadManifest(fixturePath('syntax-missing-comma.json.txt'), { displayPath: 'default.json' }),
    );

    expect(problems).toEqual([
      'default.json:4:27: $.application: missing "," before the property "type" on line 5. Fix: add "," at line 4, column 27, right after the previous value.',
      'default.json:9:34: $.artifacts: missing "," before item 1 on line 10. Fix: add "," at line 9, column 34, right after the previous value.',
    ]);
  });

  it('names the list that is never closed and where it was opened', async () => {
    const error = await loadManifest(fixturePath('syntax-unclosed.json.txt'), {
      displayPath: 'default.json',
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'UserErrors',
      errors: [
        {
          message:
            '$.build.build_steps: the list opened at line 9, column 20 is not closed: expected "," or "]", found "}".',
          fix: 'add the missing "]"; when several are missing, the indentation shows where each belongs.',
          location: { file: 'default.json', line: 11, column: 3, endLine: 11, endColumn: 4 },
        },
      ],
    });
    // What the parser reports after losing its place is noise: left out, but counted.
    expect((error as Error).message.split('\n')[0]).toBe(
      'The manifest is not valid JSON (4 more syntax errors not shown; fix these first):',
    );
  });

  it.each([
    [
      'single quotes',
      "{\n  'namespace': 'payments'\n}",
      `default.json:2:3: $: "'namespace'" is in single quotes, which JSON does not allow. Fix: use double quotes: "namespace".`,
    ],
    [
      'an unquoted property name',
      '{\n  namespace: "payments"\n}',
      'default.json:2:3: $: unexpected word namespace: names and text must be in double quotes. Fix: write "namespace".',
    ],
    [
      'a line break inside a string',
      '{\n  "namespace": "pay\nments"\n}',
      'default.json:2:16: $.namespace: the string is not closed before the end of the line. Fix: close it with a double quote; write a line break inside a string as \\n.',
    ],
    [
      'a missing value',
      '{\n  "namespace": ,\n  "application": {}\n}',
      'default.json:2:16: $.namespace: expected a value, found ",". Fix: write a value: a string in double quotes, a number, true, false, null, an object or a list.',
    ],
    [
      'a missing colon',
      '{\n  "namespace" "payments"\n}',
      'default.json:2:15: $.namespace: expected ":" after the property name, found "\\"payments\\"". Fix: put ":" between the property name and its value.',
    ],
    [
      'a second top-level object',
      '{}\n{}',
      'default.json:2:1: $: unexpected "{" after the end of the top-level object. Fix: the file holds one object: remove what follows its closing "}" or move it inside.',
    ],
    [
      'an unclosed block comment',
      '{\n  /* the team\n  "namespace": "payments"\n}',
      'default.json:2:3: $: a /* comment is not closed. Fix: close it with */.',
    ],
    [
      'an empty file',
      '',
      'default.json:1:1: $: the file is empty. Fix: write the manifest object, such as { "namespace": "my-team", "application": { "name": "my-app", "type": "http_api", "version": "1.0.x" } }.',
    ],
    [
      'a file of only comments',
      '// TODO\n',
      'default.json:1:1: $: the file has only comments. Fix: write the manifest object, such as { "namespace": "my-team", "application": { "name": "my-app", "type": "http_api", "version": "1.0.x" } }.',
    ],
  ])('explains %s at its line and column', async (_name, text, expected) => {
    expect((await problemsOf(parse(text)))[0]).toBe(expected);
  });

  it('counts lines the same with \\r\\n, \\r and \\n line endings', async () => {
    const lines = ['{', '  "namespace": "payments"', '  "application": {}', '}'];
    for (const ending of ['\n', '\r\n', '\r']) {
      const [problem] = await problemsOf(parse(lines.join(ending)));
      expect(problem).toMatch(
        /^default\.json:2:26: \$: missing "," before the property "application" on line 3\./,
      );
    }
  });

  it('counts columns after a byte-order mark as an editor shows them', async () => {
    const [problem] = await problemsOf(parse('\uFEFF{ "namespace" "payments" }'));

    expect(problem).toMatch(/^default\.json:1:15: /);
  });

  it('accepts comments and trailing commas everywhere', () => {
    const text = readFixture('best-known.json').replace(
      '"nodejs": "20"',
      '"nodejs": "20", /* LTS */',
    );

    expect(parseManifest(text, 'default.json').build.buildfacts).toEqual({
      java: '17',
      nodejs: '20',
    });
  });
});
