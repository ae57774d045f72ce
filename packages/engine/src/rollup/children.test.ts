// Inputs rolled up from the children (source: children): the declaration checked at its path,
// and childrenInputs feeding a township's sheet from its villages' cohort.
import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { childrenInputs, rolledUpWords } from './children.ts';
import { diffRuleSets } from '../diff/diff.ts';

const common = {
  schemaVersion: 1 as const,
  issuer: '镇',
  year: 2026,
  edition: 1,
  rounding: { scores: { dp: 2, mode: 'half-up' as const } },
};

function parsed(json: RuleSetInput) {
  const out = parseRuleSet(json);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.value;
}

const villageRules = parsed({
  ...common,
  id: 'village',
  title: '村级考核',
  level: '村',
  points: 100,
  inputs: [
    { id: 'rate', label: '符合政策生育率', unit: '%' },
    { id: 'signed', label: '签订责任书', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '计生',
      points: 100,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          points: 100,
          // 95 % or more: 100; 2 points off per point below.
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 95,
            below: { per: 1, points: 2, steps: 'pro-rata' },
          },
        },
      ],
    },
  ],
});

const townshipJson = {
  ...common,
  issuer: '县',
  id: 'township',
  title: '乡镇考核',
  level: '乡镇',
  points: 20,
  inputs: [
    {
      id: 'villages_ok',
      label: '达标村比例',
      unit: '%',
      source: 'children',
      from: 'village',
      rollUp: {
        kind: 'share',
        qualifies: { by: 'total', min: 85 },
        rounding: { dp: 2, mode: 'half-up' },
      },
    },
    {
      id: 'unsigned_cut',
      label: '未签责任书扣分',
      unit: 'number',
      source: 'children',
      from: 'village',
      rollUp: { kind: 'per-child', input: 'signed', each: 0.5 },
    },
  ],
  sections: [
    {
      code: '一',
      title: '基层',
      points: 20,
      items: [
        {
          code: '1',
          title: '达标村比例≥85%',
          points: 10,
          rule: { kind: 'threshold', value: 'villages_ok', op: '>=', target: 85 },
        },
        {
          code: '2',
          title: '层层签订责任书',
          points: 10,
          rule: { kind: 'expr', score: '10 + unsigned_cut' },
        },
      ],
    },
  ],
} satisfies RuleSetInput;
const townshipRules = parsed(townshipJson);

const villages = [
  { id: 'v1', name: '一村', values: { rate: 96, signed: '是' } },
  { id: 'v2', name: '二村', values: { rate: '94.5', signed: '是' } },
  { id: 'v3', name: '三村', values: { rate: 90, signed: '否' } },
  { id: 'v4', name: '四村', values: { rate: 95, signed: '是' } },
];
const sources = { v1: '一村.xlsx', v2: '二村.xlsx', v3: '三村.xlsx', v4: '四村.xlsx' };

