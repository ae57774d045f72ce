// Per-case records (RULE-FORMS 20, 22, 52): golden figures worked out by hand, on scoreUnit and
// on rankCohort (which hands such items to the exact route, counted), the oracle on generated
// cases, blanks and bad cells named by case and field, the checks, and two editions compared.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { createUnitScorer, scoreUnit, scoreWith } from '../score/score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { diffRuleSets } from '../diff/diff.ts';
import type { RuleSet, RuleSetInput } from '../schema/ruleset.ts';
import type { CaseRecord, UnitInput } from '../model/result.ts';
import type { Stream } from '../schema/rules.ts';
import { oracleUnit } from '../__tests__/oracle/oracle.ts';

type StreamIn = Extract<Stream, { kind: 'per-record' }> | Record<string, unknown>;

/** A 20-point item with one per-record deduction stream over two lists of cases. */
function json(stream: StreamIn, extra: Partial<RuleSetInput> = {}, more: StreamIn[] = []) {
  return {
    schemaVersion: 1,
    id: 'records',
    title: '逐件计分',
    issuer: '市',
    level: '县',
    year: 2013,
    edition: 1,
    points: 100,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs: [
      {
        id: 'late',
        label: '逾期上报案件',
        unit: 'cases',
        fields: [
          { id: 'months', label: '逾期月数', unit: '月', min: 0 },
          {
            id: 'found_by',
            label: '查处层级',
            unit: 'choice',
            choices: [
              { value: 'county', label: '县级' },
              { value: 'city', label: '市级' },
            ],
          },
        ],
      },
      {
        id: 'births',
        label: '违法生育案件',
        unit: 'cases',
        blankMeans: 0,
        fields: [
          { id: 'order', label: '出生孩次', unit: 'count', min: 1 },
          { id: 'born', label: '出生日期', unit: 'date' },
        ],
      },
      { id: 'rate', label: '兑现率', unit: '%' },
    ],
    sections: [
      {
        code: '一',
        title: '案件',
        points: 100,
        items: [{ code: '1', title: '案件查处', points: 100, deductions: [stream, ...more] }],
      },
    ],
    ...extra,
  } as RuleSetInput;
}
const parsed = (j: RuleSetInput): RuleSet => {
  const p = parseRuleSet(j);
  if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return p.value;
};
const unit = (records: Record<string, CaseRecord[]>, id = 'u'): UnitInput => ({
  id,
  name: '甲县',
  values: { rate: 95 },
  records,
});
const item = (j: RuleSetInput, u: UnitInput) => {
  const r = scoreUnit(compileRuleSet(parsed(j)), u);
  return { item: r.sections[0]?.items[0], result: r };
};

const LATE: StreamIn = {
  kind: 'per-record',
  input: 'late',
  each: 'min(months, 10) * 0.2',
};
const BIRTHS: StreamIn = {
  kind: 'per-record',
  input: 'births',
  escalation: {
    by: 'order',
    schedule: [
      { at: 2, points: 8 },
      { at: 3, points: 10 },
    ],
    beyondLast: { increment: 10 },
  },
};

/** Both streams in every form at once: late reports priced by a formula, capped per case,
 *  filtered, doubled for the city's and capped in all; births escalating, the 8th zeroing. */
const everyForm = () =>
  json(
    {
      kind: 'per-record',
      input: 'late',
      each: 'min(months, 10) * 0.2',
      eachCap: 1.6,
      when: "months > 0 || found_by == 'city'",
      multiplied: { when: "found_by == 'city'", factor: 2 },
      cap: 30,
    },
    {},
    [{ ...BIRTHS, escalation: { ...(BIRTHS.escalation as object), zeroAt: 8 }, cap: 50 }],
  );

