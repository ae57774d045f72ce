import { compileRuleSet, scoreCohort } from '@kaohe/engine';
import { allIndicators } from '@kaohe/engine/internal';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import {
  buildSummary,
  FILLS,
  parseRange,
  RESULTS_SHEET,
  SHEET_NAMES,
  unscoredBySection,
} from '@kaohe/sheet';
import { createKernel } from '../core/kernel.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { describe, expect, it } from 'vitest';
import { summaryPlan, summarySheetNames } from '../core/kernel-summary.ts';
import { createSession } from '../core/session.ts';
import type { Cell, RangeWrite } from '../core/workbook-port.ts';
import { exactGuard } from '../testing/exact-guard.ts';
import { mockWorkbook } from './mock-workbook.ts';
import { createOfficePort } from './office-port.ts';

const HEADER: Cell[][] = [['考核单位', '昆都仑区', '规则', 'bt-2012']];

/** An assessment-like sheet: a header row then one row per indicator. */
function sheetOf(indicators: number): Cell[][] {
  const rows: Cell[][] = [[...(HEADER[0] ?? []), null]];
  for (let i = 0; i < indicators; i++)
    rows.push([`二.${i + 1}`, `指标 ${i + 1}`, 10, i % 3 === 0 ? null : 91.5, null]);
  return rows;
}

/** What scoring writes back: one column of scores, one of reasons, plus a total. */
function writesFor(indicators: number): RangeWrite[] {
  return [
    {
      sheet: '单位',
      address: 'E2',
      values: Array.from({ length: indicators }, (_, i) => [String(i % 10)]),
    },
    {
      sheet: '单位',
      address: 'F2',
      values: Array.from({ length: indicators }, (_, i) => [`扣分理由 ${i}`]),
    },
    { sheet: '单位', address: `E${indicators + 2}`, values: [['88.5']] },
  ];
}

