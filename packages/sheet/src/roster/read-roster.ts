// The assessing level's roster (考核单位名单): one row per unit — 单位代码, 单位名称, 单位类别, then
// one column per figure it prefills: an assigned target (source assigned), a figure of last year
// as its own input (source previous), or any input's 上年数据 ("上年:label"). Read from the grid
// of a list a clerk already keeps; each figure through the codec's one reader of what officials
// type (parseInput). Every problem has its cell; a blank target is an error, never 0.
import type { InputDef, RuleSet } from '@kaohe/engine';
import { msgOf } from '@kaohe/engine';
import { cellRef } from '../a1.ts';
import { sheetError, sheetWarning } from '../issue.ts';
import { SOURCE_LABELS } from '../labels.ts';
import { parseInput } from '../read/parse-input.ts';
import { normaliseText } from '../read/number-text.ts';
import type { Prefill } from '../template/data-sheet.ts';
import type { UnitIdentity } from '../template/scoring-sheet.ts';
import type { CellValue, SheetGrid, SheetIssue } from '../types.ts';
import { inputCaption, zh } from '../units.ts';

export interface RosterUnit extends UnitIdentity {
  /** What the unit's workbook is prefilled with (by input id). */
  prefill: Required<Pick<Prefill, 'values' | 'previous'>>;
  /** Where the unit's row is (its 单位代码 cell). */
  address: string;
}

export interface RosterRead {
  /** Every unit row read, in order (also those with problems: `issues` says which). */
  units: RosterUnit[];
  /** Errors and warnings, each at its cell. Any error: the roster must not be used. */
  issues: SheetIssue[];
  /** The input ids the roster has a column for: values (targets, last year's figures as
   *  inputs) and 上年数据. A blank cell there is the roster's blank, not the unit's to fill. */
  columns: { values: string[]; previous: string[] };
}

type Column =
  { kind: 'id' | 'name' | 'class' | 'ignored' } | { kind: 'value' | 'previous'; def: InputDef };

const fold = (v: CellValue): string =>
  v === null ? '' : normaliseText(String(v)).replace(/\n/g, '').toLowerCase();

// The words clerks head these columns with (folded: NFKC, no spaces, lower case).
const FIXED: Record<'id' | 'name' | 'class' | 'ignored', string[]> = {
  id: ['单位代码', '单位编号', '代码', '编号', 'id', 'unitid'],
  name: ['单位名称', '被考核单位', '单位', '名称', 'name', 'unit'],
  class: ['单位类别', '类别', 'class'],
  ignored: ['序号', '备注', 'no.', 'note', 'notes'],
};

/** 上年:label, 上年数据:label, label(上年), 上年label → the label, else undefined. */
function previousOf(header: string): string | undefined {
  const m =
    /^上年(?:数据)?[:：]?(.+)$/.exec(header) ?? /^(.+?)[(（]上年(?:数据)?[)）]$/.exec(header);
  return m?.[1];
}

function columnOf(header: string, ruleSet: RuleSet): Column | undefined {
  for (const kind of ['id', 'name', 'class', 'ignored'] as const)
    if (FIXED[kind].includes(header)) return { kind };
  const byName = (text: string): InputDef | undefined =>
    ruleSet.inputs.find((d) =>
      [d.id, zh(d.label), msgOf(d.label).en, inputCaption(d)].some((n) => fold(n) === text),
    );
  const def = byName(header);
  if (def) return { kind: 'value', def };
  const prev = previousOf(header);
  const prevDef = prev === undefined ? undefined : byName(prev);
  return prevDef ? { kind: 'previous', def: prevDef } : undefined;
}

const SCAN_ROWS = 20;

/**
 * Reads a roster grid against the rules it prefills. The header row is the first (of the first
 * 20) with both a 单位代码 and a 单位名称 column; fully blank rows are skipped.
 */
