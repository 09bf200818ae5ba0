import { afterEach, describe, expect, it } from 'vitest';
import { masks } from '../test/support/masks.js';
import { UserError } from './errors.js';
import {
  getBoolean,
  getDurationSeconds,
  getEnum,
  getInteger,
  getList,
  getOptional,
  getRequired,
  getSecret,
  getYamlMap,
  parseDurationSeconds,
} from './inputs.js';

// Inputs arrive the way the runner passes them: INPUT_<NAME> variables.
const setInput = (name: string, value: string) => {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
};

afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('required and optional inputs', () => {
  it('reads a hyphenated input the way the runner names it', () => {
    setInput('if-exists', '  skip ');
    expect(getRequired('if-exists')).toBe('skip');
  });

  it('says which input is missing and where to add it', () => {
    const error = userError(() => getRequired('chart'));
    expect(error.message).toBe('Input "chart" is required but was not set.');
    expect(error.fix).toContain('`chart: …` under `with:`');
  });

  it('treats an empty optional input as not given', () => {
    setInput('release', '');
    expect(getOptional('release')).toBeUndefined();
  });
});

describe('typed inputs', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['FALSE', false],
  ])('boolean %s', (text, expected) => {
    setInput('wait', text);
    expect(getBoolean('wait', !expected)).toBe(expected);
  });

  it('refuses yes/no/1 as booleans', () => {
    for (const text of ['yes', '1', 'on']) {
      setInput('wait', text);
      expect(userError(() => getBoolean('wait', true)).message).toContain(`not "${text}"`);
    }
  });

  it('lists every allowed value for a wrong choice', () => {
    setInput('if-exists', 'replace');
    const error = userError(() => getEnum('if-exists', ['skip', 'fail', 'overwrite'], 'skip'));
    expect(error.message).toBe(
      'Input "if-exists" is "replace", which is not one of: skip, fail, overwrite.',
    );
  });

  it('bounds integers', () => {
    setInput('retries', '50');
    expect(userError(() => getInteger('retries', 4, { min: 1, max: 10 })).message).toContain(
      'from 1 to 10',
    );
    setInput('retries', '3');
    expect(getInteger('retries', 4, { min: 1, max: 10 })).toBe(3);
  });

  it.each([
    ['300', 300],
    ['90s', 90],
    ['5m', 300],
    ['1h30m', 5400],
    ['2m10s', 130],
  ])('duration %s is %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it('refuses a duration it cannot read', () => {
    setInput('timeout', '5 minutes');
    expect(userError(() => getDurationSeconds('timeout', 300)).fix).toContain('90s, 5m or 1h30m');
  });
});

describe('lists and YAML inputs', () => {
  it('splits lines and commas, drops blanks and comments', () => {
    setInput('channel-tags', '3, stable\n\n# not this\n  latest  ');
    expect(getList('channel-tags')).toEqual(['3', 'stable', 'latest']);
  });

  it('keeps commas inside items when told to', () => {
    setInput('values', 'a,b.yaml\nc.yaml');
    expect(getList('values', { commas: false })).toEqual(['a,b.yaml', 'c.yaml']);
  });

  it('reads `set` as a YAML map without comma-splitting surprises', () => {
    setInput('set', 'image.tag: "1.2.3"\nannotations: "a=1,b=2"\nreplicaCount: 2');
    expect(getYamlMap('set')).toEqual({
      'image.tag': '1.2.3',
      annotations: 'a=1,b=2',
      replicaCount: 2,
    });
  });

  it('refuses a YAML list where a map is needed, with an example', () => {
    setInput('set', '- a\n- b');
    expect(userError(() => getYamlMap('set')).fix).toContain('replicaCount: 2');
  });

  it('reports broken YAML in an input with its line', () => {
    setInput('set', 'a: 1\nb: [unclosed');
    const error = userError(() => getYamlMap('set'));
    expect(error.message).toContain('input "set" is not valid YAML');
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('secret inputs', () => {
  it('are masked before they are returned, as given and trimmed', () => {
    setInput('registry-password', ' s3cr3t-sentinel\n');
    let value: string | undefined;
    expect(masks(() => (value = getSecret('registry-password')))).toEqual([
      ' s3cr3t-sentinel%0A',
      's3cr3t-sentinel',
    ]);
    expect(value).toBe('s3cr3t-sentinel');
  });

  it('an empty one is undefined and masks nothing', () => {
    setInput('registry-password', '');
    expect(masks(() => expect(getSecret('registry-password')).toBeUndefined())).toEqual([]);
  });
});
