// Hostile workbooks, generated in memory from a good one (nothing large is committed): zip
// bombs of several shapes, sheets too large to build, stray entries. Shared by the guard tests,
// the memory tests (in a child process) and the fuzzer.
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The good workbook's entries plus `extra` (level 9: bombs compress as far as they go). */
export function withEntries(good: Uint8Array, extra: Zippable): Uint8Array {
  return zipSync({ ...unzipSync(good), ...extra }, { level: 9 });
}

export function crc32(data: Uint8Array): number {
  let crc = ~0;
  for (const b of data) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

interface RawEntry {
  name: string;
  /** Deflated data (method 8). */
  data: Uint8Array;
  crc: number;
  /** The uncompressed size written into the headers (a liar may say less). */
  size: number;
}

/** A zip of already-deflated entries: each bomb entry is compressed once, however many copies. */
function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, 8, true);
    l.setUint32(14, e.crc, true);
    l.setUint32(18, e.data.length, true);
    l.setUint32(22, e.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, 8, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.data.length, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, Math.min(entries.length, 0xffff), true);
  v.setUint16(10, Math.min(entries.length, 0xffff), true);
  v.setUint32(12, dirSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end])
    out.set(part, (at += part.length) - part.length);
  return out;
}

/** A workbook's entries as raw (deflated) entries, to mix with crafted ones. */
function rawEntries(good: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(good)).map(([name, data]) => ({
    name,
    data: deflateSync(data),
    crc: crc32(data),
    size: data.length,
  }));
}

/** `count` entries of zeros just under 1 MiB each (each under the per-entry ratio check). */
export function manyNearMiB(good: Uint8Array, count: number): Uint8Array {
  const zeros = new Uint8Array(2 ** 20 - 16);
  const one = { data: deflateSync(zeros, { level: 9 }), crc: crc32(zeros), size: zeros.length };
  const extra = Array.from({ length: count }, (_, i) => ({
    ...one,
    name: `xl/media/image${1000 + i}.png`,
  }));
  return rawZip([...rawEntries(good), ...extra]);
}

/** `count` one-byte entries. */
export function manyTiny(good: Uint8Array, count: number): Uint8Array {
  const extra: Zippable = {};
  for (let i = 0; i < count; i++) extra[`x/e${i}.txt`] = strToU8('a');
  return zipSync({ ...unzipSync(good), ...extra }, { level: 0 });
}

/** Sheet XML with `rows` rows of `cols` numeric cells (pseudo-random, so it compresses ~5:1). */
export function sheetXml(rows: number, cols: number, cellsInRows = true): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let seed = 7;
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    if (cellsInRows)
      for (let c = 0; c < cols; c++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        row += `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${seed % 100000}</v></c>`;
      }
    parts.push(`${row}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** The good workbook with its first sheet replaced by `xml` (deflated at a fast level). */
export function withSheet(good: Uint8Array, xml: string): Uint8Array {
  const entries = unzipSync(good);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries))
    out[name] = name === 'xl/worksheets/sheet1.xml' ? [strToU8(xml), { level: 1 }] : data;
  return zipSync(out);
}

/** Sheet XML with one inline-string cell of `bytes` random letters (compresses only ~1.6:1). */
export function textSheetXml(bytes: number): string {
  const letters = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    letters[i] = 97 + ((x >>> 0) % 26);
  }
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${new TextDecoder().decode(letters)}</t></is></c></row></sheetData></worksheet>`;
}
