import { existsSync, readdirSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of workspace packages, not their dist builds:
// every `@llmbench/<name>` import is aliased to `<packages|services>/<name>/src/index.ts`.
const root = import.meta.dirname;
const alias = ['packages', 'services'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => existsSync(join(root, dir, name, 'src', 'index.ts')))
    .map((name) => ({
      find: `@llmbench/${name}`,
      replacement: resolvePath(root, dir, name, 'src', 'index.ts'),
    })),
);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
