// The keyed rows of the scoring sheet, from the rule set alone: what the reader expects to find,
// in order. Paths follow the engine's ("一.1.(2)", "加分.1"); a test holds them to the template.
import { type CompiledRuleSet, type Indicator, type RuleSet } from '@kaohe/engine';
import { fmt } from '@kaohe/engine/internal';
import { ROW_KEYS } from '../labels.ts';
import type { RowKind } from '../types.ts';

export function rowKeys(ruleSet: RuleSet): { key: string; kind: RowKind }[] {
  const out: { key: string; kind: RowKind }[] = [];
  const items = (list: readonly Indicator[], prefix: string, kind: 'item' | 'bonus-item'): void => {
    for (const item of list) {
      const key = `${prefix}.${item.code}`;
      out.push({ key, kind });
      items(item.items ?? [], key, kind);
    }
  };
  for (const s of ruleSet.sections) {
    out.push({ key: s.code, kind: 'section' });
    items(s.items, s.code, 'item');
  }
  if (ruleSet.bonus) {
    out.push({ key: ROW_KEYS.bonus, kind: 'bonus' });
    items(ruleSet.bonus.items, ROW_KEYS.bonus, 'bonus-item');
  }
  if (ruleSet.sanctions.length) {
    out.push({ key: ROW_KEYS.sanctions, kind: 'sanctions' });
    for (const s of ruleSet.sanctions)
      out.push({ key: `${ROW_KEYS.sanctions}.${s.id}`, kind: 'sanction' });
  }
  out.push({ key: ROW_KEYS.total, kind: 'total' });
  return out;
}

/** What a row is worth as declared, the 分值 the forms print: '按类别' when it depends on the class. */
export type DeclaredPoints = number | '按类别' | null;

export function declaredPoints(
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
): Map<string, DeclaredPoints> {
  const num = (v: string | number | null | undefined): number | null =>
    v === null || v === undefined ? null : Number(v);
  const out = new Map<string, DeclaredPoints>();
  for (const [path, item] of compiled.byPath)
    out.set(path, item.pointsByClass ? '按类别' : Number(fmt(item.points)));
  for (const s of ruleSet.sections) out.set(s.code, num(s.points));
  if (ruleSet.bonus) out.set(ROW_KEYS.bonus, num(ruleSet.bonus.cap));
  out.set(ROW_KEYS.total, num(ruleSet.points));
  return out;
}
