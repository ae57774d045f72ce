// Wording of changes: zh-CN first, English second, numbers shown in the figure's own unit.
import { q, tryQ, type Q } from '../exact/exact.ts';
import { show, showWithUnit } from '../messages/format.ts';
import type { Msg } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import type { Operand, Text } from '../schema/common.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import type { Change, ChangeKind, Direction } from './types.ts';

/** Where a change is: "二.1 符合政策生育率", or a field such as "等次「优秀」". */
export interface Where {
  path: string;
  label: Msg;
}

export type Sense = 'higher-tightens' | 'higher-loosens' | 'neutral';

const DIR: Record<Direction, Msg> = {
  tightened: { zh: '收紧', en: 'tightened' },
  loosened: { zh: '放宽', en: 'loosened' },
};

export function change(
  kind: ChangeKind,
  where: Where,
  detail: Msg,
  direction?: Direction,
  from?: string,
  to?: string,
): Change {
  const tail = direction
    ? { zh: `(${DIR[direction].zh})`, en: ` (${DIR[direction].en})` }
    : { zh: '', en: '' };
  return {
    kind,
    path: where.path,
    ...(direction ? { direction } : {}),
    message: {
      zh: `${where.label.zh}:${detail.zh}${tail.zh}`,
      en: `${where.label.en}: ${detail.en}${tail.en}`,
    },
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

export const points = (v: Q): Msg => ({
  zh: `${show(v)}分`,
  en: `${show(v)} point${show(v) === '1' ? '' : 's'}`,
});
export const plain = (v: Q): Msg => ({ zh: show(v), en: show(v) });

/** A constant operand as an exact value; undefined for an expression. */
export function constant(op: Operand | null | undefined): Q | undefined {
  if (op === null || op === undefined) return undefined;
  return typeof op === 'number' ? q(op) : tryQ(op);
}

function directionOf(sense: Sense, raised: boolean): Direction | undefined {
  if (sense === 'neutral') return undefined;
  return (sense === 'higher-tightens') === raised ? 'tightened' : 'loosened';
}

/** 「下限由 92% 提高到 93%」 / "floor raised from 92% to 93%"; undefined when equal. */
export function numChange(
  kind: ChangeKind,
  where: Where,
  name: Msg,
  a: Q,
  b: Q,
  sense: Sense,
  fmtValue: (v: Q) => Msg,
): Change | undefined {
  const c = a.compare(b);
  if (c === 0) return undefined;
  const raised = c < 0;
  const [va, vb] = [fmtValue(a), fmtValue(b)];
  const detail = {
    zh: `${name.zh}由 ${va.zh} ${raised ? '提高到' : '降低到'} ${vb.zh}`,
    en: `${name.en} ${raised ? 'raised' : 'lowered'} from ${va.en} to ${vb.en}`,
  };
  return change(kind, where, detail, directionOf(sense, raised), show(a), show(b));
}

/** An operand that may be an expression: numbers compare by size, expressions by text. */
export function operandChange(
  kind: ChangeKind,
  where: Where,
  name: Msg,
  a: Operand | undefined,
  b: Operand | undefined,
  sense: Sense,
  unit: InputUnit | undefined,
): Change | undefined {
  const [qa, qb] = [constant(a), constant(b)];
  if (qa && qb) return numChange(kind, where, name, qa, qb, sense, (v) => showWithUnit(v, unit));
  if (String(a ?? '') === String(b ?? '')) return undefined;
  const [ta, tb] = [
    qa ? showWithUnit(qa, unit) : { zh: String(a ?? '无'), en: String(a ?? 'none') },
    qb ? showWithUnit(qb, unit) : { zh: String(b ?? '无'), en: String(b ?? 'none') },
  ];
  return change(
    kind,
    where,
    {
      zh: `${name.zh}由「${ta.zh}」改为「${tb.zh}」`,
      en: `${name.en} changed from "${ta.en}" to "${tb.en}"`,
    },
    undefined,
    String(a ?? ''),
    String(b ?? ''),
  );
}

/** Generic "changed from … to …" for text, ids and settings. */
export function textChange(
  kind: ChangeKind,
  where: Where,
  name: Msg,
  a: string | undefined,
  b: string | undefined,
  direction?: Direction,
): Change | undefined {
  if (a === b) return undefined;
  return change(
    kind,
    where,
    {
      zh: `${name.zh}由「${a ?? '无'}」改为「${b ?? '无'}」`,
      en: `${name.en} changed from "${a ?? 'none'}" to "${b ?? 'none'}"`,
    },
    direction,
    a ?? '',
    b ?? '',
  );
}

/** A declared rounding as the diff shows it: 「2位/half-up」. */
export const roundingText = (r: { dp: number; mode: string } | undefined): string | undefined =>
  r ? `${r.dp}位/${r.mode}` : undefined;

/** A count that may be absent: compared as numbers when both editions give it, else said added
 *  (`added`: what adding it does) or removed (the other way). */
export function optionalCountChange(
  kind: ChangeKind,
  where: Where,
  name: Msg,
  a: number | string | undefined,
  b: number | string | undefined,
  sense: Sense,
  added: Direction,
): Change | undefined {
  if (a !== undefined && b !== undefined)
    return numChange(kind, where, name, q(a), q(b), sense, plain);
  const removed: Direction = added === 'tightened' ? 'loosened' : 'tightened';
  return textChange(
    kind,
    where,
    name,
    a?.toString(),
    b?.toString(),
    b === undefined ? removed : added,
  );
}

/** What an input and a case field both declare, compared alike: the label (as the document words
 *  it, in Chinese) and the unit. */
export function labelAndUnitChanges(
  where: Where,
  a: { label: Text; unit: string },
  b: { label: Text; unit: string },
): (Change | undefined)[] {
  return [
    textChange(
      'input-changed',
      where,
      { zh: '名称', en: 'label' },
      msgOf(a.label).zh,
      msgOf(b.label).zh,
    ),
    textChange('input-changed', where, { zh: '单位', en: 'unit' }, a.unit, b.unit),
  ];
}
