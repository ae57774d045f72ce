import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpr } from './compile.ts';
import { FALLBACK, type MicroEnv } from './micro.ts';
import { MissingValue, type ExprEnv, type ExprValue } from './types.ts';
import { fmt, q, round } from '../exact/exact.ts';
import { toMicro } from '../fast/fixed.ts';

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

describe('the integer (micro) evaluation', () => {
  it('returns exactly what the exact evaluator returns, or falls back', () => {
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
              if (v === null || v === undefined) throw new MissingValue(name);
              return typeof v === 'boolean' ? v : q(v);
            },
          };
          const menv: MicroEnv = {
            ident: (name) => {
              const v = values[name];
              if (v === null || v === undefined) throw new MissingValue(name);
              return typeof v === 'boolean' ? v : (toMicro(v) as number);
            },
          };
          let exact: ExprValue | 'error' | 'missing';
          try {
            exact = compiled.expr.evaluate(env);
          } catch (e) {
            exact = e instanceof MissingValue ? 'missing' : 'error';
          }
          let micro: unknown;
          try {
            micro = compiled.expr.micro(menv);
          } catch (e) {
            if (e === FALLBACK) return;
            micro = e instanceof MissingValue ? 'missing' : 'threw';
          }
          answered++;
          if (typeof exact === 'object') {
            let text: string | undefined;
            try {
              text = fmt(exact);
            } catch {
              text = undefined;
            }
            expect(micro).toBe(text === undefined ? undefined : toMicro(text));
          } else {
            expect(micro).toBe(exact);
          }
        },
      ),
      { numRuns: Number(process.env.MICRO_RUNS ?? 3000) },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('rounds a derived ratio exactly as the exact evaluator rounds it, on safe integers and on wide ones past their range', () => {
    const menvOf = (values: Record<string, string>): MicroEnv => ({
      ident: (name) => toMicro(values[name] as string) as number,
    });
    const envOf = (values: Record<string, string>): ExprEnv => ({
      ident: (name) => q(values[name] as string),
    });
    const sources = ['a * 10000 / b', '(a + c) / b', 'a / (b - c)', 'a / b * 100'];
    const modes = ['half-up', 'half-even', 'down', 'up'] as const;
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -9e9, max: 9e9 }),
        fc.integer({ min: 1, max: 9e6 }),
        fc.integer({ min: -1000, max: 1000 }),
        (source, mode, dp, a, b, c) => {
          const compiled = compileExpr(source, { identifiers: new Set(ids), types });
          if (!compiled.ok) throw new Error(source);
          const values = { a: String(a / 100), b: String(b), c: String(c) };
          let exact: string | 'error';
          try {
            exact = fmt(
              round(compiled.expr.evaluate(envOf(values)) as ReturnType<typeof q>, { dp, mode }),
            );
          } catch {
            exact = 'error';
          }
          try {
            const micro = compiled.expr.microRounded(dp, mode)(menvOf(values));
            expect(micro).toBe(toMicro(exact));
            answered++;
          } catch (e) {
            if (e !== FALLBACK) throw e;
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(2000);
  });
});
