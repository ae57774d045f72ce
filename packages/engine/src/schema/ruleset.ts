import { z } from 'zod';
import { DecimalLiteral, Expr, Id, Rounding, RuleSetId, Text } from './common.ts';
import { Gate, Rule, Stream } from './rules.ts';
import { Amount } from './amounts.ts';
import { CaseField, FieldUnit } from '../kinds/records-schema.ts';
import { RollUpDef } from './roll-up.ts';

export const SCHEMA_VERSION = 1 as const;

/** A case field's units, and `cases` (a list of cases with their fields). */
export const InputUnit = z.enum([...FieldUnit.options, 'cases']);
export type InputUnit = z.infer<typeof InputUnit>;
/** Every unit an input may declare, in the schema's order (for editors' pickers). */
export const INPUT_UNITS: readonly InputUnit[] = InputUnit.options;

/** Where an input's figure comes from (`source`). */
export const InputSource = z.enum([
  'unit',
  'assigned',
  'previous',
  'inspection',
  'carried',
  'children',
]);
export type InputSource = z.infer<typeof InputSource>;
/** Every source an input may declare, in the schema's order (for editors' pickers). */
export const INPUT_SOURCES: readonly InputSource[] = InputSource.options;

/** The units whose figures are numbers: every unit but yes/no, choice, text, date and cases
 *  (a list of case records; read as its number of cases in expressions). */
export const NUMERIC_UNITS: readonly InputUnit[] = InputUnit.options.filter(
  (u) => u !== 'yesno' && u !== 'choice' && u !== 'text' && u !== 'date' && u !== 'cases',
);

/**
 * A figure the sheet asks for. `%` and `‰` values are held in their own unit: 92 means 92 %,
 * 8 means 8 ‰, so thresholds read as in the document and a step of 1 is one percentage point.
 * `source`: who supplies it — the unit (unit), the assessing level per unit (assigned: 责任指标),
 * last year's results (previous: 上年数据), an inspection (inspection), another assessment's
 * sanction carried here (carried: 结转, with `from` the sending rule set's id; points, read by
 * `carriedInputs` with where each amount came from), the children's reviewed results rolled up
 * (children: 下级汇总, with `from` the children's rule set id and `rollUp` how; read by
 * `childrenInputs` with the child files it came from).
 */
export const InputDef = z
  .object({
    id: Id,
    label: Text,
    unit: InputUnit,
    source: InputSource.default('unit'),
    /** `source: 'carried'`: the id of the rule set whose sanctions carry points here;
     *  `source: 'children'`: the id of the rule set the children were assessed by. */
    from: RuleSetId.optional(),
    /** `source: 'children'` only: how the figure is worked out from the children's results. */
    rollUp: RollUpDef.optional(),
    /** 佐证材料 required: an item that uses this input is `missing-evidence` without it. */
    evidence: z.boolean().default(false),
    /** A blank is allowed and means "no such case" (counts 0) only when declared here. */
    blankMeans: DecimalLiteral.optional(),
    choices: z.array(z.object({ value: z.string(), label: Text }).strict()).optional(),
    min: DecimalLiteral.optional(),
    max: DecimalLiteral.optional(),
    /** Dates only: the year of a date typed without one (3月31日). Absent: such a date is a
     *  bad value at its cell, never given a year by guess. */
    defaultYear: z.number().int().min(1).max(9999).optional(),
    /** `cases` inputs only: the attributes of each case (a list of records, one per case;
     *  kinds/records-schema.ts). A blank list is missing unless `blankMeans: 0` says an empty
     *  list means no cases. */
    fields: z.array(CaseField).min(1).optional(),
    note: Text.optional(),
  })
  .strict();
export type InputDef = z.infer<typeof InputDef>;

/**
 * A named derived value (form 47): a formula written once (SRB = boys ÷ girls × 100) and read by
 * its id wherever an input id may stand — rules' operands, expressions, streams, gates,
 * `applicable`, sanctions and `peer_mean/max/min` (the mean of the units' derived values).
 * `unit`: a numeric unit (its reasons show it); `rounding`: how the value is rounded before
 * anything reads it (absent: `rounding.rates` for a % or ‰ value, else exact). A blank input
 * under it makes it blank: what reads it is missing that input, never given a 0.
 */
export const DerivedDef = z
  .object({
    id: Id,
    label: Text,
    unit: InputUnit,
    expression: Expr,
    rounding: Rounding.optional(),
    note: Text.optional(),
  })
  .strict();
export type DerivedDef = z.infer<typeof DerivedDef>;

/**
 * An item's maximum for one unit class: points, or 'not-assessed' (不考核) when the item does not
 * apply to that class. `null` is accepted by the schema only so validation can report a blanked
 * maximum at its path (it is an error, never "not assessed").
 */
