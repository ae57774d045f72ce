import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreCohort } from './score-cohort.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { InputValue } from '../model/result.ts';

// One 10-point item every unit meets, so all totals are equal and the tie-breaks alone order
// the units. `cases` (违法案件数) means 0 when left blank; `rate` may only be 0–100.
const json = (tieBreak: string[]): RuleSetInput => ({
  schemaVersion: 1,
  id: 'tie-inputs',
  title: '并列排序',
  issuer: '市',
  level: '县',
  year: 2026,
  edition: 1,
  points: 10,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'ok', label: '是否完成', unit: 'yesno' },
    { id: 'cases', label: '违法案件数', unit: 'count', blankMeans: 0 },
    { id: 'rate', label: '满意率', unit: '%', min: 0, max: 100 },
  ],
  sections: [
    {
      code: '一',
      title: '工作',
      points: 10,
      items: [{ code: '1', title: '完成', points: 10, rule: { kind: 'yesno', input: 'ok' } }],
    },
  ],
  ranking: { tieBreak },
});

const rules = (tieBreak: string[]) => {
  const parsed = parseRuleSet(json(tieBreak));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
};

const unit = (id: string, values: Record<string, InputValue>) => ({
  id,
  name: id,
  values: { ok: '是', ...values },
});

/** Unit ids in listing order with their ranks, from both cohort paths (they must agree). */
function order(tieBreak: string[], units: ReturnType<typeof unit>[]): string[] {
  const rs = rules(tieBreak);
  const full = scoreCohort(rs, units).units.map((u) => `${u.unitId}:${u.rank}`);
  const lean = rankCohort(rs, units).units.map((u) => `${u.unitId}:${u.rank}`);
  expect(lean).toEqual(full);
  return full;
}

describe('a tie-break on an input reads the figure as scoring reads it', () => {
  it('a blank that means 0 cases ranks ahead of one case when fewer is better', () => {
    // Before: the blank was "no value" and sorted last, behind the unit with a case.
    const units = [unit('a', { cases: 1 }), unit('b', { cases: null }), unit('c', { cases: 2 })];
    expect(order(['input:cases:asc'], units)).toEqual(['b:1', 'a:2', 'c:3']);
    // Blank and a typed 0 are the same figure: they share the rank.
    expect(order(['input:cases:asc'], [...units, unit('d', { cases: '0' })])).toEqual([
      'b:1',
      'd:1',
      'a:3',
      'c:4',
    ]);
  });

  it('a figure outside the declared range is no value and sorts last, never as typed', () => {
    // 105 % is a typing error (the unit is told at its cell), not the best rate of the cohort.
    const units = [
      unit('a', { rate: '95.5' }),
      unit('b', { rate: '105' }),
      unit('c', { rate: 97 }),
    ];
    expect(order(['input:rate'], units)).toEqual(['c:1', 'a:2', 'b:3']);
  });
});
