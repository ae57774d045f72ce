// 汇总下级 in the pane: six villages' returned workbooks (files chosen, not imported) and the
// roster of the villages roll up into the township's open workbook as `kaohe rollup` does —
// @kaohe/sheet's planRollup: the figures whose source is the children, the files named in the
// note, a figure typed by the township never touched, a child missing leaving its figures blank.
import { cascadeTownship, cascadeVillage } from '@kaohe/rulesets';
import { SHEET_NAMES } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import type { MemoryWorkbook } from '../standalone/memory-workbook.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';
import type { SheetGrid } from './workbook-port.ts';

const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

// Villages, by hand (signed 10, self-government 10, policy rate ≥ 92 → 60 less 5 a point pro
// rata, members ≥ 8 % → 20 less 5 a started point), as in the CLI's rollup test:
//   v1 一村 是 是 95 9   → 100;  v2 二村 是 否 90 8 → 80 (below 85);  v3 三村 否 是 92 7.5 → 85
//   v4 四村 是 是 89 8   → 85;   v5 五村 否 是 93 10 → 90;            v6 六村 是 否 95 9   → 90
// Township: 达标村比例 5 of 6 = 83.33 %; 村民自治合格比例 (一.2 met: v1 v3 v4 v5) 4 of 6 = 66.67 %;
// 未签责任书 v3, v5 → 2 × −0.5 = −1.
const VILLAGES = (
  [
    ['v1', '一村', true, true, '95', '9'],
    ['v2', '二村', true, false, '90', '8'],
    ['v3', '三村', false, true, '92', '7.5'],
    ['v4', '四村', true, true, '89', '8'],
    ['v5', '五村', false, true, '93', '10'],
    ['v6', '六村', true, false, '95', '9'],
  ] as const
).map(([id, name, signed, selfGov, rate, members]) => ({
  id,
  name,
  values: { signed, self_gov: selfGov, policy_rate: rate, members_share: members },
}));

const file = (v: (typeof VILLAGES)[number]) => ({
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
      values: [['单位代码', '单位名称'], ...VILLAGES.map((v) => [v.id, v.name])],
      numberFormats: [],
    },
  ],
};

function parentWorkbook() {
  // The township typed its own figure (政策符合率 93 %) before rolling up.
  const grids = asGrids(
    filledTemplate(township, { id: 't1', name: '某镇', values: { policy_rate: '93' } }),
  );
  const book: MemoryWorkbook = {
    sheets: grids.map((g) => ({
      name: g.name,
      state: g.state ?? 'visible',
      values: g.values.map((r) => [...r]),
      numberFormats: g.numberFormats,
    })),
    active: SHEET_NAMES.scoring,
    charts: [],
    selection: null,
  };
  const port = createMemoryPort(book);
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
    expect(done.plan.figures.map((f) => f.value)).toEqual(['83.33%', '66.67%', '-1']);
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
