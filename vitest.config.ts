import { defineConfig } from 'vitest/config';

// Tests run against TypeScript sources of the workspace packages, not their dist builds.
const resolve = { conditions: ['@llmbench/source', 'import', 'node', 'default'] };

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: resolve.conditions, externalConditions: ['@llmbench/source'] } },
  test: {
    projects: [
      {
        resolve,
        ssr: { resolve: { conditions: resolve.conditions } },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        ssr: { resolve: { conditions: resolve.conditions } },
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
