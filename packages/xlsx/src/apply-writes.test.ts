import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { allIndicators } from '@kaohe/engine/internal';
import { parseRange, planWrites, readSheet, type SheetGrid } from '@kaohe/sheet';
import { fillWorkbook, filled, ruleSet, template } from './__tests__/fixture.ts';
import { applyWrites } from './apply-writes.ts';
import { XlsxError } from './errors.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const t = template();
const before = await fillWorkbook(await writeTemplateWorkbook(t), t, filled, { group: '会议纪要' });
const grids = await readWorkbook(before);
const read = readSheet(grids.sheets);
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const result = scoreUnit(compileRuleSet(ruleSet()), read.value.unit);
const writes = planWrites(read.value.map, result, 'self');
const after = await applyWrites(before, writes);

function cells(sheets: readonly SheetGrid[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of sheets)
    s.values.forEach((row, r) => row.forEach((v, c) => out.set(`${s.name}!${r},${c}`, v)));
  return out;
}

describe('applyWrites', () => {
  it('writes the scores, and every other cell keeps its value exactly', async () => {
    const written = new Set<string>();
    for (const w of writes) {
      const range = parseRange(w.address);
      w.values.forEach((line, i) =>
        line.forEach(
          (v, j) =>
            v !== null && range && written.add(`${w.sheet}!${range.top + i},${range.left + j}`),
        ),
      );
    }
    const old = cells(grids.sheets);
    const now = cells((await readWorkbook(after)).sheets);
    let compared = 0;
    for (const [key, value] of old) {
      if (written.has(key)) continue;
      expect(now.get(key), key).toStrictEqual(value);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
    expect(written.size).toBeGreaterThan(5);
  });

  it('leaves input cells byte-identical in value and still unlocked', async () => {
    const back = readSheet((await readWorkbook(after)).sheets);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.unit).toEqual(read.value.unit);
    expect(back.value.reported.self['合计']).toBe(result.total);
    expect(back.value.reported.self['否决.petition']).toBe('是');
    const item = allIndicators(result).find((i) => i.path === '一.1');
    expect(item?.score).toMatch(/^\d+(\.\d+)?$/);
    expect(back.value.reported.self['一.1']).toBe(item?.score);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(after as unknown as ArrayBuffer);
    const data = read.value.map.data;
    for (const id of ['policy_rate', 'group']) {
      const row = data.rows.find((r) => r.id === id)?.row;
      if (row === undefined) throw new Error(`no data row for ${id}`);
      expect(
        wb.getWorksheet(data.sheet)?.getCell(row + 1, data.columns.value + 1).protection?.locked,
        id,
      ).toBe(false);
    }
  });

  it('is idempotent and reproducible', async () => {
    const twice = await applyWrites(after, writes);
    expect((await readWorkbook(twice)).sheets).toEqual((await readWorkbook(after)).sheets);
    expect(Buffer.from(await applyWrites(before, writes)).equals(Buffer.from(after))).toBe(true);
  });

  it('refuses a write to a missing sheet or a malformed range, with a typed error', async () => {
    await expect(
      applyWrites(before, [{ sheet: '不存在', address: 'A1', values: [[1]] }]),
    ).rejects.toMatchObject({ code: 'missing-sheet' });
    await expect(
      applyWrites(before, [{ sheet: '考核评分', address: 'A1:A2', values: [[1]] }]),
    ).rejects.toBeInstanceOf(XlsxError);
    // Fills not the shape of the values: refused, not applied to the wrong cells.
    await expect(
      applyWrites(before, [
        { sheet: '考核评分', address: 'A1:A2', values: [[1], [2]], fills: [['FFFFC7CE']] },
      ]),
    ).rejects.toMatchObject({ code: 'bad-range' });
  });

  it('puts whole sheets in, in place of a sheet of the same name, and writes the rest as usual', async () => {
    const summary = {
      name: '排名',
      values: [
        ['名次', '单位', '总分'],
        [1, '昆都仑区', 150.25],
        [2, '东河区', null],
      ],
      numberFormats: [[], [null, null, '0.00']],
      widths: [6, 20, 10],
      wrap: [1],
      freezeRows: 1,
    };
    const hidden = {
      name: 'kaohe_meta (2)',
      state: 'veryHidden' as const,
      values: [['kaohe-meta', '1']],
    };
    // A sheet of the file named again: its old cells go, the new grid takes its place.
    const dataSheet = grids.sheets.find((x) => x.name !== '考核评分' && x.state !== 'veryHidden')!;
    const replaced = { name: dataSheet.name, values: [['只有这一格']] };
    const bytes = await applyWrites(before, writes, { sheets: [summary, hidden, replaced] });
    const back = await readWorkbook(bytes);
    const byName = new Map(back.sheets.map((x) => [x.name, x]));
    expect(byName.get('排名')?.values).toEqual([
      ['名次', '单位', '总分'],
      [1, '昆都仑区', 150.25],
      [2, '东河区', null],
    ]);
    expect(byName.get('kaohe_meta (2)')?.state).toBe('veryHidden');
    expect(byName.get(dataSheet.name)?.values).toEqual([['只有这一格']]);
    // The scores were written into the scoring sheet as without the extra sheets.
    const scoring = (g: Awaited<ReturnType<typeof readWorkbook>>) =>
      g.sheets.find((x) => x.name === '考核评分')?.values;
    expect(scoring(back)).toEqual(scoring(await readWorkbook(after)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('排名')!;
    expect([
      ranking.getColumn(2).width,
      ranking.getCell('C2').numFmt,
      ranking.getCell('B2').alignment?.wrapText,
      ranking.views[0]?.state,
    ]).toEqual([20, '0.00', true, 'frozen']);
    // The same input, the same bytes.
    expect(
      Buffer.from(
        await applyWrites(before, writes, { sheets: [summary, hidden, replaced] }),
      ).equals(Buffer.from(bytes)),
    ).toBe(true);
  });
});
