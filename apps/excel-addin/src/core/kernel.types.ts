// What the pane needs from the scoring packages, in the pane's own terms. The implementation
// (core/kernel.ts) composes @kaohe/sheet (grid codec) and @kaohe/engine (scoring); screens and
// tests depend only on this interface, so they do not care how a grid becomes a score.
import type { Msg, SanctionResult, UnitResult } from '@kaohe/engine';
import type {
  Difference,
  EditionStatus,
  RulesState,
  SheetLayout,
  Stage,
  TrustFile,
  TrustStore,
} from '@kaohe/sheet';
import type { KeyInfo, KeyOutcome, RevokedInfo, TrustRead } from './trust.ts';
import type {
  ChartSpec,
  HeaderGuard,
  RangeWrite,
  SheetGrid,
  SheetLook,
  WorkbookSnapshot,
} from './workbook-port.ts';

export type { KeyInfo, KeyOutcome, Msg, RevokedInfo, TrustRead, TrustStore, UnitResult };

export interface RuleSetInfo {
  id: string;
  /** scored: points and a ranking; certification (评估认定): pass or fail, clause by clause. */
  kind: 'scored' | 'certification';
  /** Some figures are rolled up from the children's reviewed workbooks (汇总下级). */
  rollsUp: boolean;
  title: Msg;
  issuer: Msg;
  year: number;
  edition: number;
  checksum: string;
  /**
   * Are the embedded rules what their issuer signed? intact: a trusted edition; altered: the
   * signature shows them changed; unknown: unsigned, or the signature cannot be checked here (a
   * checksum alone proves nothing: anyone can recompute it).
   */
  integrity: 'intact' | 'altered' | 'unknown';
}

/**
 * Who issued the rules the workbook carries, checked by @kaohe/sheet's workbookEdition against
 * this browser's trust list, and what scoring may do with them (its scoringGate, no draft asked).
 */
export interface EditionView {
  status: EditionStatus | 'unsigned';
  /** @kaohe/sheet's words for it: the signer, fingerprint, years or reason. */
  message: Msg;
  /** Who signed, when the signature could be read (issuer: when the key is trusted here). */
  signer: { keyId: string; fingerprint: string; issuer: string | null } | null;
  gate: 'official' | 'draft' | 'refused';
  /** The unit's prefilled targets and baselines (责任指标, 上年数据) checked against the issuer's
   *  signature (@kaohe/sheet's verifyPrefill); absent where nothing was prefilled or read. */
  prefill?: { status: 'intact' | 'failed'; message: Msg };
  /** The rules sheet was made visible (it is very hidden; only unhidden on purpose), said once
   *  a trust list is kept, as `kaohe verify` fails it; scoring refused for it (scoringGate). */
  metaUnhidden?: { sheet: string; message: Msg };
}

export type ProblemCode =
  | 'missing-input'
  | 'ambiguous-value'
  | 'missing-evidence'
  | 'invalid-value'
  | 'score-differs'
  | 'rules-differ'
  | 'rules-altered'
  /** The rules are not a trusted edition (unsigned, unknown key, bad signature, …). */
  | 'rules-unverified'
  | 'sheet-damaged'
  /** A returned file the review could not use (unreadable, another rule set, a duplicate unit). */
  | 'not-reviewed'
  /** Figures filled in, no stage scored: one note per unit, nothing compared. */
  | 'not-scored'
  /** The same unit's same workbook seen again (open and imported): counted once. */
  | 'duplicate-file'
  /** The unit's rules sheet (very hidden) was made visible: unhidden on purpose. */
  | 'meta-unhidden'
  /** A summary the combination cannot use (not a review summary, its results unreadable). */
  | 'summary-unusable';

/** One thing for the user to look at, with the cell it is about (when there is one). */
export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  sheet: string;
  /** A1 address, or null when the problem is not in one cell. */
  address: string | null;
  message: Msg;
}

interface UnitRef {
  id: string;
  name: string;
}

export type SheetState =
  | { kind: 'no-assessment'; sheet: string }
  | { kind: 'damaged'; sheet: string; problems: Problem[] }
  | {
      kind: 'assessment';
      sheet: string;
      ruleSet: RuleSetInfo;
      edition: EditionView;
      unit: UnitRef;
      /** blank: nothing filled in; filled: figures, no scores; scored: self-assessed; reviewed: review scores in. */
      status: 'blank' | 'filled' | 'scored' | 'reviewed';
    }
  | { kind: 'summary'; sheet: string; ruleSet: RuleSetInfo | null; edition: EditionView | null };

