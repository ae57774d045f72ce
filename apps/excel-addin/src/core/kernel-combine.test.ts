// 汇总 of parts in the pane: two reviews' summaries made by the pane itself (their kaohe_results
// written as values), combined by a declaration as `kaohe combine` does (parseCombination,
// readSummaryResults, combineResults, compositeSheets), the composite written as sheets.
import { populationRuleSet } from '@kaohe/test-utils';
import { RESULTS_SHEET } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import { asGrids, filledTemplate, memoryBook, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';

// 100 points: 一.1 rate ≥ 90 % → 60 (else 0); 一.2 40 − 5 × cases (as the CLI's combine test).
const ruleSet = parsed(populationRuleSet('pane-population') as Parameters<typeof parsed>[0]);

/** A reviewer's workbook with the units' returns, summarised by the pane: the summary's sheets. */
async function summaryOf(units: { id: string; name: string; rate: string; cases: string }[]) {
  const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
  const returned = units.flatMap((u, i) =>
    asGrids(
      filledTemplate(ruleSet, {
        id: u.id,
        name: u.name,
        values: { rate: u.rate, cases: u.cases },
      }),
      ` (${i + 2})`,
    ),
  );
  const port = createMemoryPort(memoryBook([...reviewer, ...returned]));
  const made = await createSession(port, createKernel()).summarise();
  if (!made.ok) throw new Error(JSON.stringify(made.problems.slice(0, 3)));
  return port.workbook.sheets
    .filter((s) => made.plan.sheets.includes(s.name))
    .map((s) => ({
      name: s.name,
      top: 0,
      left: 0,
      values: s.values,
      numberFormats: [],
      state: s.state,
    }));
}

const declaration = {
  kind: 'combination',
  title: '全年综合得分',
  weights: 'percent',
  rounding: { dp: 2, mode: 'half-up' },
  parts: [
    { id: 'h1', label: '上半年', summary: 'parts/h1-summary.xlsx', weight: 60 },
    { id: 'h2', label: '下半年', summary: 'h2-summary.xlsx', weight: 40 },
  ],
};

describe('汇总 of parts in the pane', () => {
  it('combines reviewed summaries as declared and writes the composite, its results very hidden', async () => {
    // 甲: 95 % → 60, 1 case → 35: 95; 乙: 80 % → 0, 0 cases → 40: 40.
    const h1 = await summaryOf([
      { id: 'a', name: '甲', rate: '95', cases: '1' },
      { id: 'b', name: '乙', rate: '80', cases: '0' },
    ]);
    // 甲: 95 % → 60, 2 cases → 30: 90; 乙 did not return the second half.
    const h2 = await summaryOf([{ id: 'a', name: '甲', rate: '95', cases: '2' }]);
    const open = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const port = createMemoryPort(memoryBook(open));
    const session = createSession(port, createKernel());
    const done = await session.combine({ name: 'year.json', text: JSON.stringify(declaration) }, [
      { name: 'h1-summary.xlsx', grids: h1 },
      { name: 'h2-summary.xlsx', grids: h2 },
    ]);
    if (!done.ok) throw new Error(JSON.stringify(done.problems.slice(0, 3)));
    const plan = done.plan;
    expect(plan.parts.map((p) => [p.label.zh, p.weightShown])).toEqual([
      ['上半年', '60%'],
      ['下半年', '40%'],
    ]);
    // 甲: 0.6 × 95 + 0.4 × 90 = 57 + 36 = 93; 乙: not in 下半年, not computed (never 0).
    const a = plan.units.find((u) => u.unit.id === 'a')!;
    const b = plan.units.find((u) => u.unit.id === 'b')!;
    expect([a.rank, Number(a.value)]).toEqual([1, 93]);
    expect([b.rank, b.value]).toEqual([null, null]);
    expect(b.notes.map((n) => n.zh).join()).toContain('下半年');
    expect(plan.sheet).toBe('综合得分');
    const written = port.workbook.sheets.filter((s) => plan.sheets.includes(s.name));
    expect(written.map((s) => s.name)).toEqual(plan.sheets);
    expect(written.filter((s) => s.state !== 'visible').map((s) => [s.name, s.state])).toEqual([
      [RESULTS_SHEET, 'veryHidden'],
    ]);
    expect(port.workbook.active).toBe('综合得分');
  });

  it('names a declared summary not chosen, and a chosen file that is no summary, at the file', async () => {
    const h1 = await summaryOf([{ id: 'a', name: '甲', rate: '95', cases: '1' }]);
    const kernel = createKernel();
    const missing = kernel.combine({ name: 'year.json', text: JSON.stringify(declaration) }, [
      { name: 'h1-summary.xlsx', grids: h1 },
    ]);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(
        missing.problems.map((p) => [p.code, p.sheet, p.message.zh.includes('没有选中')]),
      ).toEqual([['summary-unusable', 'h2-summary.xlsx', true]]);
    // A unit's workbook is no review summary: refused at the file, with the codec's reason.
    const notSummary = kernel.combine({ name: 'year.json', text: JSON.stringify(declaration) }, [
      { name: 'h1-summary.xlsx', grids: h1 },
      {
        name: 'h2-summary.xlsx',
        grids: asGrids(filledTemplate(ruleSet, { id: 'a', name: '甲', values: {} })),
      },
    ]);
    expect(notSummary.ok).toBe(false);
    if (!notSummary.ok) {
      expect(notSummary.problems.every((p) => p.code === 'summary-unusable')).toBe(true);
      expect(notSummary.problems.map((p) => p.message.zh).join()).toContain(RESULTS_SHEET);
    }
    const bad = kernel.combine({ name: 'year.json', text: '{"kind":"combination"' }, []);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.message.zh).toContain('year.json');
  });
});
