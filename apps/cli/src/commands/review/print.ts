// A review for a person: the ranking, the grade counts, then every finding.
import { msgOf, type Msg, type RuleSet } from '@kaohe/engine';
import { reviewText } from '../../i18n/review.ts';
import { scoreText } from '../../i18n/score.ts';
import type { Output } from '../../io/output.ts';
import { formatGrades, formatRanking, type RankingRow } from '../../report/ranking.ts';
import { hasFindings, prefillOk, rowCaptions } from '@kaohe/sheet';
import type { Review } from './review-workbooks.ts';

/** Prints the review; `rows` are its ranking rows (`rankingRows(review.cohort)`), made once. */
export function printReview(
  review: Review,
  rows: RankingRow[],
  ruleSet: RuleSet,
  out: Output,
  heading?: Msg,
): RankingRow[] {
  out.line(heading ?? reviewText.heading(out.text(msgOf(ruleSet.title)), rows.length));
  out.line('');
  out.line(formatRanking(rows, out, review.missing));
  const grades = formatGrades(review.cohort, out);
  if (grades) out.line(grades);
  // Each sanction that holds, in listing order: an interview the counters across periods call
  // for is not in the ranking's columns.
  for (const u of review.cohort.units)
    for (const s of u.result.sanctions)
      out.line(
        reviewText.sanction(u.result.name, u.result.unitId, scoreText.levels[s.level], s.reason),
      );
  out.line('');
  printFindings(review, ruleSet, out);
  return rows;
}

/** Every finding of the review (rejected files, flags, differences) and the count line. */
export function printFindings(review: Review, ruleSet: RuleSet, out: Output): void {
  for (const r of review.rejected) {
    out.line(reviewText.rejected(r.message));
    for (const i of r.issues)
      out.line(`  ${i.address ? `${i.address}:` : ''}${out.text(i.message)}`);
  }
  const captions = rowCaptions(ruleSet);
  for (const u of review.units) {
    if (u.sameAs.length > 0) out.line(reviewText.sameFile(u.name, u.file, u.sameAs));
    if (u.edition && u.edition.status !== 'trusted')
      out.line(reviewText.unverified(u.name, u.file, u.edition.message));
    if (u.prefill && !prefillOk(u.prefill))
      out.line(reviewText.prefillFlag(u.name, u.file, u.prefill.message));
    if (u.metaUnhidden) out.line(reviewText.metaUnhidden(u.name, u.file));
    if (u.rulesAltered) out.line(reviewText.rulesAltered(u.name, u.file, u.rulesAt ?? ''));
    else if (u.rulesDiffer) out.line(reviewText.rulesDiffer(u.name, u.file));
    for (const c of u.ruleChanges) out.line(reviewText.ruleChange(c.message));
    if (u.record?.message) out.line(reviewText.recordFlag(u.name, u.file, u.record.message));
    if (u.stage === null) out.line(reviewText.notScored(u.name, u.file));
    for (const d of u.differences) {
      out.line(
        reviewText.difference(
          u.name,
          captions.get(d.key) ?? { zh: d.key, en: d.key },
          scoreText.stage[u.stage ?? 'self'],
          d.reported,
          d.recomputed,
        ),
      );
    }
  }
  for (const m of review.missing) out.line(reviewText.missing(m.name, m.id, m.address));
  const f = review.findings;
  if (f.missing > 0) out.line(reviewText.missingCount(f.missing));
  if (f.recordDiffers > 0) out.line(reviewText.recordCount(f.recordDiffers, f.outsideRoster));
  if (f.historyDiffers > 0) out.line(reviewText.historyCount(f.historyDiffers));
  if (f.unverified > 0) out.line(reviewText.unverifiedCount(f.unverified));
  if (f.prefillUnverified > 0) out.line(reviewText.prefillCount(f.prefillUnverified));
  out.line(
    hasFindings(f)
      ? reviewText.findings(
          f.differences,
          f.unitsWithDifferences,
          f.rulesDiffer,
          f.rulesAltered,
          f.notScored,
          f.rejected,
        )
      : reviewText.clean,
  );
}
