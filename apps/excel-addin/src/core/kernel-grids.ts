// From what the ports read (used ranges, any origin; sheets renamed by Excel on import) to what
// @kaohe/sheet reads (grids from A1, under the names the meta sheet records).
import { SHEET_NAMES, type SheetGrid as CodecGrid } from '@kaohe/sheet';
import type { SheetGrid } from './workbook-port.ts';

/** The used range placed back at A1: rows and columns before it become blanks. */
export function fromA1(grid: SheetGrid): CodecGrid {
  const pad = (row: readonly (string | number | boolean | null)[]) => [
    ...Array<null>(grid.left).fill(null),
    ...row,
  ];
  const values = [
    ...Array.from({ length: grid.top }, () => [] as (string | number | boolean | null)[]),
    ...grid.values.map(pad),
  ];
  const formats = [
    ...Array.from({ length: grid.top }, () => [] as string[]),
    ...grid.numberFormats.map((r) => [...Array<string>(grid.left).fill('General'), ...r]),
  ];
  return {
    name: grid.name,
    values,
    numberFormats: formats,
    ...(grid.state ? { state: grid.state } : {}),
  };
}

/**
 * One unit's workbook inside the open one. Excel renames sheets that come in under a taken
 * name: "考核评分" → "考核评分 (2)". Sheets sharing a suffix came from the same file.
 */
export interface SheetGroup {
  /** "" for the workbook's own sheets, " (2)", " (3)"… for imported ones. */
  suffix: string;
  /** Actual sheet name → the name the meta sheet knows it by. */
  actual: Map<string, string>;
}

// Excel's " (2)" on a taken name, or the unit name the pane gives imported sheets (kernel-import.ts).
const SUFFIX = / \(([^()]+)\)$/;
const BASES: readonly string[] = [
  SHEET_NAMES.scoring,
  SHEET_NAMES.data,
  SHEET_NAMES.cases,
  SHEET_NAMES.meta,
];

export function suffixOf(name: string): { base: string; suffix: string } {
  const m = SUFFIX.exec(name);
  return m ? { base: name.slice(0, m.index), suffix: m[0] } : { base: name, suffix: '' };
}

/**
 * Groups of scoring / data / meta sheets, by suffix. With `withoutMeta`, imported groups whose
 * meta sheet did not come along (it is very hidden) are kept too, if they have a scoring sheet.
 */
export function groupSheets(names: readonly string[], withoutMeta = false): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const name of names) {
    const { base, suffix } = suffixOf(name);
    if (!BASES.includes(base)) continue;
    const group = groups.get(suffix) ?? { suffix, actual: new Map<string, string>() };
    group.actual.set(name, base);
    groups.set(suffix, group);
  }
  const has = (g: SheetGroup, base: string) => [...g.actual.values()].includes(base);
  return [...groups.values()].filter(
    (g) =>
      has(g, SHEET_NAMES.meta) || (withoutMeta && g.suffix !== '' && has(g, SHEET_NAMES.scoring)),
  );
}

export function hasMeta(group: SheetGroup): boolean {
  return [...group.actual.values()].includes(SHEET_NAMES.meta);
}

/** The group's grids under their original names, for readSheet. */
export function gridsOf(group: SheetGroup, grids: readonly SheetGrid[]): CodecGrid[] {
  return grids
    .filter((g) => group.actual.has(g.name))
    .map((g) => ({ ...fromA1(g), name: group.actual.get(g.name) ?? g.name }));
}

/** Back from original names to the sheets as they are called in this workbook. */
export function actualName(group: SheetGroup, original: string): string {
  for (const [actual, base] of group.actual) if (base === original) return actual;
  return original;
}

/** "考核评分!F7" → "考核评分 (2)!F7" (addresses from the codec name their sheet). */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, cell: address };
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replaceAll("''", "'");
  return { sheet, cell: address.slice(bang + 1) };
}