describe('per-record streams: golden figures', () => {
  it('late reports at 0.2 a month, at most 10 months a case: 0.4 + 2 + 0 = 2.4', () => {
    // 2 months → 2 × 0.2 = 0.4; 12 months → min(12, 10) = 10 × 0.2 = 2; 0 months → 0.
    // 100 − 2.4 = 97.6.
    const cases = [{ months: 2 }, { months: 12 }, { months: 0 }];
    const { item: it1 } = item(json(LATE), unit({ late: cases }));
    expect(it1?.score).toBe('97.6');
    expect(it1?.adjustments[0]?.amount).toBe('-2.4');
    expect(it1?.adjustments[0]?.reason.zh).toBe(
      '逾期上报案件3件,每件按「最小值(逾期月数, 10) × 0.2」计:第1件(逾期月数 2个月)0.4分;第2件(逾期月数 12个月)2分;第3件(逾期月数 0个月)0分,共扣2.4分',
    );
    expect(it1?.adjustments[0]?.reason.en).toBe(
      '逾期上报案件: 3 cases, each by "min(逾期月数, 10) × 0.2": case 1 (逾期月数 2 months) 0.4; case 2 (逾期月数 12 months) 2; case 3 (逾期月数 0 months) 0; −2.4 in all',
    );
  });

  it('escalation by birth order for any number of cases: 8 + 10 + 20 + 30 = 68', () => {
    // order 2 → 8; 3 → 10; 4 → 10 + 10 × (4 − 3) = 20; 5 → 10 + 10 × 2 = 30; order 1 → 0.
    // 100 − 68 = 32.
    const cases = [{ order: 2 }, { order: 3 }, { order: 4 }, { order: 5 }, { order: 1 }];
    const { item: it1 } = item(json(BIRTHS), unit({ births: cases, late: [] }));
    expect(it1?.adjustments[0]?.amount).toBe('-68');
    expect(it1?.score).toBe('32');
    expect(it1?.adjustments[0]?.reason.zh).toContain('按出生孩次:2→8分、3→10分,此后每增1加10分');
    expect(it1?.adjustments[0]?.reason.zh).toContain('第4件(出生孩次 5)30分');
    // Twelve births of order 2..13: 8 + 10 + 20 + … + 110 = 8 + (10 + 110) × 11 ÷ 2 = 668.
    const many = Array.from({ length: 12 }, (_, i) => ({ order: i + 2 }));
    const m = item(json({ ...BIRTHS, cap: 1000 }), unit({ births: many }));
    expect(m.item?.adjustments[0]?.amount).toBe('-668');
  });

  it('a birth of order 6 or more makes the item 0 (escalation.zeroAt)', () => {
    // order 2 → 8 and order 6 → zeroed: the item is gated at 0, whatever the deduction.
    const s = { ...BIRTHS, escalation: { ...(BIRTHS.escalation as object), zeroAt: 6 } };
    const { item: a } = item(json(s), unit({ births: [{ order: 2 }, { order: 6 }] }));
    expect([a?.status, a?.score]).toEqual(['gated', '0']);
    expect(a?.reason.zh).toContain('违法生育案件第2件「出生孩次」为6,达到6,此项不得分');
    // Order 5 does not reach it: 8 + 30 = 38, 100 − 38 = 62.
    const { item: b } = item(json(s), unit({ births: [{ order: 2 }, { order: 5 }] }));
    expect([b?.status, b?.score]).toEqual(['partly-met', '62']);
  });

  it('a multiplier by who found it, after the cap per case; the stream cap bounds the sum', () => {
    // case 1: 12 months, city: min(12 × 0.2, cap 1.5) = 1.5, × 2 = 3;
    // case 2: 3 months, county: 0.6; case 3: 5 months, city: 1, × 2 = 2. Sum 5.6.
    const s = {
      kind: 'per-record',
      input: 'late',
      each: 'months * 0.2',
      eachCap: 1.5,
      multiplied: { when: "found_by == 'city'", factor: 2 },
    };
    const cases = [
      { months: 12, found_by: '市级' },
      { months: 3, found_by: 'county' },
      { months: 5, found_by: 'city' },
    ];
    const { item: a } = item(json(s), unit({ late: cases }));
    expect(a?.adjustments[0]?.amount).toBe('-5.6');
    expect(a?.adjustments[0]?.reason.zh).toContain(
      '第1件(逾期月数 12个月,查处层级 市级)2.4分,超过每件上限按1.5分计,按2倍计3分',
    );
    // With the stream capped at 4: 5.6 → 4.
    const { item: b } = item(json({ ...s, cap: 4 }), unit({ late: cases }));
    expect(b?.adjustments[0]?.amount).toBe('-4');
  });

  it('`when` counts only the cases it admits, and says how many it left out', () => {
    // Only city cases: 2 × 1 = 2 (the county case is not counted).
    const s = { kind: 'per-record', input: 'late', each: 1, when: "found_by == 'city'" };
    const cases = [{ found_by: 'city' }, { found_by: 'county' }, { found_by: 'city' }];
    const { item: a } = item(json(s), unit({ late: cases }));
    expect(a?.adjustments[0]?.amount).toBe('-2');
    expect(a?.adjustments[0]?.reason.zh).toContain('其中1件不符合「查处层级 = 「city」」不计');
  });

  it('a case list reads as its number of cases in expressions and per-case streams', () => {
    // 3 cases at 1 each = 3 (the per-case stream counts the list); the gate reads the count.
    const s = { kind: 'per-case', input: 'late', each: 1 };
    const cases = [{ months: 1 }, { months: 2 }, { months: 3 }];
    const { item: a } = item(json(s), unit({ late: cases }));
    expect(a?.score).toBe('97');
    const g = json(s);
    const first = g.sections[0]?.items[0] as unknown as Record<string, unknown>;
    first.gates = [{ when: 'late >= 3', reason: '逾期3件以上不得分' }];
    expect(item(g, unit({ late: cases })).item?.status).toBe('gated');
  });
});

