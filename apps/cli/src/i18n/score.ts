import type { Msg } from '@kaohe/engine';

export const scoreText = {
  stage: {
    self: { zh: '自评', en: 'self-assessment' },
    review: { zh: '初审', en: 'review' },
    final: { zh: '复核', en: 'final review' },
  },
  heading: (name: string, total: string, max: string, stage: Msg, complete: boolean): Msg => ({
    zh: `${name}:总分 ${total} / ${max}${complete ? '' : '(不完整,仅供参考)'}(写入“${stage.zh}”列)`,
    en: `${name}: total ${total} / ${max}${complete ? '' : ' (incomplete, provisional)'} (written to the ${stage.en} column)`,
  }),
  /** A section's line; `unscored` items of it not scored make its sum a part, said so. */
  section: (code: string, title: string, score: string, max: string, unscored: number): Msg => ({
    zh: `  ${code} ${title}:${score} / ${max}${unscored ? `(不完整:${unscored} 项未计分)` : ''}`,
    en: `  ${code} ${title}: ${score} / ${max}${unscored ? ` (incomplete: ${unscored} item(s) not scored)` : ''}`,
  }),
  /** How a pool section's score was worked out (its points less its items' deductions), or
   *  why it has none: under the section's line. */
  sectionReason: (reason: string): Msg => ({
    zh: `    ${reason}`,
    en: `    ${reason}`,
  }),
  sanction: (level: string, reason: string): Msg => ({
    zh: `  ${level}:${reason}`,
    en: `  ${level}: ${reason}`,
  }),
  /** Money carried as output: its amount, or 待定 with why. */
  amount: (label: string, pending: boolean, reason: Msg): Msg => ({
    // A decided amount's reason ends with it, in its unit (the engine's wording: 计3600元).
    zh: `  ${label}:${pending ? `待定(${reason.zh})` : reason.zh}`,
    en: `  ${label}: ${pending ? `pending (${reason.en})` : reason.en}`,
  }),
  /** Items not scored, and sections whose items are pending: a section is named as a part,
   *  never counted among the items. */
  incomplete: (items: readonly string[], sections: readonly string[] = []): Msg => ({
    zh: `  ${sections.length ? `第${sections.join('、')}部分考核项目待定;` : ''}${items.length ? `有 ${items.length} 项未能计分(${items.join('、')}),` : ''}总分仅供参考(空白不按0计);请按上列提示补填或改正后重新计分`,
    en: `  ${sections.length ? `section ${sections.join(', ')} pending; ` : ''}${items.length ? `${items.length} item(s) not scored (${items.join(', ')}); ` : ''}the total is provisional (a blank is never 0). Fill in or correct the figures above and score again`,
  }),
  unscoredItem: (path: string, title: string, reason: string, cells: readonly string[]): Msg => ({
    zh: `  未计分 ${path} ${title}:${reason}${cells.length ? `(${cells.join('、')})` : ''}`,
    en: `  not scored ${path} ${title}: ${reason}${cells.length ? ` (${cells.join(', ')})` : ''}`,
  }),
  evidenceItem: (
    path: string,
    title: string,
    score: string,
    max: string,
    cells: readonly string[],
  ): Msg => ({
    zh: `  缺佐证 ${path} ${title}:得 ${score} / ${max},佐证材料未填${cells.length ? `(${cells.join('、')})` : ''}`,
    en: `  no evidence ${path} ${title}: ${score} / ${max}, evidence not given${cells.length ? ` (${cells.join(', ')})` : ''}`,
  }),
  sanctionsUndecided: {
    zh: '  有否决或约束条件因缺数据无法判定(空白不按0计),请补填后重新计分',
    en: '  a veto or sanction cannot be decided for missing data (a blank is never 0); fill it in and score again',
  },
  sameAsInput: (file: string): Msg => ({
    zh: `输出文件 ${file} 就是输入文件;要改写原文件请用 --in-place(会先保留备份)`,
    en: `the output ${file} is the input itself; use --in-place to rewrite it (a backup is kept first)`,
  }),
  outWithInPlace: {
    zh: '--out 与 --in-place 不能同时使用',
    en: '--out and --in-place cannot be used together',
  } satisfies Msg,
  backup: (file: string): Msg => ({
    zh: `已备份原文件为 ${file}`,
    en: `Kept the original as ${file}`,
  }),
  inputCell: (address: string): Msg => ({
    zh: `计分写入计划触及了填报单元格 ${address}`,
    en: `the planned writes touch the input cell ${address}`,
  }),
  levels: {
    interview: { zh: '约谈', en: 'interview' },
    notice: { zh: '通报', en: 'public notice' },
    'no-commendation': { zh: '不予评先', en: 'no commendation' },
    veto: { zh: '一票否决', en: 'veto' },
  },
} as const;
