// The scoring sheet: its header (unit, rule set, edition, checksum), where each keyed row is
// now, and the scores already reported in it (for the differences a reviewer lists).
import type { RuleSet, UnitInput } from '@kaohe/engine';
import { cellRef } from '../a1.ts';
import { fingerprint } from '../checksum.ts';
import { sheetError } from '../issue.ts';
import { HEADER_FIELDS, SCORING_COLUMNS, UNSCORED } from '../labels.ts';
import type { HeaderField, ScoringColumn, SheetGrid, SheetIssue, SheetMap } from '../types.ts';
import { zh } from '../units.ts';
import { yesNo } from './parse-input.ts';
import { cellAliases, cellAt, findField, findHeaderRow, headerIssues, keyText } from './locate.ts';
import { normaliseText, numberText, parseNumberText } from './number-text.ts';
import { locateRows } from './read-rows.ts';
import { headerFieldKeys } from '../template/scoring-sheet.ts';
import type { RowKey } from '../template/row-keys.ts';

export type Stage = 'self' | 'review' | 'final';

/** What reading and writing back need; the descriptive columns may be deleted (then -1). */
const REQUIRED: ScoringColumn[] = ['code', 'self', 'review', 'final', 'reason'];
/** Scores found in the sheet, by row key and stage: decimal text, 是/否 for sanctions, or null. */
export type Reported = Record<Stage, Record<string, string | null>>;

export interface ScoringRead {
  map: SheetMap['scoring'];
  unit: Pick<UnitInput, 'id' | 'name' | 'class'>;
  reported: Reported;
}

export function readScoring(
  sheet: SheetGrid,
  ruleSet: RuleSet,
  /** The embedded rules' checksum; undefined when they were altered: edition and checksum unchecked. */
  checksum: string | undefined,
  expected: readonly RowKey[],
): { value?: ScoringRead; errors: SheetIssue[]; warnings: SheetIssue[] } {
  const grid = sheet.values;
  const found = findHeaderRow(grid, SCORING_COLUMNS, REQUIRED);
  if (!found.ok) return { errors: headerIssues(sheet.name, found), warnings: [] };
  const columns = found.columns;
  const errors: SheetIssue[] = [];
  const header: SheetMap['scoring']['header'] = {};
  const keys = headerFieldKeys(ruleSet);
  // Where the template put a field whose label is gone: its row counted back from the header row
  // (rows inserted above the header move both), in the label column.
  const expectedAt = (key: HeaderField): string => {
    const back = keys.length + 1 - keys.indexOf(key);
    return cellRef(sheet.name, Math.max(0, found.row - back), 0);
  };
  // Codes compare folded (full-width, spaces); a name keeps its spelling, trimmed.
  const text = (key: HeaderField, fold = true): { value: string; address: string } | undefined => {
    const f = findField(
      grid,
      HEADER_FIELDS[key],
      found.row,
      Object.values(HEADER_FIELDS),
      columns.self,
    );
    if (!f) return undefined;
    header[key] = f.value;
    const raw = cellAt(grid, f.value.row, f.value.col);
    const value = f.blank ? '' : fold ? keyText(raw) : String(raw ?? '').trim();
    return { value, address: cellRef(sheet.name, f.value.row, f.value.col) };
  };
  /** A field the reader checks: a label overwritten or deleted would silently skip the check. */
  const checked = (
    key: HeaderField,
    fold = true,
  ): { value: string; address: string } | undefined => {
    const f = text(key, fold);
    if (!f) {
      const at = expectedAt(key);
      errors.push(sheetError('header-field-missing', at, [HEADER_FIELDS[key].zh, at]));
    }
    return f;
  };
  const expectEqual = (key: HeaderField, expected: string, alsoAccepted?: string): void => {
    const f = checked(key);
    if (f && f.value !== expected && f.value.toLowerCase() !== alsoAccepted)
      errors.push(
        sheetError('header-mismatch', f.address, [HEADER_FIELDS[key].zh, f.value, expected]),
      );
  };
  expectEqual('ruleSetId', ruleSet.id);
  if (checksum === undefined) {
    text('edition');
    text('checksum');
  } else {
    expectEqual('edition', String(ruleSet.edition));
    // The header prints the short fingerprint; workbooks made before it show the full SHA-256.
    expectEqual('checksum', keyText(fingerprint(checksum)), checksum);
  }
  text('issuer');
  text('year');
  const unitId = checked('unitId');
  const unitName = checked('unitName', false);
  for (const [f, key] of [
    [unitId, 'unitId'],
    [unitName, 'unitName'],
  ] as const) {
    if (f && !f.value) errors.push(sheetError('unit-missing', f.address, [HEADER_FIELDS[key].zh]));
  }
  let unitClass: string | undefined;
  if (ruleSet.classes?.length) {
    const f = checked('unitClass');
    const match = ruleSet.classes.find(
      (c) => c.id === f?.value || normaliseText(zh(c.label)) === f?.value,
    );
    if (!f) {
      // header-field-missing, above
    } else if (!f.value)
      errors.push(sheetError('unit-missing', f.address, [HEADER_FIELDS.unitClass.zh]));
    else if (!match)
      errors.push(
        sheetError('class-invalid', f.address, [
          f.value,
          ruleSet.classes.map((c) => zh(c.label)).join('、'),
        ]),
      );
    else unitClass = match.id;
  }

  // A sanction's 序号 reads 否决.1 (sheets made before that hold 否决.<id>, read alike); messages
  // name it by number and reason, never by id.
  const captions = new Map(
    expected.filter((r) => r.kind === 'sanction').map((r) => [r.key, r.caption]),
  );
  const located = locateRows(
    sheet.name,
    grid,
    found.row,
    columns.code,
    expected.map((r) => r.key),
    (key) => captions.get(key),
    cellAliases(expected),
  );
  errors.push(...located.errors);
  const rows = expected.map(({ key, kind, cell }) => ({
    key,
    kind,
    row: located.rows.get(key) ?? -1,
    ...(cell === key ? {} : { cell }),
  }));
  const reported: Reported = { self: {}, review: {}, final: {} };
  for (const r of rows) {
    if (r.row < 0) continue;
    for (const stage of ['self', 'review', 'final'] as const) {
      const v = cellAt(grid, r.row, columns[stage]);
      reported[stage][r.key] = reportedText(v);
    }
  }
  return {
    value: {
      map: { sheet: sheet.name, headerRow: found.row, columns, rows, header },
      unit: {
        id: unitId?.value ?? '',
        name: unitName?.value ?? '',
        ...(unitClass ? { class: unitClass } : {}),
      },
      reported,
    },
    errors,
    warnings: located.warnings,
  };
}

function reportedText(v: string | number | boolean | null): string | null {
  if (v === null || v === '' || (typeof v === 'string' && v.trim() === UNSCORED)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : null;
  const b = yesNo(v);
  if (b !== undefined && !/^\d/.test(String(v))) return b ? '是' : '否';
  const n = parseNumberText(normaliseText(String(v)), []);
  // A score is never in 万: "3万" is kept as typed (it differs from any recomputed score).
  return n && !n.wan ? n.decimal : String(v);
}
