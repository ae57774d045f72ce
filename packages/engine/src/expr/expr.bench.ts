// Hot path: one compiled expression evaluated per unit. Run with
// `pnpm --filter @kaohe/engine exec vitest bench --run src/expr`.
import { bench, describe } from 'vitest';
import { q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import type { CompiledExpr, ExprEnv, ExprValue } from './types.ts';

function compiled(source: string, ids: string[]): CompiledExpr {
  const r = compileExpr(source, { identifiers: new Set(ids) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.expr;
}

// 1,000 units with varied values, as decoded inputs.
const units: Record<string, ExprValue>[] = Array.from({ length: 1000 }, (_, i) => ({
  policy_rate: q(`${85 + (i % 15)}.${i % 10}`),
  births: q(40 + (i % 37)),
  pop: q(8000 + i * 7),
  budget: q(`${1200 + i}.5`),
}));
const envs: ExprEnv[] = units.map((values) => ({ ident: (name) => values[name] as ExprValue }));
// The same units all at 95 %, so && never short-circuits: the division always runs.
const passing: ExprEnv[] = units
  .map((values): Record<string, ExprValue> => ({ ...values, policy_rate: q(95) }))
  .map((values) => ({ ident: (name) => values[name] as ExprValue }));

const gate = compiled('policy_rate >= 92 && births / pop * 1000 <= 8', [
  'policy_rate',
  'births',
  'pop',
]);
const blend = compiled('round(clamp(3 - (92 - policy_rate) * 0.5, 0, 3) + budget / pop, 2)', [
  'policy_rate',
  'budget',
  'pop',
]);
const source = 'policy_rate >= 92 && births / pop * 1000 <= 8';

describe('expressions', () => {
  let i = 0;
  bench('evaluate: policy_rate >= 92 && births / pop * 1000 <= 8', () => {
    gate.evaluate(envs[i++ % envs.length] as ExprEnv);
  });
  bench('evaluate, full path (rate always ≥ 92): the same', () => {
    gate.evaluate(passing[i++ % passing.length] as ExprEnv);
  });
  bench('evaluate: round(clamp(3 - (92 - policy_rate) * 0.5, 0, 3) + budget / pop, 2)', () => {
    blend.evaluate(envs[i++ % envs.length] as ExprEnv);
  });
  bench('compile: policy_rate >= 92 && births / pop * 1000 <= 8', () => {
    compiled(source, ['policy_rate', 'births', 'pop']);
  });
});
