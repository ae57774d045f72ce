import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { readSheet, SHEET_NAMES } from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../core/kernel.ts';
import { createSession } from '../core/session.ts';
import { filledTemplate, parsed } from '../testing/sample-workbook.ts';
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

  it('saves a review with its summary: the units brought in, their review scores and the summary sheets', async () => {
    // The reviewer opens a blank template of the rule set, brings in two scored units' files,
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
    expect(brought.length).toBeGreaterThan(0);
    const reviewed = await session.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.problems.slice(0, 3)));
    const summarised = await session.summarise();
    if (!summarised.ok) throw new Error(JSON.stringify(summarised.problems.slice(0, 3)));

    const saved = await xlsxFiles.save(original, port.workbook, port.journal);
    const back = await readWorkbook(saved);
    const names = back.sheets.map((x) => x.name);
    // Every sheet of the session is in the file, in the same order, hidden ones still very hidden.
    expect(names).toEqual(port.workbook.sheets.map((x) => x.name));
    expect(back.sheets.filter((x) => x.state === 'veryHidden').map((x) => x.name)).toEqual(
      port.workbook.sheets.filter((x) => x.state === 'veryHidden').map((x) => x.name),
    );
    // The units' review scores read back from the saved file, as the engine computes them.
    const compiled = compileRuleSet(ruleSet);
    for (const [i, u] of units.entries()) {
      const suffix = ` (${i + 2})`;
      const read = readSheet(
        back.sheets
          .filter((x) => x.name.endsWith(suffix))
          .map((x) => ({ ...x, name: x.name.slice(0, -suffix.length) })),
      );
      if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
      const totalKey = read.value.map.scoring.rows.find((r) => r.kind === 'total')!.key;
      expect([read.value.unit.name, read.value.reported.review[totalKey]]).toEqual([
        u.name,
        scoreUnit(compiled, u).total,
      ]);
    }
    // The summary's ranking sheet lists both units.
    const ranking = back.sheets.find((x) => x.name === summarised.plan.sheet)!;
    expect(ranking.values.flat()).toEqual(expect.arrayContaining(units.map((u) => u.name)));
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
