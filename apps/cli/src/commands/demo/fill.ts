// Fills a blank workbook's input cells with a unit's figures, as an official would type them:
// found through the codec's map, a % figure into a percent-formatted cell as its fraction (Excel
// stores 92 % as 0.92), yes/no as 是/否, evidence as 是.
import { exact, q, type InputDef, type InputValue, type RuleSet, type UnitInput } from '@kaohe/engine';
import { a1Range, isPercentFormat, type CellValue, type RangeWrite, type SheetGrid, type SheetMap } from '@kaohe/sheet';

const NUMERIC = new Set<InputDef['unit']>(['%', '‰', '元', '万元', '人', '户', '个', '次', '天', '月', 'count', 'number']);

export function typed(value: InputValue, def: InputDef, format: string | null): CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (!NUMERIC.has(def.unit)) return String(value);
  const n = q(value);
  return Number(exact.fmt(def.unit === '%' && isPercentFormat(format) ? n.div(100) : n));
}

function column(sheet: string, col: number, cells: ReadonlyMap<number, CellValue>): RangeWrite[] {
  if (cells.size === 0) return [];
  const rows = [...cells.keys()];
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const values: CellValue[][] = [];
  for (let row = top; row <= bottom; row++) values.push([cells.get(row) ?? null]);
  return [{ sheet, address: a1Range(top, col, bottom, col), values }];
}

/** The writes that fill `unit`'s figures and evidence into the data sheet of `grids`. */
export function fillWrites(ruleSet: RuleSet, map: SheetMap['data'], grids: readonly SheetGrid[], unit: UnitInput): RangeWrite[] {
  const sheet = grids.find((g) => g.name === map.sheet);
  const defs = new Map(ruleSet.inputs.map((d) => [d.id, d]));
  const values = new Map<number, CellValue>();
  const evidence = new Map<number, CellValue>();
  for (const { id, row } of map.rows) {
    const def = defs.get(id);
    if (!def) continue;
    const cell = typed(unit.values[id] ?? null, def, sheet?.numberFormats?.[row]?.[map.columns.value] ?? null);
    if (cell !== null) values.set(row, cell);
    const e = unit.evidence?.[id];
    if (e !== undefined && e !== false) evidence.set(row, e === true ? '是' : e);
  }
  return [...column(map.sheet, map.columns.value, values), ...column(map.sheet, map.columns.evidence, evidence)];
}