export function readRoster(
  grid: SheetGrid,
  ruleSet: RuleSet,
  /** How a cell is named in messages; default `单位名单!D7` (an app may put the file first). */
  addressOf: (row: number, col: number) => string = (row, col) => cellRef(grid.name, row, col),
): RosterRead {
  const at = addressOf;
  const issues: SheetIssue[] = [];
  const headerRow = grid.values.slice(0, SCAN_ROWS).findIndex((r) => {
    const kinds = r.map((c) => columnOf(fold(c), ruleSet)?.kind);
    return kinds.includes('id') && kinds.includes('name');
  });
  if (headerRow < 0)
    return {
      units: [],
      issues: [sheetError('roster-header-missing', at(0, 0), [grid.name])],
      columns: { values: [], previous: [] },
    };
  const header = grid.values[headerRow] ?? [];
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const columns = new Map<number, Column>();
  const seen = new Map<string, number>();
  for (let col = 0; col < width; col++) {
    const raw = header[col] ?? null;
    const text = fold(raw);
    if (text === '') {
      // A column without a header is ignored only when it holds nothing.
      const used = grid.values.slice(headerRow + 1).some((r) => fold(r[col] ?? null) !== '');
      if (used) issues.push(sheetError('roster-column-unknown', at(headerRow, col), ['']));
      continue;
    }
    const c = columnOf(text, ruleSet);
    if (!c) {
      issues.push(sheetError('roster-column-unknown', at(headerRow, col), [String(raw)]));
      continue;
    }
    if (c.kind === 'ignored') continue;
    const key = 'def' in c ? `${c.kind}:${c.def.id}` : c.kind;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        sheetError('roster-column-duplicate', at(headerRow, col), [
          String(raw),
          at(headerRow, first),
        ]),
      );
      continue;
    }
    seen.set(key, col);
    if (c.kind === 'value' && c.def.source !== 'assigned' && c.def.source !== 'previous') {
      issues.push(
        sheetError(
          'roster-column-not-prefill',
          at(headerRow, col),
          [zh(c.def.label), SOURCE_LABELS[c.def.source ?? 'unit']],
          c.def.id,
        ),
      );
      continue;
    }
    columns.set(col, c);
  }
  const colOf = (kind: 'id' | 'name' | 'class'): number =>
    [...columns].find(([, c]) => c.kind === kind)?.[0] ?? -1;
  const [idCol, nameCol, classCol] = [colOf('id'), colOf('name'), colOf('class')];
  const classes = ruleSet.classes ?? [];
  const classList = classes.map((c) => `${c.id} ${zh(c.label)}`).join('、');
  const units: RosterUnit[] = [];
  const firstOf = new Map<string, string>();
  for (let row = headerRow + 1; row < grid.values.length; row++) {
    const cells = grid.values[row] ?? [];
    if (cells.every((c) => fold(c) === '')) continue;
    const text = (col: number): string =>
      col < 0
        ? ''
        : String(cells[col] ?? '')
            .normalize('NFKC')
            .trim();
    const id = text(idCol);
    const name = text(nameCol);
    if (!id) issues.push(sheetError('unit-missing', at(row, idCol), ['单位代码']));
    if (!name) issues.push(sheetError('unit-missing', at(row, nameCol), ['单位名称']));
    for (const [field, value, col] of [
      ['单位代码', id, idCol],
      ['单位名称', name, nameCol],
    ] as const) {
      if (!value) continue;
      const key = `${field}:${value}`;
      const other = firstOf.get(key);
      if (other) issues.push(sheetError('roster-duplicate', at(row, col), [field, value, other]));
      else firstOf.set(key, at(row, col));
    }
    let cls: string | undefined;
    const rawClass = text(classCol);
    if (rawClass && classes.length === 0)
      issues.push(sheetError('roster-no-classes', at(row, classCol), [rawClass]));
    else if (rawClass) {
      const match = classes.find(
        (c) => c.id === rawClass || zh(c.label) === rawClass || msgOf(c.label).en === rawClass,
      );
      if (match) cls = match.id;
      else issues.push(sheetError('class-invalid', at(row, classCol), [rawClass, classList]));
    } else if (classes.length > 0)
      issues.push(
        sheetError('roster-class-blank', at(row, classCol < 0 ? idCol : classCol), [classList]),
      );
    const prefill: Required<Pick<Prefill, 'values' | 'previous'>> = { values: {}, previous: {} };
    for (const [col, c] of columns) {
      if (!('def' in c)) continue;
      const address = at(row, col);
      const raw = cells[col] ?? null;
      const read = parseInput(raw, grid.numberFormats?.[row]?.[col] ?? null, c.def, address);
      issues.push(...read.issues);
      if (read.value !== null) {
        (c.kind === 'value' ? prefill.values : prefill.previous)[c.def.id] = read.value;
        continue;
      }
      if (read.issues.some((i) => i.severity === 'error')) continue;
      // A blank target is never 0: the unit would be judged against nothing.
      if (c.kind === 'value' && c.def.source === 'assigned')
        issues.push(sheetError('roster-target-blank', address, [inputCaption(c.def)], c.def.id));
      else if (c.kind === 'value')
        issues.push(sheetWarning('blank-input', address, [inputCaption(c.def)], c.def.id));
    }
    units.push({
      id,
      name,
      ...(cls ? { class: cls } : {}),
      prefill,
      address: at(row, idCol),
    });
  }
  if (units.length === 0) issues.push(sheetError('roster-empty', at(headerRow, 0), [grid.name]));
  const ids = (kind: 'value' | 'previous'): string[] =>
    [...columns.values()].flatMap((c) => ('def' in c && c.kind === kind ? [c.def.id] : []));
  return { units, issues, columns: { values: ids('value'), previous: ids('previous') } };
}
