import type { IndicatorStatus, Msg, UnitResult } from '../model/result.ts';

export interface FailingClause {
  /** Clause path ("三.2") or, for a veto, "sanctions.<id>". */
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
  /** Who certifies, by the grade sought (rule sets with `certifiedBy`); null when none applies. */
  certifiedBy?: Msg | null;
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
