import type { AppManifest, BuildStep } from '../manifest/index.js';

/**
 * What each build step runs inside the builder container: the command line
 * the user wrote for a shell step or build_command, and for the tool steps
 * the tool with their arguments, non-interactive as CI needs. Each runs with
 * `sh -c` in the container; never on the runner's own shell.
 */
export interface StepCommand {
  /** 1-based position, for messages. */
  readonly index: number;
  /** The JSON path of the step in default.json. */
  readonly path: string;
  readonly kind: BuildStep['kind'] | 'build_command';
  readonly command: string;
}

export function stepCommands(manifest: AppManifest): StepCommand[] {
  const { steps, command } = manifest.build;
  if (steps.length === 0) {
    return command === undefined
      ? []
      : [{ index: 1, path: '$.build_command', kind: 'build_command', command }];
  }
  return steps.map((step, i) => ({
    index: i + 1,
    path: `$.build.build_steps[${i}]`,
    kind: step.kind,
    command: commandLine(step),
  }));
}

export function commandLine(step: BuildStep): string {
  switch (step.kind) {
    case 'shell':
      return step.command;
    case 'gradle':
      return `${step.useWrapper ? './gradlew' : 'gradle'} --no-daemon --console=plain ${step.tasks}`;
    case 'maven':
      return `${step.useWrapper ? './mvnw' : 'mvn'} --batch-mode ${step.goals}`;
    case 'npm':
      return `npm ${step.command}`;
    case 'go':
      return `go ${step.command}`;
    case 'pip':
      // pip through the builder's python3 (no pip/pip3 name to guess), never asking.
      return `python3 -m pip --no-input --disable-pip-version-check ${step.command}`;
    case 'make':
      return step.targets ? `make ${step.targets}` : 'make';
  }
}
