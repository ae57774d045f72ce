// A unit's figures as range writes into the data sheet's 填报值 and 佐证材料 columns: how a
// demo, a test or a bulk import fills workbooks. Each value is spelt by cellOf, the reader's
// inverse, so what is written reads back exactly.
import type { RuleSet, UnitInput } from '@kaohe/engine';
import { a1Range } from '../a1.ts';
import { YES } from '../labels.ts';
import { cellOf } from '../template/cell-of.ts';
import type { CellValue, RangeWrite, SheetMap } from '../types.ts';

function column(sheet: string, col: number, cells: ReadonlyMap<number, CellValue>): RangeWrite[] {
  if (!cells.size || col < 0) return [];
  const rows = [...cells.keys()];
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const values: CellValue[][] = [];
  for (let row = top; row <= bottom; row++) values.push([cells.get(row) ?? null]);
  return [{ sheet, address: a1Range(top, col, bottom, col), values }];
}

/** Writes `unit`'s values (blanks left alone) and evidence (true as 是) into the data sheet. */
export function fillWrites(ruleSet: RuleSet, map: SheetMap['data'], unit: UnitInput): RangeWrite[] {
  const defs = new Map(ruleSet.inputs.map((d) => [d.id, d]));
  const values = new Map<number, CellValue>();
  const evidence = new Map<number, CellValue>();
  for (const { id, row } of map.rows) {
    const def = defs.get(id);
    if (!def) continue;
    const cell = cellOf(def, unit.values[id]);
    if (cell !== null) values.set(row, cell);
    const e = unit.evidence?.[id];
    if (e !== undefined && e !== false) evidence.set(row, e === true ? YES : e);
  }
  return [...column(map.sheet, map.columns.value, values), ...column(map.sheet, map.columns.evidence, evidence)];
}
