// Bundles each action into actions/<name>/dist/index.js with ncc, plus its
// licenses file. A module an action loads with `import()` only on some paths
// lands in a chunk of its own beside index.js (`<id>.index.js`), read only
// when that path runs. ncc minifies the entry only; the chunks are minified
// here (oxc's minifier, through rolldown). dist/ is emptied first so a
// removed chunk cannot linger.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';
import { minifySync } from 'rolldown/experimental';
import { execFileSync } from 'node:child_process';
import { ROOT, actionNames } from './actions.mjs';

// `--out DIR` builds into DIR/<name>/ instead (the freshness test compares that with dist/).
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outRoot = outIndex === -1 ? undefined : args.splice(outIndex, 2)[1];
/** Whether a lock entry's `os` or `cpu` (`"x64"`, `["linux"]`, `["!win32"]`) takes `value`. */
function forThis(field, value) {
  if (!field) return true;
  const list = [field].flat();
  const wanted = list.filter((item) => !item.startsWith('!'));
  return !list.includes(`!${value}`) && (wanted.length === 0 || wanted.includes(value));
}

// A node_modules that package-lock.json no longer describes (a dependency
// added since the last `npm ci`) would build different bundles: ncc leaves a
// module it cannot find out of the bundle without failing. Refuse instead.
function assertInstalled() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages ?? {};
  const installedVersion = (path) => {
    try {
      return String(
        JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')).version,
      ).replace(/^v/, '');
    } catch {
      return undefined;
    }
  };
  const stale = Object.entries(lock)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.optional && !entry.link)
    // packages for another platform are not installed here
    .filter(([, entry]) => forThis(entry.os, process.platform) && forThis(entry.cpu, process.arch))
    .filter(([path, entry]) => installedVersion(path) !== entry.version)
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`);
  if (stale.length > 0) {
    console.error(
      `build: node_modules does not match package-lock.json (${stale.length} packages missing or at another version: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''}); run \`npm ci\` and build again.`,
    );
    process.exit(1);
  }
}
assertInstalled();

// Validators are generated from the schemas first, so a bundle never compiles a schema at start-up.
execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-validators.mjs')], { stdio: 'inherit' });

const names = args.length > 0 ? args : actionNames();

// Second entries, bundled beside an action's index.js: helm starts the
// post-renderer once per upgrade, so it gets a bundle of the rendering chain
// alone instead of the whole action (src/render/post-render.ts).
const EXTRA_ENTRIES = {
  'helm-deploy': { 'post-render.js': 'post-render.ts' },
};

async function bundle(name, entry, filename = 'index.js') {
  return ncc(entry, {
    filename,
    minify: true,
    sourceMap: false,
    quiet: true,
    target: 'es2023',
    transpileOnly: true,
  }).catch((error) => {
    // ncc's errors quote whole minified lines; keep the part a reader needs.
    console.error(
      `${name}: bundling ${entry} failed: ${String(error?.message ?? error).slice(0, 2000)}`,
    );
    process.exit(1);
  });
}

/**
 * A bundle's text with every character outside ASCII written as a `\\u`
 * escape. V8 keeps a script's source in memory while it runs, one byte per
 * character only while every character fits in one: a single `…` in a
 * message doubles the memory of the whole file. An escape means the same
 * character in a string, template, regular expression, identifier or
 * comment, except after a backslash or in a raw template, which are refused.
 */
function asciiOnly(code, where) {
  const refuse = (why) => {
    console.error(`${where}: cannot write the bundle as ASCII: ${why}`);
    process.exit(1);
  };
  const afterBackslash = /(?<!\\)(?:\\\\)*\\[\u0080-\uffff]/.exec(code);
  if (afterBackslash)
    refuse(`a backslash before a non-ASCII character at offset ${afterBackslash.index}`);
  const raw = /String\.raw`[^`]*[\u0080-\uffff]/.exec(code);
  if (raw) refuse(`a non-ASCII character in String.raw at offset ${raw.index}`);
  return code.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A chunk minified, then written as ASCII: less text for Node to read, parse
 * and keep while the action runs (ncc leaves chunks as webpack wrote them,
 * comments and all). Refuses what the minifier reports as an error.
 */
function minifiedChunk(code, where) {
  const result = minifySync(where, code, { module: true, compress: true, mangle: true });
  if (result.errors.length > 0) {
    console.error(`${where}: minifying failed: ${result.errors.map((e) => e.message).join('; ')}`);
    process.exit(1);
  }
  return asciiOnly(result.code, where);
}

/** The packages whose code a build holds, in every chunk (ncc's own licenses file covers only one chunk). */
function bundledPackages(stats, into = new Map()) {
  for (const module of stats.compilation.modules) {
    const match = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(module.resource ?? '');
    if (match) into.set(match[2], match[1]);
  }
  return into;
}

/** Each bundled package's name, license and license text, sorted by name. */
function licensesText(packages) {
  return [...packages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, dir]) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir)
        .sort()
        .find((entry) => /^(licen[cs]e|copying)(\.|$)/i.test(entry));
      const text = file
        ? readFileSync(join(dir, file), 'utf8').trim()
        : '(the package has no license file)';
      return `${name}\n${manifest.license ?? 'UNKNOWN'}\n${text}\n`;
    })
    .join('\n');
}

for (const name of names) {
  const started = Date.now();
  const entry = join(ROOT, 'actions', name, 'src', 'index.ts');
  const outDir = outRoot ? join(outRoot, name) : join(ROOT, 'actions', name, 'dist');
  // Type checking is `npm run typecheck`'s job; here it would make a bundle
  // depend on every file tsconfig includes, tests among them.
  const { code, assets, stats } = await bundle(name, entry);
  const packages = bundledPackages(stats);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.js'), asciiOnly(code, `${name}/dist/index.js`));
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const path = join(outDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      file.endsWith('.js')
        ? minifiedChunk(String(asset.source), `${name}/dist/${file}`)
        : asset.source,
    );
  }
  for (const [file, source] of Object.entries(EXTRA_ENTRIES[name] ?? {})) {
    // Named after its own file, its chunks (`<id>.post-render.js`) stay apart from index.js's.
    const extra = await bundle(name, join(ROOT, 'actions', name, 'src', source), file);
    writeFileSync(join(outDir, file), asciiOnly(extra.code, `${name}/dist/${file}`));
    for (const [chunk, asset] of Object.entries(extra.assets ?? {})) {
      if (!chunk.endsWith(`.${file}`)) continue;
      writeFileSync(
        join(outDir, chunk),
        minifiedChunk(String(asset.source), `${name}/dist/${chunk}`),
      );
    }
    bundledPackages(extra.stats, packages);
  }
  writeFileSync(join(outDir, 'licenses.txt'), licensesText(packages));
  const size = Buffer.byteLength(code);
  console.log(
    `${name}: dist/index.js ${(size / 1024).toFixed(0)} KiB (${Date.now() - started} ms)`,
  );
}
