import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests next to the code, and integration suites
// (*.itg.test.ts) that drive the real docker, registries, helm and API server
// started by test/env/up. Integration files run one at a time: two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'actions/*/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.itg.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.itg.test.ts'],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
