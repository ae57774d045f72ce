import { describe, expect, it } from 'vitest';
import { RuleSet, type RuleSetInput } from '../schema/ruleset.ts';
import { diffRuleSets } from './diff.ts';

const base: RuleSetInput = {
  schemaVersion: 1,
  id: 'assoc',
  title: '协会工作考核',
  issuer: '计生协',
  level: '苏木乡镇',
  year: 2025,
  edition: 3,
  points: 10,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'funds', label: '协会经费', unit: '万元' },
    { id: 'late', label: '逾期上报', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '组织',
      points: 10,
      items: [
        {
          code: '1',
          title: '经费',
          points: 10,
          deductions: [{ kind: 'state', input: 'late', amounts: { true: 2 } }],
        },
      ],
    },
  ],
  bonus: {
    cap: 3,
    items: [
      { code: '1', title: '单列奖励经费', points: 2, rule: { kind: 'yesno', input: 'late' } },
    ],
  },
  grades: {
    bands: [
      { id: 'a', label: '优秀', min: 9, maxShare: 30 },
      { id: 'b', label: '良好', min: 7 },
      { id: 'c', label: '合格', min: 0 },
    ],
  },
};
const old = RuleSet.parse(base);
const next = (fn: (r: RuleSetInput) => void) => {
  const copy = structuredClone(base);
  fn(copy);
  return RuleSet.parse(copy);
};
const lines = (b: RuleSet) =>
  diffRuleSets(old, b).changes.map((c) => [c.path, c.message.zh, c.direction ?? '-']);

describe('diffRuleSets outside the indicators', () => {
  it('inputs, sections, bonus cap and bonus items', () => {
    const b = next((r) => {
      r.inputs = [
        { id: 'funds', label: '协会经费', unit: '万元' },
        { id: 'late', label: '逾期上报', unit: 'yesno' },
        { id: 'members', label: '会员数', unit: '人' },
      ];
      r.inputs.splice(0, 1);
      r.sections.push({
        code: '二',
        title: '会员',
        points: 5,
        items: [{ code: '1', title: '会员发展', points: 5 }],
      });
      r.points = 15;
      r.bonus!.cap = 2;
      r.bonus!.items[0]!.points = 3;
    });
    expect(lines(b)).toEqual([
      ['points', '考核办法:总分由 10分 提高到 15分', '-'],
      ['二', '二 会员:新增(5分)', '-'],
      ['加分', '加分:加分上限由 3分 降低到 2分(收紧)', 'tightened'],
      ['加分.1', '加分.1 单列奖励经费:分值由 2分 提高到 3分', '-'],
      ['inputs.members', '输入项「会员数」:新增', '-'],
      ['inputs.funds', '输入项「协会经费」:删除', '-'],
    ]);
  });

  it('a removed deduction stream and a grade band removed, a quota dropped, ranking and policies', () => {
    const b = next((r) => {
      delete r.sections[0]!.items[0]!.deductions;
      r.grades = {
        bands: [
          { id: 'a', label: '优秀', min: 9 },
          { id: 'c', label: '合格', min: 0 },
        ],
        vetoed: 'c',
      };
      r.ranking = { tieBreak: ['section:一'] };
      r.evidencePolicy = 'flag';
    });
    expect(lines(b)).toEqual([
      [
        'evidencePolicy',
        '考核办法:缺少佐证材料的处理由「该项不得分」改为「保留得分并标记」(放宽)',
        'loosened',
      ],
      ['一.1', '一.1 经费:取消「late」按情形扣分(放宽)', 'loosened'],
      ['grades.bands.a.maxShare', '等次「优秀」:取消比例上限(30%)(放宽)', 'loosened'],
      ['grades.bands.b', '等次「良好」:删除', '-'],
      ['grades', '等次:被否决单位的等次由「无」改为「c」', '-'],
      ['ranking', '排名:并列排序依据由「无」改为「section:一」', '-'],
    ]);
  });

  it('a last band made the catch-all (blank min) takes the totals below zero too: that loosens', () => {
    const b = next((r) => {
      r.grades!.bands[2]!.min = null;
    });
    expect(lines(b)).toEqual([
      ['grades.bands.c', '等次「合格」:分数线由「0」改为「以下全部」(放宽)', 'loosened'],
    ]);
    expect(diffRuleSets(b, old).changes.map((c) => c.direction)).toEqual(['tightened']);
  });

  it('a share counted from the bottom: added, raised, rounded up, removed', () => {
    const withBottom = next((r) => {
      r.grades!.bands[2]!.fromBottom = { share: 10, rounding: 'floor' };
    });
    expect(lines(withBottom)).toEqual([
      [
        'grades.bands.c.fromBottom',
        '等次「合格」:新增按排名从后取比例:排名最后的10%(名额去尾)(收紧)',
        'tightened',
      ],
    ]);
    const raised = diffRuleSets(
      withBottom,
      next((r) => {
        r.grades!.bands[2]!.fromBottom = { share: 15, rounding: 'ceil' };
      }),
    );
    expect(raised.changes.map((c) => [c.message.zh, c.message.en, c.direction])).toEqual([
      [
        '等次「合格」:按排名从后取的比例由 10% 提高到 15%(收紧)',
        'grade "合格": share from the bottom raised from 10% to 15% (tightened)',
        'tightened',
      ],
      [
        '等次「合格」:名额取整由「去尾」改为「进一」(收紧)',
        'grade "合格": count rounded down, now rounded up (tightened)',
        'tightened',
      ],
    ]);
    expect(diffRuleSets(withBottom, old).changes.map((c) => [c.path, c.direction])).toEqual([
      ['grades.bands.c.fromBottom', 'loosened'],
    ]);
  });

  it('counters across periods: added, condition changed, removed', () => {
    const withCounter = next((r) => {
      r.counters = [{ id: 'late_count', label: '逾期上报', when: 'late' }];
    });
    expect(lines(withCounter)).toContainEqual([
      'counters.late_count',
      expect.stringContaining('新增,条件:late'),
      'tightened',
    ]);
    const changed = diffRuleSets(
      withCounter,
      next((r) => {
        r.counters = [{ id: 'late_count', label: '逾期上报', when: 'late && funds < 1' }];
      }),
    );
    expect(changed.changes.map((c) => [c.path, c.kind, c.to])).toEqual([
      ['counters.late_count', 'counter', 'late && funds < 1'],
    ]);
    expect(
      diffRuleSets(withCounter, old).changes.map((c) => [c.path, c.message.zh, c.direction]),
    ).toContainEqual(['counters.late_count', expect.stringContaining('取消'), 'loosened']);
  });
});