export const ClassPoints = z.union([DecimalLiteral, z.literal('not-assessed')]);
export type ClassPoints = z.infer<typeof ClassPoints>;

/** Section or total points for a class whose items' maxima differ (farms 60, towns 35). */
const PointsByClass = z.record(z.string(), DecimalLiteral.nullable());

/** What an item keeps when the evidence it needs is missing, overriding the rule set's
 *  `evidencePolicy` for that item: `zero`, `flag`, or `{ keep }` — at most that many points
 *  (是但无佐证得1分: `{ keep: 1 }` on a 2-point item). */
export const ItemEvidencePolicy = z.union([
  z.enum(['zero', 'flag']),
  z.object({ keep: DecimalLiteral }).strict(),
]);
export type ItemEvidencePolicy = z.infer<typeof ItemEvidencePolicy>;

interface IndicatorOf<R, S> {
  code: string;
  /** Lineage: this item's code in the previous edition (among the same siblings), when next
   *  year's rule set renamed or renumbered it; the diff matches the two through it. */
  formerly?: string | undefined;
  title: Text;
  criteria?: Text | undefined;
  /** Or 'uncapped' (加分不设上限): a top-level bonus item without a maximum; or 'none' ("—"):
   *  an item of a pool section, without points of its own (it deducts from the section's). */
  points: DecimalLiteral | null;
  pointsByClass?: Record<string, ClassPoints | null> | undefined;
  /** Or 'none' (该项可负分): no floor at all. */
  min?: DecimalLiteral | undefined;
  /** Where an item without a rule starts: full points (the default), or 0 (credits accrue). */
  start?: 'full' | 'zero' | undefined;
  evidencePolicy?: ItemEvidencePolicy | undefined;
  rule?: R | undefined;
  deductions?: S[] | undefined;
  gates?: Gate[] | undefined;
  applicable?: string | undefined;
  items?: IndicatorOf<R, S>[] | undefined;
  pointsMismatch?: Text | undefined;
  note?: Text | undefined;
}
/** An indicator as scored (defaults filled in). */
export type Indicator = IndicatorOf<Rule, Stream>;
/** An indicator as written in a rule set (defaults may be left out). */
export type IndicatorInput = IndicatorOf<z.input<typeof Rule>, z.input<typeof Stream>>;

/**
 * An indicator or sub-item, coded by the document's own numbering ("1", "(2)").
 * Score = clamp(base + streams, min, points), then gates. `rule` absent: the base is full
 * points (deductions only). With `items`, the score is the sum of the sub-items, capped.
 * `min` below 0 allows a negative item (倒扣分制); default 0 (扣完为止); 'none': no floor at all
 * (该项可负分). `points: 'uncapped'` (top-level bonus items only): no maximum (加分不设上限).
 * `start` (items without `rule` or sub-items): `full` — full points, less deductions, zeroed by
 * gates (a gate-only item); `zero` — from 0, the `add` streams accrue up to the points (capped
 * accrual: 0.4 a case, at most 20).
 * `evidencePolicy`: this item's own policy for missing evidence (see ItemEvidencePolicy).
 * `pointsByClass`: the maximum depends on the unit's class; 'not-assessed' = the item does not
 * apply to that class. Checked per class as `points` are: the sub-items add up to the parent,
 * the items to the section (`Section.pointsByClass`), the sections to the total.
 * `applicable`: an expression; false → not applicable, and the section is rescaled if declared.
 */
export const Indicator: z.ZodType<Indicator, IndicatorInput> = z.lazy(() =>
  z
    .object({
      code: z.string().min(1),
      formerly: z.string().min(1).optional(),
      title: Text,
      criteria: Text.optional(),
      points: z.union([DecimalLiteral, z.literal('uncapped'), z.literal('none')]).nullable(),
      pointsByClass: z.record(z.string(), ClassPoints.nullable()).optional(),
      min: z.union([DecimalLiteral, z.literal('none')]).optional(),
      start: z.enum(['full', 'zero']).optional(),
      evidencePolicy: ItemEvidencePolicy.optional(),
      rule: Rule.optional(),
      deductions: z.array(Stream).optional(),
      gates: z.array(Gate).optional(),
      applicable: Expr.optional(),
      items: z.array(Indicator).optional(),
      /** Why this parent's sub-items do not add up to its points (a document cut off, a
       *  document's own sum): silences this item's own sum check only. */
      pointsMismatch: Text.optional(),
      note: Text.optional(),
    })
    .strict(),
);

