import type { Msg } from '@kaohe/engine';

export const scoreText = {
  stage: {
    self: { zh: '自评', en: 'self-assessment' },
    review: { zh: '初审', en: 'review' },
    final: { zh: '复核', en: 'final review' },
  },
  heading: (name: string, total: string, max: string, stage: Msg): Msg => ({
    zh: `${name}:总分 ${total} / ${max}(写入“${stage.zh}”列)`,
    en: `${name}: total ${total} / ${max} (written to the ${stage.en} column)`,
  }),
  section: (code: string, title: string, score: string, max: string): Msg => ({
    zh: `  ${code} ${title}:${score} / ${max}`,
    en: `  ${code} ${title}: ${score} / ${max}`,
  }),
  sanction: (level: string, reason: string): Msg => ({
    zh: `  ${level}:${reason}`,
    en: `  ${level}: ${reason}`,
  }),
  incomplete: (count: number): Msg => ({
    zh: `  有 ${count} 项因缺数据未能计分(空白不按0计),请补填后重新计分`,
    en: `  ${count} item(s) could not be scored for missing data (a blank is never 0); fill them in and score again`,
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