describe('compareDeadlines', () => {
  it('says a declared deadline moved, added and removed', async () => {
    const { compareDeadlines } = await import('./settings.ts');
    const base = {
      deadlines: [
        { id: 'report_due', label: '年报报送截止', date: '2013-03-31' },
        { id: 'plan_due', label: '计划印发', date: '2013-01-31' },
      ],
    };
    const next = {
      deadlines: [
        { id: 'report_due', label: '年报报送截止', date: '2013-03-15' },
        { id: 'audit_due', label: '自查', date: '2013-06-30' },
      ],
    };
    const changes = compareDeadlines(base as never, next as never);
    expect(changes.map((c) => [c.path, c.message.zh, c.direction])).toEqual([
      [
        'deadlines.report_due',
        '截止日期「年报报送截止」:由 2013-03-31 提前到 2013-03-15(收紧)',
        'tightened',
      ],
      ['deadlines.audit_due', '截止日期「自查」:新增(2013-06-30)', undefined],
      ['deadlines.plan_due', '截止日期「计划印发」:删除', undefined],
    ]);
  });
});

describe('compareCertificationGrades', () => {
  it('a higher cut-off tightens; who certifies and a grade added are said', async () => {
    const { compareCertificationGrades } = await import('./settings.ts');
    const a = {
      certificationGrades: {
        sought: 'apply',
        grades: [
          { id: 'first_class', label: '一流', min: 90, by: '县计生协' },
          { id: 'qualified', label: '合格', min: 80, by: '乡镇计生协' },
        ],
      },
    };
    const b = {
      certificationGrades: {
        sought: 'apply',
        grades: [
          { id: 'model', label: '示范', min: 95, by: '市计生协' },
          { id: 'first_class', label: '一流', min: 92, by: '县计生协' },
          { id: 'qualified', label: '合格', min: 80, by: '县计生协' },
        ],
      },
    };
    const changes = compareCertificationGrades(a as never, b as never);
    expect(changes.map((c) => [c.path, c.message.zh, c.direction])).toEqual([
      ['certificationGrades.model', '认定等次「示范」:新增(95分以上,由市计生协认定)', undefined],
      [
        'certificationGrades.first_class',
        '认定等次「一流」:认定分数线由 90 提高到 92(收紧)',
        'tightened',
      ],
      [
        'certificationGrades.qualified',
        '认定等次「合格」:认定单位由「乡镇计生协」改为「县计生协」',
        undefined,
      ],
    ]);
  });
});
