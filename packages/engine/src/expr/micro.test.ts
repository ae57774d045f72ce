import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpr } from './compile.ts';
import { BLANK, EXACT, FALSE, NUM, STR, TRUE, type MicroEnv, type MicroExpr } from './micro.ts';
import { MissingValue, type ExprEnv, type ExprValue } from './types.ts';
import { q, round, type Q } from '../exact/exact.ts';
import { readRat } from '../fast/fixed.ts';

/** The rational evaluation's answer as the exact evaluator would give it: a value, 'missing'
 *  for a blank, or undefined when it hands the question to the exact evaluator. */
function answer(ex: MicroExpr, env: MicroEnv): ExprValue | 'missing' | undefined {
  const st = ex.ev(env);
  if (st === NUM) {
    // Both safe integers, the denominator positive: a pair the kernels can use as it is.
    expect(Number.isSafeInteger(ex.out.n) && Number.isSafeInteger(ex.out.d)).toBe(true);
    expect(ex.out.d).toBeGreaterThan(0);
    return q(ex.out.n).div(ex.out.d);
  }
  if (st === TRUE) return true;
  if (st === FALSE) return false;
  if (st === STR) return ex.out.s;
  if (st === BLANK) return 'missing';
  expect(st).toBe(EXACT);
  return undefined;
}

/** An environment of plain decimals read as the frame reads them. */
const ratEnv = (values: Record<string, string | boolean | null>): MicroEnv => ({
  ident: (name, out) => {
    const v = values[name];
    if (v === null || v === undefined) return BLANK;
    if (typeof v === 'boolean') return v ? TRUE : FALSE;
    return readRat(v, out) ? NUM : EXACT;
  },
});

const ids = ['a', 'b', 'c', 'flag'] as const;
const types = new Map([
  ['a', 'number'],
  ['b', 'number'],
  ['c', 'number'],
  ['flag', 'boolean'],
] as const);

const { expr: anyExpr } = fc.letrec((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', '0', '1', '0.5', '92', '107.25', '1000'),
    fc
      .tuple(tie('num'), fc.constantFrom('+', '-', '*', '/'), tie('num'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('num').map((x) => `-(${x})`),
    fc.tuple(tie('num'), tie('num')).map(([x, y]) => `min(${x}, ${y})`),
    tie('num').map((x) => `floor(${x})`),
    fc.tuple(tie('bool'), tie('num'), tie('num')).map(([t, x, y]) => `(${t} ? ${x} : ${y})`),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('flag', 'true', 'blank(c)'),
    fc
      .tuple(tie('num'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num'))
      .map(([l, op, r]) => `${l} ${op} ${r}`),
    fc
      .tuple(tie('bool'), fc.constantFrom('&&', '||'), tie('bool'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('bool').map((x) => `!(${x})`),
  ),
  expr: fc.oneof(tie('num'), tie('bool')),
}));

const expr = anyExpr as fc.Arbitrary<string>;
const decimal = fc.integer({ min: -200_000, max: 200_000 }).map((i) => (i / 1000).toString());

describe('the rational evaluation (hot path)', () => {
  it('returns exactly what the exact evaluator returns, or hands the question over', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        expr,
        decimal,
        decimal,
        fc.option(decimal, { nil: null }),
        fc.boolean(),
        (source, a, b, c, flag) => {
          const compiled = compileExpr(source, { identifiers: new Set(ids), types });
          if (!compiled.ok) return;
          const values: Record<string, string | boolean | null> = { a, b, c, flag };
          const env: ExprEnv = {
            ident: (name) => {
              const v = values[name];
              if (v === null || v === undefined) return new MissingValue(name);
              return typeof v === 'boolean' ? v : q(v);
            },
          };
          let exact: ExprValue | 'error' | 'missing';
          try {
            const v = compiled.expr.evaluate(env);
            exact = v instanceof MissingValue ? 'missing' : v;
          } catch (e) {
            // A MissingValue is returned, never thrown: only a real evaluation error lands here.
            if (e instanceof MissingValue) throw e;
            exact = 'error';
          }
          const fast = answer(compiled.expr.micro, ratEnv(values));
          if (fast === undefined) return;
          answered++;
          if (typeof exact === 'object' && typeof fast === 'object')
            expect((fast as Q).equals(exact)).toBe(true);
          else expect(fast).toBe(exact);
        },
      ),
      { numRuns: Number(process.env.MICRO_RUNS ?? 3000), seed: 13 },
    );
    // Ratios with no finite decimal form (a / 3) are answered too: nearly every case is.
    expect(answered).toBeGreaterThan(2500);
  });

  it('keeps ratios without a finite decimal form exact, and rounds them once, as the exact evaluator does', () => {
    const sources = ['a * 10000 / b', '(a + c) / b', 'a / (b - c)', 'a / b * 100', 'a / b / 3 * 3'];
    const modes = ['half-up', 'half-even', 'down', 'up'] as const;
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -9e9, max: 9e9 }),
        fc.integer({ min: 1, max: 9e6 }),
        fc.integer({ min: -1000, max: 1000 }),
        (source, mode, dp, a, b, c) => {
          const compiled = compileExpr(source, { identifiers: new Set(ids), types });
          if (!compiled.ok) throw new Error(source);
          const values = { a: String(a / 10000), b: String(b), c: String(c) };
          const envOf: ExprEnv = { ident: (name) => q(values[name as keyof typeof values]) };
          let exact: Q | 'error';
          try {
            exact = round(compiled.expr.evaluate(envOf) as Q, { dp, mode });
          } catch {
            exact = 'error';
          }
          const fast = answer(compiled.expr.microRounded(dp, mode), ratEnv(values));
          if (fast === undefined) return;
          answered++;
          expect(exact).not.toBe('error');
          expect((fast as Q).equals(exact as Q)).toBe(true);
        },
      ),
      { numRuns: 3000, seed: 14 },
    );
    expect(answered).toBeGreaterThan(2900);
  });

  it('compares without dividing: 3 × (3 ÷ 360) ÷ 0.2 is exactly 1/8, budgets per head past 6 places', () => {
    const compile = (source: string) => {
      const c = compileExpr(source, { identifiers: new Set(ids), types });
      if (!c.ok) throw new Error(source);
      return c.expr.micro;
    };
    // 3 × 3/360 ÷ 0.2 = 9/72 = 1/8 = 0.125 exactly (dividing first at 28 digits gives 0.1249…)
    expect(answer(compile('3 * (3 / 360) / 0.2 == 0.125'), ratEnv({}))).toBe(true);
    // 18,000,001 yuan over 818,182 people is 22.0000… per head (4 places would say 22.0000):
    // 18000001 / 818182 − 22 = (18000001 − 18000004) / 818182 < 0
    expect(answer(compile('a / b >= 22'), ratEnv({ a: '18000001', b: '818182' }))).toBe(false);
    // rates with 6 places against a target with 5: 0.923456 ≥ 0.92345
    expect(answer(compile('a >= 0.92345'), ratEnv({ a: '0.923456' }))).toBe(true);
    // a product past the safe range is not guessed at: the exact evaluator takes it
    expect(answer(compile('a * a * a'), ratEnv({ a: '123456789.123' }))).toBeUndefined();
    // a comparison whose cross products pass the safe range is decided with BigInt:
    // 9007199254740991/3 vs 3002399751580330/1: 9007199254740991 > 9007199254740990
    expect(
      answer(compile('a / 3 > b'), ratEnv({ a: '9007199254740991', b: '3002399751580330' })),
    ).toBe(true);
  });
});
