// A unit's grade outcome and its notes: shared by grading (assign.ts) and quotas (quota.ts), in a
// file of its own so the two do not import each other.
import type { Msg } from '../model/result.ts';

export interface GradeOutcome {
  id: string;
  /** Band id, or null when the unit is out of the grades or its grade is pending. */
  grade: string | null;
  /** True when the unit is incomplete: no grade yet (待定), out of the shares and quotas. */
  pending?: boolean;
  /** Why the grade differs from what the total alone gives (cap, quota, veto). Outcomes
   *  without a note share one frozen empty list. */
  notes: readonly Msg[];
}

/** The one frozen empty note list that outcomes without a note share. */
export const NO_NOTES: readonly Msg[] = Object.freeze([]);

/** Adds a note to an outcome (most have none: they share NO_NOTES until the first). */
export function addNote(outcome: GradeOutcome, msg: Msg): void {
  if (outcome.notes === NO_NOTES) outcome.notes = [msg];
  else (outcome.notes as Msg[]).push(msg);
}