/** A plan: what to show and what to write. Nothing is written until the pane applies it. */
export interface ScoringPlan {
  /** official: by a trusted edition; draft: unsigned rules, or (forced) asked for as a draft. */
  scoredAs: { decision: 'official' } | { decision: 'draft'; forced: boolean; message: Msg };
  result: UnitResult;
  problems: Problem[];
  guard: HeaderGuard;
  writes: RangeWrite[];
}

/** One unit as @kaohe/sheet's reviewReturns reviewed it (the CLI's review, the same decisions). */
export interface ReviewedUnit {
  sheet: string;
  unit: UnitRef;
  /** The total reported in the latest stage filled (null: blank or 未自评). */
  reported: string | null;
  /** Recomputed with the reviewer's rule set. */
  result: UnitResult;
  rank: number;
  grade: Msg | null;
  rulesMatch: boolean;
  rules: RulesState;
  /** The stage compared; null: nothing scored (未自评). */
  stage: Stage | null;
  differences: Difference[];
  /** The unit's rules sheet was made visible (flagged in `problems` too). */
  metaUnhidden: boolean;
  /** Other sheets of the same workbook (open and imported), counted once. */
  sameAs: string[];
  problems: Problem[];
}

/** One unit of a certification (评估认定), in the words `kaohe review` prints. */
interface CertifiedUnitView {
  sheet: string;
  unit: UnitRef;
  /** null: the engine refused to certify it (无法认定; `notes` say why). */
  passed: boolean | null;
  /** 认定通过「合格」, 未通过, 未通过(有条款缺少数据、无法判定), 无法认定. */
  result: Msg;
  /** Who certifies, by the grade sought (null: not certified at all). */
  certifier: Msg | null;
  /** The rectification deadline of a failed unit (YYYY-MM-DD), when the rules set one. */
  rectifyBy: string | null;
  /** The clauses not met, each with its reason; cannotJudge: a figure missing, not a judgement. */
  failing: { caption: Msg; reason: Msg; cannotJudge: boolean }[];
  /** 认定经过, when the workbook carried earlier records. */
  history: Msg | null;
  /** The history differing from the reviewer's record, the engine's warnings or refusal. */
  notes: Msg[];
}

export interface CertificationView {
  /** The assessment date (YYYY-MM-DD). */
  assessedOn: string;
  /** In the order the files were read. */
  units: CertifiedUnitView[];
  passed: number;
  failed: number;
  undecided: number;
  refused: number;
}

export interface ReviewPlan {
  /** In ranking order. */
  units: ReviewedUnit[];
  /** Returned files that were not reviewed, each with its reason. */
  unread: Problem[];
  writes: RangeWrite[];
  /** A certification rule set: each unit certified on the assessment date. */
  certification?: CertificationView;
}

/** What review and summary need besides the workbook: a certification's assessment date. */
export interface ReviewOptions {
  /** YYYY-MM-DD; required for a certification rule set (the pane gives today's by default). */
  assessedOn?: string;
}

interface SummaryRow {
  rank: number;
  unit: UnitRef;
  total: string;
  grade: Msg | null;
  vetoed: boolean;
  sanctions: SanctionResult[];
}

export interface SummaryPlan {
  rows: SummaryRow[];
  /** The ranking sheet, shown after writing; `sheets` are all the summary sheets (re)made. */
  sheet: string;
  sheets: string[];
  writes: RangeWrite[];
  /** The ranking chart; null for a certification (not ranked). */
  chart: ChartSpec | null;
  layouts: SheetLook[];
  /** The summary as the codec lays it out (styles, print setup): the CLI's summary workbook. */
  printable: SheetLayout[];
}

/** 汇总 of parts (kaohe combine): the composite of several reviewed summaries, as declared. */
export interface CombinePlan {
  title: Msg;
  year: number;
  outOf: string;
  /** Each declared part with its weight as the explanation words it (20%, 1/3). */
  parts: { label: Msg; weightShown: string }[];
  /** In listing order: the ranked first, then those not computed. */
  units: {
    rank: number | null;
    unit: UnitRef;
    /** null: not computed (未计算; `notes` say why), never 0. */
    value: string | null;
    grade: Msg | null;
    vetoed: boolean;
    noCommendation: boolean;
    notes: Msg[];
  }[];
  /** Warnings: files chosen but not declared, the grading's issues. */
  issues: Msg[];
  /** The composite's first sheet (综合得分), shown after writing; `sheets` all of them. */
  sheet: string;
  sheets: string[];
  /** The codec's composite sheets (kaohe_results very hidden): the CLI's composite workbook. */
  printable: SheetLayout[];
  writes: RangeWrite[];
  layouts: SheetLook[];
}

