import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/index.js';
import { stepCommands } from './step-commands.js';

function commands(extra: Record<string, unknown>) {
  return stepCommands(
    parseManifest(
      JSON.stringify({
        namespace: 'shop',
        application: { name: 'web', type: 'worker', version: '1.0.0' },
        ...extra,
      }),
      'default.json',
    ),
  );
}

describe('what each build step runs in the builder', () => {
  it('turns each kind of step into its command line, in order', () => {
    const steps = commands({
      build: {
        build_steps: [
          { shell: './scripts/generate.sh --fast' },
          { gradle: { useWrapper: true, tasks: 'clean build' } },
          { gradle: { tasks: 'test' } },
          { maven: { goals: 'package' } },
          { maven: { useWrapper: true, goals: 'verify' } },
          { npm: { script: 'build' } },
          { npm: { command: 'ci' } },
          { go: { command: 'build ./...' } },
          { pip: { command: 'install --target dist -r requirements.txt' } },
          { make: {} },
          { make: { targets: 'release docs' } },
        ],
      },
    });
    expect(steps.map((s) => [s.index, s.path, s.kind, s.command])).toEqual([
      [1, '$.build.build_steps[0]', 'shell', './scripts/generate.sh --fast'],
      [2, '$.build.build_steps[1]', 'gradle', './gradlew --no-daemon --console=plain clean build'],
      [3, '$.build.build_steps[2]', 'gradle', 'gradle --no-daemon --console=plain test'],
      [4, '$.build.build_steps[3]', 'maven', 'mvn --batch-mode package'],
      [5, '$.build.build_steps[4]', 'maven', './mvnw --batch-mode verify'],
      [6, '$.build.build_steps[5]', 'npm', 'npm run build'],
      [7, '$.build.build_steps[6]', 'npm', 'npm ci'],
      [8, '$.build.build_steps[7]', 'go', 'go build ./...'],
      [
        9,
        '$.build.build_steps[8]',
        'pip',
        'python3 -m pip --no-input --disable-pip-version-check install --target dist -r requirements.txt',
      ],
      [10, '$.build.build_steps[9]', 'make', 'make'],
      [11, '$.build.build_steps[10]', 'make', 'make release docs'],
    ]);
  });

  it('runs build_command when there are no steps, and nothing when there is neither', () => {
    expect(commands({ build_command: 'make release' })).toEqual([
      { index: 1, path: '$.build_command', kind: 'build_command', command: 'make release' },
    ]);
    expect(commands({})).toEqual([]);
  });
});
