// A composite's summary workbook (kaohe combine; the pane's 汇总 later): 综合得分 — each unit's
// parts (score of maximum, grade, contribution), the composite, rank, grade, vetoes and
// no-commendation carried, and how it was worked out; 合成说明 — the declaration: each part, its
// summary, rule set and weight, what carries; 等级 when grades are declared; 未计算 — the units
// without a composite and why; kaohe_results, so that the composite can be a part of another.
// A composite not computed is said 未计算 in its cell, never 0.
import type { Combination, CompositeResult, Msg } from '@kaohe/engine';
import { compositeResultsSheet } from '../summary/results-sheet.ts';
import type { CellValue, SheetLayout } from '../types.ts';
import { shareNumber } from '../summary/build-summary.ts';
import { num, table, type Column } from '../summary/table.ts';

const yes = (b: boolean): string => (b ? '是' : '否');

export const COMPOSITE_SHEETS = {
  ranking: '综合得分',
  declaration: '合成说明',
  grades: '等级',
  notComputed: '未计算',
} as const;

const ROUNDING: Record<string, string> = {
  'half-up': '四舍五入',
  'half-even': '四舍六入五成双',
  down: '舍去',
  up: '进一',
};

/** The composite's sheets; last, very hidden, its results as data (kaohe_results), so that the
 *  composite can itself be a part of another. */
export function compositeSheets(r: CompositeResult, declared: Combination): SheetLayout[] {
  const title = `${r.year}年度 ${r.title.zh}`;
  const graded = r.grades !== null;
  // A part's 等级 column only when some unit has a grade in it (a part without grades would
  // show an empty column).
  const partGraded = r.parts.map((_, i) => r.units.some((u) => u.parts[i]?.gradeLabel));
  const partCols: Column[] = r.parts.flatMap((p, i) => [
    { header: `${p.label.zh}\n得分`, width: 10, format: 'score' as const, wrap: true },
    { header: `${p.label.zh}\n满分`, width: 7, format: 'score' as const, wrap: true },
    ...(partGraded[i] ? [{ header: `${p.label.zh}\n等级`, width: 8, wrap: true }] : []),
    {
      header: `${p.label.zh}\n折合(权重${p.weightShown})`,
      width: 12,
      format: 'score' as const,
      wrap: true,
    },
  ]);
  const notes = (u: CompositeResult['units'][number]): string =>
    [...u.notComputed, ...u.carried.map((c) => c.reason), ...u.gradeNotes]
      .map((m: Msg) => m.zh)
      .join(';');
  const ranking = table(
    COMPOSITE_SHEETS.ranking,
    `${title} 综合得分(满分${r.outOf})`,
    [
      { header: '名次\nRank', width: 7 },
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      ...partCols,
      { header: '综合得分\nComposite', width: 10, format: 'score' },
      ...(graded ? [{ header: '等级\nGrade', width: 10 }] : []),
      { header: '一票否决\nVetoed', width: 9 },
      { header: '不予评先\nNo commendation', width: 10 },
      { header: '说明\nNotes', width: 40, wrap: true },
      { header: '计算过程\nHow worked out', width: 50, wrap: true },
    ],
    r.units.map((u) => [
      u.rank ?? '—',
      u.unitId,
      u.name,
      ...u.parts.flatMap((c, i): CellValue[] => {
        const grade = partGraded[i] ? [c ? (c.gradeLabel?.zh ?? '') : null] : [];
        return c
          ? [
              c.total === null ? '未计算' : num(c.total),
              num(c.max),
              ...grade,
              u.value === null || c.contributionShown === null
                ? '未计算'
                : num(c.contributionShown),
            ]
          : ['未列入', null, ...grade, '未计算'];
      }),
      u.value === null ? '未计算' : num(u.value),
      ...(graded ? [u.value === null ? '未计算' : (u.gradeLabel?.zh ?? '')] : []),
      yes(u.vetoed),
      yes(u.noCommendation),
      notes(u),
      u.explanation?.zh ?? '',
    ]),
  );

  const declaration = table(
    COMPOSITE_SHEETS.declaration,
    `${title} 合成说明:综合得分 = Σ 权重 × 部分得分 ÷ 部分满分 × ${r.outOf},保留${declared.rounding.dp}位小数(${ROUNDING[declared.rounding.mode] ?? declared.rounding.mode}),各部分得分按其复核汇总表;折合分按同样位数显示,综合得分由未舍入的折合分相加后舍入,末位可能与折合分之和不同`,
    [
      { header: '编号\nId', width: 12 },
      { header: '组成部分\nPart', width: 18, wrap: true },
      { header: '复核汇总表\nSummary', width: 30, wrap: true },
      { header: '规则集\nRule set', width: 30, wrap: true },
      { header: '权重\nWeight', width: 10 },
      { header: '一票否决\nVeto', width: 14, wrap: true },
      { header: '不予评先\nNo commendation', width: 24, wrap: true },
    ],
    r.parts.map((p, i) => {
      const d = declared.parts[i];
      const grades = d?.noCommendationGrades ?? [];
      return [
        p.id,
        p.label.zh,
        p.summary,
        `${p.ruleSetTitle.zh}(${p.ruleSetId})`,
        p.weightShown,
        d?.vetoes === 'ignore' ? '不带入综合得分' : '带入综合得分',
        [
          d?.noCommendation === 'ignore' ? '不带入' : '带入',
          ...(grades.length ? [`等次为 ${grades.join('、')} 的不予评先`] : []),
        ].join(';'),
      ];
    }),
  );

  const grades = r.grades
    ? table(
        COMPOSITE_SHEETS.grades,
        `${title} 综合等级分布`,
        [
          { header: '等级\nGrade', width: 12 },
          { header: '单位数\nUnits', width: 8 },
          { header: '占比(%)\nShare (%)', width: 10 },
          { header: '上限\nAt most', width: 8 },
          { header: '下限\nAt least', width: 8 },
          { header: '奖惩\nConsequence', width: 30, wrap: true },
        ],
        r.grades.bands.map((b) => [
          b.label.zh,
          b.count,
          shareNumber(b.share),
          b.maxAllowed,
          b.minRequired,
          b.consequence?.zh ?? '',
        ]),
      )
    : undefined;

  const missing = table(
    COMPOSITE_SHEETS.notComputed,
    `${title} 未计算综合得分的单位`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      { header: '原因\nReason', width: 70, wrap: true },
    ],
    r.units
      .filter((u) => u.value === null)
      .map((u) => [u.unitId, u.name, u.notComputed.map((m) => m.zh).join(';')]),
  );
  return [
    ranking,
    declaration,
    ...(grades ? [grades] : []),
    missing,
    compositeResultsSheet(r, declared),
  ];
}
