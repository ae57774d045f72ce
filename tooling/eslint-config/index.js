// Shared lint rules for every workspace package: one config, applied everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';

const hostImports = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'The core is pure: no Node APIs here.',
  },
  {
    group: ['exceljs', 'react', 'react-dom', '@fluentui/*', '@microsoft/office-js'],
    message: 'The core is pure: no host libraries here.',
  },
];

const TEST_FILES = [
  'src/**/*.test.ts',
  'src/**/*.test.tsx',
  'src/**/*.bench.ts',
  'src/**/__tests__/**',
];

/**
 * Base config. `pure: true` forbids Node, DOM and host-library imports (engine, sheet).
 * `root` (the package folder: `import.meta.dirname`) turns on typescript-eslint's type-checked
 * rules for the package's shipped sources (src/, tests excepted), through its tsconfig.json.
 */
export function kaohe({ pure = false, root = undefined } = {}) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', '**/*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      plugins: { unicorn },
      rules: {
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { fixStyle: 'inline-type-imports' },
        ],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        'no-restricted-syntax': [
          'error',
          { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
          { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
          { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
        ],
        'unicorn/filename-case': ['error', { cases: { kebabCase: true, pascalCase: true } }],
        'no-console': 'off',
      },
    },
    {
      files: ['**/*.config.*', 'eslint.config.js', 'vite.config.*', 'vitest.config.*'],
      rules: { 'no-restricted-syntax': 'off' },
    },
    root
      ? {
          files: ['src/**/*.ts', 'src/**/*.tsx'],
          ignores: TEST_FILES,
          extends: [tseslint.configs.recommendedTypeCheckedOnly],
          rules: {
            // An async method implementing a Promise-returning port reads better than
            // Promise.resolve, and turns a throw into a rejection as callers expect.
            '@typescript-eslint/require-await': 'off',
          },
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
        }
      : {},
    pure
      ? {
          files: ['src/**/*.ts'],
          ignores: TEST_FILES,
          rules: { 'no-restricted-imports': ['error', { patterns: hostImports }] },
        }
      : {},
  );
}
