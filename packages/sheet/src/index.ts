export type {
  CellFormat,
  CellHint,
  CellPos,
  CellValue,
  DataColumn,
  Grid,
  HeaderField,
  RangeWrite,
  RowKind,
  ScoringColumn,
  SheetGrid,
  SheetIssue,
  SheetLayout,
  SheetMap,
  SheetResult,
  SheetState,
  Template,
} from './types.ts';
export { a1, a1Range, cellRef, colLetters, parseRange } from './a1.ts';
export { canonicalRuleSet, fingerprint, ruleSetChecksum, sha256Hex } from './checksum.ts';
export {
  LAYOUT_VERSION,
  META_CHUNK,
  SHEET_NAMES,
  DATA_COLUMNS,
  SCORING_COLUMNS,
} from './labels.ts';
export { FILLS, hintFill, NUMBER_FORMATS } from './formats.ts';
export type { SheetIssueCode } from './messages.ts';
export { buildTemplate, type TemplateOptions } from './template/build-template.ts';
export type { Prefill } from './template/data-sheet.ts';
export { ROLLED_UP_NOTE, withRolledUpNote } from './template/data-sheet.ts';
export { cellOf } from './template/cell-of.ts';
export { rowCaptions, type RowKey } from './template/row-keys.ts';
export { templateGrids } from './template/template-grids.ts';
export type { UnitIdentity } from './template/scoring-sheet.ts';
export { parseInput } from './read/parse-input.ts';
export { numberText, isPercentFormat } from './read/number-text.ts';
export { serialToIso } from './read/dates.ts';
export { readSheet, type ReadOptions, type SheetRead } from './read/read-sheet.ts';
export { embeddedEdition, readMeta, type MetaRead } from './read/read-meta.ts';
export type { Reported, Stage } from './read/read-scoring.ts';
export { incompleteNote, planWrites, type WriteOptions } from './write/plan-writes.ts';
export {
  leafItems,
  resultProblems,
  unscoredBySection,
  type EvidenceItem,
  type ResultContext,
  type ResultProblems,
  type UnscoredItem,
} from './write/result-problems.ts';
export { applyToGrids } from './write/apply-to-grids.ts';
export { checkMap } from './write/check-map.ts';
export { fillWrites } from './write/fill-writes.ts';
export { buildSummary, type Summary, type SummaryOptions } from './summary/build-summary.ts';
export { scoreDifferences, type Difference, type Submission } from './summary/differences.ts';
export {
  hasFindings,
  latestStage,
  readReturn,
  reviewReads,
  reviewReturns,
  signedCarried,
  type ReadReturn,
  type RejectedFile,
  type RejectReason,
  type Returned,
  type ReviewFindings,
  type ReviewedUnit,
  type ReviewResult,
  type RulesState,
} from './review/review.ts';
// The reviewer's record (roster, carried results) against each unit's sheet.
export {
  applyRecord,
  carriedOf,
  missingUnits,
  recordFlagged,
  type CarriedOfUnit,
  type CarriedRecord,
  type MissingUnit,
  type RecordChange,
  type RecordCheck,
  type ReviewerRecord,
  type CountersRecord,
} from './review/record.ts';

export { localDate } from './dates.ts';

// Certification (评估认定): the review's results, notices and the history carried in workbooks.
export {
  cannotJudge,
  certifyUnits,
  chineseDate,
  historyDifference,
  historyText,
  recordText,
  resultText,
  type CertificationReview,
  type CertifiedUnit,
} from './review/certification.ts';
export {
  CERTIFICATION_SHEETS,
  certifierText,
  clauseCaption,
  materialsOf,
  readCertificationRecords,
} from './certification/sheets.ts';
export { historyJson, parseHistory } from './certification/history.ts';

// Signed editions: keys without a PKI, publishing and verifying an edition (issue 15).
export {
  createKey,
  fingerprintOf,
  formatPublicKey,
  openKey,
  passphraseProblem,
  parsePublicKey,
  SecretKeyFile,
  type NewKeyOptions,
  type PublicKeyInfo,
} from './editions/keys.ts';
export {
  checkChain,
  metaUnhiddenMessage,
  prefillOk,
  scoringGate,
  trustIsSet,
  workbookEdition,
  type ScoringGate,
  type WorkbookEdition,
  EditionFile,
  type Envelope,
  publishEdition,
  statementHash,
  verifyEdition,
  type EditionCheck,
  type EditionStatus,
  type PublishOptions,
  type Statement,
  type TrustStore,
} from './editions/edition.ts';
export {
  EMPTY_TRUST_FILE,
  normalizeKeyId,
  parseTrustFile,
  trustAdd,
  trustRemove,
  trustRevoke,
  type TrustFile,
} from './editions/trust.ts';
export { readRoster, type RosterRead, type RosterUnit } from './roster/read-roster.ts';
export {
  PREFILL_PAYLOAD_TYPE,
  carriedChanges,
  changedName,
  sameFigure,
  signPrefill,
  verifyPrefill,
  type CarriedRecords,
  type PrefillChange,
  type PrefillCheck,
  type PrefillRead,
  type PrefillStatement,
  type PrefillStatus,
  type SignPrefillOptions,
} from './editions/prefill.ts';
export { DRAFT_MARKS, draftMark, draftMarkWords, type DraftFailure } from './write/draft-mark.ts';

// A review's results as data (kaohe_results), and composites of several reviews (kaohe combine).
export {
  readSummaryResults,
  RESULTS_SHEET,
  resultsSheet,
  type SummaryResults,
  type SummaryUnit,
} from './summary/results-sheet.ts';
export { COMPOSITE_SHEETS, compositeSheets } from './combine/composite-sheets.ts';
export { countersJson, parseCounters, unknownCounters } from './read/counters.ts';
export { diffReport, type DiffReport } from './diff-report.ts';
export { workbookFileName } from './template/file-name.ts';

// A parent's figures from its children's reviewed workbooks (kaohe rollup, the pane's 汇总下级).
export { planRollup, rolledUpInputs, type RolledFigure, type RollupPlan } from './review/rollup.ts';
// How each input unit shows in the sheets (also `@kaohe/sheet/unit-display`, nothing else).
export { UNIT_DISPLAY } from './unit-display.ts';