describe('per-record streams: blanks and bad cells', () => {
  it('a blank field the stream reads leaves the item unscored, naming the case and field', () => {
    const { item: a } = item(json(LATE), unit({ late: [{ months: 2 }, { months: null }] }));
    expect(a?.status).toBe('missing-input');
    expect(a?.score).toBeNull();
    expect(a?.missingInputs).toEqual(['late']);
    expect(a?.reason.zh).toBe('缺少数据:逾期上报案件第2件「逾期月数」,无法计分');
  });

  it('an absent list is missing unless blankMeans says no cases; an empty list is no cases', () => {
    // late declares no blankMeans: absent is missing; births declares 0: absent is none.
    expect(item(json(LATE), unit({})).item?.status).toBe('missing-input');
    expect(item(json(LATE), unit({ late: [] })).item?.score).toBe('100');
    expect(item(json(BIRTHS), unit({})).item?.score).toBe('100');
  });

  it('a bad cell is reported at its case and field, and what reads it is not scored', () => {
    const { item: a, result } = item(
      json(LATE),
      unit({ late: [{ months: 2 }, { months: '三' }, { months: -1 }] }),
    );
    expect(a?.status).toBe('missing-input');
    const paths = result.issues.filter((i) => i.inputId === 'late').map((i) => i.path);
    expect(paths).toEqual(['late[2].months', 'late[3].months']);
    expect(result.issues.find((i) => i.path === 'late[2].months')?.message.zh).toContain(
      '逾期上报案件第2件「逾期月数」',
    );
  });

  it('a field the input does not declare refuses the list (never dropped)', () => {
    const { item: a, result } = item(json(LATE), unit({ late: [{ months: 1, monhts: 2 }] }));
    expect(a?.status).toBe('missing-input');
    expect(result.issues.some((i) => i.path === 'late[1].monhts')).toBe(true);
  });

  it('a birth order that is not a whole number cannot be computed', () => {
    const s = { ...BIRTHS };
    const j = json(s);
    (j.inputs[1] as { fields: { min?: number }[] }).fields[0] = {
      id: 'order',
      label: '出生孩次',
      unit: 'number',
    } as never;
    const { item: a } = item(j, unit({ births: [{ order: 2.5 }] }));
    expect(a?.status).toBe('cannot-compute');
  });
});

