// The data sheet: each declared input's row found by its id, its value decoded by its unit,
// last year's figure and the evidence cell.
import { msgOf, type InputValue, type RuleSet, type UnitInput } from '@kaohe/engine';
import { cellRef } from '../a1.ts';
import { sheetError, sheetWarning } from '../issue.ts';
import { DATA_COLUMNS } from '../labels.ts';
import type { DataColumn, SheetGrid, SheetIssue, SheetMap } from '../types.ts';
import { zh } from '../units.ts';
import { cellAt, findHeaderRow, headerIssues } from './locate.ts';
import { parseInput, yesNo } from './parse-input.ts';
import { locateRows } from './read-rows.ts';

export interface DataRead {
  map: SheetMap['data'];
  values: UnitInput['values'];
  evidence: NonNullable<UnitInput['evidence']>;
  previous: Record<string, InputValue>;
  /** `cases` inputs whose 填报值 says 无: no cases (their table must then be empty). */
  noCases: Set<string>;
}

// 上年数据 and the descriptive columns may go; the evidence column may not (it changes scores).
const REQUIRED: DataColumn[] = ['id', 'value', 'evidence'];

export function readData(
  sheet: SheetGrid,
  ruleSet: RuleSet,
): { value?: DataRead; errors: SheetIssue[]; warnings: SheetIssue[] } {
  const grid = sheet.values;
  const found = findHeaderRow(grid, DATA_COLUMNS, REQUIRED);
  if (!found.ok) return { errors: headerIssues(sheet.name, found), warnings: [] };
  const cols = found.columns;
  // Inputs are found by id, so their order does not matter: check each one's presence only.
  const ids = ruleSet.inputs.map((d) => d.id);
  const labels = new Map(ruleSet.inputs.map((d) => [d.id, msgOf(d.label)]));
  const located = locateRows(sheet.name, grid, found.row, cols.id, ids, (id) => labels.get(id));
  const errors = located.errors.filter((e) => e.code !== 'row-order');
  const warnings = [...located.warnings];
  const values: UnitInput['values'] = {};
  const evidence: NonNullable<UnitInput['evidence']> = {};
  const previous: Record<string, InputValue> = {};
  const format = (row: number, col: number): string | null =>
    sheet.numberFormats?.[row]?.[col] ?? null;
  const noCases = new Set<string>();
  for (const def of ruleSet.inputs) {
    const row = located.rows.get(def.id);
    if (row === undefined) continue;
    const at = (col: number): string => cellRef(sheet.name, row, col);
    if (def.unit === 'cases') {
      // The cases are in the case table; this cell says 无 (no cases) or stays blank.
      const raw = cellAt(grid, row, cols.value);
      const t = raw === null ? '' : String(raw).normalize('NFKC').trim();
      if (t === '无' || t === '0' || yesNo(raw) === false) noCases.add(def.id);
      else if (t !== '')
        errors.push(sheetError('cases-no-cases-text', at(cols.value), [t, zh(def.label)], def.id));
      continue;
    }
    const v = parseInput(
      cellAt(grid, row, cols.value),
      format(row, cols.value),
      def,
      at(cols.value),
    );
    for (const i of v.issues) (i.severity === 'error' ? errors : warnings).push(i);
    values[def.id] = v.value;
    if (v.value === null && v.issues.length === 0 && def.blankMeans === undefined) {
      warnings.push(sheetWarning('blank-input', at(cols.value), [zh(def.label)], def.id));
    }
    // Last year's figure is for reference: what cannot be read is a warning, not a stop.
    if (cols.previous >= 0) {
      const p = parseInput(
        cellAt(grid, row, cols.previous),
        format(row, cols.previous),
        def,
        at(cols.previous),
      );
      warnings.push(...p.issues.map((i) => ({ ...i, severity: 'warning' as const })));
      if (p.value !== null) previous[def.id] = p.value;
    }
    const e = cellAt(grid, row, cols.evidence);
    if (e !== null && String(e).trim() !== '') {
      const b = yesNo(e);
      if (b !== false) evidence[def.id] = b === true ? true : String(e).trim();
    }
  }
  const rows = ids.flatMap((id) => {
    const row = located.rows.get(id);
    return row === undefined ? [] : [{ id, row }];
  });
  return {
    value: {
      map: { sheet: sheet.name, headerRow: found.row, columns: cols, rows },
      values,
      evidence,
      previous,
      noCases,
    },
    errors,
    warnings,
  };
}
