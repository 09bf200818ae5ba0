import * as core from '../core.js';
import { UserError } from '../errors.js';
import type { ExecResult } from '../exec.js';
import { dockerFailure, type DockerRunSpec } from '../tools/docker.js';
import type { BuilderImage } from './catalog.js';
import type { StepCommand } from './step-commands.js';
import { CONTAINER_WORKSPACE, type BuildWorkspace } from './workspace.js';

/** What runs a container: the Docker wrapper, or a test's stand-in. */
export interface ContainerRunner {
  run(spec: DockerRunSpec): Promise<ExecResult>;
}

export interface RunStepsOptions {
  /** default.json, named in errors. */
  manifestFile: string;
  /** Extra environment for every step (CI, the app's name and version). */
  env?: Readonly<Record<string, string>>;
}

/** Lines of a failed step's log quoted in its error. */
export const FAILED_STEP_LOG_LINES = 25;

/**
 * Runs the build steps in order inside the builder image, each in its own
 * collapsible log group, each as `sh -c` in the container with its stderr
 * merged into stdout so the end of the log reads in order. The first step
 * that fails stops the build with its exit code and the end of its log.
 */
export async function runBuildSteps(
  docker: ContainerRunner,
  builder: BuilderImage,
  workspace: BuildWorkspace,
  steps: readonly StepCommand[],
  options: RunStepsOptions,
): Promise<void> {
  for (const step of steps) {
    core.startGroup(`Build step ${step.index}/${steps.length} (${step.kind}): ${step.command}`);
    let result: ExecResult;
    try {
      result = await docker.run(stepContainer(builder, workspace, step, options.env ?? {}));
    } finally {
      core.endGroup();
    }
    if (result.exitCode === 0) continue;
    if (
      result.exitCode === 125 &&
      /Error response from daemon|Unable to find image|^docker: /m.test(result.stderr)
    ) {
      throw dockerFailure(
        ['run', builder.image.pinned],
        result,
        `start the builder image ${builder.name}`,
      );
    }
    throw stepFailed(step, steps.length, result, builder, options.manifestFile);
  }
}

export function stepContainer(
  builder: BuilderImage,
  workspace: BuildWorkspace,
  step: StepCommand,
  env: Readonly<Record<string, string>>,
): DockerRunSpec {
  return {
    image: builder.image.pinned,
    // The step is the user's own command line, run by the container's shell:
    // the outer shell only merges stderr into stdout and hands it over as $1.
    command: ['sh', '-c', 'exec 2>&1; sh -c "$1"', 'build-step', step.command],
    user: workspace.user,
    workdir: CONTAINER_WORKSPACE,
    mounts: [{ source: workspace.dir, target: CONTAINER_WORKSPACE }],
    env: { CI: 'true', ...(workspace.home ? { HOME: workspace.home } : {}), ...env },
  };
}

function stepFailed(
  step: StepCommand,
  total: number,
  result: ExecResult,
  builder: BuilderImage,
  manifestFile: string,
): UserError {
  const tail = lastLines(result.stdout + result.stderr, FAILED_STEP_LOG_LINES);
  const log =
    tail.length > 0
      ? `\nLast lines of its log:\n${tail.map((l) => `  ${l}`).join('\n')}`
      : ' (it wrote nothing)';
  return new UserError(
    `Build step ${step.index} of ${total} (${step.path}, ${step.kind}) failed with exit code ${result.exitCode}: ${step.command}${log}`,
    {
      fix: `make the step succeed; it runs as \`sh -c\` in ${builder.image.pinned} (builder "${builder.name}"), in the repository root, as a non-root user.`,
      location: { file: manifestFile },
    },
  );
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function lastLines(text: string, count: number): string[] {
  return text
    .replace(ANSI, '')
    .split(/\r?\n|\r/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-count);
}
