import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { helms } from '../../test/fixtures/helm/harness.js';
import { readGoBuildInfo } from './go-buildinfo.js';
import { helmBinaryVersion } from './helm/build-version.js';

/**
 * The environment's real helm 3 and helm 4: the version read from the
 * binary's build info is the one `helm version` prints.
 */
describe.each(helms())('the build info of $name', ({ binary, major }) => {
  it('names helm and the commit it was built from', () => {
    const info = readGoBuildInfo(binary);
    expect(info?.path).toBe(`helm.sh/helm/v${major}/cmd/helm`);
    expect(info?.goVersion).toMatch(/^go1\.\d+/);
    expect(info?.settings['vcs.revision']).toMatch(/^[0-9a-f]{40}$/);
  });

  it('tells the version helm itself reports', () => {
    const reported = execFileSync(binary, ['version', '--template', '{{.Version}}'], {
      encoding: 'utf8',
    }).trim();
    expect(helmBinaryVersion(binary)).toBe(reported);
  });
});
