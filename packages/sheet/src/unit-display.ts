// Each input unit as the sheets show it, in a module that imports nothing: the admin app's first
// page takes it (`@kaohe/sheet/unit-display`) without the rest of the codec.
import type { InputUnit } from '@kaohe/engine';

/** Each input unit as the sheets show it (the data sheet's 计量单位 column). */
export const UNIT_DISPLAY: Readonly<Record<InputUnit, string>> = {
  '%': '%',
  '‰': '‰',
  元: '元',
  万元: '万元',
  人: '人',
  户: '户',
  个: '个',
  次: '次',
  天: '天',
  月: '月',
  count: '个数',
  number: '数值',
  yesno: '是/否',
  choice: '选项',
  text: '文字',
  date: '日期',
  cases: '件',
};