describe('source: children — the declaration', () => {
  const issuesOf = (patch: Record<string, unknown>, i = 0) => {
    const inputs = townshipJson.inputs.map((d, k) => (k === i ? { ...d, ...patch } : d));
    const out = parseRuleSet({ ...townshipJson, inputs } as RuleSetInput);
    return out.ok ? [] : out.issues.map((x) => [x.code, x.path]);
  };

  it('a township over its villages parses', () => {
    expect(townshipRules.inputs.map((d) => [d.source, d.from, d.rollUp?.kind])).toEqual([
      ['children', 'village', 'share'],
      ['children', 'village', 'per-child'],
    ]);
  });

  it('each problem at its path, in Chinese and English', () => {
    expect(issuesOf({ from: undefined })).toEqual([['children-without-from', 'inputs[0].from']]);
    // `from` is a rule set id, dashes and all (not an input id).
    expect(issuesOf({ from: 'cascade-village' })).toEqual([]);
    expect(issuesOf({ from: 'township' })).toEqual([['children-self', 'inputs[0].from']]);
    expect(issuesOf({ rollUp: undefined })).toEqual([
      ['children-without-roll-up', 'inputs[0].rollUp'],
    ]);
    expect(issuesOf({ unit: 'number' })).toEqual([['roll-up-unit', 'inputs[0].unit']]);
    expect(issuesOf({ unit: '%' }, 1)).toEqual([['roll-up-unit', 'inputs[1].unit']]);
    expect(issuesOf({ blankMeans: 0 })).toEqual([['children-blank-means', 'inputs[0].blankMeans']]);
    expect(issuesOf({ source: 'unit', from: undefined })).toEqual([
      ['roll-up-without-children', 'inputs[0].rollUp'],
    ]);
    expect(issuesOf({ rollUp: { kind: 'per-child', input: 'signed', each: -0.5 } }, 1)).toEqual([
      ['roll-up-each', 'inputs[1].rollUp.each'],
    ]);
    const bad = parseRuleSet({
      ...townshipJson,
      inputs: [{ ...townshipJson.inputs[0], from: undefined }, townshipJson.inputs[1]],
    } as RuleSetInput);
    expect(bad.ok ? undefined : bad.issues[0]?.message).toEqual({
      zh: '输入项「达标村比例」由下级单位汇总,应写明下级按哪个考核办法考核(from:其编号)',
      en: 'input "达标村比例" is rolled up from the children: name the rule set they are assessed by (from: its id)',
    });
  });
});

describe('childrenInputs', () => {
  const cohort = scoreCohort(compileRuleSet(villageRules), villages);

  it('the share of villages ≥ 85 and −0.5 per unsigned village score the township', () => {
    // 96 → 100; 94.5 → 100 − 0.5 × 2 = 99; 90 → 100 − 5 × 2 = 90; 95 → 100: all four ≥ 85,
    // so the share is 4/4 = 100 %.
    const read = childrenInputs(
      { ruleSet: villageRules, cohort, inputs: villages, sources },
      townshipRules,
    );
    expect(read.issues).toEqual([]);
    // 三村 alone has 否: −0.5.
    expect(read.values).toEqual({ villages_ok: '100', unsigned_cut: '-0.5' });
    const t = scoreUnit(compileRuleSet(townshipRules), {
      id: 't',
      name: '某镇',
      values: read.values,
    });
    // 100 ≥ 85 → 10; 10 + (−0.5) = 9.5; total 19.5.
    expect([t.total, t.sections[0]?.items.map((i) => i.score)]).toEqual(['19.5', ['10', '9.5']]);
    expect(rolledUpWords(read.rolledUp.unsigned_cut!).zh).toBe(
      '下级汇总(按「村级考核」2026年度第1版考核的4个单位):未签责任书扣分:1个(三村),每个扣0.5分,共扣0.5分;来自:一村.xlsx、二村.xlsx、三村.xlsx、四村.xlsx',
    );
  });

  it('a share below the floor names who did not qualify; 3 of 4 is 75 %', () => {
    const low = villages.map((v) =>
      v.id === 'v3' ? { ...v, values: { ...v.values, rate: 80 } } : v,
    );
    // 80 % → 100 − 15 × 2 = 70 < 85.
    const read = childrenInputs(
      {
        ruleSet: villageRules,
        cohort: scoreCohort(compileRuleSet(villageRules), low),
        inputs: low,
        sources,
      },
      townshipRules,
    );
    expect(read.values.villages_ok).toBe('75');
    expect(rolledUpWords(read.rolledUp.villages_ok!).zh).toBe(
      '下级汇总(按「村级考核」2026年度第1版考核的4个单位):达标村比例:4个单位中3个达标,占 75%;未达标:三村(总分 70 低于 85);来自:一村.xlsx、二村.xlsx、三村.xlsx、四村.xlsx',
    );
  });

  it('a child missing or not verified blanks every figure, naming it', () => {
    const read = childrenInputs(
      {
        ruleSet: villageRules,
        cohort,
        inputs: villages,
        unusable: [{ unitId: 'v5', name: '五村', why: { zh: '未上报', en: 'not returned' } }],
      },
      townshipRules,
    );
    expect(read.values).toEqual({ villages_ok: null, unsigned_cut: null });
    expect(read.issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      ['child-unusable', 'inputs.villages_ok', '「达标村比例」未汇总:下级单位「五村」未上报'],
      ['child-unusable', 'inputs.unsigned_cut', '「未签责任书扣分」未汇总:下级单位「五村」未上报'],
    ]);
  });

  it('a child not judged or a blank answer blanks that figure only', () => {
    const blank = villages.map((v) =>
      v.id === 'v2' ? { ...v, values: { rate: null, signed: null } } : v,
    );
    const read = childrenInputs(
      {
        ruleSet: villageRules,
        cohort: scoreCohort(compileRuleSet(villageRules), blank),
        inputs: blank,
      },
      townshipRules,
    );
    expect(read.values).toEqual({ villages_ok: null, unsigned_cut: null });
    expect(read.issues.map((i) => [i.code, i.path])).toEqual([
      ['child-cannot-be-judged', 'inputs.villages_ok'],
      ['child-answer-blank', 'inputs.unsigned_cut'],
    ]);
    expect(read.issues[0]?.message.zh).toBe(
      '「达标村比例」未汇总:下级单位「二村」无法判定是否达标:总分不完整(有指标未计分或事项待定)',
    );
  });

  it('children nobody reads, and a per-child input the children lack, are errors', () => {
    const other = { ...villageRules, id: 'other' };
    expect(
      childrenInputs({ ruleSet: other, cohort, inputs: villages }, townshipRules).issues.map(
        (i) => i.code,
      ),
    ).toEqual(['children-unused']);
    const noSigned = { ...villageRules, inputs: villageRules.inputs.slice(0, 1) };
    const read = childrenInputs({ ruleSet: noSigned, cohort, inputs: villages }, townshipRules);
    expect([read.values.unsigned_cut, read.issues.map((i) => i.code)]).toEqual([
      null,
      ['unknown-child-input'],
    ]);
  });
});

