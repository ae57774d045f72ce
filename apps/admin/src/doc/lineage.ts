// Lineage: when next year's draft renames or renumbers an item, its code in the edition it was
// made from is kept in `formerly`, so that the diff (and next year's baselines) follow the item
// instead of seeing it removed and added. See the engine's rule model ("Lineage").
import type { Draft } from 'immer';
import { getAt, type Path } from './history.ts';
import type { Doc, Json } from './open.ts';

type Node = { [key: string]: Json };
const record = (v: Json | undefined): Node | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

/** A draft that is a new edition of the rules it was opened from: opened from a published
 *  edition, or of another year or edition than they (新一年度). Codes changed in it are lineage. */
export function isNewEdition(doc: Doc, base: Doc, fromEdition: boolean): boolean {
  return fromEdition || doc['year'] !== base['year'] || doc['edition'] !== base['edition'];
}

/** Every `formerly` dropped (新一年度): they name codes of the edition before the one copied. */
export function withoutLineage(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutLineage);
  const node = record(value);
  if (!node) return value;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== 'formerly')
      .map(([k, v]) => [k, withoutLineage(v)]),
  );
}

/**
 * A section's or item's code set to `code` in a new edition (`item` is its path): the code it
 * had in the edition (its published code) is recorded in `formerly` — once: renamed again, the
 * published code stays; renamed back to it, `formerly` goes. A `formerly` the item already had
 * in the edition itself (lineage to the year before) is not its published code and is replaced.
 */
export function setCode(
  item: Path,
  code: Json | undefined,
  base: Doc,
): (draft: Draft<Doc>) => void {
  return (draft) => {
    const node = record(getAt(draft, item));
    if (!node) return;
    const before = node['code'];
    const inherited = record(getAt(base, item))?.['formerly'];
    const recorded =
      typeof node['formerly'] === 'string' && node['formerly'] !== inherited
        ? node['formerly']
        : undefined;
    const published = recorded ?? before;
    if (code === undefined) delete node['code'];
    else node['code'] = code;
    if (typeof published === 'string' && published !== code) node['formerly'] = published;
    else delete node['formerly'];
  };
}
