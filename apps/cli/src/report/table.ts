// A plain text table for a terminal: columns padded by display width, so Chinese (two cells a
// character) lines up with digits and Latin text.
import stringWidth from 'string-width';
import { safeText } from '../io/safe-text.ts';

type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Rows of cells under the headers, two spaces between columns, no trailing spaces. A cell is
 * one line whatever it holds: its controls and line feeds are escaped.
 */
export function formatTable(
  columns: readonly Column[],
  cellRows: readonly (readonly string[])[],
): string {
  const rows = cellRows.map((r) => r.map((cell) => safeText(cell)));
  const widths = columns.map((c, i) =>
    Math.max(stringWidth(c.header), ...rows.map((r) => stringWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i] ?? 0, c.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}
