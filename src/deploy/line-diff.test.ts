import { describe, expect, it } from 'vitest';
import { isMultiLineChange, lineDiff } from './line-diff.js';

describe('a change inside a multi-line string', () => {
  const before = ['server {', '  listen 8080;', '  root /srv;', '  gzip on;', '}', ''].join('\n');
  const after = ['server {', '  listen 9090;', '  root /srv;', '  gzip on;', '}', ''].join('\n');

  it('is shown as the lines that changed, with a line of context', () => {
    expect(lineDiff(before, after)).toEqual([
      '     server {',
      '-      listen 8080;',
      '+      listen 9090;',
      '       root /srv;',
    ]);
  });

  it('lines added and removed far apart, with the unchanged middle left out', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    const b = ['a0', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    expect(lineDiff(a, b, '')).toEqual(['-a', '+a0', ' b', '  …', ' g', '+h']);
  });

  it('only strings with a line break, of bounded size, count as multi-line', () => {
    expect(isMultiLineChange(before, after)).toBe(true);
    expect(isMultiLineChange('one line', 'another')).toBe(false);
    expect(isMultiLineChange(1, 'a\nb')).toBe(false);
    expect(isMultiLineChange('x\n'.repeat(5000), 'y')).toBe(false);
  });

  it('a long change is cut after 60 lines and says how many more', () => {
    const a = Array.from({ length: 100 }, (_, i) => `old ${i}`).join('\n');
    const b = Array.from({ length: 100 }, (_, i) => `new ${i}`).join('\n');
    const lines = lineDiff(a, b, '');
    expect(lines).toHaveLength(61);
    expect(lines.at(-1)).toBe('  … 140 more lines');
  });
});
