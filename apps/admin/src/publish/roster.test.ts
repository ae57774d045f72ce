import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { baotou2012 } from '@kaohe/rulesets';
import type { CellValue, SheetLayout } from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import { describe, expect, it } from 'vitest';
import { rosterFromWorkbook } from './templates.ts';

const rules = (): RuleSet => {
  const r = parseRuleSet(baotou2012);
  if (!r.ok) throw new Error('baotou-2012 does not parse');
  return r.value;
};

/** A roster workbook as a clerk keeps it: a title row, then 单位代码 / 单位名称 and the units. */
const book = (rows: CellValue[][]): Promise<Uint8Array> =>
  writeTemplateWorkbook({
    sheets: [
      {
        name: '单位名单',
        role: 'data',
        state: 'visible',
        values: [['2013年考核单位名单'], ['序号', '单位代码', '单位名称'], ...rows],
        widths: [6, 12, 16],
        wrap: [],
        merges: [],
        cells: [],
      } as SheetLayout,
    ],
  });

describe('a roster from a workbook', () => {
  it('reads each unit’s id and name with @kaohe/sheet’s roster reader', async () => {
    const read = await rosterFromWorkbook(
      await book([
        [1, 'kdq', '昆都仑区'],
        [2, 'qsq', '青山区'],
      ]),
      '名单.xlsx',
      rules(),
    );
    if (!read.ok) throw new Error(read.message.zh);
    expect(read.units.map((u) => [u.id, u.name])).toEqual([
      ['kdq', '昆都仑区'],
      ['qsq', '青山区'],
    ]);
  });

  it('refuses a roster with a problem, naming the file and the cell', async () => {
    const read = await rosterFromWorkbook(
      await book([
        [1, 'kdq', '昆都仑区'],
        [2, '', '青山区'],
      ]),
      '名单.xlsx',
      rules(),
    );
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.zh).toMatch(/^名单\.xlsx 单位名单!B4:/);
  });
});
