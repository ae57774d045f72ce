import { describe, expect, it } from 'vitest';
import { RuleSet, type RuleSetInput } from '../schema/ruleset.ts';
import { diffRuleSets } from './diff.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

const base: RuleSetInput = {
  ...ruleSetHeader({
    id: 'county-pfp',
    title: '旗县区人口计生目标管理责任制考核',
    issuer: '市人口计生委',
    level: '旗县区',
    year: 2025,
  }),
  points: 30,
  inputs: [
    { id: 'policy_rate', label: '符合政策生育率', unit: '%' },
    { id: 'birth_rate', label: '出生率', unit: '‰' },
    { id: 'sex_ratio', label: '出生人口性别比', unit: 'number' },
    { id: 'cases', label: '超生例数', unit: 'count', blankMeans: 0 },
  ],
  sections: [
    {
      code: '一',
      title: '基础工作',
      points: 10,
      items: [
        {
          code: '1',
          title: '领导小组',
          points: 10,
          deductions: [{ kind: 'per-case', input: 'cases', each: 1 }],
        },
      ],
    },
    {
      code: '二',
      title: '稳定低生育水平',
      points: 20,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          points: 8,
          rule: {
            kind: 'threshold',
            value: 'policy_rate',
            op: '>=',
            target: 92,
            below: { per: 1, points: '0.5', steps: 'each-started' },
          },
        },
        {
          code: '2',
          title: '出生率',
          points: 6,
          rule: { kind: 'threshold', value: 'birth_rate', op: '<=', target: 8 },
        },
        {
          code: '3',
          title: '出生人口性别比',
          points: 6,
          rule: { kind: 'band', value: 'sex_ratio', low: 103, high: 107 },
        },
      ],
    },
  ],
  sanctions: [{ id: 'ratio', level: 'notice', when: 'sex_ratio > 120', reason: '性别比严重偏高' }],
  grades: {
    bands: [
      { id: 'adv', label: '先进', min: 90, maxShare: 40 },
      { id: 'ok', label: '合格', min: 60 },
      { id: 'back', label: '后进', min: 0 },
    ],
  },
};

type Mutable = RuleSetInput & { sections: { items: Record<string, unknown>[] }[] };
function edit(fn: (r: Mutable) => void): RuleSet {
  const copy = structuredClone(base) as Mutable;
  fn(copy);
  return RuleSet.parse(copy);
}
const old = RuleSet.parse(base);
const zh = (a: RuleSet, b: RuleSet) => diffRuleSets(a, b).changes.map((c) => c.message.zh);

