// The scored sheet marks what could not be judged: the unscored rows' score and reason cells and
// the 合计 carry a solid fill (it prints), scored rows none; a later scoring clears it.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { FILLS, planWrites, readSheet } from '@kaohe/sheet';
import { fillWorkbook, filled, ruleSet, template } from './__tests__/fixture.ts';
import { applyWrites } from './apply-writes.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const t = template();
const blank = await writeTemplateWorkbook(t);
const compiled = compileRuleSet(ruleSet());

/** Scores the workbook's figures into its 自评 column, as `kaohe score` does. */
async function score(bytes: Uint8Array): Promise<Uint8Array> {
  const read = readSheet((await readWorkbook(bytes)).sheets);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const result = scoreUnit(compiled, read.value.unit);
  return applyWrites(bytes, planWrites(read.value.map, result, 'self', { read: read.value }));
}

/** Fill colour (ARGB) or 'none' of the self-score, reason and 序号 cells of a row. */
async function fillsOf(bytes: Uint8Array, key: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const { sheet, columns, rows } = t.map.scoring;
  const row = (rows.find((r) => r.key === key)?.row ?? -1) + 1;
  const ws = wb.getWorksheet(sheet)!;
  return [columns.self, columns.reason, columns.code].map((col) => {
    const f = ws.getCell(row, col + 1).fill;
    return f?.type === 'pattern' && f.pattern === 'solid' ? (f.fgColor?.argb ?? '?') : 'none';
  });
}

describe('applyWrites: fills', () => {
  // birth_rate blank: 一.2 cannot be scored, so the total is incomplete.
  const gap = { ...filled, birth_rate: null };

  it('highlights the unscored row and the 合计, not the scored rows', async () => {
    const scored = await score(await fillWorkbook(blank, t, gap, { group: '会议纪要' }));
    expect(await fillsOf(scored, '一.2')).toEqual([FILLS.unscored, FILLS.unscored, 'none']);
    expect(await fillsOf(scored, '合计')).toEqual([FILLS.unscored, FILLS.unscored, FILLS.section]);
    expect(await fillsOf(scored, '一.1')).toEqual(['none', 'none', 'none']);
    // A subtotal holding an unscored item is a part: highlighted; one fully scored keeps its band.
    expect((await fillsOf(scored, '一'))[0]).toBe(FILLS.unscored);
    expect((await fillsOf(scored, '二'))[0]).toBe(FILLS.section);
  });

  it('clears the highlight when a later scoring judges the row, leaving the figure typed', async () => {
    const first = await score(await fillWorkbook(blank, t, gap, { group: '会议纪要' }));
    expect((await fillsOf(first, '一.2'))[0]).toBe(FILLS.unscored);
    const again = await score(await fillWorkbook(first, t, { birth_rate: 7.5 }));
    expect(await fillsOf(again, '一.2')).toEqual(['none', 'none', 'none']);
    expect(await fillsOf(again, '合计')).toEqual([FILLS.section, 'none', FILLS.section]);
    expect((await fillsOf(again, '一'))[0]).toBe(FILLS.section);
    // The figure typed in between is the unit's, untouched by the scoring.
    const back = readSheet((await readWorkbook(again)).sheets);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.unit.values['birth_rate']).toBe('7.5');
  });

  it('changes the fill of the written cell only, not of cells that shared its style', async () => {
    const scored = await score(await fillWorkbook(blank, t, gap, { group: '会议纪要' }));
    // The 初审得分 cells had the same style as the 自评得分 cells written: they keep their fill.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scored as unknown as ArrayBuffer);
    const { sheet, columns, rows } = t.map.scoring;
    const reviewFill = (key: string) => {
      const row = (rows.find((r) => r.key === key)?.row ?? -1) + 1;
      const f = wb.getWorksheet(sheet)!.getCell(row, columns.review + 1).fill;
      return f?.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : 'none';
    };
    expect([reviewFill('一.2'), reviewFill('一.1'), reviewFill('合计'), reviewFill('一')]).toEqual([
      'none',
      'none',
      FILLS.section,
      FILLS.section,
    ]);
  });
});
