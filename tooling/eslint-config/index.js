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

/** Base config. `pure: true` forbids Node, DOM and host-library imports (engine, sheet). */
export function kaohe({ pure = false } = {}) {
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
    pure
      ? {
          files: ['src/**/*.ts'],
          ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/**/__tests__/**'],
          rules: { 'no-restricted-imports': ['error', { patterns: hostImports }] },
        }
      : {},
  );
}
