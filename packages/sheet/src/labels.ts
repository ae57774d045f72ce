// Fixed text of the layout (zh-CN first, English second) and the header words the reader
// looks for. Columns are found by the first line of their header, so a widened or moved
// column is still found; the English line is accepted alone too.
import type { DataColumn, HeaderField, ScoringColumn } from './types.ts';

export const LAYOUT_VERSION = 1;

export const SHEET_NAMES = {
  scoring: '考核评分',
  data: '基础数据',
  meta: 'kaohe_meta',
  cases: '案件明细',
} as const;
export const META_MARKER = 'kaohe-meta';
/** Excel holds at most 32,767 characters in a cell; chunks stay well below. */
export const META_CHUNK = 30000;

export interface Label {
  zh: string;
  en: string;
}

export const SCORING_COLUMNS: readonly {
  key: ScoringColumn;
  label: Label;
  width: number;
  wrap?: true;
}[] = [
  { key: 'code', label: { zh: '序号', en: 'No.' }, width: 11 },
  { key: 'title', label: { zh: '考核项目', en: 'Item' }, width: 18, wrap: true },
  {
    key: 'criteria',
    label: { zh: '考核内容及评分标准', en: 'Content and scoring criteria' },
    width: 46,
    wrap: true,
  },
  { key: 'points', label: { zh: '分值', en: 'Points' }, width: 7 },
  { key: 'inputs', label: { zh: '数据项', en: 'Figures used' }, width: 22, wrap: true },
  { key: 'self', label: { zh: '自评得分', en: 'Self score' }, width: 9 },
  { key: 'review', label: { zh: '初审得分', en: 'Review score' }, width: 9 },
  { key: 'final', label: { zh: '复核得分', en: 'Final score' }, width: 9 },
  { key: 'reason', label: { zh: '扣分原因', en: 'Reason for deductions' }, width: 36, wrap: true },
  { key: 'note', label: { zh: '备注', en: 'Notes' }, width: 14, wrap: true },
];

export const DATA_COLUMNS: readonly {
  key: DataColumn;
  label: Label;
  width: number;
  wrap?: true;
}[] = [
  { key: 'id', label: { zh: '代码', en: 'Id' }, width: 16 },
  { key: 'label', label: { zh: '填报项目', en: 'Figure' }, width: 30, wrap: true },
  { key: 'unit', label: { zh: '单位', en: 'Unit' }, width: 7 },
  { key: 'source', label: { zh: '数据来源', en: 'Source' }, width: 12 },
  { key: 'value', label: { zh: '填报值', en: 'Value' }, width: 14 },
  { key: 'previous', label: { zh: '上年数据', en: 'Last year' }, width: 12 },
  { key: 'evidence', label: { zh: '佐证材料', en: 'Evidence' }, width: 24, wrap: true },
  { key: 'usedBy', label: { zh: '相关考核项目', en: 'Used by items' }, width: 14, wrap: true },
  { key: 'note', label: { zh: '备注', en: 'Notes' }, width: 16, wrap: true },
];

export const HEADER_FIELDS: Record<HeaderField, Label> = {
  issuer: { zh: '发文单位', en: 'Issuer' },
  unitName: { zh: '被考核单位', en: 'Unit' },
  unitId: { zh: '单位代码', en: 'Unit id' },
  year: { zh: '考核年度', en: 'Year' },
  ruleSetId: { zh: '规则集', en: 'Rule set' },
  edition: { zh: '版本', en: 'Edition' },
  unitClass: { zh: '单位类别', en: 'Class' },
  checksum: { zh: '校验码', en: 'Checksum' },
};

export const SOURCE_LABELS: Record<
  'unit' | 'assigned' | 'previous' | 'inspection' | 'carried' | 'children',
  string
> = {
  unit: '本单位填报',
  assigned: '考核方下达',
  previous: '上年数据',
  inspection: '检查核实',
  carried: '其他考核结转',
  children: '下级汇总',
};

export const SANCTION_LEVELS: Record<'interview' | 'notice' | 'no-commendation' | 'veto', string> =
  {
    interview: '约谈',
    notice: '通报',
    'no-commendation': '不予评先',
    veto: '一票否决',
  };

export const ROW_KEYS = { bonus: '加分', sanctions: '否决', total: '合计' } as const;
export const YES = '是';
/** The score cell of an item that could not be scored: seen on screen and on paper, read as blank. */
export const UNSCORED = '未计分';
export const NO = '否';
/** A sanction that cannot be decided yet (an input missing): written and read as 待定. */
export const UNDECIDED = '待定';

/** Two-line header text: zh, then en. */
export const twoLines = (l: Label): string => `${l.zh}\n${l.en}`;

/** Does a header cell name this label? First line (zh) or the English alone, spaces ignored. */
export function headerMatches(cell: unknown, label: Label): boolean {
  if (typeof cell !== 'string') return false;
  const lines = cell
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((s) => s.replace(/\s+/g, '').toLowerCase());
  const zh = label.zh.replace(/\s+/g, '');
  const en = label.en.replace(/\s+/g, '').toLowerCase();
  return lines[0] === zh || lines[0] === en;
}