export const Section = z
  .object({
    code: z.string().min(1),
    /** Lineage: the section's code in the previous edition (一 → 二), when it was renumbered. */
    formerly: z.string().min(1).optional(),
    title: Text,
    points: DecimalLiteral.nullable(),
    /** The section's points for a class whose items add up to other points (absent: `points`);
     *  `notApplicable: rescale` rescales a unit to its own class's points. */
    pointsByClass: PointsByClass.optional(),
    /** At least one, unless `itemsPending` says why none is known yet (`items: []`; checked
     *  by validation, which reports an empty list without it as `no-items`). */
    items: z.array(Indicator),
    /** When items are not applicable: none (the section's max shrinks) or rescale to `points`. */
    notApplicable: z.enum(['shrink', 'rescale']).default('shrink'),
    /** Why this section's items do not add up to its points (its items cut off in the copy):
     *  silences this section's own sum check only; its items keep theirs. */
    pointsMismatch: Text.optional(),
    /** A section whose items are not known yet (the document lists its points only), and why:
     *  it has no items, is never scored (no unit's total is complete while it is pending). */
    itemsPending: Text.optional(),
    /** Items without points of their own ("—" in the document, form 49): the section starts at
     *  its points and its items (`points: 'none'`) deduct from them (see src/score/pool.ts). */
    pool: z.literal(true).optional(),
    /** A pool section's floor: 0 when absent; negative allows 倒扣分; 'none': no floor. */
    min: z.union([DecimalLiteral, z.literal('none')]).optional(),
  })
  .strict();
export type Section = z.infer<typeof Section>;

export const Bonus = z
  .object({
    title: Text.optional(),
    /** Cap on all bonus together; 'none' says the document sets none (加分不设上限). Absent:
     *  no cap either (as before), but not said. */
    cap: z.union([DecimalLiteral, z.literal('none')]).optional(),
    items: z.array(Indicator).min(1),
  })
  .strict();
export type Bonus = z.infer<typeof Bonus>;

/**
 * Vetoes and sanctions, separate from the score. `when` is an expression over inputs,
 * indicator results (score("二.1"), met("二.1")), `total` and the unit's class.
 * Levels, weakest first: interview 约谈 → notice 通报 → no-commendation 不予评先 → veto 一票否决.
 * `commendationGate` = no-commendation. Several may hold; the strongest decides.
 */
