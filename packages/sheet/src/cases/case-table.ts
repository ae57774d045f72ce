// The case table (案件明细): one block per `cases` input of the rule set — a row keyed by the
// input's id, a header row of its fields (zh, then en), then rows the official fills and appends
// to, one case a row. The reader reads each block until the next block's key row or the end of
// the sheet, skips blank rows, and reads each cell by its field's unit (every bad cell reported at
// its address). The codec never writes into these rows after the template: they are the
// official's. Pure: grids in, records out.
import { msgOf, type CaseField, type CaseRecord, type InputDef, type RuleSet } from '@kaohe/engine';
import { a1Range, cellRef } from '../a1.ts';
import { cellOf } from '../template/cell-of.ts';
import { sheetError } from '../issue.ts';
import { twoLines, headerMatches, type Label } from '../labels.ts';
import type {
  CellValue,
  RangeWrite,
  SheetGrid,
  SheetIssue,
  SheetLayout,
  SheetMap,
} from '../types.ts';
import { formatOf, listOf, sheetTitle, zh } from '../units.ts';
import { GridBuilder } from '../template/grid-builder.ts';
import { cellAt, keyText } from '../read/locate.ts';
import { parseInput } from '../read/parse-input.ts';
import { unitFooter } from '../template/sign-off.ts';
import { sheetHeading } from '../template/data-sheet.ts';

/** Blank rows the template gives each table (officials insert or append more). */
const CASE_ROWS = 10;

const NUMBER_LABEL: Label = { zh: '序号', en: 'No.' };
const NOTE_LABEL: Label = { zh: '备注', en: 'Note' };

/** The `cases` inputs of a rule set, in declared order. */
export const casesInputs = (ruleSet: RuleSet): InputDef[] =>
  ruleSet.inputs.filter((d) => d.unit === 'cases');

/** A field as an input declaration: the reader's parseInput and the lists take it as one. */
const fieldInput = (f: CaseField): InputDef => ({
  id: f.id,
  label: f.label,
  unit: f.unit,
  source: 'unit',
  evidence: false,
  ...(f.choices ? { choices: f.choices } : {}),
  ...(f.min !== undefined ? { min: f.min } : {}),
  ...(f.max !== undefined ? { max: f.max } : {}),
  ...(f.defaultYear !== undefined ? { defaultYear: f.defaultYear } : {}),
});

const labelOf = (f: { id: string; label: CaseField['label'] }): Label => {
  const m = msgOf(f.label);
  // Without an English label the field's id stands in for it on the second line.
  return { zh: m.zh, en: typeof f.label === 'string' ? f.id : m.en };
};

/** A field's header: its label, zh then en. */
const fieldCaption = (f: CaseField): Label => labelOf(f);

/** The case table sheet, or undefined when the rule set declares no `cases` input. */
export function buildCasesSheet(
  name: string,
  ruleSet: RuleSet,
  unitName: string | undefined,
): { layout: SheetLayout; map: NonNullable<SheetMap['cases']> } | undefined {
  const inputs = casesInputs(ruleSet);
  if (inputs.length === 0) return undefined;
  const width = Math.max(...inputs.map((d) => (d.fields ?? []).length)) + 2;
  const g = new GridBuilder(width);
  const last = width - 1;
  sheetHeading(
    g,
    last,
    `${sheetTitle(ruleSet)} 案件明细表`,
    unitName,
    '每件案件填一行;行不够时在表内插入行,或在最后一张表末尾续填;空白行不计;没有案件的,在基础数据表该项填“无”。',
  );
  const blocks: NonNullable<SheetMap['cases']>['blocks'] = [];
  for (const def of inputs) {
    const fields = def.fields ?? [];
    g.addRow();
    const key = g.addRow([def.id, `${zh(def.label)}(逐件填报)`]);
    g.merge(key, 1, key, last);
    g.hint({ row: key, col: 0, kind: 'item' });
    g.hint({ row: key, col: 1, kind: 'section' });
    const header = g.addRow([
      twoLines(NUMBER_LABEL),
      ...fields.map((f) => twoLines(fieldCaption(f))),
      twoLines(NOTE_LABEL),
    ]);
    for (let col = 0; col < width; col++) g.hint({ row: header, col, kind: 'header' });
    const columns: Record<string, number> = {};
    fields.forEach((f, i) => (columns[f.id] = i + 1));
    const noteCol = fields.length + 1;
    for (let k = 1; k <= CASE_ROWS; k++) {
      const row = g.addRow([k]);
      g.hint({ row, col: 0, kind: 'input', format: 'integer' });
      fields.forEach((f, i) => {
        const list = listOf(fieldInput(f));
        g.hint({
          row,
          col: i + 1,
          kind: 'input',
          format: formatOf(f.unit),
          ...(list ? { list } : {}),
        });
      });
      g.hint({ row, col: noteCol, kind: 'input', format: 'text' });
    }
    blocks.push({ id: def.id, keyRow: key, headerRow: header, columns, rows: [] });
  }
  const layout: SheetLayout = {
    name,
    role: 'cases',
    state: 'visible',
    values: g.values,
    widths: [8, ...Array.from({ length: width - 2 }, () => 16), 24],
    wrap: [],
    footer: unitFooter(unitName),
    merges: g.merges,
    cells: g.cells,
  };
  return { layout, map: { sheet: name, blocks } };
}

export interface CasesRead {
  map: NonNullable<SheetMap['cases']>;
  /** By input id: the cases the table lists (blank rows skipped), in row order. */
  records: Record<string, CaseRecord[]>;
}

