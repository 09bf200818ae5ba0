import { describe, expect, it } from 'vitest';
import { caught, UserErrors } from '../../test/fixtures/manifest/helpers.js';
import { parseManifest } from './index.js';

/** Input no one writes by hand, but a wrong `manifest` path or a generator bug can produce. */
describe('runaway input', () => {
  it('stops at 64 levels of nesting instead of overflowing the stack', async () => {
    const error = (await caught(() =>
      parseManifest('['.repeat(100_000), 'default.json'),
    )) as UserErrors;

    expect(error).toBeInstanceOf(UserErrors);
    expect(error.errors.map((e) => e.message)).toEqual([
      '$: objects and lists are nested more than 64 levels deep here.',
    ]);
    expect(error.errors[0]?.location).toMatchObject({ line: 1, column: 65 });
  });

  it('accepts nesting up to the limit', async () => {
    const nested = `${'['.repeat(63)}${']'.repeat(63)}`;
    const error = (await caught(() =>
      parseManifest(`{ "namespace": ${nested} }`, 'default.json'),
    )) as UserErrors;

    // Parsed, so the problem found is the type, not the depth.
    expect(error.errors.map((e) => e.message)).toContain(
      '$.namespace: expected a string, got a list.',
    );
  });

  it('lists 50 syntax errors of a huge broken file, quickly, and counts the rest', async () => {
    const started = performance.now();
    const error = (await caught(() =>
      parseManifest(`[${'1 '.repeat(400_000)}]`, 'default.json'),
    )) as UserErrors;

    expect(error.errors).toHaveLength(50);
    expect(error.message.split('\n')[0]).toBe(
      'The manifest is not valid JSON (399949 more syntax errors not shown; fix these first):',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps messages short when the offending text is long', async () => {
    const [error] = (
      (await caught(() => parseManifest('x'.repeat(100_000), 'default.json'))) as UserErrors
    ).errors;

    expect(error?.message.length).toBeLessThan(120);
  });

  it('places thousands of schema errors quickly', async () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `"unknown${i}": ${i}`).join(',\n');
    const started = performance.now();

    const error = (await caught(() =>
      parseManifest(`{\n${keys}\n}`, 'default.json'),
    )) as UserErrors;

    expect(error.message.split('\n')[0]).toBe(
      'The manifest is not valid (5002 problems; the first 50 are listed):',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