export const Sanction = z
  .object({
    id: Id,
    level: z.enum(['interview', 'notice', 'no-commendation', 'veto']),
    when: Expr,
    reason: Text,
    /** Personal or external consequence carried as output (heads barred from honours…). */
    consequence: Text.optional(),
    /** The best grade (band id) a unit under this sanction may have: several caps, each its
     *  own (misconduct → at most 合格; a late report → at most 良好); the strictest holds. */
    gradeCap: Id.optional(),
    /** 不参加等次评定: the unit is ranked but not graded, without a veto (not in any band's
     *  count or share). */
    excludeFromGrades: z.literal(true).optional(),
    /** A result carried into another scheme (−10 on the unit's composite elsewhere): while the
     *  sanction holds, `amount` points (signed: −10 deducts) land on input `input` of rule set
     *  `to`, read there as an input with `source: 'carried'` and where it came from. */
    carries: z
      .object({
        to: Id,
        input: Id,
        /** A decimal, or an expression over what `when` may read; rounded as the scores are. */
        amount: z.union([z.number().finite(), Expr]).nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Sanction = z.infer<typeof Sanction>;

/**
 * A counter across periods (3 consecutive or 5 cumulative failures → interview). `when` says
 * whether this period counts (a monthly check failed, an item not met); it may read inputs, item
 * results and `total`. The unit brings the counts of the periods before in
 * `UnitInput.counters`; the result gives them with this period added, for the next period.
 * Sanctions read them with consecutive('id') and cumulative('id').
 */
export const Counter = z
  .object({
    id: Id,
    label: Text,
    when: Expr,
  })
  .strict();
export type Counter = z.infer<typeof Counter>;

export const GradeBand = z
  .object({
    id: Id,
    label: Text,
    /** Inclusive lower bound of the total; the highest band first. */
    min: DecimalLiteral.nullable(),
    /** A quota on the share of graded units, in % of them (advanced ≤ 50). */
    maxShare: DecimalLiteral.optional(),
    minShare: DecimalLiteral.optional(),
    /**
     * A share counted from the bottom (后进 about 10 %: the lowest-ranked tenth), last band only:
     * the band takes at least the lowest-ranked `share` % of the graded units, whatever their
     * totals; `rounding` says how share × graded becomes a whole count (floor, round = half up
     * 四舍五入, ceil). A tie at the cut goes into the band whole.
     */
    fromBottom: z
      .object({
        share: DecimalLiteral,
        rounding: z.enum(['floor', 'round', 'ceil']),
      })
      .strict()
      .optional(),
    /** Money or other consequence carried as output (prize by grade). */
    consequence: Text.optional(),
  })
  .strict();
export type GradeBand = z.infer<typeof GradeBand>;

export const Grades = z
  .object({
    bands: z.array(GradeBand).min(1),
    /** Grade a vetoed unit receives; absent: vetoed units are out of the grades. */
    vetoed: Id.optional(),
    /** Best grade a unit under no-commendation may have. */
    noCommendationCap: Id.optional(),
  })
  .strict();
export type Grades = z.infer<typeof Grades>;

export const Ranking = z
  .object({
    /** Ties broken by these, in order: "section:一", "indicator:二.1", "input:policy_rate". */
    tieBreak: z.array(z.string()).default([]),
    /** Remaining ties: shared rank (1, 1, 3) or dense (1, 1, 2). */
    ties: z.enum(['shared', 'dense']).default('shared'),
    /** Vetoed units rank after all others. */
    vetoedLast: z.boolean().default(true),
  })
  .strict();
export type Ranking = z.infer<typeof Ranking>;

/**
 * A deadline the rule set declares (报送截止3月31日): an id usable in expressions as a date and
 * as the `due` of a deadline stream, its label for reasons, and the date as ISO text.
 */
export const Deadline = z
  .object({
    id: Id,
    label: Text,
    /** "2013-03-31": written exactly so (checked by validation, `bad-date`). */
    date: z.string(),
  })
  .strict();
export type Deadline = z.infer<typeof Deadline>;

/**
 * Certification only: grades by the total (合格 ≥ 80 certified by the township, 一流 ≥ 90 by
 * the county), highest first. `sought`: a choice input, the grade the unit applies for (申报等次),
 * whose values are grade ids; absent: the highest grade the total reaches is certified.
 */
export const CertificationGrades = z
  .object({
    sought: z.string().optional(),
    grades: z
      .array(
        z
          .object({
            id: Id,
            label: Text,
            /** Inclusive: the total must reach it. */
            min: DecimalLiteral,
            /** Who certifies at this grade (乡镇计生协, 县计生协). */
            by: Text,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type CertificationGrades = z.infer<typeof CertificationGrades>;

export const UnitClass = z.object({ id: Id, label: Text }).strict();

export const RuleSet = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** scored: points and grades; certification: pass only if every clause (item) is met. */
    kind: z.enum(['scored', 'certification']).default('scored'),
    id: RuleSetId,
    title: Text,
    issuer: Text,
    /** The level assessed: 旗县区, 苏木乡镇, 基层协会… */
    level: Text,
    year: z.number().int().min(1949).max(2200),
    edition: z.number().int().min(1),
    notes: z.array(Text).default([]),
    /** Total points; must equal the sum of sections unless `pointsMismatch` explains why (it
     *  silences that check only: a section or item that does not add up declares its own). */
    points: DecimalLiteral.nullable(),
    /** Total points for a class whose sections add up to other points (absent: `points`). */
    pointsByClass: PointsByClass.optional(),
    pointsMismatch: Text.optional(),
    rounding: z
      .object({
        /** Derived % / ‰ values are rounded so before any comparison; absent: compared exactly. */
        rates: Rounding.optional(),
        /** Each item's score is rounded so; section and total are sums of rounded items. */
        scores: Rounding,
      })
      .strict(),
    /** Missing evidence: the item scores zero (zero) or keeps its score and is flagged (flag). */
    evidencePolicy: z.enum(['zero', 'flag']).default('zero'),
    classes: z.array(UnitClass).optional(),
    inputs: z.array(InputDef).min(1),
    /** Named derived values; absent rather than empty, so rule sets without keep their checksum. */
    derived: z.array(DerivedDef).optional(),
    /** Declared deadlines; absent rather than empty when not used (the checksum stays). */
    deadlines: z.array(Deadline).optional(),
    sections: z.array(Section).min(1),
    bonus: Bonus.optional(),
    sanctions: z.array(Sanction).default([]),
    /** Absent rather than empty by default, so rule sets without counters keep their checksum. */
    counters: z.array(Counter).optional(),
    grades: Grades.optional(),
    /** Money carried as output (prize by grade, 300 元 × staff); absent by default, so rule sets
     *  without amounts keep their checksum. */
    amounts: z.array(Amount).optional(),
    ranking: Ranking.default({ tieBreak: [], ties: 'shared', vetoedLast: true }),
    /** Certification only: days allowed for rectification (整改) after a failed assessment. */
    rectificationDays: z.number().int().min(1).optional(),
    /**
     * Certification only: who certifies, by the grade sought (合格 by the township, 一流 by the
     * county). The first entry whose `when` holds names the certifying level.
     */
    certifiedBy: z.array(z.object({ when: Expr, by: Text }).strict()).optional(),
    /** Certification only: score cut-offs per grade and who certifies each (see above). */
    certificationGrades: CertificationGrades.optional(),
  })
  .strict();
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
