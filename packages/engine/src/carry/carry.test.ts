// A result carried into another scheme (RULE-FORMS 42; issue 14 point 14): a safety assessment's
// sanctions land on a composite assessment (−10 for a major accident; half a point per point
// below 60), read there by an input `source: 'carried'` with where each amount came from. Every
// figure below is worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { diffRuleSets } from '../diff/diff.ts';
import type { UnitInput } from '../model/result.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { carriedInputs, carriedOut, type CarriedInputs } from './carry.ts';

const SAFETY = ruleSetHeader({
  id: 'safety',
  title: '安全生产考核',
  year: 2024,
  edition: 2,
  points: 100,
  inputs: [
    { id: 's', label: '安全工作得分', unit: 'number' },
    { id: 'major', label: '发生重大事故', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '安全工作',
      points: 100,
      items: [{ code: '1', title: '安全工作', points: 100, rule: { kind: 'expr', score: 's' } }],
    },
  ],
  sanctions: [
    {
      id: 'major_veto',
      level: 'veto',
      when: 'major',
      reason: { zh: '发生重大安全事故', en: 'a major accident' },
      carries: { to: 'composite', input: 'safety_cut', amount: -10 },
    },
    {
      id: 'low',
      level: 'notice',
      when: 'total < 60',
      reason: { zh: '安全考核低于60分', en: 'safety below 60' },
      carries: { to: 'composite', input: 'safety_cut', amount: '-(60 - total) * 0.5' },
    },
  ],
});

const COMPOSITE = ruleSetHeader({
  id: 'composite',
  title: '综合考核',
  year: 2024,
  edition: 1,
  points: 100,
  inputs: [
    { id: 'work', label: '工作得分', unit: 'number' },
    { id: 'safety_cut', label: '安全生产结转', unit: 'number', source: 'carried', from: 'safety' },
  ],
  sections: [
    {
      code: '一',
      title: '工作',
      points: 100,
      items: [{ code: '1', title: '工作', points: 100, rule: { kind: 'expr', score: 'work' } }],
    },
    {
      code: '二',
      title: '其他考核结转',
      points: 0,
      items: [
        {
          code: '1',
          title: '安全生产',
          points: 0,
          min: 'none',
          rule: { kind: 'expr', score: 'safety_cut' },
        },
      ],
    },
  ],
});

