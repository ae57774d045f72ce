// A template as the grids a spreadsheet would give back: values, the number formats the hints
// ask for (so a percent cell reads as one) and sheet states. For previews, tests and
// in-memory workbooks.
import { NUMBER_FORMATS } from '../formats.ts';
import type { SheetGrid, Template } from '../types.ts';

export function templateGrids(template: Pick<Template, 'sheets'>): SheetGrid[] {
  return template.sheets.map((s) => {
    const numberFormats = s.values.map((row) => row.map((): string | null => null));
    for (const h of s.cells) {
      const line = numberFormats[h.row];
      if (h.format && line && h.col < line.length) line[h.col] = NUMBER_FORMATS[h.format];
    }
    return { name: s.name, values: s.values.map((r) => [...r]), numberFormats, state: s.state };
  });
}