describe('per-record streams: checks', () => {
  const codes = (j: RuleSetInput) => {
    const p = parseRuleSet(j);
    return p.ok ? [] : p.issues.map((i) => `${i.code} ${i.path}`);
  };
  it('an unknown field in a formula, a per-record stream on a figure, amounts both or neither', () => {
    expect(codes(json({ ...LATE, each: 'min(monhts, 10) * 0.2' }))).toEqual([
      'expr-unknown-identifier sections[0].items[0].deductions[0].each',
    ]);
    expect(codes(json({ ...LATE, input: 'rate' }))).toContain(
      'input-unit sections[0].items[0].deductions[0].input',
    );
    expect(codes(json({ kind: 'per-record', input: 'late' }))).toContain(
      'per-record-amount sections[0].items[0].deductions[0]',
    );
    expect(
      codes(json({ ...BIRTHS, escalation: { ...(BIRTHS.escalation as object), by: 'born' } })),
    ).toContain('field-unit sections[0].items[0].deductions[0].escalation.by');
    expect(
      codes(
        json({
          ...BIRTHS,
          escalation: {
            by: 'order',
            schedule: [
              { at: 3, points: 8 },
              { at: 2, points: 10 },
            ],
          },
        }),
      ),
    ).toContain('escalation-order sections[0].items[0].deductions[0].escalation.schedule[1].at');
    // A field's kind is checked: a choice compared with a number is a type error.
    expect(codes(json({ ...LATE, when: 'found_by > 2' }))[0]).toMatch(/^expr-type /);
    // A choice field compares with its values only: a typo is refused at the literal.
    expect(codes(json({ ...LATE, when: "found_by == 'cty'" }))[0]).toMatch(
      /^expr-\S+ sections\[0\]\.items\[0\]\.deductions\[0\]\.when$/,
    );
  });
  it('fields only on cases, cases with fields, blankMeans 0 only', () => {
    const j = json(LATE);
    j.inputs[2] = { ...j.inputs[2], fields: [{ id: 'x', label: 'x', unit: 'count' }] } as never;
    expect(codes(j)).toContain('fields-without-cases inputs[2].fields');
    const k = json(LATE);
    k.inputs[1] = { ...k.inputs[1], blankMeans: 1 } as never;
    expect(codes(k)).toContain('cases-blank-means inputs[1].blankMeans');
    const l = json(LATE);
    delete (l.inputs[0] as { fields?: unknown }).fields;
    expect(codes(l)).toContain('cases-without-fields inputs[0].fields');
  });
});

