// Sheets brought in from units' workbooks are named after their unit: "考核评分 (青山区)",
// "基础数据 (青山区)", "kaohe_meta (青山区)", instead of Excel's "考核评分 (2)". The suffix keeps
// the group together (kernel-grids.ts groups by it), the unit name tells the reviewer whose it is.
import { SHEET_NAMES } from '@kaohe/sheet';
import { suffixOf, type SheetGroup } from './kernel-grids.ts';

const BASES: readonly string[] = [SHEET_NAMES.scoring, SHEET_NAMES.data, SHEET_NAMES.meta];

/** Excel's limit on a sheet name. */
const MAX_NAME = 31;

/**
 * A unit name as it can stand inside a sheet name: without the characters Excel refuses
 * (: \ / ? * [ ]), with round brackets made full-width (the suffix is the last "(…)"), no
 * apostrophe at either end, cut to `room` characters.
 */
export function sheetLabel(name: string, room: number): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, '_')
    .replaceAll('(', '(')
    .replaceAll(')', ')')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return [...clean].slice(0, Math.max(room, 1)).join('').trim();
}

/**
 * New names for one file's sheets, all with the same " (label)" suffix, none taken; a second
 * file of the same unit gets " (青山区 2)". Null when the unit name leaves no label.
 */
export function unitSheetNames(
  sheets: readonly string[],
  unitName: string,
  taken: ReadonlySet<string>,
): Map<string, string> | null {
  const bases = sheets.map((s) => suffixOf(s).base);
  const longest = Math.max(...bases.map((b) => [...b].length));
  for (let n = 1; n < 1000; n++) {
    const tail = n === 1 ? '' : ` ${n}`;
    const label = sheetLabel(unitName, MAX_NAME - longest - 3 - tail.length);
    if (!label) return null;
    const names = new Map(sheets.map((s, i) => [s, `${bases[i]} (${label}${tail})`]));
    const clash = [...names.values()].some((name) => taken.has(name) && !sheets.includes(name));
    if (!clash) return names;
  }
  return null;
}

/** One imported file's sheets as a group under its own suffix (Excel's, or none). */
export function importedGroup(sheets: readonly string[]): SheetGroup {
  const actual = new Map<string, string>();
  let suffix = '';
  for (const name of sheets) {
    const parts = suffixOf(name);
    if (!BASES.includes(parts.base)) continue;
    actual.set(name, parts.base);
    suffix = parts.suffix;
  }
  return { suffix, actual };
}
