import { describe, expect, it } from 'vitest';
import { compileExpr } from './compile.ts';
import type { CompiledExpr } from './types.ts';

const ids = new Set(['a', 'b', 'c', 'rate', 'budget', 'pop', 'ok']);
const labels: Record<string, string> = { rate: '比率', budget: '经费', pop: '人口', ok: '达标' };
function compiled(source: string): CompiledExpr {
  const r = compileExpr(source, {
    identifiers: ids,
    functions: {
      peer_mean: { arity: [1], rawArgs: true, returns: 'number', call: () => 'x' },
      score: { arity: [1], rawArgs: true, returns: 'number', call: () => 'x' },
    },
  });
  if (!r.ok) throw new Error(r.errors[0]?.message.en);
  return r.expr;
}
const words = (source: string) =>
  compiled(source).inWords({
    label: (id) => (labels[id] ? { zh: labels[id], en: id } : undefined),
  });

describe('expressions in words', () => {
  it('keeps the order with parentheses only where it needs them', () => {
    expect(words('(a + b) * c').zh).toBe('(a + b) × c');
    expect(words('a - (b - c) / 2').zh).toBe('a − (b − c) ÷ 2');
    expect(words('a - b + c').zh).toBe('a − b + c');
    expect(words('budget * 10000 / pop >= 20 and ok')).toEqual({
      zh: '经费 × 10000 ÷ 人口 ≥ 20 且 达标',
      en: 'budget × 10000 ÷ pop ≥ 20 and ok',
    });
    expect(words("ok ? min(a, b) : score('二.1')").zh).toBe(
      '(如果达标则最小值(a, b),否则二.1得分)',
    );
    expect(words('peer_mean(rate) * 0.9').zh).toBe('各单位比率的平均值 × 0.9');
    // A conditional's words carry their own parentheses: never doubled inside a sum.
    expect(words('a + (ok ? 1 : 2)')).toEqual({
      zh: 'a + (如果达标则1,否则2)',
      en: 'a + (if ok then 1 else 2)',
    });
  });
  it('names the operands once, in order of first use', () => {
    expect(compiled("a + peer_mean(rate) + a * score('二.1')").operands).toEqual([
      { kind: 'input', id: 'a' },
      { kind: 'peer', stat: 'mean', id: 'rate' },
      { kind: 'score', path: '二.1' },
    ]);
  });
});
