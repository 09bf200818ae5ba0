/**
 * The candidate closest to a mistyped word ("build_step" → "build_steps",
 * "node" → "nodejs", "Java" → "java"), or undefined when none is close enough
 * to be a likely typo.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    const distance = editDistance(typed, known);
    const longest = Math.max(typed.length, known.length);
    const isPrefix =
      Math.min(typed.length, known.length) >= 2 &&
      (known.startsWith(typed) || typed.startsWith(known));
    const isClose = distance <= 2 || distance <= longest * 0.4 || isPrefix;
    if (isClose && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/**
 * The fix for an unknown key (or name): the known one it is likely a typo of,
 * else every known one, after `listWith` ("use only:", "name one of:").
 */
export function unknownKeyFix(
  key: string,
  known: readonly string[],
  listWith = 'use only:',
): string {
  const suggestion = closestMatch(key, known);
  return suggestion ? `did you mean "${suggestion}"?` : `${listWith} ${known.join(', ')}.`;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
