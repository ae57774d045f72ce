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
function latestStage(reported: Reported): Stage | undefined {
  return LATEST_FIRST.find((s) => Object.values(reported[s]).some((v) => v !== null));
}

export interface ReviewInput {
  /** The file as the user named it. */
  shown: string;
  /** Its bytes, asked for only when it is its turn (a refused file is a failure like any other). */
  read: () => Promise<Uint8Array>;
}

interface ReviewedUnit {
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
      const grids = await decodeWorkbook(await input.read(), input.shown);
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
    const code = failures.some((f) => f.code === 'wrong-rule-set')
      ? 'wrong-rule-set'
      : 'input-corrupt';
    throw new CliError(code, reviewText.unusable(failures.length), details);
  }
  // One entry per unit id (more than one is a duplicate), with its latest stage worked out once.
  const byId = new Map<string, ((typeof reads)[number] & { stage: Stage | null })[]>();
  for (const r of reads)
    byId.set(r.read.unit.id, [
      ...(byId.get(r.read.unit.id) ?? []),
      { ...r, stage: latestStage(r.read.reported) ?? null },
    ]);
  const dupe = [...byId].find(([, entries]) => entries.length > 1);
  if (dupe)
    throw new CliError(
      'input-invalid',
      reviewText.duplicate(dupe[0], dupe[1].map((e) => e.input.shown).join('、')),
    );
  const entries = [...byId.values()].map((e) => e[0] as (typeof e)[number]);

  const units: UnitInput[] = reads.map((r) => r.read.unit);
  const cohort = scoreCohort(loaded.compiled, units);
  const submissions: Submission[] = entries.map((r) => ({
    unitId: r.read.unit.id,
    reported: r.read.reported,
    stage: r.stage ?? 'self',
    embeddedChecksum: r.read.embeddedChecksum,
    rulesAltered: r.read.rulesAltered,
  }));
  // The same comparison the summary's 差异 sheet lists: one definition of a difference.
  const differences = scoreDifferences(
    cohort.units.map((u) => u.result),
    submissions,
    loaded.ruleSet.sanctions.map((x) => x.id),
  );
  const summary = buildSummary(cohort, loaded.ruleSet, { submissions });
  return {
    checksum: ruleSetChecksum(loaded.ruleSet),
    cohort,
    summary: summary.sheets,
    units: cohort.units.map((u) => {
      const r = byId.get(u.unitId)?.[0];
      if (!r) throw new Error(`unit ${u.unitId} came out of the cohort without its workbook`);
      return {
        file: r.input.shown,
        unitId: u.unitId,
        name: u.name,
        rulesDiffer: r.read.rulesDiffer,
        rulesAltered: r.read.rulesAltered,
        embeddedChecksum: r.read.embeddedChecksum,
        stage: r.stage,
        differences: differences.filter((d) => d.unitId === u.unitId),
        warnings: r.warnings,
      };
    }),
  };
}
