import { type Msg } from '@kaohe/engine';
import { fmtFixed, q } from '@kaohe/engine/internal';

/** Shares come as exact text ("125/3"): shown to one decimal. */
const shareText = (share: string): string => {
  const [n, d] = share.split('/');
  const value = d === undefined ? q(share) : q(n ?? '0').div(q(d));
  return fmtFixed(value, 1).replace(/\.0$/, '');
};

export const rankingText = {
  rank: { zh: '名次', en: 'Rank' },
  tied: { zh: '并列', en: 'Tied' },
  unitId: { zh: '单位编号', en: 'Unit id' },
  max: { zh: '满分', en: 'Maximum' },
  complete: { zh: '数据完整', en: 'Complete' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  unit: { zh: '单位', en: 'Unit' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等次', en: 'Grade' },
  veto: { zh: '否决', en: 'Veto' },
  losses: { zh: '主要扣分', en: 'Largest deductions' },
  vetoed: { zh: '一票否决', en: 'vetoed' },
  noCommendation: { zh: '不予评先', en: 'no commendation' },
  none: { zh: '—', en: '—' },
  missing: { zh: '缺数据', en: 'missing data' },
  notReturned: { zh: '未上报', en: 'not returned' },
  incomplete: {
    zh: '* 有指标或否决条件缺数据未能判定,排名仅供参考,等次待定',
    en: '* some items or sanctions could not be judged (missing data): rank provisional, grade pending',
  },
  band: (label: string, count: number, share: string): Msg => ({
    zh: `${label} ${count} 个(${shareText(share)}%)`,
    en: `${label} ${count} (${shareText(share)}%)`,
  }),
  grades: (graded: number, parts: string): Msg => ({
    zh: `等次(${graded} 个单位参评):${parts}`,
    en: `Grades (${graded} units graded): ${parts}`,
  }),
  heading: (title: string, count: number): Msg => ({
    zh: `${title}:${count} 个单位的排名`,
    en: `${title}: ranking of ${count} units`,
  }),
} satisfies Record<string, Msg | ((...args: never[]) => Msg)>;
