// The printed criteria and points of items with open bounds, start from 0 or partial credit
// without evidence: what a unit must know to fill the form is on it (该项可负分, 不设上限,
// 缺少佐证材料的最多得1分), and the 分值 column never prints a made-up number.
import { describe, expect, it } from 'vitest';
import { compileRuleSet, parseRuleSet, scoreCohort, type RuleSet } from '@kaohe/engine';
import { ruleSetHeader } from '@kaohe/test-utils';
import { buildSummary } from '../summary/build-summary.ts';
import type { SheetLayout } from '../types.ts';
import { buildTemplate } from './build-template.ts';

const parsed = parseRuleSet({
  ...ruleSetHeader({ id: 'open', title: '开放上下限' }),
  points: 7,
  inputs: [
    { id: 'illegal', label: '违法生育例数', unit: 'count' },
    { id: 'materials', label: '宣传资料', unit: 'yesno', evidence: true },
    { id: 'projects', label: '引进项目数', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '目标管理',
      points: 7,
      items: [
        {
          code: '1',
          title: '违法生育',
          criteria: '每例扣2分',
          points: 5,
          min: 'none',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 2 }],
        },
        {
          code: '2',
          title: '宣传资料',
          points: 2,
          rule: { kind: 'yesno', input: 'materials' },
          evidencePolicy: { keep: 1 },
        },
      ],
    },
  ],
  bonus: {
    cap: 'none',
    items: [
      {
        code: '1',
        title: '引进项目',
        criteria: '每引进1个项目加0.5分',
        points: 'uncapped',
        start: 'zero',
        deductions: [{ kind: 'per-case', input: 'projects', each: 0.5, direction: 'add' }],
      },
    ],
  },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs: RuleSet = parsed.value;

describe('the scoring sheet prints open bounds as such', () => {
  const t = buildTemplate(rs);
  const scoring = t.sheets[0] as SheetLayout;
  const { columns, rows } = t.map.scoring;
  const cell = (key: string, col: number) =>
    scoring.values[rows.find((r) => r.key === key)?.row ?? -1]?.[col];

  it('criteria: 该项可负分, 缺少佐证材料的最多得1分, 不设上限, after the document’s own words', () => {
    expect(cell('一.1', columns.criteria)).toBe('每例扣2分;该项可负分');
    expect(cell('一.2', columns.criteria)).toBe('缺少佐证材料的最多得1分');
    expect(cell('加分.1', columns.criteria)).toBe('每引进1个项目加0.5分;不设上限');
    expect(cell('加分', columns.criteria)).toBe('加分合计不设上限');
  });

  it('points: a floorless item keeps its points; an uncapped item and bonus print 不设上限', () => {
    expect(cell('一.1', columns.points)).toBe(5);
    expect(cell('加分.1', columns.points)).toBe('不设上限');
    expect(cell('加分', columns.points)).toBe('不设上限');
  });

  it('the summary matrix heads an uncapped column 不设上限, not a number', () => {
    const cohort = scoreCohort(compileRuleSet(rs), [
      { id: 'a', name: 'a', values: { illegal: 4, materials: true, projects: 30 } },
    ]);
    const matrix = buildSummary(cohort, rs).sheets.find((s) => s.name === '指标得分');
    const headers = (matrix?.values[1] ?? []).map(String); // row 0 is the title
    expect(headers).toContain('加分.1\n引进项目\n(不设上限)');
    expect(headers).toContain('一.1\n违法生育\n(5分)');
  });
});
