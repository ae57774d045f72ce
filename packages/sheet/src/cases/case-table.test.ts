// The case table (案件明细): written by the template, filled and appended to by an official,
// read back into the unit's records; bad cells at their addresses; 无 for no cases; the writer
// never touches the official's rows; golden figures worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  parseRuleSet,
  scoreUnit,
  type RuleSet,
  type RuleSetInput,
} from '@kaohe/engine';
import { ruleSetHeader } from '@kaohe/test-utils';
import { buildTemplate } from '../template/build-template.ts';
import { templateGrids } from '../template/template-grids.ts';
import { readSheet } from '../read/read-sheet.ts';
import { planWrites } from '../write/plan-writes.ts';
import { resultProblems } from '../write/result-problems.ts';
import { fillWrites } from '../write/fill-writes.ts';
import { applyToGrids } from '../write/apply-to-grids.ts';
import type { CellValue, SheetGrid, Template } from '../types.ts';

const input: RuleSetInput = {
  ...ruleSetHeader({
    id: 'cases-test',
    title: '计划生育案件查处考核',
    issuer: '测试市',
    level: '旗县区',
    year: 2013,
    edition: 1,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
  }),
  points: 100,
  inputs: [
    {
      id: 'late',
      label: { zh: '逾期上报案件', en: 'late reports' },
      unit: 'cases',
      fields: [
        { id: 'months', label: { zh: '逾期月数', en: 'months late' }, unit: '月', min: 0 },
        {
          id: 'found_by',
          label: { zh: '查处层级', en: 'found by' },
          unit: 'choice',
          choices: [
            { value: 'county', label: '县级' },
            { value: 'city', label: '市级' },
          ],
        },
      ],
    },
    {
      id: 'births',
      label: { zh: '违法生育案件', en: 'illegal births' },
      unit: 'cases',
      fields: [{ id: 'order', label: { zh: '出生孩次', en: 'birth order' }, unit: 'count' }],
    },
    { id: 'rate', label: { zh: '兑现率', en: 'rate' }, unit: '%' },
  ],
  sections: [
    {
      code: '一',
      title: '案件查处',
      points: 100,
      items: [
        {
          code: '1',
          title: '逾期上报',
          points: 50,
          deductions: [
            {
              kind: 'per-record',
              input: 'late',
              each: 'min(months, 10) * 0.2',
              multiplied: { when: "found_by == 'city'", factor: 2 },
            },
          ],
        },
        {
          code: '2',
          title: '违法生育',
          points: 50,
          deductions: [
            {
              kind: 'per-record',
              input: 'births',
              escalation: {
                by: 'order',
                schedule: [
                  { at: 2, points: 8 },
                  { at: 3, points: 10 },
                ],
                beyondLast: { increment: 10 },
              },
            },
          ],
        },
      ],
    },
  ],
} as RuleSetInput;