describe('per-record streams: both routes', () => {
  it('rankCohort prices clean lists on the kernels, hands a list with a bad cell over, and agrees with scoreUnit', () => {
    const rs = compileRuleSet(parsed(json(LATE, {}, [BIRTHS])));
    const units = [
      unit({ late: [{ months: 2 }, { months: 12 }], births: [{ order: 3 }] }, 'a'),
      unit({ late: [], births: [] }, 'b'),
      unit({ late: [{ months: null }] }, 'c'),
      // A cell the exact path reports (三 is no figure): the whole item is its to score.
      unit({ late: [{ months: 2 }, { months: '三' }] }, 'd'),
    ];
    const fast = rankCohort(rs, units);
    // a, b on the kernels; c's blank field read there too (missing, as the exact path has it).
    expect(fast.routes).toMatchObject({ fast: 3, exact: 1 });
    const totals = new Map(fast.units.map((u) => [u.unitId, u.total]));
    for (const u of units) {
      const r = scoreUnit(rs, u);
      expect(r.complete ? totals.get(u.id) : null).toBe(r.complete ? r.total : null);
    }
    // a: 0.4 + 2 + 10 = 12.4 → 87.6; b: nothing → 100.
    expect(totals.get('a')).toBe('87.6');
    expect(totals.get('b')).toBe('100');
    expect(fast.units.find((u) => u.unitId === 'c')?.complete).toBe(false);
  });

  it('scoreUnit words an item on the number of cases from the kernels’ trace, as the exact path does', () => {
    // At most 2 late cases; 1 point off for each beyond; 5 births or more and nothing.
    const j = json(LATE);
    const first = j.sections[0]?.items[0] as unknown as Record<string, unknown>;
    delete first.deductions;
    first.rule = {
      kind: 'threshold',
      value: 'late',
      op: '<=',
      target: 2,
      below: { per: 1, points: 1, steps: 'each-started' },
    };
    first.gates = [{ when: 'births >= 5', reason: '违法生育5件以上不得分' }];
    const rs = compileRuleSet(parsed(j));
    let traced = 0;
    for (const records of [
      { late: [{}, {}, {}, {}] },
      { late: [{ months: 1 }] },
      { late: [], births: [{}, {}, {}, {}, {}] },
      { late: [{ months: 2 }], births: [{}] },
      {},
      { late: [{ monhts: 1 }] },
    ]) {
      const u = unit(records as Record<string, CaseRecord[]>);
      const fast = createUnitScorer(rs, u, {});
      const exact = createUnitScorer(rs, u, {}, { kernels: false });
      expect(JSON.stringify(scoreWith(rs, fast))).toBe(JSON.stringify(scoreWith(rs, exact)));
      traced += fast.traced();
    }
    // Every unit through the traced route but two the exact path words: the list absent (its
    // missing-input reason) and the list refused.
    expect(traced).toBe(4);
    // A list with bad cells (read by no formula, but counted): the exact path reports each at
    // its case and field, so the count is its to give, issues and all.
    const bad = unit({ late: [{ months: '三' }, { months: -1 }] });
    const fast = createUnitScorer(rs, bad, {});
    const viaKernels = scoreWith(rs, fast);
    expect(JSON.stringify(viaKernels)).toBe(
      JSON.stringify(scoreWith(rs, createUnitScorer(rs, bad, {}, { kernels: false }))),
    );
    expect(viaKernels.issues.map((i) => i.path)).toEqual(['late[1].months', 'late[2].months']);
    expect(fast.traced()).toBe(0);
  });

  it('a tie-break on a list of cases reads the unit’s values, as the exact path does', () => {
    // The list is no figure among the unit's values: blank for both units, who tie.
    const rs = compileRuleSet(parsed(json(LATE, { ranking: { tieBreak: ['input:late:asc'] } })));
    const units = [unit({ late: [{}, {}, {}] }, 'a'), unit({ late: [{}] }, 'b')];
    const row = (u: { unitId: string; rank: number; tied: boolean }) => [u.unitId, u.rank, u.tied];
    expect(rankCohort(rs, units).units.map(row)).toEqual(scoreCohort(rs, units).units.map(row));
  });

  it(
    'the kernels price every clean list as scoreCohort does, each on the kernels',
    { timeout: 60_000 },
    () => {
      // Clean cells in the forms clerks type them: whole months as numbers or text, months with
      // places, a choice by its value or its label, birth orders; blanks only where no formula
      // reads them (found_by when the case is not multiplied is still read: so never blank).
      const rs = compileRuleSet(parsed(everyForm()));
      const months = fc.oneof(
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 150_000 }).map((n) => (n / 10_000).toFixed(4)),
        fc.integer({ min: 0, max: 15 }).map(String),
      );
      const record = fc.record({
        months,
        found_by: fc.constantFrom('city', 'county', '市级', '县级'),
      });
      const birth = fc.record({ order: fc.integer({ min: 1, max: 9 }) });
      const cohort = fc.array(
        fc.record({
          late: fc.array(record, { maxLength: 6 }),
          births: fc.option(fc.array(birth, { maxLength: 5 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 12 },
      );
      fc.assert(
        fc.property(cohort, (lists) => {
          const units = lists.map(({ late, births: b }, i) =>
            unit({ late, ...(b ? { births: b } : {}) }, `u${i}`),
          );
          const fast = rankCohort(rs, units);
          const full = scoreCohort(rs, units);
          const row = (u: { unitId: string; total: string; complete: boolean; rank: number }) =>
            [u.unitId, u.total, u.complete, u.rank].join('|');
          expect(fast.units.map(row)).toEqual(full.units.map(row));
          expect(fast.routes).toMatchObject({ fast: units.length, exact: 0 });
        }),
        { seed: 20, numRuns: 200 },
      );
    },
  );

  it('a rule or gate reading the number of cases reads it on the kernels, never as blank', () => {
    // At most 2 late cases, else all 10 points lost: 3 cases → 0, 1 case → 10.
    const j = json(LATE);
    const first = j.sections[0]?.items[0] as unknown as Record<string, unknown>;
    delete first.deductions;
    first.rule = { kind: 'threshold', value: 'late', op: '<=', target: 2 };
    first.gates = [{ when: 'births >= 5', reason: '违法生育5件以上不得分' }];
    const rs = compileRuleSet(parsed(j));
    const units = [
      unit({ late: [{}, {}, {}] }, 'a'),
      unit({ late: [{}] }, 'b'),
      unit({ late: [{}], births: [{}, {}, {}, {}, {}] }, 'c'),
    ];
    const fast = rankCohort(rs, units);
    expect(fast.routes).toEqual({ fast: 3, exact: 0, sanctionsFast: 0, sanctionsExact: 0 });
    // A list the exact reader refuses (a key that is no field) is its own to tell.
    const refused = rankCohort(rs, [unit({ late: [{ monhts: 1 }] }, 'r')]);
    expect(refused.routes).toMatchObject({ fast: 0, exact: 1 });
    expect(refused.units[0]?.complete).toBe(
      scoreUnit(rs, unit({ late: [{ monhts: 1 }] })).complete,
    );
    // A kernel's rule (rate) with a gate on the number of cases: the gate hands it over too.
    const k = json(LATE);
    const item = k.sections[0]?.items[0] as unknown as Record<string, unknown>;
    delete item.deductions;
    item.rule = { kind: 'threshold', value: 'rate', op: '>=', target: 90 };
    item.gates = [{ when: 'late >= 3', reason: '逾期3件以上不得分' }];
    const gated = compileRuleSet(parsed(k));
    const g = rankCohort(gated, units);
    expect(g.routes).toMatchObject({ fast: 3, exact: 0 });
    expect(g.units.map((u) => [u.unitId, u.total])).toEqual([
      ['b', '100'],
      ['c', '100'],
      ['a', '0'],
    ]);
    expect(units.map((u) => scoreUnit(gated, u).total)).toEqual(['0', '100', '100']);
    expect(fast.units.map((u) => [u.unitId, u.total])).toEqual([
      ['b', '100'],
      ['a', '0'],
      ['c', '0'],
    ]);
    expect(units.map((u) => scoreUnit(rs, u).total)).toEqual(['0', '100', '0']);
  });

  it('the oracle agrees on generated cases (fixed seed, bounded runs)', { timeout: 30_000 }, () => {
    const rs = parsed(everyForm());
    const compiled = compileRuleSet(rs);
    const field = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 15 }),
      fc.constantFrom('3.5', '三', -1, 'city', 'county', '市级'),
    );
    const record = fc.record(
      { months: field, found_by: fc.oneof(field, fc.constantFrom('city', 'county')) },
      { requiredKeys: [] },
    );
    const seen = new Set<string>();
    const birth = fc.record({
      order: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom(null, 2.5, '三')),
    });
    fc.assert(
      fc.property(
        fc.option(fc.array(record, { maxLength: 6 }), { nil: undefined }),
        fc.option(fc.array(birth, { maxLength: 6 }), { nil: undefined }),
        (late, births) => {
          const u: UnitInput = {
            id: 'u',
            name: 'u',
            values: {},
            records: {
              ...(late ? { late: late as CaseRecord[] } : {}),
              ...(births ? { births } : {}),
            },
          };
          const want = oracleUnit(rs, u);
          const got = scoreUnit(compiled, u);
          const gotItem = got.sections[0]?.items[0];
          const wantItem = want.items[0];
          expect({ score: gotItem?.score, status: gotItem?.status }).toEqual({
            score: wantItem?.score,
            status: wantItem?.status,
          });
          seen.add(String(gotItem?.status));
          const fast = rankCohort(compiled, [u]).units[0];
          if (got.complete) expect(fast?.total).toBe(got.total);
        },
      ),
      { seed: 52, numRuns: 300 },
    );
    // The runs reached scored, unscored and uncomputable cases alike.
    expect([...seen].sort()).toEqual([
      'cannot-compute',
      'gated',
      'met',
      'missing-input',
      'partly-met',
    ]);
  });
});

