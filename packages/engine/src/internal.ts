// @kaohe/engine/internal: what Kaohe's own packages (sheet, xlsx, rulesets, the CLI, the task pane)
// share with the engine so that each decision has one implementation: exact arithmetic, how a
// figure is shown in a message, how echoed text is cut, the compiled rule set's items. Not API:
// it may change in any release, without a changeset's warning. etc/engine-internal.api.md records
// it, so that a change here is seen too.

// Exact rationals: parsing, arithmetic, printing.
export { cmp, fmt, fmtFixed, q, sign, sub, tryQ } from './exact/exact.ts';

// Calendar dates: one reading of what officials type (2013/3/31, 2013年3月31日, 3月31日 with the
// input's declared year), as the engine decodes a date input.
export { isoOfDay, readDate, type DateProblem, type DateReading } from './exact/calendar.ts';

// A figure as a message shows it (with its unit), and text echoed into a message.
export { show, showWithUnit } from './messages/format.ts';
export { clip } from './expr/clip.ts';

// The compiled rule set's items, in document order.
export type { CIndicator, EvidenceRule } from './score/compile.ts';
export { allIndicators } from './cohort/tie-break.ts';
// A piecewise item's breakpoints as criteria text, for a sheet whose document gives none.
export { piecewiseItemCriteria } from './kinds/piecewise.ts';
export { NO_POINTS_MARK, poolCriteria, type CPool } from './score/pool.ts';

// Where a value carried in from another assessment came from, as a reason quotes it (the data
// sheet's note of a prefilled carried input says the same).
export { provenanceWords } from './carry/carry.ts';

// The cohort path's scorer of one unit (held equal to scoreUnit by the rule-set packages' tests).
export { createLeanScorer, type LeanResult, type LeanScorer } from './fast/score-lean.ts';

// scoreUnit's two routes, for the rule-set packages' tests: the traced route (reasons rendered
// from the integer kernels' traces) and the exact one alone ({ kernels: false }) give the same
// result, byte for byte.
export {
  createUnitScorer,
  scoreWith,
  type ScorerOptions,
  type UnitScorer,
} from './score/score-unit.ts';
