// The sign-off block under a printed form: 填报单位(盖章), 负责人, 填表人, 联系电话 and 日期,
// each a label and a blank line to write on. Its labels stay out of the key column, so the
// reader never takes them for keyed rows.
import type { GridBuilder } from './grid-builder.ts';

/** Where one label-and-blank pair sits: the label's column, then the blank's columns (merged). */
export interface SignSlot {
  label: number;
  from: number;
  to: number;
}

const SIGN_LABELS = {
  unit: '填报单位(盖章)',
  head: '负责人',
  filler: '填表人',
  phone: '联系电话',
  date: '日期',
} as const;

/** The stamp needs room: the 填报单位 row prints this tall; the others as a line to sign on. */
const STAMP_PT = 48;
const SIGN_PT = 28;

/**
 * Adds a blank row and the sign-off rows; `left` and `right` are the two pairs of each row.
 * Returns the rows added, with the heights they print at.
 */
export function addSignOff(
  g: GridBuilder,
  left: SignSlot,
  right: SignSlot,
  unitName: string | undefined,
): { row: number; height: number }[] {
  g.addRow();
  const rows: { row: number; height: number }[] = [];
  const pair = (row: number, slot: SignSlot, label: string, value: string | null): void => {
    g.set(row, slot.label, label);
    g.hint({ row, col: slot.label, kind: 'label' });
    g.set(row, slot.from, value);
    for (let c = slot.from; c <= slot.to; c++) g.hint({ row, col: c, kind: 'sign' });
    if (slot.to > slot.from) g.merge(row, slot.from, row, slot.to);
  };
  const r1 = g.addRow();
  pair(r1, left, SIGN_LABELS.unit, unitName ?? null);
  pair(r1, right, SIGN_LABELS.head, null);
  rows.push({ row: r1, height: STAMP_PT });
  const r2 = g.addRow();
  pair(r2, left, SIGN_LABELS.filler, null);
  pair(r2, right, SIGN_LABELS.phone, null);
  rows.push({ row: r2, height: SIGN_PT });
  const r3 = g.addRow();
  pair(r3, left, SIGN_LABELS.date, '      年    月    日');
  rows.push({ row: r3, height: SIGN_PT });
  return rows;
}

/** The printed footer's left part: the unit this form belongs to (a line to fill when blank). */
export function unitFooter(unitName: string | undefined): string {
  return `被考核单位:${unitName ?? '____________'}`;
}
