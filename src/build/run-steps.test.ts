import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../errors.js';
import type { ExecResult } from '../exec.js';
import type { DockerRunSpec } from '../tools/docker.js';
import type { BuilderImage } from './catalog.js';
import { runBuildSteps } from './run-steps.js';
import type { StepCommand } from './step-commands.js';

const builder: BuilderImage = {
  name: 'nodejs',
  user: '10001:10001',
  toolchains: { nodejs: '18' },
  image: {
    reference: 'r/b:18@sha256:1',
    name: 'r/b:18',
    digest: 'sha256:1',
    pinned: 'r/b@sha256:1',
  },
};
const steps: StepCommand[] = [
  { index: 1, path: '$.build.build_steps[0]', kind: 'npm', command: 'npm ci' },
  { index: 2, path: '$.build.build_steps[1]', kind: 'shell', command: 'make "$TARGET"' },
];

let output: string[];
beforeEach(() => {
  output = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

function runner(results: ExecResult[]) {
  const specs: DockerRunSpec[] = [];
  return { specs, run: async (spec: DockerRunSpec) => (specs.push(spec), results.shift()!) };
}
const ok: ExecResult = { exitCode: 0, stdout: '', stderr: '' };

describe('running the build steps', () => {
  it('runs each step with sh -c in the builder, as the workspace user, each in its own log group', async () => {
    const docker = runner([ok, ok]);
    const workspace = { dir: '/ws', user: '1001:1001', copied: false, home: '/tmp' };
    await runBuildSteps(docker, builder, workspace, steps, {
      manifestFile: 'default.json',
      env: { APP_VERSION: '1.0.0' },
    });
    expect(docker.specs[1]).toEqual({
      image: 'r/b@sha256:1',
      command: ['sh', '-c', 'exec 2>&1; sh -c "$1"', 'build-step', 'make "$TARGET"'],
      user: '1001:1001',
      workdir: '/workspace',
      mounts: [{ source: '/ws', target: '/workspace' }],
      env: { CI: 'true', HOME: '/tmp', APP_VERSION: '1.0.0' },
    });
    expect(output.join('')).toContain(
      '::group::Build step 1/2 (npm): npm ci\n::endgroup::\n::group::Build step 2/2 (shell)',
    );
  });

  it('stops at the first failing step with its exit code and the end of its log', async () => {
    const log = Array.from({ length: 40 }, (_, i) => `\u001b[31mline ${i + 1}\u001b[0m`).join('\n');
    const docker = runner([{ exitCode: 2, stdout: log, stderr: '' }, ok]);
    const error = await runBuildSteps(
      docker,
      builder,
      { dir: '/ws', user: '10001:10001', copied: true, home: undefined },
      steps,
      {
        manifestFile: 'default.json',
      },
    ).catch((e: unknown) => e);
    expect(docker.specs).toHaveLength(1);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toMatch(
      /^Build step 1 of 2 \(\$\.build\.build_steps\[0\], npm\) failed with exit code 2: npm ci\nLast lines of its log:\n {2}line 16\n/,
    );
    expect(message).toMatch(/ {2}line 40$/);
    expect(message).not.toContain('line 15\n');
    expect((error as UserError).location).toEqual({ file: 'default.json' });
    expect(docker.specs[0]?.env).toEqual({ CI: 'true' });
  });

  it('reports docker failing to start the builder as that, not as a failed step', async () => {
    const docker = runner([
      {
        exitCode: 125,
        stdout: '',
        stderr: 'docker: Error response from daemon: manifest unknown: manifest unknown.\n',
      },
    ]);
    const error = await runBuildSteps(
      docker,
      builder,
      { dir: '/ws', user: '1:1', copied: false, home: undefined },
      steps,
      {
        manifestFile: 'default.json',
      },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^docker could not start the builder image nodejs: an image it needs does not exist/,
    );
  });
});
