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
