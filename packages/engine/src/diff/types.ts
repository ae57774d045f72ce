import type { Msg } from '../model/result.ts';

/** Business-level effect of a change on the assessed units. */
export type Direction = 'tightened' | 'loosened';

export type ChangeKind =
  | 'identity'
  | 'policy'
  | 'rounding'
  | 'points'
  | 'points-moved'
  | 'section-added'
  | 'section-removed'
  | 'item-added'
  | 'item-removed'
  | 'item-renamed'
  | 'item-renumbered'
  | 'rule'
  | 'slope'
  | 'stream'
  | 'gate'
  | 'applicable'
  | 'input-added'
  | 'input-removed'
  | 'input-changed'
  | 'derived-added'
  | 'derived-removed'
  | 'derived-changed'
  | 'sanction-added'
  | 'sanction-removed'
  | 'sanction-changed'
  | 'counter'
  | 'deadline'
  | 'certifier'
  | 'amount'
  | 'grades'
  | 'ranking'
  | 'bonus';

export interface Change {
  kind: ChangeKind;
  /** Indicator path ("二.1"), or the field of the rule set ("grades.bands.adv.maxShare"). */
  path: string;
  direction?: Direction;
  /** 「二.1 符合政策生育率:下限由 92% 提高到 93%(收紧)」 */
  message: Msg;
  from?: string;
  to?: string;
}

export interface RuleSetDiff {
  from: { id: string; year: number; edition: number };
  to: { id: string; year: number; edition: number };
  changes: Change[];
  summary: Msg;
}
