// The public API of @kaohe/engine, listed name by name: what is here is supported, what is not is
// internal. The README's API table documents it; etc/engine.api.md records it, and the test
// command fails when this list (or any signature in it) changes without that record
// (`pnpm --filter @kaohe/engine api:update` rewrites it; review the diff). What the workspace's
// own packages need beyond this is in ./internal.ts (`@kaohe/engine/internal`), for them only.

// The rule-set format: types only, a rule set is checked with parseRuleSet (bounds first, then the
// schema and the semantic checks), never by a bare schema. (The report lists each type's zod
// schema beside it, one name in TypeScript; only the type is exported.)
export { INPUT_SOURCES, INPUT_UNITS, SCHEMA_VERSION } from './schema/ruleset.ts';
export type {
  Bonus,
  CertificationGrades,
  ClassPoints,
  Counter,
  Deadline,
  DerivedDef,
  GradeBand,
  Grades,
  Indicator,
  IndicatorInput,
  InputDef,
  InputSource,
  InputUnit,
  ItemEvidencePolicy,
  Ranking,
  RuleSet,
  RuleSetInput,
  Sanction,
  Section,
  UnitClass,
} from './schema/ruleset.ts';
export type { Comparison, Gate, Rule, Slope, Stream } from './schema/rules.ts';
export type { Amount } from './schema/amounts.ts';
export type { ChildQualifier, RollUpDef } from './schema/roll-up.ts';
export type { CaseField, PerRecordStream } from './kinds/records-schema.ts';
export type { DecimalLiteral, Operand, Rounding, Text } from './schema/common.ts';
export { ruleSetJsonSchema } from './schema/json-schema.ts';

// Checking a rule set.
export { parseRuleSet, validateRuleSet } from './validate/parse.ts';
export { MAX_ITEM_DEPTH, MAX_JSON_DEPTH, RESERVED_IDS } from './validate/bounds.ts';

// Inputs and results.
export type {
  Adjustment,
  AmountResult,
  CaseRecord,
  CarriedIn,
  CarriedResult,
  CarriedSender,
  CounterResult,
  IndicatorResult,
  IndicatorStatus,
  InputValue,
  Issue,
  Msg,
  PeriodCounts,
  Result,
  SanctionResult,
  SectionResult,
  UnitInput,
  UnitResult,
} from './model/result.ts';
export type { PeerStat, PeerStats, ScoreContext } from './model/context.ts';
export { msgOf } from './messages/text.ts';

// Scoring one unit.
export { compileRuleSet, CompileError, type CompiledRuleSet } from './score/compile.ts';
export { scoreUnit } from './score/score-unit.ts';
export { carryCounters } from './score/counters.ts';

// A result carried into another scheme (form 42).
export { carriedInputs, carriedOut, type CarriedInputs, type CarriedOut } from './carry/carry.ts';

// Cohorts: baselines, ranks, grades.
export { scoreCohort, type CohortOptions } from './cohort/score-cohort.ts';
export type { CohortResult, CohortUnit } from './cohort/types.ts';
export type { PeerInputSummary } from './cohort/peers.ts';
export { withBaselines, type BaselineValues, type Baselines } from './cohort/baselines.ts';
export {
  rankCohort,
  type RankedCohort,
  type RankedColumns,
  type RankedUnit,
} from './fast/rank-cohort.ts';
export type { Routes } from './fast/score-lean.ts';
export {
  assignGrades,
  assignGradesScaled,
  type BandSummary,
  type GradeAssignment,
  type GradeRow,
  type GradeRowSource,
  type ScaledGradeRow,
} from './grades/assign.ts';
export type { GradeOutcome } from './grades/outcome.ts';

// Parts, periods and levels.
export {
  combineParts,
  type CombineOptions,
  type Combined,
  type CombinedPart,
  type Part,
} from './rollup/combine.ts';
export {
  combineResults,
  parseCombination,
  type Combination,
  type CombinationInput,
  type CombinationPart,
  type CompositeCell,
  type CompositeResult,
  type CompositeUnit,
  type PartResults,
  type PartUnit,
} from './rollup/composite.ts';
export { rollUp, type Qualifier, type RollUpResult, type RollUpRule } from './rollup/roll-up.ts';
export {
  childFlags,
  perChildDeduction,
  type ChildFlag,
  type PerChildDeduction,
} from './rollup/per-child.ts';
export {
  childrenInputs,
  rolledUpWords,
  type ChildrenInputs,
  type ChildrenResults,
  type RolledUpIn,
} from './rollup/children.ts';

// Certification.
export { certify } from './certify/certify.ts';
export { certifiedInput, latestCertification } from './certify/history.ts';
export type {
  CertificationOutcome,
  CertificationRecord,
  CertifyOptions,
  FailingClause,
} from './certify/types.ts';

// Two editions of a rule set compared.
export { diffRuleSets } from './diff/diff.ts';
export type { Change, ChangeKind, Direction, RuleSetDiff } from './diff/types.ts';

// The expression language on its own.
export { compileExpr } from './expr/compile.ts';
export { expressionFunctions, expressionInWords } from './expr/read-back.ts';
export { MAX_EXPR_LENGTH } from './expr/clip.ts';
export { ExprEvalError, type ExprEvalCode } from './expr/errors.ts';
export {
  MissingValue,
  type CompileOptions,
  type CompileResult,
  type CompiledExpr,
  type ExprEnv,
  type ExprError,
  type ExprKind,
  type ExprValue,
  type HostFunction,
} from './expr/types.ts';
export type { Naming, OperandRef } from './expr/words.ts';
export type { Q } from './exact/exact.ts';
