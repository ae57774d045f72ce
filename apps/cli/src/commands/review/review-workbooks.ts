// Many filled workbooks → one cohort recomputed under the reviewer's rules, with what each
// sheet reported, where it differs, and whether its embedded rules are the reviewer's.
import { scoreCohort, type CohortResult, type UnitInput } from '@kaohe/engine';
import {
  buildSummary,
  readSheet,
  ruleSetChecksum,
  scoreDifferences,
  type Difference,
  type Reported,
  type SheetIssue,
  type SheetLayout,
  type SheetRead,
  type Stage,
  type Submission,
} from '@kaohe/sheet';
import { CliError, type ErrorDetail } from '../../errors.ts';
import { reviewText } from '../../i18n/review.ts';
import type { LoadedRuleSet } from '../../io/rule-set.ts';
import { sheetFailure } from '../../io/sheet-issues.ts';
import { decodeWorkbook } from '../../io/workbook.ts';

const LATEST_FIRST: readonly Stage[] = ['final', 'review', 'self'];

/** The last stage anyone filled (final review, review, self-assessment): the one compared. */
export function latestStage(reported: Reported): Stage | undefined {
  return LATEST_FIRST.find((s) => Object.values(reported[s]).some((v) => v !== null));
}

export interface ReviewInput {
  /** The file as the user named it. */
  shown: string;
  bytes: Uint8Array;
}

export interface ReviewedUnit {
  file: string;
  unitId: string;
  name: string;
  /** The embedded rules are not the reviewer's (altered, or another edition). */
  rulesDiffer: boolean;
  /** The embedded rules were edited behind their checksum or damaged (implies rulesDiffer). */
  rulesAltered: boolean;
  embeddedChecksum: string;
  /** The latest stage filled in the sheet, whose scores were compared. */
  stage: Stage | null;
  differences: Difference[];
  warnings: SheetIssue[];
}

export interface Review {
  checksum: string;
  cohort: CohortResult;
  /** The summary workbook's sheets (ranking first) from the codec. */
  summary: SheetLayout[];
  /** In the cohort's ranking order. */
  units: ReviewedUnit[];
}

export async function reviewWorkbooks(
  inputs: readonly ReviewInput[],
  loaded: LoadedRuleSet,
  onEach: (file: string) => void = () => undefined,
): Promise<Review> {
  const reads: { input: ReviewInput; read: SheetRead; warnings: SheetIssue[] }[] = [];
  const failures: CliError[] = [];
  for (const input of inputs) {
    try {
      const grids = await decodeWorkbook(input.bytes, input.shown);
      // Altered embedded rules do not stop a review: the unit is recomputed by the reviewer's
      // rules anyway and flagged (rulesAltered).
      const read = readSheet(grids, { ruleSet: loaded.ruleSet, embedded: 'reviewer-wins' });
      if (read.ok) reads.push({ input, read: read.value, warnings: read.warnings });
      else failures.push(sheetFailure(input.shown, read.issues));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failures.push(e);
    }
    onEach(input.shown);
  }
  if (failures.length > 0) {
    const details: ErrorDetail[] = failures.flatMap((f) => [
      { code: f.code, where: '', message: f.msg },
      ...f.details.map((d) => ({ ...d, where: `  ${d.where}` })),
    ]);
    const code = failures.some((f) => f.code === 'wrong-rule-set') ? 'wrong-rule-set' : 'input-corrupt';
    throw new CliError(code, reviewText.unusable(failures.length), details);
  }
  const byId = new Map<string, string[]>();
  for (const r of reads) byId.set(r.read.unit.id, [...(byId.get(r.read.unit.id) ?? []), r.input.shown]);
  const dupes = [...byId].filter(([, files]) => files.length > 1);
  if (dupes.length > 0) {
    const [id, files] = dupes[0] as [string, string[]];
    throw new CliError('input-invalid', reviewText.duplicate(id, files.join('、')));
  }

  const units: UnitInput[] = reads.map((r) => r.read.unit);
  const cohort = scoreCohort(loaded.compiled, units);
  const readById = new Map(reads.map((r) => [r.read.unit.id, r]));
  const submissions: Submission[] = reads.map((r) => ({
    unitId: r.read.unit.id,
    reported: r.read.reported,
    stage: latestStage(r.read.reported) ?? 'self',
    embeddedChecksum: r.read.embeddedChecksum,
    rulesAltered: r.read.rulesAltered,
  }));
  // The same comparison the summary's 差异 sheet lists: one definition of a difference.
  const differences = scoreDifferences(
    cohort.units.map((u) => u.result),
    submissions,
  );
  const summary = buildSummary(cohort, loaded.ruleSet, { submissions });
  return {
    checksum: ruleSetChecksum(loaded.ruleSet),
    cohort,
    summary: summary.sheets,
    units: cohort.units.map((u) => {
      const r = readById.get(u.unitId);
      if (!r) throw new Error(`unit ${u.unitId} came out of the cohort without its workbook`);
      return {
        file: r.input.shown,
        unitId: u.unitId,
        name: u.name,
        rulesDiffer: r.read.rulesDiffer,
        rulesAltered: r.read.rulesAltered,
        embeddedChecksum: r.read.embeddedChecksum,
        stage: latestStage(r.read.reported) ?? null,
        differences: differences.filter((d) => d.unitId === u.unitId),
        warnings: r.warnings,
      };
    }),
  };
}