/**
 * Each `cases` input's table read: its key row found by the input's id in the first column, its
 * columns by the header's first line (a field's zh label, or its English), the rows below it up
 * to the next table's key row or the end of the sheet; a row whose field cells are all blank is
 * skipped (序号 and 备注 aside). Each cell is read by its field's unit; every bad cell is an error
 * at its address (案件明细!C7). A blank cell is left out of its record (the engine decides
 * whether it is needed, never a 0).
 */
export function readCases(
  sheet: SheetGrid,
  ruleSet: RuleSet,
): { value?: CasesRead; errors: SheetIssue[]; warnings: SheetIssue[] } {
  const grid = sheet.values;
  const inputs = casesInputs(ruleSet);
  const ids = new Set(inputs.map((d) => d.id));
  const errors: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  const keyRows = new Map<string, number>();
  grid.forEach((row, r) => {
    const k = keyText(row[0] ?? null);
    if (ids.has(k) && !keyRows.has(k)) keyRows.set(k, r);
  });
  const starts = [...keyRows.values()].sort((a, b) => a - b);
  const records: Record<string, CaseRecord[]> = {};
  const blocks: CasesRead['map']['blocks'] = [];
  const format = (row: number, col: number): string | null =>
    sheet.numberFormats?.[row]?.[col] ?? null;
  for (const def of inputs) {
    const key = keyRows.get(def.id);
    const label = zh(def.label);
    if (key === undefined) {
      errors.push(
        sheetError('cases-block-missing', cellRef(sheet.name, 0, 0), [label, sheet.name], def.id),
      );
      continue;
    }
    const header = key + 1;
    const columns: Record<string, number> = {};
    const headerCells = grid[header] ?? [];
    for (const f of def.fields ?? []) {
      const col = headerCells.findIndex((c) => headerMatches(c, fieldCaption(f)));
      if (col < 0) {
        errors.push(
          sheetError(
            'cases-column-missing',
            cellRef(sheet.name, header, 0),
            [label, zh(f.label)],
            def.id,
          ),
        );
        continue;
      }
      columns[f.id] = col;
    }
    const end = starts.find((s) => s > key) ?? grid.length;
    const list: CaseRecord[] = [];
    const rows: number[] = [];
    const fields = (def.fields ?? []).filter((f) => columns[f.id] !== undefined);
    for (let r = header + 1; r < end; r++) {
      const blank = fields.every((f) => {
        const c = cellAt(grid, r, columns[f.id] as number);
        return c === null || (typeof c === 'string' && c.trim() === '');
      });
      if (blank) continue;
      const record: CaseRecord = {};
      for (const f of fields) {
        const col = columns[f.id] as number;
        const v = parseInput(
          cellAt(grid, r, col),
          format(r, col),
          fieldInput(f),
          cellRef(sheet.name, r, col),
        );
        for (const i of v.issues)
          (i.severity === 'error' ? errors : warnings).push({ ...i, inputId: def.id });
        if (v.value !== null) record[f.id] = v.value;
      }
      list.push(record);
      rows.push(r);
    }
    records[def.id] = list;
    blocks.push({ id: def.id, keyRow: key, headerRow: header, columns, rows });
  }
  if (errors.length > 0) return { errors, warnings };
  return { value: { map: { sheet: sheet.name, blocks }, records }, errors, warnings };
}

/** The cell of a case's field, for an engine issue at `late[2].months` (case 2, counted from 1);
 *  undefined for any other path. */
export function caseCell(map: SheetMap['cases'], path: string): string | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\](?:\.([A-Za-z_][A-Za-z0-9_]*))?$/.exec(path);
  if (!m || !map) return undefined;
  const block = map.blocks.find((b) => b.id === m[1]);
  const row = block?.rows[Number(m[2]) - 1];
  if (!block || row === undefined) return undefined;
  const col = m[3] === undefined ? 0 : block.columns[m[3]];
  return col === undefined ? undefined : cellRef(map.sheet, row, col);
}

/**
 * A unit's cases as writes into a fresh template's tables (demos, bulk imports): case k into
 * the table's k-th row, each value spelt by cellOf (the reader's inverse). A table holds the
 * rows up to the next table's key row; more cases than that is an error naming the input (the
 * next table is never written over), and the last table grows below. Blank values stay blank.
 */
export function caseWrites(
  ruleSet: RuleSet,
  map: NonNullable<SheetMap['cases']>,
  unit: { records?: Record<string, CaseRecord[]> },
): RangeWrite[] {
  const out: RangeWrite[] = [];
  const keys = map.blocks.map((b) => b.keyRow).sort((a, b) => a - b);
  for (const def of casesInputs(ruleSet)) {
    const list = unit.records?.[def.id];
    const block = map.blocks.find((b) => b.id === def.id);
    if (!list || list.length === 0 || !block) continue;
    const next = keys.find((k) => k > block.keyRow);
    // The blank row before the next table's key row separates the tables: never written.
    const room = next === undefined ? Infinity : next - 1 - (block.headerRow + 1);
    if (list.length > room)
      throw new Error(
        `caseWrites: ${list.length} cases of "${def.id}" do not fit its table (${room} rows); insert rows first`,
      );
    const fields = (def.fields ?? []).filter((f) => block.columns[f.id] !== undefined);
    const cols = fields.map((f) => block.columns[f.id] as number);
    if (cols.length === 0) continue;
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    list.forEach((record, k) => {
      const row = block.headerRow + 1 + k;
      const values: CellValue[] = Array.from({ length: right - left + 1 }, () => null);
      for (const f of fields)
        values[(block.columns[f.id] as number) - left] = cellOf(fieldInput(f), record[f.id]);
      out.push({ sheet: map.sheet, address: a1Range(row, left, row, right), values: [values] });
    });
  }
  return out;
}
