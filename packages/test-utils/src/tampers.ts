// The tamper matrix of issue 15 ("Figures for your note"), defined once for every app that must
// catch it (`kaohe verify` / `review` and the task pane): the rules the signed, prefilled
// workbooks carry, and each tamper done to a workbook's sheets as plain grids, as a unit could do
// it in a spreadsheet program. The CLI applies them to .xlsx files (through ExcelJS), the pane to
// the sheets it reads. Plain data: no dependency on the codec; the caller gives the sheet names
// and the hash.

/** A sheet as a grid (0-based rows and columns), changed in place by a tamper. */
export interface TamperSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  values: unknown[][];
}

/** Rules with an assigned target (责任指标) and a threshold to edit. */
export const tamperRules = (edition: number) => ({
  schemaVersion: 1 as const,
  id: 'tamper',
  title: '人口计生目标管理责任制考核',
  issuer: '某市人民政府',
  level: '县',
  year: 2013,
  edition,
  rounding: { scores: { dp: 2, mode: 'half-up' as const } },
  points: 10,
  inputs: [
    { id: 'target', label: '出生人数控制指标', unit: '人' as const, source: 'assigned' as const },
    { id: 'births', label: '出生人数', unit: '人' as const },
    { id: 'rate', label: '符合政策生育率', unit: '%' as const },
  ],
  sections: [
    {
      code: '一',
      title: '人口控制',
      points: 10,
      items: [
        {
          code: '1',
          title: '出生人数',
          points: 5,
          rule: { kind: 'expr' as const, score: 'births <= target ? 5 : 0' },
        },
        {
          code: '2',
          title: '符合政策生育率',
          points: 5,
          rule: { kind: 'threshold' as const, value: 'rate', op: '>=' as const, target: 90 },
        },
      ],
    },
  ],
});

/** The tampers done to a workbook (the two key tampers are the trust list's: see KEY_TAMPERS). */
export const TAMPERS = [
  'threshold',
  'threshold+checksum',
  'signature-from-other-edition',
  'meta-deleted',
  'meta-unhidden',
  'target-changed',
  'other-edition-meta',
] as const;
export type Tamper = (typeof TAMPERS)[number];

/** The untouched workbook read with a trust list that holds its key for other years only, or
 *  that revokes it. */
export const KEY_TAMPERS = ['key-expired', 'key-revoked'] as const;

export interface TamperContext {
  /** The sheet names the workbooks use (the codec's SHEET_NAMES). */
  sheets: { meta: string; data: string };
  /** The same unit's workbook of another edition of the rules, signed with the same key. */
  otherEdition: readonly TamperSheet[];
  /** The data sheet's 0-based column of the figures (填报值). */
  valueColumn: number;
  sha256Hex: (text: string) => string;
}

/** The threshold as embedded (canonical JSON) and as the unit loosens it. */
const THRESHOLD = { from: '"target":90', to: '"target":80' };
/** The assigned target raised: more births allowed (issued as 1000 + the unit's number). */
export const RAISED_TARGET = 2000;

const sheetOf = (sheets: readonly TamperSheet[], name: string): TamperSheet => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const rowOf = (sheet: TamperSheet, key: string): unknown[] => {
  const row = sheet.values.find((r) => r[0] === key);
  if (!row) throw new Error(`no ${key} in ${sheet.name}`);
  return row;
};
/** The checksum as the scoring sheet's header shows it: its first 12 digits in groups of four. */
const shown = (hex: string) => (hex.slice(0, 12).match(/.{4}/g) ?? []).join(' ');

function editThreshold(sheets: TamperSheet[], ctx: TamperContext, recompute: boolean): void {
  const meta = sheetOf(sheets, ctx.sheets.meta);
  const chunks = meta.values.filter((r) => r[0] === 'json');
  const hit = chunks.find((r) => String(r[1]).includes(THRESHOLD.from));
  if (!hit) throw new Error('the threshold is not in one chunk');
  hit[1] = String(hit[1]).replace(THRESHOLD.from, THRESHOLD.to);
  if (!recompute) return;
  // A careful forger: the checksum recomputed, in the meta sheet and the scoring sheet's header.
  const sum = rowOf(meta, 'checksum');
  const before = String(sum[1]);
  const after = ctx.sha256Hex(chunks.map((r) => String(r[1])).join(''));
  sum[1] = after;
  for (const sheet of sheets)
    for (const r of sheet.values)
      r.forEach((v, i) => {
        if (v === shown(before)) r[i] = shown(after);
      });
}

/** Does `tamper` to the workbook's sheets, in place. */
export function applyTamper(tamper: Tamper, sheets: TamperSheet[], ctx: TamperContext): void {
  const meta = () => sheetOf(sheets, ctx.sheets.meta);
  const otherMeta = () => sheetOf(ctx.otherEdition, ctx.sheets.meta);
  switch (tamper) {
    case 'threshold':
      return editThreshold(sheets, ctx, false);
    case 'threshold+checksum':
      return editThreshold(sheets, ctx, true);
    case 'signature-from-other-edition':
      rowOf(meta(), 'signature')[1] = rowOf(otherMeta(), 'signature')[1];
      return;
    case 'meta-deleted':
      sheets.splice(sheets.indexOf(meta()), 1);
      return;
    case 'meta-unhidden':
      meta().state = 'visible';
      return;
    case 'target-changed':
      rowOf(sheetOf(sheets, ctx.sheets.data), 'target')[ctx.valueColumn] = RAISED_TARGET;
      return;
    case 'other-edition-meta':
      // The whole sheet pasted over: every cell of the other edition's, nothing of its own left.
      meta().values = otherMeta().values.map((r) => [...r]);
      return;
  }
}
