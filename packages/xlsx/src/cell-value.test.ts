import type { CellValue as ExcelValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { serialToIso } from '@kaohe/sheet';
import { dateToSerial, toPlain } from './cell-value.ts';

describe('ExcelJS values to plain cell values', () => {
  it('turns dates into Excel serials, the 1900 leap-year bug included', () => {
    expect(dateToSerial(new Date(Date.UTC(2012, 2, 5)))).toBe(40973);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    for (const serial of [1, 59, 61, 40973, 45000])
      expect(dateToSerial(new Date(`${serialToIso(serial)}T00:00:00Z`))).toBe(serial);
  });

  it('reads formulas by their cached result, rich text and links by their text, errors as text', () => {
    const cases: [ExcelValue, unknown][] = [
      [{ formula: 'A1*2', result: 4 } as ExcelValue, 4],
      [{ formula: 'A1', result: undefined } as unknown as ExcelValue, null],
      [{ sharedFormula: 'B2', result: '是' } as ExcelValue, '是'],
      [{ richText: [{ text: '92' }, { text: '%' }] } as ExcelValue, '92%'],
      [{ text: '会议纪要', hyperlink: 'http://example.invalid/a.pdf' } as ExcelValue, '会议纪要'],
      [{ error: '#DIV/0!' } as ExcelValue, '#DIV/0!'],
      [null, null],
      [true, true],
      [0.92, 0.92],
    ];
    for (const [value, expected] of cases) expect(toPlain(value)).toStrictEqual(expected);
  });
});
