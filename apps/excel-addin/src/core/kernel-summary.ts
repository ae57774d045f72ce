// The summary sheets are the codec's (buildSummary: ranking, grades, vetoes, section scores,
// items × units, differences); the pane writes them as ranges and charts the ranking.
import type { CohortResult, RuleSet } from '@kaohe/engine';
import {
  a1Range,
  buildSummary,
  NUMBER_FORMATS,
  type SheetLayout,
  type Summary,
} from '@kaohe/sheet';
import type { SummaryPlan } from './kernel.types.ts';
import type { Cell, RangeWrite } from './workbook-port.ts';

/** A codec sheet as one range write (values and number formats, from A1). */
export function sheetWrite(layout: SheetLayout): RangeWrite {
  const width = Math.max(1, ...layout.values.map((r) => r.length));
  const values: Cell[][] = layout.values.map((r) =>
    Array.from({ length: width }, (_, c) => r[c] ?? null),
  );
  const formats = values.map((r) => r.map(() => 'General'));
  for (const hint of layout.cells) {
    const row = formats[hint.row];
    if (row && hint.format && hint.col < width) row[hint.col] = NUMBER_FORMATS[hint.format];
  }
  return {
    sheet: layout.name,
    address: a1Range(0, 0, Math.max(values.length, 1) - 1, width - 1),
    values,
    numberFormats: formats,
  };
}

/** The names buildSummary gives its sheets (asked of the codec, not repeated here). */
export function summarySheetNames(ruleSet: RuleSet): string[] {
  const empty: CohortResult = {
    ruleSetId: ruleSet.id,
    edition: ruleSet.edition,
    units: [],
    peers: {},
    grades: null,
    issues: [],
  };
  return buildSummary(empty, ruleSet).sheets.map((s) => s.name);
}

const column = (header: readonly unknown[], zh: string) =>
  header.findIndex((h) => typeof h === 'string' && h.split('\n')[0] === zh);

export function summaryPlan(
  cohort: CohortResult,
  ruleSet: RuleSet,
  /** The review's summary (reviewReturns): flags, differences and rejected files included. */
  summary: Summary,
): SummaryPlan {
  const ranking = summary.sheets[0];
  if (!ranking) throw new Error('buildSummary returned no ranking sheet');
  const base = {
    rows: cohort.units.map((u) => ({
      rank: u.rank,
      unit: { id: u.unitId, name: u.name },
      total: u.total,
      grade: u.gradeLabel,
      vetoed: u.vetoed,
      sanctions: u.result.sanctions,
    })),
    sheet: ranking.name,
    sheets: summary.sheets.map((s) => s.name),
    printable: summary.sheets,
    writes: summary.sheets.map(sheetWrite),
    layouts: summary.sheets.map((s) => ({
      sheet: s.name,
      widths: s.widths,
      wrap: s.wrap,
      freezeRows: s.freeze?.rows ?? 0,
    })),
  };
  // A certification is not ranked (its first sheet is 认定结果): no ranking chart.
  if (ruleSet.kind === 'certification') return { ...base, chart: null };
  // Title row, then the header row: the chart takes the unit names and totals below it.
  const header = ranking.values[1] ?? [];
  const unitCol = column(header, '单位');
  const totalCol = column(header, '总分');
  if (unitCol < 0 || totalCol !== unitCol + 1)
    throw new Error('ranking sheet without adjacent 单位 and 总分 columns');
  const title = typeof ruleSet.title === 'string' ? ruleSet.title : ruleSet.title.zh;
  return {
    ...base,
    chart: {
      sheet: ranking.name,
      dataAddress: a1Range(1, unitCol, 1 + Math.max(cohort.units.length, 1), totalCol),
      title: `${ruleSet.year}年度${title} 得分排名`,
      anchor: a1Range(1, header.length + 1, 1, header.length + 1),
    },
  };
}
