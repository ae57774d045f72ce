// What scoring returns. Plain JSON: decimals as canonical strings, text in zh-CN and en,
// so two runs on the same input serialise to the same bytes.

/** A message in both languages; zh-CN first. */
export interface Msg {
  zh: string;
  en: string;
}

/** An expected problem, as a value: where it is (rule path, input id or A1 cell) and what. */
export interface Issue {
  code: string;
  /** Rule-set path ("sections[1].items[0].rule.target") or indicator path ("二.1.(2)"). */
  path: string;
  message: Msg;
  severity: 'error' | 'warning';
  /** When the problem is inside an expression: where it starts, a 0-based character offset… */
  position?: number;
  /** …and the offset just past its end (exclusive). The message counts from 1 (第9–11个字符). */
  end?: number;
  inputId?: string;
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

/** A raw value of one input as the unit gave it, already decoded from the sheet. */
export type InputValue = string | number | boolean | null;

export interface UnitInput {
  /** Stable id of the assessed unit (used in rankings and the sheet header). */
  id: string;
  name: string;
  /** The unit's class (town / farm; class I/II/III) when the rule set declares classes. */
  class?: string;
  /** By input id. Numbers as numbers or plain decimal strings ("91.2"); yes/no as booleans;
   *  choices and text as strings; a blank is null or absent — never 0. */
  values: Record<string, InputValue | undefined>;
  /** By `cases` input id: the cases, one record a case, each by field id (values as in
   *  `values`; a blank is null or absent). Absent for an input: blank (missing unless the input
   *  declares `blankMeans: 0`); an empty list: no cases. */
  records?: Record<string, CaseRecord[]>;
  /** By input id: evidence supplied (true, or its description / file name). */
  evidence?: Record<string, boolean | string>;
  /** By counter id: the counts of the periods before this one (absent: none yet). */
  counters?: Record<string, PeriodCounts>;
  /** By input id (`source: 'carried'`): where the value carried in from another assessment came
   *  from, as `carriedInputs` gives it; the reasons of the items that read it quote it. */
  carried?: Record<string, CarriedIn>;
}

/** The rule set a carried amount comes from, as a reason names it. */
export interface CarriedSender {
  /** The sending rule set's id, as the receiving input's `from` names it. */
  ruleSetId: string;
  /** Its title, year and edition, as the receiving reason quotes them. */
  title: Msg;
  year: number;
  edition: number;
}

/** One sanction's amount carried into another scheme (form 42). */
export interface CarriedResult {
  /** The receiving rule set's id, and the input there that reads it. */
  to: string;
  /** The input there (`source: 'carried'`, `from` this rule set). */
  input: string;
  /** Signed points, canonical decimal (−10 deducts there); null while pending — never 0. */
  amount: string | null;
  /** The sender and the sanction that carries it (its level and reason, as the other scheme's
   *  reason quotes them). */
  from: CarriedSender & {
    sanctionId: string;
    level: SanctionResult['level'];
    reason: Msg;
  };
  /** Why it is pending: the sanction undecided, its amount not worked out. */
  pending?: Msg;
}

/** A carried input's provenance in the receiving scheme: each amount with its sanction, none
 *  (the sender's complete result says nothing is carried: 0), or why it is pending (blank). */
export interface CarriedIn {
  /** The rule set it came from. */
  sender: CarriedSender;
  /** The amounts of its holding sanctions that make up the value (none: 0). */
  amounts: { sanctionId: string; level: SanctionResult['level']; reason: Msg; amount: string }[];
  /** Why the value is blank: the unit's result there is incomplete, or a carry undecided. */
  pending?: Msg;
}

/** One case of a `cases` input: its fields' values by field id. */
export type CaseRecord = Record<string, InputValue | undefined>;

/** A counter's counts: periods in a row up to now, and periods in all. Whole numbers ≥ 0. */
export interface PeriodCounts {
  consecutive: number;
  cumulative: number;
}

export interface CounterResult extends PeriodCounts {
  id: string;
  label: Msg;
  /** Whether this period counts; null when it could not be decided (the counts carry over). */
  counts: boolean | null;
}

export type IndicatorStatus =
  | 'met'
  | 'partly-met'
  | 'not-met'
  | 'missing-input'
  /** A figure the rule needs cannot be worked out (a ratio whose denominator is 0). */
  | 'cannot-compute'
  | 'missing-evidence'
  | 'not-applicable'
  | 'gated';

export interface Adjustment {
  /** Signed canonical decimal: negative for a deduction, positive for a bonus/credit. */
  amount: string;
  reason: Msg;
  /** The inputs it used, as canonical text, by input id. */
  inputs: Record<string, string>;
}

export interface IndicatorResult {
  /** Path by the document's numbering: "二.1", "二.1.(2)", "bonus.1". */
  path: string;
  code: string;
  title: Msg;
  /** null when it could not be computed (missing input) or does not apply. */
  score: string | null;
  max: string;
  status: IndicatorStatus;
  adjustments: Adjustment[];
  /** One-line summary: 「符合政策生育率 91.2%,低于 92%,每低1个百分点扣0.5分,扣0.5分」 */
  reason: Msg;
  inputs: Record<string, string>;
  /** Ids of the inputs whose values are missing / whose evidence is missing. */
  missingInputs: string[];
  missingEvidence: string[];
  children?: IndicatorResult[];
}

export interface SectionResult {
  code: string;
  title: Msg;
  /** null while the section's items are not known yet (`pending`), or while an item of a pool
   *  section cannot be judged: never a 0 or full marks. */
  score: string | null;
  max: string;
  items: IndicatorResult[];
  /** The section's items are not known yet (`itemsPending`), and why: it is not scored and
   *  the unit is not complete. */
  pending?: Msg;
  /** A pool section (items without points of their own): how its score was worked out, its
   *  points less its items' deductions (or why it is not scored). */
  reason?: Msg;
}

export interface SanctionResult {
  id: string;
  level: 'interview' | 'notice' | 'no-commendation' | 'veto';
  reason: Msg;
  consequence?: Msg;
}

/** Money carried as output (奖惩金额), exact, rounded as declared. */
export interface AmountResult {
  id: string;
  label: Msg;
  unit: '元' | '万元';
  /** Canonical decimal; null while it cannot be decided (a figure blank, the total incomplete,
   *  the grade pending): never a 0 standing in for what is not known. */
  amount: string | null;
  /** How it was worked out, or why it is pending. */
  reason: Msg;
}

export interface UnitResult {
  unitId: string;
  name: string;
  class?: string;
  ruleSetId: string;
  edition: number;
  /** Sections plus capped bonus, rounded as declared. Vetoes never change it. */
  total: string;
  max: string;
  sections: SectionResult[];
  bonus: { score: string; uncapped: string; cap: string | null; items: IndicatorResult[] };
  sanctions: SanctionResult[];
  /** Money carried as output, in declared order; amounts by grade are pending here (the
   *  cohort's grading gives them: `CohortUnit.amounts`). Absent when the rule set has none. */
  amounts?: AmountResult[];
  /** Counters across periods with this period added: the next period's `UnitInput.counters`. */
  counters: CounterResult[];
  /** Amounts carried into other schemes by the sanctions that hold, and pending ones for the
   *  sanctions undecided; absent when the rule set's sanctions carry nothing. */
  carried?: CarriedResult[];
  vetoed: boolean;
  noCommendation: boolean;
  /** False while anything cannot be judged: an item lacks an input or cannot be computed, a
   *  section's items are pending, or a sanction is undecided. The total of an incomplete unit is provisional: sanctions on `total`
   *  are undecided and its grade is pending (待定). */
  complete: boolean;
  issues: Issue[];
}
