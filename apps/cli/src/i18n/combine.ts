// `kaohe combine`: its help and messages, zh-CN and en.
import type { Msg } from '@kaohe/engine';

export const combineText = {
  help: {
    zh: '把同一批单位在几项考核中的复核结果按合成声明加权合成综合得分(组成部分、条线、期别)',
    en: 'combine several schemes’ reviewed results for the same units into a composite, as a combination declaration says (parts, lines, periods)',
  } satisfies Msg,
  helpDeclaration: {
    zh: '合成声明 JSON:各组成部分的复核汇总表(相对声明所在文件夹)、权重、否决与评先的带入',
    en: 'the combination declaration (JSON): each part’s review summary (relative to the declaration’s folder), weight, what carries',
  } satisfies Msg,
  helpOut: {
    zh: '写出的综合得分汇总表 .xlsx',
    en: 'the composite summary to write (.xlsx)',
  } satisfies Msg,
  declarationInvalid: (file: string, n: number): Msg => ({
    zh: `合成声明 ${file} 有 ${n} 处错误`,
    en: `the combination declaration ${file} has ${n} error(s)`,
  }),
  partUnusable: (label: string, file: string): Msg => ({
    zh: `组成部分「${label}」的汇总表 ${file} 无法使用`,
    en: `the summary ${file} of part "${label}" cannot be used`,
  }),
  refused: (file: string, n: number): Msg => ({
    zh: `各组成部分不能合成(合成声明 ${file},${n} 处问题)`,
    en: `the parts cannot be combined (declaration ${file}: ${n} problem(s))`,
  }),
  outIsPart: (file: string): Msg => ({
    zh: `--out 是组成部分的汇总表之一:${file}`,
    en: `--out names one of the parts’ summaries: ${file}`,
  }),
  heading: (title: string, year: number, parts: string, units: number): Msg => ({
    zh: `合成:${year}年度 ${title}(${parts}),${units} 个单位`,
    en: `Composite: ${title}, ${year} (${parts}), ${units} units`,
  }),
  notComputed: (line: Msg): Msg => ({ zh: `未计算:${line.zh}`, en: `Not computed: ${line.en}` }),
  count: (n: number): Msg =>
    n === 0
      ? { zh: '每个单位都算出了综合得分', en: 'every unit has its composite' }
      : {
          zh: `${n} 个单位未计算综合得分(见上,及汇总表的“未计算”表)`,
          en: `${n} unit(s) without a composite (see above, and the summary's 未计算 sheet)`,
        },
  columns: {
    rank: { zh: '名次', en: 'Rank' },
    unit: { zh: '单位', en: 'Unit' },
    composite: { zh: '综合得分', en: 'Composite' },
    grade: { zh: '等级', en: 'Grade' },
    notes: { zh: '说明', en: 'Notes' },
  } satisfies Record<string, Msg>,
  notComputedCell: { zh: '未计算', en: 'not computed' } satisfies Msg,
  vetoed: { zh: '一票否决', en: 'vetoed' } satisfies Msg,
  noCommendation: { zh: '不予评先', en: 'no commendation' } satisfies Msg,
  helpCounters: {
    zh: '上一期复核的汇总表:把各单位的计数(连续、累计次数,含上一期)带入本期考核表',
    en: 'the previous period’s review summary: carries each unit’s counts (in a row, in all, that period included) into its new workbook',
  } satisfies Msg,
  countersNotDeclared: (title: string): Msg => ({
    zh: `--counters 只用于声明了跨期计数器的规则集;“${title}”没有计数器`,
    en: `--counters is for rule sets that declare counters across periods; "${title}" declares none`,
  }),
  countersUnusable: (file: string): Msg => ({
    zh: `上期汇总表 ${file} 无法使用`,
    en: `the previous period's summary ${file} cannot be used`,
  }),
  countersMissing: (file: string, ids: readonly string[]): Msg => ({
    zh: `上期汇总表 ${file} 中没有单位 ${ids.join('、')}:其计数不能从零开始而不加说明;请核对单位代码,或为新单位另行生成考核表(不带 --counters)`,
    en: `the previous period's summary ${file} has no unit ${ids.join(', ')}: its counts cannot silently start from zero; check the unit ids, or make a new unit's workbook without --counters`,
  }),
  countersUnknown: (file: string, unit: string, ids: readonly string[]): Msg => ({
    zh: `上期汇总表 ${file} 中单位 ${unit} 的计数器“${ids.join('、')}”不在本规则集中`,
    en: `the previous period's summary ${file}: unit ${unit} counts "${ids.join('", "')}", which the rules do not declare`,
  }),
  countersOf: (file: string, n: number): Msg => ({
    zh: `已带入上期计数(${file}):${n} 个单位`,
    en: `Counts of the periods before carried (${file}): ${n} unit(s)`,
  }),
};
