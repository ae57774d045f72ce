// The keyed rows of the scoring sheet, from the rule set alone: what the reader expects to find,
// in order. Paths follow the engine's ("一.1.(2)", "加分.1"); a test holds them to the template.
import type { Indicator, RuleSet } from '@kaohe/engine';
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