const parsed = (json: unknown): RuleSet => {
  const p = parseRuleSet(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const safety = parsed(SAFETY);
const composite = parsed(COMPOSITE);
const SENT: UnitInput[] = [
  // A: 90, no accident — nothing holds.
  { id: 'A', name: '甲镇', values: { s: 90, major: false } },
  // B: 50 with a major accident — veto −10, and (60 − 50) × 0.5 = 5 below 60: −5; in all −15.
  { id: 'B', name: '乙镇', values: { s: 50, major: true } },
  // C: its score blank, a major accident — the veto holds (−10), the notice on the total is
  // undecided: pending.
  { id: 'C', name: '丙镇', values: { s: null, major: true } },
  // D: 70, the accident question blank — the veto is undecided: pending.
  { id: 'D', name: '丁镇', values: { s: 70, major: null } },
];
const sentResults = () => {
  const rs = compileRuleSet(safety);
  return SENT.map((u) => scoreUnit(rs, u));
};
const merge = (id: string, carried: CarriedInputs): UnitInput => ({
  id,
  name: id,
  values: { work: 80, ...carried.units[id]?.values },
  ...(carried.units[id] ? { carried: carried.units[id].carried } : {}),
});

describe('a sanction carried into another scheme', () => {
  it('lists what the holding sanctions carry, pending where undecided (never 0)', () => {
    const r = sentResults();
    const brief = r.map((x) =>
      (x.carried ?? []).map((c) => `${c.from.sanctionId}→${c.to}.${c.input}:${c.amount ?? '待定'}`),
    );
    expect(brief).toEqual([
      [],
      ['major_veto→composite.safety_cut:-10', 'low→composite.safety_cut:-5'],
      ['major_veto→composite.safety_cut:-10', 'low→composite.safety_cut:待定'],
      ['major_veto→composite.safety_cut:待定'],
    ]);
    expect(r[1]?.carried?.[0]?.from).toEqual({
      ruleSetId: 'safety',
      title: { zh: '安全生产考核', en: '安全生产考核' },
      year: 2024,
      edition: 2,
      sanctionId: 'major_veto',
      level: 'veto',
      reason: { zh: '发生重大安全事故', en: 'a major accident' },
    });
    // A rule set whose sanctions carry nothing lists nothing (no field: its results as before).
    expect(
      'carried' in
        scoreUnit(
          compileRuleSet(composite),
          merge('A', { from: carriedOut(safety, []).from, units: {}, issues: [] }),
        ),
    ).toBe(false);
  });

  it('reads them in the other scheme as inputs with their provenance', () => {
    const carried = carriedInputs(carriedOut(safety, sentResults()), composite);
    expect(carried.issues).toEqual([]);
    expect(
      Object.fromEntries(Object.entries(carried.units).map(([id, u]) => [id, u.values])),
    ).toEqual({
      // A complete, nothing held: 0, because its result says so.
      A: { safety_cut: '0' },
      // −10 + −5.
      B: { safety_cut: '-15' },
      // Pending senders: blank, never 0.
      C: { safety_cut: null },
      D: { safety_cut: null },
    });
    const rc = compileRuleSet(composite);
    const score = (id: string) => scoreUnit(rc, merge(id, carried));
    // B: 80 + (−15) = 65; the item quotes where the −15 came from.
    const b = score('B');
    expect(b.total).toBe('65');
    expect(b.sections[1]?.items[0]?.reason.zh).toBe(
      '按公式「安全生产结转」计算(安全生产结转 -15),得-15分,该项可负分,得-15分;另一考核(「安全生产考核」2024年度第2版)否决事项「发生重大安全事故」结转:扣10分,通报事项「安全考核低于60分」结转:扣5分',
    );
    expect(b.sections[1]?.items[0]?.reason.en).toContain(
      'carried from another assessment ("安全生产考核", 2024, edition 2): veto "a major accident": −10; notice "safety below 60": −5',
    );
    const a = score('A');
    expect([a.total, a.complete]).toEqual(['80', true]);
    expect(a.sections[1]?.items[0]?.reason.zh).toContain(
      '另一考核(「安全生产考核」2024年度第2版)无结转事项,按0分计',
    );
    // C: the item is missing its carried input and says what is known and what is pending.
    const c = score('C');
    expect([c.complete, c.sections[1]?.items[0]?.status]).toEqual([false, 'missing-input']);
    expect(c.sections[1]?.items[0]?.reason.zh).toBe(
      '缺少数据:安全生产结转,无法计分;另一考核(「安全生产考核」2024年度第2版)否决事项「发生重大安全事故」结转:扣10分,结果待定(无法判定「安全考核低于60分」:尚有指标未能计分,总分不完整(待定))',
    );
    expect(score('D').sections[1]?.items[0]?.reason.zh).toContain(
      '结果待定(无法判定「发生重大安全事故」:缺少“发生重大事故”)',
    );
    // E was not assessed there: nothing carried, so its item is missing (never 0).
    expect(score('E').sections[1]?.items[0]?.status).toBe('missing-input');
  });

  it('reports what would be lost or cannot be trusted', () => {
    const sent = carriedOut(safety, sentResults());
    const codes = (c: CarriedInputs) => c.issues.map((i) => `${i.code}@${i.path}`);
    // The receiving scheme reads another input: the sender's amounts would be lost.
    const other = parsed({
      ...COMPOSITE,
      inputs: [
        { id: 'work', label: '工作得分', unit: 'number' },
        {
          id: 'safety_cut',
          label: '安全生产结转',
          unit: 'number',
          source: 'carried',
          from: 'fire',
        },
      ],
    });
    expect(codes(carriedInputs(sent, other))).toEqual([
      'carried-unread@carried.major_veto',
      'carried-unread@carried.low',
      'carried-unused@carried',
    ]);
    // A hand-edited file naming a sanction the sender does not carry; a sender of another year.
    const edited = {
      ...sent,
      from: { ...sent.from, year: 2023 },
      carries: sent.carries.filter((c) => c.sanctionId !== 'low'),
    };
    const read = carriedInputs(edited, composite);
    expect(codes(read)).toEqual([
      'carried-year@carried',
      'unknown-sanction@units.B.carried[1]',
      'unknown-sanction@units.C.carried[1]',
    ]);
    // The amount of an undeclared sanction is not summed: B reads −10 only.
    expect(read.units.B?.values).toEqual({ safety_cut: '-10' });
    // A sender that carries nothing to this input cannot give it a 0; a unit twice, neither.
    const silent = { ...sent, carries: [], units: [...sent.units, ...sent.units.slice(0, 1)] };
    const none = carriedInputs(silent, composite);
    expect(codes(none)).toEqual([
      'carried-undeclared@inputs[1].from',
      'unknown-sanction@units.B.carried[0]',
      'unknown-sanction@units.B.carried[1]',
      'unknown-sanction@units.C.carried[0]',
      'unknown-sanction@units.C.carried[1]',
      'unknown-sanction@units.D.carried[0]',
      'duplicate-unit@units.A',
    ]);
    expect(none.units.A?.values).toEqual({});
  });

  it('decides a carry on the ranking with the cohort; scored alone it is pending', () => {
    const ranked = parsed({
      ...SAFETY,
      sanctions: [
        {
          id: 'last',
          level: 'notice',
          when: 'bottom_rank() == 1',
          reason: { zh: '安全考核排名末位', en: 'last in safety' },
          carries: { to: 'composite', input: 'safety_cut', amount: '-2' },
        },
      ],
    });
    const rs = compileRuleSet(ranked);
    const units = [SENT[0], SENT[1]] as UnitInput[];
    const alone = scoreUnit(rs, units[1] as UnitInput);
    expect(alone.carried?.map((c) => [c.amount, c.pending?.zh])).toEqual([
      [null, '「安全考核排名末位」按排名或等次判定,待全部单位排名、评定等次后判定'],
    ]);
    // Ranked: A 90 first, B 50 last → B carries −2, A nothing.
    const cohort = scoreCohort(rs, units);
    expect(
      cohort.units.map((u) => [u.unitId, (u.result.carried ?? []).map((c) => c.amount)]),
    ).toEqual([
      ['A', []],
      ['B', ['-2']],
    ]);
    // An amount on the rank, while a unit is incomplete (C): B's notice holds (50 < 60), its
    // amount waits for the ranking.
    const byRank = parsed({
      ...SAFETY,
      sanctions: [
        {
          id: 'low',
          level: 'notice',
          when: 'total < 60',
          reason: { zh: '安全考核低于60分', en: 'safety below 60' },
          carries: { to: 'composite', input: 'safety_cut', amount: '-bottom_rank()' },
        },
      ],
    });
    const provisional = scoreCohort(compileRuleSet(byRank), [units[1], SENT[2]] as UnitInput[]);
    expect(provisional.units.find((u) => u.unitId === 'B')?.result.carried?.[0]?.pending?.zh).toBe(
      '「安全考核低于60分」结转的分值待定:排名和等次尚未确定',
    );
    const read = carriedInputs(
      carriedOut(
        ranked,
        cohort.units.map((u) => u.result),
      ),
      composite,
    );
    expect([read.units.A?.values, read.units.B?.values]).toEqual([
      { safety_cut: '0' },
      { safety_cut: '-2' },
    ]);
  });

  it('is checked where it is written, on both sides', () => {
    const errs = (json: unknown) =>
      validateRuleSet(json)
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`);
    const sanction = (carries: unknown) => ({
      ...SAFETY,
      sanctions: [{ ...SAFETY.sanctions[0], carries }],
    });
    expect(errs(sanction({ to: 'composite', amount: -10 }))).toEqual([
      'missing-field@sanctions[0].carries.input',
    ]);
    expect(errs(sanction({ to: 'safety', input: 'x', amount: -10 }))).toEqual([
      'carries-self@sanctions[0].carries.to',
    ]);
    expect(errs(sanction({ to: 'composite', input: 'x', amount: null }))).toEqual([
      'missing-number@sanctions[0].carries.amount',
    ]);
    expect(errs(sanction({ to: 'composite', input: 'x', amount: '-nn' }))).toEqual([
      'expr-unknown-identifier@sanctions[0].carries.amount',
    ]);
    // A carry on the ranking is a sanction on the ranking: interview or notice only.
    expect(errs(sanction({ to: 'composite', input: 'x', amount: '-rank()' }))).toEqual([
      'cohort-sanction-level@sanctions[0]',
    ]);
    const input = (over: Record<string, unknown>) => ({
      ...COMPOSITE,
      inputs: [
        COMPOSITE.inputs[0],
        { id: 'safety_cut', label: '安全生产结转', unit: 'number', ...over },
      ],
    });
    expect(errs(input({ source: 'carried' }))).toEqual(['carried-without-from@inputs[1].from']);
    expect(errs(input({ from: 'safety' }))).toEqual(['from-without-carried@inputs[1].from']);
    expect(errs(input({ source: 'carried', from: 'composite' }))).toEqual([
      'carries-self@inputs[1].from',
    ]);
    expect(errs(input({ source: 'carried', from: 'safety', unit: '%' }))).toEqual([
      'carried-unit@inputs[1].unit',
    ]);
    expect(errs(input({ source: 'carried', from: 'safety', blankMeans: 0 }))).toEqual([
      'carried-blank-means@inputs[1].blankMeans',
    ]);
  });

  it('is in the diff of two editions: carries added, changed, removed; a carried input’s sender', () => {
    const edit = (f: (r: RuleSet) => void): RuleSet => {
      const r = structuredClone(safety);
      f(r);
      return r;
    };
    const msgs = (a: RuleSet, b: RuleSet) =>
      diffRuleSets(a, b)
        .changes.filter((c) => c.path.startsWith('sanctions.'))
        .map((c) => c.message.zh);
    const without = edit((r) => {
      delete r.sanctions[0]?.carries;
    });
    expect(msgs(without, safety)).toEqual([
      '一票否决「发生重大安全事故」:结转至另一考核由「无」改为「composite.safety_cut:-10」(收紧)',
    ]);
    expect(msgs(safety, without)).toEqual([
      '一票否决「发生重大安全事故」:结转至另一考核由「composite.safety_cut:-10」改为「无」(放宽)',
    ]);
    const more = edit((r) => {
      if (r.sanctions[0]?.carries) r.sanctions[0].carries.amount = -20;
    });
    expect(msgs(safety, more)).toEqual([
      '一票否决「发生重大安全事故」:结转至另一考核由「composite.safety_cut:-10」改为「composite.safety_cut:-20」',
    ]);
    const added = edit((r) => {
      r.sanctions = r.sanctions.slice(0, 1);
    });
    expect(msgs(added, safety)).toEqual([
      '通报「安全考核低于60分」:新增,条件:total < 60,结转至另一考核「composite.safety_cut:-(60 - total) * 0.5」(收紧)',
    ]);
    const from = structuredClone(composite);
    const input = from.inputs[1];
    if (input) input.from = 'fire';
    expect(diffRuleSets(composite, from).changes.map((c) => c.message.zh)).toContain(
      '输入项「安全生产结转」:结转来源由「safety」改为「fire」',
    );
  });
});

describe('carried values, against a naive oracle', () => {
  // The veto carries −10 when `major` is yes; the notice carries −(60 − s) × 0.5 when s < 60.
  // A blank s leaves the total incomplete (the notice undecided), a blank `major` the veto
  // undecided: then the composite's input is blank; else the sum (0 when neither holds).
  const rs = compileRuleSet(safety);
  const unit = fc.record({
    s: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    major: fc.option(fc.boolean(), { nil: null }),
  });
  it(
    'reads the sum from a complete result, 0 only when it says nothing holds, else blank',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), (figures) => {
          const units = figures.map((v, i) => ({ id: `u${i}`, name: `u${i}`, values: v }));
          const read = carriedInputs(
            carriedOut(
              safety,
              units.map((x) => scoreUnit(rs, x)),
            ),
            composite,
          );
          figures.forEach(({ s, major }, i) => {
            const expected =
              s === null || major === null
                ? null
                : String((major ? -10 : 0) + (s < 60 ? -(60 - s) * 0.5 : 0));
            expect(read.units[`u${i}`]?.values.safety_cut).toBe(expected === '-0' ? '0' : expected);
          });
        }),
        { seed: 42014, numRuns: 100 },
      );
    },
  );
});
