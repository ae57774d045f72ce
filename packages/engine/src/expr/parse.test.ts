import { describe, expect, it } from 'vitest';
import { q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import { MAX_EXPR_LENGTH } from './clip.ts';
import { parseSource, type BinaryNode, type Node } from './parse.ts';
import type { ExprError } from './types.ts';

const ids = new Set(['rate', 'births', 'pop', 'a', 'b']);

function errors(source: string): ExprError[] {
  const r = compileExpr(source, {
    identifiers: ids,
    functions: { score: { arity: [1], rawArgs: true, call: () => true } },
  });
  if (r.ok) throw new Error(`${source} compiled`);
  return r.errors;
}
const brief = (source: string): [string, number][] =>
  errors(source).map((e) => [e.code, e.position]);

describe('positions from the parser', () => {
  it('finds each of several uses of one name, and not the name inside a string', () => {
    expect(brief("'foo' + foo + foo")).toEqual([
      ['unknown-identifier', 8],
      ['unknown-identifier', 14],
    ]);
    expect(brief("score('foo') + foo")).toEqual([['unknown-identifier', 15]]);
  });
  it('locates a binary operator after spaces and closing parentheses', () => {
    const p = parseSource('((a + b ))  * (a)');
    if (!p.ok) throw new Error('no parse');
    const mul = p.parsed.ast as BinaryNode;
    expect(p.parsed.operatorAt(mul)).toBe(12);
    expect(p.parsed.operatorAt(mul.left as BinaryNode)).toBe(4);
    expect(p.parsed.start(mul.right as Node)).toBe(15);
  });
  it('places a group at its opening parenthesis and a call at its name', () => {
    const p = parseSource('  (a + b) * max(1, b)');
    if (!p.ok) throw new Error('no parse');
    const mul = p.parsed.ast as BinaryNode;
    expect(p.parsed.start(mul)).toBe(2);
    expect(p.parsed.start(mul.right as Node)).toBe(12);
  });
});

describe('compile-time checks', () => {
  it('reports an unknown input in both languages, counting characters from 1', () => {
    const [e] = errors('1 + foo');
    expect(e).toEqual({
      code: 'unknown-identifier',
      position: 4,
      end: 7,
      message: {
        zh: '表达式第5–7个字符处:未知的输入项 foo',
        en: 'at characters 5–7: unknown input foo',
      },
    });
  });
  it('collects every problem, in source order', () => {
    expect(brief('nope(a) + x.y + max() + [1] + this + zz')).toEqual([
      ['unknown-function', 0],
      ['unsupported', 10],
      ['arity', 16],
      ['unsupported', 24],
      ['unsupported', 30],
      ['unknown-identifier', 37],
    ]);
  });
  it('gives the syntax error where jsep stopped', () => {
    expect(brief('rate >= ')).toEqual([['syntax', 8]]);
    expect(brief('(rate + 1')).toEqual([['syntax', 9]]);
    expect(brief('rate >= 92 &&& b')).toEqual([['syntax', 13]]);
  });
  it('explains a lone = and a % sign', () => {
    expect(errors('rate = 92')[0]?.message.zh).toContain('相等请写“==”');
    const [pct] = errors('rate >= 92%');
    expect(pct?.position).toBe(10);
    expect(pct?.message.en).toContain('92 for 92 %');
  });
  it('rejects two expressions side by side, at the second', () => {
    expect(brief('rate 92')).toEqual([['syntax', 5]]);
    expect(brief('(a, b)')).toEqual([['syntax', 2]]);
    expect(brief('')).toEqual([['syntax', 0]]);
  });
  it('reports separators jsep would silently skip', () => {
    expect(brief('a,')).toEqual([['syntax', 1]]);
    expect(brief('a; b')).toEqual([['syntax', 1]]);
    expect(brief('(a,) + 1')).toEqual([['syntax', 2]]);
    expect(brief("max(a, (b,)) + max(1, 2) + max ('x,y' == a, b)")).toEqual([['syntax', 9]]);
    expect(brief('a and (b,)')).toEqual([['syntax', 8]]);
    expect(errors('a;')[0]?.message.zh).toBe(
      '表达式第2个字符处:此处不应出现“;”（逗号只用于分隔函数参数，不支持分号）',
    );
  });
  it('rejects member access, null, exponents and bitwise operators', () => {
    expect(brief('a.b + a[0]')).toEqual([
      ['unsupported', 0],
      ['unsupported', 6],
    ]);
    expect(brief('null')).toEqual([['unsupported', 0]]);
    expect(brief('1e3')).toEqual([['unsupported', 0]]);
    expect(brief('a | b')).toEqual([['syntax', 2]]);
    expect(brief('a ** 2')).toEqual([['syntax', 3]]);
    expect(brief('~a')).toEqual([['syntax', 0]]);
  });
  it('hints at a function used as a name and a misspelt case', () => {
    expect(errors('max')[0]?.message.en).toContain('call it with parentheses');
    expect(errors('Rate > 1')[0]?.message.zh).toContain('是否指 rate');
    expect(errors('MAX(a, b)')[0]?.message.en).toContain('lower case: max');
    expect(errors('rate(1)')[0]?.message.zh).toContain('rate 是输入项');
  });
  it('checks arity of built-ins with the allowed counts', () => {
    expect(errors('round(a, 1, 2)')[0]?.message.en).toBe(
      'at characters 1–14: round() takes 1 to 2 arguments, got 3',
    );
    expect(errors('clamp(a, 1)')[0]?.message.zh).toBe(
      '表达式第1–11个字符处:函数 clamp 需要 3 个参数，这里给了 2 个',
    );
    expect(brief('1 + min()')).toEqual([['arity', 4]]);
    expect(brief('if(a > 1, 2)')).toEqual([['arity', 0]]);
  });
  it('positions full-width input as typed', () => {
    expect(brief('（rate ＞＝ 92）＋ foo')).toEqual([['unknown-identifier', 14]]);
  });
});

describe('hostile input', () => {
  it('treats Object.prototype names as unknown, not as functions', () => {
    expect(brief('toString(1) + constructor(a) + hasOwnProperty')).toEqual([
      ['unknown-function', 0],
      ['unknown-function', 14],
      ['unknown-identifier', 31],
    ]);
  });
  it('refuses absurd nesting with an error, not a crash', () => {
    // Past MAX_EXPR_LENGTH an expression is refused before it is parsed, at the limit.
    const deep = '('.repeat(50_000) + '1' + ')'.repeat(50_000);
    expect(brief(deep)).toEqual([['syntax', MAX_EXPR_LENGTH]]);
    expect(brief('-'.repeat(3_000) + '1')).toEqual([['syntax', 0]]);
    const terms = (n: number): string => Array.from({ length: n }, () => 'a').join('+');
    expect(brief(terms(20_000))).toEqual([['syntax', MAX_EXPR_LENGTH]]);
    expect(errors(terms(1_001))[0]?.message.zh).toBe('表达式第1个字符处:表达式嵌套过深');
    const r = compileExpr(terms(999), { identifiers: ids });
    expect(r.ok && r.expr.evaluate({ ident: () => q(2) })).toEqual(q(1998));
  });
});
