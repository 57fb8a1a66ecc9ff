import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of workspace packages, not their dist builds:
// every `@llmbench/<name>` import is aliased to `<packages|services>/<name>/src/index.ts`, and a
// subpath export (`@llmbench/<name>/<sub>`) to the source its `@llmbench/source` condition names.
const root = import.meta.dirname;

type Exports = Record<string, { '@llmbench/source'?: string } | string>;

/** Aliases of a package's subpath exports; listed before the package's own alias, which would match them too. */
function subpathAliases(dir: string, name: string) {
  const pkg = JSON.parse(readFileSync(join(root, dir, name, 'package.json'), 'utf8')) as {
    exports?: Exports;
  };
  return Object.entries(pkg.exports ?? {}).flatMap(([key, target]) => {
    const source = typeof target === 'object' ? target['@llmbench/source'] : undefined;
    if (key === '.' || !source) return [];
    return [{ find: `@llmbench/${name}${key.slice(1)}`, replacement: resolvePath(root, dir, name, source) }];
  });
}

const alias = ['packages', 'services'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => existsSync(join(root, dir, name, 'src', 'index.ts')))
    .flatMap((name) => [
      ...subpathAliases(dir, name),
      { find: `@llmbench/${name}`, replacement: resolvePath(root, dir, name, 'src', 'index.ts') },
    ]),
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
