import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FILLS, readSheet } from '@kaohe/sheet';
import { fillWorkbook, filled, template } from './__tests__/fixture.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const t = template();
const bytes = await writeTemplateWorkbook(t);
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(bytes as unknown as ArrayBuffer);
const scoring = wb.getWorksheet('考核评分');
const data = wb.getWorksheet('基础数据');
const meta = wb.getWorksheet('kaohe_meta');
const dataCell = (id: string, col: 'value' | 'evidence' | 'label') =>
  data?.getCell(
    (t.map.data.rows.find((r) => r.id === id)?.row ?? 0) + 1,
    t.map.data.columns[col] + 1,
  );

describe('writeTemplateWorkbook', () => {
  it('writes three sheets, the meta sheet very hidden', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['考核评分', 'visible'],
      ['基础数据', 'visible'],
      ['kaohe_meta', 'veryHidden'],
    ]);
  });

  it('is print-ready: A4 landscape, fit to width, repeated header rows, frozen panes, widths', () => {
    for (const [ws, map] of [
      [scoring, t.map.scoring],
      [data, t.map.data],
    ] as const) {
      expect(ws?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws?.pageSetup.printTitlesRow).toBe(`${map.headerRow + 1}:${map.headerRow + 1}`);
      expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: map.headerRow + 1, xSplit: 2 });
    }
    expect(scoring?.getColumn(3).width).toBe(46);
    expect(scoring?.getCell(t.map.scoring.headerRow + 1, 3).alignment?.wrapText).toBe(true);
  });

  it('protects every sheet without a password and unlocks and colours only the cells to fill', () => {
    for (const ws of [scoring, data, meta]) {
      expect(
        (ws as unknown as { sheetProtection?: object } | undefined)?.sheetProtection,
      ).toMatchObject({ sheet: true });
      expect(
        (ws as unknown as { sheetProtection?: object } | undefined)?.sheetProtection,
      ).not.toHaveProperty('hashValue');
    }
    expect(dataCell('policy_rate', 'value')?.protection?.locked).toBe(false);
    expect(dataCell('policy_rate', 'value')?.fill).toMatchObject({
      fgColor: { argb: FILLS.required },
    });
    expect(dataCell('illegal', 'value')?.fill).toMatchObject({ fgColor: { argb: FILLS.input } });
    expect(dataCell('policy_rate', 'label')?.protection?.locked).not.toBe(false);
    const itemRow = (t.map.scoring.rows.find((r) => r.key === '一.1')?.row ?? 0) + 1;
    expect(scoring?.getCell(itemRow, t.map.scoring.columns.self + 1).protection?.locked).not.toBe(
      false,
    );
  });

  it('formats % natively, ‰ as a per-mille number, and lists 是/否', () => {
    expect(dataCell('policy_rate', 'value')?.numFmt).toBe('0.00%');
    expect(dataCell('birth_rate', 'value')?.numFmt).toBe('0.00"‰"');
    // The list on a range of the very hidden meta sheet, one entry a cell.
    expect(dataCell('group', 'value')?.dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'kaohe_meta'!$D$1:$D$2"],
    });
    expect([meta?.getCell('D1').value, meta?.getCell('D2').value]).toEqual(['是', '否']);
  });

  it('reads back through readWorkbook and readSheet once filled in', async () => {
    const grids = await readWorkbook(await fillWorkbook(bytes, t, filled, { group: '会议纪要' }));
    const r = readSheet(grids.sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values).toEqual({
      policy_rate: '91.2',
      birth_rate: '7.5',
      group: true,
      illegal: null,
      pop: '50000',
      petitions: '1',
      award: true,
    });
    expect(r.value.unit.evidence).toEqual({ group: '会议纪要' });
    expect(r.warnings).toEqual([]);
  });

  it('writes the same bytes for the same template, seconds apart (zip times are fixed)', async () => {
    // Zip entry times have a 2-second resolution: wait past it so the clock would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(Buffer.from(await writeTemplateWorkbook(t)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('writeTemplateWorkbook with prefilled figures', () => {
  it('keeps a locked assigned target in its percent format, reading back exactly', async () => {
    const { buildTemplate } = await import('@kaohe/sheet');
    const { fixtureInput, ruleSet } = await import('./__tests__/fixture.ts');
    const rs = ruleSet({
      ...fixtureInput,
      inputs: fixtureInput.inputs.map((i) =>
        i.id === 'policy_rate' ? { ...i, source: 'assigned' as const } : i,
      ),
    });
    const pt = buildTemplate(
      rs,
      { id: 'kdq', name: '昆都仑区' },
      { prefill: { values: { policy_rate: '92.5' }, previous: { birth_rate: '7.85' } } },
    );
    const out = await writeTemplateWorkbook(pt);
    const r = readSheet((await readWorkbook(out)).sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values.policy_rate).toBe('92.5');
    expect(r.value.previous).toEqual({ birth_rate: '7.85' });
    expect(r.warnings.filter((w) => w.code !== 'blank-input')).toEqual([]);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(out as unknown as ArrayBuffer);
    const row = (pt.map.data.rows.find((d) => d.id === 'policy_rate')?.row ?? 0) + 1;
    const cell = x.getWorksheet('基础数据')?.getCell(row, pt.map.data.columns.value + 1);
    expect(cell?.numFmt).toBe('0.00%');
    expect(cell?.protection?.locked).not.toBe(false);
  });
});

describe('writeTemplateWorkbook with summary sheets', () => {
  it('writes any sheet layouts, unprotected when asked', async () => {
    const { buildSummary } = await import('@kaohe/sheet');
    const { compileRuleSet, scoreCohort } = await import('@kaohe/engine');
    const { ruleSet } = await import('./__tests__/fixture.ts');
    const rs = ruleSet();
    const cohort = scoreCohort(compileRuleSet(rs), [
      {
        id: 'a',
        name: '甲区',
        values: {
          policy_rate: '95',
          birth_rate: '7',
          group: true,
          pop: '1',
          petitions: '0',
          award: false,
        },
      },
    ]);
    const out = await writeTemplateWorkbook(buildSummary(cohort, rs), { protect: false });
    const grids = await readWorkbook(out);
    expect(grids.sheets.map((s) => s.name)).toEqual([
      '排名',
      '等级',
      '否决',
      '分项得分',
      '指标得分',
      '差异',
      // Returned files not reviewed, with their reason: always there, empty when none.
      '未纳入',
      // The results as data (very hidden), for kaohe combine and the next period.
      'kaohe_results',
    ]);
    expect(grids.sheets[0]?.values[2]?.slice(0, 3)).toEqual([1, 'a', '甲区']);
  });
});
