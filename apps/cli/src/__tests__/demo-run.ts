// One demo run for all workbook tests, made once in vitest's global setup: its templates,
// filled and scored workbooks are the inputs of the template, score and review tests.
import { join } from 'node:path';
import { inject } from 'vitest';
import type { DemoRuns } from './provided.ts';

export interface DemoDir extends DemoRuns {
  rules: string;
  filled: (name: string) => string;
  scored: string;
}

export function demoDir(): DemoDir {
  const runs = inject('demo');
  return {
    ...runs,
    rules: join('demo', 'baotou-2012.json'),
    filled: (name) => join('demo', '2-filled', `${name}.xlsx`),
    scored: join('demo', '3-scored'),
  };
}
