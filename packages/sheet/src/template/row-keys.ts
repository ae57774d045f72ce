// The keyed rows of the scoring sheet, from the rule set alone: what the reader expects to find,
// in order. Paths follow the engine's ("一.1.(2)", "加分.1"); a test holds them to the template.
import { msgOf, type CompiledRuleSet, type Indicator, type Msg, type RuleSet } from '@kaohe/engine';
import { fmt, NO_POINTS_MARK } from '@kaohe/engine/internal';
import { ROW_KEYS } from '../labels.ts';
import type { RowKind } from '../types.ts';

type Text = Parameters<typeof msgOf>[0];

/** A keyed row of the scoring sheet: its key (the engine's path; a sanction's `否决.<id>`), what
 *  its 序号 cell says (the key, but `否决.1`, `否决.2`… for the sanctions in their declared order:
 *  an id is not for people) and how a message names it (`一.1 符合政策生育率`, `否决.1「…」`). */
export interface RowKey {
  key: string;
  kind: RowKind;
  cell: string;
  caption: Msg;
}

/** The 序号 of the n-th sanction (0-based): `否决.1`. */
export const sanctionCell = (index: number): string => `${ROW_KEYS.sanctions}.${index + 1}`;

export function rowKeys(ruleSet: RuleSet): RowKey[] {
  const out: RowKey[] = [];
  const row = (key: string, kind: RowKind, title?: Text, cell = key): void => {
    const t = title === undefined ? undefined : msgOf(title);
    out.push({
      key,
      kind,
      cell,
      caption: t ? { zh: `${cell} ${t.zh}`, en: `${cell} ${t.en}` } : { zh: cell, en: cell },
    });
  };
  const items = (list: readonly Indicator[], prefix: string, kind: 'item' | 'bonus-item'): void => {
    for (const item of list) {
      const key = `${prefix}.${item.code}`;
      row(key, kind, item.title);
      items(item.items ?? [], key, kind);
    }
  };
  for (const s of ruleSet.sections) {
    row(s.code, 'section', s.title);
    items(s.items, s.code, 'item');
  }
  if (ruleSet.bonus) {
    row(ROW_KEYS.bonus, 'bonus');
    items(ruleSet.bonus.items, ROW_KEYS.bonus, 'bonus-item');
  }
  if (ruleSet.sanctions.length) {
    row(ROW_KEYS.sanctions, 'sanctions');
    ruleSet.sanctions.forEach((s, i) => {
      const cell = sanctionCell(i);
      const m = msgOf(s.reason);
      out.push({
        key: `${ROW_KEYS.sanctions}.${s.id}`,
        kind: 'sanction',
        cell,
        caption: { zh: `${cell}「${m.zh}」`, en: `${cell} "${m.en}"` },
      });
    });
  }
  row(ROW_KEYS.total, 'total');
  return out;
}

/** Row key → how a person reads the row (for messages, the 差异 sheet, the pane, the CLI). */
export function rowCaptions(ruleSet: RuleSet): Map<string, Msg> {
  return new Map(rowKeys(ruleSet).map((r) => [r.key, r.caption]));
}

/** What a row is worth as declared, the 分值 the forms print: '按类别' when it depends on the class,
 *  '不设上限' for a bonus item or bonus total without a cap (`points: 'uncapped'`, `cap: 'none'`),
 *  '—' for an item without points of its own (it deducts from its section's: `points: 'none'`). */
export type DeclaredPoints = number | '按类别' | '不设上限' | '—' | null;

export function declaredPoints(
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
): Map<string, DeclaredPoints> {
  const num = (v: string | number | null | undefined): number | null =>
    v === null || v === undefined ? null : Number(v);
  const out = new Map<string, DeclaredPoints>();
  for (const [path, item] of compiled.byPath)
    out.set(
      path,
      item.pool
        ? NO_POINTS_MARK
        : item.uncapped
          ? '不设上限'
          : item.pointsByClass
            ? '按类别'
            : Number(fmt(item.points)),
    );
  for (const s of ruleSet.sections) out.set(s.code, num(s.points));
  if (ruleSet.bonus)
    out.set(ROW_KEYS.bonus, ruleSet.bonus.cap === 'none' ? '不设上限' : num(ruleSet.bonus.cap));
  out.set(ROW_KEYS.total, num(ruleSet.points));
  return out;
}
