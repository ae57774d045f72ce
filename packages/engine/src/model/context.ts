// What a unit's score may need from its cohort: peer baselines and ranks.
// scoreCohort computes it in a first pass over all units; scoreUnit only reads it.
import type { Q } from '../exact/exact.ts';

export type PeerStat = 'mean' | 'max' | 'min';

export interface PeerStats {
  /** A statistic of one input over the units that reported it; undefined if none did. */
  stat(kind: PeerStat, inputId: string): Q | undefined;
  /**
   * The unit's place for a `rank` rule at indicator `path`: 1-based rank (ties shared),
   * the leader's value and the number of ranked units; undefined if the unit is not ranked.
   */
  rank(path: string, unitId: string): { rank: number; leader: Q; count: number } | undefined;
}

export interface ScoreContext {
  peers?: PeerStats;
  /** Interface language of `reason` texts is always both; this picks nothing else today. */
}
