// Validation lists in the written workbook: a range of the very hidden meta sheet, so a choice
// label with a comma or a quote stays one entry, and the formula stays under Excel's 255.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplate, readSheet } from '@kaohe/sheet';
import { fixtureInput, ruleSet } from './__tests__/fixture.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

// Generated labels: a comma, a quote, and together far more than 255 characters.
const choices = Array.from({ length: 10 }, (_, i) => ({
  value: `c${i}`,
  label: `第${i}档,"有部署、有行动"${'、有效果'.repeat(8)}`,
}));
const rs = ruleSet({
  ...fixtureInput,
  inputs: [...fixtureInput.inputs, { id: 'outcome', label: '查处情况', unit: 'choice', choices }],
  sections: [
    ...fixtureInput.sections,
    {
      code: '三',
      title: '查处',
      points: 0,
      items: [
        {
          code: '1',
          title: '查处情况',
          points: 0,
          rule: { kind: 'tiers', value: 'outcome', tiers: [{ equals: 'c0', points: 0 }] },
        },
      ],
    },
  ],
});
const t = buildTemplate(rs, { id: 'kdq', name: '昆都仑区' });
const bytes = await writeTemplateWorkbook(t);

describe('validation lists', () => {
  it(
    'point at the meta sheet, one entry a cell, whatever an entry holds',
    { timeout: 30_000 },
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const data = wb.getWorksheet(t.map.data.sheet);
      const meta = wb.getWorksheet(t.map.meta.sheet);
      const row = t.map.data.rows.find((r) => r.id === 'outcome')?.row ?? -1;
      const validation = data?.getCell(row + 1, t.map.data.columns.value + 1).dataValidation;
      const formula = validation?.formulae?.[0] as string;
      expect(formula.length).toBeLessThanOrEqual(255);
      const m = /^'kaohe_meta'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(formula);
      expect(m).not.toBeNull();
      const entries = Array.from(
        { length: Number(m?.[2]) },
        (_, i) => meta?.getCell(`${m?.[1]}${i + 1}`).value,
      );
      expect(entries).toEqual(choices.map((c) => c.label));
      expect(String(validation?.error).length).toBeLessThanOrEqual(225);
    },
  );

  it('read back the entry an official picks', { timeout: 30_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const data = wb.getWorksheet(t.map.data.sheet);
    const row = t.map.data.rows.find((r) => r.id === 'outcome')?.row ?? -1;
    const cell = data?.getCell(row + 1, t.map.data.columns.value + 1);
    if (cell) cell.value = choices[3]?.label ?? null;
    const grids = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = readSheet(grids.sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.unit.values.outcome).toBe('c3');
  });
});
