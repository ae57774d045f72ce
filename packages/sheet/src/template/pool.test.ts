// A section whose items have no points of their own (form 49) on the forms: 分值 prints — for
// such an item, the section's criteria say its items deduct from its points, and the scorer
// writes each item's deduction and the section's subtotal back (未计分 while it cannot be told).
import { describe, expect, it } from 'vitest';
import { compileRuleSet, parseRuleSet, scoreCohort, scoreUnit, type RuleSet } from '@kaohe/engine';
import { ruleSetHeader } from '@kaohe/test-utils';
import { parseRange } from '../a1.ts';
import { UNSCORED } from '../labels.ts';
import { buildSummary } from '../summary/build-summary.ts';
import type { SheetLayout } from '../types.ts';
import { planWrites } from '../write/plan-writes.ts';
import { buildTemplate } from './build-template.ts';

const parsed = parseRuleSet({
  ...ruleSetHeader({ id: 'pool', title: '依法行政' }),
  points: 10,
  inputs: [
    { id: 'illegal', label: '违法生育例数', unit: 'count' },
    { id: 'unfiled', label: '未按规定立案例数', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '依法行政',
      points: 10,
      pool: true,
      items: [
        {
          code: '1',
          title: '违法生育',
          criteria: '每例扣1分',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
        {
          code: '2',
          title: '立案查处',
          criteria: '每例扣1分',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'unfiled', each: 1 }],
        },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs: RuleSet = parsed.value;
const compiled = compileRuleSet(rs);
const t = buildTemplate(rs);
const scoring = t.sheets[0] as SheetLayout;
const { columns, rows } = t.map.scoring;
const rowOf = (key: string): number => rows.find((r) => r.key === key)?.row ?? -1;
const cell = (key: string, col: number) => scoring.values[rowOf(key)]?.[col];

/** What planWrites puts in the self-assessment column, by row key. */
function written(values: Record<string, number | null>): Map<string, unknown> {
  const result = scoreUnit(compiled, { id: 'u', name: 'u', values });
  const out = new Map<string, unknown>();
  for (const w of planWrites(t.map, result, 'self')) {
    const range = parseRange(w.address);
    if (!range || range.left !== columns.self) continue;
    w.values.forEach((line, i) => {
      const key = rows.find((r) => r.row === range.top + i)?.key;
      if (key) out.set(key, line[0]);
    });
  }
  return out;
}

describe('items without points of their own on the forms', () => {
  it('分值 prints — for each item and the section’s points on its row', () => {
    expect(cell('一.1', columns.points)).toBe('—');
    expect(cell('一.2', columns.points)).toBe('—');
    expect(cell('一', columns.points)).toBe(10);
  });

  it('the section’s criteria say the items deduct from its points; an item keeps its own', () => {
    expect(cell('一', columns.criteria)).toBe('本部分各项无单独分值,从本部分10分中扣除,扣完为止');
    // No 该项可负分 on an item that has no points to go below.
    expect(cell('一.1', columns.criteria)).toBe('每例扣1分');
  });

  it('the scorer writes each deduction and the subtotal: 3 + 2 cases, 10 − 5 = 5', () => {
    const w = written({ illegal: 3, unfiled: 2 });
    expect([w.get('一.1'), w.get('一.2'), w.get('一')]).toEqual([-3, -2, 5]);
  });

  it('a blank under one item: the subtotal is 未计分, never a 0 or the whole 10', () => {
    const w = written({ illegal: null, unfiled: 2 });
    expect(w.get('一')).toBe(UNSCORED);
    expect(w.get('一.1')).toBe(UNSCORED);
  });

  it('the summary matrix heads such an item 无单独分值, not a number', () => {
    const cohort = scoreCohort(compiled, [
      { id: 'a', name: 'a', values: { illegal: 1, unfiled: 0 } },
    ]);
    const matrix = buildSummary(cohort, rs).sheets.find((s) => s.name === '指标得分');
    const headers = (matrix?.values[1] ?? []).map(String);
    expect(headers).toContain('一.1\n违法生育\n(无单独分值)');
    expect(headers).toContain('一\n依法行政\n(10分)');
  });
});
