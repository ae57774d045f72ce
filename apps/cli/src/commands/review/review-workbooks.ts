// Many returned workbooks → the review, decided once in @kaohe/sheet (reviewReturns: duplicates,
// stage, altered rules, rejected files) and shared with the task pane. Here: decode the files
// (readReturns, also `kaohe rollup`'s reader of the children's workbooks).
import {
  type CertificationReview,
  readReturn,
  reviewReads,
  type ReadReturn,
  type RejectedFile,
  type ReviewFindings,
  type ReviewResult,
  type RulesState,
  type SheetGrid,
  type SheetIssue,
  type SheetLayout,
  type Stage,
} from '@kaohe/sheet';
import type { CertificationRecord, Change, CohortResult, Msg, RuleSet } from '@kaohe/engine';
import type {
  Difference,
  MissingUnit,
  PrefillChange,
  RecordCheck,
  ReviewerRecord,
  TrustStore,
} from '@kaohe/sheet';
import { CliError, type ErrorDetail } from '../../errors.ts';
import { reviewText } from '../../i18n/review.ts';
import type { LoadedRuleSet } from '../../io/rule-set.ts';
import { decodeWorkbook } from '../../io/workbook.ts';

export interface ReviewInput {
  /** The file as the user named it. */
  shown: string;
  /** Its bytes, asked for only when it is its turn (a refused file is a failure like any other). */
  read: () => Promise<Uint8Array>;
}

interface ReviewedUnit {
  file: string;
  /** Copies of the same file (same unit, same content), counted once. */
  sameAs: string[];
  unitId: string;
  name: string;
  rules: RulesState;
  /** The embedded rules are not the reviewer's (altered, or another edition). */
  rulesDiffer: boolean;
  /** Altered: edited behind their checksum, damaged, or other rules under the same edition. */
  rulesAltered: boolean;
  /** The meta cell that shows it. */
  rulesAt: string | null;
  ruleChanges: Change[];
  embeddedChecksum: string;
  /** The latest stage filled in the sheet, whose scores were compared; null: 未自评. */
  stage: Stage | null;
  differences: Difference[];
  warnings: SheetIssue[];
  /** Who issued the rules inside (reviews with a trust list). */
  edition?: { status: string; message: Msg; fingerprint?: string };
  /** Whether the prefilled targets and baselines are as signed (reviews with a trust list). */
  prefill?: { status: string; message: Msg; changes: PrefillChange[] };
  /** The rules sheet was made visible (reviews with a trust list). */
  metaUnhidden?: boolean;
  /** Its figures against the reviewer's record (--roster, --carried). */
  record?: RecordCheck;
}

export interface Review {
  checksum: string;
  cohort: CohortResult;
  /** The summary workbook's sheets (ranking first) from the codec. */
  summary: SheetLayout[];
  /** In the cohort's ranking order. */
  units: ReviewedUnit[];
  rejected: RejectedFile[];
  findings: ReviewFindings;
  /** A certification rule set: each unit certified on the assessment date. */
  certification?: CertificationReview;
  /** With a roster: its units that returned no workbook (未上报). */
  missing: MissingUnit[];
}

/** What the review holds besides the files: the trust list, a certification's date and earlier
 *  records, the reviewer's record of the units' figures (roster, carried results). */
export interface ReviewContext {
  trust?: TrustStore;
  /** A certification's assessment date (YYYY-MM-DD). */
  assessedOn?: string;
  history?: ReadonlyMap<string, readonly CertificationRecord[]>;
  record?: ReviewerRecord;
}

const asIssues = (e: CliError): SheetIssue[] =>
  e.details.map((d) => ({
    code: d.code,
    path: d.where,
    address: d.where,
    severity: 'error',
    message: d.message,
  }));

/**
 * The returned workbooks decoded and read one at a time (so that only one file's grids are held
 * at once), as `kaohe review` and `kaohe rollup` read them: a file that cannot be decoded is a
 * return that is rejected with its reason. `refuse`: grids that are not a return at all (for
 * rollup, a summary) stop the command with that error.
 */
export async function readReturns(
  inputs: readonly ReviewInput[],
  ruleSet: RuleSet,
  onEach: (file: string) => void = () => undefined,
  refuse?: (grids: readonly SheetGrid[], shown: string) => CliError | undefined,
): Promise<ReadReturn[]> {
  const reads: ReadReturn[] = [];
  for (const [index, input] of inputs.entries()) {
    let grids: SheetGrid[];
    try {
      grids = await decodeWorkbook(await input.read(), input.shown);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      reads.push(
        readReturn({ file: input.shown, unreadable: e.msg, details: asIssues(e) }, index, ruleSet),
      );
      onEach(input.shown);
      continue;
    }
    const refused = refuse?.(grids, input.shown);
    if (refused) throw refused;
    reads.push(readReturn({ file: input.shown, grids }, index, ruleSet));
    onEach(input.shown);
  }
  return reads;
}

export async function reviewWorkbooks(
  inputs: readonly ReviewInput[],
  loaded: LoadedRuleSet,
  onEach: (file: string) => void = () => undefined,
  context: ReviewContext = {},
): Promise<Review> {
  const { trust, assessedOn, history, record } = context;
  const reads = await readReturns(inputs, loaded.ruleSet, onEach);
  const review: ReviewResult = reviewReads(reads, loaded.ruleSet, loaded.compiled, {
    ...(trust ? { trust } : {}),
    ...(assessedOn !== undefined ? { assessedOn } : {}),
    ...(history ? { history } : {}),
    ...(record ? { record } : {}),
  });
  if (review.units.length === 0 && review.rejected.length > 0) {
    // Nothing to rank: the review cannot be done (exit 3), each file with its reason.
    const details: ErrorDetail[] = review.rejected.flatMap((r) => [
      { code: r.reason, where: '', message: r.message },
      ...r.issues.map((i) => ({ code: i.code, where: `  ${i.address}`, message: i.message })),
    ]);
    const code = review.rejected.every((r) => r.reason === 'wrong-rule-set')
      ? 'wrong-rule-set'
      : 'input-corrupt';
    throw new CliError(code, reviewText.unusable(review.rejected.length), details);
  }
  return {
    checksum: review.checksum,
    cohort: review.cohort,
    summary: review.summary.sheets,
    rejected: review.rejected,
    findings: review.findings,
    missing: review.missing,
    ...(review.certification ? { certification: review.certification } : {}),
    units: review.units.map((u) => ({
      file: u.file,
      sameAs: u.sameAs.map((s) => s.file),
      unitId: u.unitId,
      name: u.name,
      rules: u.rules,
      rulesDiffer: u.rules !== 'same',
      rulesAltered: u.rules === 'altered',
      rulesAt: u.rulesAt,
      ruleChanges: u.ruleChanges,
      embeddedChecksum: u.read.embeddedChecksum,
      stage: u.stage,
      differences: u.differences,
      warnings: u.warnings,
      ...(u.edition
        ? {
            edition: {
              status: u.edition.status,
              message: u.edition.message,
              ...('signer' in u.edition && u.edition.signer
                ? { fingerprint: u.edition.signer.fingerprint }
                : {}),
            },
          }
        : {}),
      ...(trust && u.read.metaUnhidden ? { metaUnhidden: true } : {}),
      ...(u.record ? { record: u.record } : {}),
      ...(u.prefill
        ? {
            prefill: {
              status: u.prefill.status,
              message: u.prefill.message,
              changes: u.prefill.changes,
            },
          }
        : {}),
    })),
  };
}
