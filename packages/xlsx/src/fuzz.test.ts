// Fuzzing the file boundary: a good workbook damaged at random (bytes overwritten, cut short,
// zip header fields rewritten, directory entries repeated, sheets replaced by random markup)
// must be read or refused with the adapter's typed error: never another exception, never a
// hang, and never past the guard's bounds. Fixed seed, bounded runs; `pnpm fuzz:files` runs
// many more (KAOHE_FUZZ_RUNS, KAOHE_FUZZ_SEED).
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { template } from './__tests__/fixture.ts';
import { XlsxError } from './errors.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';
import { zipEntries } from './zip.ts';

const RUNS = Number(process.env.KAOHE_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.KAOHE_FUZZ_SEED ?? 20261201);

const good = await writeTemplateWorkbook(template());
const entries = zipEntries(good);

type Mutation =
  | { kind: 'bytes'; at: number[]; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'field'; entry: number; offset: number; value: number; central: boolean }
  | { kind: 'repeat'; entry: number; times: number }
  | { kind: 'sheet'; xml: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.array(fc.nat(good.length - 1), { minLength: 1, maxLength: 8 }),
    value: fc.nat(255),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(good.length - 1) }),
  fc.record({
    kind: fc.constant('field' as const),
    entry: fc.nat(entries.length - 1),
    // Header fields: flags, method, time, crc, sizes, name/extra lengths, offset.
    offset: fc.constantFrom(6, 8, 10, 14, 18, 22, 26, 28, 42),
    value: fc.oneof(fc.nat(0xffff), fc.constant(0xffffffff), fc.nat()),
    central: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    entry: fc.nat(entries.length - 1),
    times: fc.integer({ min: 2, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('sheet' as const),
    xml: fc.stringMatching(
      /^(<(x:)?(c|row|v|si|sheetData)( r="[A-Z]?\d{0,7}")?\/?>|<\/c>|[a-z0-9 &;<>"_]){0,200}$/,
    ),
  }),
);

function apply(m: Mutation): Uint8Array {
  const out = good.slice();
  const v = new DataView(out.buffer);
  switch (m.kind) {
    case 'bytes':
      for (const at of m.at) out[at] = m.value;
      return out;
    case 'cut':
      return out.slice(0, m.at);
    case 'field': {
      const e = entries[m.entry]!;
      const base = m.central ? e.centralOffset : e.localOffset;
      // Central and local headers differ in layout: the same offsets hit different fields.
      const at = base + m.offset;
      if (m.value > 0xffff || [14, 18, 22, 42].includes(m.offset))
        v.setUint32(at, m.value >>> 0, true);
      else v.setUint16(at, m.value, true);
      return out;
    }
    case 'repeat': {
      // The same central directory entry listed again and again (overlapping entries).
      const e = entries[m.entry]!;
      const end = out.length - 22;
      const cd = v.getUint32(end + 16, true);
      const record = out.slice(e.centralOffset, entries[m.entry + 1]?.centralOffset ?? end);
      const dir = out.slice(cd, end);
      const grown = new Uint8Array(cd + dir.length + record.length * m.times + 22);
      grown.set(out.subarray(0, cd));
      grown.set(dir, cd);
      for (let i = 0; i < m.times; i++) grown.set(record, cd + dir.length + i * record.length);
      const tail = out.slice(end);
      const tv = new DataView(tail.buffer);
      tv.setUint16(8, entries.length + m.times, true);
      tv.setUint16(10, entries.length + m.times, true);
      tv.setUint32(12, dir.length + record.length * m.times, true);
      grown.set(tail, grown.length - 22);
      return grown;
    }
    case 'sheet': {
      const files = unzipSync(good);
      files['xl/worksheets/sheet1.xml'] = strToU8(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${m.xml}</sheetData></worksheet>`,
      );
      return zipSync(files);
    }
  }
}

describe('fuzzing damaged workbooks', () => {
  it(
    'every damaged workbook is read or refused with an XlsxError',
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const bytes = apply(m);
          try {
            const read = await readWorkbook(bytes);
            expect(Array.isArray(read.sheets)).toBe(true);
          } catch (e) {
            if (!(e instanceof XlsxError)) throw e;
          }
        }),
        { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 280_000 },
      );
    },
  );
});
