import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './runner.js';

/**
 * The heavy standard images (test/env/images/<name>/lazy) are not built by
 * test/env/up; a suite that needs one builds it here, once per content (the
 * registry keeps it, so later runs take a second). Returns name → digest
 * reference, for localCatalog's `images`.
 */
export function standardImages(...names: string[]): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const name of names) {
    const out = execFileSync(`${REPO_ROOT}/test/env/image`, [name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 45 * 60_000,
    });
    const ref = out.trim().split('\n').pop() ?? '';
    if (!/@sha256:[0-9a-f]{64}$/.test(ref))
      throw new Error(`test/env/image ${name} printed no digest reference: ${out}`);
    refs[name] = ref;
  }
  return refs;
}
