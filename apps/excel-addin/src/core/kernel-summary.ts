// The summary sheet (考核汇总): ranking, grades after quotas, vetoes; and the chart's range.
import type { CohortResult } from '@kaohe/engine';
import { a1Range } from '@kaohe/sheet';
import type { Msg, SummaryPlan, SummaryRow } from './kernel.types.ts';
import type { Cell, RangeWrite } from './workbook-port.ts';

export const SUMMARY_SHEET = '考核汇总';

const HEAD = ['名次\nRank', '被考核单位\nUnit', '得分\nScore', '等次\nGrade', '一票否决\nVeto', '处理\nSanctions', '说明\nNotes'];

export function summaryPlan(cohort: CohortResult, title: Msg, ruleSetTitle: Msg): SummaryPlan {
  const rows: SummaryRow[] = cohort.units.map((u) => ({
    rank: u.rank,
    unit: { id: u.unitId, name: u.name },
    total: u.total,
    grade: u.gradeLabel,
    vetoed: u.vetoed,
    sanctions: u.result.sanctions,
  }));
  const body: Cell[][] = cohort.units.map((u) => [
    u.rank,
    u.name,
    Number(u.total),
    u.gradeLabel?.zh ?? '',
    u.vetoed ? '是' : '否',
    u.result.sanctions.map((s) => s.reason.zh).join(';'),
    u.gradeNotes.map((n) => n.zh).join(';'),
  ]);
  const top = 2; // row 1 title, row 2 blank, row 3 header
  const writes: RangeWrite[] = [
    { sheet: SUMMARY_SHEET, address: 'A1', values: [[`${ruleSetTitle.zh} ${title.zh} / ${title.en}`]] },
    { sheet: SUMMARY_SHEET, address: a1Range(top, 0, top + body.length, HEAD.length - 1), values: [HEAD, ...body] },
  ];
  // Totals are exact decimal text; the sheet shows them with the rule set's 2 places at most.
  if (body.length > 0) {
    writes.push({
      sheet: SUMMARY_SHEET,
      address: a1Range(top + 1, 2, top + body.length, 2),
      values: body.map(() => [null]),
      numberFormats: body.map(() => ['0.00']),
    });
  }
  return {
    rows,
    sheet: SUMMARY_SHEET,
    writes,
    chart: {
      sheet: SUMMARY_SHEET,
      // Unit names and scores: columns B and C of the ranking, header included.
      dataAddress: a1Range(top, 1, top + Math.max(body.length, 1), 2),
      title: `${title.zh}:得分排名`,
      anchor: `I${top + 1}`,
    },
  };
}
