// What the pane needs from the scoring packages, in the pane's own terms. The implementation
// (core/kernel.ts) composes @kaohe/sheet (grid codec) and @kaohe/engine (scoring); screens and
// tests depend only on this interface, so they do not care how a grid becomes a score.
import type { Msg, SanctionResult, UnitResult } from '@kaohe/engine';
import type { SheetLayout } from '@kaohe/sheet';
import type {
  ChartSpec,
  HeaderGuard,
  RangeWrite,
  SheetGrid,
  SheetLook,
  WorkbookSnapshot,
} from './workbook-port.ts';

export type { Msg, UnitResult };

export interface RuleSetInfo {
  id: string;
  title: Msg;
  issuer: Msg;
  year: number;
  edition: number;
  checksum: string;
  /** Does the embedded rule set still match its recorded checksum? */
  integrity: 'intact' | 'altered' | 'unknown';
}

export type ProblemCode =
  | 'missing-input'
  | 'ambiguous-value'
  | 'missing-evidence'
  | 'invalid-value'
  | 'score-differs'
  | 'rules-differ'
  | 'sheet-damaged';

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
      unit: UnitRef;
      /** blank: nothing filled in; filled: figures, no scores; scored: self-assessed; reviewed: review scores in. */
      status: 'blank' | 'filled' | 'scored' | 'reviewed';
    }
  | { kind: 'summary'; sheet: string; ruleSet: RuleSetInfo | null };

/** A plan: what to show and what to write. Nothing is written until the pane applies it. */
export interface ScoringPlan {
  result: UnitResult;
  problems: Problem[];
  guard: HeaderGuard;
  writes: RangeWrite[];
}

export interface ReviewedUnit {
  sheet: string;
  unit: UnitRef;
  reported: string | null;
  /** Recomputed with the reviewer's rule set. */
  result: UnitResult;
  rulesMatch: boolean;
  problems: Problem[];
}

export interface ReviewPlan {
  units: ReviewedUnit[];
  /** Imported sheets that could not be read at all. */
  unread: Problem[];
  writes: RangeWrite[];
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
  chart: ChartSpec;
  layouts: SheetLook[];
  /** The summary as the codec lays it out (styles, print setup): the CLI's summary workbook. */
  printable: SheetLayout[];
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
  inspect(snapshot: WorkbookSnapshot): SheetState;
  /** 自评: score the active sheet. */
  selfAssess(snapshot: WorkbookSnapshot): Outcome<ScoringPlan>;
  /**
   * Names for sheets just brought in, given per file (`files`, as inserted; `grids` their used
   * ranges): each file's sheets after its unit, "考核评分 (青山区)".
   */
  importNames(snapshot: WorkbookSnapshot, files: string[][], grids: SheetGrid[]): ImportNaming;
  /** The sheets review and summary read: every unit's workbook in this one (own and imported). */
  cohortSheets(snapshot: WorkbookSnapshot): string[];
  /** 审核: recompute returned units with the reviewer's rule set (from the snapshot's meta sheet). */
  review(snapshot: WorkbookSnapshot, grids: SheetGrid[]): Outcome<ReviewPlan>;
  /** 汇总: rank and grade the units, as a summary sheet with a chart. */
  summarise(snapshot: WorkbookSnapshot, grids: SheetGrid[]): Outcome<SummaryPlan>;
}
