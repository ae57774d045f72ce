import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import XlsxPopulate from 'xlsx-populate';
import { describe, expect, it } from 'vitest';
import { template } from './__tests__/fixture.ts';
import { XlsxError, type XlsxErrorCode } from './errors.ts';
import { DEFAULT_LIMITS, guardXlsx, type GuardLimits } from './guard.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const good = await writeTemplateWorkbook(template());

async function failure(bytes: Uint8Array, limits?: GuardLimits): Promise<XlsxError> {
  try {
    await readWorkbook(bytes, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return e as XlsxError;
  }
  throw new Error('readWorkbook accepted the file');
}

const expectCode = async (
  bytes: Uint8Array,
  code: XlsxErrorCode,
  limits?: GuardLimits,
): Promise<void> => {
  const e = await failure(bytes, limits);
  expect(e.code).toBe(code);
  expect(e.msg.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.msg.en).toMatch(/[a-z]/);
};

const ole = (extra: string): Uint8Array => {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = [...extra].flatMap((c) => [c.charCodeAt(0), 0]);
  return Uint8Array.from([...head, ...new Array(504).fill(0), ...body, 0, 0]);
};

/** Rewrites the declared uncompressed size of every entry (local headers and directory). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readWorkbook refuses unsafe or foreign files with a typed, bilingual error', () => {
  it('accepts the template', async () => {
    expect((await readWorkbook(good)).sheets).toHaveLength(3);
  });

  it('empty, text, and a zip that is no workbook', async () => {
    await expectCode(new Uint8Array(), 'empty');
    await expectCode(strToU8('序号,考核项目\n1,测试\n'), 'not-xlsx');
    await expectCode(zipSync({ 'readme.txt': strToU8('hello') }), 'not-xlsx');
  });

  it('a password-protected workbook (encrypted OLE) and an old .xls', async () => {
    // A real one, encrypted by xlsx-populate (ECMA-376 agile encryption), as Excel writes them.
    const wb = await XlsxPopulate.fromBlankAsync();
    wb.sheet(0).cell('A1').value('保密');
    await expectCode(new Uint8Array(await wb.outputAsync({ password: '123456' })), 'encrypted');
    await expectCode(ole('EncryptionInfo'), 'encrypted');
    await expectCode(ole('Workbook'), 'legacy-xls');
  });

  it('a truncated or damaged workbook', async () => {
    await expectCode(good.slice(0, Math.floor(good.length / 2)), 'corrupt');
    const damaged = good.slice();
    damaged.fill(0x41, 200, 600);
    const e = await failure(damaged);
    expect(['corrupt', 'zip-bomb']).toContain(e.code);
  });

  it('a file over the size limit', async () => {
    await expectCode(good, 'too-large', { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
  });

  it('a sheet whose used range is too large', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('大表').getCell(200_000, 20).value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expectCode(bytes, 'too-large', { ...DEFAULT_LIMITS, maxCells: 1_000_000 });
  });

  it('a zip bomb by its declared sizes', async () => {
    const bomb = zipSync(
      { '[Content_Types].xml': strToU8('<x/>'), 'xl/workbook.xml': new Uint8Array(20 * 2 ** 20) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200_000);
    await expectCode(bomb, 'zip-bomb');
  });

  it('a zip bomb that lies about its sizes is stopped while inflating', () => {
    const honest = zipSync(
      { '[Content_Types].xml': new Uint8Array(4 * 2 ** 20), 'xl/workbook.xml': strToU8('<x/>') },
      { level: 9 },
    );
    const liar = lieAboutSizes(honest, 100);
    let caught: unknown;
    try {
      guardXlsx(liar);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    expect(caught).toMatchObject({
      code: 'zip-bomb',
      message: expect.stringContaining('[Content_Types].xml: >'),
    });
  });
});
