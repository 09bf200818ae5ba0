// The helm-diff plugin (databus23/helm-diff), built from the Go module proxy
// once and kept under $PIPELINE_ACTIONS_HOME/bin/helm-diff-<version>/ as a
// plugin directory helm 3 loads through HELM_PLUGINS.
//
// v3.9.11: the newest release whose go.mod the checksum database serves here
// (v3.9.14 and v3.9.5 are on the proxy, but sum.golang.org answers 404 for
// them; the proxy's version list answers 403, which is also why `go install
// …@version` is refused and a wrapper module builds it, as test/env does for
// Kubernetes). It is built on the helm v3.16 SDK, so it runs under helm 3.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from '../../test/env/environment.ts';
import { check, run } from './measure.mjs';

export const HELM_DIFF_VERSION = 'v3.9.11';

/** Returns { plugins: dir for HELM_PLUGINS, version } or { unavailable: why }. */
export async function ensureHelmDiff(log) {
  const home = stateDir();
  const dir = join(home, 'bin', `helm-diff-${HELM_DIFF_VERSION}`);
  const plugin = join(dir, 'plugins', 'diff');
  const binary = join(plugin, 'bin', 'diff');
  if (!existsSync(join(dir, '.complete'))) {
    const go = await run('go', ['version']).catch(() => undefined);
    if (!go || go.code !== 0)
      return { unavailable: 'Go is not installed (test/env/up installs it)' };
    log(`  building helm-diff ${HELM_DIFF_VERSION} from the Go module proxy (once; minutes)`);
    const wrapper = join(home, 'go', 'wrappers', `helm-diff-${HELM_DIFF_VERSION}`);
    mkdirSync(wrapper, { recursive: true });
    writeFileSync(
      join(wrapper, 'go.mod'),
      `module pipeline-actions.local/wrappers/helm-diff\n\ngo 1.24\n\nrequire github.com/databus23/helm-diff/v3 ${HELM_DIFF_VERSION}\n`,
    );
    writeFileSync(
      join(wrapper, 'tools.go'),
      '//go:build tools\n\npackage tools\n\nimport _ "github.com/databus23/helm-diff/v3"\n',
    );
    const goEnv = {
      ...process.env,
      GOMODCACHE: join(home, 'go', 'mod'),
      GOCACHE: join(home, 'go', 'build'),
      GOPATH: join(home, 'go', 'path'),
      GOFLAGS: '-buildvcs=false -mod=mod',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
    };
    mkdirSync(join(plugin, 'bin'), { recursive: true });
    const logFile = join(home, 'logs', `build-helm-diff-${HELM_DIFF_VERSION}.log`);
    mkdirSync(join(home, 'logs'), { recursive: true });
    try {
      const tidy = await check('go', ['mod', 'tidy'], {
        cwd: wrapper,
        env: goEnv,
        timeoutMs: 1_800_000,
      });
      const build = await check(
        'go',
        [
          'build',
          '-trimpath',
          '-ldflags',
          '-s -w',
          '-o',
          binary,
          'github.com/databus23/helm-diff/v3',
        ],
        { cwd: wrapper, env: goEnv, timeoutMs: 3_600_000 },
      );
      writeFileSync(logFile, `${tidy.stderr}\n${build.stderr}`);
    } catch (error) {
      writeFileSync(logFile, String(error.message));
      return { unavailable: `building helm-diff ${HELM_DIFF_VERSION} failed (log: ${logFile})` };
    }
    writeFileSync(
      join(plugin, 'plugin.yaml'),
      [
        'name: diff',
        `version: ${HELM_DIFF_VERSION.slice(1)}`,
        'usage: Preview helm upgrade changes as a diff',
        'description: Preview helm upgrade changes as a diff (built by bench/lib/helm-diff.mjs)',
        'useTunnel: true',
        'command: $HELM_PLUGIN_DIR/bin/diff',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, '.complete'), `${new Date().toISOString()}\n`);
  }
  return { plugins: join(dir, 'plugins'), version: HELM_DIFF_VERSION };
}
