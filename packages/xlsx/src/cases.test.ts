// The case table (案件明细) through a real .xlsx: written by ExcelJS, cases typed and a row
// appended past the template in the workbook, read back into the unit's records and scored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, parseRuleSet, scoreUnit, type RuleSetInput } from '@kaohe/engine';
import { buildTemplate, readSheet } from '@kaohe/sheet';
import { ruleSetHeader } from '@kaohe/test-utils';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const input = {
  ...ruleSetHeader({
    id: 'xlsx-cases',
    title: '案件查处考核',
    issuer: '市',
    level: '县',
    year: 2013,
  }),
  points: 20,
  inputs: [
    {
      id: 'late',
      label: '逾期上报案件',
      unit: 'cases',
      fields: [
        { id: 'months', label: '逾期月数', unit: '月' },
        { id: 'reported', label: '上报日期', unit: 'date' },
      ],
    },
  ],
  sections: [
    {
      code: '一',
      title: '案件',
      points: 20,
      items: [
        {
          code: '1',
          title: '逾期上报',
          points: 20,
          deductions: [{ kind: 'per-record', input: 'late', each: 'min(months, 10) * 0.2' }],
        },
      ],
    },
  ],
} as RuleSetInput;

describe('the case table in a workbook', () => {
  it('round-trips through ExcelJS: typed rows, a row appended, dates as dates', async () => {
    const parsed = parseRuleSet(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const t = buildTemplate(parsed.value, { id: 'u', name: '甲县' });
    const bytes = await writeTemplateWorkbook(t);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('案件明细');
    const block = t.map.cases?.blocks[0];
    if (!ws || !block) throw new Error('no case table');
    // The table is the official's: not protected, so rows can be inserted and appended.
    expect((ws as unknown as { sheetProtection?: object }).sheetProtection).toBeUndefined();
    const first = block.headerRow + 2; // Excel counts rows from 1
    ws.getCell(first, block.columns.months! + 1).value = 2;
    ws.getCell(first + 1, block.columns.months! + 1).value = 12;
    ws.getCell(first + 1, block.columns.reported! + 1).value = new Date(Date.UTC(2013, 4, 1));
    // Past the ten template rows: an appended case.
    ws.getCell(first + 12, block.columns.months! + 1).value = '3';
    const out = new Uint8Array(await wb.xlsx.writeBuffer());
    const grids = await readWorkbook(out);
    const read = readSheet(grids.sheets);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.unit.records?.late).toEqual([
      { months: '2' },
      { months: '12', reported: '2013-05-01' },
      { months: '3' },
    ]);
    // 2 × 0.2 = 0.4; min(12, 10) × 0.2 = 2; 3 × 0.2 = 0.6; 20 − 3 = 17.
    const r = scoreUnit(compileRuleSet(read.value.ruleSet), read.value.unit);
    expect(r.total).toBe('17');
  });
});
