import { describe, expect, it } from 'vitest';
import { exactGuard } from '../testing/exact-guard.ts';
import { createMemoryPort } from './memory-port.ts';
import type { MemoryWorkbook } from './memory-workbook.ts';

const book = (): MemoryWorkbook => ({
  sheets: [
    {
      name: '单位',
      state: 'visible',
      values: [
        ['考核单位', '昆都仑区'],
        ['二.1', null, 91.2],
      ],
      numberFormats: [],
    },
    { name: '_kaohe', state: 'veryHidden', values: [['schemaVersion', 1]], numberFormats: [] },
  ],
  active: '单位',
  charts: [],
  selection: null,
});

describe('memory port', () => {
  it('reads the used range padded to a rectangle, blanks as null', async () => {
    const snap = await createMemoryPort(book()).read(['_kaohe', '无']);
    expect(snap.active.values).toEqual([
      ['考核单位', '昆都仑区', null],
      ['二.1', null, 91.2],
    ]);
    expect(snap.sheets).toEqual({
      _kaohe: expect.objectContaining({ values: [['schemaVersion', 1]] }),
      无: null,
    });
    expect(snap.sheetNames).toEqual(['单位', '_kaohe']);
  });

  it('writes after the guard, leaves cells under null alone, keeps a journal', async () => {
    const port = createMemoryPort(book());
    const request = {
      guard: exactGuard('单位', 'A1:B1', [['考核单位', '昆都仑区']]),
      writes: [{ sheet: '单位', address: 'B2', values: [['9.5', null, 'x']] }],
    };
    expect(await port.write(request)).toEqual({ ok: true, cells: 3, requests: 1, chart: false });
    expect(port.workbook.sheets[0]?.values[1]).toEqual(['二.1', '9.5', 91.2, 'x']);
    expect(port.journal).toEqual([request]);
  });

  it('refuses to write when the header changed', async () => {
    const port = createMemoryPort(book());
    const outcome = await port.write({
      guard: exactGuard('单位', 'A1:B1', [['考核单位', '青山区']]),
      writes: [{ sheet: '单位', address: 'B2', values: [['1']] }],
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'header-changed' });
    expect(port.journal).toEqual([]);
  });

  it('inserts sheets under free names, as Excel does', async () => {
    const port = createMemoryPort(book(), () =>
      Promise.resolve([{ name: '单位', state: 'visible', values: [['x']], numberFormats: [] }]),
    );
    expect(await port.insertWorksheets('AAAA')).toEqual(['单位 (2)']);
  });

  it('replaces a sheet and records the chart and selection', async () => {
    // Standing in for Excel: the chart is kept and claimed.
    const port = createMemoryPort(book(), undefined, { charts: true });
    const outcome = await port.write({
      replaceSheets: [{ name: '汇总', exists: false }],
      writes: [{ sheet: '汇总', address: 'A1', values: [['排名']] }],
      chart: { sheet: '汇总', dataAddress: 'B2:C4', title: '排名', anchor: 'F2' },
      activate: '汇总',
    });
    await port.select('单位', 'C2');
    expect(outcome).toMatchObject({ ok: true, chart: true });
    expect(port.workbook.charts).toHaveLength(1);
    expect(port.workbook.selection).toEqual({ sheet: '单位', address: 'C2' });
    await expect(port.select('无', 'A1')).rejects.toThrow('"无"');
  });

  it('in browser mode keeps no chart and claims none: the saved file cannot hold one', async () => {
    const port = createMemoryPort(book());
    const outcome = await port.write({
      writes: [{ sheet: '单位', address: 'A3', values: [['x']] }],
      chart: { sheet: '单位', dataAddress: 'A1:B2', title: '排名', anchor: 'D2' },
    });
    expect(outcome).toMatchObject({ ok: true, chart: false });
    expect(port.workbook.charts).toEqual([]);
  });

  it('renames sheets, refusing a name already taken', async () => {
    const port = createMemoryPort(book());
    await port.renameSheets([{ from: '单位', to: '单位 (昆都仑区)' }]);
    expect(port.workbook.sheets.map((x) => x.name)).toEqual(['单位 (昆都仑区)', '_kaohe']);
    expect(port.workbook.active).toBe('单位 (昆都仑区)');
    await expect(port.renameSheets([{ from: '_kaohe', to: '单位 (昆都仑区)' }])).rejects.toThrow(
      '"单位 (昆都仑区)"',
    );
  });
});
