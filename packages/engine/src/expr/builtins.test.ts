import { describe, expect, it } from 'vitest';
import { fmt, q, type Q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import { ExprEvalError } from './errors.ts';
import { MissingValue, type ExprEnv, type ExprValue } from './types.ts';

const values: Record<string, ExprValue> = { a: q('-2.5'), b: q('7'), s: '优秀' };
const env: ExprEnv = {
  ident(name) {
    const v = values[name];
    if (v === undefined) return new MissingValue(name);
    return v;
  },
};

function run(source: string): ExprValue | MissingValue {
  const r = compileExpr(source, { identifiers: new Set(['a', 'b', 's', 'gone']) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.expr.evaluate(env);
}
const num = (source: string): string => fmt(run(source) as Q);

function failure(source: string): ExprEvalError {
  try {
    run(source);
  } catch (error) {
    if (error instanceof ExprEvalError) return error;
    throw error;
  }
  throw new Error(`${source} did not fail`);
}

describe('built-in functions', () => {
  it('min and max take one or more numbers', () => {
    expect(num('min(3)')).toBe('3');
    expect(num('min(b, a, 0)')).toBe('-2.5');
    expect(num('max(b, a, 7.5, 0)')).toBe('7.5');
  });
  it('abs, floor and ceil are exact', () => {
    expect(num('abs(a)')).toBe('2.5');
    expect(num('floor(a)')).toBe('-3');
    expect(num('ceil(a)')).toBe('-2');
    expect(num('floor(10 / 3)')).toBe('3');
  });
  it('round is half-up, ties away from zero', () => {
    expect(num('round(0.125, 2)')).toBe('0.13');
    expect(num('round(-0.125, 2)')).toBe('-0.13');
    expect(num('round(a)')).toBe('-3');
    expect(num('round(2 / 3, 4)')).toBe('0.6667');
    expect(num('round(3 * (3 / 360) / 0.2, 2)')).toBe('0.13');
  });
  it('refuses a fractional or negative number of places', () => {
    expect(failure('round(1, 0.5)').code).toBe('domain');
    expect(failure('round(1, -1)').code).toBe('domain');
    expect(failure('round(1, 9)').msg.zh).toContain('0 到 8 的整数');
  });
  it('clamp keeps a value within bounds and refuses crossed bounds', () => {
    expect(num('clamp(b, 0, 5)')).toBe('5');
    expect(num('clamp(a, 0, 5)')).toBe('0');
    expect(num('clamp(1.5, 0, 5)')).toBe('1.5');
    const e = failure('clamp(1, 5, 0)');
    expect(e.code).toBe('domain');
    expect(e.position).toBe(0);
  });
  it('if is lazy and needs a boolean', () => {
    expect(run('if(b > 5, s, gone)')).toBe('优秀');
    expect(run('if(b < 5, s, gone)')).toBeInstanceOf(MissingValue);
    expect(failure('if(b, 1, 2)').msg.en).toBe(
      'at character 1: if() needs a boolean (true/false), got number 7',
    );
  });
  it('number functions refuse text, at the call', () => {
    const e = failure('1 + abs(s)');
    expect(e.code).toBe('type');
    expect(e.position).toBe(4);
    expect(e.msg.zh).toBe("表达式第5个字符处:abs() 需要数值，得到的是文本 '优秀'");
  });
});
