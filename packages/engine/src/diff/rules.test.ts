import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rule } from '../schema/rules.ts';
import { compareRule } from './rules.ts';

const where = { path: '四.2', label: { zh: '四.2 性别比', en: '四.2 sex ratio' } };
const units = { ratio: 'number', rate: '%', births: '‰' } as const;
const unitOf = (op: string | number) =>
  typeof op === 'string' ? units[op as keyof typeof units] : undefined;
const cmp = (a: unknown, b: unknown) => compareRule(where, Rule.parse(a), Rule.parse(b), unitOf);

describe('compareRule', () => {
  it('a larger required reduction tightens, a higher base loosens', () => {
    const a = {
      kind: 'reduction',
      value: 'ratio',
      previous: 'ratio_prev',
      base: 107,
      required: [
        { from: 107, to: 120, pct: 10 },
        { from: 120, pct: 12 },
      ],
    };
    const b = {
      ...a,
      base: 108,
      required: [
        { from: 107, to: 120, pct: 10 },
        { from: 120, pct: 15 },
      ],
    };
    expect(cmp(a, b).map((c) => [c.message.zh, c.direction])).toEqual([
      ['四.2 性别比:计算下降的基数由 107 提高到 108(放宽)', 'loosened'],
      ['四.2 性别比:第2档要求下降幅度由 12% 提高到 15%(收紧)', 'tightened'],
    ]);
  });

  it('a ramp knows which way is better', () => {
    // Lower is better (≤ 3‰ full, ≥ 5‰ zero): raising the zero point loosens.
    const low = cmp(
      { kind: 'ramp', value: 'births', full: 3, zero: 5 },
      { kind: 'ramp', value: 'births', full: 3, zero: 6 },
    );
    expect(low.map((c) => [c.message.zh, c.direction])).toEqual([
      ['四.2 性别比:零分点由 5‰ 提高到 6‰(放宽)', 'loosened'],
    ]);
    // Higher is better (≥ 95% full, ≤ 80% zero): raising the full point tightens.
    const high = cmp(
      { kind: 'ramp', value: 'rate', full: 95, zero: 80 },
      { kind: 'ramp', value: 'rate', full: 96, zero: 80 },
    );
    expect(high.map((c) => c.direction)).toEqual(['tightened']);
    // A peer-relative end: the declared direction says which way is better (lower here), so
    // lowering the constant zero point tightens.
    const peer = cmp(
      { kind: 'ramp', value: 'births', full: 'peer_min(births)', zero: 6, better: 'lower' },
      { kind: 'ramp', value: 'births', full: 'peer_min(births)', zero: 5, better: 'lower' },
    );
    expect(peer.map((c) => c.direction)).toEqual(['tightened']);
  });

  it('tiers of the same shape compare bar by bar; another shape is one line', () => {
    const a = {
      kind: 'tiers',
      value: 'rate',
      tiers: [
        { op: '>=', than: 95, points: 5 },
        { op: '>=', than: 90, points: 3 },
      ],
    };
    const b = {
      kind: 'tiers',
      value: 'rate',
      tiers: [
        { op: '>=', than: 96, points: 5 },
        { op: '>=', than: 90, points: 4 },
      ],
    };
    expect(cmp(a, b).map((c) => [c.message.zh, c.direction])).toEqual([
      ['四.2 性别比:第1档标准由 95% 提高到 96%(收紧)', 'tightened'],
      ['四.2 性别比:第2档得分由 3分 提高到 4分(放宽)', 'loosened'],
    ]);
    expect(cmp(a, { ...b, tiers: [b.tiers[0]] }).map((c) => c.message.zh)).toEqual([
      '四.2 性别比:分档标准由2档调整为1档',
    ]);
  });

  it('a changed kind, formula or target expression is described, not judged', () => {
    expect(
      cmp(
        { kind: 'threshold', value: 'rate', op: '>=', target: 92 },
        { kind: 'ramp', value: 'rate', full: 95, zero: 80 },
      ).map((c) => [c.message.zh, c.direction]),
    ).toEqual([['四.2 性别比:计分方式由「达标线」改为「线性区间」', undefined]]);
    expect(
      cmp(
        { kind: 'threshold', value: 'rate', op: '>=', target: 92 },
        { kind: 'threshold', value: 'rate', op: '>=', target: 'peer_mean(rate)' },
      )[0]!.message.zh,
    ).toBe('四.2 性别比:下限由「92%」改为「peer_mean(rate)」');
    expect(
      cmp({ kind: 'expr', score: 'rate / 10' }, { kind: 'expr', score: 'rate / 20' })[0]!.message
        .en,
    ).toBe('四.2 sex ratio: scoring formula changed from "rate / 10" to "rate / 20"');
  });

  it('property: swapping the editions swaps tightened and loosened', () => {
    const ops = fc.constantFrom('>=', '>', '<=', '<', '=');
    const slope = fc.option(
      fc.record({
        per: fc.constantFrom(1, '0.1'),
        points: fc.integer({ min: 1, max: 3 }),
        steps: fc.constantFrom('each-started', 'pro-rata', 'each-full'),
      }),
      { nil: undefined },
    );
    const rule = fc
      .record({ op: ops, target: fc.integer({ min: 80, max: 100 }), below: slope })
      .map((r) => ({ kind: 'threshold', value: 'rate', ...r }));
    fc.assert(
      fc.property(rule, rule, (a, b) => {
        const fwd = cmp(a, b).map((c) => c.direction ?? '-');
        const back = cmp(b, a).map((c) => c.direction ?? '-');
        const flip = (d: string) =>
          d === 'tightened' ? 'loosened' : d === 'loosened' ? 'tightened' : d;
        expect(back.map(flip)).toEqual(fwd);
        if (JSON.stringify(a) === JSON.stringify(b)) expect(fwd).toEqual([]);
      }),
    );
  });
});
