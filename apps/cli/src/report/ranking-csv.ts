// The ranking as CSV for a spreadsheet: UTF-8 with a BOM (so Excel reads Chinese), CRLF lines,
// every field quoted, and text a spreadsheet would run as a formula neutralised.
import { rankingText as T } from '../i18n/ranking.ts';
import type { Output } from '../io/output.ts';
import { lossText, type RankingRow } from './ranking.ts';

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
/** What starts a formula or a DDE call in Excel or LibreOffice (OWASP, CSV injection). */
const FORMULA_START = /^(?:[=+\-@\t\r]|\s+[=+\-@])/;

/**
 * One CSV field. Text that starts like a formula (= + - @, a tab or a carriage return) gets a
 * leading apostrophe so the spreadsheet shows it as text (OWASP's advice); a plain number
 * ("-2.5") is left as it is, since no spreadsheet runs it. Quotes are doubled, and the field
 * is always quoted, so a comma or line break inside stays inside.
 */
export function csvField(value: string): string {
  const text = !PLAIN_NUMBER.test(value) && FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** `missing`: units on the roster that returned no workbook, last, as 未上报 with no total. */
export function rankingCsv(
  rows: readonly RankingRow[],
  out: Output,
  missing: readonly { id: string; name: string }[] = [],
): string {
  const header = [T.rank, T.tied, T.unitId, T.unit, T.total, T.max, T.grade, T.veto, T.complete]
    .map((m) => out.text(m))
    .concat(out.text(T.losses));
  const yes = (b: boolean): string => out.text(b ? T.yes : T.no);
  const lines = rows.map((r) => [
    String(r.rank),
    r.tied ? out.text(T.yes) : '',
    r.unitId,
    r.name,
    r.total,
    r.max,
    r.grade ? out.text(r.grade) : '',
    r.vetoed ? out.text(T.vetoed) : r.noCommendation ? out.text(T.noCommendation) : '',
    yes(r.complete),
    r.losses.map((l) => lossText(l, out)).join(out.lang === 'en' ? '; ' : ';'),
  ]);
  for (const m of missing)
    lines.push([out.text(T.notReturned), '', m.id, m.name, '', '', '', '', '', '']);
  return `\uFEFF${[header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
