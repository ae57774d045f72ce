import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmt, q, type Q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import { ExprEvalError } from './errors.ts';
import {
  MissingValue,
  type CompileOptions,
  type CompiledExpr,
  type ExprEnv,
  type ExprValue,
} from './types.ts';

type Values = Record<string, ExprValue | null>;

function envOf(values: Values, seen: string[] = []): ExprEnv {
  return {
    ident(name) {
      seen.push(name);
      const v = values[name];
      if (v === null || v === undefined) return new MissingValue(name);
      return v;
    },
  };
}

function compile(source: string, options: Partial<CompileOptions> = {}): CompiledExpr {
  const r = compileExpr(source, {
    identifiers: new Set(['a', 'b', 'c', 'x', 's', 't', 'f']),
    ...options,
  });
  if (!r.ok) throw new Error(`did not compile: ${JSON.stringify(r.errors)}`);
  return r.expr;
}

const run = (source: string, values: Values = {}): ExprValue | MissingValue =>
  compile(source).evaluate(envOf(values));
const num = (source: string, values: Values = {}): string => {
  const v = run(source, values);
  if (v instanceof MissingValue || typeof v !== 'object')
    throw new Error(`not a number: ${String(v)}`);
  return fmt(v);
};

function evalError(source: string, values: Values = {}): ExprEvalError {
  try {
    run(source, values);
  } catch (error) {
    if (error instanceof ExprEvalError) return error;
    throw error;
  }
  throw new Error(`${source} evaluated without error`);
}

describe('exact arithmetic', () => {
  it('adds decimals exactly: 0.1 + 0.2 == 0.3', () => {
    expect(run('0.1 + 0.2 == 0.3')).toBe(true);
    expect(num('0.1 + 0.2')).toBe('0.3');
  });
  it('divides once, last: 3 * (3 / 360) / 0.2 is exactly 0.125', () => {
    expect(num('3 * (3 / 360) / 0.2')).toBe('0.125');
    expect(run('3 * (3 / 360) / 0.2 == 0.125')).toBe(true);
  });
  it('reads literals from their text, not through a float', () => {
    expect(run('0.30000000000000004 == 0.3')).toBe(false);
    expect((run('0.30000000000000004') as Q).toFraction()).toBe(
      '7500000000000001/25000000000000000',
    );
    expect(num('12345678901234567890.123')).toBe('12345678901234567890.123');
    expect(num('.5 + 5.')).toBe('5.5');
    expect(num('13 - 3 * 0.1')).toBe('12.7');
  });
  it('keeps 1/3 exact until a comparison', () => {
    expect(run('1 / 3 * 3 == 1')).toBe(true);
  });
  it('uses input values as given', () => {
    expect(num('a * b', { a: q('0.85'), b: q(120) })).toBe('102');
  });
});

