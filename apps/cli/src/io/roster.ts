// A roster file (.xlsx or .csv) → its grid → @kaohe/sheet's readRoster. Only the decoding is
// here: which sheet, which text encoding, CSV's quoting. Every problem keeps its cell, named with
// the file ("units.xlsx 单位名单!D7", "units.csv D7").
import { parseString } from '@fast-csv/parse';
import type { RuleSet } from '@kaohe/engine';
import { a1, cellRef, readRoster, type RosterRead, type SheetGrid } from '@kaohe/sheet';
import { DEFAULT_LIMITS } from '@kaohe/xlsx';
import type { Msg } from '@kaohe/engine';
import { CliError } from '../errors.ts';
import { rosterText } from '../i18n/roster.ts';
import { readBytes } from './files.ts';
import { decodeWorkbook } from './workbook.ts';

export interface RosterFile {
  read: RosterRead;
  /** Said once about the file (the text encoding it was read in). */
  notes: Msg[];
}

/** UTF-8 (with or without its BOM), UTF-16 with its BOM, else GB18030 — said so. */
function decodeText(bytes: Uint8Array, shown: string): { text: string; notes: Msg[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notes: [] };
  try {
    // The decoder drops a UTF-8 BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  // Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK (GB18030 is its superset).
  try {
    return {
      text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
      notes: [rosterText.gb18030(shown)],
    };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    throw new CliError('input-corrupt', rosterText.badEncoding(shown));
  }
}

function parseCsv(text: string, shown: string): Promise<string[][]> {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !first.includes(',') && first.includes('\t') ? '\t' : ',';
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter, ignoreEmpty: false })
      .on('error', (e: Error) =>
        reject(new CliError('input-corrupt', rosterText.badCsv(shown, e.message))),
      )
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

/** Reads a roster for the rules it prefills; issues name the file and the cell. */
export async function readRosterFile(
  path: string,
  shown: string,
  ruleSet: RuleSet,
): Promise<RosterFile> {
  const bytes = await readBytes(path, shown, DEFAULT_LIMITS.maxFileBytes);
  if (/\.csv$/i.test(shown) || /\.txt$/i.test(shown)) {
    const { text, notes } = decodeText(bytes, shown);
    const rows = await parseCsv(text, shown);
    const grid: SheetGrid = {
      name: 'csv',
      values: rows.map((r) => r.map((c) => (c.trim() === '' ? null : c))),
    };
    return { read: readRoster(grid, ruleSet, (row, col) => `${shown} ${a1(row, col)}`), notes };
  }
  const sheets = (await decodeWorkbook(bytes, shown)).filter((s) => s.state !== 'veryHidden');
  // The first sheet that has a roster's header row (a clerk's workbook may hold a cover sheet).
  const reads = sheets.map((s) =>
    readRoster(s, ruleSet, (row, col) => `${shown} ${cellRef(s.name, row, col)}`),
  );
  const found =
    reads.find((r) => !r.issues.some((i) => i.code === 'roster-header-missing')) ?? reads[0];
  if (!found) throw new CliError('input-corrupt', rosterText.badCsv(shown, 'no sheet'));
  return { read: found, notes: [] };
}
