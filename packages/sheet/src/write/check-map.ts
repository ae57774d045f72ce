// The re-check before writing (Office.js budget: read, re-check, write): the scoring sheet must
// still have each keyed row and the written columns where the map says, or nothing is written.
import { cellRef } from '../a1.ts';
import { sheetError } from '../issue.ts';
import { headerMatches, SCORING_COLUMNS } from '../labels.ts';
import { cellAliases, cellAt, rowKeyMatcher } from '../read/locate.ts';
import type { Stage } from '../read/read-scoring.ts';
import type { SheetGrid, SheetIssue, SheetMap } from '../types.ts';

export function checkMap(sheet: SheetGrid, map: SheetMap, as: Stage): SheetIssue[] {
  const m = map.scoring;
  const issues: SheetIssue[] = [];
  for (const key of [as, 'reason', 'code'] as const) {
    const col = m.columns[key];
    const label = SCORING_COLUMNS.find((c) => c.key === key)?.label;
    if (label && !headerMatches(cellAt(sheet.values, m.headerRow, col), label)) {
      issues.push(
        sheetError('column-missing', cellRef(sheet.name, m.headerRow, Math.max(col, 0)), [
          label.zh,
        ]),
      );
    }
  }
  const match = rowKeyMatcher(
    m.rows.map((r) => r.key),
    cellAliases(m.rows),
  );
  for (const { key, row, cell } of m.rows) {
    if (row >= 0 && match(cellAt(sheet.values, row, m.columns.code)) !== key) {
      issues.push(
        sheetError('row-missing', cellRef(sheet.name, row, m.columns.code), [cell ?? key]),
      );
    }
  }
  return issues;
}
