import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { UnitInput } from '../model/result.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

// A small rule set in the seeds' shapes; every expected figure below is worked by hand.
const rules: RuleSetInput = {
  ...ruleSetHeader({
    id: 'test-pop',
    level: '县区',
    year: 2012,
    rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
  }),
  points: 20,
  inputs: [
    {
      id: 'policy_rate',
      label: { zh: '符合政策生育率', en: 'policy-compliant birth rate' },
      unit: '%',
    },
    { id: 'birth_rate', label: { zh: '出生率', en: 'birth rate' }, unit: '‰' },
    { id: 'sex_ratio', label: { zh: '出生人口性别比', en: 'sex ratio at birth' }, unit: 'number' },
    {
      id: 'group',
      label: { zh: '成立领导小组', en: 'leading group set up' },
      unit: 'yesno',
      evidence: true,
    },
    {
      id: 'illegal',
      label: { zh: '政策外生育', en: 'births outside policy' },
      unit: 'count',
      blankMeans: 0,
    },
    { id: 'budget', label: { zh: '计生经费', en: 'family planning budget' }, unit: '元' },
    { id: 'pop', label: { zh: '常住人口', en: 'resident population' }, unit: '人' },
    { id: 'petitions', label: { zh: '重大信访案件', en: 'major petition cases' }, unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '稳定低生育水平',
      points: 12,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          points: 4,
          rule: {
            kind: 'threshold',
            value: 'policy_rate',
            op: '>=',
            target: 92,
            below: { per: 1, points: 0.5, steps: 'each-started' },
          },
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
        {
          code: '2',
          title: '出生率',
          points: 3,
          rule: { kind: 'threshold', value: 'birth_rate', op: '<=', target: 8 },
        },
        {
          code: '3',
          title: '出生人口性别比',
          points: 3,
          rule: {
            kind: 'band',
            value: 'sex_ratio',
            low: 103,
            high: 107,
            outside: { per: 1, points: 1, steps: 'pro-rata' },
          },
        },
        {
          code: '4',
          title: '人均经费',
          points: 2,
          rule: { kind: 'threshold', value: 'budget / pop', op: '>=', target: 22 },
        },
      ],
    },
    {
      code: '二',
      title: '组织领导',
      points: 8,
      items: [{ code: '1', title: '领导小组', points: 8, rule: { kind: 'yesno', input: 'group' } }],
    },
  ],
  sanctions: [
    {
      id: 'petition',
      level: 'veto',
      when: 'petitions > 0',
      reason: { zh: '发生重大信访案件', en: 'major petition case' },
    },
    {
      id: 'low_total',
      level: 'no-commendation',
      when: 'total < 15',
      reason: { zh: '总分低于15分', en: 'total below 15' },
    },
  ],
};

function compiled() {
  const parsed = parseRuleSet(rules);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return compileRuleSet(parsed.value);
}

const full: UnitInput['values'] = {
  policy_rate: '92',
  birth_rate: '8',
  sex_ratio: '107',
  group: true,
  illegal: 0,
  budget: '2200000',
  pop: '100000',
  petitions: 0,
};

