// Whether the committed bundles (actions/*/dist) are what the sources build
// to today: builds into a temporary directory and compares file by file,
// leaving the tree alone. `npm run check:dist` exits 1 and names every stale
// file; the release script (scripts/release.mjs) and the bundle test
// (test/bundles/) call staleBundles().
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './actions.mjs';

function files(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Paths (actions/<name>/dist/<file>) that differ from a fresh build, are missing, or are left over. */
export function staleBundles() {
  const out = mkdtempSync(join(tmpdir(), 'pa-dist-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const stale = [];
    for (const action of readdirSync(out).sort()) {
      const dist = join(ROOT, 'actions', action, 'dist');
      const fresh = files(join(out, action));
      const committed = files(dist);
      for (const file of [...new Set([...fresh, ...committed])].sort()) {
        const built = join(out, action, file);
        const kept = join(dist, file);
        if (
          !existsSync(built) ||
          !existsSync(kept) ||
          !readFileSync(built).equals(readFileSync(kept))
        )
          stale.push(`actions/${action}/dist/${file}`);
      }
    }
    return stale;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const stale = staleBundles();
  if (stale.length > 0) {
    console.error(`The committed bundles differ from a fresh build:\n  ${stale.join('\n  ')}`);
    console.error('Run `npm run build` and commit actions/*/dist.');
    process.exit(1);
  }
  console.log('committed bundles equal a fresh build');
}
