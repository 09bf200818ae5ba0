/**
 * A change inside a multi-line string (a config file held in a ConfigMap, a
 * script in a Job) as the lines that differ, unified-diff style, instead of
 * two truncated one-line strings that look the same. Longest-common-
 * subsequence over lines, bounded: past MAX_LINES lines on either side the
 * caller keeps the one-line form.
 */

const MAX_LINES = 2000;
/** Unchanged lines shown around each change. */
const CONTEXT = 1;
/** Changed and context lines shown at most, then "… N more lines". */
const MAX_SHOWN = 60;

/** Whether a change from `before` to `after` reads better as lines. */
export function isMultiLineChange(before: unknown, after: unknown): boolean {
  return (
    typeof before === 'string' &&
    typeof after === 'string' &&
    (before.includes('\n') || after.includes('\n')) &&
    before.split('\n').length <= MAX_LINES &&
    after.split('\n').length <= MAX_LINES
  );
}

type Op = { kind: ' ' | '-' | '+'; line: string };

function operations(a: string[], b: string[]): Op[] {
  // lengths[i][j]: longest common subsequence of a[i..] and b[j..]
  const lengths: Uint16Array[] = Array.from(
    { length: a.length + 1 },
    () => new Uint16Array(b.length + 1),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // what goes before what comes, as unified diffs read
      ops.push({ kind: '-', line: a[i++]! });
    } else {
      ops.push({ kind: '+', line: b[j++]! });
    }
  }
  return ops;
}

/** The differing lines with a little context, each prefixed `-`, `+` or a space, and indented. */
export function lineDiff(before: string, after: string, indent = '    '): string[] {
  const ops = operations(before.split('\n'), after.split('\n'));
  const near = ops.map((_, index) =>
    ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((op) => op.kind !== ' '),
  );
  const lines: string[] = [];
  let skipped = false;
  for (const [index, op] of ops.entries()) {
    if (!near[index]) {
      skipped = true;
      continue;
    }
    if (skipped && lines.length > 0) lines.push(`${indent}  …`);
    skipped = false;
    lines.push(`${op.kind}${indent}${op.line}`);
  }
  if (lines.length > MAX_SHOWN) {
    const rest = lines.length - MAX_SHOWN;
    return [...lines.slice(0, MAX_SHOWN), `${indent}  … ${rest} more line${rest === 1 ? '' : 's'}`];
  }
  return lines;
}
