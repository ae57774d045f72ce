// 汇总下级 in the pane: six villages' returned workbooks (files chosen, not imported) and the
// roster of the villages roll up into the township's open workbook as `kaohe rollup` does —
// @kaohe/sheet's planRollup: the figures whose source is the children, the files named in the
// note, a figure typed by the township never touched, a child missing leaving its figures blank.
import { cascadeTownship, cascadeVillage } from '@kaohe/rulesets';
import { SHEET_NAMES } from '@kaohe/sheet';
import { ROLLED_UP, rosterRows, TOWNSHIP, VILLAGES, type Village } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import { asGrids, filledTemplate, memoryBook, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';
import type { SheetGrid } from './workbook-port.ts';

const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

// The six villages and the township's figures from them, worked by hand: @kaohe/test-utils
// (VILLAGES, ROLLED_UP) — the same as the CLI's and the codec's roll-up tests.
const file = (v: Village) => ({
  name: `${v.name}.xlsx`,
  grids: asGrids(filledTemplate(village, v)),
});
const roster: { name: string; grids: SheetGrid[] } = {
  name: 'villages.xlsx',
  grids: [
    {
      name: '单位名单',
      top: 0,
      left: 0,
      values: rosterRows(),
      numberFormats: [],
    },
  ],
};

function parentWorkbook() {
  // The township typed its own figure (政策符合率 93 %) before rolling up.
  const grids = asGrids(filledTemplate(township, TOWNSHIP));
  const port = createMemoryPort(memoryBook(grids));
  return { port, session: createSession(port, createKernel()) };
}

const rowOf = (port: ReturnType<typeof parentWorkbook>['port'], id: string) =>
  port.workbook.sheets.find((s) => s.name === SHEET_NAMES.data)!.values.find((r) => r[0] === id)!;

describe('汇总下级 in the pane', () => {
  it('fills the township’s rolled-up figures from the villages’ files, naming them; its own figure untouched', async () => {
    const { port, session } = parentWorkbook();
    const state = await session.inspect();
    expect(state.kind === 'assessment' && state.ruleSet.rollsUp).toBe(true);
    const typed = [...rowOf(port, 'policy_rate')];
    const done = await session.rollup(VILLAGES.map(file), roster);
    if (!done.ok) throw new Error(JSON.stringify(done.problems.slice(0, 3)));
    const byLabel = new Map(done.plan.figures.map((f) => [f.label.zh, f]));
    expect(done.plan.figures.map((f) => f.value)).toEqual([
      `${ROLLED_UP.villages_qualified}%`,
      `${ROLLED_UP.self_gov_share}%`,
      ROLLED_UP.unsigned_cut,
    ]);
    expect(done.plan.unusable).toEqual([]);
    expect(done.plan.children).toMatchObject({ from: '一村.xlsx', expected: 6 });
    // Written into the data sheet: values, and the provenance naming the files in the note.
    const row = rowOf(port, 'villages_qualified');
    expect(row.some((c) => typeof c === 'string' && c.includes('下级汇总('))).toBe(true);
    expect(row.some((c) => typeof c === 'string' && c.includes('六村.xlsx'))).toBe(true);
    expect([...byLabel.values()].every((f) => f.sheet === SHEET_NAMES.data)).toBe(true);
    // The figure the township typed is never written.
    expect(rowOf(port, 'policy_rate')).toEqual(typed);
    const written = port.journal.flatMap((r) => r.writes);
    const policyRow =
      port.workbook.sheets
        .find((s) => s.name === SHEET_NAMES.data)!
        .values.indexOf(rowOf(port, 'policy_rate')) + 1;
    expect(written.some((w) => w.address.replace(/^[A-Z]+/, '') === String(policyRow))).toBe(false);
  });

  it('leaves every figure blank when a village on the roster did not return its workbook, naming it', async () => {
    const { session } = parentWorkbook();
    const done = await session.rollup(VILLAGES.slice(0, 5).map(file), roster);
    if (!done.ok) throw new Error(JSON.stringify(done.problems.slice(0, 3)));
    expect(done.plan.figures.map((f) => f.value)).toEqual([null, null, null]);
    expect(done.plan.unusable.map((u) => [u.unitId, u.why.zh])).toEqual([
      ['v6', '未上报(所给文件中没有其考核表)'],
    ]);
    expect(done.plan.figures[0]?.issues.map((m) => m.zh).join()).toContain('六村');
  });

  it('refuses when none of the chosen files is a village’s workbook', async () => {
    const { session } = parentWorkbook();
    const done = await session.rollup([{ name: 'x.xlsx', grids: roster.grids }], roster);
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.problems[0]?.message.zh).toContain('cascade-village');
  });
});
