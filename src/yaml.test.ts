import { describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { KUBERNETES_YAML_SCHEMA, parseYaml, parseYamlDocuments } from './yaml.js';

describe('bounded YAML', () => {
  // Each level repeats the one before ten times: few aliases, 10^n nodes.
  const bomb = (levels: number, perLevel: number) =>
    ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(
        Array.from(
          { length: levels },
          (_, i) => `l${i + 1}: &l${i + 1} [${Array(perLevel).fill(`*l${i}`).join(',')}]`,
        ),
      )
      .join('\n');

  it('refuses an alias bomb that stays under the alias count', () => {
    expect(() => parseYaml(bomb(9, 10), 'values.yaml')).toThrow(
      'values.yaml expands to more than 1000000 YAML nodes through its aliases.',
    );
  });

  it('refuses more aliases than the bound', () => {
    expect(() => parseYaml(bomb(11, 10), 'values.yaml')).toThrow(/not valid YAML/);
  });

  it('accepts a few aliases, as real values files use', () => {
    expect(parseYaml('base: &b {cpu: 1}\nweb: *b\nworker: *b', 'values.yaml')).toEqual({
      base: { cpu: 1 },
      web: { cpu: 1 },
      worker: { cpu: 1 },
    });
  });

  it('refuses a document over the size bound before parsing it', () => {
    const error = (() => {
      try {
        parseYaml('a: 1\n'.repeat(100), 'big.yaml', { maxBytes: 100 });
      } catch (e) {
        return e as UserError;
      }
    })();
    expect(error?.message).toBe('big.yaml is 500 bytes of YAML, more than the 100 bytes allowed.');
  });

  it('refuses deep nesting', () => {
    expect(() => parseYaml('['.repeat(200) + ']'.repeat(200), 'deep.yaml')).toThrow(
      /not valid YAML/,
    );
  });

  it('gives file, line and column of a syntax error', () => {
    try {
      parseYaml('a: 1\nb:\n  - x\n - y\n', 'values-dev.yaml');
      expect.unreachable();
    } catch (error) {
      const userError = error as UserError;
      expect(userError.message).toContain('values-dev.yaml is not valid YAML');
      expect(userError.location).toMatchObject({ file: 'values-dev.yaml', line: 4 });
    }
  });

  it('reads multi-document streams and drops empty documents', () => {
    const docs = parseYamlDocuments(
      '---\n# disabled\n---\nkind: A\n---\n---\nkind: B\n',
      'rendered.yaml',
    );
    expect(docs).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });
});

describe('YAML as Kubernetes and Helm read it', () => {
  const text = 'defaultMode: 0644\nenabled: on\ncreated: 2026-11-21\nname: yes-sir\n';

  it('reads 0644 as octal and on as true (YAML 1.1), timestamps as text', () => {
    expect(parseYaml(text, 'values.yaml', { schema: KUBERNETES_YAML_SCHEMA })).toEqual({
      defaultMode: 0o644,
      enabled: true,
      created: '2026-11-21',
      name: 'yes-sir',
    });
  });

  it('differs from the YAML 1.2 default, which is why values files need it', () => {
    expect(parseYaml(text, 'values.yaml')).toMatchObject({ defaultMode: 644, enabled: 'on' });
  });
});

describe('a flow collection that is never closed', () => {
  const failure = (text: string) => {
    try {
      parseYaml(text, 'values.yaml');
    } catch (error) {
      return error as UserError;
    }
    throw new Error('expected the YAML to be rejected');
  };

  it.each([
    ['in the middle of the file', 'image: x\nports: [80, 443\nname: y\n', 'sequence', '[', 2, 8],
    ['at the end of the file', 'image: x\nports: [80, 443\n', 'sequence', '[', 2, 8],
    ['a flow mapping', 'a:\n  b: {x: 1\nc: 2\n', 'mapping', '{', 2, 6],
    [
      'after quoted brackets and a comment',
      "# [ not this\nname: 'it''s [ok'\nlist: [\"]\", a\n",
      'sequence',
      '[',
      3,
      7,
    ],
  ])(
    '%s: reported where it opened, as not closed (not "deficient indentation" after it)',
    (_, text, kind, bracket, line, column) => {
      const error = failure(text);
      expect(error.message).toBe(
        `values.yaml is not valid YAML: the flow ${kind} "${bracket}" opened at line ${line}, column ${column} is not closed.`,
      );
      expect(error.location).toEqual({ file: 'values.yaml', line, column });
      expect(error.fix).toContain(`close it with "${bracket === '[' ? ']' : '}'}"`);
    },
  );

  it('other syntax errors keep their own message and position', () => {
    const error = failure('a: [1, 2]\nb: "unterminated\n');
    expect(error.message).not.toContain('is not closed');
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
  });
});
