// A unit's figures as range writes into the data sheet's 填报值 and 佐证材料 columns: how a
// demo, a test or a bulk import fills workbooks. Each value is spelt by cellOf, the reader's
// inverse, so what is written reads back exactly.
import type { RuleSet, UnitInput } from '@kaohe/engine';
import { YES } from '../labels.ts';
import { cellOf } from '../template/cell-of.ts';
import type { CellValue, RangeWrite, SheetMap } from '../types.ts';
import { columnWrite } from './column.ts';
import { caseWrites } from '../cases/case-table.ts';

/** Writes `unit`'s values (blanks left alone) and evidence (true as 是) into the data sheet; with
 *  the case table's map, its cases into a fresh template's tables (an empty list as 无). */
export function fillWrites(
  ruleSet: RuleSet,
  map: SheetMap['data'],
  unit: UnitInput,
  cases?: SheetMap['cases'],
): RangeWrite[] {
  const defs = new Map(ruleSet.inputs.map((d) => [d.id, d]));
  const values = new Map<number, CellValue>();
  const evidence = new Map<number, CellValue>();
  for (const { id, row } of map.rows) {
    const def = defs.get(id);
    if (!def) continue;
    // A list of cases: 无 for none said; the cases themselves go to the case table.
    const cell =
      def.unit === 'cases'
        ? cases && unit.records?.[id]?.length === 0
          ? '无'
          : null
        : cellOf(def, unit.values[id]);
    if (cell !== null) values.set(row, cell);
    const e = unit.evidence?.[id];
    if (e !== undefined && e !== false) evidence.set(row, e === true ? YES : e);
  }
  return [
    ...columnWrite(map.sheet, map.columns.value, values),
    ...columnWrite(map.sheet, map.columns.evidence, evidence),
    ...(cases ? caseWrites(ruleSet, cases, unit) : []),
  ];
}