describe('office port', () => {
  it('reads the active sheet, the meta sheet and the sheet names in one sync', async () => {
    const book = mockWorkbook(
      [
        { name: '单位', values: sheetOf(3) },
        { name: '_kaohe', values: [['schemaVersion', 1]], visibility: 'VeryHidden' },
        { name: '基础数据', values: [['x']], visibility: 'Visible' },
      ],
      '单位',
    );
    const port = createOfficePort({ run: book.excel.run });
    const snap = await port.read(['_kaohe', '基础数据']);
    expect(port.meter.count).toBe(1);
    expect(book.syncs).toBe(1);
    expect(snap.sheetNames).toEqual(['单位', '_kaohe', '基础数据']);
    expect(snap.active.values[1]).toEqual(['二.1', '指标 1', 10, null, null]);
    expect(snap.sheets['_kaohe']?.values).toEqual([['schemaVersion', 1]]);
    // Whether each named sheet is shown, in the same sync (an unhidden rules sheet is said).
    expect(snap.sheets['_kaohe']?.state).toBe('veryHidden');
    expect(snap.sheets['基础数据']?.state).toBe('visible');
  });

  it('gives no meta sheet when the workbook has none', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(1) }], '单位');
    const snap = await createOfficePort({ run: book.excel.run }).read(['_kaohe']);
    expect(snap.sheets).toEqual({ _kaohe: null });
  });

  it('reads a workbook without the meta sheet even where Excel refuses ranges of missing sheets', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(1) }], '单位', {
      missingSheetRangeFails: true,
    });
    const port = createOfficePort({ run: book.excel.run });
    const snap = await port.read(['单位', '_kaohe']);
    expect(snap.sheets['_kaohe']).toBeNull();
    expect(snap.sheets['单位']?.values[0]).toEqual([
      '考核单位',
      '昆都仑区',
      '规则',
      'bt-2012',
      null,
    ]);
    expect(port.meter.count).toBe(3);
    expect(book.syncs).toBe(3);
  });

  for (const size of [10, 2000]) {
    it(`scores a sheet of ${size} indicators in 3 syncs: read, re-check, write`, async () => {
      const book = mockWorkbook([{ name: '单位', values: sheetOf(size) }], '单位');
      const port = createOfficePort({ run: book.excel.run });
      await port.read(['_kaohe', '基础数据']);
      const outcome = await port.write({
        guard: exactGuard('单位', 'A1:D1', HEADER),
        writes: writesFor(size),
      });
      expect(outcome).toEqual({ ok: true, cells: size * 2 + 1, requests: 1, chart: false });
      expect(port.meter.count).toBe(3);
      expect(book.syncs).toBe(3);
      expect(book.writes.map(([, address, values]) => [address, values.length])).toEqual([
        [`E2:E${size + 1}`, size],
        [`F2:F${size + 1}`, size],
        [`E${size + 2}`, 1],
      ]);
    });
  }

  it('writes into a protected sheet (as templates are) and protects it again, in the same 3 syncs', async () => {
    // Excel refuses a write to a locked cell of a protected sheet: scores are locked cells.
    const book = mockWorkbook([{ name: '单位', values: sheetOf(10), protected: true }], '单位');
    const port = createOfficePort({ run: book.excel.run });
    await port.read(['_kaohe', '基础数据']);
    const outcome = await port.write({
      guard: exactGuard('单位', 'A1:D1', HEADER),
      writes: writesFor(10),
    });
    expect(outcome).toMatchObject({ ok: true, cells: 21 });
    expect(book.protections).toEqual([
      ['单位', 'unprotect'],
      ['单位', 'protect'],
    ]);
    expect(book.isProtected('单位')).toBe(true);
    expect(book.syncs).toBe(3);
  });

  it('takes the protection from the read: a write without a header guard into a protected sheet is one sync, as into an unprotected one', async () => {
    const syncsOf = async (locked: boolean) => {
      const book = mockWorkbook([{ name: '单位', values: sheetOf(10), protected: locked }], '单位');
      const port = createOfficePort({ run: book.excel.run });
      await port.read(['_kaohe', '基础数据']);
      const outcome = await port.write({ writes: writesFor(10) });
      expect(outcome).toMatchObject({ ok: true, cells: 21 });
      expect(book.isProtected('单位')).toBe(locked);
      return { syncs: book.syncs, meter: port.meter.count, protections: book.protections };
    };
    const open = await syncsOf(false);
    const locked = await syncsOf(true);
    // Read, then write: the protection came with the read.
    expect([open.syncs, open.meter, open.protections]).toEqual([2, 2, []]);
    expect([locked.syncs, locked.meter, locked.protections]).toEqual([
      2,
      2,
      [
        ['单位', 'unprotect'],
        ['单位', 'protect'],
      ],
    ]);
  });

  it('leaves an unprotected sheet unprotected', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(3) }], '单位');
    const port = createOfficePort({ run: book.excel.run });
    await port.write({ guard: exactGuard('单位', 'A1:D1', HEADER), writes: writesFor(3) });
    expect(book.protections).toEqual([]);
    expect(book.isProtected('单位')).toBe(false);
  });

  it('protects the sheet again when a write fails half-way, and says it failed', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(2000), protected: true }], '单位');
    let n = 0;
    const port = createOfficePort({
      maxRequestBytes: 20_000,
      // The second round trip (the first chunk of values) fails, as a dropped connection would.
      run: (batch) =>
        book.excel.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = async () => {
            n += 1;
            if (n === 2) throw new Error('RichApi.Error: GeneralException');
            return sync();
          };
          return batch(context);
        }),
    });
    await expect(port.write({ writes: writesFor(2000) })).rejects.toMatchObject({
      code: 'office-call-failed',
      detail: 'RichApi.Error: GeneralException',
    });
    expect(book.isProtected('单位')).toBe(true);
    expect(book.protections.at(-1)).toEqual(['单位', 'protect']);
  });

  it('writes nothing when the header changed since the read', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(3) }], '单位');
    const port = createOfficePort({ run: book.excel.run });
    book.setGuardValues([['考核单位', '青山区', '规则', 'bt-2012']]);
    const outcome = await port.write({
      guard: exactGuard('单位', 'A1:D1', HEADER),
      writes: writesFor(3),
    });
    expect(outcome).toEqual({
      ok: false,
      reason: 'header-changed',
      sheet: '单位',
      address: 'A1:D1',
    });
    expect(book.writes).toEqual([]);
    expect(port.meter.count).toBe(1);
    expect(book.syncs).toBe(1);
  });

  it('chunks only past the request limit', async () => {
    const book = mockWorkbook([{ name: '单位', values: sheetOf(2000) }], '单位');
    const port = createOfficePort({ run: book.excel.run, maxRequestBytes: 20_000 });
    const outcome = await port.write({ writes: writesFor(2000) });
    expect(outcome.ok && outcome.requests).toBeGreaterThan(2);
    // One sync reads the written sheets' protection, then one per request.
    expect(port.meter.count).toBe(outcome.ok ? outcome.requests + 1 : -1);
    expect(book.syncs).toBe(outcome.ok ? outcome.requests + 1 : -1);
    const written = book.writes
      .filter(([, address]) => address.startsWith('F'))
      .flatMap(([, , v]) => v);
    expect(written).toEqual(writesFor(2000)[1]?.values);
  });

  it('turns an Office failure into a typed error naming the call', async () => {
    const port = createOfficePort({
      run: () => Promise.reject(new Error('RichApi.Error: ItemNotFound')),
    });
    await expect(port.select('单位', 'C4')).rejects.toMatchObject({
      code: 'office-call-failed',
      detail: 'RichApi.Error: ItemNotFound',
    });
  });

  it('writes text a unit controls as text, never as a formula (unit name =HYPERLINK…)', async () => {
    const name = '=HYPERLINK("http://x","y")';
    const ruleSet = parsed(baotou2012);
    const units = baotou2012SampleUnits.slice(0, 2).map((u, i) => (i === 0 ? { ...u, name } : u));
    const cohort = scoreCohort(compileRuleSet(ruleSet), units);
    const plan = summaryPlan(cohort, ruleSet, buildSummary(cohort, ruleSet));
    const book = mockWorkbook(
      plan.sheets.map((sheet) => ({ name: sheet, values: [] })),
      plan.sheet,
    );
    const port = createOfficePort({ run: book.excel.run });
    // The summary's writes carry number formats; a write without them (review scores) too.
    const outcome = await port.write({
      writes: [
        ...plan.writes,
        { sheet: plan.sheet, address: 'Z1', values: [[name, '-2.5', '+x', '@y', 'plain']] },
      ],
    });
    expect(outcome.ok).toBe(true);
    // The name reached the sheets as written…
    expect(
      book.writes.flatMap(([, , values]) => values.flat()).filter((v) => v === name).length,
    ).toBeGreaterThan(1);
    // …and Excel took none of it as a formula ("-2.5" is a number, not text a unit wrote).
    expect(book.formulas).toEqual([]);
  });

  it('sends the scored sheet’s fills: unscored rows and 合计 highlighted, the rest cleared, in runs', async () => {
    const ruleSet = parsed(baotou2012);
    // 出生率 left blank: its item cannot be scored, so the total is incomplete.
    const grids = asGrids(filledTemplate(ruleSet, baotou2012SampleUnits[0]!, { birth_rate: null }));
    const snapshot = {
      active: grids[0]!,
      sheets: Object.fromEntries(grids.map((g) => [g.name, g])),
      sheetNames: grids.map((g) => g.name),
    };
    const planned = createKernel().selfAssess(snapshot);
    if (!planned.ok) throw new Error('does not plan');
    const book = mockWorkbook(
      grids.map((g) => ({ name: g.name, values: g.values })),
      SHEET_NAMES.scoring,
    );
    const port = createOfficePort({ run: book.excel.run });
    const outcome = await port.write({ writes: planned.value.writes });
    expect(outcome.ok).toBe(true);
    // Each cell's last fill, from the ranges the port filled ('#RRGGBB', or null: cleared).
    const cell = new Map<string, string | null>();
    for (const [sheet, address, color] of book.fills) {
      const r = parseRange(address)!;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) cell.set(`${sheet}!${row},${col}`, color);
    }
    const scoring = grids.find((g) => g.name === SHEET_NAMES.scoring)!;
    const rowOf = (key: string) => scoring.values.findIndex((line) => line[0] === key);
    const selfCol = parseRange(planned.value.writes[0]!.address)!.left;
    const at = (key: string) => cell.get(`${SHEET_NAMES.scoring}!${rowOf(key)},${selfCol}`);
    const path =
      allIndicators(planned.value.result).find((i) => i.score === null && !i.children?.length)
        ?.path ?? '';
    expect(rowOf(path)).toBeGreaterThan(0);
    const red = `#${FILLS.unscored.slice(2)}`;
    expect([at(path), at('合计')]).toEqual([red, red]);
    // A scored item is cleared (a highlight from an earlier scoring goes), a subtotal banded —
    // in a section without unscored items (one with them is a part, highlighted).
    const partial = unscoredBySection(planned.value.result);
    const whole = planned.value.result.sections.find((s) => !partial.has(s.code))!;
    const scored = whole.items.find((i) => i.score !== null)!;
    expect(at(scored.path)).toBeNull();
    expect(at(whole.code)).toBe(`#${FILLS.section.slice(2)}`);
    const part = planned.value.result.sections.find((s) => partial.has(s.code))!;
    expect(at(part.code)).toBe(red);
    // Runs of one fill go as one range: far fewer calls than cells.
    const filled = planned.value.writes
      .flatMap((w) => w.fills ?? [])
      .flat()
      .filter((f) => f !== null);
    expect(book.fills.length).toBeLessThan(filled.length / 2);
  });

  it('renames imported sheets in one sync', async () => {
    const book = mockWorkbook(
      [
        { name: '单位', values: sheetOf(1) },
        { name: '单位 (2)', values: sheetOf(1) },
      ],
      '单位',
    );
    const port = createOfficePort({ run: book.excel.run });
    await port.renameSheets([{ from: '单位 (2)', to: '单位 (青山区)' }]);
    expect(book.renamed).toEqual([['单位 (2)', '单位 (青山区)']]);
    expect(book.syncs).toBe(1);
  });
});

