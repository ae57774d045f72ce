// Hostile workbooks (generated here, never committed): each is refused with a typed error
// before ExcelJS builds anything, within bounded memory; what Kaohe writes carries nothing the
// workbook does not need, and the same bytes in every time zone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from './__tests__/child.ts';
import { template } from './__tests__/fixture.ts';
import {
  manyNearMiB,
  manyTiny,
  sheetXml,
  textSheetXml,
  withEntries,
  withSheet,
} from './__tests__/hostile.ts';
import { applyWrites } from './apply-writes.ts';
import { XlsxError, type XlsxErrorCode } from './errors.ts';
import { DEFAULT_LIMITS, guardXlsx, type GuardLimits } from './guard.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const good = await writeTemplateWorkbook(template());

function codeOf(bytes: Uint8Array, limits?: GuardLimits): XlsxErrorCode | 'accepted' {
  try {
    guardXlsx(bytes, limits);
    return 'accepted';
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}

describe('the guard bounds a zip before anything is inflated into memory', () => {
  it('290 entries each just under 1 MiB (290 MiB in all, each under the ratio check) are a bomb', () => {
    const bomb = manyNearMiB(good, 290);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    expect(codeOf(bomb)).toBe('zip-bomb');
  });

  it('too many entries are refused by the count in the end record, not a stack overflow', () => {
    expect(codeOf(manyTiny(good, 50_000))).toBe('too-many-entries');
    // The limit itself: a workbook of exactly the allowed count passes the count check.
    const entries = Object.keys(unzipSync(good)).length;
    const limits = { ...DEFAULT_LIMITS, maxEntries: entries + 10 };
    expect(codeOf(manyTiny(good, 10), limits)).toBe('accepted');
    expect(codeOf(manyTiny(good, 11), limits)).toBe('too-many-entries');
  });

  it('a sheet with more cells than the limit is refused while it streams by, before ExcelJS', () => {
    const limits = { ...DEFAULT_LIMITS, maxStoredCells: 1000 };
    // 100 rows × 10 columns = 1000 cells in the replaced sheet, plus the other sheets' own.
    expect(codeOf(withSheet(good, sheetXml(100, 10)), limits)).toBe('too-many-cells');
    expect(codeOf(withSheet(good, sheetXml(5, 10)), limits)).toBe('accepted');
    // Rows without cells count against their own limit.
    const rows = { ...DEFAULT_LIMITS, maxRows: 500 };
    expect(codeOf(withSheet(good, sheetXml(600, 0, false)), rows)).toBe('too-many-cells');
    expect(codeOf(withSheet(good, sheetXml(300, 0, false)), rows)).toBe('accepted');
  });

  it('more text than ExcelJS should parse is refused, however few the cells', () => {
    const limits = { ...DEFAULT_LIMITS, maxXmlBytes: 400_000 };
    expect(codeOf(withSheet(good, textSheetXml(500_000)), limits)).toBe('zip-bomb');
    expect(codeOf(withSheet(good, textSheetXml(100_000)), limits)).toBe('accepted');
  });

  it('a prefixed sheet ("x:c", "x:row") is counted the same', () => {
    const xml = sheetXml(100, 10).replace(/<(\/?)(c|row|v|sheetData|worksheet)\b/g, '<$1x:$2');
    expect(codeOf(withSheet(good, xml), { ...DEFAULT_LIMITS, maxStoredCells: 1000 })).toBe(
      'too-many-cells',
    );
  });

  it('a shared-strings part with more strings than the cell limit is refused', () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(2000)}</sst>`;
    const bytes = withEntries(good, { 'xl/sharedStrings.xml': new TextEncoder().encode(sst) });
    expect(codeOf(bytes, { ...DEFAULT_LIMITS, maxStoredCells: 1000 })).toBe('too-many-cells');
  });
});

describe('peak memory of a refused file stays bounded (child process)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaohe-xlsx-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const peak = async (
    name: string,
    bytes: Uint8Array,
  ): Promise<{ outcome: string; mib: number }> => {
    const file = join(dir, name);
    await writeFile(file, bytes);
    const script = fileURLToPath(new URL('./__tests__/read-child.mts', import.meta.url));
    const run = await runChild(script, [file]);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout) as { outcome: string; maxRssKiB: number };
    return { outcome: doc.outcome, mib: doc.maxRssKiB / 1024 };
  };

  it(
    '500,000 cells (~16 MiB of XML), 290 near-1-MiB entries, one cell of 40 MiB of text: refused under 300 MB',
    { timeout: 120_000 },
    async () => {
      const sheet = await peak('big-sheet.xlsx', withSheet(good, sheetXml(50_000, 10)));
      expect(sheet.outcome).toBe('too-many-cells');
      expect(sheet.mib).toBeLessThan(300);
      const media = await peak('media.xlsx', manyNearMiB(good, 290));
      expect(media.outcome).toBe('zip-bomb');
      expect(media.mib).toBeLessThan(300);
      // One cell of 40 MiB of text (a 25 MB file): ExcelJS would hold it several times over.
      const text = await peak('text.xlsx', withSheet(good, textSheetXml(40 * 2 ** 20)));
      expect(text.outcome).toBe('zip-bomb');
      expect(text.mib).toBeLessThan(300);
    },
  );
});

describe('what Kaohe writes', () => {
  it('drops entries the workbook does not reach (media no sheet shows)', async () => {
    const junk = new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const loaded = withEntries(good, { 'xl/media/image99.png': junk, 'stray/notes.txt': junk });
    const out = Object.keys(unzipSync(await applyWrites(loaded, [])));
    // ExcelJS carries loaded media on (renamed xl/media/image1.png); no sheet shows it.
    expect(out.filter((n) => n.startsWith('xl/media/') || n.startsWith('stray/'))).toEqual([]);
    // Everything the workbook reaches is still there: the same parts as a plain round trip.
    expect(out.sort()).toEqual(Object.keys(unzipSync(await applyWrites(good, []))).sort());
    expect((await readWorkbook(await applyWrites(loaded, []))).sheets).toHaveLength(3);
  });

  it('keeps every part the workbook reaches: images, a background, a table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = 1;
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    ws.addImage(
      wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }),
      'C3:D5',
    );
    ws.addBackgroundImage(
      wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }),
    );
    ws.addTable({ name: 'T1', ref: 'F1', columns: [{ name: 'a' }], rows: [[1], [2]] });
    const out = Object.keys(
      unzipSync(await applyWrites(new Uint8Array(await wb.xlsx.writeBuffer()), [])),
    );
    expect(out).toEqual(
      expect.arrayContaining([
        'xl/media/image1.png',
        'xl/media/image2.png',
        'xl/drawings/drawing1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/tables/table1.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
      ]),
    );
  });

  it(
    'the same template gives the same bytes in UTC, Asia/Shanghai and America/Los_Angeles',
    { timeout: 60_000 },
    async () => {
      const script = fileURLToPath(new URL('./__tests__/template-child.mts', import.meta.url));
      const hashes = await Promise.all(
        ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map(async (TZ) => {
          const run = await runChild(script, [], { TZ });
          expect(run.stderr).toBe('');
          return run.stdout;
        }),
      );
      expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(hashes).size).toBe(1);
    },
  );
});
