// Help texts for commander, in the language picked from argv before parsing.
import type { Msg } from '@kaohe/engine';

export const help = {
  program: {
    zh: '考核:校验规则集,生成考核表,计分与复核汇总',
    en: 'Kaohe: validate rule sets, make assessment sheets, score and review them',
  },
  help: { zh: '显示帮助', en: 'show help' },
  force: { zh: '覆盖已存在的输出文件', en: 'overwrite existing output files' },
  version: { zh: '显示版本号', en: 'show the version' },
  json: {
    zh: '在标准输出输出机器可读的 JSON(仅此一项)',
    en: 'print machine-readable JSON on stdout (and nothing else)',
  },
  lang: { zh: '界面语言:zh(默认)或 en', en: 'interface language: zh (default) or en' },
  validate: {
    zh: '校验规则集,列出每个问题的代码、位置和说明',
    en: 'check a rule set: every issue with its code, path and message',
  },
  rules: { zh: '规则集 JSON 文件', en: 'rule set JSON file' },
  template: {
    zh: '为每个被考核单位生成一份考核表(.xlsx)',
    en: 'make one assessment workbook (.xlsx) per assessed unit',
  },
  unit: {
    zh: '被考核单位名称,可重复;可写作 编号=名称 或 编号=名称@类别',
    en: 'assessed unit, repeatable; also id=name or id=name@class',
  },
  templateEdition: {
    zh: '正式版本(kaohe publish 生成)或规则集 JSON 文件',
    en: 'official edition (made by kaohe publish) or rule set JSON file',
  },
  roster: {
    zh: '单位名单(.xlsx 或 .csv:单位代码、单位名称、单位类别、各项指标)',
    en: 'roster of units (.xlsx or .csv: 单位代码, 单位名称, 单位类别, one column per figure)',
  },
  prefillKey: {
    zh: '签发单位的私钥文件:为各单位的预填指标签名',
    en: "the issuer's secret key file: signs each unit's prefill",
  },
  rosterGroup: { zh: '单位名单', en: 'roster of units' },
  rosterCheck: {
    zh: '检查单位名单:逐个单元格列出问题',
    en: 'check a roster of units: every problem at its cell',
  },
  templateOut: { zh: '输出文件(一个单位)或文件夹', en: 'output file (one unit) or folder' },
  score: {
    zh: '按表内规则计分并写回分数',
    en: 'score a filled workbook by its embedded rules and write the scores back',
  },
  filled: { zh: '已填报的考核表', en: 'filled assessment workbook' },
  as: {
    zh: '写入哪一列:self 自评(默认)、review 初审、final 复核',
    en: 'which column to write: self (default), review, final',
  },
  scoreOut: {
    zh: '输出文件(默认:与输入同目录的 <名称>.scored.xlsx)',
    en: 'output file (default: <name>.scored.xlsx next to the input)',
  },
  inPlace: {
    zh: '直接改写输入文件(先保留 <名称>.bak.xlsx 备份)',
    en: 'rewrite the input itself (after keeping <name>.bak.xlsx)',
  },
  review: {
    zh: '用复核方的规则集重算所有单位,排名、定等次,标出分数差异和被改动的规则',
    en: 'recompute every unit with the reviewer’s rules, rank, grade, flag differences and altered rules',
  },
  paths: { zh: '考核表文件或文件夹', en: 'workbooks or folders' },
  assessedOn: {
    zh: '评估认定的认定日期(YYYY-MM-DD;默认取本机今天的日期),整改期限由此起算',
    en: 'a certification’s assessment date (YYYY-MM-DD; default: today on this computer); the rectification deadline counts from it',
  },
  history: {
    zh: '上次评估认定的复核汇总表:把各单位的认定记录带入新的考核表(复评)',
    en: 'the previous certification review’s summary: carries each unit’s records into its new workbook (re-assessment)',
  },
  reviewRoster: {
    zh: '单位名单(.xlsx 或 .csv):核对各单位是否上报,责任指标和上年数据按名单计',
    en: 'roster of units (.xlsx or .csv): checks every unit returned its workbook; targets and last year’s figures are taken from it',
  },
  reviewHistory: {
    zh: '上次评估认定的复核汇总表:各单位的认定记录以此为准,表中记录与之不符的逐项标出',
    en: 'the previous certification review’s summary: each unit’s records are taken from it, and a workbook’s own records that differ are flagged',
  },
  reviewCounters: {
    zh: '上期的复核汇总表:各单位的上期计数(连续、累计次数)以此为准,考核表中所填不符的逐项标出',
    en: 'the previous period’s review summary: each unit’s counts before (in a row, in all) are taken from it, and a workbook’s differing counts are flagged',
  },
  reviewCarried: {
    zh: '其他考核结转的分值(对方 kaohe review --carried-out 写出的 JSON;可多次给出):按其重算,表中不符的逐项标出',
    en: 'points carried from another assessment (the JSON its kaohe review --carried-out wrote; may repeat): recomputed with them, the sheet’s differing figures flagged',
  },
  reviewRules: { zh: '复核方持有的规则集 JSON', en: 'the reviewer’s rule set JSON' },
  summaryOut: { zh: '汇总表输出文件(.xlsx)', en: 'summary workbook to write (.xlsx)' },
  csv: {
    zh: '另将排名写成 CSV 文件(UTF-8 带 BOM,Excel 可直接打开;公式样的文字已中和)',
    en: 'also write the ranking as CSV (UTF-8 with BOM for Excel; formula-like text neutralised)',
  },
  diff: {
    zh: '比较两版规则集,按业务含义列出变化',
    en: 'compare two editions of a rule set, in business terms',
  },
  oldRules: { zh: '旧版规则集', en: 'old rule set' },
  newRules: { zh: '新版规则集', en: 'new rule set' },
  demo: {
    zh: '以包头市2012年考核为例完整演示:生成、填报、计分、复核汇总',
    en: 'end-to-end demo on the Baotou 2012 example: templates, filling, scoring, review',
  },
  demoCascade: {
    zh: '多级、分项、分期考核演示:村计生协评估认定(一村整改后复评通过)、村 → 乡镇 → 县下级汇总、计生协会工作按20%合成、四个季度合成全年',
    en: 'the round across levels, parts and periods: village associations certified (one rectifies and passes on re-assessment), villages → townships → county rolled up, association work combined at 20 %, four quarters into the year',
  },
  demoOut: {
    zh: '输出文件夹(默认:新建临时文件夹)',
    en: 'output folder (default: a fresh temp folder)',
  },
  keys: { zh: '签名密钥', en: 'signing keys' },
  keysNew: {
    zh: '生成签名密钥对:私钥以口令加密保存,公钥一行打印(印发于正式通知)',
    en: 'make a signing key pair: the secret key sealed by a passphrase, the public key printed as one line',
  },
  issuer: { zh: '签发单位', en: 'issuing body' },
  years: { zh: '密钥适用的年度,如 2013-2015', en: 'years the key signs for, e.g. 2013-2015' },
  keyOut: { zh: '私钥文件输出路径', en: 'secret key file to write' },
  passphraseFile: {
    zh: '口令文件(默认读环境变量 KAOHE_PASSPHRASE)',
    en: 'file holding the passphrase (default: the KAOHE_PASSPHRASE variable)',
  },
  publish: {
    zh: '校验规则集并签名发布为正式版本(链接上一版)',
    en: 'validate a rule set and sign it as an official edition (chained to the previous one)',
  },
  keyFile: { zh: '私钥文件', en: 'secret key file' },
  editionOut: { zh: '发布文件输出路径(.json)', en: 'edition file to write (.json)' },
  previous: { zh: '上一版的发布文件', en: 'the previous edition file' },
  verify: {
    zh: '验证发布文件:由谁签发(指纹)、是否受信任、哪个版本、版本链是否完整',
    en: 'verify edition files: signed by whom (fingerprint), trusted or not, which edition, chain intact',
  },
  editionPaths: { zh: '发布文件或文件夹', en: 'edition files or folders' },
  trust: { zh: '信任列表', en: 'trust list' },
  trustFile: {
    zh: '信任列表文件(默认:环境变量 KAOHE_TRUST_FILE,或用户配置目录下 kaohe/trust.json)',
    en: 'trust list file (default: KAOHE_TRUST_FILE, or kaohe/trust.json in the user config folder)',
  },
  trustAdd: { zh: '导入一行公钥到信任列表', en: 'add a public key line to the trust list' },
  publicKeyLine: { zh: '公钥一行(kaohe-ed25519 …)', en: 'the public key line (kaohe-ed25519 …)' },
  trustList: { zh: '列出信任的公钥', en: 'list the trusted keys' },
  trustRevoke: {
    zh: '按密钥编号吊销(依后续通知)',
    en: 'revoke a key by its key id (as a later notice says)',
  },
  keyId: { zh: '密钥编号(16 位十六进制)', en: 'key id (16 hex digits)' },
  reason: { zh: '吊销理由', en: 'why it is revoked' },
  unsigned: {
    zh: '规则未通过签名验证时仍计分(草稿用),输出中注明',
    en: 'score even when the rules fail signature verification (drafts), said in the output',
  },
} satisfies Record<string, Msg>;
