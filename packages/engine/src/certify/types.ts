import type { IndicatorStatus, Msg, UnitResult } from '../model/result.ts';

export interface FailingClause {
  /** Clause path ("三.2"), for a veto "sanctions.<id>", for a score cut-off not reached
   *  "certificationGrades.<grade id>", for a grade sought not given "certificationGrades.sought". */
  path: string;
  title: Msg;
  /** 'undecided': a veto that cannot be decided (an input it reads is blank) — no pass on it. */
  status: IndicatorStatus | 'vetoed' | 'undecided';
  reason: Msg;
}

export interface CertificationRecord {
  unitId: string;
  ruleSetId: string;
  edition: number;
  /** ISO date of the assessment. */
  assessedOn: string;
  /** 1 for the first assessment of the unit under this rule set, 2 for the re-assessment… */
  attempt: number;
  passed: boolean;
  failing: FailingClause[];
  /** ISO date by which the unit must rectify (assessedOn + rectificationDays); null if passed. */
  rectifyBy: string | null;
  /** Who certifies, by the grade sought (rule sets with `certifiedBy`); null when none applies.
   *  With `certificationGrades`: who certifies at the grade certified, or at the grade sought. */
  certifiedBy?: Msg | null;
  /** With `certificationGrades`: the grade certified (null when not certified). */
  grade?: string | null;
  gradeLabel?: Msg | null;
  /** With `certificationGrades`: the highest grade the total reaches, clauses aside (null: none,
   *  or the total cannot be judged). */
  reached?: string | null;
  /** With `certificationGrades` and a declared `sought` input: the grade the unit applied for. */
  sought?: string | null;
}

export interface CertificationOutcome {
  record: CertificationRecord;
  /** Earlier records, kept as given, followed by this one. */
  history: CertificationRecord[];
  result: UnitResult;
  summary: Msg;
}

export interface CertifyOptions {
  /** ISO date of this assessment, passed in (never read from a clock). */
  assessedOn: string;
  history?: readonly CertificationRecord[];
}
