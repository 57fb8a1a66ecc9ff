// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Pure packages do no I/O: they may not import drivers, servers or SDKs (STYLE.md rule 1). */
const PURE_PACKAGES = ['eval-core', 'provider-params', 'tuning', 'judge', 'bfcl', 'contracts', 'loose-json'];
const IO_MODULES = [
  'pg',
  'ioredis',
  'bullmq',
  'express',
  'openai',
  'kysely',
  'ws',
  '@llmbench/db',
  '@llmbench/queue',
  '@llmbench/llm',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'services/web/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read env only in config.ts',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', 'tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: [
      '**/config.ts',
      'scripts/**',
      'bench/**',
      'tests/**',
      '**/test/**',
      'vitest.config.ts',
      'packages/testing/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['services/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...PURE_PACKAGES.map((name) => ({
    files: [`packages/${name}/src/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: IO_MODULES }] },
  })),
);