describe('per-record streams: two editions', () => {
  const messages = (a: RuleSetInput, b: RuleSetInput) =>
    diffRuleSets(parsed(a), parsed({ ...b, edition: 2 })).changes.map(
      (c) => `${c.message.zh}${c.direction ? '' : ''}`,
    );
  it('amounts per step, the increment, the cap per case and the multiplier, with their sides', () => {
    const b = {
      ...BIRTHS,
      escalation: {
        by: 'order',
        schedule: [
          { at: 2, points: 10 },
          { at: 3, points: 10 },
        ],
        beyondLast: { increment: 5 },
      },
    };
    const m = messages(json(BIRTHS), json(b));
    expect(m.some((x) => x.includes('「order」为2时由 8分 提高到 10分(收紧)'))).toBe(true);
    expect(m.some((x) => x.includes('此后每增1递增由 10分 降低到 5分(放宽)'))).toBe(true);
    const z = messages(
      json(BIRTHS),
      json({ ...BIRTHS, escalation: { ...(BIRTHS.escalation as object), zeroAt: 6 } }),
    );
    expect(z.some((x) => x.includes('该项记零的值') && x.includes('收紧'))).toBe(true);
    const c = messages(json({ ...LATE, eachCap: 2 }), json({ ...LATE, eachCap: 1 }));
    expect(c.some((x) => x.includes('每件上限由 2分 降低到 1分(放宽)'))).toBe(true);
    const d = messages(
      json(LATE),
      json({ ...LATE, multiplied: { when: "found_by == 'city'", factor: 2 } }),
    );
    expect(d.some((x) => x.includes('新增加倍') && x.includes('收紧'))).toBe(true);
    const e = messages(json(LATE), json({ ...LATE, each: 'min(months, 12) * 0.2' }));
    expect(
      e.some((x) => x.includes('每件分值由「min(months, 10) * 0.2」改为「min(months, 12) * 0.2」')),
    ).toBe(true);
  });
  it('fields added, removed or changed', () => {
    const b = json(LATE);
    const late = b.inputs[0] as { fields: Record<string, unknown>[] };
    late.fields = [
      { id: 'months', label: '逾期月数', unit: '天' },
      { id: 'note', label: '备注', unit: 'text' },
    ];
    const m = messages(json(LATE), b);
    expect(m).toContain('输入项「逾期上报案件」字段「逾期月数」:单位由「月」改为「天」');
    expect(m).toContain('输入项「逾期上报案件」字段「备注」:新增');
    expect(m).toContain('输入项「逾期上报案件」字段「查处层级」:删除');
  });
});
