import type { Msg } from '@kaohe/engine';

export const demoText = {
  heading: (title: string, units: number): Msg => ({
    zh: `演示:${title}——${units} 个旗县区的考核表已生成、填报、自评计分并复核,排名如下`,
    en: `Demo: ${title} — workbooks for ${units} units made, filled, self-scored and reviewed; the ranking:`,
  }),
  outDir: (dir: string): Msg => ({ zh: `演示文件在:${dir}`, en: `Demo files are in: ${dir}` }),
  progress: { zh: '演示', en: 'Demo' } satisfies Msg,
  bundledInvalid: {
    zh: '内置示例规则集无效(kaohe 的缺陷)',
    en: 'the bundled example rule set is invalid (a bug in kaohe)',
  } satisfies Msg,
  signed: (edition: string, roster: string, trust: string, key: string): Msg => ({
    zh: `规则已用演示密钥签名发布(${edition}),各单位的预填数据按单位名单(${roster})签名;信任列表:${trust}(公钥 ${key})`,
    en: `the rules are signed with a demo key (${edition}), each unit's prefill from the roster (${roster}) signed too; trust list: ${trust} (key ${key})`,
  }),
  tampered: (name: string, cell: string, issued: string, typed: string, caught: boolean): Msg => ({
    zh: `演示作弊:${name}把下达的上年数据 ${cell} 由 ${issued} 改为 ${typed}——${caught ? '复核已发现(预填指标被改动)' : '复核未发现(kaohe 的缺陷)'}`,
    en: `demo tamper: ${name} changed the issued figure at ${cell} from ${issued} to ${typed} — ${caught ? 'caught by the review (prefill altered)' : 'NOT caught (a bug in kaohe)'}`,
  }),
} as const;

/** `kaohe demo --cascade`: what each step does, before the command's own report. */
export const cascadeText = {
  heading: (dir: string): Msg => ({
    zh: `演示:多级、分项、分期考核(评估认定 → 下级汇总 → 部分合成 → 季度合成),文件写入 ${dir}`,
    en: `Demo: assessment across levels, parts and periods (certification → roll-up → parts → quarters), files in ${dir}`,
  }),
  step: (n: number, what: Msg): Msg => ({
    zh: `== 第${'一二三四五六七八'[n - 1] ?? n}步:${what.zh} ==`,
    en: `== Step ${n}: ${what.en} ==`,
  }),
  certify: (township: string, villages: number): Msg => ({
    zh: `${township}所辖 ${villages} 个村(社区)计生协的评估认定(村(社区)计划生育协会评估认定标准,认定单位按规则集所定)`,
    en: `the ${villages} village associations of ${township} certified (the grassroots certification standard; the certifier as the rule set names it)`,
  }),
  reassess: (village: string, first: string, again: string): Msg => ({
    zh: `${village}按整改通知书整改后,${again} 重新评估认定(带入 ${first} 的认定记录)`,
    en: `${village} rectifies as its notice says and is assessed again on ${again} (its record of ${first} carried)`,
  }),
  rollUp: (township: string, county: string): Msg => ({
    zh: `下级汇总:各村年终考核 → ${township}等乡镇的考核表 → ${county}的考核表`,
    en: `Roll-up: the villages' year-end assessment → the townships' sheets (${township} and the other) → ${county}'s sheet`,
  }),
  combine: {
    zh: '部分合成:计生协会工作按20%计入人口和计划生育目标管理责任制考核综合得分',
    en: 'Parts: association work counted at 20 % of the population and family planning score',
  } satisfies Msg,
  quarters: (township: string, villages: number): Msg => ({
    zh: `分期合成:${township}每季度考核所辖 ${villages} 个村,跨季度计数逐季带入,四个季度合成全年(各季度权重相同)`,
    en: `Periods: ${township} scores its ${villages} villages every quarter, the counts carried from quarter to quarter, the four quarters combined into the year (equal weights)`,
  }),
  part: (what: Msg): Msg => ({ zh: `-- ${what.zh} --`, en: `-- ${what.en} --` }),
  quarter: (n: number): Msg => ({
    zh: `第${'一二三四'[n - 1] ?? n}季度`,
    en: `quarter ${n}`,
  }),
  filled: (file: string, total: string, complete: boolean): Msg => ({
    zh: `  已填报并自评:${file}(自评得分 ${total}${complete ? '' : ',数据不完整'})`,
    en: `  filled and self-scored: ${file} (self-assessed ${total}${complete ? '' : ', incomplete'})`,
  }),
  done: (dir: string): Msg => ({
    zh: `演示完成,全部考核表、汇总表和声明文件在:${dir}`,
    en: `Demo done; every workbook, summary and declaration is in: ${dir}`,
  }),
} as const;
