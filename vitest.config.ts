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
          exclude: ['**/*.itg.test.ts', '**/node_modules/**', '.tmp/**'],
          testTimeout: 20_000,
          // @actions/workflow-parser imports its JSON schema without an import
          // attribute, which Node refuses; let vite transform it instead.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        // The committed bundles equal a fresh build. Kept apart from the unit
        // project: it fails on any edit to src/ until `npm run build`, which
        // says nothing about behaviour.
        test: {
          name: 'bundles',
          include: ['test/bundles/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.itg.test.ts'],
          exclude: ['**/node_modules/**', '.tmp/**'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
