// Date cells read back from workbooks: what Excel saves (a Date through ExcelJS), what LibreOffice
// saves (a plain number under a custom yyyy\-mm\-dd format: its files were inspected), a serial
// without a date format, typed text in the spellings officials use, and a month and day alone.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, parseRuleSet, scoreUnit, type RuleSet } from '@kaohe/engine';
import { buildTemplate, readSheet, type CellValue } from '@kaohe/sheet';
import { ruleSetHeader } from '@kaohe/test-utils';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const parsed = parseRuleSet({
  ...ruleSetHeader({ id: 'dates', title: '年报报送', issuer: '市', level: '县', year: 2013 }),
  points: 3,
  deadlines: [{ id: 'report_due', label: '年报报送截止', date: '2013-03-31' }],
  inputs: [
    { id: 'report_date', label: '年报报送日期', unit: 'date', defaultYear: 2013 },
    { id: 'plan_date', label: '计划印发日期', unit: 'date' },
  ],
  sections: [
    {
      code: '一',
      title: '报送',
      points: 3,
      items: [
        {
          code: '1',
          title: '按时报送年报',
          points: 3,
          deductions: [
            { kind: 'deadline', input: 'report_date', due: 'report_due', late: 1, missing: 3 },
          ],
        },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rules: RuleSet = parsed.value;
const t = buildTemplate(rules, { id: 'jx', name: '甲县' });
const bytes = await writeTemplateWorkbook(t);
const rowOf = (id: string): number => (t.map.data.rows.find((r) => r.id === id)?.row ?? 0) + 1;

async function filled(
  values: Record<string, { value: CellValue | Date; numFmt?: string }>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(t.map.data.sheet);
  if (!ws) throw new Error('no data sheet');
  for (const [id, { value, numFmt }] of Object.entries(values)) {
    const cell = ws.getCell(rowOf(id), t.map.data.columns.value + 1);
    cell.value = value;
    if (numFmt !== undefined) cell.numFmt = numFmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readBack(values: Parameters<typeof filled>[0]) {
  const r = readSheet((await readWorkbook(await filled(values))).sheets);
  if (!r.ok) return { values: undefined, issues: r.issues };
  return { values: r.value.unit.values, issues: r.warnings, unit: r.value.unit };
}

describe('date cells', () => {
  it('the template formats a date cell as a date and says the deadline beside it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(t.map.data.sheet);
    expect(ws?.getCell(rowOf('report_date'), t.map.data.columns.value + 1).numFmt).toBe(
      'yyyy-mm-dd',
    );
    expect(ws?.getCell(rowOf('report_date'), t.map.data.columns.note + 1).value).toBe(
      '填日期,如2013-03-31或2013年3月31日;只写月日的按2013年计;截止日期2013-03-31(年报报送截止),空白视为未报送',
    );
    expect(ws?.getCell(rowOf('plan_date'), t.map.data.columns.note + 1).value).toBe(
      '填日期,如2013-03-31或2013年3月31日',
    );
  });

  it('reads an Excel date, a LibreOffice-style number under a date format, a bare serial and text', async () => {
    const excel = await readBack({
      // Excel (and ExcelJS) write a Date as its serial under the cell's date format
      report_date: { value: new Date(Date.UTC(2013, 3, 1)) },
      // LibreOffice saves the same cell as <c t="n"><v>41365</v></c> under yyyy\-mm\-dd
      plan_date: { value: 41365, numFmt: 'yyyy\\-mm\\-dd' },
    });
    // 2013-04-01 is serial 41365 (41364 is 03-31: 15795 days after 1970-01-01, + 25569)
    expect(excel.values).toEqual({ report_date: '2013-04-01', plan_date: '2013-04-01' });
    const bare = await readBack({
      report_date: { value: 41364, numFmt: 'General' },
      plan_date: { value: '2013年1月20日' },
    });
    expect(bare.values).toEqual({ report_date: '2013-03-31', plan_date: '2013-01-20' });
    const typed = await readBack({
      report_date: { value: '2013/4/1' },
      plan_date: { value: '2013.1.20' },
    });
    expect(typed.values).toEqual({ report_date: '2013-04-01', plan_date: '2013-01-20' });
    // and the item scores what was read: 3 − 1 (late) = 2
    const r = scoreUnit(compileRuleSet(rules), excel.unit!);
    expect(r.sections[0]!.items[0]!.score).toBe('2');
  });

  it('a month and day take the declared year; without one, or not in the calendar, an error at the cell', async () => {
    const short = await readBack({ report_date: { value: '4月1日' } });
    expect(short.values?.report_date).toBe('2013-04-01');
    const wrong = await readBack({
      report_date: { value: '2013-02-29' },
      plan_date: { value: '1月20日' },
    });
    expect(wrong.values).toBeUndefined();
    const col = String.fromCharCode(65 + t.map.data.columns.value);
    expect(wrong.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-date', `基础数据!${col}${rowOf('report_date')}`],
      ['date-without-year', `基础数据!${col}${rowOf('plan_date')}`],
    ]);
  });
});
