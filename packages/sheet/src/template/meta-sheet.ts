// The meta sheet: the rule set (canonical JSON, chunked under Excel's 32,767-character cell
// limit), its id, edition and checksum, and the layout version. Very hidden in xlsx.
import { LAYOUT_VERSION, META_CHUNK, META_MARKER } from '../labels.ts';
import type { Grid, SheetLayout } from '../types.ts';

export interface MetaFields {
  ruleSetId: string;
  edition: number;
  checksum: string;
  scoringSheet: string;
  dataSheet: string;
  /** The case table's name, when the rules declare `cases` inputs. */
  casesSheet?: string;
}

export function chunk(text: string, size = META_CHUNK): string[] {
  const out: string[] = [];
  // Split on code points, so a surrogate pair is never cut in two.
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length ? out : [''];
}

/** `signature`: the signed edition's envelope (JSON) when the rules are a published edition;
 *  `prefill`: the unit's signed prefill envelope (JSON);
 *  `history`: the unit's certification records (canonical JSON), chunked like the rules;
 *  `counters`: the unit's counts of the periods before (canonical JSON), chunked the same. */
export function buildMetaSheet(
  name: string,
  fields: MetaFields,
  json: string,
  signature?: string,
  prefill?: string,
  history?: string,
  counters?: string,
): SheetLayout {
  const parts = chunk(json);
  const values: Grid = [
    [META_MARKER, String(LAYOUT_VERSION)],
    ['ruleSetId', fields.ruleSetId],
    ['edition', String(fields.edition)],
    ['checksum', fields.checksum],
    ['scoringSheet', fields.scoringSheet],
    ['dataSheet', fields.dataSheet],
    ...(fields.casesSheet === undefined ? [] : [['casesSheet', fields.casesSheet]]),
    ['chunks', String(parts.length)],
    ...parts.map((p): [string, string] => ['json', p]),
    // After the chunks, so a reader of an older layout that lists rows by position is unmoved.
    ...(signature === undefined ? [] : [['signature', signature] as [string, string]]),
    // The unit's signed prefill (its targets and baselines), after the edition's signature.
    ...(prefill === undefined ? [] : [['prefill', prefill] as [string, string]]),
    ...(history === undefined ? [] : chunk(history).map((p): [string, string] => ['history', p])),
    ...(counters === undefined
      ? []
      : chunk(counters).map((p): [string, string] => ['counters', p])),
  ];
  return {
    name,
    role: 'meta',
    state: 'veryHidden',
    values,
    widths: [14, 60],
    wrap: [],
    merges: [],
    cells: values.map((_, row) => ({
      row,
      col: 1,
      kind: 'value' as const,
      format: 'text' as const,
    })),
  };
}
