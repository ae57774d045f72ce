// Counters across periods carried in the files: the previous period's summary gives each unit's
// counts (kaohe_results), the next period's workbook carries them (kaohe_meta `counters`), the
// review scores with them and its summary carries them on.
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { inspectionRuleSet } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { fill } from '../__tests__/fixture.ts';
import { reviewReturns } from '../review/review.ts';
import { readSummaryResults } from '../summary/results-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { readSheet } from './read-sheet.ts';

const parsed = parseRuleSet(inspectionRuleSet({ points: 100 }, { title: '村级季度考核' }));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs: RuleSet = parsed.value;

const summaryGrids = (grids: SheetGrid[][]): SheetGrid[] =>
  reviewReturns(
    grids.map((g, i) => ({ file: `${i}.xlsx`, grids: g })),
    rs,
  ).summary.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) }));

describe('counters across periods in the files', () => {
  it('three failed quarters in a row: the third review interviews, the counts travel', () => {
    let counts: Record<string, { consecutive: number; cumulative: number }> | undefined;
    let summary: SheetGrid[] = [];
    for (const quarter of [1, 2, 3]) {
      const t = buildTemplate(rs, { id: 'v01', name: '甲村' }, counts ? { counters: counts } : {});
      const workbook = fill(t, { passed: '否' });
      summary = summaryGrids([workbook]);
      const read = readSummaryResults(summary);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      counts = read.value.units[0]?.counters;
      // Quarter n failed: n in a row, n in all.
      expect([quarter, counts]).toEqual([
        quarter,
        { fail: { consecutive: quarter, cumulative: quarter } },
      ]);
    }
    const vetoes = summary.find((s) => s.name === '否决');
    expect(vetoes?.values.slice(2).map((r) => r.slice(0, 4))).toEqual([
      ['v01', '甲村', '约谈', '连续3次或累计5次检查不合格,约谈'],
    ]);
    const shown = summary.find((s) => s.name === '计数');
    expect(shown?.values.slice(2)).toEqual([['v01', '甲村', '检查不合格', '是', 3, 3]]);
  });

  it('counts that do not parse or name an undeclared counter are an error at their cell', () => {
    const t = buildTemplate(
      rs,
      { id: 'v01', name: '甲村' },
      {
        counters: { fail: { consecutive: 1, cumulative: 2 } },
      },
    );
    const ok = readSheet(fill(t, { passed: '是' }), { ruleSet: rs });
    expect(ok.ok && ok.value.unit.counters).toEqual({ fail: { consecutive: 1, cumulative: 2 } });
    const bad = (text: string) => {
      const grids = fill(t, { passed: '是' });
      const meta = grids.find((g) => g.name === 'kaohe_meta') as SheetGrid;
      const row = meta.values.findIndex((r) => r[0] === 'counters');
      (meta.values[row] as unknown[])[1] = text;
      const r = readSheet(grids, { ruleSet: rs });
      return !r.ok && [r.issues[0]?.address, r.issues[0]?.message.zh, row];
    };
    const [at, why, row] = bad('{"fail":{"consecutive":-1,"cumulative":2}}') as [
      string,
      string,
      number,
    ];
    expect(at).toBe(`kaohe_meta!B${row + 1}`);
    expect(why).toContain('上期计数无法读取');
    expect((bad('{"late":{"consecutive":0,"cumulative":0}}') as string[])[1]).toContain(
      '规则中没有计数器“late”',
    );
    expect((bad('{"fail":{"consecutive":3,"cumulative":2}}') as string[])[1]).toContain(
      '连续 3 次多于累计 2 次',
    );
  });
});
