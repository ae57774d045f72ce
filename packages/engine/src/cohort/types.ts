import type { AmountResult, Issue, Msg, UnitResult } from '../model/result.ts';
import type { BandSummary } from '../grades/assign.ts';
import type { PeerInputSummary } from './peers.ts';

export interface CohortUnit {
  unitId: string;
  name: string;
  /** 1-based place in the listing: ranking order, unit id last. */
  position: number;
  /** 1-based rank; equal units share it (shared: 1, 1, 3; dense: 1, 1, 2). */
  rank: number;
  tied: boolean;
  total: string;
  vetoed: boolean;
  noCommendation: boolean;
  complete: boolean;
  /** Grade band id; null when out of the grades, pending or the rule set has none. */
  grade: string | null;
  /** The band's label; 待定 (pending) for an incomplete unit, whose grade cannot be given yet. */
  gradeLabel: Msg | null;
  /** Why the grade differs from what the total alone gives (veto, cap, quota). */
  gradeNotes: readonly Msg[];
  /** Money carried as output with the amounts by grade given from this grade (scoreCohort);
   *  absent when the rule set declares none. */
  amounts?: AmountResult[];
  result: UnitResult;
}

export interface CohortResult {
  ruleSetId: string;
  edition: number;
  /** In listing order. */
  units: CohortUnit[];
  /** Statistics of the peer inputs (peer_mean / peer_max / peer_min), exact. */
  peers: Record<string, PeerInputSummary>;
  /** Per band, after quotas; null when the rule set declares no grades. */
  grades: { graded: number; bands: BandSummary[] } | null;
  /** Cohort-level problems (tie-breaks, quotas, baselines, duplicate units), sorted. */
  issues: Issue[];
}
