// The codec's message catalogue: every issue code with its zh-CN and English text.
import type { Msg } from '@kaohe/engine';

export type SheetIssueCode =
  | 'cases-block-missing'
  | 'cases-column-missing'
  | 'cases-no-cases-text'
  | 'cases-conflict'
  | 'cases-empty'
  | 'ambiguous-percent'
  | 'unit-converted'
  | 'percent-as-number'
  | 'out-of-range'
  | 'not-a-number'
  | 'unexpected-unit'
  | 'invalid-yesno'
  | 'invalid-choice'
  | 'invalid-date'
  | 'date-without-year'
  | 'dash-as-blank'
  | 'blank-input'
  | 'sheet-missing'
  | 'meta-missing'
  | 'meta-corrupt'
  | 'meta-tampered'
  | 'meta-version'
  | 'meta-not-very-hidden'
  | 'ruleset-invalid'
  | 'ruleset-mismatch'
  | 'rules-differ'
  | 'rules-altered'
  | 'header-mismatch'
  | 'header-field-missing'
  | 'meta-id-mismatch'
  | 'unit-missing'
  | 'class-invalid'
  | 'header-row-missing'
  | 'column-missing'
  | 'row-missing'
  | 'row-order'
  | 'row-duplicate'
  | 'row-unknown'
  | 'roster-header-missing'
  | 'roster-column-unknown'
  | 'roster-column-duplicate'
  | 'roster-column-not-prefill'
  | 'roster-duplicate'
  | 'roster-no-classes'
  | 'roster-class-blank'
  | 'roster-target-blank'
  | 'roster-empty';

const M = (zh: string, en: string): Msg => ({ zh, en });