describe('diffRuleSets', () => {
  it('same edition: no change', () => {
    expect(diffRuleSets(old, old).changes).toEqual([]);
    expect(diffRuleSets(old, old).summary.zh).toBe('两版考核办法没有差别');
  });

  it('a raised floor tightens, a raised ceiling loosens', () => {
    const next = edit((r) => {
      r.edition = 2;
      (r.sections[1]!.items[0]!.rule as { target: number }).target = 93;
      (r.sections[1]!.items[1]!.rule as { target: number }).target = 9;
    });
    const d = diffRuleSets(old, next);
    expect(d.changes.map((c) => [c.message.zh, c.direction])).toEqual([
      ['考核办法:版次由 1 提高到 2', undefined],
      ['二.1 符合政策生育率:下限由 92% 提高到 93%(收紧)', 'tightened'],
      ['二.2 出生率:上限由 8‰ 提高到 9‰(放宽)', 'loosened'],
    ]);
    expect(d.changes[1]!.message.en).toBe(
      '二.1 符合政策生育率: floor raised from 92% to 93% (tightened)',
    );
    expect(d.summary.zh).toBe('共3处变化,其中收紧1处、放宽1处');
  });

  it('a band narrowed, a steeper slope, all-or-nothing and strictness', () => {
    const next = edit((r) => {
      (r.sections[1]!.items[2]!.rule as { low: number }).low = 104;
      const rule = r.sections[1]!.items[0]!.rule as { below?: unknown; op: string };
      rule.below = { per: 1, points: 1, steps: 'each-started' };
      const r2 = r.sections[1]!.items[1]!.rule as { op: string; below?: unknown };
      r2.op = '<';
    });
    expect(zh(old, next)).toEqual([
      '二.1 符合政策生育率:未达标扣分由每1个百分点0.5分改为每1个百分点1分,更陡(收紧)',
      '二.2 出生率:比较方式由「<=」改为「<」(收紧)',
      '二.3 出生人口性别比:区间由 103–107 调整为 104–107(收窄)(收紧)',
    ]);
    const allOrNothing = edit((r) => {
      delete (r.sections[1]!.items[0]!.rule as { below?: unknown }).below;
    });
    expect(diffRuleSets(old, allOrNothing).changes.map((c) => c.direction)).toEqual(['tightened']);
  });

  it('points moved between items, items added, removed, renamed and renumbered', () => {
    const next = edit((r) => {
      r.sections[1]!.items[0]!.points = 9;
      r.sections[1]!.items[1]!.points = 5;
      r.sections[1]!.items[2]!.title = '出生人口性别比(含流动人口)';
      r.sections[0]!.items.push({ code: '2', title: '实施方案', points: 0 });
      r.sections[0]!.items[0]!.code = '3';
    });
    expect(zh(old, next)).toEqual([
      '一.3 领导小组:编号由 一.1 改为 一.3',
      '一.2 实施方案:新增(0分)',
      '二:1分由「二.2 出生率」移至「二.1 符合政策生育率」',
      '二.3 出生人口性别比(含流动人口):名称由「出生人口性别比」改为「出生人口性别比(含流动人口)」',
    ]);
  });

  it('points moved between sections are one line', () => {
    const next = edit((r) => {
      (r.sections[0] as { points: number }).points = 12;
      (r.sections[1] as { points: number }).points = 18;
    });
    expect(diffRuleSets(old, next).changes.map((c) => [c.kind, c.path, c.message.zh])).toEqual([
      ['points-moved', '(root)', '分值:2分由「二 稳定低生育水平」移至「一 基础工作」'],
    ]);
  });

  it('vetoes, sanctions, inputs, grades, quotas and rounding', () => {
    const next = edit((r) => {
      r.sanctions = [
        { id: 'ratio', level: 'veto', when: 'sex_ratio > 120', reason: '性别比严重偏高' },
        { id: 'petition', level: 'interview', when: 'cases > 3', reason: '超生较多' },
      ];
      r.grades!.bands[0]!.min = 92;
      r.grades!.bands[0]!.maxShare = 50;
      r.rounding = { scores: { dp: 1, mode: 'half-up' } };
      r.inputs = r.inputs
        .filter((i) => i.id !== 'cases')
        .concat([{ id: 'cases', label: '超生例数', unit: 'count', blankMeans: 0, evidence: true }]);
    });
    expect(diffRuleSets(old, next).changes.map((c) => [c.message.zh, c.direction ?? '-'])).toEqual([
      ['考核办法:得分保留位数由「2位/half-up」改为「1位/half-up」', '-'],
      ['输入项「超生例数」:改为须提供佐证材料(收紧)', 'tightened'],
      ['一票否决「性别比严重偏高」:处理由「通报」改为「一票否决」(收紧)', 'tightened'],
      ['约谈「超生较多」:新增,条件:cases > 3(收紧)', 'tightened'],
      ['等次「先进」:分数线由 90 提高到 92(收紧)', 'tightened'],
      ['等次「先进」:比例上限由 40% 提高到 50%(放宽)', 'loosened'],
    ]);
  });

  it('per-case deductions: a larger amount per case tightens; a new gate tightens', () => {
    const next = edit((r) => {
      r.sections[0]!.items[0]!.deductions = [{ kind: 'per-case', input: 'cases', each: 2 }];
      r.sections[0]!.items[0]!.gates = [{ when: 'cases > 5', reason: '超生5例以上' }];
    });
    expect(zh(old, next)).toEqual([
      '一.1 领导小组:「cases」按件扣分每件分值由 1分 提高到 2分(收紧)',
      '一.1 领导小组:新增不记分情形:超生5例以上(收紧)',
    ]);
  });

  it('partial documents: a declared mismatch and items pending, added and removed', () => {
    const partial = edit((r) => {
      r.sections[1]!.pointsMismatch = '原文件第二部分缺页';
      r.sections[1]!.items.splice(2);
      r.sections.push({
        code: '三',
        title: '服务',
        points: 10,
        items: [],
        itemsPending: { zh: '细则另行下发', en: 'details to follow' },
      });
      r.points = 40;
    });
    expect(zh(old, partial)).toEqual([
      '考核办法:总分由 30分 提高到 40分',
      '二 稳定低生育水平:新增分值不符的说明:原文件第二部分缺页',
      '二.3 出生人口性别比:删除(6分)',
      '三 服务:新增(10分)',
    ]);
    const listed = edit((r) => {
      r.sections[1]!.pointsMismatch = '原文件第二部分缺页';
      r.sections[1]!.items.splice(2);
      r.sections.push({
        code: '三',
        title: '服务',
        points: 10,
        items: [{ code: '1', title: '服务站', points: 10, rule: { kind: 'expr', score: '10' } }],
      });
      r.points = 40;
    });
    expect(zh(partial, listed)).toEqual([
      '三 服务:考核项目已列出,不再待定(原因:细则另行下发)',
      '三.1 服务站:新增(10分)',
    ]);
    expect(diffRuleSets(listed, partial).changes.map((c) => c.message.en)).toEqual([
      '三 服务: items now pending (details to follow): not scored',
      '三.1 服务站: removed (10 points)',
    ]);
    const item = edit((r) => {
      r.pointsMismatch = '原文件总分如此';
    });
    expect(zh(old, item)).toEqual(['考核办法:新增分值不符的说明:原文件总分如此']);
    expect(zh(item, old)).toEqual(['考核办法:取消分值不符的说明(原文件总分如此),分值须相符']);
    const parent = edit((r) => {
      r.sections[0]!.items[0]!.pointsMismatch = '小项合计12分';
    });
    const reworded = edit((r) => {
      r.sections[0]!.items[0]!.pointsMismatch = '小项合计11分';
    });
    expect(zh(parent, reworded)).toEqual([
      '一.1 领导小组:分值不符的说明由「小项合计12分」改为「小项合计11分」',
    ]);
  });
  describe('lineage (formerly)', () => {
    it('a renamed item (new code and title) is matched through formerly, not removed + added', () => {
      const next = edit((r) => {
        Object.assign(r.sections[1]!.items[1]!, { code: '5', formerly: '2', title: '人口出生率' });
      });
      expect(zh(old, next)).toEqual([
        '二.5 人口出生率:编号由 二.2 改为 二.5',
        '二.5 人口出生率:名称由「出生率」改为「人口出生率」',
      ]);
    });

    it('renumbered with a tightened threshold: one item, its rule change in business terms', () => {
      // 二.3 性别比 becomes 二.2 (formerly 3); the old 二.2 出生率 is gone. The item's code is
      // an old item's, yet it follows its lineage: 103–107 → 104–107 narrows (tightens).
      const next = edit((r) => {
        const items = r.sections[1]!.items;
        items.splice(1, 1);
        Object.assign(items[1]!, { code: '2', formerly: '3' });
        (items[1]!.rule as { low: number }).low = 104;
        items[0]!.points = 14;
      });
      expect(zh(old, next)).toEqual([
        '二.2 出生人口性别比:编号由 二.3 改为 二.2',
        '二.1 符合政策生育率:分值由 8分 提高到 14分',
        '二.2 出生人口性别比:区间由 103–107 调整为 104–107(收窄)(收紧)',
        '二.2 出生率:删除(6分)',
      ]);
    });

    it('a section renumbered and retitled: its items follow it', () => {
      const next = edit((r) => {
        Object.assign(r.sections[1]!, { code: '三', formerly: '二', title: '生育水平' });
        (r.sections[1]!.items[1]!.rule as { target: number }).target = 7;
      });
      expect(zh(old, next)).toEqual([
        '三 生育水平:编号由 二 改为 三',
        '三 生育水平:名称由「稳定低生育水平」改为「生育水平」',
        '三.2 出生率:上限由 8‰ 降低到 7‰(收紧)',
      ]);
    });

    it('without formerly a renamed and renumbered item stays removed + added', () => {
      const next = edit((r) => {
        Object.assign(r.sections[1]!.items[1]!, { code: '5', title: '人口出生率' });
      });
      expect(zh(old, next)).toEqual(['二.2 出生率:删除(6分)', '二.5 人口出生率:新增(6分)']);
    });
  });
});
