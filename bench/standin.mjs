// The docker/build-push-action stand-in for the start-up row.
//
// The action's published bundle (dist/index.cjs in its repository) is not
// on npm or any other registry this machine reaches, so the closest thing
// that runs: its library, @docker/actions-toolkit (on npm), installed into
// a scratch directory outside the repository (never into package.json), and
// bench/standin/build-push-entry.mjs bundled with the repository's ncc into
// one file, as the action ships. The figures published for the real bundle
// are reported next to it.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ncc from '@vercel/ncc';
import { check } from './lib/measure.mjs';
import { BENCH, benchState } from './lib/paths.mjs';

export const TOOLKIT_VERSION = '0.101.0';

/** What the issue and research/build.md give for the real action (v7.3.0). */
export const PUBLISHED = { ms: 260, mib: 98, bundleBytes: 2_535_010 };

const PACKAGE = {
  name: 'build-push-standin',
  private: true,
  type: 'module',
  dependencies: {
    '@docker/actions-toolkit': TOOLKIT_VERSION,
    '@actions/core': '3.0.1',
    '@actions/exec': '3.0.0',
  },
};

export async function buildPushStandIn(log = () => {}) {
  const dir = benchState('build-push-standin');
  const packageText = `${JSON.stringify(PACKAGE, null, 2)}\n`;
  const packageFile = join(dir, 'package.json');
  const installed = join(dir, 'node_modules', '@docker', 'actions-toolkit', 'package.json');
  const current =
    existsSync(installed) &&
    existsSync(packageFile) &&
    readFileSync(packageFile, 'utf8') === packageText &&
    JSON.parse(readFileSync(installed, 'utf8')).version === TOOLKIT_VERSION;
  if (!current) {
    log(`  installing @docker/actions-toolkit@${TOOLKIT_VERSION} into ${dir}`);
    writeFileSync(packageFile, packageText);
    await check(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
      { cwd: dir, timeoutMs: 600_000 },
    );
  }
  const entry = join(dir, 'entry.mjs');
  copyFileSync(join(BENCH, 'standin', 'build-push-entry.mjs'), entry);
  // ncc looks for a tsconfig.json beside the entry (and warns through Node when there is none).
  writeFileSync(join(dir, 'tsconfig.json'), '{}\n');
  const { code } = await ncc(entry, { minify: true, quiet: true, target: 'es2023', cache: false });
  const out = join(dir, 'dist');
  mkdirSync(out, { recursive: true });
  const bundle = join(out, 'index.js');
  writeFileSync(bundle, code);
  return {
    bundle,
    size: statSync(bundle).size,
    description: `\`bench/standin/build-push-entry.mjs\`: the modules of @docker/actions-toolkit ${TOOLKIT_VERSION} (the library docker/build-push-action bundles) that the action's main.ts imports, bundled with ncc into one minified file as the action shipped until v6; it reads the inputs as the action does and, like it, first prints the runtime token's access controls and runs \`docker version\`. It carries only what the action's entry imports of the toolkit, not the action's own code, so the real bundle is heavier.`,
    env: (workspace) => ({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(dir, 'runner-temp'),
      INPUT_CONTEXT: '.',
      INPUT_TAGS: 'bench/storefront:1.0.0',
      INPUT_PUSH: 'false',
      'INPUT_BUILD-ARGS': '',
      INPUT_LABELS: '',
      INPUT_FILE: '',
    }),
  };
}