const rs: RuleSet = (() => {
  const p = parseRuleSet(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
})();
const unit = { id: 'kdq', name: '昆都仑区' };

const sheetOf = (grids: SheetGrid[], name: string): SheetGrid => {
  const g = grids.find((s) => s.name === name);
  if (!g) throw new Error(name);
  return g;
};
/** The template filled: rate 95, and cases typed into each table's rows (by field column). */
function filled(
  t: Template,
  cases: Record<string, Record<string, CellValue>[]>,
  noCases: Record<string, CellValue> = {},
): SheetGrid[] {
  const grids = templateGrids(t);
  const data = sheetOf(grids, t.map.data.sheet);
  for (const { id, row } of t.map.data.rows) {
    const cells = data.values[row] as CellValue[];
    if (id === 'rate') cells[t.map.data.columns.value] = 0.95;
    if (id in noCases) cells[t.map.data.columns.value] = noCases[id] ?? null;
  }
  const table = sheetOf(grids, t.map.cases?.sheet ?? '');
  for (const block of t.map.cases?.blocks ?? []) {
    (cases[block.id] ?? []).forEach((c, k) => {
      const row = table.values[block.headerRow + 1 + k] as CellValue[];
      for (const [field, v] of Object.entries(c)) row[block.columns[field] as number] = v;
    });
  }
  return grids;
}

describe('the case table', () => {
  const t = buildTemplate(rs, unit);

  it('is a sheet of its own: a keyed block per cases input, its fields zh then en', () => {
    const table = t.sheets.find((s) => s.role === 'cases');
    expect(table?.name).toBe('案件明细');
    const blocks = t.map.cases?.blocks ?? [];
    expect(blocks.map((b) => b.id)).toEqual(['late', 'births']);
    const header = table?.values[blocks[0]?.headerRow ?? -1];
    expect(header).toEqual([
      '序号\nNo.',
      '逾期月数\nmonths late',
      '查处层级\nfound by',
      '备注\nNote',
    ]);
    // Every field cell of the blank rows is an input (unlocked) cell; the choice has its list.
    const cells = table?.cells.filter((c) => c.row === (blocks[0]?.headerRow ?? 0) + 1) ?? [];
    expect(cells.map((c) => c.kind)).toEqual(['input', 'input', 'input', 'input']);
    expect(cells[2]?.list).toEqual(['县级', '市级']);
    // The meta sheet names it, and the data sheet's row says how to say "no cases".
    const meta = t.sheets.find((s) => s.role === 'meta');
    expect(meta?.values.some((r) => r[0] === 'casesSheet' && r[1] === '案件明细')).toBe(true);
  });

  it('reads the rows back as records, blank rows skipped, rows appended past the template', () => {
    const grids = filled(t, {
      late: [
        { months: 2, found_by: '县级' },
        { months: null },
        { months: 12, found_by: '市级' },
        { months: 0, found_by: 'county' },
      ],
      births: [{ order: 2 }, { order: 3 }, { order: 4 }],
    });
    // An official appends a fourth birth below the last template row of the last table.
    const table = sheetOf(grids, '案件明细');
    table.values.push([null, 5, null]);
    const r = readSheet(grids);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unit.records).toEqual({
      late: [
        { months: '2', found_by: 'county' },
        { months: '12', found_by: 'city' },
        { months: '0', found_by: 'county' },
      ],
      births: [{ order: '2' }, { order: '3' }, { order: '4' }, { order: '5' }],
    });
    const result = scoreUnit(compileRuleSet(r.value.ruleSet), r.value.unit);
    // 一.1: 2 × 0.2 = 0.4; 12 → min(12, 10) × 0.2 = 2, found by the city × 2 = 4; 0 → 0.
    // 0.4 + 4 + 0 = 4.4, 50 − 4.4 = 45.6.
    // 一.2: order 2 → 8, 3 → 10, 4 → 20, 5 → 30: 68, above the item's 50 → 0.
    expect(result.sections[0]?.items.map((i) => i.score)).toEqual(['45.6', '0']);
    // The scoring writes go to the scoring sheet alone: never into the official's case rows.
    const writes = planWrites(r.value.map, result, 'self');
    expect(writes.every((w) => w.sheet === '考核评分')).toBe(true);
  });

  it('every bad cell is an error at its address; the read gives no value', () => {
    const grids = filled(t, { late: [{ months: '三个月' }, { found_by: '省级' }], births: [] });
    const r = readSheet(grids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const block = t.map.cases?.blocks[0];
    const row = (block?.headerRow ?? 0) + 1;
    // 案件明细!B<row+1> (months) and C<row+2> (found_by), as Excel counts rows from 1.
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.address)).toEqual([
      `案件明细!B${row + 1}`,
      `案件明细!C${row + 2}`,
    ]);
  });

  it('an empty table is missing unless the data sheet says 无; 无 beside cases is an error', () => {
    const empty = readSheet(filled(t, { late: [{ months: 1 }] }));
    expect(empty.ok).toBe(true);
    if (!empty.ok) return;
    expect(empty.value.unit.records).toEqual({ late: [{ months: '1' }] });
    expect(empty.warnings.some((w) => w.code === 'cases-empty')).toBe(true);
    const result = scoreUnit(compileRuleSet(empty.value.ruleSet), empty.value.unit);
    expect(result.sections[0]?.items[1]?.status).toBe('missing-input');

    const none = readSheet(filled(t, { late: [{ months: 1 }] }, { births: '无' }));
    expect(none.ok && none.value.unit.records?.births).toEqual([]);

    const both = readSheet(
      filled(t, { late: [{ months: 1 }], births: [{ order: 2 }] }, { births: '无' }),
    );
    expect(both.ok).toBe(false);
    if (both.ok) return;
    expect(both.issues.find((i) => i.code === 'cases-conflict')?.address).toMatch(
      /^基础数据!E\d+$/,
    );
  });

  it('a figure the engine refuses (out of range) is named at its case cell', () => {
    const grids = filled(
      t,
      { late: [{ months: 1 }, { months: -2 }], births: [] },
      { births: '无' },
    );
    const r = readSheet(grids);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const result = scoreUnit(compileRuleSet(r.value.ruleSet), r.value.unit);
    const problems = resultProblems(result, {
      map: r.value.map,
      ruleSet: r.value.ruleSet,
      unit: r.value.unit,
    });
    const row = (t.map.cases?.blocks[0]?.headerRow ?? 0) + 3;
    expect(problems.values.map((v) => v.address)).toEqual([`案件明细!B${row}`]);
  });

  it('fillWrites puts a unit’s cases into a fresh template and they read back the same', () => {
    const records = {
      late: [{ months: '2', found_by: 'city' }, { months: '12' }],
      births: [],
    };
    const u = { ...unit, values: { rate: '95' }, records };
    const grids = applyToGrids(templateGrids(t), fillWrites(rs, t.map.data, u, t.map.cases));
    const r = readSheet(grids);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unit.records).toEqual(records);
    // Eleven late cases do not fit the first table's ten rows: refused, the next table untouched.
    const many = { late: Array.from({ length: 11 }, () => ({ months: '1' })) };
    expect(() => fillWrites(rs, t.map.data, { ...u, records: many }, t.map.cases)).toThrow(
      /do not fit/,
    );
  });
});
