import { describe, expect, it } from 'vitest';
import { crc32 } from './__tests__/hostile.ts';
import { XlsxError } from './errors.ts';
import { guardXlsx } from './guard.ts';
import { dosTime, zipEntries } from './zip.ts';

/** One stored entry whose sizes are only in a zip64 extra field (as streaming writers do). */
function zip64(name: string, data: Uint8Array, declared = data.length): Uint8Array {
  const n = new TextEncoder().encode(name);
  const extra = new Uint8Array(20);
  const x = new DataView(extra.buffer);
  x.setUint16(0, 0x0001, true);
  x.setUint16(2, 16, true);
  x.setBigUint64(4, BigInt(declared), true);
  x.setBigUint64(12, BigInt(data.length), true);
  const local = new Uint8Array(30 + n.length + extra.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, 0x04034b50, true);
  l.setUint16(4, 45, true);
  l.setUint32(14, crc32(data), true);
  l.setUint32(18, 0xffffffff, true);
  l.setUint32(22, 0xffffffff, true);
  l.setUint16(26, n.length, true);
  l.setUint16(28, extra.length, true);
  local.set(n, 30);
  local.set(extra, 30 + n.length);
  const central = new Uint8Array(46 + n.length + extra.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint16(4, 45, true);
  c.setUint16(6, 45, true);
  c.setUint32(16, crc32(data), true);
  c.setUint32(20, 0xffffffff, true);
  c.setUint32(24, 0xffffffff, true);
  c.setUint16(28, n.length, true);
  c.setUint16(30, extra.length, true);
  central.set(n, 46);
  central.set(extra, 46 + n.length);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, 1, true);
  e.setUint16(10, 1, true);
  e.setUint32(12, central.length, true);
  e.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + 22);
  out.set(local);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, out.length - 22);
  return out;
}

describe('zip directory', () => {
  it('reads sizes from a zip64 extra field', () => {
    const [entry] = zipEntries(zip64('xl/workbook.xml', new TextEncoder().encode('<x/>')));
    expect(entry).toMatchObject({ name: 'xl/workbook.xml', compressedSize: 4, declaredSize: 4 });
  });

  it('a zip64 entry declaring 5 GiB is a bomb, not a crash', () => {
    const bytes = zip64('xl/workbook.xml', new TextEncoder().encode('<x/>'), 5 * 2 ** 30);
    let caught: unknown;
    try {
      guardXlsx(bytes);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    expect(caught).toMatchObject({ code: 'zip-bomb' });
  });

  it('DOS times come from the UTC fields', () => {
    // 2000-01-01 00:00:00 UTC: date (2000 − 1980) << 9 | 1 << 5 | 1 = 10240 + 32 + 1 = 10273.
    expect(dosTime(new Date(Date.UTC(2000, 0, 1)))).toEqual({ time: 0, date: 10273 });
    // 13:45:30 → 13 << 11 | 45 << 5 | 30 >> 1 = 26624 + 1440 + 15 = 28079.
    expect(dosTime(new Date(Date.UTC(2012, 11, 31, 13, 45, 30))).time).toBe(28079);
  });
});
