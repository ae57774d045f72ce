import { describe, expect, it } from 'vitest';
import { q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import type { CompileOptions, ExprKind } from './types.ts';

const options: CompileOptions = {
  identifiers: new Set(['rate', 'ok', 'grade', 'any']),
  types: new Map<string, ExprKind>([
    ['rate', 'number'],
    ['ok', 'boolean'],
    ['grade', 'string'],
  ]),
  functions: {
    score: { arity: [1], rawArgs: true, returns: 'number', call: () => q(1) },
    status: { arity: [1], rawArgs: true, call: () => 'met' },
  },
};

const brief = (source: string, opts: CompileOptions = options): [string, number][] => {
  const r = compileExpr(source, opts);
  return r.ok ? [] : r.errors.map((e) => [e.code, e.position]);
};

describe('compile-time type checks', () => {
  it('catches literal mismatches without any declared kinds', () => {
    expect(brief("'abc' + 1", { identifiers: new Set() })).toEqual([['type', 6]]);
    expect(brief('1 && true', { identifiers: new Set() })).toEqual([['type', 2]]);
    expect(brief("any == 'x' && any > 1 && any", { identifiers: new Set(['any']) })).toEqual([]);
  });
  it('uses declared kinds of inputs', () => {
    expect(brief("rate == '达标'")).toEqual([['type', 5]]);
    expect(brief('ok > 1')).toEqual([['type', 3]]);
    expect(brief("grade == '优' && ok && rate >= 92")).toEqual([]);
  });
  it('refuses a text compared with a name that never takes it, at the text', () => {
    const domains = new Map([['grade', ['excellent', 'good', 'none']]]);
    expect(brief("grade == 'exellent'", { ...options, domains })).toEqual([['type', 9]]);
    expect(brief("'exellent' != grade", { ...options, domains })).toEqual([['type', 0]]);
    expect(brief("grade == 'good' || grade == 'none'", { ...options, domains })).toEqual([]);
    // Without a declared domain any text may be compared.
    expect(brief("grade == 'exellent'")).toEqual([]);
  });
  it('sees the classic not-precedence trap', () => {
    // `not rate > 3` is (not rate) > 3: both halves are wrong.
    expect(brief('not rate > 3')).toEqual([
      ['type', 0],
      ['type', 9],
    ]);
  });
  it('checks conditions and function arguments at the argument', () => {
    expect(brief('if(rate, 1, 2)')).toEqual([['type', 3]]);
    expect(brief("1 + abs('x')")).toEqual([['type', 8]]);
    expect(brief('rate ? 1 : 2')).toEqual([['type', 0]]);
    expect(brief("(ok ? 1 : 'a') + 1")).toEqual([]);
    expect(brief("if(ok, 1, 'a') + 1")).toEqual([]);
  });
  it('knows what host functions return when they say so', () => {
    expect(brief("score('二.1') == '满分'")).toEqual([['type', 13]]);
    expect(brief("status('二.1') == 'met' && score('二.1') > 2")).toEqual([]);
  });
  it('says a mismatch once where both operands miss the same way, with its span', () => {
    // `'a' + 'b'`: both operands are text at the one operator (0-based 4, one character).
    const r = compileExpr("'a' + 'b'", { identifiers: new Set() });
    expect(r.ok ? [] : r.errors.map((e) => [e.position, e.end, e.message.zh])).toEqual([
      [4, 5, '表达式第5个字符处:“+” 需要数值，这里给的是文本'],
    ]);
    // A mistyped condition is the whole condition: `rate` spans 0-based [3, 7).
    const c = compileExpr('if(rate, 1, 2)', options);
    expect(c.ok ? [] : c.errors.map((e) => [e.position, e.end, e.message.en])).toEqual([
      [3, 7, 'at characters 4–7: if() needs a boolean (true/false), got a number'],
    ]);
  });
  it('explains the mismatch in both languages', () => {
    const r = compileExpr("rate == '达标'", options);
    expect(r.ok ? undefined : r.errors[0]?.message).toEqual({
      zh: '表达式第6–7个字符处:“==”两边的类型不同：数值 与 文本',
      en: 'at characters 6–7: “==” compares values of different types: a number and text',
    });
  });
});
