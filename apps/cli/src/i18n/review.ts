import type { Msg } from '@kaohe/engine';

export const reviewText = {
  noWorkbooks: (where: string): Msg => ({
    zh: `${where} 中没有找到 .xlsx 考核表`,
    en: `no .xlsx workbooks found in ${where}`,
  }),
  skipped: (count: number, names: readonly string[]): Msg => ({
    zh: `跳过 ${count} 个文件:${names.join('、')}`,
    en: `Skipped ${count} file(s): ${names.join(', ')}`,
  }),
  rejected: (line: Msg): Msg => ({
    zh: `未纳入复核:${line.zh}`,
    en: `Not reviewed: ${line.en}`,
  }),
  sameFile: (name: string, file: string, copies: readonly string[]): Msg => ({
    zh: `重复文件:${name} 的 ${copies.join('、')} 与 ${file} 内容相同,只计一次`,
    en: `Duplicate file: ${name}'s ${copies.join(', ')} is the same as ${file}; counted once`,
  }),
  notScored: (name: string, file: string): Msg => ({
    zh: `未自评:${name}(${file})填报了数据但没有自评得分,按复核计算排名,未逐项比对`,
    en: `Not self-scored: ${name} (${file}) has figures but no self-assessed scores; ranked by the recomputation, nothing compared`,
  }),
  ruleChange: (change: Msg): Msg => ({
    zh: `  规则变化:${change.zh}`,
    en: `  Rule change: ${change.en}`,
  }),
  unusable: (count: number): Msg => ({
    zh: `${count} 份考核表无法复核(见下列文件和单元格),未写入任何文件`,
    en: `${count} workbook(s) cannot be reviewed (see the files and cells below); nothing was written`,
  }),
  progress: { zh: '复核', en: 'Reviewing' } satisfies Msg,
  csvSameAsOut: (file: string): Msg => ({
    zh: `--csv 与 --out 是同一个文件:${file}`,
    en: `--csv and --out name the same file: ${file}`,
  }),
  /** A sanction that holds (约谈, 通报, 不予评先, 一票否决), with its reason. */
  sanction: (name: string, id: string, level: Msg, reason: Msg): Msg => ({
    zh: `${name}(${id}):${level.zh}——${reason.zh}`,
    en: `${name} (${id}): ${level.en} — ${reason.en}`,
  }),
  heading: (title: string, count: number): Msg => ({
    zh: `复核:${title},${count} 个单位`,
    en: `Review: ${title}, ${count} units`,
  }),
  rulesDiffer: (name: string, file: string): Msg => ({
    zh: `规则不一致:${name}(${file})表内规则与复核方规则不同(校验码不符),已按复核方规则重算`,
    en: `Rules differ: ${name} (${file}) embeds rules that differ from the reviewer's (checksum); recomputed with the reviewer's`,
  }),
  unverified: (name: string, file: string, why: Msg): Msg => ({
    zh: `非可信正式版本:${name}(${file}):${why.zh}`,
    en: `Not a verified edition: ${name} (${file}): ${why.en}`,
  }),
  prefillFlag: (name: string, file: string, why: Msg): Msg => ({
    zh: `预填指标未通过验证:${name}(${file}):${why.zh}`,
    en: `Prefill fails verification: ${name} (${file}): ${why.en}`,
  }),
  metaUnhidden: (name: string, file: string): Msg => ({
    zh: `规则数据表被取消隐藏:${name}(${file}):原为深度隐藏,请核对是否有改动`,
    en: `Rules sheet unhidden: ${name} (${file}): it was very hidden; check for changes`,
  }),
  prefillCount: (n: number): Msg => ({
    zh: `${n} 份考核表的预填指标(责任指标、上年数据)与签发的不符或无法验证。`,
    en: `${n} workbook(s) hold prefilled targets or baselines that differ from what was issued or cannot be verified.`,
  }),
  unverifiedCount: (n: number): Msg => ({
    zh: `${n} 份考核表内的规则不是可信的正式版本(未签名、签名无效或密钥不受信任)。`,
    en: `${n} workbook(s) carry rules that are not a trusted official edition (unsigned, bad signature or untrusted key).`,
  }),
  rulesAltered: (name: string, file: string, cell: string): Msg => ({
    zh: `规则被改动:${name}(${file})表内规则与其校验码不符或已损坏(${cell}),已按复核方规则重算`,
    en: `Rules altered: ${name} (${file}) embeds rules that fail their checksum or are damaged (${cell}); recomputed with the reviewer's`,
  }),
  /** `row`: the row as a person reads it (rowCaptions: 一.1 标题, 否决.1「理由」), never an id. */
  difference: (
    name: string,
    row: Msg,
    stage: Msg,
    reported: string | null,
    recomputed: string | null,
  ): Msg => ({
    zh: `分数不符:${name} ${row.zh} ${stage.zh}填报 ${reported ?? '空白'},重算为 ${recomputed ?? '无法计分'}`,
    en: `Score differs: ${name} ${row.en}: ${stage.en} reported ${reported ?? 'blank'}, recomputed ${recomputed ?? 'not computable'}`,
  }),
  recordFlag: (name: string, file: string, why: Msg): Msg => ({
    zh: `${name}(${file}):${why.zh}`,
    en: `${name} (${file}): ${why.en}`,
  }),
  missing: (name: string, id: string, address: string): Msg => ({
    zh: `未上报:${name}(${id},名册 ${address})没有交回考核表,不参加排名`,
    en: `Not returned: ${name} (${id}, roster ${address}) returned no workbook; not ranked`,
  }),
  missingCount: (n: number): Msg => ({
    zh: `名册中 ${n} 个单位未上报考核表,未参加排名。`,
    en: `${n} unit(s) on the roster returned no workbook and are not ranked.`,
  }),
  recordCount: (n: number, outside: number): Msg => ({
    zh: `${n} 份考核表与复核方记录(名册、结转数据)不符,已按复核方记录计(其中名册外单位 ${outside} 个)。`,
    en: `${n} workbook(s) differ from the reviewer's record (roster, carried results) and were scored by the record (${outside} not on the roster).`,
  }),
  historyCount: (n: number): Msg => ({
    zh: `${n} 份考核表的历史记录与上次认定不符,已按上次认定的记录认定。`,
    en: `${n} workbook(s) carry a history that differs from the previous review; certified by the previous review's records.`,
  }),
  rosterRead: (file: string, units: number): Msg => ({
    zh: `名单 ${file}:${units} 个单位,责任指标和上年数据按名单计`,
    en: `roster ${file}: ${units} unit(s); targets and last year's figures are taken from it`,
  }),
  countersRead: (file: string, units: number): Msg => ({
    zh: `上期计数按上期汇总表 ${file} 计(${units} 个单位),表中所填不符的逐项标出`,
    en: `counts of the periods before taken from the previous summary ${file} (${units} units); a workbook's differing counts are flagged`,
  }),
  carriedRead: (units: number, inputs: string): Msg => ({
    zh: `结转数据:${units} 个单位,${inputs}按结转数据计`,
    en: `carried results: ${units} unit(s); ${inputs} taken from them`,
  }),
  clean: {
    zh: '各单位填报分数与重算结果一致,表内规则未被改动。',
    en: 'Reported scores match the recomputed ones; no embedded rules were altered.',
  } satisfies Msg,
  findings: (
    diffs: number,
    units: number,
    differ: number,
    altered: number,
    notScored: number,
    rejected: number,
  ): Msg => ({
    zh: `发现 ${diffs} 处分数不符(涉及 ${units} 个单位),${differ} 份考核表的规则被改动或版本不同(其中 ${altered} 份被改动),${notScored} 个单位未自评,${rejected} 个文件未纳入复核。`,
    en: `Found ${diffs} score difference(s) in ${units} unit(s); ${differ} workbook(s) with altered or other-edition rules (${altered} altered); ${notScored} unit(s) not self-scored; ${rejected} file(s) not reviewed.`,
  }),
} as const;