describe('source: children — the diff of two editions', () => {
  const edition = (patch: Record<string, unknown>, i = 0) =>
    parsed({
      ...townshipJson,
      inputs: townshipJson.inputs.map((d, k) => (k === i ? { ...d, ...patch } : d)),
    } as RuleSetInput);
  const said = (b: ReturnType<typeof edition>) =>
    diffRuleSets(townshipRules, b).changes.map((c) => [c.message.zh, c.direction ?? null]);

  it('a pass mark raised, points per child raised, and the way of rolling up changed', () => {
    const shareRule = townshipJson.inputs.at(0)?.rollUp;
    expect(
      said(edition({ rollUp: { ...shareRule, qualifies: { by: 'total', min: 90 } } })),
    ).toEqual([['输入项「达标村比例」:下级达标分数线由 85 提高到 90(收紧)', 'tightened']]);
    expect(said(edition({ rollUp: { kind: 'per-child', input: 'signed', each: 1 } }, 1))).toEqual([
      ['输入项「未签责任书扣分」:每个下级扣分由 0.5 提高到 1(收紧)', 'tightened'],
    ]);
    expect(
      said(edition({ rollUp: { ...shareRule, qualifies: { by: 'grade', grades: ['adv'] } } })),
    ).toEqual([
      [
        '输入项「达标村比例」:下级汇总方法由「达标比例:总分≥85,2位/half-up」改为「达标比例:等次为adv,2位/half-up」',
        null,
      ],
    ]);
    expect(said(edition({ from: 'village-2' }))).toEqual([
      ['输入项「达标村比例」:下级考核办法由「village」改为「village-2」', null],
    ]);
  });
});
