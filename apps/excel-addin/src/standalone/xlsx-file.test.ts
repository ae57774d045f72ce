import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { a1, FILLS, readSheet, RESULTS_SHEET, SHEET_NAMES } from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../core/kernel.ts';
import { createSession } from '../core/session.ts';
import { filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { solidFills, xlsxParts } from '../testing/xlsx-parts.ts';
import { createMemoryPort } from './memory-port.ts';
import { xlsxFiles } from './xlsx-file.ts';

const ruleSet = parsed(baotou2012);
const unit = baotou2012SampleUnits[3]!;

describe('browser mode on an .xlsx file', () => {
  it('opens a workbook, scores it and saves the scores into the same file', async () => {
    const bytes = await writeTemplateWorkbook(filledTemplate(ruleSet, unit));
    const original = bytes.slice().buffer;
    const workbook = await xlsxFiles.open(original);
    expect(workbook.active).toBe(SHEET_NAMES.scoring);
    expect(workbook.sheets.find((s) => s.name === SHEET_NAMES.meta)?.state).toBe('veryHidden');
    const port = createMemoryPort(workbook, xlsxFiles.decodeSheets);
    const applied = await createSession(port, createKernel()).selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied.problems.slice(0, 3)));

    const saved = await xlsxFiles.save(original, port.workbook, port.journal);
    const back = readSheet((await readWorkbook(saved)).sheets);
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    const totalKey = back.value.map.scoring.rows.find((r) => r.kind === 'total')!.key;
    expect(back.value.reported.self[totalKey]).toBe(scoreUnit(compileRuleSet(ruleSet), unit).total);
    expect(back.value.unit.values).toEqual(readSheetValues(await readWorkbook(bytes)));
  });

  it('saves the highlight of an unscored item and its 合计 into the downloaded file', async () => {
    // 出生率 left blank: its item is 未计分, the total incomplete.
    const bytes = await writeTemplateWorkbook(filledTemplate(ruleSet, unit, { birth_rate: null }));
    const original = bytes.slice().buffer;
    const port = createMemoryPort(await xlsxFiles.open(original), xlsxFiles.decodeSheets);
    const applied = await createSession(port, createKernel()).selfAssess();
    expect(applied.ok).toBe(true);
    const saved = await xlsxFiles.save(original, port.workbook, port.journal);
    const back = readSheet((await readWorkbook(saved)).sheets);
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    const { rows, columns } = back.value.map.scoring;
    const fillOf = solidFills(saved, 'xl/worksheets/sheet1.xml');
    const fillAt = (kind: string, unscored: boolean) => {
      const blank = (key: string) => back.value.reported.self[key] === null;
      // A scored row that is no parent of an unscored one (such a parent's sum is a part).
      const keys = rows.filter(
        (r) =>
          r.kind === kind &&
          blank(r.key) === unscored &&
          (unscored || !rows.some((o) => blank(o.key) && o.key.startsWith(`${r.key}.`))),
      );
      return fillOf(a1(keys[0]!.row, columns.self));
    };
    expect([fillAt('item', true), fillAt('total', false), fillAt('item', false)]).toEqual([
      FILLS.unscored,
      FILLS.unscored,
      'none',
    ]);
  });

  it('saves a review as the CLI does: the printable summary workbook, styled, no chart', async () => {
    // The reviewer opens a blank template of the rule set, brings in two units' files,
    // reviews and summarises, then downloads.
    const reviewerBytes = await writeTemplateWorkbook(
      filledTemplate(ruleSet, { id: '', name: '', values: {} }),
    );
    const original = reviewerBytes.slice().buffer;
    const workbook = await xlsxFiles.open(original);
    const port = createMemoryPort(workbook, xlsxFiles.decodeSheets);
    const session = createSession(port, createKernel());
    const units = [baotou2012SampleUnits[0]!, baotou2012SampleUnits[5]!];
    const files = await Promise.all(
      units.map(
        async (u) => (await writeTemplateWorkbook(filledTemplate(ruleSet, u))).slice().buffer,
      ),
    );
    const brought = await session.importWorkbooks(files);
    // Each file's sheets are named after its unit.
    expect(brought.map((f) => f.unit?.name)).toEqual(units.map((u) => u.name));
    expect(brought[0]?.sheets).toContain(`${SHEET_NAMES.scoring} (${units[0]!.name})`);
    const reviewed = await session.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.problems.slice(0, 3)));
    expect(reviewed.plan.units.map((u) => u.sheet)).toEqual(
      units.map((u) => `${SHEET_NAMES.scoring} (${u.name})`),
    );
    const summarised = await session.summarise();
    if (!summarised.ok) throw new Error(JSON.stringify(summarised.problems.slice(0, 3)));
    // Nothing was written into the reviewer's own sheets: no scored file to offer.
    await expect(xlsxFiles.save(original, port.workbook, port.journal)).rejects.toMatchObject({
      code: 'nothing-to-download',
    });

    const saved = await xlsxFiles.summaryWorkbook(summarised.plan.printable);
    const back = await readWorkbook(saved);
    // Only the summary's sheets (ranking first), not the units' sheets brought in.
    expect(back.sheets.map((x) => x.name)).toEqual(summarised.plan.sheets);
    expect(back.sheets[0]?.name).toBe('排名');
    // In the pane's workbook and in the file, the results as data are very hidden.
    expect(port.workbook.sheets.find((x) => x.name === RESULTS_SHEET)?.state).toBe('veryHidden');
    expect(back.sheets.filter((x) => x.state !== 'visible').map((x) => [x.name, x.state])).toEqual([
      [RESULTS_SHEET, 'veryHidden'],
    ]);
    const ranking = back.sheets[0]!;
    const compiled = compileRuleSet(ruleSet);
    for (const u of units) {
      const row = ranking.values.find((r) => r.includes(u.name))!;
      expect(row).toContain(Number(scoreUnit(compiled, u).total));
    }
    // Styled and set up for printing as the CLI's summary: landscape, one page wide, page
    // numbers in the footer, a bold header font; unprotected; and no chart part anywhere.
    const parts = xlsxParts(saved);
    const sheet1 = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet1).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet1).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet1).toContain('第 &amp;P 页');
    expect(sheet1).not.toContain('<sheetProtection');
    expect(parts.get('xl/styles.xml')).toMatch(/<b\/>/);
    expect([...parts.keys()].filter((name) => name.includes('chart'))).toEqual([]);
  });

  it('refuses to save sheets the file does not have, naming them', async () => {
    const bytes = await writeTemplateWorkbook(filledTemplate(ruleSet, unit));
    const workbook = await xlsxFiles.open(bytes.slice().buffer);
    const journal = [{ writes: [{ sheet: '考核汇总', address: 'A1', values: [['x']] }] }];
    await expect(xlsxFiles.save(bytes.slice().buffer, workbook, journal)).rejects.toMatchObject({
      code: 'cannot-save-new-sheets',
      detail: '考核汇总',
    });
  });

  it('says which file could not be read', async () => {
    await expect(
      xlsxFiles.open(new TextEncoder().encode('not a workbook').buffer),
    ).rejects.toThrow();
  });
});

function readSheetValues(grids: Awaited<ReturnType<typeof readWorkbook>>) {
  const read = readSheet(grids.sheets);
  if (!read.ok) throw new Error('template does not read');
  return read.value.unit.values;
}