/** 汇总下级 (kaohe rollup): the parent's figures from its children, as planned. */
export interface RollupPlanView {
  /** The rules the children were assessed by, taken from `from` (a child's workbook). */
  children: { title: Msg; year: number; edition: number; from: string; expected: number };
  /** Each figure whose source is the children: its cell, value (null: not rolled up, `issues`
   *  say why), how it was worked out, and a different figure it replaced. */
  figures: {
    label: Msg;
    sheet: string;
    address: string;
    value: string | null;
    words: Msg | null;
    issues: Msg[];
    replaced: string | null;
  }[];
  /** Children that cannot be counted (not returned, not on the roster, failing verification). */
  unusable: { unitId: string; name: string; why: Msg }[];
  /** Chosen files not reviewed, each with its reason. */
  rejected: Msg[];
  notes: Msg[];
  writes: RangeWrite[];
}

/** Imported sheets named after their unit: per file, its unit (null: not found) and sheets. */
export interface ImportNaming {
  files: { unit: UnitRef | null; sheets: string[] }[];
  renames: { from: string; to: string }[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface Kernel {
  /** Name of the (very hidden) sheet that carries the rule set. */
  readonly metaSheet: string;
  /** Sheets every read brings along with the active one (meta, data, scoring). */
  readonly namedSheets: readonly string[];
  inspect(snapshot: WorkbookSnapshot, trust?: TrustStore): SheetState;
  /**
   * 自评: score the active sheet. Rules that fail verification are refused (nothing to write)
   * unless `draft` is asked for, as `kaohe score` refuses them without `--unsigned`.
   */
  selfAssess(
    snapshot: WorkbookSnapshot,
    options?: { trust?: TrustStore; draft?: boolean },
  ): Outcome<ScoringPlan>;
  /**
   * Names for sheets just brought in, given per file (`files`, as inserted; `grids` their used
   * ranges): each file's sheets after its unit, "考核评分 (青山区)".
   */
  importNames(snapshot: WorkbookSnapshot, files: string[][], grids: SheetGrid[]): ImportNaming;
  /** The sheets review and summary read: every unit's workbook in this one (own and imported). */
  cohortSheets(snapshot: WorkbookSnapshot): string[];
  /** 审核: recompute returned units with the reviewer's rule set (from the snapshot's meta sheet). */
  review(
    snapshot: WorkbookSnapshot,
    grids: SheetGrid[],
    trust?: TrustStore,
    options?: ReviewOptions,
  ): Outcome<ReviewPlan>;
  /** 汇总: rank and grade the units, as a summary sheet with a chart. */
  summarise(
    snapshot: WorkbookSnapshot,
    grids: SheetGrid[],
    trust?: TrustStore,
    options?: ReviewOptions,
  ): Outcome<SummaryPlan>;
  /**
   * 汇总 of parts: the declaration (a combination JSON) and the parts' reviewed summaries,
   * matched by file name to the summaries it declares.
   */
  combine(
    declaration: { name: string; text: string },
    summaries: readonly { name: string; grids: SheetGrid[] }[],
  ): Outcome<CombinePlan>;
  /**
   * 汇总下级: the open workbook's figures whose source is its children, from the children's
   * returned workbooks and the roster of the children (files the user chose).
   */
  rollup(
    snapshot: WorkbookSnapshot,
    children: readonly { name: string; grids: SheetGrid[] }[],
    roster: { name: string; grids: SheetGrid[] },
    trust?: TrustStore,
  ): Outcome<RollupPlanView>;
  /** The browser's trust list (the CLI's trust list format): read, keys previewed, added, removed. */
  readonly trust: {
    read(text: string | null): TrustRead;
    preview(line: string): KeyOutcome<KeyInfo>;
    add(
      file: TrustFile,
      line: string,
    ): KeyOutcome<{ text: string; key: KeyInfo; already: boolean }>;
    remove(file: TrustFile, keyId: string): string;
    /** A key revoked by a later notice (key id or fingerprint, and its reason): the list's text. */
    revoke(
      file: TrustFile,
      typed: string,
      reason?: string,
    ): KeyOutcome<{ text: string; revoked: RevokedInfo }>;
  };
}
