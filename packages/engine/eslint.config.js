import { kaohe } from '@kaohe/eslint-config';

export default [
  ...kaohe({ pure: true, root: import.meta.dirname }),
  {
    // The scoring hot path throws cheap sentinels (FALLBACK, MissingValue), not Errors, to leave
    // the integer path or mark a blank without building a stack trace (README, "Speed").
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
];
