// Reasons on demand: scoreUnit scores the items the integer kernels take on them and words their
// reasons from the kernels' traces. Held here to the exact evaluation (every item through
// evaluateBase / evaluateStreams, reasons built as they go) on the oracle's generated rule sets
// and figures: the same JSON, byte for byte, unit by unit — and the traced route really taken,
// for every rule kind.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { createUnitScorer, scoreWith } from './score-unit.ts';
import { buildPeerStats } from '../cohort/peers.ts';
import { caseArb } from '../__tests__/oracle/arbitraries.ts';
import { show, showRat } from '../messages/format.ts';

describe('reasons rendered from the kernels’ traces', () => {
  it(
    'give the same result JSON as the exact evaluation, on generated rule sets and figures',
    { timeout: 180_000 },
    () => {
      let traced = 0;
      let items = 0;
      const kinds = new Set<string>();
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
            expect(exact.traced).toBe(0);
            traced += fast.traced;
            items += [...rs.byPath.values()].filter((i) => i.children.length === 0).length;
            for (const item of rs.byPath.values()) {
              // Which kinds the traced route scored: a second scorer, one item at a time.
              if (item.children.length > 0) continue;
              const one = createUnitScorer(rs, unit, ctx);
              one.evaluate(item);
              if (one.traced > 0) kinds.add(item.rule?.kind ?? 'none');
            }
          }
        }),
        { numRuns: 60, seed: 20261202 },
      );
      // The traced route is taken, and every kind the kernels take has been through it.
      // (About a third of the generated leaves: the generator makes many blanks, bad figures and
      // rank items, which the exact evaluation reports.)
      expect(traced / items).toBeGreaterThan(0.25);
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining([
          'band',
          'expr',
          'proportional',
          'ramp',
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