export const messages = {
  'cases-block-missing': (label: string, sheet: string) =>
    M(
      `工作表“${sheet}”中找不到“${label}”的案件表(首列为其代码的一行),无法读取案件`,
      `sheet "${sheet}" has no table of "${label}" (a row whose first cell is its code): its cases cannot be read`,
    ),
  'cases-column-missing': (label: string, field: string) =>
    M(
      `“${label}”案件表缺少“${field}”一列,无法读取案件`,
      `the table of "${label}" has no column "${field}": its cases cannot be read`,
    ),
  'cases-no-cases-text': (raw: string, label: string) =>
    M(
      `“${raw}”:“${label}”逐件填在案件明细表中,本格只能留空或填“无”(没有案件)`,
      `"${raw}": the cases of "${label}" go in the case table; this cell is blank or 无 (no cases)`,
    ),
  'cases-conflict': (label: string, count: string) =>
    M(
      `“${label}”填了“无”,但案件明细表中有${count}件案件,请改正其一`,
      `"${label}" says 无 (no cases) but its table lists ${count}: correct one of them`,
    ),
  'cases-empty': (label: string) =>
    M(
      `“${label}”的案件表为空,未填“无”,按缺数据处理(没有案件的请在基础数据表填“无”)`,
      `the table of "${label}" is empty and 无 is not said: treated as missing (for no cases write 无 in the data sheet)`,
    ),
  'ambiguous-percent': (raw: string, read: string) =>
    M(
      `“${raw}”可能是比例也可能是百分数,已按${read}%读取;如不对请填写带%的数值`,
      `"${raw}" may be a fraction or a percentage; read as ${read}%. Type it with % if that is wrong`,
    ),
  'unit-converted': (raw: string, read: string, unit: string) =>
    M(`“${raw}”已换算为${read}${unit}`, `"${raw}" converted to ${read}${unit}`),
  'percent-as-number': (shown: string, max: string, read: string) =>
    M(
      `单元格显示为“${shown}”,超出本项上限${max}%,应是把${read}%填成了数值${read};已按${read}%读取,请核对`,
      `the cell shows "${shown}", above this figure's maximum of ${max}%: ${read}% was stored as the number ${read}; read as ${read}%, please check`,
    ),
  'out-of-range': (zhShown: string, enShown: string, zhRange: string, enRange: string) =>
    M(
      `${zhShown} 超出允许范围 ${zhRange},用到它的考核项目未能计分,请改正`,
      `${enShown} is outside the allowed range ${enRange}; the items that use it are not scored. Please correct it`,
    ),
  'not-a-number': (raw: string) => M(`“${raw}”不是数值`, `"${raw}" is not a number`),
  'unexpected-unit': (raw: string, unit: string) =>
    M(
      `“${raw}”的单位与本项的单位(${unit})不符`,
      `"${raw}" does not match this figure's unit (${unit})`,
    ),
  'invalid-yesno': (raw: string) =>
    M(`“${raw}”不是“是”或“否”`, `"${raw}" is not yes (是) or no (否)`),
  'invalid-choice': (raw: string, choices: string) =>
    M(`“${raw}”不是可选项(${choices})之一`, `"${raw}" is not one of the choices (${choices})`),
  'invalid-date': (raw: string) =>
    M(
      `“${raw}”不是有效日期(应如 2013-03-31、2013/3/31 或 2013年3月31日)`,
      `"${raw}" is not a valid date (write e.g. 2013-03-31, 2013/3/31 or 2013年3月31日)`,
    ),
  'date-without-year': (raw: string) =>
    M(
      `“${raw}”缺少年份,本项未规定省略年份时按哪一年,请写全(如 2013年3月31日)`,
      `"${raw}" has no year and this figure declares none for dates without one: write it in full (e.g. 2013-03-31)`,
    ),
  'dash-as-blank': (raw: string) =>
    M(`“${raw}”按空白(缺数据)处理,不按0计`, `"${raw}" read as blank (missing), not as 0`),
  'blank-input': (label: string) =>
    M(`“${label}”未填写,按缺数据处理`, `"${label}" is blank: treated as missing`),
  'sheet-missing': (name: string) => M(`找不到工作表“${name}”`, `sheet "${name}" not found`),
  'meta-missing': () =>
    M(
      '找不到规则数据表(kaohe_meta),无法确认考核规则',
      'the rules sheet (kaohe_meta) is missing: the rules cannot be known',
    ),
  'meta-corrupt': (detail: string) =>
    M(`规则数据表已损坏:${detail}`, `the rules sheet is damaged: ${detail}`),
  'meta-tampered': () =>
    M(
      '规则数据与校验码不符,可能被修改',
      'the embedded rules do not match their checksum: they may have been altered',
    ),
  'meta-version': (v: string) =>
    M(`不支持的表格版本“${v}”`, `unsupported sheet layout version "${v}"`),
  'meta-not-very-hidden': () =>
    M(
      '规则数据表不再是深度隐藏(可能经其他软件保存),已照常读取',
      'the rules sheet is no longer very hidden (saved by another program?); read as usual',
    ),
  'ruleset-invalid': (detail: string) =>
    M(`表内规则无效:${detail}`, `the embedded rules are invalid: ${detail}`),
  'ruleset-mismatch': (found: string, expected: string) =>
    M(
      `此表属于规则集“${found}”,不是“${expected}”`,
      `this sheet belongs to rule set "${found}", not "${expected}"`,
    ),
  'rules-differ': (found: string, expected: string) =>
    M(
      `表内规则(校验码${found.slice(0, 12)}…)与审核方规则(${expected.slice(0, 12)}…)不同,按审核方规则计分`,
      `the rules in the sheet (${found.slice(0, 12)}…) differ from the reviewer's (${expected.slice(0, 12)}…); scored by the reviewer's`,
    ),
  'rules-altered': (zhWhy: string, enWhy: string) =>
    M(
      `表内规则已被改动(${zhWhy}),已按审核方规则读取和计分`,
      `the embedded rules were altered (${enWhy}); read and scored by the reviewer's rules`,
    ),
  'header-mismatch': (field: string, found: string, expected: string) =>
    M(
      `表头“${field}”为“${found}”,与规则数据“${expected}”不符`,
      `header "${field}" reads "${found}", but the rules say "${expected}"`,
    ),
  'header-field-missing': (field: string, address: string) =>
    M(
      `找不到表头“${field}”(模板中在 ${address}),标签可能被改写或删除,无法核对`,
      `header field "${field}" not found (the template has it at ${address}); its label was overwritten or deleted, so it cannot be checked`,
    ),
  'meta-id-mismatch': (address: string, found: string, expected: string) =>
    M(
      `规则数据表 ${address} 的规则集代码“${found}”与表内规则“${expected}”不符`,
      `the rule-set id "${found}" at ${address} of the rules sheet does not match the embedded rules' "${expected}"`,
    ),
  'unit-missing': (field: string) => M(`未填写${field}`, `${field} is blank`),
  'class-invalid': (raw: string, choices: string) =>
    M(`单位类别“${raw}”不是(${choices})之一`, `unit class "${raw}" is not one of (${choices})`),
  'header-row-missing': (sheet: string) =>
    M(`工作表“${sheet}”中找不到表头行`, `no header row found in sheet "${sheet}"`),
  'column-missing': (column: string) => M(`找不到“${column}”列`, `column "${column}" not found`),
  'row-missing': (key: string) =>
    M(
      `找不到“${key}”行(可能被删除),未作任何修改`,
      `row "${key}" not found (deleted?); nothing was changed`,
    ),
  'row-order': (key: string, after: string) =>
    M(
      `“${key}”行的位置不对(应在“${after}”之后),未作任何修改`,
      `row "${key}" is out of order (it belongs after "${after}"); nothing was changed`,
    ),
  'row-duplicate': (key: string) =>
    M(`“${key}”行出现了不止一次`, `row "${key}" appears more than once`),
  'row-unknown': (key: string) =>
    M(
      `“${key}”不是本规则集的项目,已忽略该行`,
      `"${key}" is not an item of this rule set; row ignored`,
    ),
  'roster-header-missing': (sheet: string) =>
    M(
      `名单“${sheet}”中找不到表头行(须有“单位代码”和“单位名称”两列)`,
      `no header row in roster "${sheet}" (it needs the columns 单位代码 and 单位名称)`,
    ),
  'roster-column-unknown': (header: string) =>
    M(
      `“${header}”不是单位代码、单位名称、单位类别,也不是本考核的数据项(按填报项目名称或代码写表头;上年数据写作“上年:名称”)`,
      `"${header}" is not 单位代码, 单位名称, 单位类别 nor a figure of these rules (head a column with the figure's label or id; last year's figure as "上年:label")`,
    ),
  'roster-column-duplicate': (header: string, other: string) =>
    M(`“${header}”列与 ${other} 列重复`, `column "${header}" repeats column ${other}`),
  'roster-column-not-prefill': (label: string, source: string) =>
    M(
      `“${label}”的数据来源为“${source}”,由被考核单位填报或检查核实,不能在名单中预填(名单只预填考核方下达的指标和上年数据)`,
      `"${label}" comes from "${source}": the unit fills it or an inspection does, so a roster cannot prefill it (only assigned targets and last year's figures)`,
    ),
  'roster-duplicate': (field: string, value: string, other: string) =>
    M(`${field}“${value}”与 ${other} 重复`, `${field} "${value}" repeats the one at ${other}`),
  'roster-no-classes': (raw: string) =>
    M(
      `本考核办法没有单位类别,不能填写“${raw}”`,
      `these rules declare no unit classes: "${raw}" cannot be given`,
    ),
  'roster-class-blank': (choices: string) =>
    M(`未填写单位类别(${choices})`, `the unit class is blank (${choices})`),
  'roster-target-blank': (label: string) =>
    M(
      `考核方下达的指标“${label}”未填写(空白不按0计,请填写)`,
      `the assigned target "${label}" is blank (a blank is never 0: fill it in)`,
    ),
  'roster-empty': (sheet: string) =>
    M(`名单“${sheet}”中没有单位`, `roster "${sheet}" lists no units`),
} satisfies Record<SheetIssueCode, (...args: string[]) => Msg>;
