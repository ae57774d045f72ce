// Reasons on demand: scoreUnit scores the items the integer kernels take on them and words their
// reasons from the kernels' traces. Held here to the exact evaluation (every item through
// evaluateBase / evaluateStreams, reasons built as they go) on the oracle's generated rule sets
// and figures: the same JSON, byte for byte, unit by unit — and the traced route really taken,
// for every rule kind.
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { createUnitScorer, scoreWith } from './score-unit.ts';
import { buildPeerStats } from '../cohort/peers.ts';
import { caseArb } from '../__tests__/oracle/arbitraries.ts';
import { show, showRat } from '../messages/format.ts';
import { dayOfIso, isoOfDay } from '../exact/calendar.ts';

describe('reasons rendered from the kernels’ traces', () => {
  it(
    'give the same result JSON as the exact evaluation, on generated rule sets and figures',
    { timeout: 180_000 },
    () => {
      let traced = 0;
      let items = 0;
      const kinds = new Set<string>();
      const shapes = new Set<string>();
      fc.assert(
        fc.property(caseArb({ minLength: 4, maxLength: 16 }), (c) => {
          const p = parseRuleSet(c.ruleSet);
          if (!p.ok) throw new Error(`generated rule set refused: ${p.issues[0]?.message.en}`);
          const rs = compileRuleSet(p.value);
          const ctx = { peers: buildPeerStats(rs, c.units).stats };
          for (const unit of c.units) {
            const fast = createUnitScorer(rs, unit, ctx);
            const exact = createUnitScorer(rs, unit, ctx, { kernels: false });
            expect(JSON.stringify(scoreWith(rs, fast), null, 1)).toBe(
              JSON.stringify(scoreWith(rs, exact), null, 1),
            );
            expect(exact.traced()).toBe(0);
            traced += fast.traced();
            // A pool's items (no points of their own) are the exact path's by design: not counted.
            items += [...rs.byPath.values()].filter(
              (i) => i.children.length === 0 && !i.pool,
            ).length;
            for (const item of rs.byPath.values()) {
              // Which kinds the traced route scored: a second scorer, one item at a time.
              if (item.children.length > 0) continue;
              const one = createUnitScorer(rs, unit, ctx);
              const result = one.evaluate(item);
              if (one.traced() === 0) continue;
              // Per-case streams in every form: escalating, multiplied, zeroing (and reached).
              for (const { stream } of item.streams) {
                if (stream.kind === 'expr') shapes.add('expr-stream');
                if (stream.kind === 'deadline') shapes.add('deadline');
                if (stream.kind !== 'per-case') continue;
                if (stream.schedule)
                  shapes.add(stream.increment ? 'schedule+increment' : 'schedule');
                if (stream.multiplied)
                  shapes.add(`multiplied-${stream.multiplied.cases ?? 'extra'}`);
                if (stream.zeroAt !== undefined)
                  shapes.add(
                    result.status === 'gated' && item.gates.length === 0 ? 'zeroed' : 'zeroAt',
                  );
              }
              kinds.add(item.rule?.kind ?? 'none');
              // The open bounds and start the traced route words as the exact path does.
              if (item.min === undefined) shapes.add('no-floor');
              if (item.rule?.kind === 'rank')
                shapes.add(
                  item.rule.points === 'proportional-to-leader' ? 'rank-leader' : 'rank-place',
                );
              if (item.uncapped) shapes.add(result.status === 'met' ? 'uncapped-met' : 'uncapped');
              if (!item.rule && item.start === 'zero') shapes.add('start-zero');
              if (item.evidence.policy === 'keep') shapes.add('keep');
              const derived = [...item.operands.values()].some((o) =>
                o.expr?.operands.some((r) => r.kind === 'input' && rs.derived.has(r.id)),
              );
              if (derived) shapes.add('derived');
            }
          }
        }),
        { numRuns: 60, seed: 20261202 },
      );
      // The traced route is taken, and every kind the kernels take has been through it.
      // (About a quarter of the generated leaves: the generator makes many blanks, bad figures and
      // rank items, which the exact evaluation reports, and the shapes only it words — dates.) No floor, a start at 0, points kept without
      // evidence (an item with none to lack) and derived operands are traced.
      // Measured with pool sections in the generator (their items are exact by design and not
      // counted): 0.17 on this seed, 0.22–0.25 on seeds 1–3.
      expect(traced / items).toBeGreaterThan(0.15);
      expect([...shapes].sort()).toEqual([
        'deadline',
        'derived',
        'expr-stream',
        'keep',
        'multiplied-extra',
        'multiplied-of-which',
        'no-floor',
        'rank-leader',
        'rank-place',
        'schedule',
        'schedule+increment',
        'start-zero',
        'uncapped',
        'uncapped-met',
        'zeroAt',
        'zeroed',
      ]);
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining([
          'band',
          'expr',
          'piecewise',
          'proportional',
          'ramp',
          'rank',
          'reduction',
          'threshold',
          'tiers',
          'yesno',
        ]),
      );
    },
  );

  it(
    'keep each scorer to its own unit when scorers of several units are used in turn',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(caseArb({ minLength: 2, maxLength: 6 }), (c) => {
          const p = parseRuleSet(c.ruleSet);
          if (!p.ok) throw new Error(`generated rule set refused: ${p.issues[0]?.message.en}`);
          const rs = compileRuleSet(p.value);
          const ctx = { peers: buildPeerStats(rs, c.units).stats };
          // Every scorer made first (the kernels' frame is shared), then used last to first.
          const scorers = c.units.map((u) => createUnitScorer(rs, u, ctx));
          for (let i = c.units.length - 1; i >= 0; i--) {
            const unit = c.units[i] as (typeof c.units)[number];
            const exact = createUnitScorer(rs, unit, ctx, { kernels: false });
            expect(JSON.stringify(scoreWith(rs, scorers[i] as (typeof scorers)[number]))).toBe(
              JSON.stringify(scoreWith(rs, exact)),
            );
          }
        }),
        { numRuns: 30, seed: 20261203 },
      );
    },
  );

  it('word a deadline and a threshold on a date from the trace, formulas on dates on the exact path, in the same words (2013-03-31, 晚于, 每晚1天)', () => {
    const p = parseRuleSet({
      schemaVersion: 1,
      id: 'dates',
      title: '报送时限',
      issuer: '市',
      level: '县',
      year: 2013,
      edition: 1,
      points: 9,
      rounding: { scores: { dp: 2, mode: 'half-up' } },
      deadlines: [{ id: 'report_due', label: '年报报送截止', date: '2013-03-31' }],
      inputs: [
        { id: 'report_date', label: '年报报送日期', unit: 'date', defaultYear: 2013 },
        { id: 'plan_date', label: '计划印发日期', unit: 'date' },
      ],
      sections: [
        {
          code: '一',
          title: '报送',
          points: 9,
          items: [
            {
              code: '1',
              title: '按时报送年报',
              points: 3,
              deductions: [
                { kind: 'deadline', input: 'report_date', due: 'report_due', late: 1, missing: 3 },
              ],
            },
            {
              code: '2',
              title: '计划1月底前印发',
              points: 2,
              rule: {
                kind: 'threshold',
                value: 'plan_date',
                op: '<=',
                target: "date('2013-01-31')",
                below: { per: 1, points: 0.1, steps: 'each-started' },
              },
            },
            {
              code: '3',
              title: '计划早于报送',
              points: 2,
              rule: { kind: 'expr', score: 'if(plan_date < report_date, 2, 0)' },
            },
            {
              code: '4',
              title: '计划印发(日期)',
              points: 2,
              rule: { kind: 'expr', score: "if(plan_date <= date('2013-02-28'), 2, 1)" },
            },
          ],
        },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
    const rs = compileRuleSet(p.value);
    // Three by hand, then every fourth day from 1 January to the end of April, as typed.
    const days = Array.from({ length: 30 }, (_, i) => isoOfDay(dayOfIso('2013-01-01')! + 4 * i));
    for (const values of [
      { report_date: '2013-03-31', plan_date: '2013-01-20' },
      { report_date: '2013-05-10', plan_date: '2013-02-05' },
      { plan_date: '2013-04-01' },
      ...days.map((d, i) => ({ plan_date: d, report_date: days[(i * 7) % days.length] })),
    ]) {
      const unit = { id: 'u', name: '甲县', values };
      const fast = scoreWith(rs, createUnitScorer(rs, unit));
      const exact = scoreWith(rs, createUnitScorer(rs, unit, {}, { kernels: false }));
      expect(JSON.stringify(fast, null, 1)).toBe(JSON.stringify(exact, null, 1));
      // A date is shown as its date, never its day number.
      expect(JSON.stringify(fast)).toContain(values.plan_date);
      // The deadline (on time, late, not reported) and the threshold on a date (早于 / 晚于,
      // 每晚1天) through the traced route.
      const one = createUnitScorer(rs, unit);
      one.evaluate(rs.byPath.get('一.1')!);
      one.evaluate(rs.byPath.get('一.2')!);
      expect(one.traced()).toBe(2);
    }
  });

  it('word tiers on a text input from the trace, as typed (trimmed), the tier met or none', () => {
    const p = parseRuleSet(
      ruleSetHeader({
        points: 5,
        inputs: [{ id: 'level', label: '创建等级', unit: 'text' }],
        sections: [
          {
            code: '一',
            title: '创建',
            points: 5,
            items: [
              {
                code: '1',
                title: '创建等级',
                points: 5,
                rule: {
                  kind: 'tiers',
                  value: 'level',
                  tiers: [
                    { equals: '国家级', points: 5, label: '国家级示范' },
                    { equals: '省级', points: 3 },
                  ],
                  otherwise: 1,
                },
              },
            ],
          },
        ],
      }),
    );
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
    const rs = compileRuleSet(p.value);
    let traced = 0;
    for (const level of ['国家级', ' 省级 ', '市级', '', null]) {
      const unit = { id: 'u', name: '甲县', values: { level } };
      const fast = createUnitScorer(rs, unit);
      const exact = createUnitScorer(rs, unit, {}, { kernels: false });
      expect(JSON.stringify(scoreWith(rs, fast), null, 1)).toBe(
        JSON.stringify(scoreWith(rs, exact), null, 1),
      );
      traced += fast.traced();
    }
    // The three typed texts through the traced route; the blanks are the exact path's words.
    expect(traced).toBe(3);
  });

  it('word a deduction by formula from the trace: rounded to 0, exactly 0, capped, over a ratio', () => {
    const p = parseRuleSet({
      ...ruleSetHeader({ id: 'formula-deductions', title: '按公式扣分' }),
      points: 10,
      inputs: [
        { id: 'x', label: '差错数', unit: 'count' },
        { id: 'bud', label: '经费', unit: '元' },
        { id: 'pop', label: '人口', unit: '人' },
      ],
      sections: [
        {
          code: '一',
          title: '质量',
          points: 10,
          items: [
            {
              code: '1',
              title: '差错',
              points: 10,
              deductions: [
                { kind: 'expr', amount: 'x * 0.001', reason: '差错扣分' },
                { kind: 'expr', amount: 'max(0, 22 - bud / pop) * 0.3', cap: 2 },
                // Capped at 0 (as a document may say 不扣分): no adjustment at all.
                { kind: 'expr', amount: 'x * 0.01', cap: 0, reason: '暂不扣分' },
              ],
            },
          ],
        },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
    const rs = compileRuleSet(p.value);
    const said: string[] = [];
    for (const values of [
      { x: 4, bud: 3062448, pop: 180144 }, // 0.004 (shown as 0), then 1.4999… of a ratio
      { x: 0, bud: 850000, pop: 50000 }, // exactly 0 (no adjustment), then 1.5
      { x: 30, bud: 100000, pop: 50000 }, // 0.03, then 6 capped at 2
    ]) {
      const unit = { id: 'u', name: '甲县', values };
      const scorer = createUnitScorer(rs, unit);
      const fast = scoreWith(rs, scorer);
      const exact = scoreWith(rs, createUnitScorer(rs, unit, {}, { kernels: false }));
      expect(JSON.stringify(fast, null, 1)).toBe(JSON.stringify(exact, null, 1));
      expect(scorer.traced()).toBe(1);
      said.push(fast.sections[0]!.items[0]!.reason.zh);
    }
    expect(said[0]).toContain('差错扣分:扣0分');
    expect(said[1]).not.toContain('差错扣分');
    expect(said[2]).toContain('差错扣分:扣0.03分');
    expect(said[2]).toContain('最多2分');
    for (const s of said) expect(s).not.toContain('暂不扣分');
  });

  it('show a rational of safe integers as show does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.oneof(
          fc.integer({ min: 1, max: 1e9 }),
          fc.constantFrom(1, 2, 4, 8, 10, 16, 100, 1000, 1e6, 1e7, 3, 7, 1024, 3125, 2e6),
        ),
        (n, d) => {
          expect(showRat(n, d)).toBe(show(new Fraction(BigInt(n), BigInt(d))));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});