describe('the summary in Excel', () => {
  it('makes the results sheet (kaohe_results) very hidden, the summary’s own sheets visible', async () => {
    const ruleSet = parsed(baotou2012);
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const units = baotou2012SampleUnits
      .slice(0, 2)
      .flatMap((u, i) => asGrids(filledTemplate(ruleSet, u), ` (${i + 2})`));
    const kernel = createKernel();
    const names = summarySheetNames(ruleSet);
    // The summary's sheets are there from an earlier summary (the mock writes only to sheets it holds).
    const book = mockWorkbook(
      [
        ...[...reviewer, ...units].map((g) => ({
          name: g.name,
          values: g.values,
          ...(g.state === 'veryHidden' ? { visibility: 'VeryHidden' as const } : {}),
        })),
        ...names.map((name) => ({ name, values: [] })),
      ],
      SHEET_NAMES.scoring,
    );
    const session = createSession(createOfficePort({ run: book.excel.run }), kernel);
    const summary = await session.summarise();
    if (!summary.ok) throw new Error(JSON.stringify(summary.problems.slice(0, 3)));
    expect(book.added.map((a) => a.name)).toEqual(summary.plan.sheets);
    expect(book.added.filter((a) => a.visibility !== 'Visible')).toEqual([
      { name: RESULTS_SHEET, visibility: 'VeryHidden' },
    ]);
  });
});