describe('scoreUnit', () => {
  const rs = compiled();

  it('gives full marks exactly on the boundaries (92 %, 8 ‰, 107, 22 yuan)', () => {
    const r = scoreUnit(rs, { id: 'a', name: '甲', values: full, evidence: { group: true } });
    expect(r.total).toBe('20');
    expect(r.sections.map((s) => s.score)).toEqual(['12', '8']);
    expect(r.vetoed).toBe(false);
    expect(r.complete).toBe(true);
  });

  it('deducts 0.5 for 91.2 % under "每低1个百分点扣0.5分" and says so', () => {
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, policy_rate: 91.2 },
      evidence: { group: true },
    });
    const item = r.sections[0]?.items[0];
    expect(item?.score).toBe('3.5');
    expect(item?.status).toBe('partly-met');
    expect(item?.reason.zh).toBe('符合政策生育率 91.2%,低于 92%,每低1个百分点扣0.5分,扣0.5分');
    expect(item?.adjustments[0]?.amount).toBe('-0.5');
    expect(r.total).toBe('19.5');
  });

  it('stops at zero (扣完为止) and adds per-case deductions', () => {
    // 2.5 below → 3 started steps → −1.5; 2 illegal births → −2: 4 − 3.5 = 0.5
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, policy_rate: '89.5', illegal: 2 },
      evidence: { group: true },
    });
    expect(r.sections[0]?.items[0]?.score).toBe('0.5');
    const r2 = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, policy_rate: '80', illegal: 2 },
      evidence: { group: true },
    });
    expect(r2.sections[0]?.items[0]?.score).toBe('0');
  });

  it('scores a band pro rata outside 103–107 and all-or-nothing ceilings', () => {
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, sex_ratio: '108.4', birth_rate: '8.01' },
      evidence: { group: true },
    });
    expect(r.sections[0]?.items[2]?.score).toBe('1.6'); // 3 − 1.4 × 1
    expect(r.sections[0]?.items[1]?.score).toBe('0');
    expect(r.sections[0]?.items[1]?.status).toBe('not-met');
  });

  it('compares money per head exactly: rates rounding is for derived % and ‰ only', () => {
    // 2,195,100 元 / 100,000 人 = 21.951 元 a head: not a rate, so not rounded to 22.0 by
    // rounding.rates (1 place); 21.951 < 22 does not meet ≥ 22
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, budget: '2195100' },
      evidence: { group: true },
    });
    expect(r.sections[0]?.items[3]?.score).toBe('0');
    // 2,200,000 / 100,000 = 22 exactly: met
    const r1 = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, budget: '2200000' },
      evidence: { group: true },
    });
    expect(r1.sections[0]?.items[3]?.score).toBe('2');
    const r2 = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, budget: '2194900' },
      evidence: { group: true },
    });
    expect(r2.sections[0]?.items[3]?.score).toBe('0');
  });

  it('treats a blank as missing, never as zero', () => {
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, policy_rate: null },
      evidence: { group: true },
    });
    const item = r.sections[0]?.items[0];
    expect(item?.score).toBeNull();
    expect(item?.status).toBe('missing-input');
    expect(item?.missingInputs).toEqual(['policy_rate']);
    expect(item?.reason.zh).toContain('缺少数据:符合政策生育率');
    expect(r.complete).toBe(false);
    expect(r.total).toBe('16');
  });

  it('zeroes a yes item without its evidence and flags it', () => {
    const r = scoreUnit(rs, { id: 'a', name: '甲', values: full });
    const item = r.sections[1]?.items[0];
    expect(item?.status).toBe('missing-evidence');
    expect(item?.score).toBe('0');
    expect(item?.missingEvidence).toEqual(['group']);
    // The reason claims no points it then takes away: 是, no evidence, 0 of the item's 8.
    expect(item?.reason.zh).toBe('成立领导小组:是,但缺少佐证材料(成立领导小组),不得分(0/8)');
    expect(item?.reason.zh).not.toMatch(/得8分/);
    expect(item?.reason.en).toBe(
      'leading group set up: yes; but no evidence (leading group set up): no points (0/8)',
    );
  });

  it('vetoes without changing the score, and applies no-commendation on the total', () => {
    const clean = scoreUnit(rs, { id: 'a', name: '甲', values: full, evidence: { group: true } });
    const vetoed = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, petitions: 1 },
      evidence: { group: true },
    });
    expect(vetoed.total).toBe(clean.total);
    expect(vetoed.vetoed).toBe(true);
    expect(vetoed.sanctions.map((s) => s.id)).toEqual(['petition']);
    const weak = scoreUnit(rs, { id: 'a', name: '甲', values: { ...full, group: false } });
    expect(weak.total).toBe('12');
    expect(weak.noCommendation).toBe(true);
    expect(weak.vetoed).toBe(false);
  });

  it('reports an unreadable value as an issue and treats it as missing', () => {
    const r = scoreUnit(rs, {
      id: 'a',
      name: '甲',
      values: { ...full, birth_rate: 'abc' },
      evidence: { group: true },
    });
    expect(r.sections[0]?.items[1]?.status).toBe('missing-input');
    expect(r.issues.map((i) => i.code)).toContain('bad-value');
  });

  it('is deterministic to the byte', () => {
    const a = JSON.stringify(
      scoreUnit(rs, { id: 'a', name: '甲', values: { ...full, policy_rate: '90.3' } }),
    );
    const b = JSON.stringify(
      scoreUnit(compiled(), { id: 'a', name: '甲', values: { ...full, policy_rate: '90.3' } }),
    );
    expect(a).toBe(b);
  });
});