describe('precedence and operators', () => {
  it('binds * / before + -, and left to right', () => {
    expect(num('2 + 3 * 4')).toBe('14');
    expect(num('(2 + 3) * 4')).toBe('20');
    expect(num('10 - 4 - 3')).toBe('3');
    expect(num('8 / 4 / 2')).toBe('1');
    expect(num('-2 * -3')).toBe('6');
    expect(num('- (1 - 3)')).toBe('2');
  });
  it('binds comparison before && before ||', () => {
    expect(run('1 < 2 && 3 > 4 || 5 >= 5')).toBe(true);
    expect(run('1 < 2 and (3 > 4 or 5 <= 4)')).toBe(false);
    expect(run('not (1 == 1)')).toBe(false);
    expect(run('!(1 != 1)')).toBe(true);
  });
  it('compares numbers exactly, and strings and booleans by value', () => {
    expect(run('a >= 92', { a: q('92.0') })).toBe(true);
    expect(run('a > 92', { a: q('92.0000001') })).toBe(true);
    expect(run("s == '优秀'", { s: '优秀' })).toBe(true);
    expect(run("s != '优秀'", { s: '良好' })).toBe(true);
    expect(run('f == false', { f: false })).toBe(true);
  });
  it('accepts ≥ ≤ ≠ and full-width operators', () => {
    expect(run('a ≥ 92 && a ≤ 100 && a ≠ 93', { a: q(92) })).toBe(true);
    expect(run('（a ＋ 1）× 2 ＞＝ 6 ', { a: q(2) })).toBe(true);
    expect(run('max（a ， 3） ÷ 2', { a: q(2) })).toEqual(q('1.5'));
  });
  it('chooses a ternary branch and evaluates only that one', () => {
    const seen: string[] = [];
    const e = compile('a > 0 ? b : c');
    expect(e.evaluate(envOf({ a: q(1), b: 'yes', c: null }, seen))).toBe('yes');
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('short-circuit and laziness', () => {
  it('does not evaluate the right side of && and || when decided', () => {
    const seen: string[] = [];
    expect(compile('f && x > 1').evaluate(envOf({ f: false, x: null }, seen))).toBe(false);
    expect(compile('t || x > 1').evaluate(envOf({ t: true, x: null }, seen))).toBe(true);
    expect(seen).toEqual(['f', 't']);
  });
  it('evaluates only the chosen branch of if()', () => {
    expect(num('if(a > 0, a, 1 / 0)', { a: q(2) })).toBe('2');
    expect(num('if(a > 0, x, b)', { a: q(-1), x: null, b: q(7) })).toBe('7');
    expect(run('if(a > 0, x, b)', { a: q(1), x: null, b: q(7) })).toBeInstanceOf(MissingValue);
  });
});

describe('evaluation errors', () => {
  it('is a type error to add text and a number, at the operator', () => {
    const e = evalError('s + 1', { s: 'abc' });
    expect(e.code).toBe('type');
    expect(e.position).toBe(2);
    expect(e.msg.zh).toBe("表达式第3个字符处:“+” 需要数值，得到的是文本 'abc'");
    expect(e.msg.en).toBe("at character 3: “+” needs a number, got text 'abc'");
    expect(e.source).toBe('s + 1');
  });
  it('refuses && on numbers and == across types', () => {
    expect(evalError('a && true', { a: q(1) }).code).toBe('type');
    const e = evalError("a == '1'", { a: q(1) });
    expect(e.code).toBe('type');
    expect(e.position).toBe(2);
    expect(e.msg.en).toContain('number 1 and text');
  });
  it('refuses a non-boolean condition', () => {
    expect(evalError('a ? 1 : 2', { a: q(1) }).position).toBe(0);
    expect(evalError('1 + if(a, 1, 2)', { a: 'x' }).position).toBe(4);
  });
  it('reports division by zero with its position', () => {
    const e = evalError('a / (b - 2)', { a: q(3), b: q(2) });
    expect(e.code).toBe('division-by-zero');
    expect(e.position).toBe(2);
    expect(e.msg.zh).toContain('除数为零');
  });
  it('returns the MissingValue unchanged', () => {
    const missing = new MissingValue('births');
    const env: ExprEnv = { ident: () => missing };
    expect(compile('min(a, 3) + 1').evaluate(env)).toBe(missing);
  });
});

describe('blank()', () => {
  it('is true exactly when the input is missing, and does not count as a reference', () => {
    const e = compile('blank(x) ? 0 : x * 2');
    expect(e.evaluate(envOf({ x: null }))).toEqual(q(0));
    expect(fmt(e.evaluate(envOf({ x: q('1.5') })) as Q)).toBe('3');
    expect(compile('blank(x)').identifiers).toEqual([]);
    expect(e.identifiers).toEqual(['x']);
  });
  it('passes other errors through', () => {
    const env: ExprEnv = {
      ident() {
        throw new RangeError('broken input');
      },
    };
    expect(() => compile('blank(x)').evaluate(env)).toThrow(RangeError);
  });
});

describe('identifiers', () => {
  it('lists identifiers in order of first use, once each', () => {
    expect(compile('b + a * b - min(c, a)').identifiers).toEqual(['b', 'a', 'c']);
  });
});

describe('properties', () => {
  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
    .map(([n, dp]) => {
      const sign = n < 0n ? '-' : '';
      const digits = (n < 0n ? -n : n).toString().padStart(dp + 1, '0');
      return dp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
    });
  it('a + b - b == a for random decimals, also as literals', () => {
    const expr = compile('a + b - b == a');
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(expr.evaluate(envOf({ a: q(a), b: q(b) }))).toBe(true);
        expect(run(`${a} + (${b}) - (${b}) == ${a}`)).toBe(true);
        expect(num(`${a} + (${b}) - (${b})`)).toBe(fmt(q(a)));
      }),
    );
  });
  it('evaluation is deterministic', () => {
    const expr = compile('round(a * b / (abs(c) + 1), 2) + max(a, b, c)');
    fc.assert(
      fc.property(decimal, decimal, decimal, (a, b, c) => {
        const env = envOf({ a: q(a), b: q(b), c: q(c) });
        const first = expr.evaluate(env) as Q;
        const again = compile(expr.source).evaluate(env) as Q;
        expect(fmt(again)).toBe(fmt(first));
        expect(fmt(expr.evaluate(env) as Q)).toBe(fmt(first));
      }),
    );
  });
});
