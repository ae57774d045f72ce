// kaohe review <files or dirs…> --rules <rules.json> --out <summary.xlsx> [--csv <ranking.csv>]
//   [--roster <units.xlsx>] [--carried <file>…] [--history <previous summary.xlsx>]
//   [--counters <previous summary.xlsx>]
import { msgOf } from '@kaohe/engine';
import { hasFindings } from '@kaohe/sheet';
import { CliError, type CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { reviewText } from '../../i18n/review.ts';
import { collectWorkbooks } from '../../io/collect.ts';
import { writeAll, type PendingFile } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { startProgress } from '../../io/progress.ts';
import { trustIfAny } from '../../io/trust.ts';
import { loadRuleSet } from '../../io/rule-set.ts';
import { encodeSummary, readWorkbookFile } from '../../io/workbook.ts';
import { rankingCsv } from '../../report/ranking-csv.ts';
import { rankingRows } from '../../report/ranking.ts';
import { assessmentDate, certificationFindings, printCertification } from './certification.ts';
import { printFindings, printReview } from './print.ts';
import { reviewWorkbooks, type ReviewInput } from './review-workbooks.ts';
import { carriedOutFile, carriedSummary } from '../../io/carried.ts';
import { loadRecord, loadReviewHistory } from './record.ts';

export interface ReviewOptions {
  rules: string;
  out: string;
  force?: boolean;
  csv?: string;
  /** The trust list: each workbook's signed edition is checked (also the default list, if any). */
  trust?: string;
  /** A certification's assessment date, YYYY-MM-DD (default: today's, on this computer's clock). */
  assessedOn?: string;
  /** Also write the points this assessment carries into others (carriedOut) to this file. */
  carriedOut?: string;
  /** The roster: every unit on it must return its workbook; its targets and baselines count. */
  roster?: string;
  /** Carried-results files of other schemes (their --carried-out): their figures count. */
  carried?: string[];
  /** A certification's previous summary: the units' earlier records come from it. */
  history?: string;
  /** The previous period's summary: the units' counts before come from it. */
  counters?: string;
}

export async function runReview(
  paths: readonly string[],
  options: ReviewOptions,
  out: Output,
): Promise<CommandStatus> {
  const target = { path: resolveInput(out, options.out), shown: options.out };
  const csvTarget =
    options.csv === undefined
      ? undefined
      : { path: resolveInput(out, options.csv), shown: options.csv };
  if (csvTarget && csvTarget.path === target.path)
    throw new CliError('usage', reviewText.csvSameAsOut(csvTarget.shown));
  const loaded = await loadRuleSet(resolveInput(out, options.rules), options.rules, options.trust);
  const assessedOn = assessmentDate(loaded.ruleSet, options.assessedOn, out);
  const history = await loadReviewHistory(loaded.ruleSet, options.history, out);
  const record = await loadRecord(loaded.ruleSet, options, out);
  await refuseExisting(
    [target, ...(csvTarget ? [csvTarget] : [])].map((t) => ({ ...t, data: '' })),
    options.force,
  );
  const { found, skipped } = await collectWorkbooks(paths, out);
  if (skipped.length > 0) out.line(reviewText.skipped(skipped.length, skipped));
  // Read one at a time, as the review decodes them: never all files in memory at once.
  const inputs: ReviewInput[] = found.map((f) => ({
    shown: f.shown,
    read: () => readWorkbookFile(f.path, f.shown),
  }));

  const progress = startProgress(out, inputs.length, out.text(reviewText.progress));
  const trust = await trustIfAny(options.trust);
  const review = await reviewWorkbooks(inputs, loaded, (file) => progress.tick(file), {
    ...(trust ? { trust } : {}),
    ...(assessedOn !== undefined ? { assessedOn } : {}),
    ...(history ? { history } : {}),
    ...(record ? { record } : {}),
  }).finally(() => progress.stop());
  const files: PendingFile[] = [{ ...target, data: await encodeSummary(review.summary) }];
  const rows = rankingRows(review.cohort);
  if (csvTarget) files.push({ ...csvTarget, data: rankingCsv(rows, out, review.missing) });
  const carried = options.carriedOut
    ? carriedOutFile(
        loaded.ruleSet,
        review.cohort.units.map((u) => u.result),
        { path: resolveInput(out, options.carriedOut), shown: options.carriedOut },
      )
    : undefined;
  if (carried) {
    await refuseExisting([carried.file], options.force);
    files.push(carried.file);
  }
  await writeAll(files);

  const cr = review.certification;
  if (cr) {
    // One 整改通知书 per unit not certified (sheets/certification in @kaohe/sheet).
    printCertification(cr, loaded.ruleSet, cr.failed, out);
    out.line('');
    printFindings(review, loaded.ruleSet, out);
  }
  const ranking = cr ? rows : printReview(review, rows, loaded.ruleSet, out);
  if (carried) out.line(carriedSummary(carried.record));
  for (const f of files) out.note(common.wrote(f.shown));
  const { findings } = review;
  out.result({
    command: 'review',
    out: options.out,
    csv: options.csv,
    ...(options.carriedOut ? { carriedOut: options.carriedOut } : {}),
    ruleSet: {
      id: loaded.ruleSet.id,
      edition: loaded.ruleSet.edition,
      title: msgOf(loaded.ruleSet.title),
      checksum: review.checksum,
    },
    ranking,
    grades: review.cohort.grades,
    units: review.units,
    rejected: review.rejected,
    missing: review.missing,
    skipped,
    findings,
    ...(cr
      ? {
          certification: {
            assessedOn: cr.assessedOn,
            passed: cr.passed,
            failed: cr.failed,
            undecided: cr.undecided,
            refused: cr.refused,
            units: cr.units.map((u) => ({
              unitId: u.unitId,
              name: u.name,
              file: u.file,
              record: u.outcome?.record ?? null,
              history: u.outcome?.history ?? u.earlier,
              summary: u.outcome?.summary ?? null,
              issues: u.issues,
              ...(u.historyDiffers ? { historyDiffers: u.historyDiffers } : {}),
            })),
          },
        }
      : {}),
    issues: review.cohort.issues,
  });
  return hasFindings(findings) || (cr && certificationFindings(cr)) ? 'findings' : 'ok';
}
